package org.radassist.workstation.internal;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * Starts Felix the way Weasis does (slf4j and FlatLaf exported by the system bundle, unversioned),
 * installs the given bundles, applies the initial configurations through Config Admin before any
 * component reads them, starts everything and registers the exit handle last, so that the host
 * bundle starts its work only once every other bundle is up.
 */
public final class FelixLauncher implements AutoCloseable {
  static final String CONFIG_ADMIN_BSN = "org.apache.felix.configadmin";

  private final Framework framework;
  private final Path storage;
  private final List<String> problems;
  private final CompletableFuture<Integer> exit;

  private FelixLauncher(
      Framework framework, Path storage, List<String> problems, CompletableFuture<Integer> exit) {
    this.framework = framework;
    this.storage = storage;
    this.problems = problems;
    this.exit = exit;
  }

  /**
   * @param properties framework properties added to the launcher's own
   * @param configurations initial Config Admin configurations by PID
   */
  public static FelixLauncher start(
      Map<String, String> properties,
      List<BundleJars.BundleJar> bundles,
      Map<String, Map<String, Object>> configurations)
      throws IOException, BundleException {
    Path storage = Files.createTempDirectory("radassist-felix-");
    Map<String, String> config = new HashMap<>();
    config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
    config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
    config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, FrameworkProperties.SYSTEM_PACKAGES_EXTRA);
    config.put("felix.log.level", "1");
    config.putAll(properties);
    FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow();
    Framework framework = factory.newFramework(config);
    framework.start();
    BundleContext context = framework.getBundleContext();
    List<String> problems = new ArrayList<>();
    List<Bundle> installed = new ArrayList<>();
    for (BundleJars.BundleJar jar : bundles) {
      try {
        installed.add(context.installBundle(jar.path().toUri().toString()));
      } catch (BundleException e) {
        problems.add(jar.path().getFileName() + ": not installed (" + e.getMessage() + ")");
      }
    }
    // Config Admin first, so the configurations are in place before SCR activates anything
    for (Bundle b : installed) {
      if (CONFIG_ADMIN_BSN.equals(b.getSymbolicName())) {
        startQuietly(b, problems);
        configure(context, configurations, problems);
      }
    }
    for (Bundle b : installed) {
      if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
        startQuietly(b, problems);
      }
    }
    CompletableFuture<Integer> exit = new CompletableFuture<>();
    Hashtable<String, Object> exitProperties = new Hashtable<>();
    exitProperties.put(FrameworkProperties.EXIT_HANDLE, "true");
    context.registerService(IntConsumer.class, exit::complete, exitProperties);
    return new FelixLauncher(framework, storage, problems, exit);
  }

  private static void startQuietly(Bundle b, List<String> problems) {
    try {
      b.start();
    } catch (BundleException | RuntimeException e) {
      problems.add(b.getSymbolicName() + ": not started (" + e.getMessage() + ")");
    }
  }

  /**
   * Config Admin's classes are the bundle's, not the launcher's: it is called through its
   * interface, reflectively, with JDK types only.
   */
  private static void configure(
      BundleContext context,
      Map<String, Map<String, Object>> configurations,
      List<String> problems) {
    ServiceReference<?> ref = awaitService(context, "org.osgi.service.cm.ConfigurationAdmin");
    if (ref == null) {
      problems.add("Config Admin is not running: default configurations apply");
      return;
    }
    Object admin = context.getService(ref);
    try {
      Class<?> adminType = ref.getBundle().loadClass("org.osgi.service.cm.ConfigurationAdmin");
      Class<?> configurationType = ref.getBundle().loadClass("org.osgi.service.cm.Configuration");
      Method get = adminType.getMethod("getConfiguration", String.class, String.class);
      Method update = configurationType.getMethod("update", Dictionary.class);
      for (Map.Entry<String, Map<String, Object>> e : configurations.entrySet()) {
        Object configuration = get.invoke(admin, e.getKey(), null);
        update.invoke(configuration, new Hashtable<>(e.getValue()));
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      problems.add("configuration not applied: " + e);
    } finally {
      context.ungetService(ref);
    }
  }

  /**
   * Config Admin registers its service a moment after its bundle started. All references, not the
   * assignable ones: the launcher's class path holds another copy of the Config Admin API, so Felix
   * would filter the service out for the system bundle.
   */
  private static ServiceReference<?> awaitService(BundleContext context, String type) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (true) {
      try {
        ServiceReference<?>[] refs = context.getAllServiceReferences(type, null);
        if (refs != null && refs.length > 0) {
          return refs[0];
        }
        if (System.nanoTime() > deadline) {
          return null;
        }
        Thread.sleep(20);
      } catch (InvalidSyntaxException e) {
        throw new IllegalArgumentException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
  }

  /** True when the bundle of this symbolic name is installed and active. */
  public boolean isActive(String symbolicName) {
    for (Bundle b : framework.getBundleContext().getBundles()) {
      if (symbolicName.equals(b.getSymbolicName())) {
        return b.getState() == Bundle.ACTIVE;
      }
    }
    return false;
  }

  /** One line per bundle that was not installed or started, and per configuration problem. */
  public List<String> problems() {
    return List.copyOf(problems);
  }

  public Framework framework() {
    return framework;
  }

  /** Completes with the exit code the host hands to the exit handle. */
  public CompletableFuture<Integer> exitCode() {
    return exit;
  }

  @Override
  public void close() throws Exception {
    try {
      framework.stop();
      framework.waitForStop(20_000);
    } finally {
      try (Stream<Path> files = Files.walk(storage)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
