package org.radassist.drafting.service.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.radassist.drafting.service.internal.store.JdbcDraftStore;
import org.radassist.drafting.service.testing.PostgresCluster;

/**
 * Two replicas of the service on one real PostgreSQL (Debian's server, started by
 * scripts/postgres): whichever replica a retry lands on, one Idempotency-Key makes one draft.
 */
class PostgresReplicasIT {
  private static PostgresCluster postgres;
  private static String url;
  private static final List<AutoCloseable> open = new ArrayList<>();
  private static ServiceClient toA;
  private static ServiceClient toB;

  @BeforeAll
  static void startPostgresAndTwoReplicas() throws Exception {
    postgres = PostgresCluster.start();
    url = postgres.url();
    for (String replica : List.of("a", "b")) {
      JdbcDraftStore store = new JdbcDraftStore(url, 8);
      open.add(store);
      ServiceConfig config =
          ServiceConfig.defaults()
              .withPort(0)
              .withTokens(List.of("t"))
              .withReplicaId(replica)
              .withRateLimit(0, 1);
      DraftingServer server = new DraftingServer(config, RulesBackend.create(), store).start();
      open.add(server);
      ServiceClient c = new ServiceClient(server.baseUri(), "t");
      if (replica.equals("a")) {
        toA = c;
      } else {
        toB = c;
      }
    }
  }

  @AfterAll
  static void stopAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void oneKeySentToBothReplicasAtOnceMakesOneDraft() throws Exception {
    int keys = 12;
    long draftsBefore = count("SELECT COUNT(*) FROM radassist_drafts");
    long keysBefore = count("SELECT COUNT(*) FROM radassist_idempotency_keys");
    for (int i = 0; i < keys; i++) {
      String key = UUID.randomUUID().toString();
      CompletableFuture<String> a = CompletableFuture.supplyAsync(() -> draftIdOf(toA, key));
      CompletableFuture<String> b = CompletableFuture.supplyAsync(() -> draftIdOf(toB, key));

      assertThat(a.get(30, TimeUnit.SECONDS)).isEqualTo(b.get(30, TimeUnit.SECONDS));
    }
    assertThat(count("SELECT COUNT(*) FROM radassist_drafts") - draftsBefore).isEqualTo(keys);
    assertThat(count("SELECT COUNT(*) FROM radassist_idempotency_keys") - keysBefore)
        .isEqualTo(keys);
  }

  @Test
  void aDraftMadeOnOneReplicaIsReadAndResumedOnTheOther() throws Exception {
    String key = UUID.randomUUID().toString();
    HttpResponse<String> made =
        toA.send(toA.post(ServiceClient.LUNG_NODULE, "Idempotency-Key", key));
    String id = made.headers().firstValue("X-Draft-Id").orElseThrow();

    HttpResponse<String> read = toB.get("/v1/drafts/" + id);
    SseEvents resumed =
        SseEvents.parse(
            toB.get("/v1/drafts/" + id, "Accept", "text/event-stream", "Last-Event-ID", "1")
                .body());

    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.body()).contains(id);
    List<SseEvents.Event> all = SseEvents.parse(made.body()).events();
    assertThat(resumed.events()).isEqualTo(all.subList(1, all.size()));
  }

  /** Posts until the answer is not 409 (the other replica still running the same key). */
  private static String draftIdOf(ServiceClient c, String key) {
    for (int attempt = 0; attempt < 50; attempt++) {
      HttpResponse<String> r = c.send(c.post(ServiceClient.LUNG_NODULE, "Idempotency-Key", key));
      if (r.statusCode() == 200) {
        assertThat(SseEvents.parse(r.body()).names()).last().isEqualTo("draft.completed");
        return r.headers().firstValue("X-Draft-Id").orElseThrow();
      }
      assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("still 409 after 50 attempts");
  }

  private static long count(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
