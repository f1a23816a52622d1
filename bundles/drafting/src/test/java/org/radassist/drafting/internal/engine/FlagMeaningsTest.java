package org.radassist.drafting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radassist.model.CriticalCategory;
import org.radassist.model.Flag;
import org.radassist.model.FlagType;
import org.radassist.model.ScoringSystem;

/**
 * What the safety and consistency flags mean beyond their listed words (issue 14, holdout-2 miss
 * kinds): tubes in the wrong place, fractures through a lesion, findings the report calls expected,
 * omissions that matter vs background, sizes that are rounded, thresholds or distances.
 */
class FlagMeaningsTest {
  private final RulesEngine engine = RulesEngine.withDefaults();

  private List<Flag> flags(String modality, String body, String dictation) {
    return engine.draft(Fixtures.request(dictation).modality(modality, body).build()).flags();
  }

  private static List<FlagType> types(List<Flag> flags) {
    return flags.stream().map(Flag::type).toList();
  }

  private static CriticalCategory critical(List<Flag> flags) {
    return flags.stream()
        .filter(f -> f.type() == FlagType.CRITICAL_RESULT)
        .map(Flag::criticalCategory)
        .findFirst()
        .orElse(null);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "The endotracheal tube tip lies in the right main bronchus.| CATEGORY_1",
        "ETT tip in the left mainstem, 2 cm beyond the carina.| CATEGORY_1",
        "The endotracheal tube projects over the oesophagus.| CATEGORY_1",
        "The nasogastric tube courses into the right lower lobe bronchus.| CATEGORY_1",
        "Right endobronchial intubation with collapse of the left lung.| CATEGORY_1",
        "Oesophageal intubation.| CATEGORY_1",
        "ETT tip 4 cm above the carina. NG tube tip in the stomach.| ",
        "The endotracheal tube has been withdrawn from the right main bronchus, now 3 cm above the carina.| ",
        "ETT in the trachea, NG tube in the oesophagus and stomach.| ",
        "NG tube tip in the stomach and right lower lobe consolidation.| ",
        "NG tube tip in the stomach; right lower lobe bronchus is patent.| ",
        "The feeding tube tip is in the gastric antrum; it does not enter the airway.| ",
      })
  void aTubeInTheWrongPlaceIsAMalpositionedTube(String findings, CriticalCategory category) {
    List<Flag> f = flags("CR", "CHEST", "Findings: " + findings + "\nImpression: Lines and tubes.");
    assertThat(critical(f)).isEqualTo(category);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Lytic metastasis of the left femur at high risk of pathological fracture.| CATEGORY_2",
        "Pathologic compression fracture of T9 with marrow replacement.| CATEGORY_2",
        "Lytic lesion with an impending fracture of the femoral neck.| CATEGORY_2",
        "Old healed rib fracture. No pathological fracture.| ",
      })
  void aFractureThroughALesionIsCategoryTwo(String findings, CriticalCategory category) {
    assertThat(critical(flags("CR", "PELVIS", "Findings: " + findings))).isEqualTo(category);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Small free intraperitoneal air, expected after recent laparoscopy.| false",
        "Postoperative pneumoperitoneum two days after laparotomy.| false",
        "Free subdiaphragmatic gas following laparoscopic appendicectomy.| false",
        "Small free intraperitoneal air in keeping with the recent PEG insertion.| false",
        "Free air, more than expected ten days after surgery.| true",
        "Free air under both hemidiaphragms. No recent surgery.| true",
        "Acute subdural haematoma following craniotomy, new since the postoperative scan.| true",
      })
  void whatTheReportCallsExpectedAfterAProcedureIsNoCriticalResultNorOmission(
      String findings, boolean critical) {
    List<Flag> f =
        flags("CT", "ABDOMEN", "Findings: " + findings + "\nImpression: Postoperative change.");
    assertThat(types(f).contains(FlagType.CRITICAL_RESULT)).isEqualTo(critical);
    if (!critical) {
      assertThat(types(f)).doesNotContain(FlagType.FINDING_NOT_IN_IMPRESSION);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Right lower lobe consolidation. 2.5 cm left adrenal mass, indeterminate.| true",
        "Right lower lobe consolidation. 1.8 cm left adrenal nodule, 25 HU.| true",
        "Right lower lobe consolidation. Enlarged subcarinal lymph node, 2.1 cm short axis.| true",
        "Right lower lobe consolidation. Centrilobular emphysema.| true",
        "Right lower lobe consolidation. 7 mm left adrenal nodule.| false",
        "Right lower lobe consolidation. 2.2 cm enhancing lesion in hepatic segment 4.| true",
        "Right lower lobe consolidation. 1.6 cm hypodense lesion in hepatic segment 6, a simple cyst.| false",
        "Right lower lobe consolidation. 2.5 cm left adrenal nodule, lipid-rich adenoma.| false",
        "Right lower lobe consolidation. Mild bibasal atelectasis.| false",
        "Right lower lobe consolidation. Mild paraseptal emphysema.| false",
        "Right lower lobe consolidation. Mediastinal lymph nodes are not enlarged.| false",
        "Right lower lobe consolidation. Linear scarring at the previous wedge resection site.| false",
      })
  void anOmissionIsAnActionableFindingNotBackground(String findings, boolean omission) {
    List<Flag> f =
        flags("CT", "CHEST", "Findings: " + findings + "\nImpression: Right lower lobe pneumonia.");
    assertThat(types(f).contains(FlagType.FINDING_NOT_IN_IMPRESSION)).isEqualTo(omission);
  }

  @Test
  void anImpressionInterpretingTheLesionOnItsSideOrAsATumourAtItsLobeReportsIt() {
    assertThat(
            types(
                flags(
                    "US",
                    "PELVIS",
                    "Findings: 2.5 cm left adnexal mass with a yolk sac and free fluid.\n"
                        + "Impression: Left ectopic pregnancy.")))
        .doesNotContain(FlagType.FINDING_NOT_IN_IMPRESSION);
    assertThat(
            types(
                flags(
                    "CT",
                    "CHEST",
                    "Findings: The right upper lobe mass has decreased from 3.2 cm to 2.4 cm.\n"
                        + "Impression: Partial response of the right upper lobe primary.")))
        .doesNotContain(FlagType.FINDING_NOT_IN_IMPRESSION, FlagType.ACTIONABLE_FINDING);
  }

  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Left renal calculus 6.6 x 4.2 mm.| 7 mm left renal calculus.| false",
        "Gallbladder calculus of 1.1 cm.| 1 cm gallstone.| false",
        "Left renal calculus of 9 mm.| 1 cm left renal calculus.| false",
        "2.6 cm solid mass in the right kidney.| 2 cm right renal mass.| true",
        "14 mm hypodense lesion in the spleen.| 1 cm splenic lesion.| true",
        "4.2 cm infrarenal aortic aneurysm.| 4.2 cm aneurysm, below the 5.5 cm repair threshold.| false",
        "ETT tip 2 cm beyond the carina.| ETT too low; retract 3 cm.| false",
      })
  void sizesAgreeWhenRoundedAsWrittenAndThresholdsOrDistancesAreNoSizes(
      String findings, String impression, boolean mismatch) {
    List<Flag> f = flags("CT", "ABDOMEN", "Findings: " + findings + "\nImpression: " + impression);
    assertThat(types(f).contains(FlagType.MEASUREMENT_MISMATCH)).isEqualTo(mismatch);
  }

  @Test
  void roundingMovesASizeAtMostOneAndAHalfMillimetres() {
    assertThat(ConsistencyChecker.precisionMm("6 mm")).isEqualTo(1.0);
    assertThat(ConsistencyChecker.precisionMm("6.8 x 4.8 mm")).isEqualTo(0.1, within());
    assertThat(ConsistencyChecker.precisionMm("1 cm")).isEqualTo(10.0);
    assertThat(ConsistencyChecker.precisionMm("1.4 cm")).isEqualTo(1.0, within());
    assertThat(ConsistencyChecker.roundsTo(5.8, 6, 1)).isTrue();
    assertThat(ConsistencyChecker.roundsTo(9, 10, 10)).isTrue();
    assertThat(ConsistencyChecker.roundsTo(11.5, 10, 10)).isTrue();
    assertThat(ConsistencyChecker.roundsTo(11.6, 10, 10)).isFalse();
    assertThat(ConsistencyChecker.roundsTo(14, 10, 10)).isFalse();
    assertThat(ConsistencyChecker.roundsTo(6.4, 6, 0.1)).isFalse();
  }

  @Test
  void wholeCentimetresOfALargeLesionMayMoveItByFivePercent() {
    assertThat(ConsistencyChecker.roundsTo(62, 60, 10)).isTrue();
    assertThat(ConsistencyChecker.roundsTo(104, 100, 10)).isTrue();
    assertThat(ConsistencyChecker.roundsTo(64, 60, 10)).isFalse();
    assertThat(ConsistencyChecker.roundsTo(24, 20, 10)).isFalse();
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }

  @ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "TR4 nodule, below FNA threshold (1.5 cm); follow-up ultrasound.",
        "TR4 nodule below the threshold for FNA (1.5 cm). Follow-up ultrasound in 12 months.",
        "TR4. Does not meet FNA criteria (1.5 cm); follow-up ultrasound in 1 year.",
        "TR4, below FNA size (1.5 cm); follow-up ultrasound in 1 year.",
      })
  void aSizeInBracketsAfterAThresholdWordIsNoMeasurement(String impression) {
    List<Flag> f =
        flags(
            "US",
            "NECK",
            "Findings: Left lobe solid hypoechoic nodule 1.3 x 1.0 x 0.9 cm, wider-than-tall,"
                + " smooth margin, no echogenic foci.\nImpression: "
                + impression);
    assertThat(types(f))
        .doesNotContain(FlagType.MEASUREMENT_MISMATCH, FlagType.CATEGORY_MANAGEMENT_MISMATCH);
  }

  @Test
  void aThresholdNamedBesideAnActionOrAComparisonDateIsNoManagement() {
    List<Flag> ti =
        flags(
            "US",
            "NECK",
            "Findings: Right lobe nodule, 9 mm: solid, hypoechoic, taller than wide, smooth margins,"
                + " no echogenic foci.\nImpression: 9 mm right thyroid nodule, TI-RADS TR5. Follow-up"
                + " ultrasound in 1 year (below the 1 cm FNA threshold).");
    assertThat(types(ti))
        .doesNotContain(FlagType.CATEGORY_MANAGEMENT_MISMATCH, FlagType.MEASUREMENT_MISMATCH);
    DraftOutcome stable =
        engine.draft(
            Fixtures.request(
                    "Findings: The 9 mm solid right lower lobe nodule is unchanged since the CT"
                        + " 3 months ago.\nImpression: Stable 9 mm right lower lobe solid nodule"
                        + " at 3 months. Lung-RADS 3. LDCT in 6 months.")
                .ct()
                .indication("Lung cancer screening, 3-month follow-up LDCT.")
                .build());
    assertThat(Fixtures.field(stable, ScoringSystem.LUNG_RADS, "category")).isNotNull();
    List<Flag> lung = stable.flags();
    assertThat(lung)
        .filteredOn(f -> f.type() == FlagType.CATEGORY_MANAGEMENT_MISMATCH)
        .noneMatch(f -> f.message().contains("the report says 3 months"));
  }

  @Test
  void aLiverSaidNotCirrhoticIsNotAtRiskForLiRads() {
    DraftOutcome o =
        engine.draft(
            Fixtures.request(
                    "Findings: 2.2 cm arterially enhancing lesion in hepatic segment 4. No cirrhosis.")
                .modality("CT", "ABDOMEN")
                .build());
    assertThat(o.structuredFields()).noneMatch(f -> f.system() == ScoringSystem.LI_RADS);
    DraftOutcome cirrhotic =
        engine.draft(
            Fixtures.request(
                    "Findings: Cirrhotic liver. 2.2 cm arterially enhancing lesion in hepatic segment"
                        + " 4.")
                .modality("CT", "ABDOMEN")
                .build());
    assertThat(cirrhotic.structuredFields()).anyMatch(f -> f.system() == ScoringSystem.LI_RADS);
  }
}
