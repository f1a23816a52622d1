package org.radassist.sr;

/** The relationship of a content item to its parent (PS3.3 C.17.3.2.4). */
public enum Relationship {
  /** The root item has no parent. */
  ROOT(""),
  CONTAINS("CONTAINS"),
  HAS_PROPERTIES("HAS PROPERTIES"),
  HAS_OBS_CONTEXT("HAS OBS CONTEXT"),
  HAS_ACQ_CONTEXT("HAS ACQ CONTEXT"),
  HAS_CONCEPT_MOD("HAS CONCEPT MOD"),
  INFERRED_FROM("INFERRED FROM"),
  SELECTED_FROM("SELECTED FROM"),
  /** Missing or unknown relationship type (reported as a problem). */
  UNKNOWN("");

  private final String dicom;

  Relationship(String dicom) {
    this.dicom = dicom;
  }

  /** The defined term as written in (0040,A010). */
  public String dicom() {
    return dicom;
  }

  /** The lower-case label dsrdump prints, e.g. "has concept mod". */
  public String label() {
    return switch (this) {
      case HAS_OBS_CONTEXT -> "has obs context";
      case HAS_ACQ_CONTEXT -> "has acq context";
      case HAS_CONCEPT_MOD -> "has concept mod";
      case ROOT -> "";
      case UNKNOWN -> "?";
      default -> dicom.toLowerCase(java.util.Locale.ROOT);
    };
  }

  public static Relationship fromDicom(String term) {
    if (term == null) {
      return UNKNOWN;
    }
    String t = term.trim();
    for (Relationship r : values()) {
      if (r != ROOT && r != UNKNOWN && r.dicom.equals(t)) {
        return r;
      }
    }
    return UNKNOWN;
  }
}
