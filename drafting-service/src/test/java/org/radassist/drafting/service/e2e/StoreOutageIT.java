package org.radassist.drafting.service.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.drafting.internal.engine.EmbeddedDraftingService;
import org.radassist.drafting.internal.engine.EngineTables;
import org.radassist.drafting.internal.engine.MrrtTemplates;
import org.radassist.drafting.internal.engine.RulesEngine;
import org.radassist.drafting.service.internal.DraftingServer;
import org.radassist.drafting.service.internal.ServiceConfig;
import org.radassist.drafting.service.internal.store.JdbcDraftStore;
import org.radassist.drafting.service.testing.PostgresCluster;
import org.radassist.model.SectionKind;
import org.radassist.panel.model.DraftReview;
import org.radassist.speech.DictationSegment;
import org.radassist.speech.SessionStatus;
import org.radassist.speech.testing.Studies;

/**
 * The fault a real peer gives as HTTP 503: the department's PostgreSQL store goes down (Debian's
 * server, stopped and started again by scripts/postgres) while a dictation is sent. The service
 * answers 503 "not ready", the client backs off and retries with the same Idempotency-Key, the
 * dictation waits in the outbox, and once the store is back exactly one draft is made.
 */
class StoreOutageIT {
  private static final Duration WAIT = Duration.ofSeconds(45);

  @TempDir Path dir;
  private final List<AutoCloseable> open = new ArrayList<>();
  private PostgresCluster postgres;

  @AfterEach
  void closeAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void aStoreOutageIsAnswered503AndTheDictationIsDraftedOnceTheStoreIsBack() throws Exception {
    postgres = PostgresCluster.start();
    JdbcDraftStore store = new JdbcDraftStore(postgres.url(), 4);
    open.add(store);
    DraftingServer server =
        new DraftingServer(
                ServiceConfig.defaults()
                    .withPort(0)
                    .withTokens(List.of(InProcessService.TOKEN))
                    .withReplicaId("outage")
                    .withRateLimit(0, 1),
                new EmbeddedDraftingService(
                    new RulesEngine(
                        EngineTables.defaults(),
                        new MrrtTemplates(),
                        RulesEngine.Settings.DEFAULTS),
                    Runnable::run,
                    Clock.systemUTC()),
                store)
            .start();
    open.add(server);
    Hook hook =
        new Hook(
            Studies.CHEST_CT,
            Hook.fastConfig(server.baseUri(), InProcessService.TOKEN),
            dir.resolve("outbox"));
    open.add(hook);
    hook.open();

    postgres.pause();
    hook.engine.dictate(
        new DictationSegment(
            "loopback",
            Studies.CHEST_CT.studyInstanceUid(),
            1,
            true,
            LoopbackEndToEndTest.DICTATION));
    hook.http.await(a -> a.status() == 503, 2, WAIT);
    hook.status.await(s -> s.state() == SessionStatus.State.UNAVAILABLE, WAIT);
    assertThat(hook.pending()).as("the dictation waits in the outbox").isEqualTo(1);
    postgres.resume();

    hook.panel.awaitPhase(DraftReview.Phase.COMPLETE, WAIT);
    hook.status.await(s -> s.state() == SessionStatus.State.READY, WAIT);
    String findings =
        hook.panel.read(r -> r.section(SectionKind.FINDINGS).map(s -> s.text()).orElse(""));
    assertThat(findings).containsIgnoringCase("solid nodule");
    String draft = hook.panel.read(DraftReview::draftId);
    int pending = hook.pending();
    List<Integer> statuses = hook.http.statuses();
    StoreRows rows = new StoreRows(postgres.url());
    System.out.println(
        "fault=store-down-503 sent=1 acknowledged="
            + (1 - pending)
            + " drafts_on_server="
            + rows.completed().size()
            + " attempts="
            + statuses);

    assertThat(pending).as("no dictation lost").isZero();
    assertThat(statuses).first().isEqualTo(503);
    assertThat(statuses).last().isEqualTo(200);
    assertThat(rows.completed())
        .as("one draft for the dictation, the panel's")
        .singleElement()
        .satisfies(d -> assertThat(d.draftId()).isEqualTo(draft));
    assertThat(rows.keys()).as("one idempotency key").hasSize(1);
    assertThat(hook.http.attempts().stream().map(HttpLog.Attempt::key).distinct())
        .as("every attempt carried the same Idempotency-Key")
        .hasSize(1);
  }
}
