package org.radassist.drafting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radassist.model.FlagType;
import org.radassist.model.SectionKind;
import org.radassist.model.Suggestion;

/**
 * Chest radiograph language the IU reports showed the engine misreading (issue 14, eval mesh):
 * hyperinflation is not emphysema, gas under the skin is not lung disease, a pericardial effusion
 * is not a pleural one, the residue of old granulomatous disease is seen today, calcified nodes are
 * granulomatous, and an opacity read as hedged alternatives is itself seen.
 */
class ChestRadiographLanguageTest {
  private final RulesEngine engine = RulesEngine.withDefaults();
  private final TextAnalyzer analyzer = new TextAnalyzer(EngineTables.defaults());

  private DraftOutcome chest(String dictation) {
    return engine.draft(Fixtures.request(dictation).modality("CR", "CHEST").build());
  }

  private List<String> impressions(DraftOutcome o) {
    return o.impressions().stream().map(Suggestion::text).toList();
  }

  private Certainty certainty(String sentence, String concept) {
    TextAnalyzer.Section s = analyzer.analyze(SectionKind.FINDINGS, sentence);
    return s.mentions.stream()
        .filter(m -> m.concept().id().equals(concept))
        .map(TextAnalyzer.Mention::certainty)
        .findFirst()
        .orElse(null);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Lungs are hyperexpanded.",
        "The lungs are mildly hyperinflated but clear.",
        "Overexpanded lungs with flattened diaphragms.",
        "There is hyperexpansion of the lungs."
      })
  void largeLungsAreHyperinflationNeverEmphysema(String findings) {
    DraftOutcome o = chest("Findings: " + findings + "\nImpression: No acute disease.");
    assertThat(Fixtures.codeValues(o)).contains("R91.8").doesNotContain("J43.9", "RID4799");
    assertThat(impressions(o)).noneMatch(i -> i.toLowerCase().contains("emphysema"));
    assertThat(o.differentials()).noneMatch(d -> d.text().toLowerCase().contains("emphysema"));
    // a sign of the habitus or of COPD, not a finding the impression must repeat
    assertThat(Fixtures.flagTypes(o)).doesNotContain(FlagType.FINDING_NOT_IN_IMPRESSION);
  }

  @Test
  void emphysemaSaidAsSuchIsStillEmphysemaBesideHyperinflation() {
    DraftOutcome o = chest("Findings: Hyperinflated lungs with emphysema.");
    assertThat(Fixtures.codeValues(o)).contains("J43.9", "R91.8");
  }

  @Test
  void subcutaneousEmphysemaIsNotLungEmphysema() {
    DraftOutcome o =
        chest(
            "Findings: Subcutaneous emphysema along the left chest wall and neck.\n"
                + "Impression: No pneumothorax.");
    assertThat(Fixtures.codeValues(o)).doesNotContain("J43.9", "RID4799");
    assertThat(o.flags())
        .filteredOn(f -> f.type() == FlagType.FINDING_NOT_IN_IMPRESSION)
        .extracting(f -> f.message())
        .containsExactly("Subcutaneous emphysema is in the findings but not in the impression");
  }

  @Test
  void aPericardialEffusionIsNotAPleuralEffusion() {
    DraftOutcome o =
        chest("Findings: Enlarged cardiac silhouette, cardiomegaly or pericardial effusion.");
    assertThat(Fixtures.codeValues(o)).doesNotContain("RID34539", "J90");
    assertThat(certainty("Small pericardial effusion.", "pericardial_effusion"))
        .isEqualTo(Certainty.PRESENT);
    assertThat(certainty("Small pericardial effusion.", "pleural_effusion")).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Sequelae of old granulomatous disease.",
        "Sequela of prior granulomatous disease.",
        "Calcified right hilar lymph nodes.",
        "Calcified mediastinal and hilar lymph nodes, sequela of prior granulomatous disease.",
        "Calcified left hilar lymph node.",
        // the IU de-identification took the noun: "lymph" or the nodal station still names them
        "Calcified left hilar lymph XXXX.",
        "Calcified right hilar XXXX.",
        // on a chest exam a calcification is not a thyroid nodule's echogenic focus
        "Right hilar calcifications suggest a previous granulomatous process."
      })
  void theResidueOfOldGranulomatousDiseaseIsSeenToday(String findings) {
    DraftOutcome o = chest("Findings: " + findings + " Lungs are clear.");
    assertThat(Fixtures.codeValues(o)).contains("J98.4").doesNotContain("RID3798", "R59.9");
  }

  @Test
  void calcifiedNodesSaidTheOtherWayRoundAreGranulomatousToo() {
    assertThat(certainty("Right paratracheal nodal calcifications.", "granuloma"))
        .isEqualTo(Certainty.PRESENT);
    assertThat(certainty("Mediastinal lymph node calcifications.", "granuloma"))
        .isEqualTo(Certainty.PRESENT);
    assertThat(certainty("Calcified right paratracheal lymph node.", "lymphadenopathy")).isNull();
  }

  @Test
  void theDiseaseASequelaFollowsStaysInThePast() {
    assertThat(certainty("Scarring, sequela of prior pneumonia.", "pneumonia"))
        .isEqualTo(Certainty.NEGATED);
    assertThat(certainty("Scarring, sequela of prior pneumonia.", "fibrosis"))
        .isEqualTo(Certainty.PRESENT);
    assertThat(certainty("No calcified lymph nodes.", "granuloma")).isEqualTo(Certainty.NEGATED);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Patchy left basilar opacity, atelectasis or scarring.| atelectasis",
        "Bibasilar opacities, atelectasis versus pneumonia.| pneumonia",
        "Streaky right lower lung opacity, scarring vs subsegmental atelectasis.| atelectasis"
      })
  void anOpacityReadAsHedgedAlternativesIsItselfSeen(String sentence, String reading) {
    assertThat(certainty(sentence, "opacity")).isEqualTo(Certainty.PRESENT);
    assertThat(certainty(sentence, reading)).isEqualTo(Certainty.UNCERTAIN);
    assertThat(certainty("Possible left basilar opacity, atelectasis or scarring.", "opacity"))
        .isEqualTo(Certainty.UNCERTAIN);
    assertThat(certainty("Opacity or effusion at the left base.", "opacity"))
        .isEqualTo(Certainty.UNCERTAIN);
  }

  @Test
  void anOpacityTheImpressionLeavesOutWithItsHedgedReadingIsNoOmission() {
    DraftOutcome o =
        chest(
            "Findings: Patchy left basilar opacity, atelectasis or scarring.\n"
                + "Impression: No acute cardiopulmonary process.");
    assertThat(Fixtures.codeValues(o)).contains("RID28530", "R91.8");
    assertThat(Fixtures.flagTypes(o)).doesNotContain(FlagType.FINDING_NOT_IN_IMPRESSION);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "The heart is slightly large.| PRESENT",
        "Heart size remains mildly enlarged.| PRESENT",
        "Stable enlargement of the cardiac silhouette.| PRESENT",
        "Mild heart enlargement.| PRESENT",
        "No enlargement of the heart.| NEGATED",
        "Negative for cardiac enlargement.| NEGATED",
      })
  void theHeartSaidToBeEnlargedInOtherWordsIsCardiomegaly(String sentence, Certainty expected) {
    assertThat(certainty(sentence, "cardiomegaly")).isEqualTo(expected);
    assertThat(certainty("Heart size is borderline enlarged.", "cardiomegaly")).isNull();
    assertThat(certainty("The heart is not enlarged.", "cardiomegaly")).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Degenerative spurring of the thoracic spine.| degenerative",
        "Flowing syndesmophytes in the thoracic spine.| degenerative",
        "Right chest port with tip in the mid SVC.| support_device",
        "Right IJ line with its tip at the cavoatrial junction.| support_device",
        "Enteric tube courses below the diaphragm.| support_device",
        "Cholecystectomy clips are present.| support_device",
        "Left anterior chest wall pacemaker/defibrillator.| support_device",
      })
  void spineAndDeviceWordsOfChestRadiographs(String sentence, String concept) {
    assertThat(certainty(sentence, concept)).isEqualTo(Certainty.PRESENT);
  }

  @ParameterizedTest(name = "{0}: {1} is {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Nodular density over the left 4th rib represents a healing rib fracture.| lung_nodule|"
            + " NEGATED",
        "Nodular densities over the posterior 9th ribs are consistent with nipple shadows.|"
            + " lung_nodule| NEGATED",
        "7 mm nodular opacity most likely represents the nipple.| lung_nodule| UNCERTAIN",
        "Right lower lobe nodule is unchanged; nipple markers were placed.| lung_nodule| PRESENT",
        "The previously seen nodular density is not well-seen on today's study.| lung_nodule|"
            + " NEGATED",
        "CT is more sensitive in detecting small nodules.| lung_nodule| NEGATED",
        "Bony overlap in the apices could obscure a small pulmonary nodule.| lung_nodule| NEGATED",
        "Question small pericardial effusion.| pericardial_effusion| UNCERTAIN",
        "Considerations would include pneumonia or atelectasis.| pneumonia| UNCERTAIN",
        "Consolidation and atelectasis at the left base have cleared.| consolidation| NEGATED",
        "Consolidation and atelectasis at the left base have cleared.| atelectasis| NEGATED",
        "The nodule in question is stable.| lung_nodule| PRESENT",
        "Please note that nondisplaced fractures may not be demonstrated.| fracture| NEGATED",
        "Left central venous catheter fracture at the level of the clavicle.| fracture| NEGATED",
        "The lateral most screw is fractured.| fracture| NEGATED",
        "Healing fracture of the left clavicle with intact plate and screws.| fracture| PRESENT",
        "Evidence of previous granulomatous infection.| pneumonia| ",
        "Evidence of previous granulomatous infection.| granuloma| PRESENT",
        "Recommend clinical correlation for infection.| pneumonia| NEGATED",
        "Atypical infection is another consideration.| pneumonia| UNCERTAIN",
        "There may also be small bilateral pleural effusions.| pleural_effusion| UNCERTAIN",
        "Small bilateral pleural effusions are suspected.| pleural_effusion| UNCERTAIN",
        "Opacities which may represent atelectasis and/or pleural effusion.| pleural_effusion|"
            + " UNCERTAIN",
        "Left basilar atelectasis and/or infection.| atelectasis| UNCERTAIN",
        "Large right pleural effusion and left lower lobe atelectasis.| atelectasis| PRESENT",
        "Soft tissue edema with no visible bony injury.| edema| ",
        "Soft tissue edema with no visible bony injury.| soft_tissue_edema| PRESENT",
      })
  void whatARadiographReportRulesOutExplainsAwayOrOnlyConsidersIsNotAFinding(
      String sentence, String concept, Certainty expected) {
    assertThat(certainty(sentence, concept)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Stable cardiomegaly and central pulmonary vascular prominence.| PRESENT",
        "The heart is large and the pulmonary vessels are engorged.| PRESENT",
        "Vascular redistribution without frank edema.| PRESENT",
        "There is no central pulmonary vascular prominence.| NEGATED",
      })
  void vascularCongestionInRadiographWords(String sentence, Certainty expected) {
    TextAnalyzer.Section s = analyzer.analyze(SectionKind.FINDINGS, sentence);
    assertThat(s.mentions)
        .filteredOn(m -> m.concept().id().equals("edema"))
        .extracting(TextAnalyzer.Mention::certainty)
        .contains(expected);
    assertThat(certainty("Pulmonary vascularity is normal.", "edema")).isNull();
    assertThat(certainty("Pulmonary vascular engorgement appears within normal limits.", "edema"))
        .isNull();
    assertThat(certainty("Heterogeneous thyroid with increased vascularity.", "edema")).isNull();
  }
}
