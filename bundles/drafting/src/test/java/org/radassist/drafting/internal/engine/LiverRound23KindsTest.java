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
 * LI-RADS kinds holdout-7 and holdout-8 showed missing (round 23): another organ's measurement is
 * never the observation's size, "non rim" said apart is nonrim, and splenomegaly in a cirrhotic
 * patient is the expected sign of portal hypertension.
 */
class LiverRound23KindsTest {
  private final RulesEngine engine = RulesEngine.withDefaults();

  private DraftOutcome liver(String indication, String dictation) {
    return engine.draft(
        Fixtures.request(dictation).modality("MR", "ABDOMEN").indication(indication).build());
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
    return category(liver("Cirrhosis, HCC surveillance.", "Findings: " + findings));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Liver: Cirrhotic. Segment III observation measuring 0.8 cm, nonrim APHE, no washout or"
            + " capsule. Spleen: Splenomegaly 14 cm.| LR-3",
        "Segment VIII observation 1.9 cm, no APHE, with washout. Spleen 15 cm.| LR-3",
        "Liver: 11 mm segment 6 observation, APHE, no washout or capsule. Kidney: 2.0 cm enhancing"
            + " solid lesion right kidney lower pole.| LR-3",
        "Segment 6 observation 12 mm with APHE and capsule, no washout; the spleen measures 16"
            + " cm.| LR-4",
        "Liver span 19 cm. Segment 7 observation 15 mm with nonrim APHE, no washout or capsule.|"
            + " LR-3",
        "Segment 2 observation 14 mm with APHE, no washout. Main portal vein 16 mm. 3 cm right"
            + " renal cyst.| LR-3",
        // nor is a benign liver lesion's (LR-1 / LR-2) size the observation's
        "Segment 3 simple cyst 4 cm. Segment 6 observation 9 mm with nonrim APHE, no washout.|"
            + " LR-3",
        "2.6 cm segment 7 hemangioma. Segment 2 observation 11 mm with APHE and capsule.| LR-4",
        // an organ the observation lies next to does not own the size
        "Observation with nonrim APHE and washout abutting the right portal vein, 25 mm.| LR-5",
        // the observation's own size still counts when it is the larger one
        "Segment 5 observation 26 mm with nonrim APHE, no washout. Spleen 12 cm.| LR-4",
      })
  void anotherOrgansMeasurementIsNeverTheObservationSize(String findings, String expected) {
    assertThat(liRads(findings)).isEqualTo(expected);
  }

  @Test
  void nonRimSaidApartIsNonrimNotRimAphe() {
    assertThat(
            liRads(
                "segment six observation measuring 25 mm with non rim arterial phase"
                    + " hyperenhancement and washout"))
        .isEqualTo("LR-5");
    assertThat(liRads("Segment 6 observation 25 mm with non-rim APHE and washout."))
        .isEqualTo("LR-5");
    assertThat(liRads("Segment 6 observation 25 mm with rim arterial phase hyperenhancement."))
        .isEqualTo("LR-M");
  }

  @Test
  void splenomegalyInACirrhoticPatientIsThePortalHypertensionTheExamIsAbout() {
    String findings =
        "Findings: Cirrhotic liver. Segment 3 observation 8 mm, nonrim APHE, no washout."
            + " Splenomegaly 15 cm.\nImpression: LR-3 observation segment 3; MRI in 3-6 months.";
    assertThat(Fixtures.flagTypes(liver("Hepatitis C cirrhosis, HCC surveillance.", findings)))
        .doesNotContain(FlagType.FINDING_NOT_IN_IMPRESSION);
    // without cirrhosis or portal hypertension an enlarged spleen is the impression's to name
    assertThat(
            Fixtures.flagTypes(
                liver(
                    "Abdominal pain.",
                    "Findings: Spleen enlarged at 16 cm. Liver normal. Kidneys normal.\n"
                        + "Impression: No acute abnormality.")))
        .contains(FlagType.FINDING_NOT_IN_IMPRESSION);
    assertThat(
            Fixtures.flagTypes(
                liver(
                    "Abdominal pain. No cirrhosis.",
                    "Findings: Splenomegaly 17 cm. Liver normal.\n"
                        + "Impression: No acute abnormality.")))
        .contains(FlagType.FINDING_NOT_IN_IMPRESSION);
    assertThat(
            Fixtures.flagTypes(
                liver(
                    "Fatigue.",
                    "Findings: Liver not cirrhotic. Splenomegaly 17 cm. No cirrhosis or portal"
                        + " hypertension.\nImpression: No acute abnormality.")))
        .contains(FlagType.FINDING_NOT_IN_IMPRESSION);
  }

  @Test
  void aTreatedObservationsSizeIsNotThatOfANewObservationBesideIt() {
    assertThat(
            liRads(
                "Segment 7 ablation zone 28 mm, no enhancement. New segment 3 observation 14 mm"
                    + " with nonrim APHE and capsule, no washout."))
        .isEqualTo("LR-4");
  }

  @Test
  void theDictatedCategoryOfTheMostSuspiciousObservationIsCheckedNotTheFirstOneSaid() {
    DraftOutcome haemangiomaBeside =
        liver(
            "Chronic hepatitis B, HCC screening.",
            "Findings: Segment 8 observation 2.4 cm with nonrim APHE and washout. Segment 3"
                + " haemangioma 3.1 cm with peripheral nodular enhancement, LR-1.\nImpression: 1."
                + " LR-5 segment 8, consistent with HCC; MDT referral. 2. Segment 3 haemangioma.");
    assertThat(category(haemangiomaBeside)).isEqualTo("LR-5");
    assertThat(Fixtures.flagTypes(haemangiomaBeside))
        .doesNotContain(FlagType.CATEGORY_MANAGEMENT_MISMATCH);
    DraftOutcome tumourInVein =
        liver(
            "Cirrhosis, HCC surveillance.",
            "Findings: Segment 8 mass 4.5 cm with nonrim APHE and washout. Enhancing soft tissue"
                + " expands the right portal vein.\nImpression: LR-5 segment 8 mass with tumour in"
                + " vein (LR-TIV). Urgent MDT.");
    assertThat(category(tumourInVein)).isEqualTo("LR-TIV");
    assertThat(Fixtures.flagTypes(tumourInVein))
        .doesNotContain(FlagType.CATEGORY_MANAGEMENT_MISMATCH);
    // a category the engine does not find, dictated alone, still stands against it
    DraftOutcome wrong =
        liver(
            "Cirrhosis, HCC surveillance.",
            "Findings: Segment 8 observation 2.4 cm with nonrim APHE and washout.\nImpression: LR-3"
                + " segment 8; not LR-5. MRI in 3-6 months.");
    assertThat(Fixtures.flagTypes(wrong)).contains(FlagType.CATEGORY_MANAGEMENT_MISMATCH);
  }
}
