package org.radassist.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.HL7Service;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.protocol.ReceivingApplication;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * MLLP both ways against real peers on loopback: HAPI's own MLLP server as the RIS receiving
 * results, scripted socket peers for answers HAPI would never give, and HAPI-encoded orders sent to
 * the order listener.
 */
class MllpTest {
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
  private final Hl7Messages hl7 = Hl7Messages.create();
  private final HapiContext hapi = Hl7MessagesTest.receiver();
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final CountDownLatch never = new CountDownLatch(1);
  private final List<AutoCloseable> toClose = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() throws Exception {
    never.countDown();
    for (AutoCloseable c : toClose) {
      c.close();
    }
    hapi.close();
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** The RIS: HAPI's MLLP server answering each ORU with what {@code answer} says. */
  private int ris(Function<Message, Message> answer) throws Exception {
    int port = freePort();
    HL7Service server = hapi.newServer(port, false);
    server.registerApplication(
        "ORU",
        "R01",
        new ReceivingApplication<Message>() {
          @Override
          public Message processMessage(Message m, Map<String, Object> meta) throws HL7Exception {
            received.add(m.encode());
            return answer.apply(m);
          }

          @Override
          public boolean canProcess(Message m) {
            return true;
          }
        });
    server.startAndWait();
    toClose.add(server::stopAndWait);
    return port;
  }

  private static Message ack(Message m) {
    try {
      return m.generateACK();
    } catch (HL7Exception | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A socket peer that reads one framed message and answers with the bytes given (or nothing). */
  private int scriptedPeer(byte[] answer) throws IOException {
    ServerSocket server = new ServerSocket(0, 1, LOOPBACK);
    toClose.add(server);
    Thread t =
        new Thread(
            () -> {
              try (Socket s = server.accept()) {
                InputStream in = s.getInputStream();
                int b;
                while ((b = in.read()) >= 0 && b != 0x1c) {
                  // the message, up to its end block
                }
                if (answer != null) {
                  s.getOutputStream().write(answer);
                  s.getOutputStream().flush();
                }
                never.await(5, TimeUnit.SECONDS);
              } catch (IOException | InterruptedException e) {
                // the test ended
              }
            });
    t.setDaemon(true);
    t.start();
    return server.getLocalPort();
  }

  static byte[] framed(String er7) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x0b);
    out.writeBytes(er7.getBytes(StandardCharsets.UTF_8));
    out.write(0x1c);
    out.write(0x0d);
    return out.toByteArray();
  }

  private MllpClient client(int port, long ackMillis) {
    return hl7.client(
        new MllpEndpoint("127.0.0.1", port, Duration.ofSeconds(2), Duration.ofMillis(ackMillis)));
  }

  @Test
  void aResultTheRisTakesIsAcknowledgedAaForItsControlId() throws Exception {
    int port = ris(MllpTest::ack);

    Acknowledgement ack = client(port, 5_000).send(hl7.encode(Hl7MessagesTest.report()));

    assertThat(ack.accepted()).isTrue();
    assertThat(ack.code()).isEqualTo("AA");
    assertThat(ack.controlId()).isEqualTo("C0001");
    assertThat(received).singleElement().satisfies(m -> assertThat(m).contains("|C0001|"));
  }

  @Test
  void anErrorTheRisAnswersComesBackAsANotAcceptedAckWithItsText() throws Exception {
    int port =
        ris(
            m -> {
              try {
                return m.generateACK(AcknowledgmentCode.AE, new HL7Exception("unknown order"));
              } catch (HL7Exception | IOException e) {
                throw new IllegalStateException(e);
              }
            });

    Acknowledgement ack = client(port, 5_000).send(hl7.encode(Hl7MessagesTest.report()));

    assertThat(ack.accepted()).isFalse();
    assertThat(ack.code()).isEqualTo("AE");
    assertThat(ack.text()).contains("unknown order");
  }

  @Test
  void aReceiverThatDoesNotAnswerInTimeIsATimeoutWithinTheAckTimeout() throws Exception {
    int port =
        ris(
            m -> {
              try {
                never.await(5, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return ack(m);
            });
    MllpClient client = client(port, 300);

    long start = System.nanoTime();
    assertThatThrownBy(() -> client.send(hl7.encode(Hl7MessagesTest.report())))
        .isInstanceOf(SocketTimeoutException.class)
        .hasMessageContaining("no ACK within 300 ms");
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    System.out.printf("MLLP ACK timeout 300 ms: gave up after %d ms%n", ms);
    assertThat(ms).isBetween(250L, 3_000L);
  }

  @Test
  void aTricklingReceiverCannotStretchTheAckTimeout() throws Exception {
    ServerSocket server = new ServerSocket(0, 1, LOOPBACK);
    toClose.add(server);
    Thread t =
        new Thread(
            () -> {
              try (Socket s = server.accept()) {
                InputStream in = s.getInputStream();
                while (in.read() != 0x1c) {
                  // the message
                }
                s.getOutputStream().write(0x0b);
                for (int i = 0; i < 100; i++) {
                  s.getOutputStream().write('M');
                  s.getOutputStream().flush();
                  Thread.sleep(50);
                }
              } catch (IOException | InterruptedException e) {
                // the client gave up
              }
            });
    t.setDaemon(true);
    t.start();
    MllpClient client = client(server.getLocalPort(), 400);

    long start = System.nanoTime();
    assertThatThrownBy(() -> client.send(hl7.encode(Hl7MessagesTest.report())))
        .isInstanceOf(SocketTimeoutException.class);
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2_000L);
  }

  @Test
  void anAckForAnotherMessageIsRefused() throws Exception {
    int port =
        scriptedPeer(
            framed("MSH|^~\\&|RIS|H|RADASSIST|R|2026||ACK|A9|P|2.5.1\rMSA|AA|SOMETHING-ELSE\r"));

    assertThatThrownBy(() -> client(port, 2_000).send(hl7.encode(Hl7MessagesTest.report())))
        .isInstanceOf(Hl7FormatException.class)
        .hasMessageContaining("'SOMETHING-ELSE'")
        .hasMessageContaining("'C0001'");
  }

  @Test
  void anAnswerThatIsNoAckIsRefusedNamingIt() throws Exception {
    int port = scriptedPeer(framed("HELLO"));

    assertThatThrownBy(() -> client(port, 2_000).send(hl7.encode(Hl7MessagesTest.report())))
        .isInstanceOf(Hl7FormatException.class)
        .hasMessageContaining("'HELLO'");
  }

  @Test
  void aReceiverThatHangsUpWithoutAnsweringIsAnIoError() throws Exception {
    ServerSocket server = new ServerSocket(0, 1, LOOPBACK);
    toClose.add(server);
    Thread t =
        new Thread(
            () -> {
              try (Socket s = server.accept()) {
                s.getInputStream().read();
              } catch (IOException e) {
                // closed
              }
            });
    t.setDaemon(true);
    t.start();

    assertThatThrownBy(
            () -> client(server.getLocalPort(), 2_000).send(hl7.encode(Hl7MessagesTest.report())))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("closed the connection without an ACK");
  }

  @Test
  void aReceiverThatIsNotThereIsAConnectError() throws Exception {
    int port = freePort();
    assertThatThrownBy(() -> client(port, 2_000).send(hl7.encode(Hl7MessagesTest.report())))
        .isInstanceOf(ConnectException.class);
  }

  static final String ORM =
      "MSH|^~\\&|RIS|HOSP|RADASSIST|RAD|20261120093000||ORM^O01|M1|P|2.3.1\r"
          + "PID|1||MRN4455667^^^HOSP^MR||OAKLEY^ANNIE\r"
          + "ORC|NW|PLC123|ACC20261129||SC\r"
          + "OBR|1|PLC123|ACC20261129|71271^CT CHEST LOW DOSE^CPT||||||||||||||ACC20261129|RP1|SPS1||||CT\r"
          + "ZDS|1.2.826.0.1.3680043.8.498.12345^^Application^DICOM\r";

  @Test
  void theOrderListenerHandsOverEachOrderAndAnswersAaOrTheReceiversRefusalAsAe() throws Exception {
    List<ScheduledOrder> orders = new CopyOnWriteArrayList<>();
    OrderListener listener =
        hl7.listen(
            LOOPBACK,
            0,
            o -> {
              orders.add(o);
              return o.studyInstanceUid().isBlank()
                  ? Optional.of("the order carries no Study Instance UID")
                  : Optional.empty();
            });
    toClose.add(listener);
    int port = listener.boundAddress().getPort();
    String noUid =
        "MSH|^~\\&|RIS|HOSP|RADASSIST|RAD|20261120093000||ORM^O01|M3|P|2.3.1\r"
            + "ORC|NW|PLC125\r"
            + "OBR|1|PLC125||71250^CT CHEST^CPT\r";

    Acknowledgement first = client(port, 5_000).send(ORM);
    Acknowledgement second = client(port, 5_000).send(noUid);

    assertThat(first.code()).isEqualTo("AA");
    assertThat(first.controlId()).isEqualTo("M1");
    assertThat(second.code()).isEqualTo("AE");
    assertThat(second.text()).contains("no Study Instance UID");
    assertThat(orders)
        .extracting(ScheduledOrder::placerOrderNumber, ScheduledOrder::studyInstanceUid)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("PLC123", "1.2.826.0.1.3680043.8.498.12345"),
            org.assertj.core.groups.Tuple.tuple("PLC125", ""));
  }

  @Test
  void anOrderIsReadInTheCharsetItsMsh18Names() throws Exception {
    List<ScheduledOrder> orders = new CopyOnWriteArrayList<>();
    OrderListener listener =
        hl7.listen(
            LOOPBACK,
            0,
            o -> {
              orders.add(o);
              return Optional.empty();
            });
    toClose.add(listener);
    String[] obr = new String[32];
    java.util.Arrays.fill(obr, "");
    obr[0] = "OBR";
    obr[1] = "1";
    obr[2] = "PLC126";
    obr[4] = "71250^CT CHEST^CPT";
    obr[31] = "^Hämoptyse, Gewichtsverlust";
    String latin1 =
        "MSH|^~\\&|RIS|HOSP|RADASSIST|RAD|20261120093000||ORM^O01|M6|P|2.3.1|||||DE|8859/1\r"
            + "ORC|NW|PLC126\r"
            + String.join("|", obr)
            + "\r"
            + "ZDS|1.2.826.0.1.3680043.8.498.5^^Application^DICOM\r";

    // a RIS that writes ISO 8859-1 bytes ('ä' is 0xE4, no UTF-8)
    try (Socket s = new Socket(LOOPBACK, listener.boundAddress().getPort())) {
      s.setSoTimeout(10_000);
      s.getOutputStream().write(0x0b);
      s.getOutputStream().write(latin1.getBytes(StandardCharsets.ISO_8859_1));
      s.getOutputStream().write(new byte[] {0x1c, 0x0d});
      s.getOutputStream().flush();
      InputStream in = s.getInputStream();
      ByteArrayOutputStream ack = new ByteArrayOutputStream();
      for (int b = in.read(); b >= 0 && b != 0x1c; b = in.read()) {
        ack.write(b);
      }
      assertThat(ack.toString(StandardCharsets.ISO_8859_1)).contains("MSA|AA|M6");
    }

    assertThat(orders)
        .singleElement()
        .extracting(ScheduledOrder::reason)
        .isEqualTo("Hämoptyse, Gewichtsverlust");
  }

  @Test
  void theOrderListenerListensOnTheAddressGivenOnly() throws Exception {
    OrderListener listener = hl7.listen(LOOPBACK, 0, o -> Optional.empty());
    toClose.add(listener);
    InetSocketAddress bound = listener.boundAddress();

    assertThat(bound.getAddress().getHostAddress()).isEqualTo("127.0.0.1");
    List<InetAddress> others =
        Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
            .flatMap(n -> Collections.list(n.getInetAddresses()).stream())
            .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
            .toList();
    System.out.printf("order listener on %s; refused on %s%n", bound, others);
    for (InetAddress other : others) {
      assertThatThrownBy(
              () -> {
                try (Socket s = new Socket()) {
                  s.connect(new InetSocketAddress(other, bound.getPort()), 2_000);
                }
              })
          .isInstanceOf(ConnectException.class);
    }
  }

  @Test
  void aPortAlreadyTakenIsRefusedNamingTheAddress() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, LOOPBACK)) {
      assertThatThrownBy(() -> hl7.listen(LOOPBACK, taken.getLocalPort(), o -> Optional.empty()))
          .isInstanceOf(IOException.class)
          .hasMessageContaining(
              "cannot listen for HL7 orders on 127.0.0.1:" + taken.getLocalPort());
    }
  }
}
