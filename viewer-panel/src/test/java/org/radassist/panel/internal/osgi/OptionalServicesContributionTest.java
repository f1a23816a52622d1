package org.radassist.panel.internal.osgi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.radassist.panel.testing.Headless.awaitOnEdt;
import static org.radassist.panel.testing.Headless.onEdt;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.swing.JComponent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.audit.internal.FileAuditTrail;
import org.radassist.governance.RolloutMode;
import org.radassist.host.UserIdentity;
import org.radassist.model.StudyContext;
import org.radassist.panel.internal.PanelController;
import org.radassist.panel.model.PanelState;
import org.radassist.panel.model.PanelState.Load;
import org.radassist.panel.testing.Fixtures;
import org.radassist.panel.testing.RecordingSpeechHook;
import org.radassist.panel.testing.TestGovernance;
import org.radassist.panel.testing.TestHost;
import org.radassist.priors.Priors;

/**
 * The contribution with the speech hook, governance, the audit trail and the priors comparison
 * arriving and leaving as DS would inject them (all directly: their API bundles are always
 * installed with the panel, their services may still be missing), and the rule that keeps it
 * loadable without the speech hook bundle: none of its fields or methods names a type outside the
 * API packages (the hook's implementation, an internal package of audit or priors).
 */
class OptionalServicesContributionTest {
  @TempDir Path temp;

  private static void inject(Object target, String field, Object value) throws Exception {
    Field f = RadAssistToolContribution.class.getDeclaredField(field);
    f.setAccessible(true);
    f.set(target, value);
  }

  @Test
  void theToolUsesTheHookAndGovernancePresentAtEachStudy() throws Exception {
    RadAssistToolContribution contribution =
        new RadAssistToolContribution(RadAssistToolContributionTest.config(0.5, 50));
    RecordingSpeechHook hook = new RecordingSpeechHook(List.of(), null);
    AtomicInteger asked = new AtomicInteger();
    TestGovernance governance =
        new TestGovernance(RolloutMode.ASSISTIVE, new FileAuditTrail(temp, 1 << 20)) {
          @Override
          public RolloutMode modeFor(StudyContext study, UserIdentity user) {
            asked.incrementAndGet();
            return super.modeFor(study, user);
          }
        };
    inject(contribution, "speechHook", hook);
    inject(contribution, "governance", governance);
    TestHost host = new TestHost(Fixtures.study(), List.of());
    JComponent component = onEdt(() -> contribution.createComponent(host));
    awaitOnEdt(() -> hook.opened.size() == 1 && asked.get() == 1, 5_000);

    // the hook and governance go away (dynamic references): the next study goes without them
    inject(contribution, "speechHook", null);
    inject(contribution, "governance", null);
    host.open(StudyContext.ofStudy("1.2.3.4.5.6"), List.of());
    awaitOnEdt(() -> hook.last().closed, 5_000);
    assertThat(hook.opened).hasSize(1);
    assertThat(asked.get()).isEqualTo(1);
    onEdt(() -> contribution.dispose(component));
  }

  @Test
  void theMetricsAndPriorsTabsUseTheTrailAndPriorsServicesPresentAtEachStudy() throws Exception {
    RadAssistToolContribution contribution =
        new RadAssistToolContribution(RadAssistToolContributionTest.config(0.5, 50));
    Path missing = temp.resolve("no-such-pacs-folder");
    inject(contribution, "auditTrail", new FileAuditTrail(temp.resolve("audit"), 1 << 20));
    inject(contribution, "priors", Priors.comparison(Priors.fromFolder(missing)));
    TestHost host = new TestHost(Fixtures.study(), List.of());
    JComponent component = onEdt(() -> contribution.createComponent(host));
    PanelState state = contribution.openTools().get(0).state();
    awaitOnEdt(() -> state.metricsLoad() == Load.DONE && state.priorsLoad() == Load.DONE, 5_000);
    assertThat(state.metrics()).isPresent();
    // the real priors service ran: its look-up's reason reaches the tab
    assertThat(state.priors().orElseThrow().summary()).contains(missing.toString());

    // both services go away (dynamic references): the next study says they are not available
    inject(contribution, "auditTrail", null);
    inject(contribution, "priors", null);
    host.open(StudyContext.ofStudy("1.2.3.4.5.6"), List.of());
    awaitOnEdt(
        () ->
            state.study().map(s -> s.studyInstanceUid().equals("1.2.3.4.5.6")).orElse(false)
                && state.metricsLoad() == Load.UNAVAILABLE
                && state.priorsLoad() == Load.UNAVAILABLE,
        5_000);
    assertThat(state.metricsMessage()).isEqualTo(PanelController.METRICS_UNAVAILABLE);
    onEdt(() -> contribution.dispose(component));
  }

  @Test
  void noFieldOrMethodOfTheContributionNamesATypeOutsideTheApiPackages() {
    List<String> optional =
        List.of(
            "org.radassist.speech.hook.",
            "org.radassist.speech.internal.",
            "org.radassist.audit.internal.",
            "org.radassist.priors.internal.");
    for (Field f : RadAssistToolContribution.class.getDeclaredFields()) {
      assertThat(optional).noneMatch(p -> f.getType().getName().startsWith(p));
    }
    for (Method m : RadAssistToolContribution.class.getDeclaredMethods()) {
      assertThat(optional).noneMatch(p -> m.getReturnType().getName().startsWith(p));
      for (Class<?> p : m.getParameterTypes()) {
        assertThat(optional).noneMatch(prefix -> p.getName().startsWith(prefix));
      }
    }
  }
}
