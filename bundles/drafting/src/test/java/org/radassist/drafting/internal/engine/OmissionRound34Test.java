package org.radassist.drafting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radassist.model.FlagType;

/**
 * Issue 14, round 34 (helper "om19"): bare "oedema" and "opacification" in an exam with no lung in
 * view are the region's own, not the lung's, unless their sentence names the lung.
 */
class OmissionRound34Test {
  private final RulesEngine engine = RulesEngine.withDefaults();

  @ParameterizedTest(name = "{1}: {3} / {4} -> omitted {5}")
  @CsvSource(
      delimiter = '|',
      value = {
        "MR| KNEE| Knee pain.| Subchondral oedema of the medial femoral condyle with a"
            + " degenerative medial meniscal tear.| Medial meniscal tear.| false",
        "CT| HEAD| Headache.| No haemorrhage. Opacification of the right maxillary sinus.| No acute"
            + " intracranial abnormality.| false",
        // the same words placed in the lung are still the lung's finding
        "CR| SHOULDER| Fall.| No fracture. The visualised left lung shows interstitial oedema"
            + " with septal lines.| No fracture.| true",
        "CT| SPINE| Back pain.| Mild T8 wedging. Dense opacity in the visualised right lower lobe"
            + " of the lung.| Mild T8 wedge fracture.| true",
        // a chest exam's bare oedema is still pulmonary oedema
        "CR| CHEST| Fall.| Bilateral perihilar oedema. Undisplaced fracture of the left sixth"
            + " rib.| Left sixth rib fracture.| true",
      })
  void bareOedemaOrOpacityBelongsToTheRegionInView(
      String modality,
      String body,
      String indication,
      String findings,
      String impression,
      boolean omitted) {
    assertThat(
            Fixtures.flagTypes(engine, modality, body, indication, findings, impression)
                .contains(FlagType.FINDING_NOT_IN_IMPRESSION))
        .isEqualTo(omitted);
  }
}
