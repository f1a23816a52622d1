package org.radassist.panel.internal.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.radassist.drafting.DraftEvent;
import org.radassist.drafting.TemplateSpec;
import org.radassist.model.AuditAction;
import org.radassist.model.CriticalCategory;
import org.radassist.model.Flag;
import org.radassist.model.FlagType;
import org.radassist.model.ReviewState;
import org.radassist.model.ScoringSystem;
import org.radassist.model.SectionKind;
import org.radassist.model.Severity;
import org.radassist.panel.Decision;
import org.radassist.panel.Decision.Target;
import org.radassist.panel.Decision.Verb;
import org.radassist.panel.testing.Fixtures;

class DraftReviewTest {
  private final List<Decision> decisions = new ArrayList<>();
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-20T10:15:00Z"), ZoneOffset.UTC);
  private MutableDraftReview review;

  @BeforeEach
  void setUp() {
    review = new MutableDraftReview(clock, () -> "dr.lee", decisions::add);
  }

  private void streamAll() {
    review.start(TemplateSpec.DEFAULT.sections());
    Fixtures.draftEvents().forEach(review::apply);
  }

  @Test
  void sectionsAppearAsTheyStreamAndCountAsCompleteOnlyWhenDone() {
    review.start(TemplateSpec.DEFAULT.sections());
    List<DraftEvent> events = Fixtures.draftEvents();
    review.apply(events.get(0)); // started
    review.apply(events.get(1)); // first delta of clinical history
    assertThat(review.phase()).isEqualTo(MutableDraftReview.Phase.STREAMING);
    assertThat(review.sections())
        .extracting(s -> s.kind())
        .containsExactly(SectionKind.CLINICAL_HISTORY);
    assertThat(review.section(SectionKind.CLINICAL_HISTORY).orElseThrow().text())
        .isEqualTo("Nodule follo");
    assertThat(review.isComplete(SectionKind.CLINICAL_HISTORY)).isFalse();
    assertThat(review.canDecide(ItemKey.section(SectionKind.CLINICAL_HISTORY)))
        .as("streaming text cannot be accepted")
        .isFalse();

    Fixtures.draftEventsUntilFindings()
        .subList(2, Fixtures.draftEventsUntilFindings().size())
        .forEach(review::apply);
    assertThat(review.completeSectionCount()).isEqualTo(3);
    assertThat(review.expectedSectionCount()).isEqualTo(4);
    assertThat(review.section(SectionKind.FINDINGS).orElseThrow().text())
        .isEqualTo(Fixtures.FINDINGS_TEXT);
    assertThat(review.section(SectionKind.FINDINGS).orElseThrow().state())
        .isEqualTo(ReviewState.PENDING);
  }

  @Test
  void aCompletedStreamFoldsIntoTheWholeDraft() {
    streamAll();
    assertThat(review.phase()).isEqualTo(MutableDraftReview.Phase.COMPLETE);
    assertThat(review.draftId()).isEqualTo("draft-7f3a");
    assertThat(review.sections())
        .extracting(s -> s.kind())
        .containsExactly(
            SectionKind.CLINICAL_HISTORY,
            SectionKind.COMPARISON,
            SectionKind.FINDINGS,
            SectionKind.IMPRESSION);
    assertThat(review.impressions())
        .extracting(s -> s.id())
        .as("ranked by confidence")
        .containsExactly("imp-1", "imp-2");
    assertThat(review.differentials())
        .extracting(s -> s.id())
        .containsExactly("dd-1", "dd-2", "dd-3");
    assertThat(review.criticalFlags()).hasSize(1);
    assertThat(review.otherFlags()).hasSize(2);
    assertThat(review.finalReportText()).as("nothing is final before an accept").isEmpty();
  }

