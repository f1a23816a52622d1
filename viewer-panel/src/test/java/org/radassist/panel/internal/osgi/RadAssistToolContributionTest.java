package org.radassist.panel.internal.osgi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.radassist.panel.testing.Headless.awaitOnEdt;
import static org.radassist.panel.testing.Headless.onEdt;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.swing.JComponent;
import org.junit.jupiter.api.Test;
import org.radassist.panel.Decision;
import org.radassist.panel.testing.Fixtures;
import org.radassist.panel.testing.TestHost;

/** The DS component as SCR drives it, without a framework: activate, create, decide, dispose. */
class RadAssistToolContributionTest {

  static ToolConfiguration config(double threshold, int position) {
    return new ToolConfiguration() {
      @Override
      public Class<? extends Annotation> annotationType() {
        return ToolConfiguration.class;
      }

      @Override
      public double lowConfidenceThreshold() {
        return threshold;
      }

      @Override
      public int position() {
        return position;
      }
    };
  }

  @Test
  void contributesTheToolAndFansDecisionsOutToEveryListener() throws Exception {
    RadAssistToolContribution contribution = new RadAssistToolContribution(config(0.5, 50));
    List<Decision> good = Collections.synchronizedList(new ArrayList<>());
    contribution.addDecisionListener(
        d -> {
          throw new IllegalStateException("audit disk full");
        });
    contribution.addDecisionListener(good::add);
    assertThat(contribution.id()).isEqualTo("radassist.tool");
    assertThat(contribution.position()).isEqualTo(50);

    TestHost host = new TestHost(Fixtures.study(), List.of());
    JComponent component = onEdt(() -> contribution.createComponent(host));
    assertThat(host.listenerCount()).isEqualTo(1);
    awaitOnEdt(() -> component.getName().equals("radassist.tool"), 5_000);

    Decision decision =
        new Decision(
            java.time.Instant.now(),
            "dr.lee",
            "d1",
            Decision.Target.SECTION,
            "FINDINGS",
            Decision.Verb.ACCEPT,
            "text",
            "text");
    contribution.deliver(decision);
    assertThat(good)
        .as("a failing listener does not keep the others from it")
        .containsExactly(decision);

    onEdt(() -> contribution.dispose(component));
    assertThat(host.listenerCount()).as("unsubscribed on dispose").isZero();
  }
}
