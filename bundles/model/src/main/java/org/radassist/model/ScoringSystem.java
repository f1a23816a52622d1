package org.radassist.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The published reporting and data systems RadAssist fills fields for. */
public enum ScoringSystem {
  LUNG_RADS("Lung-RADS"),
  FLEISCHNER("Fleischner"),
  BI_RADS("BI-RADS"),
  LI_RADS("LI-RADS"),
  PI_RADS("PI-RADS"),
  TI_RADS("TI-RADS");

  private final String label;

  ScoringSystem(String label) {
    this.label = label;
  }

  @JsonValue
  public String label() {
    return label;
  }

  @JsonCreator
  public static ScoringSystem fromLabel(String label) {
    for (ScoringSystem s : values()) {
      if (s.label.equalsIgnoreCase(label) || s.name().equalsIgnoreCase(label)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown scoring system: " + label);
  }
}
