package org.radassist.hl7.internal;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.HL7Service;
import ca.uhn.hl7v2.llp.MinLowerLayerProtocol;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.protocol.ReceivingApplication;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.radassist.hl7.OrderListener;
import org.radassist.hl7.OrderReceiver;
import org.radassist.hl7.ScheduledOrder;

/**
 * HAPI's MLLP server for ORM^O01 and OMI^O23, on one address (a {@link BindingSocketFactory}: HAPI
 * itself binds every interface). Each listener has its own HAPI context, so its threads and socket
 * factory are its own.
 */
final class HapiOrderListener implements OrderListener {
  private final HapiContext hapi;
  private final HL7Service server;
  private final InetSocketAddress bound;

  private HapiOrderListener(HapiContext hapi, HL7Service server, InetSocketAddress bound) {
    this.hapi = hapi;
    this.server = server;
    this.bound = bound;
  }

  static OrderListener start(InetAddress bindAddress, int port, OrderReceiver receiver)
      throws IOException {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("MLLP port must be 0..65535, was " + port);
    }
    HapiContext hapi = Hapi.context();
    ClassLoader bundle = Hapi.bundleClassLoader();
    AtomicInteger n = new AtomicInteger();
    ExecutorService threads =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "radassist-hl7-orders-" + n.incrementAndGet());
              t.setDaemon(true);
              t.setContextClassLoader(bundle);
              return t;
            });
    hapi.setExecutorService(threads);
    BindingSocketFactory sockets = new BindingSocketFactory(bindAddress);
    hapi.setSocketFactory(sockets);
    // decode each order in the charset its MSH-18 names (a RIS sending ISO 8859-1 to a viewer whose
    // platform charset is UTF-8 or windows-1252), else the platform's
    hapi.setLowerLayerProtocol(new MinLowerLayerProtocol(true));
    HL7Service server = Hapi.call(() -> hapi.newServer(port, false));
    ReceivingApplication<Message> app = new OrderApplication(receiver);
    server.registerApplication("ORM", "O01", app);
    server.registerApplication("OMI", "O23", app);
    try {
      Hapi.call(
          () -> {
            server.startAndWait();
            return null;
          });
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop(hapi, server);
      throw new IOException("interrupted while starting the MLLP listener", e);
    }
    InetSocketAddress bound = sockets.boundAddress();
    if (!server.isRunning() || bound == null) {
      Throwable cause = server.getServiceExitedWithException();
      stop(hapi, server);
      throw new IOException(
          "cannot listen for HL7 orders on "
              + bindAddress.getHostAddress()
              + ":"
              + port
              + (cause == null ? "" : ": " + cause.getMessage()),
          cause);
    }
    return new HapiOrderListener(hapi, server, bound);
  }

  @Override
  public InetSocketAddress boundAddress() {
    return bound;
  }

  @Override
  public void close() {
    stop(hapi, server);
  }

  private static void stop(HapiContext hapi, HL7Service server) {
    server.stopAndWait();
    hapi.getExecutorService().shutdownNow();
    try {
      hapi.close();
    } catch (IOException e) {
      // nothing left to release
    }
  }

  /** Reads each order, hands it over and answers AA, or AE with the receiver's reason. */
  private static final class OrderApplication implements ReceivingApplication<Message> {
    private final OrderReceiver receiver;

    OrderApplication(OrderReceiver receiver) {
      this.receiver = receiver;
    }

    @Override
    public Message processMessage(Message message, Map<String, Object> metadata)
        throws HL7Exception {
      ScheduledOrder order = Orders.read(message);
      Optional<String> refusal;
      try {
        refusal = receiver.receive(order);
      } catch (RuntimeException e) {
        refusal = Optional.of("the order could not be taken: " + e.getMessage());
      }
      try {
        return refusal.isPresent()
            ? message.generateACK(AcknowledgmentCode.AE, new HL7Exception(refusal.get()))
            : message.generateACK();
      } catch (IOException e) {
        throw new HL7Exception(e);
      }
    }

    @Override
    public boolean canProcess(Message message) {
      return true;
    }
  }
}
