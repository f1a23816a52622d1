package org.radassist.weasis.bridge.internal.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Shape;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.radassist.model.ImageRegion;
import org.radassist.model.ImageRegion.GraphicType;

class RegionShapesTest {

  private static Shape shape(GraphicType type, Double... points) {
    return RegionShapes.shapeOf(new ImageRegion(type, List.of(points), false, null)).orElseThrow();
  }

  private static void assertBounds(Shape s, double x, double y, double w, double h) {
    Rectangle2D b = s.getBounds2D();
    assertThat(b.getX()).isCloseTo(x, within(1e-6));
    assertThat(b.getY()).isCloseTo(y, within(1e-6));
    assertThat(b.getWidth()).isCloseTo(w, within(1e-6));
    assertThat(b.getHeight()).isCloseTo(h, within(1e-6));
  }

  private static boolean isClosed(Shape s) {
    for (PathIterator it = s.getPathIterator(null); !it.isDone(); it.next()) {
      if (it.currentSegment(new double[6]) == PathIterator.SEG_CLOSE) {
        return true;
      }
    }
    return false;
  }

  @Test
  void aPointIsASmallMarkCenteredOnIt() {
    Shape s = shape(GraphicType.POINT, 100.0, 50.0);
    assertBounds(s, 97, 47, 6, 6);
  }

  @Test
  void aPolylineIsOpenUnlessItsLastPointRepeatsTheFirst() {
    Shape open = shape(GraphicType.POLYLINE, 10.0, 10.0, 30.0, 10.0, 30.0, 40.0);
    assertBounds(open, 10, 10, 20, 30);
    assertThat(isClosed(open)).isFalse();

    Shape closed = shape(GraphicType.POLYLINE, 10.0, 10.0, 30.0, 10.0, 30.0, 40.0, 10.0, 10.0);
    assertThat(isClosed(closed)).isTrue();
  }

  @Test
  void aPolygonIsClosed() {
    Shape s = shape(GraphicType.POLYGON, 0.0, 0.0, 8.0, 0.0, 8.0, 6.0);
    assertThat(isClosed(s)).isTrue();
    assertThat(s.contains(6, 1)).isTrue();
  }

  @Test
  void aCircleIsItsCenterAndAPointOnTheCircumference() {
    Shape s = shape(GraphicType.CIRCLE, 50.0, 60.0, 53.0, 64.0); // radius 5
    assertBounds(s, 45, 55, 10, 10);
  }

  @Test
  void anEllipseFollowsItsMajorAxisEvenWhenRotated() {
    Shape upright = shape(GraphicType.ELLIPSE, 0.0, 10.0, 20.0, 10.0, 10.0, 5.0, 10.0, 15.0);
    assertBounds(upright, 0, 5, 20, 10);

    // major axis vertical: the same ellipse turned by 90 degrees
    Shape turned = shape(GraphicType.ELLIPSE, 10.0, 0.0, 10.0, 20.0, 5.0, 10.0, 15.0, 10.0);
    assertBounds(turned, 5, 0, 10, 20);
    assertThat(turned.contains(10, 18)).isTrue();
    assertThat(turned.contains(18, 10)).isFalse();
  }

  @Test
  void multiplePointsAreOneMarkEach() {
    Shape s = shape(GraphicType.MULTIPOINT, 10.0, 10.0, 40.0, 20.0);
    assertBounds(s, 7, 7, 36, 16);
    assertThat(s.contains(10, 10)).isTrue();
    assertThat(s.contains(25, 15)).isFalse();
  }

  @Test
  void patientSpaceRegionsAndDegenerateOnesAreNotDrawn() {
    ImageRegion scoord3d =
        new ImageRegion(GraphicType.POINT, List.of(1.0, 2.0, 3.0), true, "1.2.3");
    assertThat(RegionShapes.shapeOf(scoord3d)).isEmpty();
    assertThat(RegionShapes.shapeOf(null)).isEmpty();
    assertThat(
            RegionShapes.shapeOf(
                new ImageRegion(GraphicType.CIRCLE, List.of(5.0, 5.0, 5.0, 5.0), false, null)))
        .isEmpty();
    assertThat(
            RegionShapes.shapeOf(
                new ImageRegion(GraphicType.POLYGON, List.of(0.0, 0.0, 1.0, 1.0), false, null)))
        .isEmpty();
    assertThat(
            RegionShapes.shapeOf(
                new ImageRegion(GraphicType.POINT, List.of(0.0, 0.0, 1.0, 1.0), false, null)))
        .isEmpty();
  }
}
