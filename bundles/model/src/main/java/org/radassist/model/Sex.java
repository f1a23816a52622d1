package org.radassist.model;

/** Patient sex as DICOM (0010,0040) codes it. */
public enum Sex {
  F,
  M,
  O,
  UNKNOWN;

  /** Reads a DICOM Patient's Sex value; anything else is {@link #UNKNOWN}. */
  public static Sex fromDicom(String value) {
    if (value == null) {
      return UNKNOWN;
    }
    return switch (value.trim().toUpperCase(java.util.Locale.ROOT)) {
      case "F" -> F;
      case "M" -> M;
      case "O" -> O;
      default -> UNKNOWN;
    };
  }
}
