package org.radassist.drafting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radassist.drafting.PriorSummary;
import org.radassist.model.FieldStatus;
import org.radassist.model.ScoringSystem;
import org.radassist.model.StructuredField;

/**
 * How the engine reads lung screening dictations beyond the plain size table (issue 14, kinds the
 * independent holdout-2 showed missing): newness from the prior, the solid component's change,
 * ground-glass sizes in cm, the juxtapleural rule, airway nodules, atypical cysts, category 0 and
 * where Lung-RADS applies.
 */
class LungReadingTest {
  private final RulesEngine engine = RulesEngine.withDefaults();

  private static final PriorSummary NO_NODULES =
      new PriorSummary("p1", -365, "CT", "No pulmonary nodules.", "Lung-RADS 1.");

  private String screening(String dictation, PriorSummary... priors) {
    DraftOutcome o =
        engine.draft(
            Fixtures.request(dictation)
                .ct()
                .indication("Annual lung cancer screening")
                .priors(priors)
                .build());
    StructuredField f =
        o.structuredFields().stream()
            .filter(s -> s.system() == ScoringSystem.LUNG_RADS && s.field().equals("category"))
            .findFirst()
            .orElse(null);
    if (f == null) {
      return null;
    }
    return f.status() == FieldStatus.COMPLETE ? f.value() : "incomplete " + f.missing();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "A 5 mm solid nodule in the middle lobe was not seen on the previous study.| 3",
        "Solid 5 mm nodule in the right lower lobe, absent on the prior exam.| 3",
        "The 7 mm solid lingular nodule wasn't present on the comparison CT.| 4A",
        "5 mm solid nodule in the right lower lobe, not visible on last year's CT.| 3",
        "5 mm solid nodule in the right upper lobe, not seen on the CT of 2025.| 3",
        "Previously absent 5 mm solid nodule in the right upper lobe.| 3",
        "5 mm solid nodule in the right upper lobe, not previously described.| 3",
        "A 5 mm solid nodule that did not exist before, right upper lobe.| 3",
        "A 5 mm solid nodule has appeared in the right upper lobe.| 3",
      })
  void wordsThatTheNoduleWasNotThereBeforeMakeItNew(String findings, String category) {
    assertThat(screening("Findings: " + findings)).isEqualTo(category);
  }

  @Test
  void aPriorReportWithoutNodulesMakesAnUndescribedNoduleNewAndOneWithTheNoduleDoesNot() {
    assertThat(screening("Findings: 5 mm solid nodule in the left upper lobe.", NO_NODULES))
        .isEqualTo("3");
    PriorSummary same =
        new PriorSummary("p1", -365, "CT", "5 mm solid nodule in the left upper lobe.", "");
    assertThat(screening("Findings: 5 mm solid nodule in the left upper lobe.", same))
        .isEqualTo("2");
    // without any prior the nodule is a baseline one
    assertThat(screening("Findings: 5 mm solid nodule in the left upper lobe.")).isEqualTo("2");
  }

  @ParameterizedTest(name = "prior {0}, now {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "6 mm solid nodule in the right upper lobe.| 8.2 mm solid nodule in the right upper lobe."
            + "| 4B",
        "5 mm solid nodule, right upper lobe.| Right upper lobe solid nodule, 7 mm.| 4A",
        "Solid nodules of 3 mm and 4 mm in the right upper lobe.| 6 mm solid nodule in the right"
            + " upper lobe.| 3",
        "6 mm solid nodule in the left lower lobe.| 7 mm solid nodule in the right upper lobe.| 3",
      })
  void withoutChangeWordsThePriorReportOfTheSameNoduleGivesItsSizeThen(
      String prior, String now, String category) {
    PriorSummary p = new PriorSummary("p1", -365, "CT", prior, "");
    assertThat(screening("Findings: " + now, p)).isEqualTo(category);
  }

  @Test
  void theImpressionMayStateTheChangeTheFindingsLeaveOut() {
    PriorSummary granuloma =
        new PriorSummary("p1", -365, "CT", "Calcified granuloma.", "Lung-RADS 1.");
    assertThat(
            screening(
                "Findings: 5 mm solid nodule in the left upper lobe.\n"
                    + "Impression: New 5 mm left upper lobe nodule.",
                granuloma))
        .isEqualTo("3");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "The 12 mm part-solid nodule is unchanged overall but its solid component has increased"
            + " from 2 mm to 4.5 mm.| 4B",
        "Part-solid nodule, 14 mm; the solid portion grew from 2 to 5 mm.| 4B",
        // 1 mm is no growth: the prior's category 3, stable, steps down to 2
        "Part-solid nodule, 14 mm; the solid component increased from 2 mm to 3 mm.| 2",
      })
  void aSolidComponentGivenAsAChangeIsReadAsItsSizeNowAndBefore(String findings, String cat) {
    PriorSummary prior = new PriorSummary("p1", -365, "CT", "Part-solid nodule.", "Lung-RADS 3.");
    assertThat(screening("Findings: " + findings, prior)).isEqualTo(cat);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "8 mm partially calcified solid nodule in the right upper lobe.| 4A",
        "7 mm eccentrically calcified solid nodule in the left lower lobe.| 3",
        "9 mm non-calcified solid nodule in the left lower lobe.| 4A",
        "12 mm solid nodule with popcorn calcification.| 1",
        "8 mm densely calcified nodule in the left upper lobe.| 1",
        "2.4 cm mass in the left lower lobe.| 4B",
        "9 mm nodule in the left lower lobe.| incomplete [nodule type (solid, part-solid or"
            + " ground-glass)]",
      })
  void onlyABenignPatternOfCalcificationMakesANoduleNegativeAndAMassIsSolid(
      String findings, String category) {
    assertThat(screening("Findings: " + findings)).isEqualTo(category);
  }

  @Test
  void aGroundGlassNoduleThatIsPartSolidNowHasANewSolidComponent() {
    PriorSummary ggn =
        new PriorSummary("p1", -365, "CT", "15 mm ground-glass nodule in the left upper lobe.", "");
    assertThat(
            screening(
                "Findings: 15 mm part-solid nodule in the left upper lobe with a solid component"
                    + " of 5 mm.",
                ggn))
        .isEqualTo("4B");
    assertThat(
            screening(
                "Findings: The left upper lobe nodule, previously pure ground-glass, is now"
                    + " part-solid, 15 mm overall with a solid component of 3 mm.",
                ggn))
        .isEqualTo("4A");
    // without a ground-glass past the same nodule is a baseline part-solid one
    assertThat(
            screening(
                "Findings: 15 mm part-solid nodule in the left upper lobe with a solid component"
                    + " of 3 mm."))
        .isEqualTo("3");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "A 3.0 cm pure ground glass opacity nodule in the right lower lobe, without solid"
            + " component.| 3",
        "Ground-glass nodule of 2.9 cm in the left upper lobe, no solid component.| 2",
        "Non-solid nodule measuring 3.1 x 2.9 cm in the lingula.| 3",
        "3.2 cm ground-glass opacity in the right lower lobe.| 3",
        "Patchy ground-glass opacity measuring 4 cm in the right lower lobe.| 1",
      })
  void groundGlassSizesInCentimetresAndANegatedSolidComponent(String findings, String category) {
    assertThat(screening("Findings: " + findings)).isEqualTo(category);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "9 mm smooth, lentiform solid nodule abutting the right major fissure.| 2",
        "Oval smooth 7 mm solid nodule abutting the costal pleura.| 2",
        "Triangular solid nodule along the left major fissure measuring 11 x 9 mm.| 4A",
        "9 mm solid nodule abutting the right major fissure.| 4A",
        "Lentiform 9 mm solid nodule on the fissure with spiculated margins.| 4X",
        "9 mm perifissural nodule.| 2",
        "Oval 9 mm solid nodule in the right lower lobe, smooth, no pleural effusion.| 4A",
      })
  void juxtapleuralNodulesAreBenignOnlyWithTheirShapeSmoothMarginsAndUnderTenMillimetres(
      String findings, String category) {
    assertThat(screening("Findings: " + findings)).isEqualTo(category);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Small nodular focus within a subsegmental bronchus of the right lower lobe.| 2",
        "6 mm endobronchial nodule within the anterior segmental bronchus of the left upper"
            + " lobe.| 4A",
        "Endobronchial nodule in the left main bronchus.| 4A",
        "6 mm endoluminal lesion within the lumen of the left lower lobe segmental bronchus.| 4A",
        "Endobronchial lesion obstructing the left lower lobe bronchus with distal atelectasis.| 4A",
        "5 mm nodular opacity within the trachea.| 4A",
        "Endobronchial nodule of 5 mm.| incomplete [airway level (subsegmental, or segmental or"
            + " more proximal)]",
        "6 mm solid nodule adjacent to the right upper lobe bronchus.| 3",
        "6 mm solid nodule in the right upper lobe with bronchial wall thickening.| 3",
      })
  void airwayNodulesGoByTheLevelOfTheAirway(String findings, String category) {
    assertThat(screening("Findings: " + findings)).isEqualTo(category);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "18 mm cystic lesion in the right upper lobe with a thick wall measuring up to 3 mm.| 4A",
        "Multilocular cystic lesion in the left lower lobe measuring 2.2 cm.| 4A",
        "Thin-walled 12 mm cyst in the right upper lobe.| 1",
        "9 mm cyst in the left lower lobe with a wall of 1 mm.| 1",
        "The multiloculated cyst in the left lower lobe has enlarged from 20 mm to 26 mm.| 4B",
        "The thick-walled cyst in the right upper lobe has grown from 12 mm to 16 mm.| 3",
        "The thin-walled cyst in the right upper lobe is now multilocular.| 4A",
        "15 mm thin-walled cyst in the right upper lobe with a 3 mm mural nodule.| 4A",
        "14 mm cystic airspace in the right upper lobe with nodular wall thickening.| 4A",
      })
  void atypicalCystsAreCategorisedAndSimpleOnesStayOut(String findings, String category) {
    PriorSummary prior = new PriorSummary("p1", -365, "CT", "Lung cyst.", "Lung-RADS 2.");
    assertThat(screening("Findings: " + findings, prior)).isEqualTo(category);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "7 mm solid nodule. Outside prior chest CT has been requested for comparison.| 0",
        "7 mm solid nodule. Final category pending comparison with the outside prior CT.| 0",
        "Consolidation with air bronchograms throughout the right middle lobe.| 0",
        "Numerous new nodules in both lower lobes.| 0",
        "The lung bases are not fully imaged.| 0",
        "Lung apices not included in the field of view.| 0",
        "The lung bases are clear, the upper abdomen is not fully imaged.| 1",
        "7 mm solid nodule. No prior CT is available for comparison.| 3",
        "Mild dependent atelectasis at both lung bases. No consolidation.| 1",
        "Small linear subsegmental consolidation in the lingula, likely atelectasis.| 1",
      })
  void categoryZeroForAPriorBeingLocatedUnreadableLungsOrAnInfectiousPattern(
      String findings, String category) {
    assertThat(screening("Findings: " + findings)).isEqualTo(category);
  }

  @Test
  void screeningSaidOfSomethingElseIsNoLungCancerScreening() {
    DraftOutcome cta =
        engine.draft(
            Fixtures.request("Findings: Normal thoracic aorta. No dissection.")
                .ct()
                .indication("Family history of aortic dissection. Screening CTA.")
                .build());
    assertThat(cta.structuredFields()).noneMatch(f -> f.system() == ScoringSystem.LUNG_RADS);
    assertThat(LungNoduleApplicability.lungScreeningWord("coronary calcium screening.")).isFalse();
    assertThat(LungNoduleApplicability.lungScreeningWord("screening ct. coronary calcium noted."))
        .isTrue();
    assertThat(LungNoduleApplicability.lungScreeningWord("annual lung screening, 30 pack-years"))
        .isTrue();
  }

  @Test
  void aDictatedCategoryWithTheSModifierIsStillCheckedAgainstTheRules() {
    DraftOutcome agrees =
        engine.draft(
            Fixtures.request(
                    "Findings: 5 mm solid nodule in the right upper lobe.\n"
                        + "Impression: Lung-RADS 2S. Ascending aortic aneurysm.")
                .ct()
                .indication("Baseline lung cancer screening")
                .build());
    assertThat(Fixtures.flagTypes(agrees))
        .doesNotContain(org.radassist.model.FlagType.CATEGORY_MANAGEMENT_MISMATCH);
    DraftOutcome contradicts =
        engine.draft(
            Fixtures.request(
                    "Findings: 5 mm solid nodule in the right upper lobe.\n"
                        + "Impression: Lung-RADS 3/S. Ascending aortic aneurysm.")
                .ct()
                .indication("Baseline lung cancer screening")
                .build());
    assertThat(Fixtures.flagTypes(contradicts))
        .contains(org.radassist.model.FlagType.CATEGORY_MANAGEMENT_MISMATCH);
  }

  @Test
  void anOpinionHeaderIsTheImpressionSoTheFindingsHoldOneNodule() {
    DraftOutcome o =
        engine.draft(
            Fixtures.request(
                    "Findings: Solitary 1.8 cm ground-glass opacity in the right lower lobe.\n"
                        + "Opinion: 1.8 cm non-solid right lower lobe nodule.")
                .ct()
                .patient(63, org.radassist.model.Sex.F)
                .indication("Breathlessness.")
                .build());
    assertThat(Fixtures.field(o, ScoringSystem.FLEISCHNER, "recommendation"))
        .isEqualTo("CT at 6-12 months to confirm persistence, then CT every 2 years until 5 years");
  }
}
