package org.radassist.drafting.internal.engine.frames;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.radassist.drafting.AiResult;

class FrameExtractorTest {
  private final FrameExtractor extractor = new FrameExtractor();

  private LesionFrame only(String text) {
    List<LesionFrame> frames = extractor.extract(text);
    assertThat(frames).as("frames of \"%s\"", text).hasSize(1);
    return frames.get(0);
  }

  @Test
  void aNoduleNotPresentOnThePriorIsNewNotNegated() {
    LesionFrame f =
        only(
            "New 5 mm solid nodule in the right middle lobe, not present on the prior examination.");
    assertThat(f.kind()).isEqualTo("nodule");
    assertThat(f.assertion().positive()).isTrue();
    assertThat(f.assertion().negated()).isFalse();
    assertThat(f.change().status()).isEqualTo(Change.Status.NEW);
    assertThat(f.site()).isEqualTo(Anatomy.RML);
    assertThat(f.site().snomed()).isEqualTo("72481006");
    assertThat(f.side()).isEqualTo(Side.RIGHT);
    assertThat(f.composition()).isEqualTo("solid");
    assertThat(f.overall()).get().extracting(Measurement::meanMm).isEqualTo(5.0);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "7 mm solid nodule in the left lower lobe, not present 12 months ago.",
        "5 mm solid nodule in the right middle lobe, absent on the examination of one year ago.",
        "Right upper lobe solid nodule measuring 6.5 mm, not identified eighteen months ago.",
        "4.5 mm solid nodule in the lingula which is not visible on last year's screen."
      })
  void aNoduleTheDatedPriorDidNotShowIsNewNotNegated(String text) {
    LesionFrame f = only(text);
    assertThat(f.assertion().negated()).isFalse();
    assertThat(f.change().status()).isEqualTo(Change.Status.NEW);
  }

  @Test
  void aNoduleNotSeenTodayStaysNegated() {
    assertThat(only("The previously described nodule is not seen today.").assertion().negated())
        .isTrue();
  }

  @Test
  void aPartSolidNoduleKeepsOverallAndSolidComponentApart() {
    LesionFrame f =
        only(
            "Part-solid nodule in the left upper lobe measuring 14 x 12 mm overall, with a solid"
                + " component of 7 x 6 mm.");
    assertThat(f.composition()).isEqualTo("part-solid");
    assertThat(f.overall()).get().extracting(Measurement::axesMm).isEqualTo(List.of(14.0, 12.0));
    assertThat(f.overall()).get().extracting(Measurement::meanMm).isEqualTo(13.0);
    assertThat(f.solidComponent()).get().extracting(Measurement::meanMm).isEqualTo(6.5);
    assertThat(f.site()).isEqualTo(Anatomy.LUL);
  }

  @Test
  void aGrowingNoduleKeepsItsPriorSizeEvenWithoutAUnit() {
    LesionFrame f =
        only("Solid nodule in the right upper lobe now measures 8.2 millimetres, previously 6.0.");
    assertThat(f.overall()).get().extracting(Measurement::meanMm).isEqualTo(8.2);
    assertThat(f.change().status()).isEqualTo(Change.Status.GROWING);
    assertThat(f.change().priorMm()).isEqualTo(6.0);
    assertThat(f.assertion().historical()).isFalse();
  }

  @Test
  void thyroidLexiconFillsTheFiveTiRadsGroups() {
    LesionFrame f =
        only(
            "1.8 cm nodule in the right thyroid lobe: solid, hypoechoic, taller than wide, smooth"
                + " margins, no echogenic foci.");
    assertThat(f.organ()).isEqualTo("thyroid");
    assertThat(f.side()).isEqualTo(Side.RIGHT);
    assertThat(f.composition()).isEqualTo("solid");
    assertThat(f.feature("echogenicity")).isEqualTo("hypoechoic");
    assertThat(f.feature("shape")).isEqualTo("taller-than-wide");
    assertThat(f.feature("margin")).isEqualTo("smooth");
    assertThat(f.feature("echogenic_foci")).isEqualTo("none");
    assertThat(f.overall()).get().extracting(Measurement::longMm).isEqualTo(18.0);
  }

  @Test
  void echogenicFociOfSeveralKindsAreAllKept() {
    LesionFrame f =
        only(
            "Left lower pole 1.2 cm solid hypoechoic thyroid nodule containing both a"
                + " macrocalcification and punctate echogenic foci.");
    assertThat(f.feature("echogenic_foci")).isEqualTo("macrocalcification+punctate");
    LesionFrame together =
        only(
            "Right lobe 1.6 cm mixed cystic and solid thyroid nodule with both rim and punctate"
                + " calcifications.");
    assertThat(together.feature("echogenic_foci")).isEqualTo("peripheral rim+punctate");
  }

  @Test
  void noFociMeansNoEchogenicFoci() {
    List<LesionFrame> frames =
        extractor.extract(
            "Isthmus 1.6 cm mixed cystic and solid nodule, very hypoechoic, wider than tall,"
                + " smooth, no foci.",
            new FrameExtractor.ExamContext("US", "NECK"));
    assertThat(frames).hasSize(1);
    assertThat(frames.get(0).feature("echogenic_foci")).isEqualTo("none");
  }

  @Test
  void aLobeWithAPoleOnANeckUltrasoundIsTheThyroids() {
    List<LesionFrame> frames =
        extractor.extract(
            "Right lobe lower pole 1.8 cm solid hypoechoic nodule, wider than tall.",
            new FrameExtractor.ExamContext("US", "NECK"));
    assertThat(frames).hasSize(1);
    assertThat(frames.get(0).organ()).isEqualTo("thyroid");
    assertThat(frames.get(0).side()).isEqualTo(Side.RIGHT);
    List<LesionFrame> chest =
        extractor.extract(
            "Right lower lobe 8 mm solid nodule.", new FrameExtractor.ExamContext("CT", "CHEST"));
    assertThat(chest.get(0).organ()).isEqualTo("lung");
  }

  @Test
  void aDescriptionInTheNextSentenceAddsToTheFrameBefore() {
    List<LesionFrame> frames =
        extractor.extract(
            "Left thyroid nodule measuring 12 mm. It is spongiform. Wider than tall.");
    assertThat(frames).hasSize(1);
    assertThat(frames.get(0).composition()).isEqualTo("spongiform");
    assertThat(frames.get(0).feature("shape")).isEqualTo("wider-than-tall");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Left kidney stone measuring 4 mm.|kidney|LEFT",
        "4 mm left renal calculus.|kidney|LEFT",
        "4 mm calculus in the L kidney.|kidney|LEFT",
        "Right renal stone.|kidney|RIGHT",
        "Consolidation in the right lower lobe.|lung|RIGHT",
        "Left lower lobe pneumonia.|lung|LEFT",
        "Small bilateral pleural effusions.|pleura|BILATERAL",
      })
  void anatomyAndSideAreNormalisedWhateverTheWords(String text, String organ, Side side) {
    LesionFrame f = only(text);
    assertThat(f.organ()).isEqualTo(organ);
    assertThat(f.side()).isEqualTo(side);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "No pleural effusion.|negated",
        "The effusion has resolved.|historical",
        "History of pneumonia.|historical",
        "Possible small pleural effusion.|possible",
        "Pneumothorax cannot be excluded.|possible",
        "Family history of breast mass.|other_experiencer",
        "If the nodule grows, biopsy is advised.|hypothetical",
        "Evaluate for pneumothorax.|hypothetical",
        "Small right pleural effusion.|present",
        "No pneumothorax, but there is a small pleural effusion.|present",
      })
  void contextModifiersFollowHarkema(String text, String label) {
    List<LesionFrame> frames = extractor.extract(text);
    assertThat(frames.get(frames.size() - 1).assertion().label()).isEqualTo(label);
  }

  @Test
  void aListNegationCoversEveryFindingUntilATerminationTerm() {
    List<LesionFrame> frames =
        extractor.extract(
            "No pneumothorax, pleural effusion or consolidation; stable 4 mm nodule.");
    assertThat(frames)
        .extracting(LesionFrame::kind)
        .containsExactly("pneumothorax", "effusion", "consolidation", "nodule");
    assertThat(frames.subList(0, 3)).allMatch(f -> f.assertion().negated());
    assertThat(frames.get(3).assertion().positive()).isTrue();
    assertThat(frames.get(3).change().status()).isEqualTo(Change.Status.STABLE);
  }

  @Test
  void twoLesionsOfASentenceEachKeepTheirOwnSizeAndSide() {
    List<LesionFrame> frames =
        extractor.extract(
            "A 5 mm nodule in the right upper lobe and a 9 mm nodule in the left lower lobe.");
    assertThat(frames).hasSize(2);
    assertThat(frames.get(0).site()).isEqualTo(Anatomy.RUL);
    assertThat(frames.get(0).overall()).get().extracting(Measurement::meanMm).isEqualTo(5.0);
    assertThat(frames.get(1).site()).isEqualTo(Anatomy.LLL);
    assertThat(frames.get(1).overall()).get().extracting(Measurement::meanMm).isEqualTo(9.0);
  }

  @Test
  void evidenceOffsetsPointAtTheWords() {
    String text = "Lungs are clear. Small left pleural effusion.";
    LesionFrame f = extractor.extract(text).get(0);
    assertThat(text.substring(f.start(), f.end())).isEqualTo("effusion");
    assertThat(text.substring(f.sentenceStart(), f.sentenceEnd()))
        .isEqualTo("Small left pleural effusion.");
  }

  @Test
  void aiResultsBecomeFramesWithTheirCodedComposition() {
    LesionFrame f =
        extractor
            .fromAi(
                List.of(
                    new AiResult(
                        "sr:TID1500",
                        null,
                        "lung nodule",
                        8.2,
                        "right upper lobe",
                        "Solid",
                        0.9,
                        null)))
            .get(0);
    assertThat(f.kind()).isEqualTo("nodule");
    assertThat(f.site()).isEqualTo(Anatomy.RUL);
    assertThat(f.composition()).isEqualTo("solid");
    assertThat(f.overall()).get().extracting(Measurement::meanMm).isEqualTo(8.2);
    assertThat(f.fromText()).isFalse();
  }

  @Test
  void aSolidComponentGivenAsAChangeKeepsItsPriorAndCurrentSize() {
    LesionFrame f =
        only(
            "The 12 mm part-solid nodule is unchanged overall, but its solid component has"
                + " increased from 2 mm to 4.5 mm.");
    assertThat(f.overall()).get().extracting(Measurement::meanMm).isEqualTo(12.0);
    assertThat(f.priorSolidComponent()).get().extracting(Measurement::meanMm).isEqualTo(2.0);
    assertThat(f.solidComponent()).get().extracting(Measurement::meanMm).isEqualTo(4.5);
  }

  @Test
  void aGroundGlassOpacityNoduleIsOneNoduleAndANegatedSolidComponentLeavesItGroundGlass() {
    LesionFrame f = only("A 3.0 cm pure ground glass opacity nodule, without solid component.");
    assertThat(f.kind()).isEqualTo("nodule");
    assertThat(f.composition()).isEqualTo("ground-glass");
    assertThat(f.overall()).get().extracting(Measurement::meanMm).isEqualTo(30.0);
  }

  @Test
  void aCystsWallThicknessIsNotItsSize() {
    LesionFrame f =
        only("18 mm cyst in the right upper lobe with a thick wall measuring up to 3 mm.");
    assertThat(f.overall()).get().extracting(Measurement::meanMm).isEqualTo(18.0);
    assertThat(f.sizes()).extracting(Measurement::role).contains(Measurement.Role.WALL);
    assertThat(f.feature("cyst_wall")).isEqualTo("thick");
    assertThat(only("9 mm cyst with a wall of 1 mm.").feature("cyst_wall")).isEqualTo("thin");
  }

  @ParameterizedTest(name = "{0} -> airway {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Small nodule within a subsegmental bronchus of the right lower lobe.| subsegmental",
        "Endobronchial nodule in the anterior segmental bronchus.| segmental or proximal",
        "Nodule in the right upper lobe bronchus.| segmental or proximal",
        "Endobronchial nodule of 5 mm.| present",
        "Nodule adjacent to the right upper lobe bronchus.| ''",
      })
  void aNoduleInAnAirwayCarriesTheAirwayLevel(String text, String level) {
    assertThat(only(text).feature("airway")).isEqualTo(level);
  }

  @ParameterizedTest(name = "{0} -> new {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "5 mm nodule, not seen on the previous study.| true",
        "5 mm nodule that wasn't visible on last year's CT.| true",
        "5 mm nodule, absent on the prior.| true",
        "5 mm nodule, not seen on the CT of 2025.| true",
        "5 mm nodule; the prior nodule is not seen on the current study.| false",
      })
  void wordsThatThePriorDidNotShowTheNoduleMakeItNew(String text, boolean isNew) {
    LesionFrame f = extractor.extract(text).get(0);
    assertThat(f.change().status() == Change.Status.NEW).isEqualTo(isNew);
  }

  @Test
  void aNoduleAttachedToTheFissureIsJuxtapleuralAndTheShapeIsItsFeature() {
    LesionFrame f = only("9 mm smooth lentiform solid nodule abutting the right major fissure.");
    assertThat(f.feature("juxtapleural")).isEqualTo("present");
    assertThat(f.feature("benign_shape")).isEqualTo("present");
    LesionFrame unattached =
        extractor.extract("9 mm solid nodule on the left, no pleural effusion.").get(0);
    assertThat(unattached.kind()).isEqualTo("nodule");
    assertThat(unattached.feature("juxtapleural")).isEmpty();
  }
}
