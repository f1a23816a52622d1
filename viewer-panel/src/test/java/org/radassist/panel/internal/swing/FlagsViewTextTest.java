package org.radassist.panel.internal.swing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.radassist.model.CriticalCategory;
import org.radassist.model.Flag;
import org.radassist.model.FlagType;
import org.radassist.model.Severity;

class FlagsViewTextTest {
  private static final List<String> WHO_WHEN_HOW = List.of("who", "when", "how");

  @Test
  void anActionableFindingSaysItsWithinDaysCommunicationAndNoBanner() {
    Flag renal =
        new Flag(
            FlagType.ACTIONABLE_FINDING,
            Severity.WARNING,
            "Actionable finding (ACR category 3): renal mass.",
            List.of(),
            CriticalCategory.CATEGORY_3,
            WHO_WHEN_HOW);
    assertThat(FlagsView.text(renal))
        .startsWith("Actionable finding (ACR category 3): renal mass.")
        .contains("within 3 days")
        .contains("track the follow-up")
        .contains("sign-off is not held")
        .doesNotContain("red banner");
    assertThat(FlagsView.typeName(FlagType.ACTIONABLE_FINDING)).isEqualTo("Actionable finding");
  }

  @Test
  void aCriticalResultPointsToTheBanner() {
    Flag pe =
        new Flag(
            FlagType.CRITICAL_RESULT,
            Severity.CRITICAL,
            "Critical result (ACR category 1): pulmonary embolism.",
            List.of(),
            CriticalCategory.CATEGORY_1,
            WHO_WHEN_HOW);
    assertThat(FlagsView.text(pe))
        .endsWith("Document the communication in the red banner at the top.");
  }
}
