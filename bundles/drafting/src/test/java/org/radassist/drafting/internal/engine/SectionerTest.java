package org.radassist.drafting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.radassist.model.SectionKind;

class SectionerTest {
  private final Sectioner sectioner = new Sectioner();

  @Test
  void organHeadersAfterAnExamHeaderOpenTheFindingsAndKeepTheirWord() {
    Map<SectionKind, String> parts =
        sectioner.split(
            "EXAM: CT LUNG SCREENING LOW DOSE\n"
                + "LUNGS: 0.7 x 0.6 cm solid nodule, right middle lobe.\n"
                + "PLEURA: Normal.\n"
                + "IMPRESSION: Lung-RADS 3.");
    assertThat(parts.get(SectionKind.PROCEDURE)).isEqualTo("CT LUNG SCREENING LOW DOSE");
    assertThat(parts.get(SectionKind.FINDINGS))
        .startsWith("LUNGS: 0.7 x 0.6 cm solid nodule")
        .contains("PLEURA: Normal.");
    assertThat(parts.get(SectionKind.IMPRESSION)).isEqualTo("Lung-RADS 3.");
  }

  @Test
  void anOrganWordInsideAProcedureSentenceIsNoHeader() {
    Map<SectionKind, String> parts =
        sectioner.split(
            "Technique: low-dose CT of the lungs: helical, no contrast.\nImpression: Lung-RADS 1.");
    assertThat(parts.get(SectionKind.PROCEDURE))
        .isEqualTo("low-dose CT of the lungs: helical, no contrast.");
    assertThat(parts).doesNotContainKey(SectionKind.FINDINGS);
  }

  @Test
  void organHeadersInsideTheFindingsChangeNothing() {
    Map<SectionKind, String> parts =
        sectioner.split("Findings: Lungs: clear.\nHeart: normal size.\nImpression: Normal.");
    assertThat(parts.get(SectionKind.FINDINGS)).isEqualTo("Lungs: clear.\nHeart: normal size.");
  }

  @Test
  void spokenHeadersBetweenSpokenPeriodsOpenTheirSections() {
    Map<SectionKind, String> parts =
        sectioner.split(
            "findings 6 mm ground glass nodule in the right lower lobe. no solid component."
                + " impression 6 mm ground glass nodule right lower lobe.");
    assertThat(parts.get(SectionKind.FINDINGS))
        .isEqualTo("6 mm ground glass nodule in the right lower lobe. no solid component.");
    assertThat(parts.get(SectionKind.IMPRESSION))
        .isEqualTo("6 mm ground glass nodule right lower lobe.");
  }

  @Test
  void impressionAsAWordOfASentenceIsNoHeader() {
    Map<SectionKind, String> parts =
        sectioner.split("Findings are stable. Impression is of a benign nodule. No change.");
    assertThat(parts).containsOnlyKeys(SectionKind.FINDINGS);
  }
}
