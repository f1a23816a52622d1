package org.radassist.drafting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radassist.model.FlagType;

/**
 * Issue 14, round 27 (helper "fn8"): an empyema is an ACR category 2 critical result (product
 * decision), said by name or by its signs, unless it is the known one treated; and an impression
 * reports a lesion by the diagnosis, the size or the reading it gives it.
 */
class FindingsAndCriticalRound27Test {
  private final RulesEngine engine = RulesEngine.withDefaults();

  private List<FlagType> flags(String modality, String body, String findings, String impression) {
    return Fixtures.flagTypes(
        engine.draft(
            Fixtures.report(findings, impression)
                .modality(modality, body)
                .indication("Fever.")
                .build()));
  }

  @ParameterizedTest(name = "{0} / {1} -> critical {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Multiloculated right pleural fluid collection containing pockets of gas.| Right pleural"
            + " collection.| true",
        "Right pleural collection with the split pleura sign.| Right empyema.| true",
        "Loculated right pleural effusion without gas.| Loculated right pleural effusion.| false",
        "Pigtail drain in situ. Resolving right empyema.| Resolving right empyema, drain in"
            + " place.| false",
      })
  void anEmpyemaIsCategoryTwoUnlessTreated(String findings, String impression, boolean critical) {
    assertThat(flags("CT", "CHEST", findings, impression).contains(FlagType.CRITICAL_RESULT))
        .isEqualTo(critical);
  }

  @ParameterizedTest(name = "{2} / {3} -> omitted {4}")
  @CsvSource(
      delimiter = '|',
      value = {
        "US| BREAST| Left breast 2 o'clock lobulated circumscribed mass 32 mm.| Likely phyllodes"
            + " tumour.| false",
        "MR| BREAST| Known left breast carcinoma at 2 o'clock. Right breast 10 o'clock 9 mm"
            + " irregular enhancing mass.| Known left breast carcinoma.| true",
        "CT| ABDOMEN| Exophytic 2.6 cm solid lower pole mass on the left. Liver normal.| 2.6 cm"
            + " solid left renal mass.| false",
        "MR| SPINE| Severe canal stenosis at C5-6 with flattening of the cord.| C5-6 compressive"
            + " myelopathy.| false",
        "MR| SPINE| Severe canal stenosis at C5-6. Small haemangioma in C7.| C7 haemangioma.| true",
      })
  void anImpressionReportsALesionByItsDiagnosis(
      String modality, String body, String findings, String impression, boolean omitted) {
    assertThat(
            flags(modality, body, findings, impression)
                .contains(FlagType.FINDING_NOT_IN_IMPRESSION))
        .isEqualTo(omitted);
  }
}
