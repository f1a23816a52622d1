package org.radassist.speech.internal.hl7;

import java.util.Map;
import org.radassist.hl7.Hl7Messages;

/** What the HL7 components share: the HL7 bundle's messages, settings as strings. */
final class Hl7Components {
  private Hl7Components() {}

  /** HL7 v2 from the HL7 bundle (HAPI is embedded there), its loggers quiet under logback. */
  static Hl7Messages hl7() {
    org.radassist.speech.internal.QuietLibraries.quiet(); // HAPI's server logs each connection
    return Hl7Messages.create();
  }

  static String text(Map<String, Object> properties, String key) {
    Object v = properties.get(key);
    return v == null ? "" : String.valueOf(v).trim();
  }

  /** A TCP port 1..65535, or -1 (logged by the caller) when missing or invalid. */
  static int port(Map<String, Object> properties, String key) {
    try {
      int p = Integer.parseInt(text(properties, key));
      return p >= 1 && p <= 65535 ? p : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
