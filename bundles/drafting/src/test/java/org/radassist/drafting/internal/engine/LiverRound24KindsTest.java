package org.radassist.drafting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radassist.model.FieldStatus;
import org.radassist.model.FlagType;
import org.radassist.model.ScoringSystem;
import org.radassist.model.StructuredField;

/**
 * LI-RADS kinds holdout-9 and holdout-10 showed missing (round 24): "not at risk" in other words,
 * an organ heading owning its line's size, features written as signs or checklist values, growth
 * outside the 6-month window, the shape LR-TR Viable asks for, and LR-3's continued imaging.
 */
class LiverRound24KindsTest {
  private final RulesEngine engine = RulesEngine.withDefaults();

  private DraftOutcome liver(String modality, String indication, String dictation) {
    return engine.draft(
        Fixtures.request(dictation).modality(modality, "ABDOMEN").indication(indication).build());
  }

  private static String category(DraftOutcome o) {
    StructuredField f =
        o.structuredFields().stream()
            .filter(s -> s.system() == ScoringSystem.LI_RADS && s.field().equals("category"))
            .findFirst()
            .orElse(null);
    if (f == null) {
      return null;
    }
    return f.status() == FieldStatus.COMPLETE ? f.value() : "incomplete " + f.missing();
  }

  private String liRads(String findings) {
    return category(liver("MR", "Cirrhosis, HCC surveillance.", "Findings: " + findings));
  }

  @Test
  void aLiverSaidNotAtRiskInOtherWordsGetsNoCategory() {
    assertThat(
            category(
                liver(
                    "MR",
                    "Incidental liver lesion on US.",
                    "Normal liver morphology, no steatosis, no features of cirrhosis. Segment 4b:"
                        + " 34 mm lesion with intense homogeneous arterial enhancement and a"
                        + " central scar.\nImpression: Focal nodular hyperplasia in segment 4b.")))
        .isNull();
    assertThat(
            category(
                liver(
                    "MR",
                    "Indeterminate liver lesion.",
                    "Morphologically normal liver. No risk factors for HCC. Segment 3 lesion 22 mm"
                        + " with homogeneous arterial hyperenhancement and a central scar.\n"
                        + "Impression: Segment 3 focal nodular hyperplasia.")))
        .isNull();
    // a named risk still puts the patient at risk
    assertThat(
            category(
                liver(
                    "MR",
                    "Chronic hepatitis B, HCC surveillance.",
                    "No morphological features of cirrhosis. Segment 4a observation 15 mm with"
                        + " nonrim APHE and washout.\nImpression: LR-5 segment 4a.")))
        .isEqualTo("LR-5");
  }

  @Test
  void aSizeOnALineOpenedByAnotherOrgansHeadingIsThatOrgans() {
    assertThat(
            liRads(
                "Liver: cirrhosis. Segment 5 observation, 12 mm, APHE without washout or capsule.\n"
                    + "Kidneys: left upper pole 2.4 cm solid enhancing lesion, T2 dark. Right kidney"
                    + " normal."))
        .isEqualTo("LR-3");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Seg 2 obs 18 mm: APHE+ (nonrim), WO+, capsule-.| LR-5",
        "Seg 2 obs 18 mm: APHE+ (nonrim), WO-, capsule+.| LR-4",
        "Segment 2 observation 25 mm. APHE -ve, WO +ve, capsule +ve.| LR-4",
        "Seg 7 obs 22 mm: APHE (+) nonrim, WO (+), capsule (+).| LR-5",
        "S4 observation 22 mm. Nonrim APHE yes, washout no, capsule no, threshold growth no.| LR-4",
      })
  void featuresWrittenAsSignsOrChecklistValues(String findings, String expected) {
    assertThat(liRads(findings)).isEqualTo(expected);
  }

  @Test
  void growthNamedOutsideTheSixMonthWindowIsNoThresholdGrowth() {
    DraftOutcome o =
        liver(
            "CT",
            "Alcohol-related cirrhosis, surveillance.",
            "Findings: The segment 6 arterially enhancing observation measures 15 mm, previously 10"
                + " mm. No washout, no capsule.\nImpression: 15 mm segment 6 observation with APHE,"
                + " increased from 10 mm over 7 months (outside the 6-month window for threshold"
                + " growth). LR-3.");
    assertThat(category(o)).isEqualTo("LR-3");
    assertThat(Fixtures.flagTypes(o)).doesNotContain(FlagType.CATEGORY_MANAGEMENT_MISMATCH);
    // inside the window the impression's threshold growth still counts
    assertThat(
            category(
                liver(
                    "CT",
                    "Cirrhosis.",
                    "Findings: Segment 6 observation 15 mm with nonrim APHE. No washout.\n"
                        + "Impression: Segment 6 observation with threshold growth over 4 months.")))
        .isEqualTo("LR-5");
  }

  @Test
  void enhancementOfATreatedObservationThatIsNotNodularTissueIsNotViable() {
    assertThat(
            category(
                liver(
                    "MR",
                    "HCC after TACE, cirrhosis.",
                    "Findings: Segment 6 chemoembolised observation 28 mm. Thin ill-defined arterial"
                        + " enhancement along its lateral margin, not nodular or masslike, without"
                        + " washout.\nImpression: Treated observation.")))
        .isEqualTo("LR-TR Equivocal");
    assertThat(
            category(
                liver(
                    "CT",
                    "HCC post TACE, cirrhosis.",
                    "Findings: Segment 8 treated observation with dense lipiodol, 31 mm, with a 9 mm"
                        + " nodular focus of arterial hyperenhancement at its margin.\nImpression:"
                        + " Treated observation.")))
        .isEqualTo("LR-TR Viable");
  }

  @Test
  void continuedCtOrMriImagingIsTheRepeatImagingLr3AsksFor() {
    String findings =
        "Findings: 12 mm T2 mildly hyperintense observation in segment 7 without APHE, washout or"
            + " capsule.\nImpression: LR-3 observation segment 7. ";
    for (String agrees :
        new String[] {"Continued MRI surveillance in 3-6 months.", "Continue surveillance."}) {
      assertThat(Fixtures.flagTypes(liver("MR", "Hepatitis B.", findings + agrees)))
          .as(agrees)
          .doesNotContain(FlagType.CATEGORY_MANAGEMENT_MISMATCH);
    }
    for (String contradicts :
        new String[] {
          "Continue ultrasound surveillance.",
          "Return to routine ultrasound surveillance in 6 months.",
          "Continued MRI surveillance in 12 months.",
          "Continue routine surveillance."
        }) {
      assertThat(Fixtures.flagTypes(liver("MR", "Hepatitis B.", findings + contradicts)))
          .as(contradicts)
          .contains(FlagType.CATEGORY_MANAGEMENT_MISMATCH);
    }
  }
}
