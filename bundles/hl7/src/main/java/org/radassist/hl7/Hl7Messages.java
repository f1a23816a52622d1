package org.radassist.hl7;

import java.io.IOException;
import java.net.InetAddress;
import org.radassist.hl7.internal.HapiHl7Messages;

/**
 * HL7 v2 messages for RadAssist: ORU^R01 out, ACKs and orders in, MLLP both ways. Instances hold no
 * threads or sockets themselves (listeners do, until closed) and are thread-safe.
 *
 * <pre>{@code
 * Hl7Messages hl7 = Hl7Messages.create();
 * String er7 = hl7.encode(new OruMessage(header, "", order, observations));
 * Acknowledgement ack = hl7.client(new MllpEndpoint("ris.example", 2575)).send(er7);
 * if (!ack.accepted()) { ... keep it for another try ... }
 * }</pre>
 */
public interface Hl7Messages {

  /** A new instance (plain hosts; in OSGi too: the implementation is this bundle's). */
  static Hl7Messages create() {
    return new HapiHl7Messages();
  }

  /**
   * The ORU^R01 v2.5.1 as ER7 (segments ended by carriage returns), encoded UTF-8 by the MLLP
   * client (MSH-18 says so).
   *
   * @throws IllegalArgumentException when a field cannot be encoded (the message names it)
   */
  String encode(OruMessage message);

  /** The control id (MSH-10) of an ER7 message. */
  String controlId(String er7) throws Hl7FormatException;

  /** Reads an ACK (v2.3.1 .. 2.5.1). */
  Acknowledgement parseAcknowledgement(String er7) throws Hl7FormatException;

  /** Reads an ORM^O01 or OMI^O23 (v2.3.1 .. 2.5.1, not validated: RIS messages vary). */
  ScheduledOrder parseOrder(String er7) throws Hl7FormatException;

  /** A client for one receiver. */
  MllpClient client(MllpEndpoint endpoint);

  /**
   * Starts an MLLP listener for orders on one local address ({@code 0.0.0.0}: every interface) and
   * returns once it listens.
   *
   * @param port 1..65535, or 0 for any free port
   * @throws IOException when it cannot listen there (port taken, address not of this machine)
   */
  OrderListener listen(InetAddress bindAddress, int port, OrderReceiver receiver)
      throws IOException;
}
