package org.radassist.drafting.internal.engine.frames;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** TI-RADS descriptors said as a list: each item states itself, hyphenated or not. */
class FeatureListTest {
  private final FrameExtractor extractor = new FrameExtractor();

  @ParameterizedTest(name = "{0}: {1}={2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1.4 cm solid nodule, hypoechoic, ill defined margins, no echogenic foci, wider than"
            + " tall.|shape|wider-than-tall",
        "1.4 cm solid nodule without calcifications, taller than wide.|shape|taller-than-wide",
        "1.4 cm solid nodule, not taller than wide.|shape|wider-than-tall",
        "2.1 cm predominantly solid nodule, iso-echoic, smooth.|echogenicity|hyperechoic or"
            + " isoechoic",
        "9 mm solid nodule, no echogenic foci, markedly hypo-echoic.|echogenicity|very hypoechoic",
        "1.2 cm solid nodule without calcifications or extrathyroidal extension.|margin|"
      })
  void aListedDescriptorIsReadAsItIsSaid(String text, String group, String value) {
    LesionFrame f =
        extractor
            .extract("Right lobe: " + text, new FrameExtractor.ExamContext("US", "NECK"))
            .get(0);
    assertThat(f.feature(group)).isEqualTo(value == null ? "" : value);
  }
}
