package org.radassist.drafting.service.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.radassist.drafting.DraftEvent;
import org.radassist.drafting.TemplateSpec;
import org.radassist.model.ScoringSystem;
import org.radassist.model.SectionKind;
import org.radassist.model.StructuredField;
import org.radassist.panel.model.DraftReview;
import org.radassist.speech.SessionStatus;

/** What a dictated lung nodule must look like once it has come back into the panel's model. */
final class DraftAssertions {
  private DraftAssertions() {}

  /**
   * Waits for the completed draft in the panel and checks it: streamed as one draft from {@code
   * draft.started} to {@code draft.completed}, sections completed in report order, the dictated
   * finding in Findings, a Lung-RADS field from the nodule's size, and the session READY with its
   * outbox emptied (the dictation was acknowledged only once the draft was complete).
   */
  static void assertStreamedLungNoduleDraft(Hook hook, String dictatedFinding) throws Exception {
    PanelFeed panel = hook.panel;
    panel.awaitPhase(DraftReview.Phase.COMPLETE, Duration.ofSeconds(30));

    List<DraftEvent> events = panel.events();
    assertThat(events).first().isInstanceOf(DraftEvent.Started.class);
    assertThat(events).last().isInstanceOf(DraftEvent.Completed.class);
    assertThat(panel.count(DraftEvent.Started.class)).isEqualTo(1);
    assertThat(panel.count(DraftEvent.SectionDone.class)).isPositive();

    List<SectionKind> order = TemplateSpec.DEFAULT.sections();
    List<SectionKind> done = panel.sectionsDone();
    assertThat(done).contains(SectionKind.FINDINGS, SectionKind.IMPRESSION).doesNotHaveDuplicates();
    assertThat(done.stream().map(order::indexOf).toList())
        .as("sections streamed in report order: %s", done)
        .doesNotContain(-1)
        .isSorted();

    String draftId = panel.read(DraftReview::draftId);
    assertThat(draftId).startsWith("d-");
    String findings = panel.read(r -> r.section(SectionKind.FINDINGS).orElseThrow().text());
    assertThat(findings).containsIgnoringCase(dictatedFinding);
    boolean findingsComplete = panel.read(r -> r.isComplete(SectionKind.FINDINGS));
    assertThat(findingsComplete).isTrue();
    List<StructuredField> fields = panel.read(DraftReview::fields);
    assertThat(fields)
        .as("structured fields")
        .anySatisfy(f -> assertThat(f.system()).isEqualTo(ScoringSystem.LUNG_RADS));
    String message = panel.read(DraftReview::message);
    assertThat(message).isEmpty();

    hook.status.await(s -> s.state() == SessionStatus.State.READY, Duration.ofSeconds(10));
    assertThat(hook.status.states())
        .containsSubsequence(
            SessionStatus.State.DRAFTING, SessionStatus.State.STREAMING, SessionStatus.State.READY);
    assertThat(hook.pending()).as("outbox items left after the draft completed").isZero();
  }

  /**
   * Every attempt the client made carried the same Idempotency-Key; the answer the panel streamed
   * names the panel's draft; the service's store holds exactly that key and that one draft. (A cold
   * first draft may outlast the first-event timeout: the retry then replays the same draft.)
   */
  static void assertOneDraftOnTheServerForTheKey(Hook hook, StoreRows rows) throws Exception {
    String panelDraft = hook.panel.read(DraftReview::draftId);
    List<HttpLog.Attempt> attempts = hook.http.attempts();
    assertThat(attempts).isNotEmpty();
    assertThat(attempts.stream().map(HttpLog.Attempt::key).distinct()).hasSize(1);
    HttpLog.Attempt answered = attempts.get(attempts.size() - 1);
    assertThat(answered.status()).as("%s", attempts).isEqualTo(200);
    assertThat(answered.draftId()).isEqualTo(panelDraft);
    assertThat(rows.keys())
        .singleElement()
        .satisfies(
            k -> {
              assertThat(k.key()).endsWith(" " + answered.key());
              assertThat(k.draftId()).isEqualTo(panelDraft);
            });
    assertThat(rows.drafts())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.draftId()).isEqualTo(panelDraft);
              assertThat(d.status()).isEqualTo("COMPLETE");
            });
  }
}
