package org.radassist.hl7;

import java.io.IOException;

/** A message (or an answer) that is not the HL7 v2 it should be; the message says which and why. */
public class Hl7FormatException extends IOException {
  private static final long serialVersionUID = 1L;

  public Hl7FormatException(String message) {
    super(message);
  }

  public Hl7FormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
