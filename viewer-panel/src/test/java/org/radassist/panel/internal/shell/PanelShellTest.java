package org.radassist.panel.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.audit.AuditTrail;
import org.radassist.audit.internal.FileAuditTrail;
import org.radassist.governance.RolloutMode;
import org.radassist.host.LoadedInstance;
import org.radassist.panel.RadAssistPanels;
import org.radassist.panel.SrDocumentReaders;
import org.radassist.panel.internal.PanelTool;
import org.radassist.panel.internal.model.MutablePanelState;
import org.radassist.panel.testing.Fixtures;
import org.radassist.panel.testing.ScriptedDraftingService;
import org.radassist.panel.testing.TestGovernance;
import org.radassist.panel.testing.TestHost;

/**
 * The radassist shell commands drive a real tool as the radiologist would: the Findings tab's rows
 * read from a real SR of shared/data, a dictation drafted by a scripted service, a section
 * accepted, the draft approved through the governance gate (audited), a finding's image opened.
 */
class PanelShellTest {
  static final Path SHARED = Path.of(System.getProperty("radassist.shared", "/work/shared"));
  static final Path GOOD_SR =
      SHARED.resolve("data/dicom/sr/highdicom_sr_document_with_multiple_groups.dcm");

  @TempDir Path temp;
  private TestHost host;
  private AuditTrail trail;
  private PanelTool tool;
  private PanelShell shell;

  @BeforeEach
  void aToolOnTheStudyWithItsSr() throws Exception {
    host =
        new TestHost(
            Fixtures.study(),
            List.of(
                new LoadedInstance(
                    Fixtures.study().studyInstanceUid(),
                    "1.2.3",
                    "1.2.840.10008.5.1.4.1.1.88.34",
                    Fixtures.SR_UID,
                    "SR",
                    GOOD_SR.toUri()),
                new LoadedInstance(
                    Fixtures.study().studyInstanceUid(),
                    "1.2.4",
                    "1.2.840.10008.5.1.4.1.1.2",
                    "1.2.4.1",
                    "CT",
                    URI.create("file:/ct/1.dcm"))));
    trail = new FileAuditTrail(temp.resolve("audit"), 1 << 20);
    AuditTrail audit = trail;
    tool =
        PanelTool.of(
            onEdt(
                () ->
                    RadAssistPanels.builder(host)
                        .drafting(new ScriptedDraftingService(Fixtures.draftEvents(), 0))
                        .srReader(SrDocumentReaders.srImporter())
                        .governance(
                            () -> Optional.of(new TestGovernance(RolloutMode.ASSISTIVE, audit)))
                        .build()));
    shell = new PanelShell(() -> List.of(tool), Duration.ofSeconds(20));
    long deadline = System.currentTimeMillis() + 20_000;
    while (onEdt(() -> tool.state().srLoad()) != MutablePanelState.Load.DONE
        || !onEdt(() -> tool.state().governed())) {
      assertThat(System.currentTimeMillis())
          .as("SR read and governance loaded")
          .isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  @AfterEach
  void closeTheTool() throws Exception {
    onEdt(
        () -> {
          tool.dispose();
          return null;
        });
  }

  @Test
  void findingsListsTheSrFindingsNumberedWithAlgorithmAndConfidence() {
    String findings = shell.findings();

    // the real highdicom SR of shared/data: four measurement groups, no algorithm or confidence
    assertThat(findings.lines())
        .hasSize(4)
        .contains(
            "2. Nodule (LungNodule0001) | Lung | Diameter 10 mm | algorithm not identified"
                + " | confidence not given | image | Imaging Measurement Report");
  }

  @Test
  void dictateStreamsTheDraftAndAcceptAcceptsTheSection() {
    String draft = shell.dictate(Fixtures.DICTATION);

    assertThat(draft).startsWith("Draft COMPLETE: ").contains("FINDINGS PENDING");
    assertThat(shell.accept("findings")).isEqualTo("FINDINGS accepted (ACCEPTED)");
    assertThat(shell.accept("FINDINGS")).startsWith("accept: FINDINGS cannot be accepted now");
    assertThat(shell.toolStatus()).contains("FINDINGS=ACCEPTED").contains("rollout ASSISTIVE");
  }

  @Test
  void approveGoesThroughTheGovernanceGateAndIsAudited() throws Exception {
    shell.dictate(Fixtures.DICTATION);
    shell.accept("impression");
    long before = trail.head().map(r -> r.seq()).orElse(0L);

    String approved = shell.approve();

    assertThat(approved).startsWith("Draft approved");
    assertThat(trail.head().orElseThrow().seq()).isGreaterThan(before);
  }

  @Test
  void openFindingPressesShowOnImageAndReportsTheViewersAnswer() {
    String answer = shell.openFinding("1");

    assertThat(host.opened).hasSize(1);
    assertThat(answer).startsWith("Image opened");
  }

  @Test
  void srPrintsTheTreeAsTheSrTabShowsItAndShowsThatTab() throws Exception {
    String sr = shell.sr();

    assertThat(sr).startsWith("SR ");
    // concept meanings with values and units, as a person reads them; no coded dump
    assertThat(sr).contains("Imaging Measurement Report").containsPattern(": [0-9.]+ mm");
    assertThat(sr).doesNotContain("CONTAINER:(").doesNotContain("(126000,DCM");
    assertThat(onEdt(() -> tool.state().srEntries())).isNotEmpty();
    assertThat(shell.tab("nonsense")).startsWith("tab: no tab 'nonsense': one of Findings");
    assertThat(shell.tab("draft")).isEqualTo("tab: Draft");
  }

  @Test
  void badInputIsNamedWithTheReason() {
    assertThat(shell.accept("nonsense"))
        .startsWith("accept: unknown section 'nonsense': one of CLINICAL_HISTORY");
    assertThat(shell.openFinding("x")).contains("'x' is not a finding number");
    assertThat(shell.openFinding("99")).startsWith("open-finding: no finding 99 (there are");
    assertThat(shell.dictate(" ")).startsWith("dictate: no text given");
    assertThat(host.opened).isEmpty();
  }

  @Test
  void withoutAnOpenToolEveryCommandSaysSo() {
    PanelShell none = new PanelShell(List::of, Duration.ofSeconds(1));

    assertThat(none.findings()).startsWith("The RadAssist tool is not open");
    assertThat(none.approve()).startsWith("The RadAssist tool is not open");
    assertThat(none.sr()).startsWith("The RadAssist tool is not open");
  }

  private static <T> T onEdt(Callable<T> work) throws Exception {
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Exception> failure = new AtomicReference<>();
    SwingUtilities.invokeAndWait(
        () -> {
          try {
            result.set(work.call());
          } catch (Exception e) {
            failure.set(e);
          }
        });
    if (failure.get() != null) {
      throw failure.get();
    }
    return result.get();
  }
}
