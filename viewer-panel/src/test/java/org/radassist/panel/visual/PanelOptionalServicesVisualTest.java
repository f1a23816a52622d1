package org.radassist.panel.visual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.radassist.panel.testing.Headless.awaitOnEdt;
import static org.radassist.panel.testing.Headless.onEdt;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.swing.JButton;
import javax.swing.JComponent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.audit.AuditTrail;
import org.radassist.audit.internal.FileAuditTrail;
import org.radassist.drafting.DraftEvent;
import org.radassist.governance.Governance;
import org.radassist.governance.RolloutMode;
import org.radassist.host.Role;
import org.radassist.host.UserIdentity;
import org.radassist.model.AuditAction;
import org.radassist.model.AuditEvent;
import org.radassist.model.ReviewState;
import org.radassist.model.SectionKind;
import org.radassist.panel.RadAssistPanels;
import org.radassist.panel.internal.PanelTool;
import org.radassist.panel.internal.model.ItemKey;
import org.radassist.panel.internal.model.MutableDraftReview;
import org.radassist.panel.internal.model.MutablePanelState;
import org.radassist.panel.internal.swing.Rendering;
import org.radassist.panel.testing.Fixtures;
import org.radassist.panel.testing.Headless;
import org.radassist.panel.testing.RecordingSpeechHook;
import org.radassist.panel.testing.ScriptedDraftingService;
import org.radassist.panel.testing.TestGovernance;
import org.radassist.panel.testing.TestHost;
import org.radassist.speech.SessionStatus;
import org.radassist.speech.SpeechHook;

/**
 * The tool with the optional services plugged in (speech hook, governance, audit trail), rendered
 * headless at the side dock's size: what the radiologist must see is on screen and nothing is cut
 * off.
 */
class PanelOptionalServicesVisualTest {
  @TempDir Path temp;
  private PanelTool tool;
  private final TestHost host = new TestHost(Fixtures.study(), List.of());

  @AfterEach
  void tearDown() throws Exception {
    if (tool != null) {
      onEdt(tool::dispose);
    }
  }

  private void build(RadAssistPanels.Builder builder) throws Exception {
    Headless.lookAndFeel(true);
    tool = PanelTool.of(onEdt(() -> builder.clock(PanelVisualTest.CLOCK).build()));
  }

  private MutablePanelState state() {
    return tool.state();
  }

  private void draft() throws Exception {
    awaitOnEdt(() -> state().study().isPresent(), 5_000);
    onEdt(
        () -> {
          tool.setDictation(Fixtures.DICTATION);
          tool.requestDraft();
        });
    awaitOnEdt(() -> state().review().phase() == MutableDraftReview.Phase.COMPLETE, 10_000);
  }

  private JComponent render(String tab, String file) throws Exception {
    return onEdt(
        () -> {
          assertThat(tool.selectTab(tab)).isTrue();
          tool.refresh();
          JComponent c = tool.component();
          Rendering.layout(c, PanelVisualTest.WIDTH, PanelVisualTest.HEIGHT);
          assertThat(Headless.clippedTexts(c)).as("clipped text in " + tab).isEmpty();
          ImageIO.write(
              Rendering.render(c, PanelVisualTest.WIDTH, PanelVisualTest.HEIGHT),
              "png",
              Headless.pngDir().resolve(file).toFile());
          return c;
        });
  }

  private AuditTrail trail() throws Exception {
    return new FileAuditTrail(temp.resolve("audit"), 1 << 20);
  }

  private static Optional<Governance> governance(RolloutMode mode, AuditTrail trail) {
    return Optional.of(new TestGovernance(mode, trail));
  }

  @Test
  void withTheSpeechHookTheDraftTabShowsOtherSourcesAndTheSessionStatus() throws Exception {
    RecordingSpeechHook hook = new RecordingSpeechHook(Fixtures.draftEvents(), null);
    Optional<SpeechHook> present = Optional.of(hook);
    build(RadAssistPanels.builder(host).speechHook(() -> present));
    awaitOnEdt(() -> !hook.opened.isEmpty() && state().speechHook(), 5_000);
    hook.last().segment("loopback", 1, true, "Small left pleural effusion.");
    hook.last().segment("loopback", 2, false, "no rib frac");
    draft();
    hook.last().status(SessionStatus.State.UNAVAILABLE, "drafting service unreachable", 2);
    awaitOnEdt(
        () -> state().dictationStatus().orElseThrow().state() == SessionStatus.State.UNAVAILABLE,
        5_000);
    JComponent c = render("Draft", "21-draft-speech-hook.png");
    onEdt(
        () ->
            assertThat(Headless.texts(c))
                .contains(
                    "Dictated via loopback: Small left pleural effusion. no rib frac \u2026",
                    "Dictation: drafting service unavailable \u2014 drafting service unreachable"
                        + " \u00b7 2 dictation items kept, will be sent again"));
    assertThat(hook.last().typed).containsExactly("final:" + Fixtures.DICTATION);
  }

