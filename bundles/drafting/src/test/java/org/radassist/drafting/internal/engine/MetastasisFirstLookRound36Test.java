package org.radassist.drafting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Round 36 (helper "sys17"): when a metastasis is found for the first time. */
class MetastasisFirstLookRound36Test {

  @ParameterizedTest(name = "{0} / {1} / priors {2} -> first look {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Newly diagnosed rectal cancer, staging.| Liver lesions. Liver metastases.| false| true",
        "Breast cancer, back pain.| Comparison: none. Marrow deposits.| false| true",
        "Known metastatic breast cancer.| Marrow deposits.| false| false",
        "Rectal cancer on chemotherapy.| Liver metastases.| false| false",
        "Restaging, melanoma.| Nodal metastases.| false| false",
        "Colon cancer, post right hemicolectomy.| Liver metastases.| false| false",
        "Lung cancer.| Compared with the prior CT, liver metastases.| false| false",
        "Lung cancer.| Liver metastases, unchanged.| false| false",
        "Lung cancer.| Liver metastases.| true| false",
      })
  void aFirstLookHasNoPriorNoKnownSpreadAndNoComparison(
      String indication, String dictation, boolean priors, boolean firstLook) {
    assertThat(MalignancyWording.firstLook(indication, dictation, priors)).isEqualTo(firstLook);
  }

  private static final Pattern NEW = Pattern.compile("\\bnew\\b", Pattern.CASE_INSENSITIVE);

  @Test
  void aNewMetastasisIsReadFromItsNewToItsOwnClause() {
    String s = "Mixed response: treated frontal deposit smaller, new right cerebellar metastasis.";
    int at = s.indexOf("metastasis");
    assertThat(MalignancyWording.assertionRegion(s, NEW, at, at + 10))
        .isEqualTo(" new right cerebellar metastasis.");
    String t = "Stable left metastasis; new right nodule, likely a further metastasis, as above.";
    int at2 = t.lastIndexOf("metastasis");
    assertThat(MalignancyWording.assertionRegion(t, NEW, at2, at2 + 10))
        .isEqualTo(" new right nodule, likely a further metastasis");
  }

  @Test
  void withoutANewBeforeItTheWholeSentenceDecides() {
    String s = "Known metastasis, new fracture.";
    assertThat(MalignancyWording.assertionRegion(s, NEW, 6, 16)).isEqualTo(s);
  }

  @Test
  void blankingKeepsOffsets() {
    assertThat(MalignancyWording.blanked("no new metastasis", Pattern.compile("no new")))
        .isEqualTo("       metastasis");
  }

  @ParameterizedTest(name = "{0} -> amount of change {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "sac expansion by 4 mm| true",
        "enlarged by about 3 mm in 12 months| true",
        "an increase of 4 mm since last year| true",
        "now 6 mm larger than before| true",
        "a 4 mm nodule| false",
        "growth of the 4 mm nodule| false",
      })
  void aSizeSaidAsTheAmountOfChangeIsNoSize(String text, boolean change) {
    java.util.regex.Matcher m = Pattern.compile("\\d+ mm").matcher(text);
    assertThat(m.find()).isTrue();
    assertThat(MeasurementCheck.amountOfChange(text, m.start(), m.end())).isEqualTo(change);
  }

  @Test
  void aSizeBandAfterAScoringCategoryIsNoMeasurement() {
    String t = "Lung-RADS 4A (new 6-8 mm solid nodule). Three month LDCT.";
    int at = t.indexOf("8 mm");
    assertThat(MeasurementCheck.categoryBand(t, at, at + 4)).isTrue();
    String u = "New 6-8 mm solid nodules in both lungs.";
    int at2 = u.indexOf("8 mm");
    assertThat(MeasurementCheck.categoryBand(u, at2, at2 + 4)).isFalse();
  }
}
