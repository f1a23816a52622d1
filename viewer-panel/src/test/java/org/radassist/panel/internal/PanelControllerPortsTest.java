package org.radassist.panel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.audit.AuditRecord;
import org.radassist.audit.AuditTrail;
import org.radassist.audit.internal.FileAuditTrail;
import org.radassist.drafting.DraftEvent;
import org.radassist.governance.Governance;
import org.radassist.governance.RolloutMode;
import org.radassist.host.Role;
import org.radassist.host.UserIdentity;
import org.radassist.model.AuditAction;
import org.radassist.model.AuditEvent;
import org.radassist.model.CodeSuggestion;
import org.radassist.model.FlagType;
import org.radassist.model.ReviewState;
import org.radassist.model.SectionKind;
import org.radassist.model.StudyContext;
import org.radassist.panel.Decision;
import org.radassist.panel.internal.model.ItemKey;
import org.radassist.panel.internal.model.MutableDraftReview;
import org.radassist.panel.internal.model.MutablePanelState;
import org.radassist.panel.model.DictationLine;
import org.radassist.panel.testing.Fixtures;
import org.radassist.panel.testing.RecordingSpeechHook;
import org.radassist.panel.testing.ScriptedDraftingService;
import org.radassist.panel.testing.TestGovernance;
import org.radassist.panel.testing.TestHost;
import org.radassist.speech.SessionStatus;
import org.radassist.speech.SpeechHook;

/**
 * The controller with the optional services: the speech hook, governance (real review policy and
 * approval gate over a real audit trail) and the audit trail's metrics. Background work runs
 * inline; UI work is queued and drained as the event thread would run it.
 */
class PanelControllerPortsTest {
  @TempDir Path temp;
  private final BlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
  private final List<Decision> decisions = new ArrayList<>();
  private final MutablePanelState state =
      new MutablePanelState(Clock.systemUTC(), () -> "dr.lee", decisions::add, 0.5);
  private final TestHost host = new TestHost(Fixtures.study(), List.of());
  private final ScriptedDraftingService drafting =
      new ScriptedDraftingService(Fixtures.draftEvents(), 0);

  private PanelController controller(SpeechHook hook, Governance governance, AuditTrail trail) {
    return controller(hook, governance, trail, null);
  }

  private PanelController controller(
      SpeechHook hook,
      Governance governance,
      AuditTrail trail,
      org.radassist.panel.PriorComparisonSource priors) {
    return new PanelController(
        state,
        host,
        () -> Optional.of(drafting),
        Optional::empty,
        () -> Optional.ofNullable(priors),
        () -> Optional.ofNullable(hook),
        () -> Optional.ofNullable(governance),
        () -> Optional.ofNullable(trail),
        Runnable::run,
        ui::add);
  }

