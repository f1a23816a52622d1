package org.radassist.drafting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radassist.model.FieldStatus;
import org.radassist.model.ScoringSystem;
import org.radassist.model.SectionKind;
import org.radassist.model.Sex;
import org.radassist.model.StructuredField;

/**
 * Round 30b (helper "lung12"): Fleischner 2017 leaves out a KNOWN cancer, not a cancer this exam
 * only suspects (product decision); and a body-region header ("Chest:", "ABDOMEN -") starts the
 * findings of a report that gives no Findings header.
 */
class SuspectedCancerAndRegionHeadersRound30Test {
  private final RulesEngine engine = RulesEngine.withDefaults();
  private final Sectioner sectioner = new Sectioner();

  private String fleischner(String indication, String dictation) {
    DraftOutcome o =
        engine.draft(
            Fixtures.request(dictation)
                .modality("CT", "CHEST")
                .patient(66, Sex.M)
                .indication(indication)
                .build());
    StructuredField f =
        o.structuredFields().stream()
            .filter(
                s -> s.system() == ScoringSystem.FLEISCHNER && s.field().equals("recommendation"))
            .findFirst()
            .orElse(null);
    if (f == null) {
      return "none";
    }
    return f.status() == FieldStatus.COMPLETE ? f.value() : "incomplete";
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // this exam suspects the cancer: the nodule is scored by its size (> 8 mm row)
        "Cough.| 18 mm spiculated solid nodule in the right upper lobe, concerning for neoplasm."
            + "| consider CT at 3 months, PET/CT, or tissue sampling",
        "Haemoptysis.| 2.6 cm lobulated lung mass in the left upper lobe, worrisome for"
            + " bronchogenic carcinoma.| consider CT at 3 months, PET/CT, or tissue sampling",
        "Weight loss. Never smoker.| 5 mm solid nodule in the lingula. Adrenal mass, suspicious"
            + " for malignancy.| no routine follow-up",
        // a known cancer, a suspected metastasis or a mass of 3 cm or more: no Fleischner row
        "History of breast cancer.| 18 mm solid nodule in the right upper lobe, concerning for"
            + " neoplasm.| none",
        "Cough.| 12 mm solid nodule, likely recurrence of the known lung carcinoma.|" + " none",
        "Abdominal pain.| Several solid nodules in both lungs, largest 11 mm, likely metastatic"
            + " disease.| none",
        "Haemoptysis.| 3.5 cm spiculated mass in the right upper lobe, suspicious for primary"
            + " lung cancer.| none",
      })
  void aCancerThisExamOnlySuspectsIsNoKnownCancer(String indication, String findings, String row) {
    assertThat(fleischner(indication, "Findings: " + findings + "\nImpression: See above."))
        .isEqualTo(row);
  }

  @Test
  void aBodyRegionHeaderStartsTheFindingsWhenNoFindingsHeaderIsGiven() {
    Map<SectionKind, String> parts =
        sectioner.split(
            "Indication: CT chest and abdomen for anaemia.\n"
                + "Chest: 6 mm solid nodule in the left lower lobe.\n"
                + "ABDOMEN - Liver normal.\n"
                + "Impression: 6 mm nodule.");
    assertThat(parts.get(SectionKind.CLINICAL_HISTORY))
        .isEqualTo("CT chest and abdomen for anaemia.");
    assertThat(parts.get(SectionKind.FINDINGS))
        .startsWith("Chest: 6 mm solid nodule")
        .contains("ABDOMEN - Liver normal.");
  }

  @Test
  void anOrganHeaderWithADashStartsTheFindingsToo() {
    Map<SectionKind, String> parts =
        sectioner.split("History: Dyspnoea.\nLUNGS - 7 mm solid nodule.\nImpression: Nodule.");
    assertThat(parts.get(SectionKind.FINDINGS)).isEqualTo("LUNGS - 7 mm solid nodule.");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // no header colon: a complaint of the history
        "History:\\nChest pain for two weeks.\\nImpression: Normal.",
        // a line that refers back, or names a complaint
        "Indication:\\nChest: see indication on the request.\\nImpression: Normal.",
        "Indication:\\nChest: left-sided pain after a fall.\\nImpression: Normal.",
        // a Findings header exists: the region line stays technique
        "Technique: CT chest and abdomen.\\nChest: with contrast.\\nFindings: Normal.\\nImpression:"
            + " Normal.",
      })
  void aRegionLineThatIsNoFindingStaysWhereItIs(String dictation) {
    Map<SectionKind, String> parts = sectioner.split(dictation.replace("\\n", "\n"));
    assertThat(parts.getOrDefault(SectionKind.FINDINGS, "")).doesNotContain("Chest");
  }
}
