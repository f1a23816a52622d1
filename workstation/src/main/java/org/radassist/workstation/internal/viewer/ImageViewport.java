package org.radassist.workstation.internal.viewer;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.event.MouseWheelEvent;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javax.swing.AbstractAction;
import javax.swing.JComponent;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import org.radassist.model.ImageRegion;
import org.radassist.workstation.internal.load.DicomImage;
import org.radassist.workstation.internal.load.DicomInstance;
import org.radassist.workstation.internal.load.DicomSeries;
import org.radassist.workstation.internal.load.ImageDecoder;
import org.radassist.workstation.internal.load.Windowing;

/**
 * Shows one image of a series, fitted to the component: window / level by dragging (horizontal:
 * width, vertical: level), scrolling by wheel or arrow keys, a region drawn on the instance it
 * belongs to. Images are decoded on a background executor; the event thread only paints.
 */
public final class ImageViewport extends JComponent {
  private static final long serialVersionUID = 1L;
  private static final Color REGION = new Color(255, 200, 0);

  private final transient Executor decoder;
  private final transient ImageDecoder decoding = new ImageDecoder();
  private final transient ImageCache cache = new ImageCache(64);
  private final transient List<Consumer<ImageViewport>> listeners = new ArrayList<>();
  private transient DicomSeries series;
  private int index;
  private transient DicomImage image;
  private transient BufferedImage rendered;
  private transient Windowing windowing;
  private transient String overlayTopLeft = "";
  private transient RegionMark region;
  private String message = "No study loaded";
  private int dragX;
  private int dragY;

  /** A region to draw on one instance (and frame). */
  record RegionMark(String sopInstanceUid, int frame, ImageRegion region) {}

  public ImageViewport(Executor decoder) {
    this.decoder = decoder;
    setName("viewer.viewport");
    setOpaque(true);
    setBackground(Color.BLACK);
    setFocusable(true);
    setPreferredSize(new Dimension(640, 640));
    MouseAdapter mouse =
        new MouseAdapter() {
          @Override
          public void mousePressed(MouseEvent e) {
            requestFocusInWindow();
            dragX = e.getX();
            dragY = e.getY();
          }

          @Override
          public void mouseDragged(MouseEvent e) {
            if (windowing != null) {
              // 4 HU per pixel of drag: a full lung-to-bone sweep within the viewport
              setWindowing(windowing.adjusted((e.getY() - dragY) * 4.0, (e.getX() - dragX) * 4.0));
            }
            dragX = e.getX();
            dragY = e.getY();
          }

          @Override
          public void mouseWheelMoved(MouseWheelEvent e) {
            scroll(e.getWheelRotation());
          }
        };
    addMouseListener(mouse);
    addMouseMotionListener(mouse);
    addMouseWheelListener(mouse);
    bindKey(KeyEvent.VK_UP, -1);
    bindKey(KeyEvent.VK_LEFT, -1);
    bindKey(KeyEvent.VK_DOWN, 1);
    bindKey(KeyEvent.VK_RIGHT, 1);
    bindKey(KeyEvent.VK_PAGE_UP, -5);
    bindKey(KeyEvent.VK_PAGE_DOWN, 5);
  }

  private void bindKey(int key, int delta) {
    String name = "scroll" + key;
    getInputMap(WHEN_IN_FOCUSED_WINDOW).put(KeyStroke.getKeyStroke(key, 0), name);
    getActionMap()
        .put(
            name,
            new AbstractAction() {
              private static final long serialVersionUID = 1L;

              @Override
              public void actionPerformed(java.awt.event.ActionEvent e) {
                scroll(delta);
              }
            });
  }

  /** Called on the event thread whenever the image, index or window changes. */
  public void addChangeListener(Consumer<ImageViewport> listener) {
    listeners.add(listener);
  }

  public DicomSeries series() {
    return series;
  }

  public int index() {
    return index;
  }

  public Windowing windowing() {
    return windowing;
  }

  public boolean hasRegion() {
    return region != null;
  }

  /** Patient / study text for the top-left corner. */
  public void setOverlayText(String text) {
    overlayTopLeft = text == null ? "" : text;
    repaint();
  }

  public void setMessage(String text) {
    message = text;
    series = null;
    image = null;
    rendered = null;
    repaint();
    fireChanged();
  }

  /** Shows an image of a series; completes on the event thread once it is on screen. */
  public CompletableFuture<Void> show(DicomSeries newSeries, int newIndex) {
    if (newSeries != series) {
      windowing = null; // the new series' own default window applies
    }
    series = newSeries;
    index = Math.max(0, Math.min(newIndex, newSeries.instances().size() - 1));
    return load();
  }

  public void scroll(int delta) {
    if (series != null) {
      int next = Math.max(0, Math.min(index + delta, series.instances().size() - 1));
      if (next != index) {
        index = next;
        load();
      }
    }
  }

  public void setWindowing(Windowing w) {
    windowing = w;
    if (image != null) {
      rendered = w.render(image);
    }
    repaint();
    fireChanged();
  }

  /** Draws {@code r} whenever the given instance is shown; null clears it. */
  public void setRegion(String sopInstanceUid, int frame, ImageRegion r) {
    region = r == null ? null : new RegionMark(sopInstanceUid, frame, r);
    repaint();
  }