  @Test
  void shadowModeShowsTheShadowMessageAndNoAiContentOnAnyTab() throws Exception {
    ScriptedDraftingService drafting = new ScriptedDraftingService(Fixtures.draftEvents(), 0);
    AuditTrail trail = trail();
    build(
        RadAssistPanels.builder(host)
            .drafting(drafting)
            .governance(() -> governance(RolloutMode.SHADOW, trail)));
    awaitOnEdt(() -> state().governed() && !state().governanceMessage().startsWith("Check"), 5_000);
    draft();
    assertThat(drafting.requests).as("still drafted, for the log").hasSize(1);
    for (String tab : List.of("Draft", "Impressions", "Fields", "Codes", "Flags")) {
      JComponent c = render(tab, "22-shadow-" + tab.toLowerCase(java.util.Locale.ROOT) + ".png");
      onEdt(
          () -> {
            assertThat(Headless.texts(c)).contains(MutablePanelState.SHADOW_MESSAGE);
            assertThat(Headless.visibleLabelTexts(c))
                .noneMatch(t -> t.contains("not final"))
                .doesNotContain("CRITICAL RESULT");
            assertThat(Headless.texts(c)).doesNotContain(Fixtures.FINDINGS_TEXT);
          });
    }
  }

  @Test
  void integratedModeShowsTheAutoPopulatedFieldMarkedNotFinal() throws Exception {
    List<DraftEvent> events = new ArrayList<>();
    for (DraftEvent e : Fixtures.draftEvents()) {
      if (e instanceof DraftEvent.Flags) {
        events.add(new DraftEvent.Flags(List.of(Fixtures.flags().get(0))));
      } else if (e instanceof DraftEvent.StructuredFields f) {
        events.add(new DraftEvent.StructuredFields(f.items().subList(1, 3)));
      } else {
        events.add(e);
      }
    }
    AuditTrail trail = trail();
    build(
        RadAssistPanels.builder(host)
            .drafting(new ScriptedDraftingService(events, 0))
            .governance(() -> governance(RolloutMode.INTEGRATED, trail)));
    awaitOnEdt(() -> state().review().aiShown(), 5_000);
    draft();
    awaitOnEdt(() -> !state().review().autoPopulatedFields().isEmpty(), 5_000);
    JComponent fields = render("Fields", "23-fields-integrated.png");
    onEdt(
        () ->
            assertThat(Headless.texts(fields))
                .contains("Auto-populated \u2014 not final until accepted"));
    JComponent draftTab = render("Draft", "23b-draft-integrated.png");
    onEdt(
        () ->
            assertThat(Headless.texts(draftTab))
                .contains(
                    "Auto-populated fields \u2014 not final until accepted (Fields tab)",
                    "\u2022 Lung-RADS category: 3")
                .anyMatch(t -> t.startsWith("Integrated mode: ")));
    JComponent flags = render("Flags", "23c-flags-review-policy.png");
    onEdt(
        () -> {
          // low confidence is counted and shown on the item, never a flag of its own
          assertThat(Headless.texts(flags))
              .noneMatch(t -> t.startsWith("Code RID50149 pulmonary nodule: confidence 0.55"));
          assertThat(state().review().lowConfidenceCount()).isPositive();
        });
  }

  @Test
  void aDraftThatDoesNotSayWhatWasDictatedIsNeverShownAsAClean() throws Exception {
    List<DraftEvent> events = new ArrayList<>(Fixtures.draftEvents());
    events.add(
        events.size() - 1,
        new DraftEvent.Flags(
            List.of(
                org.radassist.model.Flag.of(
                    org.radassist.model.FlagType.OMITTED_FINDING,
                    org.radassist.model.Severity.WARNING,
                    "Dictated \"8 mm solid nodule right upper lobe\" is in no section",
                    List.of()))));
    build(RadAssistPanels.builder(host).drafting(new ScriptedDraftingService(events, 0)));
    draft();
    JComponent c = render("Draft", "27-draft-unfaithful.png");
    onEdt(
        () -> {
          assertThat(Headless.texts(c))
              .anyMatch(t -> t.startsWith("This draft does not say what was dictated (1 finding"));
          assertThat(Headless.find(c, javax.swing.JProgressBar.class))
              .extracting(javax.swing.JProgressBar::getString)
              .contains("Draft complete \u00b7 see the warning");
        });
  }

