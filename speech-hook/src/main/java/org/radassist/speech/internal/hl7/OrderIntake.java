package org.radassist.speech.internal.hl7;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.HL7Service;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.protocol.ReceivingApplication;
import ca.uhn.hl7v2.util.Terser;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Receives order messages from the RIS over MLLP (IHE SWF "Procedure Scheduled": ORM^O01 with the
 * Study Instance UID in ZDS-1, or OMI^O23 with IPC) and reports each new or changed order as a
 * {@link ScheduledStudy}, so that a draft can be prepared before the radiologist opens the study.
 * Every message is acknowledged (AA, or AE when it lacks a Study Instance UID).
 *
 * <p>The MLLP server listens on one local address only (127.0.0.1 unless given another; {@code
 * 0.0.0.0} = every interface): HAPI binds every interface by itself, so the server socket comes
 * from a {@link BindingSocketFactory} set on the HAPI context given.
 */
public final class OrderIntake implements AutoCloseable {

  /**
   * A scheduled study as the order announces it (stays on the workstation).
   *
   * @param reason the reason for the study / relevant clinical information (OBR-31 text, else
   *     OBR-13), "" when the order has none: the indication a draft is made with
   */
  public record ScheduledStudy(
      String orderControl,
      String placerOrderNumber,
      String accessionNumber,
      String studyInstanceUid,
      String modality,
      String procedureCode,
      String procedureText,
      String reason) {
    /** Without a reason (as before the reason was read). */
    public ScheduledStudy(
        String orderControl,
        String placerOrderNumber,
        String accessionNumber,
        String studyInstanceUid,
        String modality,
        String procedureCode,
        String procedureText) {
      this(
          orderControl,
          placerOrderNumber,
          accessionNumber,
          studyInstanceUid,
          modality,
          procedureCode,
          procedureText,
          "");
    }
  }

  private final HL7Service server;
  private final BindingSocketFactory sockets;

  /** An intake on 127.0.0.1 only. */
  public OrderIntake(HapiContext hapi, int port, Consumer<ScheduledStudy> onScheduled) {
    this(hapi, InetAddress.getLoopbackAddress(), port, onScheduled);
  }

  /**
   * An intake listening on {@code bindAddress} (e.g. the RIS-facing interface; the wildcard address
   * for every interface). Sets the HAPI context's socket factory.
   */
  public OrderIntake(
      HapiContext hapi, InetAddress bindAddress, int port, Consumer<ScheduledStudy> onScheduled) {
    this.sockets = new BindingSocketFactory(bindAddress);
    hapi.setSocketFactory(sockets);
    this.server = hapi.newServer(port, false);
    ReceivingApplication<Message> app =
        new ReceivingApplication<>() {
          @Override
          public Message processMessage(Message message, Map<String, Object> metadata)
              throws HL7Exception {
            ScheduledStudy s = read(message);
            try {
              if (s.studyInstanceUid().isBlank()) {
                return message.generateACK(
                    ca.uhn.hl7v2.AcknowledgmentCode.AE,
                    new HL7Exception("the order carries no Study Instance UID (ZDS-1 or IPC-3)"));
              }
              if (!"CA".equals(s.orderControl()) && !"DC".equals(s.orderControl())) {
                onScheduled.accept(s);
              }
              return message.generateACK();
            } catch (IOException e) {
              throw new HL7Exception(e);
            }
          }

          @Override
          public boolean canProcess(Message message) {
            return true;
          }
        };
    server.registerApplication("ORM", "O01", app);
    server.registerApplication("OMI", "O23", app);
  }

  static ScheduledStudy read(Message message) throws HL7Exception {
    Terser t = new Terser(message);
    String type = t.get("/MSH-9-1");
    if ("OMI".equals(type)) {
      return new ScheduledStudy(
          value(t, "/.ORC-1"),
          value(t, "/.ORC-2-1"),
          value(t, "/.IPC-1-1"),
          value(t, "/.IPC-3-1"),
          value(t, "/.IPC-5-1"),
          value(t, "/.OBR-4-1"),
          value(t, "/.OBR-4-2"),
          reason(t));
    }
    return new ScheduledStudy(
        value(t, "/.ORC-1"),
        value(t, "/.ORC-2-1"),
        value(t, "/.OBR-18"),
        zds1(message),
        value(t, "/.OBR-24"),
        value(t, "/.OBR-4-1"),
        value(t, "/.OBR-4-2"),
        reason(t));
  }

  /** OBR-31 (reason for study: its text, else its code), else OBR-13 (clinical information). */
  private static String reason(Terser t) {
    String text = value(t, "/.OBR-31-2");
    if (text.isBlank()) {
      text = value(t, "/.OBR-31-1");
    }
    if (text.isBlank()) {
      text = value(t, "/.OBR-13");
    }
    return text.strip();
  }

  /** ZDS-1.1 (Study Instance UID), read from the encoded message: Z-segments have no model. */
  private static String zds1(Message message) {
    try {
      for (String segment : message.encode().split("[\r\n]+")) {
        if (segment.startsWith("ZDS|")) {
          String[] fields = segment.split("\\|", -1);
          return fields.length > 1 ? fields[1].split("\\^", -1)[0] : "";
        }
      }
    } catch (HL7Exception e) {
      return "";
    }
    return "";
  }

  private static String value(Terser t, String path) {
    try {
      String v = t.get(path);
      return v == null ? "" : v;
    } catch (HL7Exception | RuntimeException e) {
      return "";
    }
  }

  /** Where the server listens once started, or null before. */
  public InetSocketAddress boundAddress() {
    return sockets.boundAddress();
  }

  public void start() throws InterruptedException {
    server.startAndWait();
  }

  @Override
  public void close() {
    server.stopAndWait();
  }
}
