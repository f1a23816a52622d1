package org.radassist.panel.internal.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.radassist.drafting.DraftEvent;
import org.radassist.drafting.TemplateSpec;
import org.radassist.governance.RolloutMode;
import org.radassist.model.CriticalCategory;
import org.radassist.model.Flag;
import org.radassist.model.FlagType;
import org.radassist.model.ReviewState;
import org.radassist.model.SectionKind;
import org.radassist.model.Severity;
import org.radassist.panel.Decision;
import org.radassist.panel.model.SrEntry;
import org.radassist.panel.testing.Fixtures;

class PanelStateTest {
  private final List<Decision> decisions = new ArrayList<>();
  private final AtomicInteger changes = new AtomicInteger();
  private MutablePanelState state;

  @BeforeEach
  void setUp() {
    state =
        new MutablePanelState(
            Clock.fixed(Instant.parse("2026-11-20T10:15:00Z"), ZoneOffset.UTC),
            () -> "dr.lee",
            decisions::add,
            0.5);
    state.addChangeListener(changes::incrementAndGet);
    state.studyOpened(Fixtures.study());
  }

  private void streamCriticalDraft() {
    state.review().start(TemplateSpec.DEFAULT.sections());
    Fixtures.draftEvents().forEach(state.review()::apply);
    state.changed();
  }

  @Test
  void theCriticalBannerShowsAsSoonAsACriticalFlagArrivesAndStaysUntilWhoWhenHowAreRecorded() {
    assertThat(state.criticalBannerVisible()).isFalse();
    streamCriticalDraft();
    assertThat(state.criticalBannerVisible()).isTrue();
    assertThat(state.criticalUnresolved()).isTrue();

    state.communication().setWho("Dr. Chen (ordering physician)");
    state.communication().setHow("phone");
    assertThat(state.recordCommunication()).containsExactly("when");
    assertThat(state.criticalUnresolved()).as("two of three fields are not enough").isTrue();
    state.communication().setWhen("   ");
    assertThat(state.recordCommunication()).as("blank is not filled").containsExactly("when");

    state.communication().setWhen("2026-11-20 10:20");
    assertThat(state.recordCommunication()).isEmpty();
    assertThat(state.criticalUnresolved()).isFalse();
    assertThat(state.criticalBannerVisible())
        .as("stays, resolved, while the flag is there")
        .isTrue();
    assertThat(state.review().section(SectionKind.COMMUNICATION).orElseThrow().text())
        .isEqualTo(
            "New moderate right pneumothorax \u2014 communicated to Dr. Chen (ordering physician) at 2026-11-20 10:20 by phone.");
    assertThat(state.review().section(SectionKind.COMMUNICATION).orElseThrow().state())
        .isEqualTo(ReviewState.ACCEPTED);
    Decision d = decisions.get(decisions.size() - 1);
    assertThat(d.verb()).isEqualTo(Decision.Verb.COMMUNICATE);
    assertThat(d.target()).isEqualTo(Decision.Target.CRITICAL_RESULT);
    assertThat(d.auditAction())
        .contains(org.radassist.model.AuditAction.CRITICAL_RESULT_COMMUNICATED);
    assertThat(state.review().finalReportText())
        .contains("COMMUNICATION:\nNew moderate right pneumothorax");
  }

  @Test
  void aNewCriticalFlagRaisesTheBannerAgain() {
    streamCriticalDraft();
    state.communication().setWho("Dr. Chen");
    state.communication().setWhen("10:20");
    state.communication().setHow("phone");
    state.recordCommunication();
    assertThat(state.criticalUnresolved()).isFalse();

    state.review().start(TemplateSpec.DEFAULT.sections());
    List<Flag> flags = new ArrayList<>(Fixtures.flags());
    flags.add(
        new Flag(
            FlagType.CRITICAL_RESULT,
            Severity.CRITICAL,
            "Acute segmental pulmonary embolism",
            List.of(),
            CriticalCategory.CATEGORY_1,
            List.of()));
    state.review().apply(new DraftEvent.Started("d2", null));
    state.review().apply(new DraftEvent.Flags(flags));
    assertThat(state.criticalUnresolved()).isTrue();
  }

