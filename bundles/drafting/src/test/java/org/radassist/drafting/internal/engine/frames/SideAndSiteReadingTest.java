package org.radassist.drafting.internal.engine.frames;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How a side reaches a finding when the text does not put it right before the finding word. */
class SideAndSiteReadingTest {
  private final FrameExtractor extractor = new FrameExtractor();

  private LesionFrame first(String text, String kind) {
    List<LesionFrame> frames = extractor.extract(text);
    return frames.stream().filter(f -> f.kind().equals(kind)).findFirst().orElseThrow();
  }

  @Test
  void aSiteSaidOfTheLobeBeforeItPlacesTheLesionAndCarriesItsSide() {
    LesionFrame f =
        first(
            "1.6 cm hypoechoic lesion in the superficial lobe of the right parotid gland, likely"
                + " pleomorphic adenoma.",
            "lesion");
    assertThat(f.site()).isEqualTo(Anatomy.SALIVARY);
    assertThat(f.side()).isEqualTo(Side.RIGHT);
  }

  @Test
  void aHeadingSentenceGivesItsSideToTheFindingsAfterItUntilASideIsSaid() {
    List<LesionFrame> frames =
        extractor.extract(
            "Left knee. Complex tear of the posterior horn of the medial meniscus. Moderate joint"
                + " effusion. Right hip: small effusion.");
    assertThat(frames)
        .extracting(LesionFrame::kind, LesionFrame::side)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("tear", Side.LEFT),
            org.assertj.core.groups.Tuple.tuple("effusion", Side.LEFT),
            org.assertj.core.groups.Tuple.tuple("effusion", Side.RIGHT));
    assertThat(frames.get(1).site()).isEqualTo(Anatomy.JOINT);
  }

  @Test
  void aSentenceWithAFindingIsNoHeading() {
    List<LesionFrame> frames =
        extractor.extract("Left kidney normal. 5 mm stone in the lower pole.");
    assertThat(frames).singleElement().extracting(LesionFrame::side).isEqualTo(Side.NONE);
  }

  @Test
  void theSideOfALimbCoversEveryFindingOfItsSentence() {
    LesionFrame effusion =
        first(
            "Medial meniscal posterior horn tear of the left knee with moderate effusion.",
            "effusion");
    assertThat(effusion.side()).isEqualTo(Side.LEFT);
    assertThat(effusion.site()).isEqualTo(Anatomy.JOINT);
  }

  @Test
  void twoSidesInASentenceLeaveEachFindingItsOwn() {
    List<LesionFrame> frames =
        extractor.extract("Effusion of the right knee and a tear of the left knee meniscus.");
    assertThat(frames).extracting(LesionFrame::side).containsExactly(Side.RIGHT, Side.LEFT);
  }

  @Test
  void aTelegraphicLetterBeforeTheGroinIsASide() {
    assertThat(first("R groin: fat-containing inguinal hernia, reducible.", "hernia").side())
        .isEqualTo(Side.RIGHT);
  }

  @Test
  void anArterialTerritoryIsTheBrains() {
    LesionFrame f = first("Established hypodensity in the right MCA territory.", "lesion");
    assertThat(f.site()).isEqualTo(Anatomy.BRAIN);
    assertThat(f.side()).isEqualTo(Side.RIGHT);
  }

  @Test
  void aSideSaidAsAPositionAfterAFindingIsThatFindingsNotTheNextOnes() {
    List<LesionFrame> frames =
        extractor.extract(
            "7 mm obstructing calculus at the pelviureteric junction on the left with moderate"
                + " hydronephrosis.");
    LesionFrame stone = frames.get(0);
    assertThat(stone.kind()).isEqualTo("calculus");
    assertThat(stone.side()).isEqualTo(Side.LEFT);
    assertThat(stone.site()).isEqualTo(Anatomy.URETER);
  }

  @Test
  void aSiteGoesToTheNearestFindingThatCanLieThere() {
    LesionFrame mass =
        first("Enhancing 2.5 cm mass in the left frontal lobe with vasogenic oedema.", "mass");
    assertThat(mass.site()).isEqualTo(Anatomy.BRAIN);
    assertThat(mass.side()).isEqualTo(Side.LEFT);
  }

  @Test
  void telegraphicSidesWithAPeriodOrAHyphenAreSides() {
    assertThat(first("Rt. kidney: 12 mm calculus in the renal pelvis.", "calculus").side())
        .isEqualTo(Side.RIGHT);
    assertThat(first("Small R-sided pleural effusion.", "effusion").side()).isEqualTo(Side.RIGHT);
  }

  @Test
  void scrotalFindingsAreTheTestissAndCarryTheirSide() {
    LesionFrame f = first("Large left hydrocele surrounding a normal left testis.", "hydrocele");
    assertThat(f.site()).isEqualTo(Anatomy.TESTIS);
    assertThat(f.side()).isEqualTo(Side.LEFT);
    assertThat(first("Right testicular torsion.", "torsion").side()).isEqualTo(Side.RIGHT);
  }

  @Test
  void theSidesASentenceNamesAnOrganAt() {
    assertThat(extractor.sidesOf("Right testis normal.", "testis")).containsExactly(Side.RIGHT);
    assertThat(extractor.sidesOf("Left testis: enlarged, absent flow.", "testis"))
        .containsExactly(Side.LEFT);
    assertThat(extractor.sidesOf("Left testis: enlarged.", "kidney")).isEmpty();
  }
}
