package org.radassist.drafting.internal.engine.frames;

import java.util.List;

/**
 * A size in the text: all axes in millimetres (as dictated, converted from cm), the unit dictated,
 * what it measures and where it is ([start, end) character offsets of the text given to the
 * extractor; -1 for sizes that came from an AI result).
 */
public record Measurement(List<Double> axesMm, String unit, Role role, int start, int end) {
  /** What a size measures. */
  public enum Role {
    /** The lesion's overall size (the default). */
    OVERALL,
    /** The solid component of a part-solid nodule. */
    SOLID_COMPONENT,
    /** The lesion's size on the prior study ("previously 6.0 mm"). */
    PRIOR,
    /** The solid component's size on the prior study ("solid component now 5 mm, previously 2"). */
    PRIOR_SOLID_COMPONENT,
    /** A change in size, not a size ("grown by 1.6 mm", "increase of 2 mm", "3 mm larger"). */
    DELTA,
    /** The thickness of a cyst's wall ("thick wall measuring up to 3 mm"), not its size. */
    WALL,
    /**
     * The lesion's volume in mm³ ("volume 180 mm3"): its one "axis" holds the volume, so it is no
     * diameter (Fleischner and Lung-RADS give volume bands of their own).
     */
    VOLUME;

    /** A size of the prior study, not of this one. */
    public boolean prior() {
      return this == PRIOR || this == PRIOR_SOLID_COMPONENT;
    }
  }

  public Measurement {
    axesMm = List.copyOf(axesMm);
    if (axesMm.isEmpty()) {
      throw new IllegalArgumentException("a measurement has at least one axis");
    }
  }

  /** The longest axis in mm. */
  public double longMm() {
    return axesMm.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
  }

  /** The short axis in mm (of the two in-plane axes; the only axis if one was given). */
  public double shortMm() {
    if (axesMm.size() == 1) {
      return axesMm.get(0);
    }
    return Math.min(axesMm.get(0), axesMm.get(1));
  }

  /** Mean of long and short axis, rounded to one decimal (Lung-RADS, Fleischner). */
  public double meanMm() {
    if (axesMm.size() == 1) {
      return Math.round(axesMm.get(0) * 10) / 10.0;
    }
    double a = axesMm.get(0);
    double b = axesMm.get(1);
    return Math.round((Math.max(a, b) + Math.min(a, b)) / 2 * 10) / 10.0;
  }
}
