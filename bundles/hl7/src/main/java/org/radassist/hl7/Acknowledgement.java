package org.radassist.hl7;

import java.util.Objects;

/**
 * A receiver's answer (MSA segment of an ACK).
 *
 * @param code MSA-1: AA / CA (accepted), AE / CE (error), AR / CR (rejected)
 * @param controlId MSA-2: the control id (MSH-10) of the message answered
 * @param text MSA-3, else ERR-8, ERR-3.9 or ERR-3.2 (the error's text), "" for none
 */
public record Acknowledgement(String code, String controlId, String text) {
  public Acknowledgement {
    Objects.requireNonNull(code, "code");
    controlId = controlId == null ? "" : controlId;
    text = text == null ? "" : text;
  }

  /** True for AA and CA: the receiver took the message. */
  public boolean accepted() {
    return "AA".equals(code) || "CA".equals(code);
  }
}
