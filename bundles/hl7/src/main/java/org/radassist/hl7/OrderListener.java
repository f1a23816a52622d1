package org.radassist.hl7;

import java.net.InetSocketAddress;

/**
 * An MLLP server for RIS orders (ORM^O01, OMI^O23) listening on one local address; every message is
 * answered with an ACK (AE when it cannot be read as an order).
 */
public interface OrderListener extends AutoCloseable {
  /** Where it listens (the port the system chose when 0 was asked for). */
  InetSocketAddress boundAddress();

  /** Stops listening and ends open connections; waits for that (up to seconds). */
  @Override
  void close();
}
