package org.radassist.drafting.service.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.drafting.service.internal.http.ConnectionLimits;
import org.radassist.drafting.service.internal.store.JdbcDraftStore;
import org.radassist.speech.testing.SlowClients;

/**
 * Cheap denial of service (issue 15): slow clients on loopback hold the service while a valid
 * client on another address must still get its draft within its deadline.
 *
 * <p>The unit run uses the attack's full socket counts for slow bodies and a tenth of the
 * header-trickling sockets at a tenth of the interval, against a service configured with short
 * deadlines. {@code -Dradassist.attack.full=true} runs the full figures of the issue (300 slow
 * unauthenticated bodies, 500 slow authenticated ones, 2,000 sockets trickling a header line every
 * 10 s) against the default settings:
 *
 * <pre>
 * mvn -B -o -pl drafting-service test -Dtest=SlowClientAttackTest -Dradassist.attack.full=true
 * </pre>
 */
class SlowClientAttackTest {
  static final boolean FULL = Boolean.getBoolean("radassist.attack.full");
  static final String TOKEN = "attack-test-token";

  /** The valid client's deadline for a whole draft while an attack runs. */
  static final Duration DEADLINE = Duration.ofSeconds(5);

  static final Duration HEADER_DEADLINE =
      FULL ? ConnectionLimits.defaults().headerTimeout() : Duration.ofSeconds(1);
  static final Duration BODY_DEADLINE =
      FULL ? ConnectionLimits.defaults().bodyTimeout() : Duration.ofSeconds(2);

  @TempDir Path dir;
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  ServiceConfig config() {
    ServiceConfig c =
        ServiceConfig.defaults()
            .withPort(0)
            .withTokens(List.of(TOKEN))
            .withReplicaId("replica-a")
            .withRateLimit(0, 1);
    // the unit run shortens the deadlines so that it takes seconds; the full run keeps defaults
    return FULL
        ? c
        : c.withConnectionLimits(
            new ConnectionLimits(
                HEADER_DEADLINE, BODY_DEADLINE, ConnectionLimits.defaults().maxPerAddress()));
  }

  DraftingServer start(ServiceConfig config) throws Exception {
    JdbcDraftStore store = new JdbcDraftStore("jdbc:h2:file:" + dir.resolve("drafts"), 4);
    open.add(store);
    DraftingServer server = new DraftingServer(config, RulesBackend.create(), store).start();
    open.add(server);
    validClientMillis(server); // warm-up: the figures are the attack's, not the JIT's
    return server;
  }

  SlowClients attack(
      DraftingServer server, int count, String head, String trickle, Duration every) {
    SlowClients a =
        new SlowClients(
            new InetSocketAddress("127.0.0.1", server.port()),
            2,
            count,
            Math.max(1, count / 50), // under the per-address cap: the deadlines must do the work
            head,
            trickle,
            every);
    open.add(a);
    return a;
  }

  /** The slowest of three drafts of a valid client on 127.0.0.1, each bounded by DEADLINE. */
  long validClientMillis(DraftingServer server) {
    ServiceClient client = new ServiceClient(server.baseUri(), TOKEN);
    long slowest = 0;
    for (int i = 0; i < 3; i++) {
      long t0 = System.nanoTime();
      HttpResponse<String> r;
      try {
        r =
            client.send(
                client
                    .post(
                        ServiceClient.LUNG_NODULE,
                        "Accept",
                        "application/json",
                        "X-Request-Deadline-Ms",
                        Long.toString(DEADLINE.toMillis()))
                    .timeout(DEADLINE));
      } catch (UncheckedIOException e) {
        throw new AssertionError(
            "the valid client was not served within " + DEADLINE.toMillis() + " ms: " + e, e);
      }
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertThat(r.statusCode()).as("valid client's draft: %s", r.body()).isEqualTo(200);
      slowest = Math.max(slowest, ms);
    }
    return slowest;
  }

