package org.radassist.panel.bench;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.function.LongConsumer;
import javax.swing.JComponent;
import javax.swing.RepaintManager;
import javax.swing.SwingUtilities;
import org.radassist.panel.internal.swing.Rendering;

/**
 * A screen for a component with no display: Swing's repaint and revalidate requests for anything
 * inside the root are collected, as a window's RepaintManager collects them, and answered by one
 * event posted to the event queue that lays the root out and paints it into an off-screen image
 * (FlatLaf's painting, text anti-aliasing on). After each paint the listener hears the time the
 * paint ended, on the event thread, so that a benchmark can ask what the image now shows.
 *
 * <p>The layout is Rendering's (three passes over the whole tree, so that wrapping text has its
 * final height): more work than a window does for a change in one part, so the figures it gives are
 * on the slow side.
 */
final class OffscreenRepaintManager extends RepaintManager {
  private final JComponent root;
  private final BufferedImage image;
  private final LongConsumer painted;
  private boolean scheduled;
  private boolean painting;
  private long paints;
  private long paintNanos;
  private RepaintManager previous;

  OffscreenRepaintManager(JComponent root, int width, int height, LongConsumer painted) {
    this.root = root;
    this.image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    this.painted = painted;
  }

  /** Installs this manager for every component (call on the event thread). */
  void install() {
    previous = RepaintManager.currentManager(root);
    RepaintManager.setCurrentManager(this);
  }

  /** Gives the previous manager back (call on the event thread). */
  void uninstall() {
    if (RepaintManager.currentManager(root) == this) {
      RepaintManager.setCurrentManager(previous);
    }
  }

  @Override
  public void addDirtyRegion(JComponent c, int x, int y, int w, int h) {
    request(c);
  }

  @Override
  public void addInvalidComponent(JComponent c) {
    request(c);
  }

  private void request(JComponent c) {
    if (painting || scheduled || !inside(c)) {
      return; // what the paint itself changes is painted by it; one paint per queue turn
    }
    scheduled = true;
    SwingUtilities.invokeLater(this::paintNow);
  }

  private boolean inside(JComponent c) {
    return c == root || SwingUtilities.isDescendingFrom(c, root);
  }

  /** Lays out and paints the root now, as the posted event does. */
  void paintNow() {
    scheduled = false;
    painting = true;
    long started = System.nanoTime();
    try {
      Rendering.layout(root, image.getWidth(), image.getHeight());
      Graphics2D g = image.createGraphics();
      try {
        g.setRenderingHint(
            RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_LCD_HRGB);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(root.getBackground());
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        root.printAll(g);
      } finally {
        g.dispose();
      }
      paints++;
    } finally {
      painting = false;
    }
    long end = System.nanoTime();
    paintNanos += end - started;
    painted.accept(end);
  }

  /** Time spent laying out and painting so far. */
  long paintNanos() {
    return paintNanos;
  }

  long paints() {
    return paints;
  }

  BufferedImage image() {
    return image;
  }
}