  private CompletableFuture<Void> load() {
    DicomSeries s = series;
    int i = index;
    DicomInstance instance = s.instances().get(i);
    CompletableFuture<Void> shown = new CompletableFuture<>();
    DicomImage cached = cache.get(instance.sopInstanceUid());
    if (cached != null) {
      display(s, i, cached, null);
      shown.complete(null);
      return shown;
    }
    decoder.execute(
        () -> {
          DicomImage decoded = null;
          String error = null;
          try {
            decoded = decoding.decode(instance, 1);
            cache.put(instance.sopInstanceUid(), decoded);
          } catch (java.io.IOException | RuntimeException e) {
            error = e.getMessage();
          }
          DicomImage result = decoded;
          String problem = error;
          SwingUtilities.invokeLater(
              () -> {
                if (series == s && index == i) {
                  display(s, i, result, problem);
                }
                shown.complete(null);
              });
        });
    return shown;
  }

  private void display(DicomSeries s, int i, DicomImage decoded, String problem) {
    image = decoded;
    if (decoded == null) {
      rendered = null;
      message = "Image " + (i + 1) + " cannot be shown: " + problem;
    } else {
      if (windowing == null) {
        windowing = new Windowing(decoded.windowCenter(), decoded.windowWidth());
      }
      rendered = windowing.render(decoded);
    }
    repaint();
    fireChanged();
  }

  private void fireChanged() {
    for (Consumer<ImageViewport> l : listeners) {
      l.accept(this);
    }
  }

  @Override
  protected void paintComponent(Graphics graphics) {
    Graphics2D g = (Graphics2D) graphics.create();
    try {
      g.setColor(getBackground());
      g.fillRect(0, 0, getWidth(), getHeight());
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setFont(getFont() == null ? new Font(Font.SANS_SERIF, Font.PLAIN, 12) : getFont());
      if (rendered == null) {
        g.setColor(Color.LIGHT_GRAY);
        g.drawString(message, 12, getHeight() / 2);
        return;
      }
      AffineTransform toScreen = imageToScreen();
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(rendered, toScreen, null);
      paintRegion(g, toScreen);
      paintOverlays(g);
    } finally {
      g.dispose();
    }
  }

  private AffineTransform imageToScreen() {
    double imageWidth = image.columns() * image.aspect();
    double scale = Math.min(getWidth() / imageWidth, getHeight() / (double) image.rows());
    double x0 = (getWidth() - imageWidth * scale) / 2;
    double y0 = (getHeight() - image.rows() * scale) / 2;
    AffineTransform t = new AffineTransform();
    t.translate(x0, y0);
    t.scale(scale * image.aspect(), scale);
    return t;
  }

  private void paintRegion(Graphics2D g, AffineTransform toScreen) {
    RegionMark mark = region;
    if (mark == null
        || mark.region().patientSpace()
        || !series.instances().get(index).sopInstanceUid().equals(mark.sopInstanceUid())) {
      return;
    }
    List<Double> p = mark.region().points();
    List<Point2D> pts = new ArrayList<>();
    for (int i = 0; i + 1 < p.size(); i += 2) {
      pts.add(toScreen.transform(new Point2D.Double(p.get(i), p.get(i + 1)), null));
    }
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(REGION);
    g.setStroke(new BasicStroke(2f));
    switch (mark.region().graphicType()) {
      case CIRCLE -> {
        double r = pts.get(0).distance(pts.get(1));
        g.draw(new Ellipse2D.Double(pts.get(0).getX() - r, pts.get(0).getY() - r, 2 * r, 2 * r));
      }
      case ELLIPSE -> {
        if (pts.size() >= 4) {
          double a = pts.get(0).distance(pts.get(1)) / 2;
          double b = pts.get(2).distance(pts.get(3)) / 2;
          double cx = (pts.get(0).getX() + pts.get(1).getX()) / 2;
          double cy = (pts.get(0).getY() + pts.get(1).getY()) / 2;
          double angle =
              Math.atan2(
                  pts.get(1).getY() - pts.get(0).getY(), pts.get(1).getX() - pts.get(0).getX());
          Graphics2D rotated = (Graphics2D) g.create();
          rotated.rotate(angle, cx, cy);
          rotated.draw(new Ellipse2D.Double(cx - a, cy - b, 2 * a, 2 * b));
          rotated.dispose();
        }
      }
      case POLYLINE, POLYGON -> {
        Path2D path = new Path2D.Double();
        path.moveTo(pts.get(0).getX(), pts.get(0).getY());
        for (Point2D q : pts.subList(1, pts.size())) {
          path.lineTo(q.getX(), q.getY());
        }
        if (mark.region().graphicType() == ImageRegion.GraphicType.POLYGON) {
          path.closePath();
        }
        g.draw(path);
      }
      default -> {
        for (Point2D q : pts) {
          g.draw(new Ellipse2D.Double(q.getX() - 12, q.getY() - 12, 24, 24));
          g.drawLine((int) q.getX() - 18, (int) q.getY(), (int) q.getX() - 13, (int) q.getY());
          g.drawLine((int) q.getX() + 13, (int) q.getY(), (int) q.getX() + 18, (int) q.getY());
        }
      }
    }
  }

  private void paintOverlays(Graphics2D g) {
    g.setColor(new Color(230, 230, 230));
    int line = g.getFontMetrics().getHeight();
    int y = line;
    for (String s : overlayTopLeft.split("\n")) {
      g.drawString(s, 8, y);
      y += line;
    }
    String description = series.description() == null ? "" : series.description();
    g.drawString(description, getWidth() - 8 - g.getFontMetrics().stringWidth(description), line);
    g.drawString("Im " + (index + 1) + " / " + series.instances().size(), 8, getHeight() - 8);
    String wl = String.format(Locale.ROOT, "W %.0f  L %.0f", windowing.width(), windowing.center());
    g.drawString(wl, getWidth() - 8 - g.getFontMetrics().stringWidth(wl), getHeight() - 8);
  }
}
