package org.radassist.drafting.service.internal.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.radassist.drafting.internal.engine.frames.FrameExtractor;
import org.radassist.model.Evidence;
import org.radassist.model.Flag;
import org.radassist.model.FlagType;
import org.radassist.model.SectionKind;

/**
 * What was dictated must survive into the model's sections: dropped, altered or added findings are
 * flagged with the shown text's span and the dictation's words.
 */
class FaithfulnessGuardTest {
  private static final Map<SectionKind, String> DICTATED =
      Map.of(
          SectionKind.FINDINGS,
          "New 8 mm solid nodule in the left upper lobe. No pleural effusion.",
          SectionKind.IMPRESSION,
          "New 8 mm left upper lobe nodule, Lung-RADS 4A.");

  private final FaithfulnessGuard guard =
      new FaithfulnessGuard(new EngineFrames(new FrameExtractor(), "CT", "CHEST"), DICTATED);

  private static List<FlagType> types(List<Flag> flags) {
    return flags.stream().map(Flag::type).toList();
  }

  @Test
  void aFaithfulDraftRaisesNothing() {
    String findings =
        "There is a new 8 mm solid nodule in the left upper lobe. No pleural effusion.";
    String impression = "New 8 mm left upper lobe nodule (Lung-RADS 4A).";
    assertThat(guard.checkSection(SectionKind.FINDINGS, findings)).isEmpty();
    assertThat(guard.checkSection(SectionKind.IMPRESSION, impression)).isEmpty();
    assertThat(
            guard.omissions(
                Map.of(SectionKind.FINDINGS, findings, SectionKind.IMPRESSION, impression)))
        .isEmpty();
  }

  @Test
  void aChangedSizeIsAnAlteredMeasurementWithBothSides() {
    String findings = "New 12 mm solid nodule in the left upper lobe. No pleural effusion.";
    List<Flag> flags = guard.checkSection(SectionKind.FINDINGS, findings);
    assertThat(types(flags)).containsExactly(FlagType.ALTERED_MEASUREMENT);
    Flag f = flags.get(0);
    assertThat(f.message()).contains("12 mm").contains("8 mm").contains("New 8 mm solid nodule");
    Evidence shown = f.evidence().get(0);
    assertThat(shown.section()).isEqualTo(SectionKind.FINDINGS);
    assertThat(findings.substring(shown.start(), shown.end())).isEqualTo(shown.quote());
    assertThat(shown.quote()).contains("12 mm");
  }

  @Test
  void theOppositeSideIsAnAlteredLaterality() {
    assertThat(
            types(
                guard.checkSection(
                    SectionKind.FINDINGS, "New 8 mm solid nodule in the right upper lobe.")))
        .containsExactly(FlagType.ALTERED_LATERALITY);
  }

  @Test
  void aLostNegationIsAnUnsupportedFinding() {
    List<Flag> flags =
        guard.checkSection(SectionKind.FINDINGS, "Small left pleural effusion is present.");
    assertThat(types(flags)).containsExactly(FlagType.UNSUPPORTED_FINDING);
    assertThat(flags.get(0).message()).contains("negates").contains("No pleural effusion");
  }

  @Test
  void aFindingNobodyDictatedIsUnsupported() {
    assertThat(
            types(guard.checkSection(SectionKind.FINDINGS, "Small right pneumothorax is present.")))
        .containsExactly(FlagType.UNSUPPORTED_FINDING);
  }

  @Test
  void aDictatedFindingTheSectionDeniesIsOmitted() {
    assertThat(types(guard.checkSection(SectionKind.FINDINGS, "No pulmonary nodule.")))
        .containsExactly(FlagType.OMITTED_FINDING);
  }

  @Test
  void nonsenseSectionsOmitEveryDictatedFinding() {
    Map<SectionKind, String> shown = new EnumMap<>(SectionKind.class);
    shown.put(SectionKind.FINDINGS, "Well all the anims come!");
    shown.put(SectionKind.IMPRESSION, "Lily was happy.");
    assertThat(guard.checkSection(SectionKind.FINDINGS, shown.get(SectionKind.FINDINGS))).isEmpty();
    List<Flag> flags = guard.omissions(shown);
    assertThat(types(flags)).containsOnly(FlagType.OMITTED_FINDING);
    assertThat(flags).extracting(Flag::message).doesNotHaveDuplicates();
    assertThat(flags).extracting(Flag::message).anyMatch(m -> m.contains("nodule"));
    assertThat(flags).extracting(Flag::message).anyMatch(m -> m.contains("No pleural effusion"));
  }

  @Test
  void aSizeDroppedFromEverySectionIsOmitted() {
    List<Flag> flags =
        guard.omissions(
            Map.of(
                SectionKind.FINDINGS,
                    "New solid nodule in the left upper lobe. No pleural effusion.",
                SectionKind.IMPRESSION, "Left upper lobe nodule."));
    assertThat(types(flags)).containsOnly(FlagType.OMITTED_FINDING);
    assertThat(flags).extracting(Flag::message).anyMatch(m -> m.contains("8 mm"));
  }

  @Test
  void anOmittedEmbolismIsNamedOnceAlthoughTwoWordsSayIt() {
    FaithfulnessGuard pe =
        new FaithfulnessGuard(
            new EngineFrames(new FrameExtractor(), "CT", "CHEST"),
            Map.of(
                SectionKind.FINDINGS,
                "Filling defects in the right lower lobe segmental pulmonary arteries consistent"
                    + " with acute pulmonary embolism. No pleural effusion."));
    List<Flag> flags = pe.omissions(Map.of(SectionKind.FINDINGS, "I'm sorry, Jack."));
    assertThat(flags)
        .filteredOn(f -> f.severity() == org.radassist.model.Severity.WARNING)
        .extracting(Flag::message)
        .containsExactly(
            "dictated finding missing from the draft: \"Filling defects in the right lower lobe"
                + " segmental pulmonary arteries consistent with acute pulmonary embolism.\"");
  }

  @Test
  void clinicalHistoryIsNotChecked() {
    assertThat(guard.checkSection(SectionKind.CLINICAL_HISTORY, "History of right lung cancer."))
        .isEmpty();
  }
}
