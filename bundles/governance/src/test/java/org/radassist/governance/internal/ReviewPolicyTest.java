package org.radassist.governance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.radassist.governance.GovernanceSettings;
import org.radassist.governance.ReviewPolicy;
import org.radassist.governance.ReviewPolicy.ItemKind;
import org.radassist.governance.RolloutMode;
import org.radassist.model.CriticalCategory;
import org.radassist.model.Evidence;
import org.radassist.model.Flag;
import org.radassist.model.FlagType;
import org.radassist.model.SectionKind;
import org.radassist.model.Severity;

class ReviewPolicyTest {
  private final ReviewPolicy policy =
      new ThresholdReviewPolicy(
          GovernanceSettings.defaults()
              .withReview(
                  Map.of(
                      ItemKind.IMPRESSION, 0.7, ItemKind.STRUCTURED_FIELD, 0.8, ItemKind.CODE, 0.9),
                  0.9,
                  0.75));

  @Test
  void itemsBelowTheirKindsThresholdAreFlaggedForReview() {
    List<Flag> flags = policy.reviewFlags(Drafts.draft(0.65, 0.85, List.of()));
    assertThat(flags).extracting(Flag::type).contains(FlagType.LOW_CONFIDENCE);
    assertThat(flags)
        .filteredOn(f -> f.type() == FlagType.LOW_CONFIDENCE)
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .contains("Acute pulmonary embolism")
                    .contains("0.65")
                    .contains("0.70"));
  }

  @Test
  void aCriticalResultOnWeakSupportAsksForASecondReader() {
    assertThat(policy.reviewFlags(Drafts.draft(0.74, 0.85, List.of())))
        .extracting(Flag::type)
        .contains(FlagType.DOUBLE_READ);
    assertThat(policy.reviewFlags(Drafts.draft(0.75, 0.85, List.of())))
        .extracting(Flag::type)
        .doesNotContain(FlagType.DOUBLE_READ, FlagType.LOW_CONFIDENCE);
  }

  @Test
  void aFlagNoDraftedItemSupportsRestsOnTheDictationAndAsksForNoSecondRead() {
    String impression = "Solid left renal mass, suspicious for renal cell carcinoma.";
    Flag dictated =
        new Flag(
            FlagType.ACTIONABLE_FINDING,
            Severity.WARNING,
            "Actionable finding (ACR category 3): renal mass",
            List.of(Evidence.of(SectionKind.IMPRESSION, impression, 0, 17)),
            CriticalCategory.CATEGORY_3,
            List.of("who", "when", "how"));
    assertThat(policy.reviewFlags(Drafts.withFlags(Drafts.draft(0.9, 0.74, List.of()), dictated)))
        .extracting(Flag::type)
        .doesNotContain(FlagType.DOUBLE_READ);
  }

  @Test
  void anActionableFindingOnWeakSupportAsksForASecondReaderToo() {
    Flag actionable = Drafts.actionableNodule();
    assertThat(policy.reviewFlags(Drafts.withFlags(Drafts.draft(0.9, 0.74, List.of()), actionable)))
        .filteredOn(f -> f.type() == FlagType.DOUBLE_READ)
        .singleElement()
        .satisfies(f -> assertThat(f.message()).startsWith("Actionable finding").contains("0.74"));
    assertThat(policy.reviewFlags(Drafts.withFlags(Drafts.draft(0.9, 0.95, List.of()), actionable)))
        .extracting(Flag::type)
        .doesNotContain(FlagType.DOUBLE_READ);
  }

  @Test
  void integratedModeFillsInOnlyConfidentUndisputedFields() {
    assertThat(
            policy.autoPopulatedFields(Drafts.draft(0.9, 0.95, List.of()), RolloutMode.INTEGRATED))
        .hasSize(1);
    assertThat(
            policy.autoPopulatedFields(Drafts.draft(0.9, 0.89, List.of()), RolloutMode.INTEGRATED))
        .isEmpty();
    assertThat(
            policy.autoPopulatedFields(Drafts.draft(0.9, 0.95, List.of()), RolloutMode.ASSISTIVE))
        .isEmpty();
    Flag disagreement =
        Flag.of(
            FlagType.RULES_MODEL_DISAGREEMENT,
            Severity.WARNING,
            "model says 4A, rules say 3",
            List.of());
    assertThat(
            policy.autoPopulatedFields(
                Drafts.draft(0.9, 0.95, List.of(), disagreement), RolloutMode.INTEGRATED))
        .isEmpty();
  }
}
