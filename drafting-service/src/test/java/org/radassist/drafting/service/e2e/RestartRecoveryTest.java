package org.radassist.drafting.service.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.drafting.service.internal.store.JdbcDraftStore;
import org.radassist.drafting.service.internal.store.KeyClaim;
import org.radassist.drafting.service.internal.store.StoredDraft;
import org.radassist.drafting.service.internal.store.StoredEvent;
import org.radassist.model.DraftStatus;

/**
 * The two service-side rules the killed-mid-stream fault needs (found by {@link FaultSuiteTest}): a
 * replica that starts again frees the keys of the drafts its previous run died in the middle of,
 * and a request whose key starts a new draft gets that draft whole even if it carries a
 * Last-Event-ID (which counted the events of the draft that died).
 */
class RestartRecoveryTest {
  @TempDir Path dir;

  @Test
  void onlyTheOwnersKeysOfDraftsNeverStoredAreReleased() throws Exception {
    try (JdbcDraftStore store = new JdbcDraftStore("jdbc:h2:file:" + dir.resolve("s"), 2)) {
      Instant now = Instant.now();
      Duration lease = Duration.ofMinutes(2);
      store.claim("c k-orphan", "h1", "d-orphan", "replica-a", now, lease);
      store.claim("c k-finished", "h2", "d-finished", "replica-a", now, lease);
      store.save(
          new StoredDraft(
              "d-finished",
              "c",
              DraftStatus.COMPLETE,
              List.of(new StoredEvent(1, "draft.completed", "{}")),
              "{}",
              now));
      store.claim("c k-other", "h3", "d-other", "replica-b", now, lease);

      assertThat(store.releaseOrphans("replica-a")).isEqualTo(1);

      KeyClaim again = store.claim("c k-orphan", "h1", "d-new", "replica-a", now, lease);
      assertThat(again.claimed()).as("the orphaned key is free again").isTrue();
      assertThat(store.claim("c k-finished", "h2", "d-x", "replica-a", now, lease).draftId())
          .isEqualTo("d-finished");
      assertThat(store.claim("c k-other", "h3", "d-y", "replica-a", now, lease).draftId())
          .as("another replica's running draft keeps its key")
          .isEqualTo("d-other");
    }
  }

  @Test
  void aNewDraftIsStreamedWholeWhateverLastEventIdTheRequestCarries() throws Exception {
    try (InProcessService service = new InProcessService(dir)) {
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(service.baseUri() + "/v1/drafts"))
                      .header("Authorization", "Bearer " + InProcessService.TOKEN)
                      .header("Content-Type", "application/json")
                      .header("Accept", "text/event-stream")
                      .header("Idempotency-Key", UUID.randomUUID().toString())
                      .header("Last-Event-ID", "3")
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              """
                              {"schema_version":"1.0","session":"s-1",
                               "study":{"token":"st-1","modality":"CT","body_part":"CHEST"},
                               "patient":{"age_years":67,"sex":"F"},
                               "dictation":[{"seq":1,"final":true,"text":"8 mm solid nodule."}]}
                              """))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Idempotent-Replayed")).isEmpty();
      assertThat(r.body()).startsWith("id: 1\nevent: draft.started\n").contains("draft.completed");
    }
  }
}
