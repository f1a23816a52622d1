package org.radassist.speech.internal.hl7;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.function.Consumer;
import org.radassist.hl7.Hl7Messages;
import org.radassist.hl7.OrderListener;
import org.radassist.hl7.ScheduledOrder;

/**
 * Receives order messages from the RIS over MLLP (IHE SWF "Procedure Scheduled": ORM^O01 with the
 * Study Instance UID in ZDS-1, or OMI^O23 with IPC; the HL7 bundle's order listener) and reports
 * each new or changed order as a {@link ScheduledOrder}, so that a draft can be prepared before the
 * radiologist opens the study. Every message is acknowledged (AA, or AE when it lacks a Study
 * Instance UID); cancelled orders (CA / DC) are acknowledged and not reported.
 *
 * <p>The MLLP server listens on one local address only (127.0.0.1 unless given another; {@code
 * 0.0.0.0} = every interface).
 */
public final class OrderIntake implements AutoCloseable {
  private final Hl7Messages hl7;
  private final InetAddress bindAddress;
  private final int port;
  private final Consumer<ScheduledOrder> onScheduled;
  private volatile OrderListener listener;

  /** An intake on 127.0.0.1 only. */
  public OrderIntake(Hl7Messages hl7, int port, Consumer<ScheduledOrder> onScheduled) {
    this(hl7, InetAddress.getLoopbackAddress(), port, onScheduled);
  }

  /**
   * An intake listening on {@code bindAddress} (e.g. the RIS-facing interface; the wildcard address
   * for every interface) once {@link #start started}.
   */
  public OrderIntake(
      Hl7Messages hl7, InetAddress bindAddress, int port, Consumer<ScheduledOrder> onScheduled) {
    this.hl7 = hl7;
    this.bindAddress = bindAddress;
    this.port = port;
    this.onScheduled = onScheduled;
  }

  private Optional<String> receive(ScheduledOrder order) {
    if (order.studyInstanceUid().isBlank()) {
      return Optional.of("the order carries no Study Instance UID (ZDS-1 or IPC-3)");
    }
    if (!order.cancelled()) {
      onScheduled.accept(order);
    }
    return Optional.empty();
  }

  /** Where the server listens once started, or null before. */
  public InetSocketAddress boundAddress() {
    OrderListener l = listener;
    return l == null ? null : l.boundAddress();
  }

  /**
   * Starts listening; returns once it listens.
   *
   * @throws IOException when it cannot listen on the address and port
   */
  public void start() throws IOException {
    listener = hl7.listen(bindAddress, port, this::receive);
  }

  @Override
  public void close() {
    OrderListener l = listener;
    if (l != null) {
      l.close();
    }
  }
}