  @Test
  void recordingWithoutACriticalFlagDoesNothing() {
    state.communication().setWho("a");
    state.communication().setWhen("b");
    state.communication().setHow("c");
    assertThat(state.recordCommunication()).isEmpty();
    assertThat(decisions).isEmpty();
    assertThat(state.review().section(SectionKind.COMMUNICATION)).isEmpty();
  }

  private static Flag actionable(String what) {
    return new Flag(
        FlagType.ACTIONABLE_FINDING,
        Severity.WARNING,
        "Actionable finding (ACR category 3): " + what + ".",
        List.of(),
        CriticalCategory.CATEGORY_3,
        List.of("who", "when", "how"));
  }

  private void draftWithFlags(String draftId, List<Flag> flags) {
    state.review().start(TemplateSpec.DEFAULT.sections());
    state.review().apply(new DraftEvent.Started(draftId, null));
    state.review().apply(new DraftEvent.Flags(flags));
    state.changed();
  }

  @Test
  void anActionableFindingIsRecordedLikeACriticalResultButRaisesNoBanner() {
    Flag renal = actionable("solid renal mass");
    draftWithFlags("d1", List.of(renal));
    assertThat(state.criticalBannerVisible()).isFalse();
    assertThat(state.actionableUnresolved()).isTrue();

    state.actionableCommunication().setWho("Dr. Chen (urologist)");
    state.actionableCommunication().setWhen("2026-11-20 10:20");
    assertThat(state.recordActionableCommunication()).containsExactly("how");
    assertThat(decisions).isEmpty();
    state.actionableCommunication().setHow("phone");
    assertThat(state.recordActionableCommunication()).isEmpty();

    assertThat(state.actionableUnresolved()).isFalse();
    assertThat(state.actionableCommunication().recorded(renal).orElseThrow().line())
        .isEqualTo("Communicated to Dr. Chen (urologist) on 2026-11-20 10:20 by phone");
    assertThat(state.review().section(SectionKind.COMMUNICATION).orElseThrow().text())
        .isEqualTo(
            "Actionable finding (ACR category 3): solid renal mass. \u2014 communicated to Dr. Chen"
                + " (urologist) at 2026-11-20 10:20 by phone.");
    Decision d = decisions.get(0);
    assertThat(d.target()).isEqualTo(Decision.Target.ACTIONABLE_FINDING);
    assertThat(d.verb()).isEqualTo(Decision.Verb.COMMUNICATE);
    assertThat(d.draftId()).isEqualTo("d1");
    assertThat(d.auditAction())
        .contains(org.radassist.model.AuditAction.ACTIONABLE_FINDING_COMMUNICATED);
    assertThat(state.recordActionableCommunication()).as("recorded once").isEmpty();
    assertThat(decisions).hasSize(1);
  }

  @Test
  void theBannersRecordCoversOnlyTheCriticalResultAndTheActionableRecordOnlyTheActionableOne() {
    List<Flag> flags = new ArrayList<>(Fixtures.flags());
    flags.add(actionable("BI-RADS 5 mass"));
    draftWithFlags("d1", flags);
    state.communication().setWho("Dr. Park");
    state.communication().setWhen("10:16");
    state.communication().setHow("in person");
    assertThat(state.recordCommunication()).isEmpty();
    assertThat(state.criticalUnresolved()).isFalse();
    assertThat(state.actionableUnresolved()).isTrue();
    assertThat(state.actionableCommunication().missingFields())
        .as("the banner's fields are not the actionable ones")
        .containsExactly("who", "when", "how");
    assertThat(state.recordActionableCommunication()).containsExactly("who", "when", "how");
    assertThat(decisions)
        .extracting(Decision::target)
        .containsExactly(Decision.Target.CRITICAL_RESULT);
  }

