package org.radassist.panel;

import java.awt.Component;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.radassist.panel.internal.swing.Rendering;

/**
 * Paints a Swing component into an image without a screen (java.awt.headless=true works): what the
 * workstation's headless run and the visual tests use to produce PNGs of the panels. Call on the
 * Swing event thread. Static methods only: there is nothing to configure.
 */
public interface PanelRenderer {

  /** Sizes the component to width x height, lays it out and paints it. */
  static BufferedImage render(Component component, int width, int height) {
    return Rendering.render(component, width, height);
  }

  /** Lays the component out at this size as a window would (wrapping text settled). */
  static void layout(Component component, int width, int height) {
    Rendering.layout(component, width, height);
  }

  /** Renders and writes a PNG, creating the directory if needed. */
  static Path writePng(Component component, int width, int height, Path file) throws IOException {
    return Rendering.writePng(component, width, height, file);
  }
}
