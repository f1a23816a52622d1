package org.radassist.workstation.internal;

import com.formdev.flatlaf.FlatLightLaf;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.radassist.workstation.internal.study.DefaultStudies;

/**
 * {@code radassist workstation [--study DIR] [--headless --out DIR] [--dictation FILE]}: starts
 * Felix with every RadAssist bundle on the class path and the workstation host, opening the given
 * folder or the generated default study. Exit 0 on success, 1 on bad input or a failed run.
 */
public final class WorkstationCommand {
  static final String PREFIX = "radassist workstation: ";
  static final long HEADLESS_TIMEOUT_SECONDS = 300;
  static final String HOST_BUNDLE = "org.radassist.workstation";

  private WorkstationCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    LaunchOptions.Parsed parsed = LaunchOptions.parse(args);
    if (parsed.help()) {
      out.print(LaunchOptions.USAGE);
      return 0;
    }
    if (parsed.options().isEmpty()) {
      parsed.problems().forEach(p -> err.println(PREFIX + p));
      return 1;
    }
    LaunchOptions options = parsed.options().get();
    if (options.headless()) {
      System.setProperty("java.awt.headless", "true");
    } else if (GraphicsEnvironment.isHeadless()) {
      err.println(PREFIX + "no display (set DISPLAY, or run with --headless --out DIR)");
      return 1;
    }
    try {
      Path study =
          options.study().isPresent()
              ? options.study().get().toAbsolutePath()
              : DefaultStudies.ensure(DefaultStudies.home(), err);
      FlatLightLaf.setup();
      Map<String, String> properties = new HashMap<>();
      properties.put(FrameworkProperties.STUDY, study.toString());
      properties.put(FrameworkProperties.HEADLESS, Boolean.toString(options.headless()));
      Path auditDir = DefaultStudies.home().resolve("audit");
      if (options.out().isPresent()) {
        Path outDir = options.out().get().toAbsolutePath();
        properties.put(FrameworkProperties.OUT, outDir.toString());
        auditDir = outDir.resolve("audit");
      }
      if (options.headless()) {
        // a headless run must not meet a desktop session's intake port or its unsent dictation
        properties.put("radassist.speech.loopback.port", "0");
        properties.put(
            FrameworkProperties.DATA_DIR,
            options.out().orElseThrow().toAbsolutePath().resolve("data").toString());
      }
      options
          .dictation()
          .ifPresent(
              d -> properties.put(FrameworkProperties.DICTATION, d.toAbsolutePath().toString()));
      // governance's rollout as a Config Admin configuration made before any component starts: a
      // framework property would reach it through the bridge only after it first answered
      Map<String, Map<String, Object>> configurations =
          Map.of(
              "org.radassist.audit",
              Map.of("directory", auditDir.toString()),
              "org.radassist.governance",
              Map.of("rollout.defaultMode", options.rollout()));
      try (FelixLauncher launcher =
          FelixLauncher.start(
              properties,
              BundleJars.fromClassPath(System.getProperty("java.class.path")),
              configurations)) {
        launcher.problems().forEach(p -> err.println(PREFIX + p));
        if (!launcher.isActive(HOST_BUNDLE)) {
          err.println(PREFIX + "the workstation host bundle did not start (see above)");
          return 1;
        }
        return options.headless()
            ? launcher.exitCode().get(HEADLESS_TIMEOUT_SECONDS, TimeUnit.SECONDS)
            : launcher.exitCode().get();
      }
    } catch (TimeoutException e) {
      err.println(
          PREFIX + "the headless run did not finish within " + HEADLESS_TIMEOUT_SECONDS + " s");
      return 1;
    } catch (IOException e) {
      err.println(PREFIX + e.getMessage());
      return 1;
    } catch (Exception e) {
      err.println(PREFIX + "could not run the workstation: " + e);
      return 1;
    }
  }
}
