package org.radassist.drafting.service.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.drafting.service.internal.http.ConnectionLimits;
import org.radassist.drafting.service.internal.store.JdbcDraftStore;
import org.radassist.speech.testing.SlowClients;

/** HTTPS with a PKCS12 keystore made at test time by the JDK's keytool. */
class TlsTest {
  @TempDir Path dir;

  @Test
  void theServiceAnswersOverTlsWithTheKeystoresCertificate() throws Exception {
    Path keystore = keystore();

    ServiceConfig config =
        ServiceConfig.defaults().withPort(0).withTokens(List.of("t")).withTls(keystore, "changeit");
    try (JdbcDraftStore store = new JdbcDraftStore("jdbc:h2:file:" + dir.resolve("drafts"), 2);
        DraftingServer server = new DraftingServer(config, RulesBackend.create(), store).start()) {
      assertThat(server.baseUri().getScheme()).isEqualTo("https");
      ServiceClient client = new ServiceClient(server.baseUri(), "t", trusting(keystore));

      assertThat(client.get("/health").statusCode()).isEqualTo(200);
      SseEvents sse = SseEvents.parse(client.send(client.post(ServiceClient.LUNG_NODULE)).body());
      assertThat(sse.names()).last().isEqualTo("draft.completed");

      ServiceClient untrusting = new ServiceClient(server.baseUri(), "t", SSLContext.getDefault());
      assertThatThrownBy(() -> untrusting.get("/health")).hasMessageContaining("PKIX");
    }
  }

  @Test
  void overTlsASocketCountsOnceAgainstItsAddressAndASilentOneIsCutAtTheHeaderDeadline()
      throws Exception {
    Path keystore = keystore();
    ServiceConfig config =
        ServiceConfig.defaults()
            .withPort(0)
            .withTokens(List.of("t"))
            .withTls(keystore, "changeit")
            .withConnectionLimits(
                new ConnectionLimits(Duration.ofSeconds(1), Duration.ofSeconds(2), 2));
    try (JdbcDraftStore store = new JdbcDraftStore("jdbc:h2:file:" + dir.resolve("drafts"), 2);
        DraftingServer server = new DraftingServer(config, RulesBackend.create(), store).start();
        // three sockets from 127.0.0.2 that never finish a TLS handshake
        SlowClients silent =
            new SlowClients(
                new InetSocketAddress("127.0.0.1", server.port()),
                2,
                3,
                1,
                "\u0016\u0003\u0001",
                "",
                Duration.ofSeconds(1))) {
      Thread.sleep(300);
      // the TLS and HTTP layers of one socket are one socket: two held, the third refused
      assertThat(silent.stillOpen()).isEqualTo(2);
      assertThat(server.connectionGuard().refused()).isEqualTo(1);

      ServiceClient client = new ServiceClient(server.baseUri(), "t", trusting(keystore));
      assertThat(client.get("/health").statusCode()).isEqualTo(200);
      assertThat(silent.awaitAllClosed(Duration.ofSeconds(4))).isTrue();
      assertThat(silent.slowestCloseMillis()).isBetween(900L, 4_000L);
    }
  }

  private Path keystore() throws Exception {
    Path keystore = dir.resolve("service.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "radassist",
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
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                "changeit",
                "-keypass",
                "changeit")
            .redirectErrorStream(true)
            .start();
    String out = new String(keytool.getInputStream().readAllBytes());
    assertThat(keytool.waitFor()).as(out).isZero();
    return keystore;
  }

  private static SSLContext trusting(Path keystore) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      ks.load(in, "changeit".toCharArray());
    }
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("service", ks.getCertificate("radassist"));
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, tmf.getTrustManagers(), null);
    return ctx;
  }
}