  @Test
  void aNewActionableFindingAfterARecordIsPendingAloneAndItsSentenceNamesOnlyIt() {
    Flag renal = actionable("solid renal mass");
    draftWithFlags("d1", List.of(renal));
    state.actionableCommunication().setWho("Dr. Chen");
    state.actionableCommunication().setWhen("10:20");
    state.actionableCommunication().setHow("phone");
    state.recordActionableCommunication();

    Flag lung = actionable("Lung-RADS 4B nodule");
    draftWithFlags("d2", List.of(renal, lung));
    assertThat(state.actionableUnresolved()).isTrue();
    assertThat(state.actionableCommunication().pending(state.review().actionableFlags()))
        .containsExactly(lung);
    state.actionableCommunication().setWho("Dr. Ito (pulmonology)");
    assertThat(state.recordActionableCommunication()).isEmpty();
    assertThat(decisions.get(1).text())
        .isEqualTo(
            "Actionable finding (ACR category 3): Lung-RADS 4B nodule. \u2014 communicated to Dr."
                + " Ito (pulmonology) at 10:20 by phone.");
    assertThat(state.actionableCommunication().recorded(renal).orElseThrow().who())
        .as("what was recorded for the first stays")
        .isEqualTo("Dr. Chen");
  }

  @Test
  void aNewStudyForgetsTheActionableCommunication() {
    Flag renal = actionable("solid renal mass");
    draftWithFlags("d1", List.of(renal));
    state.actionableCommunication().setWho("Dr. Chen");
    state.actionableCommunication().setWhen("10:20");
    state.actionableCommunication().setHow("phone");
    state.recordActionableCommunication();
    state.studyOpened(Fixtures.study());
    assertThat(state.actionableCommunication().who()).isEmpty();
    assertThat(state.actionableCommunication().recorded(renal)).isEmpty();
    assertThat(state.actionableUnresolved()).as("no flags now").isFalse();
  }

  @Test
  void inShadowRolloutNothingActionableIsShownNorRecorded() {
    draftWithFlags("d1", List.of(actionable("solid renal mass")));
    state.setRollout(RolloutMode.SHADOW, "");
    assertThat(state.actionableUnresolved()).isFalse();
    state.actionableCommunication().setWho("a");
    state.actionableCommunication().setWhen("b");
    state.actionableCommunication().setHow("c");
    assertThat(state.recordActionableCommunication()).isEmpty();
    assertThat(decisions).isEmpty();
    assertThat(state.review().section(SectionKind.COMMUNICATION)).isEmpty();
  }

  @Test
  void findingsFromEveryReadSrAreFormattedAndLowConfidenceIsMarked() {
    state.srLoading(
        List.of(SrEntry.loading(Fixtures.SR_UID, "sr.dcm"), SrEntry.loading("9.9", "broken.dcm")));
    assertThat(state.srLoad()).isEqualTo(MutablePanelState.Load.LOADING);
    state.srRead(new SrEntry(Fixtures.SR_UID, "sr.dcm", Fixtures.srDocument(), null));
    state.srRead(new SrEntry("9.9", "broken.dcm", null, "Could not be read: not a DICOM file"));
    assertThat(state.srLoad()).isEqualTo(MutablePanelState.Load.DONE);

    List<FindingRow> rows = state.findingRows();
    assertThat(rows)
        .extracting(FindingRow::title)
        .containsExactly("Nodule (LungNodule0001)", "Aorta (Aorta0001)", "Vertebra (Vertebra0001)");
    FindingRow nodule = rows.get(0);
    assertThat(nodule.site()).isEqualTo("Lung");
    assertThat(nodule.size()).isEqualTo("Diameter 10 mm");
    assertThat(nodule.algorithm()).isEqualTo("highdicom example 0.22.0");
    assertThat(nodule.confidence()).isEqualTo("92% confidence");
    assertThat(nodule.lowConfidence()).isFalse();
    assertThat(nodule.reference().orElseThrow().region()).isNotNull();
    assertThat(rows.get(1).site()).isEqualTo("site not given");
    assertThat(rows.get(2).size()).isEqualTo("Volume 200 mm\u00b3");
    assertThat(rows.get(2).lowConfidence()).isTrue();
    assertThat(state.srEntries().get(1).failure()).contains("Could not be read: not a DICOM file");
  }

