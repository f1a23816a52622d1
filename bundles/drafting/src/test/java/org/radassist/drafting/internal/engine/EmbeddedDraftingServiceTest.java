package org.radassist.drafting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.radassist.drafting.DraftCall;
import org.radassist.drafting.DraftEvent;
import org.radassist.drafting.DraftingException;
import org.radassist.drafting.wire.DraftWire;
import org.radassist.model.DraftReport;
import org.radassist.model.SectionKind;
import org.radassist.model.Sex;

class EmbeddedDraftingServiceTest {
  private final ExecutorService executor = Executors.newSingleThreadExecutor();
  private final EmbeddedDraftingService service =
      new EmbeddedDraftingService(
          RulesEngine.withDefaults(),
          executor,
          Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC));

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  private static final String DICTATION =
      "findings colon new eight point two mm solid nodule rul period small left effusion period"
          + " impression colon lung rads 4b";

  @Test
  void streamsTheContractEventsInOrderAndTheDeltasAddUpToEachSection() throws Exception {
    List<DraftEvent> events = Collections.synchronizedList(new ArrayList<>());
    DraftCall call =
        service.draft(
            Fixtures.request(DICTATION).ct().indication("screening").patient(67, Sex.F).build(),
            "key-1",
            events::add);
    DraftReport report = call.result().toCompletableFuture().get(10, TimeUnit.SECONDS);
    List<String> names = events.stream().map(DraftEvent::name).distinct().toList();
    assertThat(names)
        .containsExactly(
            "draft.started",
            "section.delta",
            "section.done",
            "suggestions",
            "structured_fields",
            "codes",
            "flags",
            "draft.completed");
    assertThat(events.get(0)).isInstanceOf(DraftEvent.Started.class);
    assertThat(events.get(events.size() - 1).isTerminal()).isTrue();
    StringBuilder findings = new StringBuilder();
    long findingsDeltas = 0;
    for (DraftEvent e : events) {
      if (e instanceof DraftEvent.SectionDelta d && d.section() == SectionKind.FINDINGS) {
        findings.append(d.text());
        findingsDeltas++;
      }
      if (e instanceof DraftEvent.SectionDone d && d.section() == SectionKind.FINDINGS) {
        assertThat(d.text()).isEqualTo(findings.toString());
        assertThat(d.sha256()).isEqualTo(EmbeddedDraftingService.sha256(d.text()));
      }
    }
    assertThat(findingsDeltas).as("one delta per sentence").isEqualTo(2);
    assertThat(report.section(SectionKind.FINDINGS).orElseThrow().text())
        .isEqualTo("New 8.2 mm solid nodule right upper lobe. Small left effusion.");
    assertThat(report.structuredFields()).isNotEmpty();
    // every event has a wire form that reads back the same
    DraftWire wire = DraftWire.create();
    for (DraftEvent e : events) {
      assertThat(wire.decode(wire.encode(e))).isEqualTo(e);
    }
  }

  @Test
  void theSameKeyAndRequestGiveTheSameDraft() throws Exception {
    var request = Fixtures.request(DICTATION).ct().build();
    List<DraftEvent> a = new ArrayList<>();
    List<DraftEvent> b = new ArrayList<>();
    service.draft(request, "same", a::add).result().toCompletableFuture().get(10, TimeUnit.SECONDS);
    service.draft(request, "same", b::add).result().toCompletableFuture().get(10, TimeUnit.SECONDS);
    var ca = (DraftEvent.Completed) a.get(a.size() - 1);
    var cb = (DraftEvent.Completed) b.get(b.size() - 1);
    assertThat(ca.draftId()).isEqualTo(cb.draftId());
    assertThat(ca.responseSha256()).isEqualTo(cb.responseSha256());
  }

  @Test
  void badInputEndsWithOneErrorEventAndAFailedResult() {
    List<DraftEvent> events = Collections.synchronizedList(new ArrayList<>());
    DraftCall call = service.draft(Fixtures.request("  ").build(), "k", events::add);
    assertThatThrownBy(() -> call.result().toCompletableFuture().get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(DraftingException.class)
        .hasMessageContaining("dictation is empty");
    assertThat(events).hasSize(2);
    DraftEvent.Failed failed = (DraftEvent.Failed) events.get(1);
    assertThat(failed.code()).isEqualTo("invalid_dictation");
    assertThat(failed.retryable()).isFalse();
  }

  @Test
  void cancellingStopsTheStream() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<DraftEvent> events = Collections.synchronizedList(new ArrayList<>());
    DraftCall[] call = new DraftCall[1];
    call[0] =
        service.draft(
            Fixtures.request(DICTATION).build(),
            "k",
            e -> {
              events.add(e);
              if (e instanceof DraftEvent.Started) {
                started.countDown();
                try {
                  release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException ie) {
                  Thread.currentThread().interrupt();
                }
              }
            });
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
    call[0].cancel();
    release.countDown();
    assertThatThrownBy(() -> call[0].result().toCompletableFuture().join())
        .isInstanceOf(CancellationException.class);
    executor.shutdown();
    assertThat(executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    assertThat(events).hasSize(1);
  }
}
