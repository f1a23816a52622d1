package org.radassist.panel.internal.swing;

import java.awt.Component;
import java.awt.Container;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Paints a Swing component into an image without a screen (java.awt.headless=true works): what the
 * workstation's headless run and the visual tests use to produce PNGs of the panels. Call on the
 * Swing event thread.
 */
public final class Rendering {
  private Rendering() {}

  /** Sizes the component to width x height, lays it out and paints it. */
  public static BufferedImage render(Component component, int width, int height) {
    layout(component, width, height);
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_LCD_HRGB);
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(
          component.getBackground() == null ? java.awt.Color.WHITE : component.getBackground());
      g.fillRect(0, 0, width, height);
      component.printAll(g);
    } finally {
      g.dispose();
    }
    return image;
  }

  /**
   * Lays the component out at this size as a window would. Wrapping text needs two passes: the
   * first fixes the widths, the second the heights that follow from them.
   */
  public static void layout(Component component, int width, int height) {
    component.setSize(width, height);
    for (int pass = 0; pass < 3; pass++) {
      invalidateTree(component);
      layoutTree(component);
    }
  }

  /** Renders and writes a PNG, creating the directory if needed. */
  public static Path writePng(Component component, int width, int height, Path file)
      throws IOException {
    BufferedImage image = render(component, width, height);
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    ImageIO.write(image, "png", file.toFile());
    return file;
  }

  private static void invalidateTree(Component c) {
    c.invalidate();
    if (c instanceof Container container) {
      for (Component child : container.getComponents()) {
        invalidateTree(child);
      }
    }
  }

  private static void layoutTree(Component c) {
    if (c instanceof Container container) {
      container.doLayout();
      for (Component child : container.getComponents()) {
        layoutTree(child);
      }
    }
  }
}
