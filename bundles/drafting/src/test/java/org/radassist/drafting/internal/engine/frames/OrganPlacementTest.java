package org.radassist.drafting.internal.engine.frames;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where a lesion is when its words do not say it outright: landmarks, bare lobes, the exam. */
class OrganPlacementTest {
  private final FrameExtractor extractor = new FrameExtractor();

  private String organOfFirst(String text, String modality, String bodyPart) {
    List<LesionFrame> frames =
        extractor.extract(text, new FrameExtractor.ExamContext(modality, bodyPart));
    assertThat(frames).as("frames of \"%s\"", text).isNotEmpty();
    return frames.get(0).organ();
  }

  @ParameterizedTest(name = "{0} ({1} {2}) -> {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        // the thyroid as a landmark, the parathyroid named
        "9 mm hypoechoic nodule posterior to the right thyroid lobe, likely a parathyroid"
            + " adenoma.|US|NECK|parathyroid",
        "Hypoechoic lesion deep to the lower pole of the left thyroid lobe, in keeping with a"
            + " parathyroid adenoma.|US|NECK|parathyroid",
        // a parathyroid named only to be excluded places nothing
        "1.6 cm solid isoechoic nodule, no parathyroid adenoma.|US|NECK|thyroid",
        "Nodule in the lower pole of the left thyroid lobe.|US|NECK|thyroid",
        // a bare lobe: the liver's on an abdominal exam, the thyroid's on a neck ultrasound
        "9 mm hypoechoic nodule in the left lobe.|US|ABDOMEN|liver",
        "12 mm hyperechoic lesion in the right lobe of the liver.|US||liver",
        "9 mm hypoechoic nodule in the left lobe.|US|NECK|thyroid",
        // a salivary gland is no thyroid, lobe or not
        "1.2 cm hypoechoic lesion in the right submandibular gland.|US|NECK|salivary_gland",
        "1.8 cm hypoechoic lesion in the superficial lobe of the left parotid gland.|US|NECK|"
            + "salivary_gland",
        // the gland owns the lobe even when a diagnosis after it stands nearer the gland's name
        "2 cm well-circumscribed hypoechoic mass within the deep lobe of the left parotid gland,"
            + " probably a pleomorphic adenoma.|US|NECK|salivary_gland",
        // ultrasound words on a breast exam are the breast's
        "5 mm isoechoic oval mass with circumscribed margins.|US|BREAST|breast",
        "8 mm hypoechoic mass.|MG||breast",
        "5 mm isoechoic oval mass with circumscribed margins.|US|NECK|thyroid"
      })
  void aLesionIsPlacedByItsWordsTheirLandmarksAndTheExam(
      String text, String modality, String bodyPart, String organ) {
    assertThat(organOfFirst(text, modality, bodyPart == null ? "" : bodyPart)).isEqualTo(organ);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // the thyroid only as a landmark, nothing else named: the lesion is in no organ we know
        "10 mm oval hypoechoic lesion inferior to the right thyroid lobe, with a feeding vessel.",
        "Hypoechoic 9 mm nodule behind the lower pole of the left lobe of the thyroid, separate"
            + " from the gland.",
      })
  void aLesionNextToTheThyroidIsNotTheThyroids(String text) {
    assertThat(organOfFirst(text, "US", "NECK")).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1.1 cm pleomorphic adenoma of the right parotid gland.|salivary_gland",
      })
  void aTumourNamedPleomorphicHasNoBreastCalcification(String text, String organ) {
    List<LesionFrame> frames =
        extractor.extract(text, new FrameExtractor.ExamContext("US", "NECK"));
    assertThat(frames).extracting(LesionFrame::organ).containsOnly(organ);
    assertThat(frames).allSatisfy(f -> assertThat(f.feature("calc_morphology")).isEmpty());
  }
}
