package org.radassist.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.audit.AuditRecord;
import org.radassist.audit.internal.FileAuditTrail;
import org.radassist.audit.internal.WorkstationSession;
import org.radassist.audit.internal.syslog.AtnaSyslogTlsTest;

/**
 * {@code radassist audit export --syslog} against a real TLS syslog receiver on 127.0.0.1 that
 * demands a client certificate (the stores and the framing come from the audit bundle's ATNA test).
 */
class AuditExportSyslogTest {
  static final char[] PASSWORD = "changeit".toCharArray();
  @TempDir static Path keys;
  @TempDir Path dir;

  private SSLServerSocket server;
  private CompletableFuture<List<byte[]>> received;

  @BeforeAll
  static void makeKeys() throws Exception {
    AtnaSyslogTlsTest.Stores.make(keys);
  }

  @BeforeEach
  void startReceiver() throws Exception {
    SSLContext context = SSLContext.getInstance("TLS");
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(AtnaSyslogTlsTest.load(keys.resolve("server.p12")), PASSWORD);
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(AtnaSyslogTlsTest.load(keys.resolve("server-trust.p12")));
    context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    server =
        (SSLServerSocket)
            context
                .getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
    server.setNeedClientAuth(true);
    received =
        CompletableFuture.supplyAsync(
            () -> {
              try (SSLSocket socket = (SSLSocket) server.accept()) {
                return AtnaSyslogTlsTest.readFrames(socket.getInputStream());
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            });
  }

  @AfterEach
  void stopReceiver() throws IOException {
    server.close();
  }

  private List<AuditRecord> session() throws Exception {
    try (FileAuditTrail trail = new FileAuditTrail(dir, 1 << 20)) {
      WorkstationSession.write(trail);
      return trail.readAll();
    }
  }

  @Test
  void the_audit_export_command_sends_every_record_with_passwords_from_the_environment()
      throws Exception {
    List<AuditRecord> records = session();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int exit =
        new AuditCommand(
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("TRUST_PW", "changeit", "KEY_PW", "changeit"))
            .run(
                "export",
                "--syslog",
                "127.0.0.1:" + server.getLocalPort(),
                "--truststore",
                keys.resolve("client-trust.p12").toString(),
                "--truststore-password-env",
                "TRUST_PW",
                "--keystore",
                keys.resolve("client.p12").toString(),
                "--keystore-password-env",
                "KEY_PW",
                dir.toString());

    assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo("sent 15 audit messages to 127.0.0.1:" + server.getLocalPort() + "\n");
    List<byte[]> messages = received.get(30, TimeUnit.SECONDS);
    assertThat(messages).hasSize(records.size());
    assertThat(new String(messages.get(14), StandardCharsets.UTF_8))
        .startsWith("<85>1 2026-11-29T08:18:40Z ")
        .contains(" IHE+RFC-3881 - \uFEFF<?xml")
        .contains("csd-code=\"report_signed\"");
  }

  @Test
  void the_command_refuses_a_missing_password_variable_in_one_line() throws Exception {
    session();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int exit =
        new AuditCommand(
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of())
            .run(
                "export",
                "--syslog",
                "127.0.0.1:" + server.getLocalPort(),
                "--truststore",
                keys.resolve("client-trust.p12").toString(),
                "--truststore-password-env",
                "NOT_SET",
                dir.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo("audit export: environment variable NOT_SET is not set\n");
  }
}
