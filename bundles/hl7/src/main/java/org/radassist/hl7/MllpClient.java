package org.radassist.hl7;

import java.io.IOException;

/**
 * Sends HL7 v2 messages to one MLLP receiver, one connection per message (a connection whose ACK
 * came too late may still deliver it: it is never reused). Thread-safe.
 */
public interface MllpClient {
  /** Where it sends. */
  MllpEndpoint endpoint();

  /**
   * Sends one ER7 message and returns the receiver's ACK (which may be an AE / AR: see {@link
   * Acknowledgement#accepted()}).
   *
   * @throws Hl7FormatException when the message has no MSH-10, or the answer is no ACK or
   *     acknowledges another message (MSA-2 is not the MSH-10 sent)
   * @throws java.net.SocketTimeoutException when no ACK came within the endpoint's ACK timeout
   * @throws IOException when the receiver could not be reached or closed the connection
   */
  Acknowledgement send(String er7) throws IOException;
}