  @Test
  void anActionableFindingIsAFlagButDoesNotDriveTheCriticalBanner() {
    review.start(TemplateSpec.DEFAULT.sections());
    review.apply(Fixtures.draftEvents().get(0)); // started
    Flag renal =
        new Flag(
            FlagType.ACTIONABLE_FINDING,
            Severity.WARNING,
            "Actionable finding (ACR category 3): renal mass.",
            List.of(),
            CriticalCategory.CATEGORY_3,
            List.of("who", "when", "how"));
    review.apply(new DraftEvent.Flags(List.of(renal)));
    assertThat(review.criticalFlags()).isEmpty();
    assertThat(review.otherFlags()).containsExactly(renal);
  }

  @Test
  void acceptEditRejectAreReportedAsDecisionsWithTheirAuditActions() {
    streamAll();
    assertThat(review.accept(ItemKey.section(SectionKind.FINDINGS))).isTrue();
    assertThat(review.edit(SectionKind.CLINICAL_HISTORY, "Nodule follow-up.")).isTrue();
    assertThat(review.reject(ItemKey.section(SectionKind.COMPARISON))).isTrue();

    assertThat(review.section(SectionKind.FINDINGS).orElseThrow().state())
        .isEqualTo(ReviewState.ACCEPTED);
    assertThat(review.section(SectionKind.CLINICAL_HISTORY).orElseThrow().state())
        .isEqualTo(ReviewState.EDITED);
    assertThat(review.section(SectionKind.COMPARISON).orElseThrow().state())
        .isEqualTo(ReviewState.REJECTED);
    assertThat(decisions)
        .extracting(Decision::verb)
        .containsExactly(Verb.ACCEPT, Verb.EDIT, Verb.REJECT);
    assertThat(decisions)
        .extracting(d -> d.auditAction().orElseThrow())
        .containsExactly(
            AuditAction.SECTION_ACCEPTED, AuditAction.SECTION_EDITED, AuditAction.SECTION_REJECTED);
    Decision edit = decisions.get(1);
    assertThat(edit.user()).isEqualTo("dr.lee");
    assertThat(edit.draftId()).isEqualTo("draft-7f3a");
    assertThat(edit.at()).isEqualTo(clock.instant());
    assertThat(edit.text()).isEqualTo("Nodule follow-up.");
    assertThat(edit.previousText()).isEqualTo("Nodule follow-up. 67-year-old woman.");

    assertThat(review.finalReportText())
        .isEqualTo("CLINICAL HISTORY:\nNodule follow-up.\n\nFINDINGS:\n" + Fixtures.FINDINGS_TEXT);
  }

  @Test
  void aDecidedItemCannotBeDecidedAgainUntilUndone() {
    streamAll();
    ItemKey findings = ItemKey.section(SectionKind.FINDINGS);
    assertThat(review.accept(findings)).isTrue();
    assertThat(review.reject(findings)).isFalse();
    assertThat(review.accept(findings)).isFalse();
    assertThat(decisions).hasSize(1);
  }

  @Test
  void undoRestoresTheItemAndIsReportedInReverseOrder() {
    streamAll();
    review.accept(ItemKey.section(SectionKind.FINDINGS));
    review.edit(SectionKind.IMPRESSION, "1. New moderate right pneumothorax.");

    assertThat(review.undo()).isTrue();
    assertThat(review.section(SectionKind.IMPRESSION).orElseThrow().text())
        .isEqualTo(Fixtures.IMPRESSION_TEXT);
    assertThat(review.section(SectionKind.IMPRESSION).orElseThrow().state())
        .isEqualTo(ReviewState.PENDING);
    assertThat(review.undo()).isTrue();
    assertThat(review.section(SectionKind.FINDINGS).orElseThrow().state())
        .isEqualTo(ReviewState.PENDING);
    assertThat(review.undo()).as("nothing left to undo").isFalse();

    assertThat(decisions)
        .extracting(Decision::verb)
        .containsExactly(Verb.ACCEPT, Verb.EDIT, Verb.UNDO, Verb.UNDO);
    Decision undoEdit = decisions.get(2);
    assertThat(undoEdit.itemId()).isEqualTo("IMPRESSION");
    assertThat(undoEdit.text()).isEqualTo(Fixtures.IMPRESSION_TEXT);
    assertThat(undoEdit.previousText()).isEqualTo("1. New moderate right pneumothorax.");
    assertThat(undoEdit.auditAction()).isEmpty();
    assertThat(review.selected()).contains(ItemKey.section(SectionKind.FINDINGS));
  }

