package org.radassist.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.radassist.hl7.Acknowledgement;
import org.radassist.hl7.CodedValue;
import org.radassist.hl7.Hl7Messages;
import org.radassist.hl7.MessageHeader;
import org.radassist.hl7.MllpEndpoint;
import org.radassist.hl7.ObservationResult;
import org.radassist.hl7.OrderListener;
import org.radassist.hl7.OruMessage;
import org.radassist.hl7.ResultOrder;
import org.radassist.hl7.ScheduledOrder;
import org.radassist.model.SectionKind;
import org.radassist.model.StudyContext;
import org.radassist.speech.AcceptedReport;
import org.radassist.speech.ResultSender;

/**
 * The HL7 bundle inside Felix (HAPI embedded there only): its API encodes an ORU^R01, sends it over
 * MLLP and reads the ACK, and listens for orders; the speech hook's HL7 results reach a RIS through
 * it. The RIS is a raw MLLP socket peer in this test (no HAPI on this side).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class Hl7IT {

  @Inject BundleContext context;
  @Inject ConfigurationAdmin configAdmin;

  @Configuration
  public Option[] config() {
    return options(RadAssistRuntime.framework(RadAssistRuntime.WEASIS_ONLY.negate()));
  }

  /** A RIS on 127.0.0.1 that stores each message and acknowledges it AA for its MSH-10. */
  static final class RawRis implements AutoCloseable {
    final ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    final List<String> received = new CopyOnWriteArrayList<>();

    RawRis() throws IOException {
      Thread t =
          new Thread(
              () -> {
                while (!server.isClosed()) {
                  try (Socket s = server.accept()) {
                    String er7 = readFrame(s.getInputStream());
                    received.add(er7);
                    String controlId = er7.split("\r")[0].split("\\|", -1)[9];
                    writeFrame(
                        s.getOutputStream(),
                        "MSH|^~\\&|RIS|H|RADASSIST|R|20261207||ACK^R01|A"
                            + received.size()
                            + "|P|2.5.1\rMSA|AA|"
                            + controlId
                            + "\r");
                  } catch (IOException | RuntimeException e) {
                    // closed, or a probe that sent nothing
                  }
                }
              },
              "raw-ris");
      t.setDaemon(true);
      t.start();
    }

    int port() {
      return server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }

  static String readFrame(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int b = in.read(); b != -1 && b != 0x1c; b = in.read()) {
      if (b != 0x0b) {
        out.write(b);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  static void writeFrame(OutputStream out, String er7) throws IOException {
    out.write(0x0b);
    out.write(er7.getBytes(StandardCharsets.UTF_8));
    out.write(new byte[] {0x1c, 0x0d});
    out.flush();
  }

  @Test
  public void theHl7ApiComesFromTheHl7BundleWhichAloneEmbedsHapi() {
    Bundle hl7 = FrameworkUtil.getBundle(Hl7Messages.class);
    assertEquals("org.radassist.hl7", hl7.getSymbolicName());
    assertEquals(Bundle.ACTIVE, hl7.getState());
    for (Bundle b : context.getBundles()) {
      String name = b.getSymbolicName();
      boolean hasHapi = b.getEntry("ca/uhn/hl7v2/parser/PipeParser.class") != null;
      assertEquals(name + " embeds HAPI", "org.radassist.hl7".equals(name), hasHapi);
    }
  }

  @Test
  public void anOruEncodedInTheFrameworkIsAcknowledgedByTheRis() throws Exception {
    Hl7Messages hl7 = Hl7Messages.create();
    try (RawRis ris = new RawRis()) {
      String er7 =
          hl7.encode(
              new OruMessage(
                  new MessageHeader("RADASSIST", "RADIOLOGY", "RIS", "IT0001", Instant.now()),
                  "",
                  new ResultOrder(
                      "RE", "PLC1", "", ResultOrder.IMAGING_STUDY, Optional.empty(), "P"),
                  List.of(
                      new ObservationResult(
                          CodedValue.loinc("59776-5", "Procedure Findings"),
                          "No acute findings.",
                          "",
                          "P"))));

      Acknowledgement ack =
          hl7.client(
                  new MllpEndpoint(
                      "127.0.0.1", ris.port(), Duration.ofSeconds(5), Duration.ofSeconds(20)))
              .send(er7);

      assertTrue(ack.toString(), ack.accepted());
      assertEquals("IT0001", ack.controlId());
      assertEquals(1, ris.received.size());
      assertTrue(ris.received.get(0), ris.received.get(0).contains("\rOBX|1|TX|59776-5^"));
    }
  }

  @Test
  public void theOrderListenerReadsAnOrderInTheFramework() throws Exception {
    Hl7Messages hl7 = Hl7Messages.create();
    List<ScheduledOrder> orders = new CopyOnWriteArrayList<>();
    try (OrderListener listener =
        hl7.listen(
            InetAddress.getLoopbackAddress(),
            0,
            o -> {
              orders.add(o);
              return Optional.empty();
            })) {
      Acknowledgement ack =
          hl7.client(new MllpEndpoint("127.0.0.1", listener.boundAddress().getPort()))
              .send(
                  "MSH|^~\\&|RIS|HOSP|RADASSIST|RAD|20261120093000||OMI^O23^OMI_O23|M2|P|2.5.1\r"
                      + "ORC|NW|PLC124|ACC20261130||SC\r"
                      + "TQ1|1\r"
                      + "OBR|1|PLC124|ACC20261130|71250^CT CHEST^CPT\r"
                      + "IPC|ACC20261130|RP2|1.2.826.0.1.3680043.8.498.67890|SPS2|CT\r");
      assertEquals("AA", ack.code());
    }
    assertEquals(1, orders.size());
    assertEquals("1.2.826.0.1.3680043.8.498.67890", orders.get(0).studyInstanceUid());
  }

  @Test
  public void theSpeechHooksHl7ResultsReachTheRisThroughTheHl7Bundle() throws Exception {
    try (RawRis ris = new RawRis()) {
      org.osgi.service.cm.Configuration c =
          configAdmin.getConfiguration("org.radassist.speech.hl7.results", "?");
      Hashtable<String, Object> props = new Hashtable<>();
      props.put("host", "127.0.0.1");
      props.put("port", ris.port());
      props.put("outbox.dir", Files.createTempDirectory("hl7-it-outbox").toString());
      c.update(props);
      try {
        ResultSender sender = awaitHl7Sender();
        boolean acknowledged =
            sender.send(
                new AcceptedReport(
                    "PLC777", Map.of(SectionKind.FINDINGS, "New 8 mm nodule right upper lobe.")),
                StudyContext.ofStudy("1.2.826.0.1.3680043.8.498.99"));

        assertTrue("the RIS acknowledged the result", acknowledged);
        assertEquals(1, ris.received.size());
        String oru = ris.received.get(0);
        assertTrue(oru, oru.contains("|ORU^R01^ORU_R01|"));
        assertTrue(oru, oru.contains("\rOBR|1|PLC777|"));
        assertTrue(oru, oru.contains("New 8 mm nodule right upper lobe."));
      } finally {
        c.delete();
      }
    }
  }

  private ResultSender awaitHl7Sender() throws InterruptedException {
    long deadline = System.currentTimeMillis() + 20_000;
    while (System.currentTimeMillis() < deadline) {
      try {
        Collection<ServiceReference<ResultSender>> refs =
            context.getServiceReferences(ResultSender.class, "(result.channel=hl7)");
        if (!refs.isEmpty()) {
          ResultSender s = context.getService(refs.iterator().next());
          if (s != null && !s.name().contains("not configured")) {
            return s;
          }
        }
      } catch (org.osgi.framework.InvalidSyntaxException e) {
        throw new IllegalStateException(e);
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no configured HL7 ResultSender service within 20 s");
  }
}
