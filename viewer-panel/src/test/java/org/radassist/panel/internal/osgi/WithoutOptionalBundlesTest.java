package org.radassist.panel.internal.osgi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.radassist.panel.testing.Headless.onEdt;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.swing.JComponent;
import org.junit.jupiter.api.Test;
import org.radassist.host.ViewerHost;
import org.radassist.model.StudyContext;
import org.radassist.panel.testing.Fixtures;
import org.radassist.panel.testing.TestHost;

/**
 * The panel where the speech hook bundle is not installed and no governance, audit trail or priors
 * service runs (their API bundles are always installed with the panel): the panel's classes are
 * loaded by a class loader that cannot see the hook's packages nor the internal packages of audit,
 * priors and governance, as in an OSGi framework where only the APIs are wired to the panel, and
 * the tool is contributed, opens studies, drafts and is disposed without ever asking for one of
 * their classes. Governance's service is absent here, so the panel's own role gate applies.
 */
class WithoutOptionalBundlesTest {

  /** Defines the panel's own classes itself and refuses the optional bundles' packages. */
  static final class WithoutOptionalBundles extends ClassLoader {
    final List<String> refused = new CopyOnWriteArrayList<>();

    WithoutOptionalBundles(ClassLoader parent) {
      super(parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      synchronized (getClassLoadingLock(name)) {
        if (name.startsWith("org.radassist.speech.hook.")
            || name.startsWith("org.radassist.speech.internal.")
            || name.startsWith("org.radassist.audit.internal.")
            || name.startsWith("org.radassist.priors.internal.")
            || name.startsWith("org.radassist.governance.internal.")) {
          refused.add(name);
          throw new ClassNotFoundException(name + " (bundle not installed)");
        }
        if (name.startsWith("org.radassist.panel.")
            && !name.startsWith("org.radassist.panel.testing.")) {
          Class<?> c = findLoadedClass(name);
          if (c == null) {
            try (InputStream in =
                getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
              if (in == null) {
                throw new ClassNotFoundException(name);
              }
              byte[] bytes = in.readAllBytes();
              c = defineClass(name, bytes, 0, bytes.length);
            } catch (IOException e) {
              throw new ClassNotFoundException(name, e);
            }
          }
          return c;
        }
        return super.loadClass(name, resolve);
      }
    }
  }

  @Test
  void theToolIsContributedAndWorksWithoutTheHookBundleNorGovernanceAuditOrPriorsServices()
      throws Exception {
    WithoutOptionalBundles loader = new WithoutOptionalBundles(getClass().getClassLoader());
    Class<?> type = loader.loadClass(RadAssistToolContribution.class.getName());
    assertThat(type).isNotSameAs(RadAssistToolContribution.class);
    // what SCR does to find the references, the constructor and the bind methods
    type.getDeclaredFields();
    type.getDeclaredMethods();
    type.getDeclaredConstructors();
    Class<?> configType = loader.loadClass(ToolConfiguration.class.getName());
    Object config =
        Proxy.newProxyInstance(
            loader,
            new Class<?>[] {configType},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "lowConfidenceThreshold" -> 0.5;
                  case "position" -> 50;
                  default -> null;
                });
    Object contribution = type.getConstructor(configType).newInstance(config);
    Method create = type.getMethod("createComponent", ViewerHost.class);
    Method dispose = type.getMethod("dispose", JComponent.class);

    TestHost host = new TestHost(Fixtures.study(), List.of());
    JComponent component = onEdt(() -> (JComponent) create.invoke(contribution, host));
    assertThat(component.getName()).isEqualTo("radassist.tool");
    host.open(StudyContext.ofStudy("1.2.3.4.5.6"), List.of());
    // the draft button's path without a hook: drafting shows as unavailable, nothing else asked
    onEdt(
        () -> {
          for (javax.swing.JButton b :
              org.radassist.panel.testing.Headless.find(component, javax.swing.JButton.class)) {
            if (b.getText().equals("Draft report")) {
              b.doClick();
            }
          }
        });
    Thread.sleep(300); // the worker threads look the services up
    onEdt(() -> {});
    onEdt(() -> dispose.invoke(contribution, component));
    assertThat(loader.refused).as("classes of absent bundles asked for").isEmpty();
  }
}
