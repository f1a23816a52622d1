package org.radassist.drafting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.radassist.model.DraftStatus;
import org.radassist.model.ModelInfo;
import org.radassist.model.SectionKind;

class DraftAssemblerTest {
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC);

  @Test
  void deltasAppendAndDoneReplacesASectionsText() {
    DraftAssembler a = DraftAssembler.create("st-1", clock);
    a.accept(new DraftEvent.Started("d-1", new ModelInfo("rules", "1", "embedded")));
    a.accept(new DraftEvent.SectionDelta(SectionKind.FINDINGS, "New 8.2 mm "));
    a.accept(new DraftEvent.SectionDelta(SectionKind.FINDINGS, "nodule."));
    assertThat(a.snapshot().section(SectionKind.FINDINGS).orElseThrow().text())
        .isEqualTo("New 8.2 mm nodule.");
    assertThat(a.snapshot().status()).isEqualTo(DraftStatus.STREAMING);
    a.accept(new DraftEvent.SectionDone(SectionKind.FINDINGS, "New 8.2 mm solid nodule.", "x"));
    a.accept(new DraftEvent.Completed("d-1", 0, 0, 1, 2, null));
    assertThat(a.snapshot().section(SectionKind.FINDINGS).orElseThrow().text())
        .isEqualTo("New 8.2 mm solid nodule.");
    assertThat(a.snapshot().draftId()).isEqualTo("d-1");
    assertThat(a.status()).isEqualTo(DraftStatus.COMPLETE);
  }

  @Test
  void nothingIsAcceptedAfterTheTerminalEvent() {
    DraftAssembler a = DraftAssembler.create("st-1", clock);
    a.accept(new DraftEvent.Failed("upstream_timeout", true, "model stalled"));
    assertThat(a.status()).isEqualTo(DraftStatus.FAILED);
    assertThat(a.failure().retryable()).isTrue();
    assertThatThrownBy(() -> a.accept(new DraftEvent.Flags(List.of())))
        .hasMessageContaining("after the draft ended");
  }

  @Test
  void dictationTextKeepsTheLatestChunkPerSequenceInOrder() {
    DraftRequest r =
        new DraftRequest(
            null,
            "s",
            new StudyInfo("st", "CT", "CHEST", null, null, null),
            null,
            null,
            List.of(
                new DictationChunk(2, false, "impression colon"),
                new DictationChunk(1, true, "findings colon no acute fx"),
                new DictationChunk(2, true, "impression colon normal")),
            null,
            null,
            null,
            null,
            null);
    assertThat(r.dictationText()).isEqualTo("findings colon no acute fx impression colon normal");
    assertThat(r.wants(DraftTask.CRITICAL)).isTrue();
    assertThat(new PatientInfo(93, null).ageBand()).isEqualTo("90+");
  }
}
