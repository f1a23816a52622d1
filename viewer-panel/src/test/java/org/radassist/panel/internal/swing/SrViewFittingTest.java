package org.radassist.panel.internal.swing;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class SrViewFittingTest {
  private static FontMetrics metrics() {
    Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB).createGraphics();
    try {
      return g.getFontMetrics(new Font(Font.DIALOG, Font.PLAIN, 12));
    } finally {
      g.dispose();
    }
  }

  @Test
  void aLabelThatFitsIsShownWhole() {
    FontMetrics fm = metrics();
    String label = "Finding: Nodule";
    assertThat(SrView.FittingTreeRenderer.fit(label, fm, fm.stringWidth(label))).isEqualTo(label);
  }

  @Test
  void aLongLabelBecomesTheLongestPrefixThatFitsWithAnEllipsis() {
    FontMetrics fm = metrics();
    String label =
        "Measurement: Long axis of the pulmonary nodule in the right upper lobe = 8.2 mm (AI)";
    for (int width = 30; width < fm.stringWidth(label); width += 7) {
      String fitted = SrView.FittingTreeRenderer.fit(label, fm, width);
      assertThat(fitted).endsWith("\u2026");
      assertThat(fm.stringWidth(fitted)).as("width %d", width).isLessThanOrEqualTo(width);
      String prefix = fitted.substring(0, fitted.length() - 1);
      assertThat(label).startsWith(prefix);
      int next = prefix.length() + 1;
      while (next < label.length() && label.charAt(next - 1) == ' ') {
        next++; // a prefix ending in blanks is shown without them
      }
      assertThat(fm.stringWidth(label.substring(0, next).stripTrailing() + "\u2026"))
          .as("one more character would not fit at width %d", width)
          .isGreaterThan(width);
    }
  }
}
