package org.radassist.drafting.service.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.model.DraftStatus;

class JdbcDraftStoreTest {
  private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
  private static final Duration LEASE = Duration.ofSeconds(90);

  @TempDir Path dir;
  private JdbcDraftStore store;

  @BeforeEach
  void open() throws Exception {
    store = new JdbcDraftStore("jdbc:h2:file:" + dir.resolve("drafts"), 4);
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void anEmbeddedStoreKeepsItsDirectoryAndFilesOwnerOnly() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("private/drafts");
    try (JdbcDraftStore owned = new JdbcDraftStore(url, 1)) {
      assertThat(
              java.nio.file.attribute.PosixFilePermissions.toString(
                  java.nio.file.Files.getPosixFilePermissions(dir.resolve("private"))))
          .isEqualTo("rwx------");
      try (var files = java.nio.file.Files.list(dir.resolve("private"))) {
        List<Path> all = files.toList();
        assertThat(all).extracting(p -> p.getFileName().toString()).contains("drafts.mv.db");
        for (Path file : all) {
          assertThat(
                  java.nio.file.attribute.PosixFilePermissions.toString(
                      java.nio.file.Files.getPosixFilePermissions(file)))
              .as(file.toString())
              .isEqualTo("rw-------");
        }
      }
    }
    assertThat(H2Files.databasePath("jdbc:h2:mem:x")).isEmpty();
    assertThat(H2Files.databasePath("jdbc:h2:tcp://localhost/~/x")).isEmpty();
    assertThat(H2Files.databasePath("jdbc:h2:file:/srv/ra/drafts;MODE=PostgreSQL"))
        .contains(Path.of("/srv/ra/drafts"));
  }

