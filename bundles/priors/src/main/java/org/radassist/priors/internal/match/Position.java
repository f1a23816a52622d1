package org.radassist.priors.internal.match;

import java.util.List;
import java.util.Optional;
import org.radassist.model.Finding;
import org.radassist.model.ImageReference;
import org.radassist.model.ImageRegion;

/** A finding's position in patient coordinates (mm): the centroid of its first 3D region. */
record Position(double x, double y, double z) {

  static Optional<Position> of(Finding finding) {
    for (ImageReference reference : finding.references()) {
      ImageRegion region = reference.region();
      if (region != null && region.patientSpace()) {
        List<Double> p = region.points();
        double x = 0;
        double y = 0;
        double z = 0;
        int n = p.size() / 3;
        for (int i = 0; i < n; i++) {
          x += p.get(3 * i);
          y += p.get(3 * i + 1);
          z += p.get(3 * i + 2);
        }
        return Optional.of(new Position(x / n, y / n, z / n));
      }
    }
    return Optional.empty();
  }

  double distanceTo(Position o) {
    double dx = x - o.x;
    double dy = y - o.y;
    double dz = z - o.z;
    return Math.sqrt(dx * dx + dy * dy + dz * dz);
  }
}
