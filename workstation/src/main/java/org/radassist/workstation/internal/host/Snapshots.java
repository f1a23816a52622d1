package org.radassist.workstation.internal.host;

import java.awt.Component;
import java.awt.Container;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.radassist.model.files.OwnerOnlyFiles;

/**
 * Paints a component into a PNG without a screen (works with java.awt.headless=true): size it, lay
 * it out twice (wrapping text fixes widths first, heights second), paint. Event thread only.
 */
public final class Snapshots {
  private Snapshots() {}

  public static BufferedImage render(Component component, int width, int height) {
    layout(component, width, height);
    layout(component, width, height);
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
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
   * Writes a PNG of the component; panels are painted with the panel module's own renderer when it
   * is there (it lays out wrapping text the way the panels expect).
   */
  public static Path writePng(Component component, int width, int height, Path file)
      throws IOException {
    OwnerOnlyFiles.createDirectories(file.toAbsolutePath().getParent());
    BufferedImage image;
    try {
      image = org.radassist.panel.PanelRenderer.render(component, width, height);
    } catch (NoClassDefFoundError e) {
      image = render(component, width, height);
    }
    // a viewer or panel picture shows the patient's study: owner-only like every output
    ByteArrayOutputStream png = new ByteArrayOutputStream(1 << 16);
    if (!ImageIO.write(image, "png", png)) {
      throw new IOException("no PNG writer");
    }
    return OwnerOnlyFiles.write(file, png.toByteArray());
  }

  private static void layout(Component c, int width, int height) {
    c.setSize(width, height);
    layoutTree(c);
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
