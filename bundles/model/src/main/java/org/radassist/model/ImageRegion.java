package org.radassist.model;

import java.util.List;

/**
 * A region on an image (SCOORD) or in patient space (SCOORD3D), as the host may draw it. Points are
 * (column, row) pairs for 2D and (x, y, z) triplets for 3D.
 */
public record ImageRegion(
    GraphicType graphicType,
    List<Double> points,
    boolean patientSpace,
    String frameOfReferenceUid) {

  /** The DICOM graphic types of SCOORD and SCOORD3D. */
  public enum GraphicType {
    POINT,
    MULTIPOINT,
    POLYLINE,
    CIRCLE,
    ELLIPSE,
    POLYGON,
    ELLIPSOID
  }

  public ImageRegion {
    Checks.requireValue(graphicType, "graphicType");
    points = Checks.copy(points, "points");
    int dims = patientSpace ? 3 : 2;
    if (points.isEmpty() || points.size() % dims != 0) {
      throw new IllegalArgumentException(
          "points must hold whole " + dims + "D coordinates, had " + points.size() + " values");
    }
  }

  public int dimensions() {
    return patientSpace ? 3 : 2;
  }
}