  @Test
  void slowUnauthenticatedBodiesAreRefusedAtOnceAndTheValidClientIsServed() throws Exception {
    DraftingServer server = start(config());
    SlowClients attack =
        attack(
            server,
            300,
            "POST /v1/drafts HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: 100000\r\n\r\n{",
            "\"",
            Duration.ofSeconds(FULL ? 10 : 1));

    long served = validClientMillis(server);

    assertThat(attack.awaitAllClosed(Duration.ofSeconds(5)))
        .as("%d of 300 refused sockets still open", attack.stillOpen())
        .isTrue();
    System.out.printf(
        "valid client served in %d ms while 300 slow unauthenticated bodies (Content-Length 100000,"
            + " 1 byte sent) held the service; %d answered 401, slowest closed after %d ms%n",
        served, attack.answered(401), attack.slowestCloseMillis());
    assertThat(attack.slowestAnswerMillis()).as("slowest 401").isLessThan(2_000);
    assertThat(attack.answered(401)).isEqualTo(300);
  }

  @Test
  void slowAuthenticatedBodiesHoldNoThreadAndAreCutAtTheBodyDeadline() throws Exception {
    DraftingServer server = start(config());
    SlowClients attack =
        attack(
            server,
            500,
            "POST /v1/drafts HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Authorization: Bearer "
                + TOKEN
                + "\r\nContent-Length: 100000\r\n\r\n{",
            " ",
            Duration.ofSeconds(FULL ? 10 : 1));

    long served = validClientMillis(server);
    int heldWhileServed = attack.stillOpen();
    boolean cut = attack.awaitAllClosed(BODY_DEADLINE.plusSeconds(5));

    System.out.printf(
        "valid client served in %d ms while 500 slow authenticated bodies held the service (%d"
            + " sockets open then); all cut by the body deadline: %s, slowest after %d ms%n",
        served, heldWhileServed, cut, attack.slowestCloseMillis());
    assertThat(cut).as("%d slow bodies still open", attack.stillOpen()).isTrue();
  }

  @Test
  void headersTrickledLineByLineAreCutAtTheHeaderDeadline() throws Exception {
    DraftingServer server = start(config());
    int sockets = FULL ? 2000 : 200;
    Duration every = Duration.ofSeconds(FULL ? 10 : 1);
    SlowClients attack =
        attack(
            server,
            sockets,
            "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n",
            "X-Trickle: 1\r\n",
            every);

    long served = validClientMillis(server);
    boolean cut = attack.awaitAllClosed(HEADER_DEADLINE.plus(every).plusSeconds(5));

    System.out.printf(
        "valid client served in %d ms while %d sockets trickled a header line every %d s; all cut"
            + " by the header deadline: %s, slowest after %d ms%n",
        served, sockets, every.toSeconds(), cut, attack.slowestCloseMillis());
    assertThat(cut).as("%d trickling sockets still open", attack.stillOpen()).isTrue();
  }

  @Test
  void oneAddressHoldsNoMoreSocketsThanItsCapAndOthersAreServed() throws Exception {
    int cap = 16;
    DraftingServer server =
        start(
            config()
                .withConnectionLimits(
                    new ConnectionLimits(Duration.ofSeconds(30), Duration.ofSeconds(30), cap)));
    SlowClients attack =
        new SlowClients(
            new InetSocketAddress("127.0.0.1", server.port()),
            2,
            40,
            1,
            "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n",
            "X-Trickle: 1\r\n",
            Duration.ofSeconds(1));
    open.add(attack);

    Thread.sleep(500);
    long served = validClientMillis(server);

    System.out.printf(
        "valid client served in %d ms while one address opened 40 sockets: %d held (cap %d),"
            + " %d closed at once%n",
        served, attack.stillOpen(), cap, attack.count() - attack.stillOpen());
    assertThat(attack.stillOpen()).isEqualTo(cap);
    assertThat(server.connectionGuard().refused()).isEqualTo(40 - cap);
  }
}
