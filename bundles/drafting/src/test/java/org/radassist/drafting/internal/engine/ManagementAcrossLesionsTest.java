package org.radassist.drafting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radassist.model.FlagType;
import org.radassist.model.ScoringSystem;

/**
 * CATEGORY_MANAGEMENT_MISMATCH read against the lesion a recommendation is about (issue 14 part E):
 * several lesions with their own categories and managements, the exam's category as the most
 * suspicious one, conditional next steps, and intervals written in other ways. Each row is a twin
 * of a consistent and a contradicting wording.
 */
class ManagementAcrossLesionsTest {
  private final RulesEngine engine = RulesEngine.withDefaults();

  private boolean mismatch(DraftOutcome o) {
    return Fixtures.flagTypes(o).contains(FlagType.CATEGORY_MANAGEMENT_MISMATCH);
  }

  private DraftOutcome draft(String modality, String body, String dictation) {
    Fixtures.Builder b = Fixtures.request(dictation).modality(modality, body);
    if (body.equals("CHEST")) {
      b = b.indication("Annual lung cancer screening, 40 pack-years");
    } else if (body.equals("ABDOMEN")) {
      b = b.indication("Cirrhosis, HCC surveillance");
    }
    return engine.draft(b.build());
  }

  @ParameterizedTest(name = "{3}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // LI-RADS: routine surveillance with words between, and not as a conditional next step
        "MR|ABDOMEN|Findings: 1.6 cm segment 6 observation without arterial phase hyperenhancement,"
            + " no washout, no capsule.\\nImpression: LR-3. Return to routine 6-month ultrasound"
            + " surveillance.|true",
        "MR|ABDOMEN|Findings: 1.6 cm segment 6 observation without arterial phase hyperenhancement,"
            + " no washout, no capsule.\\nImpression: LR-3. Repeat MRI in 3 months; if unchanged,"
            + " return to routine surveillance.|false",
        // BI-RADS: a per-breast category and its own management; the exam is the worst one
        "US|BREAST|Findings: Right breast 6 mm simple cyst. Left breast 14 mm irregular hypoechoic"
            + " mass.\\nImpression: Right breast cyst, BI-RADS 2. Left breast mass, BI-RADS 4:"
            + " US-guided core biopsy recommended.|false",
        "US|BREAST|Findings: Right breast 6 mm simple cyst. Left breast 14 mm irregular hypoechoic"
            + " mass.\\nImpression: Right breast cyst, BI-RADS 2. Left breast mass, BI-RADS 4."
            + " Follow-up of both breasts in 6 months.|true",
        // TI-RADS: 'no follow-up' said of another TR level belongs to the other nodule
        "US|NECK|Findings: 1.8 cm right lobe nodule: solid, hypoechoic, wider-than-tall, smooth"
            + " margins, no echogenic foci. 1.0 cm left lobe nodule: solid, isoechoic,"
            + " wider-than-tall, smooth margins, no echogenic foci.\\nImpression: Right TR4 nodule:"
            + " FNA recommended. Left TR3 nodule: no follow-up needed.|false",
        // 'US' in capitals is the ultrasound of a follow-up
        "US|NECK|Findings: 1.3 cm right lobe nodule: solid, hypoechoic, taller-than-wide, smooth"
            + " margins, no echogenic foci.\\nImpression: TI-RADS 5. Follow-up US in 6"
            + " months.|true",
        // PI-RADS: per-lesion categories; the exam is the most suspicious lesion
        "MR|PROSTATE|Findings: Lesion 1: 8 mm encapsulated transition zone nodule (T2W 2). Lesion 2:"
            + " 12 mm left peripheral zone lesion, markedly hyperintense on high b-value DWI (DWI"
            + " 4).\\nImpression: Lesion 1 PI-RADS 2. Lesion 2 PI-RADS 4. Targeted biopsy of lesion"
            + " 2.|false",
        // Lung-RADS: a lower per-nodule category beside the exam's, which answers the interval
        "CT|CHEST|Findings: 9 mm solid nodule in the right upper lobe. 4 mm solid nodule in the left"
            + " lower lobe.\\nImpression: Left lower lobe nodule: Lung-RADS 2. Right upper lobe"
            + " nodule: Lung-RADS 4A. Recommend LDCT in 3 months.|false",
        "CT|CHEST|Findings: 9 mm solid nodule in the right upper lobe. 4 mm solid nodule in the left"
            + " lower lobe.\\nImpression: Left lower lobe nodule: Lung-RADS 2. Right upper lobe"
            + " nodule: Lung-RADS 4A. Recommend LDCT in 12 months.|true",
        // months written over twelve; a lettered category without the system's name
        "CT|CHEST|Findings: 7 mm solid nodule in the right upper lobe.\\nImpression: Lung-RADS 3."
            + " 6/12 follow-up LDCT.|false",
        "CT|CHEST|Findings: 7 mm solid nodule in the right upper lobe.\\nImpression: Lung-RADS 3."
            + " 12/12 follow-up LDCT.|true",
        "CT|CHEST|Findings: 16 mm solid nodule in the left upper lobe.\\nImpression: Left upper lobe"
            + " nodule, category 4B. 6 month follow-up CT.|true",
        // a procedure named as done before is no procedure asked for
        "US|NECK|Findings: 1.8 cm left lobe nodule: solid, isoechoic, wider-than-tall, smooth"
            + " margins, no echogenic foci.\\nImpression: TR3. Benign FNA in 2023 (Bethesda II);"
            + " follow-up ultrasound in 1 year.|false",
        "US|NECK|Findings: 1.8 cm left lobe nodule: solid, isoechoic, wider-than-tall, smooth"
            + " margins, no echogenic foci.\\nImpression: TR3. FNA recommended; follow-up"
            + " ultrasound in 1 year.|true",
        "CT|CHEST|Findings: 4 mm solid nodule in the left lower lobe.\\nImpression: Lung-RADS 2."
            + " Nodule stable since the 2023 bronchoscopy; continue annual screening.|false",
        "CT|CHEST|Findings: 4 mm solid nodule in the left lower lobe.\\nImpression: Lung-RADS 2."
            + " Bronchoscopy recommended; continue annual screening.|true",
        "CT|CHEST|Findings: 7 mm solid nodule in the right upper lobe.\\nImpression: Lung-RADS 3."
            + " Prior PET/CT was negative; recommend LDCT in 6 months.|false",
        // the interval that names the present exam asks for nothing
        "CT|CHEST|Findings: 4 mm solid nodule in the left lower lobe.\\nImpression: This 6-month"
            + " follow-up CT shows a stable nodule. Lung-RADS 2. Return to annual screening.|false",
      })
  void theRecommendationIsReadAgainstTheLesionItIsAbout(
      String modality, String body, String dictation, boolean contradicts) {
    DraftOutcome o = draft(modality, body, dictation.replace("\\n", "\n"));
    assertThat(mismatch(o)).as(dictation).isEqualTo(contradicts);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Impression: Right breast cyst, BI-RADS 2. Left breast mass, BI-RADS 4: biopsy"
            + " recommended.|4",
        // a category said of the past is not this exam's
        "Impression: Previously BI-RADS 4, benign at biopsy. BI-RADS 2. Annual screening.|2",
      })
  void theBreastExamTakesTheMostWorrisomeAssessment(String dictation, String category) {
    DraftOutcome o =
        engine.draft(
            Fixtures.request("Findings: Bilateral breast ultrasound.\n" + dictation)
                .modality("US", "BREAST")
                .build());
    assertThat(Fixtures.field(o, ScoringSystem.BI_RADS, "assessment")).isEqualTo(category);
  }
}
