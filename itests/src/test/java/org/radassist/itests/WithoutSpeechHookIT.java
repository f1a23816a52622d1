package org.radassist.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.awt.Component;
import java.awt.Container;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import javax.inject.Inject;
import javax.swing.AbstractButton;
import javax.swing.JComponent;
import javax.swing.JTabbedPane;
import javax.swing.SwingUtilities;
import javax.swing.text.JTextComponent;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.util.tracker.ServiceTracker;
import org.radassist.host.LoadedInstance;
import org.radassist.host.OpenResult;
import org.radassist.host.PanelContribution;
import org.radassist.host.Role;
import org.radassist.host.StudyContextListener;
import org.radassist.host.UserIdentity;
import org.radassist.host.ViewerHost;
import org.radassist.model.ImageReference;
import org.radassist.model.StudyContext;

/**
 * Every RadAssist bundle but the speech hook's implementation (bundle org.radassist.speech.hook,
 * with Jetty and HAPI): only the always-installed speech API is there. Everything resolves and
 * starts, every component is satisfied, no SpeechHook service exists, and the panel contributed by
 * the viewer-panel bundle drafts the radiologist's dictation through the drafting service itself.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WithoutSpeechHookIT {
  static final Predicate<File> HOOK = f -> f.getName().startsWith("org.radassist.speech.hook-");
  static final Predicate<File> INCLUDED = RadAssistRuntime.WEASIS_ONLY.negate().and(HOOK.negate());

  @Inject BundleContext context;
  @Inject ServiceComponentRuntime scr;

  @Configuration
  public Option[] config() {
    return options(
        // governance runs here too: assistive (as the Weasis extension sets it), so drafts show
        frameworkProperty("radassist.governance.rollout.defaultMode").value("assistive"),
        RadAssistRuntime.framework(INCLUDED));
  }

  @Test
  public void everyOtherBundleIsActiveAndNoSpeechHookServiceExists() throws Exception {
    int expected = (int) RadAssistRuntime.radAssistBundles().stream().filter(INCLUDED).count();
    FrameworkChecks.assertAllActive(context, expected);
    Bundle api = null;
    for (Bundle b : context.getBundles()) {
      assertTrue(
          "the speech hook bundle is not installed here",
          !"org.radassist.speech.hook".equals(b.getSymbolicName()));
      if ("org.radassist.speech.api".equals(b.getSymbolicName())) {
        api = b;
      }
    }
    assertNotNull("the speech API bundle is installed", api);
    assertEquals(Bundle.ACTIVE, api.getState());
    assertNull(context.getServiceReference("org.radassist.speech.SpeechHook"));
    FrameworkChecks.assertAllComponentsSatisfied(context, scr);
  }

  @Test
  public void thePanelDraftsTheDictationThroughTheDraftingServiceItself() throws Exception {
    ServiceTracker<PanelContribution, PanelContribution> tracker =
        new ServiceTracker<>(
            context,
            context.createFilter(
                "(&(objectClass=org.radassist.host.PanelContribution)"
                    + "(component.name=org.radassist.panel.internal.osgi.RadAssistToolContribution))"),
            null);
    tracker.open();
    try {
      PanelContribution contribution = tracker.waitForService(20_000);
      assertNotNull("the panel's contribution", contribution);
      Host host = new Host(StudyContext.ofStudy("1.2.826.0.1.3680043.8.498.1"));
      JComponent panel = onEdt(() -> contribution.createComponent(host));
      try {
        onEdt(
            () -> {
              for (JTabbedPane tabs : find(panel, JTabbedPane.class)) {
                for (int i = 0; i < tabs.getTabCount(); i++) {
                  if (tabs.getTitleAt(i).startsWith("Draft")) {
                    tabs.setSelectedIndex(i); // the Draft tab's view is built when first shown
                  }
                }
              }
              return null;
            });
        onEdt(
            () -> {
              for (JTextComponent t : find(panel, JTextComponent.class)) {
                if ("Dictation".equals(t.getAccessibleContext().getAccessibleName())) {
                  t.setText("New 8 mm solid nodule in the right upper lobe. No effusion.");
                }
              }
              for (AbstractButton b : find(panel, AbstractButton.class)) {
                if ("Draft report".equals(b.getText())) {
                  b.doClick();
                }
              }
              return null;
            });
        // the embedded engine's draft fills the Findings section: a text other than the box
        long deadline = System.currentTimeMillis() + 20_000;
        String seen = "";
        while (System.currentTimeMillis() < deadline) {
          seen =
              onEdt(
                  () -> {
                    StringBuilder all = new StringBuilder();
                    // text areas, and the panel's own wrapping labels by their accessible name
                    for (JComponent c : find(panel, JComponent.class)) {
                      String name =
                          c.getAccessibleContext() == null
                              ? null
                              : c.getAccessibleContext().getAccessibleName();
                      if ("Dictation".equals(name)) {
                        continue;
                      }
                      if (c instanceof JTextComponent t) {
                        all.append(t.getText()).append('\n');
                      } else if (name != null) {
                        all.append(name).append('\n');
                      }
                    }
                    return all.toString();
                  });
          if (seen.toLowerCase().contains("nodule")) {
            break;
          }
          Thread.sleep(100);
        }
        assertTrue("draft shown in the panel:\n" + seen, seen.toLowerCase().contains("nodule"));
      } finally {
        onEdt(
            () -> {
              contribution.dispose(panel);
              return null;
            });
      }
    } finally {
      tracker.close();
    }
  }

  static <T> T onEdt(java.util.concurrent.Callable<T> work) throws Exception {
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Exception> failure = new AtomicReference<>();
    SwingUtilities.invokeAndWait(
        () -> {
          try {
            result.set(work.call());
          } catch (Exception e) {
            failure.set(e);
          }
        });
    if (failure.get() != null) {
      throw failure.get();
    }
    return result.get();
  }

  static <T extends Component> List<T> find(Component root, Class<T> type) {
    List<T> found = new ArrayList<>();
    if (type.isInstance(root)) {
      found.add(type.cast(root));
    }
    if (root instanceof Container c) {
      for (Component child : c.getComponents()) {
        found.addAll(find(child, type));
      }
    }
    return found;
  }

  /** A viewer showing one study, signed in as a radiologist. */
  static final class Host implements ViewerHost {
    private final StudyContext study;
    private final List<StudyContextListener> listeners = new CopyOnWriteArrayList<>();

    Host(StudyContext study) {
      this.study = study;
    }

    @Override
    public String hostName() {
      return "itest host";
    }

    @Override
    public Optional<StudyContext> currentStudy() {
      return Optional.of(study);
    }

    @Override
    public List<LoadedInstance> loadedInstances(String studyInstanceUid) {
      return List.of();
    }

    @Override
    public List<StudyContext> loadedStudiesOfPatient(String studyInstanceUid) {
      return List.of(study);
    }

    @Override
    public CompletionStage<OpenResult> openImage(ImageReference reference) {
      return CompletableFuture.completedFuture(OpenResult.NOT_LOADED);
    }

    @Override
    public UserIdentity currentUser() {
      return new UserIdentity("dr.lee", "Dr. A. Lee", Set.of(Role.RADIOLOGIST));
    }

    @Override
    public void addStudyContextListener(StudyContextListener listener) {
      listeners.add(listener);
      listener.studyOpened(study);
    }

    @Override
    public void removeStudyContextListener(StudyContextListener listener) {
      listeners.remove(listener);
    }
  }
}
