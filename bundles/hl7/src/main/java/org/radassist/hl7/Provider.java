package org.radassist.hl7;

import java.util.Objects;

/** A person in an XCN field (OBR-16 ordering provider): id ^ family name ^ given name. */
public record Provider(String id, String familyName, String givenName) {
  public Provider {
    Objects.requireNonNull(id, "id");
    familyName = familyName == null ? "" : familyName;
    givenName = givenName == null ? "" : givenName;
  }

  /** Reads {@code id^family^given} (trailing components may be left out). */
  public static Provider parse(String xcn) {
    String[] c = xcn.split("\\^", -1);
    return new Provider(c[0], c.length > 1 ? c[1] : "", c.length > 2 ? c[2] : "");
  }
}