  @Test
  void everyDecisionIsAuditedByTheToolItselfWithNoListenerOfTheHosts() throws Exception {
    AuditTrail trail = trail();
    build(
        RadAssistPanels.builder(host)
            .drafting(new ScriptedDraftingService(Fixtures.draftEvents(), 0))
            .auditTrail(() -> Optional.of(trail)));
    draft();
    String draftId = onEdt(() -> state().review().draftId());
    onEdt(
        () -> {
          state().review().accept(ItemKey.section(SectionKind.FINDINGS));
          state().review().edit(SectionKind.IMPRESSION, "Right upper lobe nodule.");
          state().review().reject(ItemKey.section(SectionKind.COMPARISON));
          state().review().undo();
          state().changed();
        });
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (trail.readAll().size() < 4 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(trail.readAll())
        .extracting(r -> r.event().action())
        .containsExactly(
            AuditAction.SECTION_ACCEPTED,
            AuditAction.SECTION_EDITED,
            AuditAction.SECTION_REJECTED,
            AuditAction.SECTION_REJECTED);
    assertThat(trail.readAll())
        .allSatisfy(
            r -> {
              assertThat(r.event().details()).containsEntry("draft_id", draftId);
              assertThat(r.event().details()).containsEntry("modality", "CT");
            });
    assertThat(trail.readAll().get(1).event().details()).containsKey("diff");
    assertThat(trail.readAll().get(3).event().details()).containsEntry("verb", "undo");
  }

  @Test
  void aResidentsAcceptIsRefusedWithAVisibleMessageAndTheRefusalIsAudited() throws Exception {
    host.user = new UserIdentity("dr.res", "Dr. R. Esident", Set.of(Role.RESIDENT));
    AuditTrail trail = trail();
    build(
        RadAssistPanels.builder(host)
            .drafting(new ScriptedDraftingService(Fixtures.draftEvents(), 0))
            .governance(() -> governance(RolloutMode.ASSISTIVE, trail)));
    awaitOnEdt(() -> state().review().aiShown(), 5_000);
    draft();
    onEdt(
        () -> {
          tool.selectTab("Draft");
          tool.refresh();
          Rendering.layout(tool.component(), PanelVisualTest.WIDTH, PanelVisualTest.HEIGHT);
          JButton accept =
              Headless.find(tool.component(), JButton.class).stream()
                  .filter(b -> b.getText().equals("Accept") && b.isEnabled())
                  .findFirst()
                  .orElseThrow();
          accept.doClick();
        });
    awaitOnEdt(() -> state().notice().contains("only a radiologist may approve a draft"), 5_000);
    JComponent c = render("Draft", "24-draft-refused-resident.png");
    onEdt(
        () -> {
          assertThat(Headless.texts(c)).anyMatch(t -> t.startsWith("Refused: only a radiologist"));
          assertThat(state().review().sections()).allMatch(s -> s.state() == ReviewState.PENDING);
        });
    assertThat(trail.readAll())
        .extracting(r -> r.event().action())
        .contains(AuditAction.ACTION_REFUSED);
  }

  @Test
  void theCodesTabApprovesThroughTheGateAndTheMetricsTabReadsTheTrail() throws Exception {
    AuditTrail trail = trail();
    trail.append(
        new AuditEvent(
            Instant.parse("2026-11-19T09:00:00Z"),
            AuditAction.DRAFT_REQUESTED,
            "t0",
            "dr.lee",
            "s0",
            null,
            null,
            null,
            null,
            Map.of("modality", "CT")));
    trail.append(
        new AuditEvent(
            Instant.parse("2026-11-19T09:03:10Z"),
            AuditAction.SECTION_ACCEPTED,
            "t0",
            "dr.lee",
            "s0",
            null,
            null,
            null,
            null,
            Map.of("item", "FINDINGS", "target", "section")));
    trail.append(
        new AuditEvent(
            Instant.parse("2026-11-19T09:06:40Z"),
            AuditAction.REPORT_SIGNED,
            "t0",
            "dr.lee",
            "s0",
            null,
            null,
            null,
            null,
            Map.of()));
    Optional<AuditTrail> present = Optional.of(trail);
    build(
        RadAssistPanels.builder(host)
            .drafting(new ScriptedDraftingService(Fixtures.draftEvents(), 0))
            .governance(() -> governance(RolloutMode.ASSISTIVE, trail))
            .auditTrail(() -> present));
    awaitOnEdt(() -> state().review().aiShown(), 5_000);
    draft();
    onEdt(
        () -> {
          tool.selectTab("Codes");
          tool.refresh();
          Rendering.layout(tool.component(), PanelVisualTest.WIDTH, PanelVisualTest.HEIGHT);
          Headless.find(tool.component(), JButton.class).stream()
              .filter(b -> b.getText().equals("Approve") && b.isEnabled())
              .findFirst()
              .orElseThrow()
              .doClick();
        });
    awaitOnEdt(() -> state().review().codes().get(0).state() == ReviewState.ACCEPTED, 5_000);
    JComponent codes = render("Codes", "25-codes.png");
    onEdt(
        () ->
            assertThat(Headless.visibleLabelTexts(codes))
                .contains("Approved", "AI code \u2014 not final"));
    assertThat(trail.readAll())
        .extracting(r -> r.event().action())
        .contains(AuditAction.CODE_APPROVED);

    onEdt(() -> {}); // metrics were read at the study's opening
    awaitOnEdt(() -> state().metricsLoad() == MutablePanelState.Load.DONE, 5_000);
    JComponent metrics = render("Metrics", "26-metrics.png");
    onEdt(
        () ->
            assertThat(Headless.texts(metrics))
                .contains(
                    "Adoption rate: 100% (1 of 1 decisions)",
                    "Time to report (median): 6 min 40 s \u00b7 1 signed"));
  }
}
