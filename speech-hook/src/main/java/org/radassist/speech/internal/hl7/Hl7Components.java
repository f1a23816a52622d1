package org.radassist.speech.internal.hl7;

import org.radassist.hl7.Hl7Messages;

/** What the HL7 components share: the HL7 bundle's messages. */
final class Hl7Components {
  private Hl7Components() {}

  /** HL7 v2 from the HL7 bundle (HAPI is embedded there), its loggers quiet under logback. */
  static Hl7Messages hl7() {
    org.radassist.speech.internal.QuietLibraries.quiet(); // HAPI's server logs each connection
    return Hl7Messages.create();
  }
}
