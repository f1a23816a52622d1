package org.radassist.audit.internal.syslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.audit.AuditRecord;
import org.radassist.audit.internal.FileAuditTrail;
import org.radassist.audit.internal.WorkstationSession;
import org.radassist.audit.internal.checkpoint.Checkpoint;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * ATNA export against a real TLS syslog receiver on 127.0.0.1 that demands a client certificate;
 * key and trust stores are made with the JDK's keytool when the test starts.
 */
public class AtnaSyslogTlsTest {
  static final char[] PASSWORD = "changeit".toCharArray();
  @TempDir static Path keys;
  @TempDir Path dir;

  private SSLServerSocket server;
  private CompletableFuture<List<byte[]>> received;

  @BeforeAll
  static void makeKeys() throws Exception {
    Stores.make(keys);
  }

  @BeforeEach
  void startReceiver() throws Exception {
    SSLContext context = SSLContext.getInstance("TLS");
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(load(keys.resolve("server.p12")), PASSWORD);
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(load(keys.resolve("server-trust.p12")));
    context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    server =
        (SSLServerSocket)
            context
                .getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
    server.setNeedClientAuth(true);
    received = acceptOne();
  }

  private CompletableFuture<List<byte[]>> acceptOne() {
    return CompletableFuture.supplyAsync(
        () -> {
          try (SSLSocket socket = (SSLSocket) server.accept()) {
            return readFrames(socket.getInputStream());
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  @AfterEach
  void stopReceiver() throws IOException {
    server.close();
  }

  @Test
  void records_arrive_as_rfc5424_framed_dicom_audit_messages_over_mutual_tls() throws Exception {
    List<AuditRecord> records = session();
    AtnaExporter exporter = new AtnaExporter("ws-12", "ws-12.radiology.example");

    try (SyslogTlsSender sender = new SyslogTlsSender(target(true), 5000)) {
      assertThat(exporter.send(records, sender)).isEqualTo(records.size());
    }

    List<byte[]> messages = received.get(30, TimeUnit.SECONDS);
    assertThat(messages).hasSize(records.size());
    String first = new String(messages.get(0), StandardCharsets.UTF_8);
    Matcher header =
        Pattern.compile(
                "^<85>1 (\\S+) ws-12\\.radiology\\.example radassist \\d+ IHE\\+RFC-3881 - \uFEFF(.*)$",
                Pattern.DOTALL)
            .matcher(first);
    assertThat(header.matches()).as(first).isTrue();
    assertThat(header.group(1)).isEqualTo("2026-11-29T08:00:00Z");

    Document xml = parse(header.group(2));
    Element root = xml.getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("AuditMessage");
    Element identification = (Element) root.getElementsByTagName("EventIdentification").item(0);
    assertThat(identification.getAttribute("EventActionCode")).isEqualTo("E");
    assertThat(identification.getAttribute("EventOutcomeIndicator")).isEqualTo("0");
    Element eventId = (Element) identification.getElementsByTagName("EventID").item(0);
    assertThat(eventId.getAttribute("csd-code")).isEqualTo("110100");
    assertThat(eventId.getAttribute("codeSystemName")).isEqualTo("DCM");
    Element type = (Element) identification.getElementsByTagName("EventTypeCode").item(0);
    assertThat(type.getAttribute("csd-code")).isEqualTo("draft_requested");
    Element user = (Element) root.getElementsByTagName("ActiveParticipant").item(0);
    assertThat(user.getAttribute("UserID")).isEqualTo("dr-jane-doe");
    Element object = (Element) root.getElementsByTagName("ParticipantObjectIdentification").item(0);
    assertThat(object.getAttribute("ParticipantObjectID")).isEqualTo("st-a");
    NodeList details = object.getElementsByTagName("ParticipantObjectDetail");
    String hash = null;
    for (int i = 0; i < details.getLength(); i++) {
      Element detail = (Element) details.item(i);
      if (detail.getAttribute("type").equals("hash")) {
        hash =
            new String(
                Base64.getDecoder().decode(detail.getAttribute("value")), StandardCharsets.UTF_8);
      }
    }
    assertThat(hash).isEqualTo(records.get(0).hash());
  }

  @Test
  void a_collector_the_trust_store_does_not_vouch_for_is_refused() throws Exception {
    SyslogTlsSender.Target untrusted =
        new SyslogTlsSender.Target(
            "127.0.0.1",
            server.getLocalPort(),
            keys.resolve("server-trust.p12"), // trusts the client cert only, not the server
            PASSWORD,
            keys.resolve("client.p12"),
            PASSWORD);

    assertThatThrownBy(() -> new SyslogTlsSender(untrusted, 5000)).isInstanceOf(SSLException.class);
  }

  @Test
  void the_forwarder_sends_only_what_the_repository_has_not_had() throws Exception {
    Path cursor = dir.resolve("cursor");
    try (FileAuditTrail trail = new FileAuditTrail(dir.resolve("trail"), 4096)) {
      WorkstationSession.write(trail);
      AtnaForwarder forwarder =
          new AtnaForwarder(trail, target(true), new AtnaExporter("ws-12", "ws-12"), cursor);

      assertThat(forwarder.forwardPending()).isEqualTo(15);
      // 15 records, then the checkpoint the trail signed when it opened
      List<byte[]> first = received.get(30, TimeUnit.SECONDS);
      assertThat(first).hasSize(16);
      assertThat(new String(first.get(15), StandardCharsets.UTF_8))
          .contains(" radassist-checkpoint - ")
          .contains("\"kind\":\"open\"")
          .contains("\"seq\":0");
      assertThat(forwarder.cursor()).isEqualTo(15);

      // Nothing new: no connection is made.
      assertThat(forwarder.forwardPending()).isZero();

      trail.append(org.radassist.audit.internal.TestEvents.numbered(1));
      Checkpoint signed = trail.checkpoint(Checkpoint.INTERVAL).orElseThrow();
      received = acceptOne();
      assertThat(forwarder.forwardPending()).isEqualTo(1);
      List<byte[]> second = received.get(30, TimeUnit.SECONDS);
      assertThat(second).hasSize(2);
      assertThat(new String(second.get(0), StandardCharsets.UTF_8)).contains("ws-12");
      // the repository now holds the signed head: an external witness for --expect-head
      assertThat(new String(second.get(1), StandardCharsets.UTF_8))
          .contains("\"head\":\"" + trail.head().orElseThrow().hash() + "\"")
          .contains("\"seq\":16")
          .endsWith(signed.toJson());
      assertThat(forwarder.cursor()).isEqualTo(16);
    }
  }

  SyslogTlsSender.Target target(boolean clientCertificate) {
    return new SyslogTlsSender.Target(
        "127.0.0.1",
        server.getLocalPort(),
        keys.resolve("client-trust.p12"),
        PASSWORD,
        clientCertificate ? keys.resolve("client.p12") : null,
        clientCertificate ? PASSWORD : null);
  }

  private List<AuditRecord> session() throws Exception {
    try (FileAuditTrail trail = new FileAuditTrail(dir, 1 << 20)) {
      WorkstationSession.write(trail);
      return trail.readAll();
    }
  }

  /** RFC 5425: MSG-LEN SP SYSLOG-MSG, repeated until the peer closes. */
  public static List<byte[]> readFrames(InputStream in) throws IOException {
    List<byte[]> frames = new ArrayList<>();
    while (true) {
      int length = 0;
      int b = in.read();
      if (b < 0) {
        return frames;
      }
      while (b != ' ') {
        if (b < '0' || b > '9') {
          throw new IOException("bad frame length byte " + b);
        }
        length = length * 10 + (b - '0');
        b = in.read();
      }
      byte[] frame = in.readNBytes(length);
      if (frame.length != length) {
        throw new IOException("frame cut short");
      }
      frames.add(frame);
    }
  }

  private static Document parse(String xml) throws Exception {
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  /** Reads one of the PKCS12 stores {@link Stores} made. */
  public static KeyStore load(Path path) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = java.nio.file.Files.newInputStream(path)) {
      store.load(in, PASSWORD);
    }
    return store;
  }

  /** Generates server and client key pairs and trust stores with keytool. */
  public static final class Stores {
    public static void make(Path dir) throws Exception {
      keytool(
          dir,
          "-genkeypair",
          "-alias",
          "server",
          "-keyalg",
          "EC",
          "-groupname",
          "secp256r1",
          "-dname",
          "CN=localhost",
          "-ext",
          "SAN=ip:127.0.0.1,dns:localhost",
          "-validity",
          "2",
          "-keystore",
          "server.p12",
          "-storetype",
          "PKCS12",
          "-storepass",
          "changeit");
      keytool(
          dir,
          "-genkeypair",
          "-alias",
          "client",
          "-keyalg",
          "EC",
          "-groupname",
          "secp256r1",
          "-dname",
          "CN=ws-12",
          "-validity",
          "2",
          "-keystore",
          "client.p12",
          "-storetype",
          "PKCS12",
          "-storepass",
          "changeit");
      keytool(
          dir,
          "-exportcert",
          "-alias",
          "server",
          "-keystore",
          "server.p12",
          "-storepass",
          "changeit",
          "-rfc",
          "-file",
          "server.pem");
      keytool(
          dir,
          "-exportcert",
          "-alias",
          "client",
          "-keystore",
          "client.p12",
          "-storepass",
          "changeit",
          "-rfc",
          "-file",
          "client.pem");
      keytool(
          dir,
          "-importcert",
          "-noprompt",
          "-alias",
          "server",
          "-file",
          "server.pem",
          "-keystore",
          "client-trust.p12",
          "-storetype",
          "PKCS12",
          "-storepass",
          "changeit");
      keytool(
          dir,
          "-importcert",
          "-noprompt",
          "-alias",
          "client",
          "-file",
          "client.pem",
          "-keystore",
          "server-trust.p12",
          "-storetype",
          "PKCS12",
          "-storepass",
          "changeit");
    }

    private static void keytool(Path dir, String... args) throws Exception {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
      // keytool is a short-lived JVM: favour start-up time
      command.addAll(List.of("-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC"));
      command.addAll(List.of(args));
      Process process =
          new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
      ByteArrayOutputStream output = new ByteArrayOutputStream();
      process.getInputStream().transferTo(output);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("keytool " + args[0] + " failed: " + output);
      }
    }
  }
}