  @Test
  void acceptingAnImpressionInsertsItIntoTheImpressionSectionOnceAndUndoTakesItOut() {
    streamAll();
    ItemKey nodule = ItemKey.impression("imp-2");
    assertThat(review.accept(nodule)).isTrue();
    String impression = review.section(SectionKind.IMPRESSION).orElseThrow().text();
    assertThat(impression)
        .isEqualTo(
            Fixtures.IMPRESSION_TEXT
                + "\nNew 8 mm solid right upper lobe nodule; Lung-RADS 4A, 3-month low-dose CT recommended.");
    assertThat(review.impressions())
        .filteredOn(s -> s.id().equals("imp-2"))
        .first()
        .extracting(s -> s.state())
        .isEqualTo(ReviewState.ACCEPTED);
    assertThat(decisions.get(0).target()).isEqualTo(Target.IMPRESSION);
    assertThat(decisions.get(0).auditAction()).contains(AuditAction.SUGGESTION_ACCEPTED);

    // the pneumothorax line is already in the drafted impression: not inserted twice
    review.accept(ItemKey.impression("imp-1"));
    assertThat(review.section(SectionKind.IMPRESSION).orElseThrow().text()).isEqualTo(impression);

    review.undo();
    review.undo();
    assertThat(review.section(SectionKind.IMPRESSION).orElseThrow().text())
        .isEqualTo(Fixtures.IMPRESSION_TEXT);
    assertThat(review.impressions()).allMatch(s -> s.state() == ReviewState.PENDING);
  }

  @Test
  void acceptingADifferentialBeforeAnyImpressionArrivedCreatesTheImpressionSection() {
    review.start(TemplateSpec.DEFAULT.sections());
    review.apply(new DraftEvent.Started("d1", null));
    review.apply(new DraftEvent.Suggestions(List.of(), Fixtures.differentials()));
    assertThat(review.accept(ItemKey.differential("dd-2"))).isTrue();
    assertThat(review.section(SectionKind.IMPRESSION).orElseThrow().text()).isEqualTo("Granuloma");
    assertThat(review.section(SectionKind.IMPRESSION).orElseThrow().state().isFinal()).isTrue();
    review.undo();
    assertThat(review.section(SectionKind.IMPRESSION)).isEmpty();
  }

  @Test
  void streamedContentNeverOverwritesADecision() {
    review.start(TemplateSpec.DEFAULT.sections());
    List<DraftEvent> events = Fixtures.draftEvents();
    events.subList(0, 5).forEach(review::apply); // clinical history done
    review.edit(SectionKind.CLINICAL_HISTORY, "Follow-up.");
    review.apply(new DraftEvent.SectionDone(SectionKind.CLINICAL_HISTORY, "A late rewrite.", null));
    assertThat(review.section(SectionKind.CLINICAL_HISTORY).orElseThrow().text())
        .isEqualTo("Follow-up.");

    events.subList(5, events.size() - 1).forEach(review::apply);
    review.reject(ItemKey.impression("imp-2"));
    review.apply(new DraftEvent.Suggestions(Fixtures.impressions(), List.of()));
    assertThat(review.impressions())
        .filteredOn(s -> s.id().equals("imp-2"))
        .first()
        .extracting(s -> s.state())
        .isEqualTo(ReviewState.REJECTED);
  }

