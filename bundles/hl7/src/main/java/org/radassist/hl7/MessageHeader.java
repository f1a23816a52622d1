package org.radassist.hl7;

import java.time.Instant;
import java.util.Objects;

/**
 * What the MSH segment of an outgoing message says besides its type and version.
 *
 * @param sendingApplication MSH-3, e.g. RADASSIST
 * @param sendingFacility MSH-4, "" for none
 * @param receivingApplication MSH-5, e.g. RIS
 * @param controlId MSH-10: the receiver's ACK must name it (MSA-2); 1..199 characters (v2.5.1 says
 *     20, v2.7 199: a trace id longer than 20 is sent whole, as before this module)
 * @param time MSH-7, written in UTC to the second
 */
public record MessageHeader(
    String sendingApplication,
    String sendingFacility,
    String receivingApplication,
    String controlId,
    Instant time) {
  public MessageHeader {
    Objects.requireNonNull(sendingApplication, "sendingApplication");
    sendingFacility = sendingFacility == null ? "" : sendingFacility;
    Objects.requireNonNull(receivingApplication, "receivingApplication");
    Objects.requireNonNull(controlId, "controlId");
    Objects.requireNonNull(time, "time");
    if (controlId.isBlank() || controlId.length() > 199) {
      throw new IllegalArgumentException(
          "MSH-10 control id must be 1..199 characters, was '" + controlId + "'");
    }
  }
}
