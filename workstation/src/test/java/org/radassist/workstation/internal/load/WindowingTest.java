package org.radassist.workstation.internal.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class WindowingTest {
  @Test
  void theLungWindowShowsAirDarkAndSaturatesSoftTissueAndBone() {
    assertThat(Windowing.LUNG.grey(-1000)).isEqualTo(60);
    assertThat(Windowing.LUNG.grey(-1350)).isZero();
    assertThat(Windowing.LUNG.grey(-600)).isBetween(127, 128);
    assertThat(Windowing.LUNG.grey(150)).isEqualTo(255);
  }

  @Test
  void theMediastinalWindowSaturatesLungAndBone() {
    assertThat(Windowing.MEDIASTINUM.grey(-850)).isZero();
    assertThat(Windowing.MEDIASTINUM.grey(700)).isEqualTo(255);
    assertThat(Windowing.MEDIASTINUM.grey(40)).isBetween(127, 128);
  }

  @Test
  void dragAdjustmentsNeverMakeTheWidthLessThanOne() {
    assertThat(Windowing.LUNG.adjusted(10, -5000).width()).isEqualTo(1);
  }

  @Test
  void monochrome1IsShownInverted() {
    DicomImage image = new DicomImage(1, 2, new float[] {-1000, 1000}, 1, 1, 0, 400, true);
    BufferedImage out = Windowing.MEDIASTINUM.render(image);
    assertThat(out.getRaster().getSample(0, 0, 0)).isEqualTo(255);
    assertThat(out.getRaster().getSample(1, 0, 0)).isZero();
  }
}
