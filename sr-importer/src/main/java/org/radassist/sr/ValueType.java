package org.radassist.sr;

/** The value type of an SR content item (PS3.3 C.17.3.2.1), plus the forms a reader meets. */
public enum ValueType {
  CONTAINER,
  TEXT,
  CODE,
  NUM,
  PNAME,
  DATE,
  TIME,
  DATETIME,
  UIDREF,
  SCOORD,
  SCOORD3D,
  TCOORD,
  IMAGE,
  COMPOSITE,
  WAVEFORM,
  TABLE,
  /** An item that only points at another item (Referenced Content Item Identifier). */
  BY_REFERENCE,
  /** A value type this reader does not know, or none at all (a defect, reported as a problem). */
  UNKNOWN;

  /** The value type for a (0040,A040) string; unknown or empty strings give {@link #UNKNOWN}. */
  public static ValueType fromDicom(String code) {
    if (code == null) {
      return UNKNOWN;
    }
    return switch (code.trim()) {
      case "CONTAINER" -> CONTAINER;
      case "TEXT" -> TEXT;
      case "CODE" -> CODE;
      case "NUM" -> NUM;
      case "PNAME" -> PNAME;
      case "DATE" -> DATE;
      case "TIME" -> TIME;
      case "DATETIME" -> DATETIME;
      case "UIDREF" -> UIDREF;
      case "SCOORD" -> SCOORD;
      case "SCOORD3D" -> SCOORD3D;
      case "TCOORD" -> TCOORD;
      case "IMAGE" -> IMAGE;
      case "COMPOSITE" -> COMPOSITE;
      case "WAVEFORM" -> WAVEFORM;
      case "TABLE" -> TABLE;
      default -> UNKNOWN;
    };
  }
}