  @Test
  void structuredFieldsAreDecidedByValueAndDisagreementsAreListed() {
    streamAll();
    assertThat(review.disagreements())
        .containsExactly(
            "Lung-RADS 2022 category: proposed values differ (4A vs 3)",
            "Lung-RADS category: model 4A, rules 3");
    ItemKey rules = ItemKey.field(ScoringSystem.LUNG_RADS, "category", "3");
    assertThat(review.accept(rules)).isTrue();
    assertThat(review.reject(ItemKey.field(ScoringSystem.LUNG_RADS, "category", "4A"))).isTrue();
    assertThat(decisions)
        .extracting(d -> d.auditAction().orElseThrow())
        .containsExactly(AuditAction.FIELD_ACCEPTED, AuditAction.FIELD_REJECTED);
    assertThat(decisions.get(0).text()).isEqualTo("Lung-RADS category = 3");
  }

  @Test
  void keyboardSelectionWalksThePendingItemsAndActsOnTheSelectedOne() {
    streamAll();
    assertThat(review.selected()).contains(ItemKey.section(SectionKind.CLINICAL_HISTORY));
    assertThat(review.acceptSelected()).isTrue();
    assertThat(review.selected())
        .as("moves on after a decision")
        .contains(ItemKey.section(SectionKind.COMPARISON));
    assertThat(review.rejectSelected()).isTrue();
    assertThat(review.selected()).contains(ItemKey.section(SectionKind.FINDINGS));
    review.selectNextPending();
    review.selectNextPending();
    assertThat(review.selected())
        .as("sections first, then impressions")
        .contains(ItemKey.impression("imp-1"));
  }

  @Test
  void aFailedStreamKeepsWhatArrivedReviewableAndSaysTheServiceIsUnavailable() {
    review.start(TemplateSpec.DEFAULT.sections());
    Fixtures.draftEventsUntilFindings().forEach(review::apply);
    review.apply(new DraftEvent.Failed("upstream_timeout", true, "model timed out"));
    assertThat(review.phase()).isEqualTo(MutableDraftReview.Phase.FAILED);
    assertThat(review.message())
        .isEqualTo("Drafting service unavailable \u2014 your dictation is kept (model timed out)");
    assertThat(review.canDecide(ItemKey.section(SectionKind.FINDINGS))).isTrue();
    review.apply(new DraftEvent.SectionDone(SectionKind.IMPRESSION, "late", null));
    assertThat(review.section(SectionKind.IMPRESSION)).as("nothing after the end").isEmpty();
  }

  @Test
  void unavailableSaysSoWithoutAReasonWhenThereIsNone() {
    review.unavailable("");
    assertThat(review.phase()).isEqualTo(MutableDraftReview.Phase.UNAVAILABLE);
    assertThat(review.message())
        .isEqualTo("Drafting service unavailable \u2014 your dictation is kept");
  }

