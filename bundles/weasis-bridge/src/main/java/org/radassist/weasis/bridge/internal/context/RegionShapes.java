package org.radassist.weasis.bridge.internal.context;

import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.util.List;
import java.util.Optional;
import org.radassist.model.ImageRegion;

/**
 * Turns an SCOORD region (DICOM PS3.3 C.18.6.1.1: points are column / row pairs in image pixel
 * coordinates) into the shape to draw over the image. Regions in patient space (SCOORD3D) are not
 * mapped: that needs the image plane's geometry, which the bridge does not read.
 */
public final class RegionShapes {
  /** Diameter of the mark drawn for a POINT, in image pixels. */
  static final double POINT_SIZE = 6;

  private RegionShapes() {}

  /** The shape of {@code region}, or empty when it cannot be drawn on the image plane. */
  public static Optional<Shape> shapeOf(ImageRegion region) {
    if (region == null || region.patientSpace()) {
      return Optional.empty();
    }
    List<Double> p = region.points();
    int n = p.size() / 2;
    return switch (region.graphicType()) {
      case POINT -> n == 1 ? Optional.of(mark(p.get(0), p.get(1))) : Optional.empty();
      case MULTIPOINT -> Optional.of(marks(p, n));
      case POLYLINE -> n >= 2 ? Optional.of(path(p, n, false)) : Optional.empty();
      case POLYGON -> n >= 3 ? Optional.of(path(p, n, true)) : Optional.empty();
      case CIRCLE -> n == 2 ? circle(p) : Optional.empty();
      case ELLIPSE -> n == 4 ? ellipse(p) : Optional.empty();
      case ELLIPSOID -> Optional.empty();
    };
  }

  private static Shape mark(double x, double y) {
    return new Ellipse2D.Double(x - POINT_SIZE / 2, y - POINT_SIZE / 2, POINT_SIZE, POINT_SIZE);
  }

  private static Shape marks(List<Double> p, int n) {
    Path2D path = new Path2D.Double();
    for (int i = 0; i < n; i++) {
      path.append(mark(p.get(2 * i), p.get(2 * i + 1)), false);
    }
    return path;
  }

  /** A POLYLINE whose last point repeats the first is closed (C.18.6.1.2), like a POLYGON. */
  private static Shape path(List<Double> p, int n, boolean closed) {
    Path2D path = new Path2D.Double(Path2D.WIND_NON_ZERO, n);
    path.moveTo(p.get(0), p.get(1));
    for (int i = 1; i < n; i++) {
      path.lineTo(p.get(2 * i), p.get(2 * i + 1));
    }
    boolean repeatsFirst =
        n > 2 && p.get(0).equals(p.get(2 * n - 2)) && p.get(1).equals(p.get(2 * n - 1));
    if (closed || repeatsFirst) {
      path.closePath();
    }
    return path;
  }

  /** CIRCLE: the center, then a point on the circumference. */
  private static Optional<Shape> circle(List<Double> p) {
    double cx = p.get(0);
    double cy = p.get(1);
    double r = Math.hypot(p.get(2) - cx, p.get(3) - cy);
    if (r == 0) {
      return Optional.empty();
    }
    return Optional.of(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
  }

  /** ELLIPSE: the two end points of the major axis, then the two of the minor axis. */
  private static Optional<Shape> ellipse(List<Double> p) {
    double x1 = p.get(0);
    double y1 = p.get(1);
    double x2 = p.get(2);
    double y2 = p.get(3);
    double cx = (x1 + x2) / 2;
    double cy = (y1 + y2) / 2;
    double major = Math.hypot(x2 - x1, y2 - y1) / 2;
    double minor = Math.hypot(p.get(6) - p.get(4), p.get(7) - p.get(5)) / 2;
    if (major == 0 || minor == 0) {
      return Optional.empty();
    }
    Shape upright = new Ellipse2D.Double(cx - major, cy - minor, 2 * major, 2 * minor);
    double angle = Math.atan2(y2 - y1, x2 - x1);
    return Optional.of(
        angle == 0
            ? upright
            : AffineTransform.getRotateInstance(angle, cx, cy).createTransformedShape(upright));
  }
}
