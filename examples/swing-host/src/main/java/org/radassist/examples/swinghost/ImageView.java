package org.radassist.examples.swinghost;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.swing.JComponent;
import org.radassist.model.ImageRegion;

/**
 * The viewer's image: one slice, windowed to 8 bits, with the AI region drawn over it. Owned by the
 * Swing event thread like any component.
 *
 * <p><b>Region point layout and pixel origin.</b> A 2D {@link ImageRegion} (DICOM SCOORD, PS3.3
 * C.18.6.1.1) holds (column, row) pairs in image pixel coordinates: (0, 0) is the top left corner
 * of the top left pixel, (columns, rows) the bottom right corner of the bottom right pixel, so the
 * centre of the top left pixel is (0.5, 0.5). With the image drawn at (0, 0) one unit per pixel
 * (Java2D's own convention), the points are Java2D coordinates as they are: no half-pixel shift, no
 * swap. POINT is one pair, MULTIPOINT / POLYLINE / POLYGON are n pairs (a POLYLINE whose last point
 * repeats the first is closed), CIRCLE is the centre then a point on the circumference, ELLIPSE the
 * two ends of the major axis then the two of the minor axis. A region in patient space ({@link
 * ImageRegion#patientSpace()}, SCOORD3D, x/y/z triplets in mm) needs the image plane's geometry and
 * is not drawn here. Frames in {@code ImageReference.frames()} are numbered from 1.
 */
final class ImageView extends JComponent {
  private static final Color REGION = new Color(255, 196, 0);
  private BufferedImage image;
  private int rows;
  private int columns;
  private String message = "No study";
  private Shape region;

  ImageView() {
    setPreferredSize(new Dimension(512, 512));
    setOpaque(true);
    setBackground(Color.BLACK);
  }

  /** Shows a slice (decoded by the caller, off the event thread) and removes the old region. */
  void show(Optional<BufferedImage> pixels, int rows, int columns, String caption) {
    this.image = pixels.orElse(null);
    this.rows = rows;
    this.columns = columns;
    this.message = caption;
    this.region = null;
    repaint();
  }

  /** Draws the region over the slice on screen; false when it cannot be drawn on this plane. */
  boolean drawRegion(ImageRegion value) {
    this.region = shapeOf(value).orElse(null);
    repaint();
    return region != null;
  }

  boolean showsRegion() {
    return region != null;
  }

  String caption() {
    return message;
  }

  @Override
  protected void paintComponent(Graphics graphics) {
    Graphics2D g = (Graphics2D) graphics.create();
    g.setColor(getBackground());
    g.fillRect(0, 0, getWidth(), getHeight());
    if (rows > 0 && columns > 0) {
      double scale = Math.min(getWidth() / (double) columns, (getHeight() - 20) / (double) rows);
      AffineTransform toScreen = new AffineTransform();
      toScreen.translate((getWidth() - columns * scale) / 2, 20);
      toScreen.scale(scale, scale);
      if (image != null) {
        g.drawImage(image, toScreen, null);
      } else {
        g.setColor(Color.DARK_GRAY);
        g.fill(toScreen.createTransformedShape(new java.awt.Rectangle(0, 0, columns, rows)));
      }
      if (region != null) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(REGION);
        g.setStroke(new BasicStroke(2f));
        g.draw(toScreen.createTransformedShape(region));
      }
    }
    g.setColor(Color.WHITE);
    g.drawString(message, 6, 14);
    g.dispose();
  }

  /** The region as a shape in image pixel coordinates (see the class comment). */
  static Optional<Shape> shapeOf(ImageRegion region) {
    if (region == null || region.patientSpace()) {
      return Optional.empty();
    }
    List<Double> p = region.points();
    int n = p.size() / 2;
    switch (region.graphicType()) {
      case POINT, MULTIPOINT -> {
        Path2D marks = new Path2D.Double();
        for (int i = 0; i < n; i++) {
          marks.append(new Ellipse2D.Double(p.get(2 * i) - 3, p.get(2 * i + 1) - 3, 6, 6), false);
        }
        return Optional.of(marks);
      }
      case POLYLINE, POLYGON -> {
        if (n < 2) {
          return Optional.empty();
        }
        Path2D path = new Path2D.Double();
        path.moveTo(p.get(0), p.get(1));
        for (int i = 1; i < n; i++) {
          path.lineTo(p.get(2 * i), p.get(2 * i + 1));
        }
        if (region.graphicType() == ImageRegion.GraphicType.POLYGON) {
          path.closePath();
        }
        return Optional.of(path);
      }
      case CIRCLE -> {
        if (n != 2) {
          return Optional.empty();
        }
        double r = Math.hypot(p.get(2) - p.get(0), p.get(3) - p.get(1));
        return Optional.of(new Ellipse2D.Double(p.get(0) - r, p.get(1) - r, 2 * r, 2 * r));
      }
      case ELLIPSE -> {
        if (n != 4) {
          return Optional.empty();
        }
        double cx = (p.get(0) + p.get(2)) / 2;
        double cy = (p.get(1) + p.get(3)) / 2;
        double a = Math.hypot(p.get(2) - p.get(0), p.get(3) - p.get(1)) / 2;
        double b = Math.hypot(p.get(6) - p.get(4), p.get(7) - p.get(5)) / 2;
        double angle = Math.atan2(p.get(3) - p.get(1), p.get(2) - p.get(0));
        return Optional.of(
            AffineTransform.getRotateInstance(angle, cx, cy)
                .createTransformedShape(new Ellipse2D.Double(cx - a, cy - b, 2 * a, 2 * b)));
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  /**
   * Decodes an uncompressed monochrome slice into 8 bits with its own window (else W400/L40). Runs
   * on a worker, never on the event thread; empty when the pixels are in a form this small viewer
   * does not decode (the region is still drawn on a blank plane of the right size).
   */
  static Optional<BufferedImage> decode(Path file) {
    try {
      AttributeList list = new AttributeList();
      list.read(file.toString());
      int rows = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.Rows, 0);
      int columns = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.Columns, 0);
      int bits = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.BitsAllocated, 16);
      boolean signed =
          Attribute.getSingleIntegerValueOrDefault(list, TagFromName.PixelRepresentation, 0) == 1;
      Attribute pixels = list.get(TagFromName.PixelData);
      if (pixels == null || rows == 0 || columns == 0 || bits != 16) {
        return Optional.empty();
      }
      short[] values = pixels.getShortValues();
      if (values == null || values.length < rows * columns) {
        return Optional.empty();
      }
      double slope = Attribute.getSingleDoubleValueOrDefault(list, TagFromName.RescaleSlope, 1);
      double intercept =
          Attribute.getSingleDoubleValueOrDefault(list, TagFromName.RescaleIntercept, 0);
      double center = Attribute.getSingleDoubleValueOrDefault(list, TagFromName.WindowCenter, 40);
      double width = Attribute.getSingleDoubleValueOrDefault(list, TagFromName.WindowWidth, 400);
      BufferedImage out = new BufferedImage(columns, rows, BufferedImage.TYPE_BYTE_GRAY);
      byte[] gray = ((java.awt.image.DataBufferByte) out.getRaster().getDataBuffer()).getData();
      double low = center - width / 2;
      for (int i = 0; i < rows * columns; i++) {
        int raw = signed ? values[i] : values[i] & 0xffff;
        double v = (raw * slope + intercept - low) / width * 255;
        gray[i] = (byte) Math.max(0, Math.min(255, (int) v));
      }
      return Optional.of(out);
    } catch (Exception e) {
      return Optional.empty();
    }
  }
}