  @Test
  void codesArriveMostConfidentFirstAndAreApprovedOrRejectedWithUndo() {
    streamAll();
    assertThat(review.codes())
        .extracting(c -> c.code())
        .containsExactly("J93.9", "71250", "R91.1", "RID50149");
    ItemKey pneumothorax = ItemKey.code(review.codes().get(0));
    assertThat(pneumothorax.id()).isEqualTo("ICD-10-CM|J93.9");
    assertThat(review.accept(pneumothorax)).isTrue();
    assertThat(review.codes().get(0).state()).isEqualTo(ReviewState.ACCEPTED);
    assertThat(review.accept(pneumothorax)).as("decided once").isFalse();
    ItemKey radlex = ItemKey.code(review.codes().get(3));
    assertThat(review.reject(radlex)).isTrue();
    assertThat(decisions)
        .extracting(Decision::target, Decision::verb, Decision::itemId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Target.CODE, Verb.ACCEPT, "ICD-10-CM|J93.9"),
            org.assertj.core.groups.Tuple.tuple(Target.CODE, Verb.REJECT, "RadLex|RID50149"));
    assertThat(decisions.get(1).auditAction()).contains(AuditAction.CODE_REJECTED);
    assertThat(review.undo()).isTrue();
    assertThat(review.codes().get(3).state()).isEqualTo(ReviewState.PENDING);
  }

  @Test
  void aStreamedCodesUpdateKeepsTheCodesAlreadyDecided() {
    review.start(TemplateSpec.DEFAULT.sections());
    review.apply(Fixtures.draftEvents().get(0));
    review.apply(new DraftEvent.Codes(Fixtures.codes()));
    ItemKey first = ItemKey.code(Fixtures.codes().get(0));
    assertThat(review.accept(first)).isTrue();
    review.apply(new DraftEvent.Codes(Fixtures.codes()));
    assertThat(review.codes().get(0).state()).isEqualTo(ReviewState.ACCEPTED);
    review.start(TemplateSpec.DEFAULT.sections());
    assertThat(review.codes()).as("a new draft starts afresh").isEmpty();
  }

  @Test
  void shadowKeepsTheDraftButNothingCanBeDecided() {
    streamAll();
    review.setAiShown(false);
    assertThat(review.sections()).isNotEmpty();
    assertThat(review.canDecide(ItemKey.section(SectionKind.FINDINGS))).isFalse();
    assertThat(review.accept(ItemKey.section(SectionKind.FINDINGS))).isFalse();
    assertThat(review.edit(SectionKind.FINDINGS, "x")).isFalse();
    assertThat(review.reject(ItemKey.code(review.codes().get(0)))).isFalse();
    assertThat(decisions).isEmpty();
  }

  @Test
  void anApprovalCheckRefusesAcceptAndEditButNotReject() {
    streamAll();
    List<ItemKey> asked = new ArrayList<>();
    review.setApprovalCheck(
        k -> {
          asked.add(k);
          return java.util.Optional.of("Refused");
        });
    assertThat(review.accept(ItemKey.section(SectionKind.FINDINGS))).isFalse();
    assertThat(review.edit(SectionKind.FINDINGS, "mine")).isFalse();
    assertThat(review.accept(ItemKey.impression("imp-2"))).isFalse();
    assertThat(review.reject(ItemKey.section(SectionKind.COMPARISON))).isTrue();
    assertThat(asked).hasSize(3);
    assertThat(decisions).extracting(Decision::verb).containsExactly(Verb.REJECT);
  }

  @Test
  void reviewFlagsJoinTheDraftsFlagsAndAutoPopulatedFieldsAreNamed() {
    streamAll();
    var extra =
        org.radassist.model.Flag.of(
            org.radassist.model.FlagType.DOUBLE_READ,
            org.radassist.model.Severity.WARNING,
            "a second reader should confirm it",
            List.of());
    review.setReviewFlags(List.of(extra));
    assertThat(review.flags()).hasSize(Fixtures.flags().size() + 1).endsWith(extra);
    review.setAutoPopulated(List.of(Fixtures.fields().get(1)));
    assertThat(review.isAutoPopulated(ItemKey.field(Fixtures.fields().get(1)))).isTrue();
    assertThat(review.isAutoPopulated(ItemKey.field(Fixtures.fields().get(0)))).isFalse();
    assertThat(review.autoPopulatedFields()).containsExactly(Fixtures.fields().get(1));
  }

  @Test
  void lowConfidenceIsCountedAndShownOnItsItemNotListedAmongTheFlags() {
    streamAll();
    var low =
        org.radassist.model.Flag.of(
            org.radassist.model.FlagType.LOW_CONFIDENCE,
            org.radassist.model.Severity.WARNING,
            "Differential \"Hamartoma\": confidence 0.10 is below the review threshold 0.50",
            List.of());
    review.setReviewFlags(List.of(low, low));
    assertThat(review.flags()).hasSize(Fixtures.flags().size()).doesNotContain(low);
    assertThat(review.lowConfidenceCount()).isEqualTo(2);
    assertThat(review.reviewFlags()).containsExactly(low, low);
  }
}
