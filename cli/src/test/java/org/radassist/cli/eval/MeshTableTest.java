package org.radassist.cli.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.radassist.cli.eval.MeshTable.Heading;
import org.radassist.cli.eval.MeshTable.MeshLabel;

class MeshTableTest {
  private final MeshTable table = MeshTable.bundled();

  private Heading heading(String name) {
    return table.headings().stream().filter(h -> h.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void aMeshCellSplitsIntoHeadingsWithSubheadingsAndSide() {
    List<MeshLabel> labels =
        MeshLabel.parseCell("Opacity/lung/base/right;Pleural Effusion/bilateral/small; normal");
    assertThat(labels)
        .extracting(MeshLabel::heading)
        .containsExactly("Opacity", "Pleural Effusion", "normal");
    assertThat(labels.get(0).side()).isEqualTo("right");
    assertThat(labels.get(1).side()).isEqualTo("bilateral");
    assertThat(labels.get(1).subheadings()).containsExactly("bilateral", "small");
    assertThat(labels.get(2).side()).isEmpty();
  }

  @Test
  void aHeadingWithSubheadingsCoversOnlyLabelsThatCarryThem() {
    Heading cardiomegaly = heading("cardiomegaly");
    assertThat(cardiomegaly.covers(MeshLabel.parseCell("Cardiac Shadow/enlarged/mild").get(0)))
        .isTrue();
    assertThat(cardiomegaly.covers(MeshLabel.parseCell("Cardiac Shadow/borderline").get(0)))
        .isFalse();
    assertThat(cardiomegaly.covers(MeshLabel.parseCell("cardiomegaly/mild").get(0))).isTrue();
  }

  @Test
  void enlargedNodesCountWhereverTheIndexersPutThemAndCalcifiedNodesAreGranulomatous() {
    Heading nodes = heading("lymphadenopathy");
    assertThat(
            nodes.covers(MeshLabel.parseCell("Lung/hilum/lymph nodes/bilateral/enlarged").get(0)))
        .isTrue();
    assertThat(nodes.covers(MeshLabel.parseCell("Mediastinum/lymph nodes/enlarged").get(0)))
        .isTrue();
    assertThat(nodes.covers(MeshLabel.parseCell("Calcinosis/lung/hilum/lymph nodes").get(0)))
        .isFalse();
    Heading granuloma = heading("granuloma");
    assertThat(
            granuloma.covers(MeshLabel.parseCell("Calcinosis/lung/hilum/lymph nodes/right").get(0)))
        .isTrue();
    assertThat(granuloma.covers(MeshLabel.parseCell("Calcinosis/mediastinum/lymph nodes").get(0)))
        .isTrue();
    assertThat(granuloma.covers(MeshLabel.parseCell("Calcinosis/aorta").get(0))).isFalse();
    assertThat(
            heading("support devices")
                .covers(MeshLabel.parseCell("Surgical Instruments/mediastinum").get(0)))
        .isTrue();
  }

  @Test
  void theTableCoversTheHeadingsTheIssueNamesAndKnowsTheDraftCodes() {
    assertThat(table.headings())
        .extracting(Heading::name)
        .contains(
            "pleural effusion",
            "pneumothorax",
            "cardiomegaly",
            "nodule",
            "atelectasis",
            "opacity",
            "consolidation / airspace disease",
            "edema / congestion",
            "emphysema / COPD",
            "fracture",
            "granuloma",
            "hiatal hernia");
    assertThat(heading("pleural effusion").keys()).contains("RID34539", "J90", "effusion");
  }

  @Test
  void theSideOfACodeIsTheSideWordNearestItsWords() {
    String s = "Left basilar atelectasis and small right pleural effusion.";
    assertThat(DraftCodeObservations.side(s, s.indexOf("pleural effusion"))).isEqualTo("right");
    assertThat(DraftCodeObservations.side(s, s.indexOf("atelectasis"))).isEqualTo("left");
    assertThat(DraftCodeObservations.side("Bibasilar atelectasis.", 10)).isEqualTo("bilateral");
    assertThat(DraftCodeObservations.side("Cardiomegaly.", 0)).isEmpty();
  }
}