  private void drainUntil(BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!done.getAsBoolean()) {
      Runnable r = ui.poll(50, TimeUnit.MILLISECONDS);
      if (r != null) {
        r.run();
      }
      assertThat(System.nanoTime()).as("timed out waiting").isLessThan(deadline);
    }
    drain();
  }

  private void drain() {
    Runnable r;
    while ((r = ui.poll()) != null) {
      r.run();
    }
  }

  private AuditTrail trail() throws Exception {
    return new FileAuditTrail(temp.resolve("audit"), 1 << 20);
  }

  private static List<AuditAction> actions(AuditTrail trail) throws Exception {
    return trail.readAll().stream().map(r -> r.event().action()).toList();
  }

  // ---------------------------------------------------------------- speech hook

  @Test
  void withAHookTheStudysDictationOpensThereAndDraftSendsTheBoxAsAFinalSegment() throws Exception {
    RecordingSpeechHook hook = new RecordingSpeechHook(Fixtures.draftEvents(), null);
    PanelController c = controller(hook, null, null);
    c.studyOpened(Fixtures.study());
    drain();
    assertThat(hook.opened).hasSize(1);
    assertThat(hook.last().study).isEqualTo(Fixtures.study());
    assertThat(state.speechHook()).isTrue();

    state.setDictation(Fixtures.DICTATION);
    c.requestDraft();
    assertThat(hook.last().typed).containsExactly("final:" + Fixtures.DICTATION);
    drainUntil(() -> state.review().phase() == MutableDraftReview.Phase.COMPLETE);
    assertThat(drafting.requests).as("the hook drafts, not the panel").isEmpty();
    assertThat(state.review().section(SectionKind.FINDINGS)).isPresent();
    assertThat(state.review().draftId()).isEqualTo("draft-7f3a");
    assertThat(state.dictationStatus().orElseThrow().state()).isEqualTo(SessionStatus.State.READY);
    assertThat(state.dictationLines()).as("the box's own echo is not shown again").isEmpty();
  }

  @Test
  void thePriorsOfTheComparisonAreGivenToTheStudysDictation() throws Exception {
    StudyContext prior =
        new StudyContext(
            "1.2.826.0.1.3680043.8.498.777",
            "ACC1",
            Fixtures.study().patientId(),
            null,
            Fixtures.study().patientName(),
            null,
            null,
            List.of("CT"),
            "CHEST",
            java.time.LocalDate.of(2025, 11, 20),
            "CT chest");
    org.radassist.panel.PriorComparison comparison =
        new org.radassist.panel.PriorComparison(
            "Comparison: CT chest of 2025-11-20.",
            List.of(),
            List.of(
                new org.radassist.panel.PriorComparison.ComparedPrior(
                    prior, "The nodule has increased from 6.0 mm.")));
    RecordingSpeechHook hook = new RecordingSpeechHook(List.of(), null);
    PanelController c = controller(hook, null, null, study -> Optional.of(comparison));
    c.studyOpened(Fixtures.study());
    drain();

    assertThat(hook.last().priors)
        .last()
        .satisfies(
            given ->
                assertThat(given)
                    .containsExactly(
                        new org.radassist.speech.PriorReport(
                            prior, "The nodule has increased from 6.0 mm.")));
    assertThat(state.priors()).contains(comparison);
  }

  @Test
  void otherSourcesShowWithTheirNameAndFinalsReplacePartials() throws Exception {
    RecordingSpeechHook hook = new RecordingSpeechHook(List.of(), null);
    PanelController c = controller(hook, null, null);
    c.studyOpened(Fixtures.study());
    drain();
    RecordingSpeechHook.Opened o = hook.last();
    o.segment("loopback", 1, false, "nodule in the");
    o.segment("loopback", 1, true, "Nodule in the right upper lobe.");
    o.segment("fhircast", 1, true, "Compared with 2025.");
    o.segment("loopback", 2, false, "no pleural");
    drain();
    assertThat(state.dictationLines())
        .containsExactly(
            new DictationLine("loopback", "Nodule in the right upper lobe. no pleural", true),
            new DictationLine("fhircast", "Compared with 2025.", false));
    assertThat(state.dictationLines().get(0).display())
        .isEqualTo("Dictated via loopback: Nodule in the right upper lobe. no pleural \u2026");
  }

  @Test
  void aDraftTheHookStreamsForAnotherSourceFoldsIntoTheReview() throws Exception {
    RecordingSpeechHook hook = new RecordingSpeechHook(List.of(), null);
    PanelController c = controller(hook, null, null);
    c.studyOpened(Fixtures.study());
    drain();
    for (DraftEvent e : Fixtures.draftEvents()) {
      hook.last().listener.onDraftEvent(e);
    }
    drain();
    assertThat(state.review().phase()).isEqualTo(MutableDraftReview.Phase.COMPLETE);
    assertThat(state.review().codes()).hasSize(4);
  }

  @Test
  void anUnavailableServiceIsShownWithTheItemsKeptAndTheDictationStays() throws Exception {
    RecordingSpeechHook hook =
        new RecordingSpeechHook(
            List.of(),
            new SessionStatus(SessionStatus.State.UNAVAILABLE, "drafting service unreachable", 2));
    PanelController c = controller(hook, null, null);
    c.studyOpened(Fixtures.study());
    drain();
    state.setDictation(Fixtures.DICTATION);
    c.requestDraft();
    drain();
    assertThat(state.review().phase()).isEqualTo(MutableDraftReview.Phase.UNAVAILABLE);
    assertThat(state.review().message())
        .startsWith(MutableDraftReview.UNAVAILABLE_MESSAGE)
        .contains("drafting service unreachable");
    assertThat(state.dictation()).isEqualTo(Fixtures.DICTATION);
    assertThat(state.dictationStatus())
        .contains(
            new SessionStatus(SessionStatus.State.UNAVAILABLE, "drafting service unreachable", 2));
  }

  @Test
  void aDraftOnScreenStaysWhenTheHookLaterCannotDraft() throws Exception {
    RecordingSpeechHook hook = new RecordingSpeechHook(Fixtures.draftEvents(), null);
    PanelController c = controller(hook, null, null);
    c.studyOpened(Fixtures.study());
    drain();
    state.setDictation(Fixtures.DICTATION);
    c.requestDraft();
    drainUntil(() -> state.review().phase() == MutableDraftReview.Phase.COMPLETE);
    assertThat(state.review().accept(ItemKey.section(SectionKind.FINDINGS))).isTrue();

    hook.last().status(SessionStatus.State.UNAVAILABLE, "drafting service unreachable", 1);
    hook.failTyped = "outbox disk full";
    c.requestDraft();
    drain();
    assertThat(state.review().phase()).isEqualTo(MutableDraftReview.Phase.COMPLETE);
    assertThat(state.review().section(SectionKind.FINDINGS).orElseThrow().state())
        .isEqualTo(ReviewState.ACCEPTED);
    assertThat(state.notice())
        .isEqualTo("The speech hook did not take the dictation: outbox disk full");
    assertThat(state.dictationStatus().orElseThrow().state())
        .isEqualTo(SessionStatus.State.NOT_DURABLE);
  }

  @Test
  void aHookThatCannotTakeTheDictationLeavesItInTheBoxAndSaysWhy() throws Exception {
    RecordingSpeechHook hook = new RecordingSpeechHook(Fixtures.draftEvents(), null);
    hook.failTyped = "outbox disk full";
    PanelController c = controller(hook, null, null);
    c.studyOpened(Fixtures.study());
    drain();
    state.setDictation(Fixtures.DICTATION);
    c.requestDraft();
    drain();
    assertThat(state.review().phase()).isEqualTo(MutableDraftReview.Phase.UNAVAILABLE);
    assertThat(state.review().message()).contains("outbox disk full");
    assertThat(state.dictation()).isEqualTo(Fixtures.DICTATION);
    assertThat(state.dictationStatus().orElseThrow().state())
        .isEqualTo(SessionStatus.State.NOT_DURABLE);
  }

  @Test
  void theNextStudyClosesTheDictationAndWhatTheOldOneSaysLateIsDropped() throws Exception {
    RecordingSpeechHook hook = new RecordingSpeechHook(List.of(), null);
    PanelController c = controller(hook, null, null);
    c.studyOpened(Fixtures.study());
    drain();
    RecordingSpeechHook.Opened first = hook.last();
    StudyContext next = StudyContext.ofStudy("1.2.3.4.5.6");
    c.studyOpened(next);
    drain();
    assertThat(first.closed).isTrue();
    assertThat(hook.opened).hasSize(2);
    first.segment("loopback", 1, true, "late words of the previous patient");
    first.listener.onDraftEvent(Fixtures.draftEvents().get(0));
    drain();
    assertThat(state.dictationLines()).isEmpty();
    assertThat(state.review().phase()).isEqualTo(MutableDraftReview.Phase.IDLE);

    c.studyClosed(next.studyInstanceUid());
    drain();
    assertThat(hook.last().closed).isTrue();
  }

  @Test
  void disposeClosesTheOpenDictation() throws Exception {
    RecordingSpeechHook hook = new RecordingSpeechHook(List.of(), null);
    PanelController c = controller(hook, null, null);
    c.studyOpened(Fixtures.study());
    drain();
    c.dispose();
    assertThat(hook.last().closed).isTrue();
  }

  @Test
  void withoutAHookTheDraftingServiceIsCalledAsBefore() throws Exception {
    PanelController c = controller(null, null, null);
    c.studyOpened(Fixtures.study());
    drain();
    state.setDictation(Fixtures.DICTATION);
    c.requestDraft();
    drainUntil(() -> state.review().phase() == MutableDraftReview.Phase.COMPLETE);
    assertThat(drafting.requests).hasSize(1);
    assertThat(state.speechHook()).isFalse();
    assertThat(state.dictationStatus()).isEmpty();
  }

  // ---------------------------------------------------------------- governance

  private void draftCompletely(PanelController c) throws Exception {
    c.studyOpened(Fixtures.study());
    drain();
    state.setDictation(Fixtures.DICTATION);
    c.requestDraft();
    drainUntil(() -> state.review().phase() == MutableDraftReview.Phase.COMPLETE);
  }

  @Test
  void shadowModeStillDraftsButShowsNothingAndTakesNoDecision() throws Exception {
    PanelController c = controller(null, new TestGovernance(RolloutMode.SHADOW, trail()), null);
    draftCompletely(c);
    assertThat(drafting.requests).as("the draft is still made (and logged)").hasSize(1);
    assertThat(state.rollout()).isEqualTo(RolloutMode.SHADOW);
    assertThat(state.governanceMessage()).isEqualTo(MutablePanelState.SHADOW_MESSAGE);
    assertThat(state.review().aiShown()).isFalse();
    assertThat(state.criticalBannerVisible()).isFalse();
    assertThat(state.review().accept(ItemKey.section(SectionKind.FINDINGS))).isFalse();
    assertThat(state.review().acceptSelected()).isFalse();
    assertThat(decisions).isEmpty();
  }

  @Test
  void assistiveModeAddsTheReviewPolicysFlagsAndSaysNothingElse() throws Exception {
    PanelController c = controller(null, new TestGovernance(RolloutMode.ASSISTIVE, trail()), null);
    draftCompletely(c);
    drainUntil(() -> !state.review().reviewFlags().isEmpty());
    assertThat(state.governanceMessage()).isEmpty();
    assertThat(state.review().aiShown()).isTrue();
    assertThat(state.review().reviewFlags())
        .extracting(f -> f.type())
        .contains(FlagType.LOW_CONFIDENCE, FlagType.DOUBLE_READ);
    assertThat(state.review().reviewFlags()).anyMatch(f -> f.message().startsWith("Code RID50149"));
    // low confidence is shown on the items and counted, not listed among the flags
    assertThat(state.review().flags())
        .containsAll(
            state.review().reviewFlags().stream()
                .filter(f -> f.type() != FlagType.LOW_CONFIDENCE)
                .toList());
    assertThat(state.review().flags()).noneMatch(f -> f.type() == FlagType.LOW_CONFIDENCE);
    assertThat(state.review().lowConfidenceCount()).isPositive();
    assertThat(state.review().autoPopulatedFields()).isEmpty();
  }

  @Test
  void integratedModeMarksTheConfidentFieldsAutoPopulatedStillPending() throws Exception {
    List<DraftEvent> events = new ArrayList<>();
    for (DraftEvent e : Fixtures.draftEvents()) {
      if (e instanceof DraftEvent.Flags) {
        events.add(new DraftEvent.Flags(List.of(Fixtures.flags().get(0)))); // no disagreement
      } else if (e instanceof DraftEvent.StructuredFields f) {
        events.add(new DraftEvent.StructuredFields(f.items().subList(1, 3)));
      } else {
        events.add(e);
      }
    }
    RecordingSpeechHook hook = new RecordingSpeechHook(events, null);
    PanelController c = controller(hook, new TestGovernance(RolloutMode.INTEGRATED, trail()), null);
    draftCompletely(c);
    drainUntil(() -> !state.review().autoPopulatedFields().isEmpty());
    assertThat(state.rollout()).isEqualTo(RolloutMode.INTEGRATED);
    assertThat(state.governanceMessage()).contains(MutablePanelState.AUTO_POPULATED);
    assertThat(state.review().autoPopulatedFields())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.value()).isEqualTo("3");
              assertThat(f.state()).isEqualTo(ReviewState.PENDING);
            });
  }

  @Test
  void aResidentsAcceptIsRefusedInThePanelAndTheGateAuditsTheRefusal() throws Exception {
    host.user = new UserIdentity("dr.res", "Dr. R. Esident", Set.of(Role.RESIDENT));
    AuditTrail trail = trail();
    PanelController c = controller(null, new TestGovernance(RolloutMode.ASSISTIVE, trail), null);
    draftCompletely(c);
    assertThat(state.review().accept(ItemKey.section(SectionKind.FINDINGS))).isFalse();
    assertThat(state.review().edit(SectionKind.FINDINGS, "mine")).isFalse();
    drain();
    assertThat(state.notice()).startsWith("Refused: only a radiologist");
    assertThat(state.notice()).contains("recorded in the audit trail");
    assertThat(state.review().section(SectionKind.FINDINGS).orElseThrow().state())
        .isEqualTo(ReviewState.PENDING);
    assertThat(decisions).isEmpty();
    assertThat(actions(trail))
        .containsExactly(AuditAction.ACTION_REFUSED, AuditAction.ACTION_REFUSED);
    AuditRecord refusal = trail.readAll().get(0);
    assertThat(refusal.event().user()).isEqualTo("dr.res");
    assertThat(refusal.event().details()).containsEntry("action", "approve_draft");
    // rejecting AI text is not an approval
    assertThat(state.review().reject(ItemKey.section(SectionKind.COMPARISON))).isTrue();
  }

  @Test
  void aRadiologistApprovesACodeThroughTheGate() throws Exception {
    AuditTrail trail = trail();
    PanelController c = controller(null, new TestGovernance(RolloutMode.ASSISTIVE, trail), null);
    draftCompletely(c);
    CodeSuggestion code = state.review().codes().get(0);
    c.approveCode(ItemKey.code(code));
    drain();
    assertThat(state.review().codes().get(0).state()).isEqualTo(ReviewState.ACCEPTED);
    assertThat(state.notice()).isEqualTo("Code J93.9 approved");
    assertThat(actions(trail)).containsExactly(AuditAction.CODE_APPROVED);
    assertThat(trail.readAll().get(0).event().details())
        .containsEntry("system", "ICD-10-CM")
        .containsEntry("code", "J93.9");
    assertThat(decisions)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.target()).isEqualTo(Decision.Target.CODE);
              assertThat(d.auditAction()).contains(AuditAction.CODE_APPROVED);
            });
  }

  @Test
  void aResidentsCodeApprovalIsRefusedAndAudited() throws Exception {
    host.user = new UserIdentity("dr.res", "", Set.of(Role.RESIDENT));
    AuditTrail trail = trail();
    PanelController c = controller(null, new TestGovernance(RolloutMode.ASSISTIVE, trail), null);
    draftCompletely(c);
    c.approveCode(ItemKey.code(state.review().codes().get(0)));
    drain();
    assertThat(state.review().codes().get(0).state()).isEqualTo(ReviewState.PENDING);
    assertThat(state.notice()).startsWith("Refused: ").contains("only a radiologist may approve");
    assertThat(actions(trail)).containsExactly(AuditAction.ACTION_REFUSED);
  }

  @Test
  void approvingTheDraftGoesThroughTheGate() throws Exception {
    AuditTrail trail = trail();
    PanelController c = controller(null, new TestGovernance(RolloutMode.ASSISTIVE, trail), null);
    draftCompletely(c);
    state.review().sections().forEach(s -> state.review().accept(ItemKey.section(s.kind())));
    assertThat(c.pendingSections()).isEmpty();
    c.approveDraft();
    drain();
    assertThat(state.notice()).isEqualTo("Draft approved");
    assertThat(actions(trail)).containsExactly(AuditAction.DRAFT_APPROVED);
  }

  @Test
  void theApprovalRecordNamesEverySectionWithItsStateAndWhatWasLeftOut() throws Exception {
    AuditTrail trail = trail();
    PanelController c = controller(null, new TestGovernance(RolloutMode.ASSISTIVE, trail), null);
    draftCompletely(c);
    List<SectionKind> kinds = state.review().sections().stream().map(s -> s.kind()).toList();
    assertThat(kinds).hasSizeGreaterThanOrEqualTo(3);
    state.review().accept(ItemKey.section(kinds.get(0)));
    state.review().edit(kinds.get(1), "Edited by the radiologist.");
    assertThat(c.pendingSections()).isEqualTo(kinds.subList(2, kinds.size()));

    c.approveDraft();
    drain();

    var record = trail.readAll().get(trail.readAll().size() - 1).event();
    assertThat(record.action()).isEqualTo(AuditAction.DRAFT_APPROVED);
    assertThat(record.details())
        .containsEntry("draft_id", state.review().draftId())
        .containsEntry("approved_sections", kinds.get(0).name() + "," + kinds.get(1).name())
        .containsEntry(
            "left_out",
            String.join(",", kinds.subList(2, kinds.size()).stream().map(Enum::name).toList()));
    assertThat(record.details().get("sections"))
        .startsWith(kinds.get(0).name() + "=accepted," + kinds.get(1).name() + "=edited,")
        .contains(kinds.get(2).name() + "=pending");
    assertThat(state.notice())
        .startsWith("Draft approved")
        .contains("left out, still AI drafts: " + kinds.get(2).title());
  }

  @Test
  void anApprovedDraftsAcceptedSectionsGoToTheReportingSystemThroughTheHook() throws Exception {
    RecordingSpeechHook hook = new RecordingSpeechHook(Fixtures.draftEvents(), null);
    PanelController c = controller(hook, new TestGovernance(RolloutMode.ASSISTIVE, trail()), null);
    c.studyOpened(Fixtures.study());
    drainUntil(() -> !hook.opened.isEmpty());
    state.setDictation(Fixtures.DICTATION);
    c.requestDraft();
    drainUntil(() -> state.review().phase() == MutableDraftReview.Phase.COMPLETE);
    assertThat(state.review().accept(ItemKey.section(SectionKind.FINDINGS))).isTrue();
    RecordingSpeechHook.Opened study = hook.opened.get(0);

    c.approveDraft();
    drain();
    assertThat(state.notice())
        .isEqualTo(
            "Draft approved (no reporting system is configured: the report stays in RadAssist)"
                + " \u2014 left out, still AI drafts: Clinical History, Comparison, Impression");

    study.sendOutcome = List.of("HL7 ORU^R01 to ris:2575: acknowledged");
    c.approveDraft();
    drain();
    assertThat(state.notice())
        .startsWith(
            "Draft approved; sent to HL7 ORU^R01 to ris:2575: acknowledged \u2014 left out");
    // only what the radiologist accepted leaves, never a pending AI section
    assertThat(study.sent).hasSize(2);
    assertThat(study.sent.get(1).keySet()).containsExactly(SectionKind.FINDINGS);
  }

  @Test
  void withoutGovernanceThePanelIsAssistiveAndSaysNothingAboutIt() throws Exception {
    PanelController c = controller(null, null, null);
    draftCompletely(c);
    assertThat(state.governed()).isFalse();
    assertThat(state.rollout()).isEqualTo(RolloutMode.ASSISTIVE);
    assertThat(state.governanceMessage()).isEmpty();
    assertThat(state.review().reviewFlags()).isEmpty();
    assertThat(state.review().accept(ItemKey.section(SectionKind.FINDINGS))).isTrue();
  }

  @Test
  void withoutGovernanceOnlyAUserTheHostCallsARadiologistMayAccept() throws Exception {
    host.user = new UserIdentity("clerk", "", Set.of(Role.VIEWER));
    PanelController c = controller(null, null, null);
    draftCompletely(c);
    assertThat(state.review().accept(ItemKey.section(SectionKind.FINDINGS))).isFalse();
    assertThat(state.review().section(SectionKind.FINDINGS).orElseThrow().state())
        .isEqualTo(ReviewState.PENDING);
    assertThat(state.notice()).startsWith("Refused: only a radiologist").contains("clerk");
    assertThat(state.review().reject(ItemKey.section(SectionKind.COMPARISON)))
        .as("leaving AI content out stays allowed")
        .isTrue();
  }

  @Test
  void governanceThatFailsHidesTheAiContentAndSaysWhy() throws Exception {
    Governance broken =
        new TestGovernance(RolloutMode.ASSISTIVE, trail()) {
          @Override
          public RolloutMode modeFor(StudyContext study, UserIdentity user) {
            throw new IllegalStateException("rollout rules refused");
          }
        };
    PanelController c = controller(null, broken, null);
    draftCompletely(c);
    assertThat(state.review().aiShown()).isFalse();
    assertThat(state.governanceMessage())
        .contains("rollout rules refused")
        .endsWith("drafts are not shown");
  }

  // ---------------------------------------------------------------- metrics

  private static AuditEvent event(
      String at, AuditAction action, String study, Map<String, String> details) {
    return new AuditEvent(
        Instant.parse(at), action, "t-" + study, "dr.lee", study, null, null, null, null, details);
  }

  @Test
  void metricsOfTheStudysModalityComeFromTheAuditTrail() throws Exception {
    AuditTrail trail = trail();
    trail.append(
        event("2026-11-20T10:00:00Z", AuditAction.DRAFT_REQUESTED, "s1", Map.of("modality", "CT")));
    trail.append(
        event(
            "2026-11-20T10:01:00Z",
            AuditAction.SECTION_ACCEPTED,
            "s1",
            Map.of("item", "FINDINGS", "target", "section")));
    trail.append(
        event(
            "2026-11-20T10:02:00Z",
            AuditAction.SECTION_REJECTED,
            "s1",
            Map.of("item", "IMPRESSION", "target", "section")));
    trail.append(event("2026-11-20T10:04:30Z", AuditAction.REPORT_SIGNED, "s1", Map.of()));
    trail.append(
        event("2026-11-20T11:00:00Z", AuditAction.DRAFT_REQUESTED, "s2", Map.of("modality", "MR")));
    PanelController c = controller(null, null, trail);
    c.studyOpened(Fixtures.study()); // CT
    drainUntil(() -> state.metricsLoad() == MutablePanelState.Load.DONE);
    var m = state.metrics().orElseThrow();
    assertThat(m.modality()).isEqualTo("CT");
    assertThat(m.records()).isEqualTo(5);
    assertThat(m.studies()).isEqualTo(1);
    assertThat(m.accepted()).isEqualTo(1);
    assertThat(m.rejected()).isEqualTo(1);
    assertThat(m.adoptionRate()).hasValue(0.5);
    assertThat(m.medianTimeToReport()).contains(java.time.Duration.ofSeconds(270));
  }

  @Test
  void withoutAnAuditTrailTheMetricsSayTheyAreNotAvailable() throws Exception {
    PanelController c = controller(null, null, null);
    c.studyOpened(Fixtures.study());
    drain();
    assertThat(state.metricsLoad()).isEqualTo(MutablePanelState.Load.UNAVAILABLE);
    assertThat(state.metricsMessage()).isEqualTo(PanelController.METRICS_UNAVAILABLE);
  }

  @Test
  void anUnreadableTrailIsShownAsAFailure() throws Exception {
    AuditTrail broken =
        new AuditTrail() {
          @Override
          public AuditRecord append(AuditEvent event) {
            throw new UnsupportedOperationException();
          }

          @Override
          public Optional<AuditRecord> head() {
            return Optional.empty();
          }

          @Override
          public List<Path> files() throws java.io.IOException {
            throw new java.io.IOException("audit directory not readable");
          }

          @Override
          public org.radassist.audit.ChainVerification verify() {
            throw new UnsupportedOperationException();
          }
        };
    PanelController c = controller(null, null, broken);
    c.studyOpened(Fixtures.study());
    drain();
    assertThat(state.metricsLoad()).isEqualTo(MutablePanelState.Load.FAILED);
    assertThat(state.metricsMessage()).contains("audit directory not readable");
  }
}