  @Test
  void aSavedDraftAndItsKeyOutliveTheProcessKilledRightAfterTheSave() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("crash");
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                SaveThenHalt.class.getName(),
                url)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("child.log").toFile())
            .start();
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).as(Files.readString(dir.resolve("child.log"))).isEqualTo(3);

    try (JdbcDraftStore reopened = new JdbcDraftStore(url, 1)) {
      assertThat(reopened.find("d-crash"))
          .hasValueSatisfying(
              d -> assertThat(d.reportJson()).isEqualTo("{\"draft_id\":\"d-crash\"}"));
      KeyClaim key = reopened.claim("c crash-key", "hashA", "d-other", "r2", Instant.now(), LEASE);
      assertThat(key.claimed()).isFalse();
      assertThat(key.draftId()).isEqualTo("d-crash");
    }
  }

  @Test
  void theFirstClaimOfAKeyWinsAndLaterClaimsSeeItsDraftAndHash() {
    KeyClaim first = store.claim("c k1", "hashA", "d-1", "r1", T0, LEASE);
    KeyClaim second = store.claim("c k1", "hashA", "d-2", "r2", T0.plusSeconds(1), LEASE);

    assertThat(first.claimed()).isTrue();
    assertThat(first.draftId()).isEqualTo("d-1");
    assertThat(second.claimed()).isFalse();
    assertThat(second.draftId()).isEqualTo("d-1");
    assertThat(second.requestHash()).isEqualTo("hashA");
    assertThat(second.owner()).isEqualTo("r1");
  }

  @Test
  void aKeyWhoseLeaseRanOutWithoutADraftIsTakenOver() {
    store.claim("c k1", "hashA", "d-1", "dead-replica", T0, LEASE);

    KeyClaim takeover =
        store.claim("c k1", "hashA", "d-2", "r2", T0.plus(LEASE).plusSeconds(1), LEASE);

    assertThat(takeover.claimed()).isTrue();
    assertThat(takeover.draftId()).isEqualTo("d-2");
  }

  @Test
  void aKeyWhoseDraftFinishedIsNeverTakenOverEvenAfterItsLease() {
    store.claim("c k1", "hashA", "d-1", "r1", T0, LEASE);
    store.save(draft("d-1", DraftStatus.COMPLETE));

    KeyClaim later =
        store.claim("c k1", "hashA", "d-2", "r2", T0.plus(LEASE).plusSeconds(1), LEASE);

    assertThat(later.claimed()).isFalse();
    assertThat(later.draftId()).isEqualTo("d-1");
  }

  @Test
  void aReleasedKeyCanBeClaimedAgain() {
    store.claim("c k1", "hashA", "d-1", "r1", T0, LEASE);
    store.release("c k1", "d-1");

    assertThat(store.claim("c k1", "hashA", "d-2", "r1", T0, LEASE).claimed()).isTrue();
  }

  @Test
  void concurrentClaimsOfOneKeyMakeExactlyOneWinner() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<KeyClaim>> tasks =
          java.util.stream.IntStream.range(0, 16)
              .<Callable<KeyClaim>>mapToObj(
                  i -> () -> store.claim("c race", "h", "d-" + i, "r" + i, T0, LEASE))
              .toList();
      List<KeyClaim> claims = pool.invokeAll(tasks).stream().map(JdbcDraftStoreTest::get).toList();

      assertThat(claims).filteredOn(KeyClaim::claimed).hasSize(1);
      String winner = claims.stream().filter(KeyClaim::claimed).findFirst().orElseThrow().draftId();
      assertThat(claims).extracting(KeyClaim::draftId).containsOnly(winner);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aSavedDraftComesBackWithItsEventsInOrderAndIsImmutable() {
    StoredDraft d = draft("d-9", DraftStatus.COMPLETE);
    store.save(d);
    store.save(draft("d-9", DraftStatus.FAILED)); // a second save changes nothing

    StoredDraft back = store.find("d-9").orElseThrow();
    assertThat(back.status()).isEqualTo(DraftStatus.COMPLETE);
    assertThat(back.events()).isEqualTo(d.events());
    assertThat(back.reportJson()).isEqualTo(d.reportJson());
    assertThat(back.client()).isEqualTo("client-1");
    assertThat(store.find("d-unknown")).isEmpty();
  }

  @Test
  void purgeForgetsKeysAndDraftsOlderThanTheCutoff() {
    store.claim("c old", "h", "d-old", "r1", T0, LEASE);
    store.save(draft("d-old", DraftStatus.COMPLETE));
    store.claim("c new", "h", "d-new", "r1", T0.plusSeconds(7200), LEASE);

    int removed = store.purgeBefore(T0.plusSeconds(3600));

    assertThat(removed).isEqualTo(2);
    assertThat(store.find("d-old")).isEmpty();
    assertThat(store.claim("c old", "h", "d-again", "r1", T0.plusSeconds(7200), LEASE).claimed())
        .isTrue();
    assertThat(store.claim("c new", "h", "d-x", "r1", T0.plusSeconds(7200), LEASE).claimed())
        .isFalse();
  }

  @Test
  void aStoreIsReadyWhileOpenAndRefusesWorkAfterClose() {
    assertThat(store.isReady()).isTrue();
    store.close();
    assertThat(store.isReady()).isFalse();
    assertThatThrownBy(() -> store.find("d-1")).isInstanceOf(StoreException.class);
  }

  @Test
  void onlyH2AndPostgresqlUrlsAreAccepted() {
    assertThatThrownBy(() -> new JdbcDraftStore("jdbc:mysql://x/y?password=secret", 1))
        .hasMessageContaining("unsupported store URL")
        .hasMessageNotContaining("secret");
  }

  private static StoredDraft draft(String id, DraftStatus status) {
    return new StoredDraft(
        id,
        "client-1",
        status,
        List.of(
            new StoredEvent(1, "draft.started", "{\"draft_id\":\"" + id + "\"}"),
            new StoredEvent(
                2, "section.done", "{\"section\":\"findings\",\"text\":\"line1\\nline2 ü\"}"),
            new StoredEvent(3, "draft.completed", "{\"draft_id\":\"" + id + "\"}")),
        "{\"draft_id\":\"" + id + "\"}",
        T0);
  }

  private static <T> T get(Future<T> f) {
    try {
      return f.get();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void eventsComeBackExactlyWhateverTheirDataHolds() throws Exception {
    List<StoredEvent> events =
        List.of(
            new StoredEvent(1, "draft.started", "{\"draft_id\":\"d-1\"}"),
            new StoredEvent(2, "section.delta", "line one\nline 2 7 \r\n\u00e9\ud83d\ude00 \"q\""),
            new StoredEvent(3, "x", ""),
            new StoredEvent(4, "draft.completed", "12 34\n"));

    assertThat(store.readEvents(JdbcDraftStore.writeEvents(events))).isEqualTo(events);
    assertThat(store.readEvents(JdbcDraftStore.writeEvents(List.of()))).isEmpty();
  }

  @Test
  void eventsStoredAsAJsonArrayByEarlierVersionsAreStillRead() throws Exception {
    assertThat(store.readEvents("[[1,\"draft.started\",\"{\\\"a\\\":1}\"],[2,\"error\",\"x\"]]"))
        .containsExactly(
            new StoredEvent(1, "draft.started", "{\"a\":1}"), new StoredEvent(2, "error", "x"));
  }

  @Test
  void cutEventTextIsAStoreErrorNotAWrongDraft() {
    String whole =
        JdbcDraftStore.writeEvents(List.of(new StoredEvent(1, "draft.started", "{\"a\":1}")));

    assertThatThrownBy(() -> store.readEvents(whole.substring(0, whole.length() - 3)))
        .isInstanceOf(java.sql.SQLException.class);
  }
}