  @Test
  void aStudyWithoutSrSaysSo() {
    state.srLoading(List.of());
    assertThat(state.srLoad()).isEqualTo(MutablePanelState.Load.DONE);
    assertThat(state.srMessage()).isEqualTo("No SR in this study");
    assertThat(state.findingRows()).isEmpty();
  }

  @Test
  void theDictationSurvivesADraftingFailureButNotANewStudy() {
    state.setDictation(Fixtures.DICTATION);
    state.review().unavailable("connection refused");
    assertThat(state.dictation()).isEqualTo(Fixtures.DICTATION);
    state.studyOpened(Fixtures.study());
    assertThat(state.dictation()).isEmpty();
    assertThat(state.review().phase()).isEqualTo(MutableDraftReview.Phase.IDLE);
  }

  @Test
  void everyMutatorTellsTheListeners() {
    int before = changes.get();
    state.setDictation("x");
    state.setNotice("Image opened");
    state.priorsLoading();
    state.priorsLoaded(Optional.of(Fixtures.priors()));
    assertThat(changes.get() - before).isEqualTo(4);
    state.setDictation("x");
    assertThat(changes.get() - before).as("no change, no notification").isEqualTo(4);
  }

  @Test
  void srEntryNeedsAnInstanceUid() {
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> SrEntry.loading(" ", "x"));
  }

  @Test
  void aNewStudyForgetsTheDictationOfOtherSourcesTheStatusAndTheRollout() {
    state.setSpeechHook(true);
    state.heard(
        new org.radassist.speech.DictationSegment(
            "loopback", "1.2.3", 1, true, "words of this patient"));
    state.setDictationStatus(
        new org.radassist.speech.SessionStatus(
            org.radassist.speech.SessionStatus.State.READY, "", 0));
    state.setRollout(RolloutMode.SHADOW, "");
    assertThat(state.review().aiShown()).isFalse();
    state.studyOpened(Fixtures.study());
    assertThat(state.speechHook()).isFalse();
    assertThat(state.dictationLines()).isEmpty();
    assertThat(state.dictationStatus()).isEmpty();
    assertThat(state.governed()).isFalse();
    assertThat(state.rollout()).isEqualTo(RolloutMode.ASSISTIVE);
    assertThat(state.review().aiShown()).isTrue();
  }

  @Test
  void eachRolloutModeSaysWhatItMeans() {
    state.rolloutPending();
    assertThat(state.review().aiShown()).isFalse();
    assertThat(state.governanceMessage()).isEqualTo("Checking the rollout mode\u2026");
    state.setRollout(RolloutMode.ASSISTIVE, "");
    assertThat(state.governanceMessage()).isEmpty();
    assertThat(state.review().aiShown()).isTrue();
    state.setRollout(RolloutMode.INTEGRATED, "");
    assertThat(state.governanceMessage())
        .isEqualTo(
            "Integrated mode: confident fields are shown filled in (auto-populated \u2014 not final"
                + " until accepted)");
    state.setRollout(RolloutMode.SHADOW, "");
    assertThat(state.governanceMessage())
        .isEqualTo("Shadow mode: drafts are made and logged, not shown");
    state.setRollout(RolloutMode.ASSISTIVE, "no rule for CT");
    assertThat(state.rollout()).as("fails closed").isEqualTo(RolloutMode.SHADOW);
    assertThat(state.review().aiShown()).isFalse();
  }
}
