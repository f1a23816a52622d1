package org.radassist.panel.visual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.radassist.panel.testing.Headless.awaitOnEdt;
import static org.radassist.panel.testing.Headless.onEdt;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.swing.AbstractButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JTextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.audit.AuditRecord;
import org.radassist.audit.AuditTrail;
import org.radassist.audit.internal.FileAuditTrail;
import org.radassist.drafting.DraftEvent;
import org.radassist.model.AuditAction;
import org.radassist.model.CriticalCategory;
import org.radassist.model.Flag;
import org.radassist.model.FlagType;
import org.radassist.model.SectionKind;
import org.radassist.model.Severity;
import org.radassist.panel.Decision;
import org.radassist.panel.RadAssistPanels;
import org.radassist.panel.internal.PanelTool;
import org.radassist.panel.internal.model.MutableDraftReview;
import org.radassist.panel.internal.shell.PanelShell;
import org.radassist.panel.internal.swing.Rendering;
import org.radassist.panel.testing.Fixtures;
import org.radassist.panel.testing.Headless;
import org.radassist.panel.testing.ScriptedDraftingService;
import org.radassist.panel.testing.TestHost;

/**
 * Recording that an actionable finding (ACR category 3) was communicated, from the Flags tab: the
 * radiologist opens the same who / when / how fields as the critical banner, records them, and the
 * card, the report's Communication section and the audit trail say so. No banner, sign-off not
 * held. Headless, through the tool's own buttons and fields.
 */
class ActionableFindingCommunicationTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T10:15:00Z"), ZoneOffset.UTC);
  static final Flag RENAL =
      new Flag(
          FlagType.ACTIONABLE_FINDING,
          Severity.WARNING,
          "Actionable finding (ACR category 3): solid renal mass.",
          List.of(),
          CriticalCategory.CATEGORY_3,
          List.of("who", "when", "how"));

  @TempDir Path temp;
  // listeners are told on the tool's background thread, after the audit record is written
  private final List<Decision> decisions = new java.util.concurrent.CopyOnWriteArrayList<>();
  private PanelTool tool;
  private AuditTrail trail;

  @AfterEach
  void tearDown() throws Exception {
    if (tool != null) {
      onEdt(tool::dispose); // on the EDT: returns at once; the queued audit writes go on
    }
  }

  /** A draft whose flags are {@code flags}, streamed into a tool with a real audit trail. */
  private void draftWith(List<Flag> flags) throws Exception {
    List<DraftEvent> events = new ArrayList<>();
    for (DraftEvent e : Fixtures.draftEvents()) {
      events.add(e instanceof DraftEvent.Flags ? new DraftEvent.Flags(flags) : e);
    }
    trail = new FileAuditTrail(temp.resolve("audit"), 1 << 20);
    TestHost host = new TestHost(Fixtures.study(), List.of());
    tool =
        PanelTool.of(
            onEdt(
                () ->
                    RadAssistPanels.builder(host)
                        .drafting(new ScriptedDraftingService(events, 0))
                        .auditTrail(() -> Optional.of(trail))
                        .decisionListener(decisions::add)
                        .clock(CLOCK)
                        .build()));
    onEdt(
        () -> {
          tool.setDictation(Fixtures.DICTATION);
          tool.requestDraft();
        });
    awaitOnEdt(() -> tool.state().review().phase() == MutableDraftReview.Phase.COMPLETE, 10_000);
    onEdt(() -> assertThat(tool.selectTab("Flags")).isTrue());
    onEdt(() -> {});
  }

  private AbstractButton button(String text) throws Exception {
    return onEdt(
        () ->
            Headless.find(tool.component(), AbstractButton.class).stream()
                .filter(b -> text.equals(b.getText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no button on screen: " + text)));
  }

  private boolean buttonShown(String text) throws Exception {
    return onEdt(
        () ->
            Headless.find(tool.component(), AbstractButton.class).stream()
                .anyMatch(b -> text.equals(b.getText())));
  }

  private JTextField field(String accessibleName) throws Exception {
    return onEdt(() -> fieldOnEdt(accessibleName));
  }

  private JTextField fieldOnEdt(String accessibleName) {
    return Headless.find(tool.component(), JTextField.class).stream()
        .filter(f -> accessibleName.equals(f.getAccessibleContext().getAccessibleName()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no field named " + accessibleName));
  }

  private void click(AbstractButton b) throws Exception {
    onEdt(() -> b.doClick(0));
    onEdt(() -> {}); // the refresh the click scheduled
  }

  private void type(String accessibleName, String text) throws Exception {
    JTextField f = field(accessibleName);
    onEdt(() -> f.setText(text));
    onEdt(() -> {});
  }

  private String flagsTabText() throws Exception {
    return onEdt(
        () -> {
          JComponent c = tool.component();
          Rendering.layout(c, 420, 900);
          return String.join("\n", Headless.texts(c));
        });
  }

  private List<AuditRecord> communicated(AuditAction action) throws Exception {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (true) {
      List<AuditRecord> hits =
          trail.readAll().stream().filter(r -> r.event().action() == action).toList();
      if (!hits.isEmpty() || System.nanoTime() > deadline) {
        return hits;
      }
      Thread.sleep(20);
    }
  }

  @Test
  void anActionableFindingIsRecordedFromTheFlagsTabWithTheBannersWhoWhenHowAndNoBanner()
      throws Exception {
    draftWith(List.of(RENAL));
    assertThat(onEdt(() -> tool.state().criticalBannerVisible())).as("no banner").isFalse();
    assertThat(onEdt(() -> tool.state().actionableUnresolved())).isTrue();
    assertThat(flagsTabText())
        .contains("1 actionable finding to communicate: " + RENAL.message())
        .contains("sign-off is not held")
        .contains("Communication not recorded yet.");

    AbstractButton open = button("Record communication\u2026");
    assertThat(onEdt(open::isFocusable)).as("reachable by keyboard").isTrue();
    assertThat(onEdt(() -> open.getAccessibleContext().getAccessibleName()))
        .isEqualTo("Record communication of the actionable findings");
    assertThat(buttonShown("Record communication")).as("the fields open on demand").isFalse();
    click(open);

    AbstractButton record = button("Record communication");
    assertThat(onEdt(record::isEnabled)).as("nothing typed yet").isFalse();
    assertThat(flagsTabText()).contains("Still needed: who, when, how");
    type("Actionable finding: communicated to (who)", "Dr. Chen (urologist)");
    click(button("Now"));
    assertThat(onEdt(() -> fieldOnEdt("Actionable finding: communicated at (when)").getText()))
        .isEqualTo("2026-11-20 10:15");
    assertThat(onEdt(record::isEnabled)).as("how is still blank").isFalse();
    type("Actionable finding: communicated by (how)", "phone");
    assertThat(onEdt(record::isEnabled)).isTrue();
    click(record);

    String sentence =
        RENAL.message()
            + " \u2014 communicated to Dr. Chen (urologist) at 2026-11-20 10:15 by phone.";
    assertThat(onEdt(() -> tool.state().review().section(SectionKind.COMMUNICATION).orElseThrow()))
        .satisfies(
            s -> {
              assertThat(s.text())
                  .as("as a critical communication is documented")
                  .isEqualTo(sentence);
              assertThat(s.state()).isEqualTo(org.radassist.model.ReviewState.ACCEPTED);
            });
    assertThat(onEdt(() -> tool.state().actionableUnresolved())).isFalse();
    assertThat(flagsTabText())
        .contains("Communicated to Dr. Chen (urologist) on 2026-11-20 10:15 by phone.")
        .doesNotContain("actionable finding to communicate")
        .doesNotContain("Communication not recorded yet.");
    assertThat(buttonShown("Record communication\u2026")).isFalse();

    List<AuditRecord> audited = communicated(AuditAction.ACTIONABLE_FINDING_COMMUNICATED);
    assertThat(audited).hasSize(1);
    assertThat(audited.get(0).event().details())
        .containsEntry("target", "actionable_finding")
        .containsEntry("verb", "communicate")
        .containsEntry("item", RENAL.message())
        .containsEntry("draft_id", "draft-7f3a");
    awaitOnEdt(
        () -> decisions.stream().anyMatch(x -> x.verb() == Decision.Verb.COMMUNICATE), 5_000);
    Decision d = decisions.get(decisions.size() - 1);
    assertThat(d.target()).isEqualTo(Decision.Target.ACTIONABLE_FINDING);
    assertThat(d.verb()).isEqualTo(Decision.Verb.COMMUNICATE);
    assertThat(d.itemId()).isEqualTo(RENAL.message());
    assertThat(d.text()).isEqualTo(sentence);
    assertThat(trail.readAll())
        .extracting(r -> r.event().action())
        .doesNotContain(AuditAction.CRITICAL_RESULT_COMMUNICATED);
  }

  @Test
  void withBothKindsTheBannerRecordsTheCriticalResultAndTheFlagsTabTheActionableFinding()
      throws Exception {
    List<Flag> flags = new ArrayList<>(Fixtures.flags()); // with a critical pneumothorax
    flags.add(RENAL);
    draftWith(flags);
    assertThat(onEdt(() -> tool.state().criticalUnresolved())).isTrue();

    // the banner's fields are the critical ones; they leave the actionable finding pending
    type("Communicated to (who)", "Dr. Park (ED)");
    type("Communicated at (when)", "2026-11-20 10:16");
    type("Communicated by (how)", "in person");
    click(button("Record communication"));
    assertThat(onEdt(() -> tool.state().criticalUnresolved())).isFalse();
    assertThat(onEdt(() -> tool.state().actionableUnresolved()))
        .as("the banner's record does not cover the actionable finding")
        .isTrue();
    assertThat(flagsTabText()).contains("1 actionable finding to communicate");

    click(button("Record communication\u2026"));
    assertThat(onEdt(() -> fieldOnEdt("Actionable finding: communicated to (who)").getText()))
        .as("the Flags tab's fields are its own, not the banner's")
        .isEmpty();
    type("Actionable finding: communicated to (who)", "Dr. Chen (urologist)");
    type("Actionable finding: communicated at (when)", "2026-11-21 09:00");
    type("Actionable finding: communicated by (how)", "secure message");
    List<AbstractButton> records =
        onEdt(
            () ->
                Headless.find(tool.component(), AbstractButton.class).stream()
                    .filter(b -> "Record communication".equals(b.getText()))
                    .toList());
    assertThat(records).as("the banner's form is folded away").hasSize(1);
    click(records.get(0));

    assertThat(
            onEdt(
                () ->
                    tool.state().review().section(SectionKind.COMMUNICATION).orElseThrow().text()))
        .isEqualTo(
            "New moderate right pneumothorax \u2014 communicated to Dr. Park (ED) at 2026-11-20"
                + " 10:16 by in person.\n"
                + RENAL.message()
                + " \u2014 communicated to Dr. Chen (urologist) at 2026-11-21 09:00 by secure"
                + " message.");
    assertThat(communicated(AuditAction.ACTIONABLE_FINDING_COMMUNICATED)).hasSize(1);
    assertThat(communicated(AuditAction.CRITICAL_RESULT_COMMUNICATED)).hasSize(1);
    awaitOnEdt(
        () -> decisions.stream().filter(x -> x.verb() == Decision.Verb.COMMUNICATE).count() == 2,
        5_000);
    assertThat(decisions)
        .filteredOn(d -> d.verb() == Decision.Verb.COMMUNICATE)
        .extracting(Decision::target)
        .containsExactly(Decision.Target.CRITICAL_RESULT, Decision.Target.ACTIONABLE_FINDING);
  }

  @Test
  void radassistStatusSaysWhatIsLeftToCommunicate() throws Exception {
    List<Flag> flags = new ArrayList<>(Fixtures.flags()); // 3 flags, one a critical result
    flags.add(RENAL);
    draftWith(flags);
    PanelShell shell = new PanelShell(() -> List.of(tool), Duration.ofSeconds(5));
    assertThat(shell.toolStatus())
        .contains(
            "\nflags 4, 1 critical result to communicate (banner), 1 actionable finding: 1 to"
                + " communicate (Flags tab; sign-off not held)");
    click(button("Record communication\u2026"));
    type("Actionable finding: communicated to (who)", "Dr. Chen");
    type("Actionable finding: communicated at (when)", "10:20");
    type("Actionable finding: communicated by (how)", "phone");
    onEdt(() -> assertThat(tool.state().recordActionableCommunication()).isEmpty());
    assertThat(shell.toolStatus())
        .contains(
            "\nflags 4, 1 critical result to communicate (banner), 1 actionable finding"
                + " communicated");
  }

  @Test
  void enterInAFieldRecordsOnceAllThreeAreFilled() throws Exception {
    draftWith(List.of(RENAL));
    click(button("Record communication\u2026"));
    type("Actionable finding: communicated to (who)", "Dr. Chen");
    type("Actionable finding: communicated at (when)", "10:20");
    JTextField how = field("Actionable finding: communicated by (how)");
    onEdt(how::postActionEvent); // Enter with "how" still blank
    assertThat(onEdt(() -> tool.state().actionableUnresolved())).as("not yet").isTrue();
    type("Actionable finding: communicated by (how)", "phone");
    onEdt(how::postActionEvent);
    onEdt(() -> {});
    assertThat(onEdt(() -> tool.state().actionableUnresolved())).isFalse();
    assertThat(flagsTabText()).contains("Communicated to Dr. Chen on 10:20 by phone.");
  }

  @Test
  void cancelFoldsTheFieldsAwayAndKeepsWhatWasTyped() throws Exception {
    draftWith(List.of(RENAL));
    click(button("Record communication\u2026"));
    type("Actionable finding: communicated to (who)", "Dr. Chen");
    click(button("Cancel"));
    assertThat(buttonShown("Record communication")).isFalse();
    assertThat(onEdt(() -> tool.state().actionableUnresolved())).isTrue();
    assertThat(decisions).noneMatch(d -> d.verb() == Decision.Verb.COMMUNICATE);
    click(button("Record communication\u2026"));
    assertThat(onEdt(() -> fieldOnEdt("Actionable finding: communicated to (who)").getText()))
        .isEqualTo("Dr. Chen");
  }

  @Test
  void theOpenFormRendersUnclippedInTheDockWithLabelsTiedToTheirFields() throws Exception {
    draftWith(List.of(RENAL));
    click(button("Record communication\u2026"));
    BufferedImage image =
        onEdt(
            () -> {
              JComponent c = tool.component();
              Rendering.layout(c, 420, 900);
              assertThat(Headless.clippedTexts(c)).isEmpty();
              return Rendering.render(c, 420, 900);
            });
    ImageIO.write(image, "png", Headless.pngDir().resolve("12-flags-actionable-form.png").toFile());
    JTextField who = field("Actionable finding: communicated to (who)");
    assertThat(
            onEdt(
                () ->
                    Headless.find(tool.component(), JLabel.class).stream()
                        .filter(l -> l.getLabelFor() == who)
                        .map(JLabel::getText)
                        .toList()))
        .containsExactly("Who");
  }
}
