package org.radassist.panel.visual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.radassist.panel.testing.Headless.awaitOnEdt;
import static org.radassist.panel.testing.Headless.onEdt;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.swing.JComponent;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.radassist.host.LoadedInstance;
import org.radassist.model.SectionKind;
import org.radassist.panel.Decision;
import org.radassist.panel.RadAssistPanels;
import org.radassist.panel.SrDocumentReader;
import org.radassist.panel.SrDocumentReaders;
import org.radassist.panel.internal.PanelTool;
import org.radassist.panel.internal.model.ItemKey;
import org.radassist.panel.internal.model.MutableDraftReview;
import org.radassist.panel.internal.model.MutablePanelState;
import org.radassist.panel.internal.swing.Rendering;
import org.radassist.panel.testing.Fixtures;
import org.radassist.panel.testing.Headless;
import org.radassist.panel.testing.ScriptedDraftingService;
import org.radassist.panel.testing.TestHost;

/**
 * Renders every tab of the tool with no display, at the size of a viewer's side dock (420 x 900),
 * with a real case in it, and checks what a radiologist would: nothing cut off, the critical banner
 * red at the top, AI text marked as not final. The PNGs stay in target/panel-png for a human look.
 */
class PanelVisualTest {
  static final int WIDTH = 420;
  static final int HEIGHT = 900;
  static final Path SHARED = Path.of(System.getProperty("radassist.shared", "/work/shared"));
  static final Path GOOD_SR =
      SHARED.resolve("data/dicom/sr/highdicom_sr_document_with_multiple_groups.dcm");
  static final Path BAD_SR = SHARED.resolve("data/dicom/nasty/dwv_dwv034_sr-ruler.dcm");
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T10:15:00Z"), ZoneOffset.UTC);

  @org.junit.jupiter.api.io.TempDir Path temp;
  private final List<Decision> decisions = new ArrayList<>();
  private PanelTool tool;

  @AfterEach
  void tearDown() throws Exception {
    if (tool != null) {
      onEdt(tool::dispose);
    }
  }

  static LoadedInstance sr(String uid, Path file) {
    return new LoadedInstance(
        Fixtures.study().studyInstanceUid(),
        "1.2.3",
        "1.2.840.10008.5.1.4.1.1.88.34",
        uid,
        "SR",
        file.toUri());
  }

  static LoadedInstance ct() {
    return new LoadedInstance(
        Fixtures.study().studyInstanceUid(),
        "1.2.4",
        "1.2.840.10008.5.1.4.1.1.2",
        "1.2.4.1",
        "CT",
        URI.create("file:/ct/1.dcm"));
  }

  /** RadAssist's SR importer reading the real files of shared/data. */
  static final SrDocumentReader READER = SrDocumentReaders.srImporter();

  private PanelTool build(RadAssistPanels.Builder builder) throws Exception {
    tool = PanelTool.of(onEdt(() -> builder.decisionListener(decisions::add).clock(CLOCK).build()));
    return tool;
  }

  private MutablePanelState state() {
    return tool.state();
  }

  /** The whole case: SRs read (one broken), priors, a streamed draft with a critical result. */
  private void fullCase(boolean dark) throws Exception {
    Headless.lookAndFeel(dark);
    TestHost host =
        new TestHost(
            Fixtures.study(),
            List.of(
                ct(),
                sr(Fixtures.SR_UID, GOOD_SR),
                sr("2.25.98", BAD_SR),
                sr("2.25.99", Fixtures.brokenDownload(temp))));
    build(
        RadAssistPanels.builder(host)
            .drafting(new ScriptedDraftingService(Fixtures.draftEvents(), 0))
            .srReader(READER)
            .priors(study -> Optional.of(Fixtures.priors())));
    awaitOnEdt(
        () ->
            state().srLoad() == MutablePanelState.Load.DONE
                && state().priorsLoad() == MutablePanelState.Load.DONE,
        10_000);
    onEdt(
        () -> {
          tool.setDictation(Fixtures.DICTATION);
          tool.requestDraft();
        });
    awaitOnEdt(() -> state().review().phase() == MutableDraftReview.Phase.COMPLETE, 10_000);
    onEdt(
        () -> {
          state().review().accept(ItemKey.section(SectionKind.FINDINGS));
          state().review().accept(ItemKey.impression("imp-2"));
          state().changed();
        });
    onEdt(() -> {});
  }

  /** Renders the named tab, checks nothing is clipped, writes the PNG; returns the image. */
  private BufferedImage renderTab(String tab, String file) throws Exception {
    return onEdt(
        () -> {
          assertThat(tool.selectTab(tab)).as("tab " + tab).isTrue();
          tool.refresh();
          JComponent c = tool.component();
          Rendering.layout(c, WIDTH, HEIGHT);
          assertThat(Headless.clippedTexts(c)).as("clipped text in " + tab).isEmpty();
          BufferedImage image = Rendering.render(c, WIDTH, HEIGHT);
          ImageIO.write(image, "png", Headless.pngDir().resolve(file).toFile());
          return image;
        });
  }

  private static double share(BufferedImage image, Rectangle r, Color color) {
    int match = 0;
    int all = 0;
    for (int y = r.y; y < r.y + r.height && y < image.getHeight(); y++) {
      for (int x = r.x; x < r.x + r.width && x < image.getWidth(); x++) {
        Color c = new Color(image.getRGB(x, y));
        all++;
        if (Math.abs(c.getRed() - color.getRed()) < 30
            && Math.abs(c.getGreen() - color.getGreen()) < 30
            && Math.abs(c.getBlue() - color.getBlue()) < 30) {
          match++;
        }
      }
    }
    return all == 0 ? 0 : (double) match / all;
  }

  private Rectangle bannerBounds() throws Exception {
    return onEdt(
        () -> {
          JComponent banner =
              (JComponent)
                  Headless.find(tool.component(), JComponent.class).stream()
                      .filter(c -> c.getClass().getSimpleName().equals("CriticalBanner"))
                      .findFirst()
                      .orElseThrow(() -> new AssertionError("no visible critical banner"));
          return SwingUtilities.convertRectangle(
              banner.getParent(), banner.getBounds(), tool.component());
        });
  }

  @Test
  void theTabUnderThePointerStaysTheSameWhateverTabIsSelectedAndANoticeMovesNoControl()
      throws Exception {
    fullCase(false);
    onEdt(
        () -> {
          javax.swing.JTabbedPane tabs = tabbedPane(tool.component());
          Rendering.layout(tool.component(), WIDTH, HEIGHT);
          assertThat(tabs.getTabRunCount())
              .as("nine tabs need more than one row here")
              .isGreaterThan(1);
          List<Rectangle> before = new java.util.ArrayList<>();
          for (int i = 0; i < tabs.getTabCount(); i++) {
            before.add(tabs.getBoundsAt(i));
          }
          for (int selected = 0; selected < tabs.getTabCount(); selected++) {
            tabs.setSelectedIndex(selected);
            Rendering.layout(tool.component(), WIDTH, HEIGHT);
            for (int i = 0; i < tabs.getTabCount(); i++) {
              assertThat(tabs.getBoundsAt(i))
                  .as(
                      "tab "
                          + tabs.getTitleAt(i)
                          + " with "
                          + tabs.getTitleAt(selected)
                          + " selected")
                  .isEqualTo(before.get(i));
            }
          }

          Rectangle content = tabs.getComponentAt(tabs.getSelectedIndex()).getBounds();
          tool.state().setNotice("Image opened, region drawn");
          tool.refresh();
          Rendering.layout(tool.component(), WIDTH, HEIGHT);
          assertThat(tabs.getComponentAt(tabs.getSelectedIndex()).getBounds().y)
              .as("a notice does not push the tab's controls down")
              .isEqualTo(content.y);
          return null;
        });
  }

  private static javax.swing.JTabbedPane tabbedPane(java.awt.Container c) {
    for (java.awt.Component child : c.getComponents()) {
      if (child instanceof javax.swing.JTabbedPane t) {
        return t;
      }
      if (child instanceof java.awt.Container inner) {
        javax.swing.JTabbedPane t = tabbedPane(inner);
        if (t != null) {
          return t;
        }
      }
    }
    return null;
  }

  @Test
  void everyTabOfAFullCaseRendersUnclippedWithTheCriticalBannerRedOnTop() throws Exception {
    fullCase(true);
    String[] files = {
      "01-findings.png",
      "02-draft.png",
      "03-impressions.png",
      "04-fields.png",
      "04b-codes.png",
      "05-flags.png",
      "06-priors.png",
      "07-sr.png",
      "07b-metrics-not-available.png"
    };
    List<String> tabs = tool.tabNames();
    assertThat(tabs)
        .containsExactly(
            "Findings",
            "Draft",
            "Impressions",
            "Fields",
            "Codes",
            "Flags",
            "Priors",
            "SR",
            "Metrics");
    for (int i = 0; i < tabs.size(); i++) {
      BufferedImage image = renderTab(tabs.get(i), files[i]);
      Rectangle banner = bannerBounds();
      assertThat(banner.y).as("banner at the very top on " + tabs.get(i)).isZero();
      assertThat(banner.height).as("banner tall enough to hold the form").isGreaterThan(120);
      assertThat(share(image, banner, new Color(0xC6, 0x28, 0x28)))
          .as("banner mostly critical red")
          .isGreaterThan(0.5);
    }
  }

  @Test
  void theDraftTabMarksPendingAiTextAsNotFinalAndAcceptedTextAsPlain() throws Exception {
    fullCase(true);
    renderTab("Draft", "02-draft.png");
    onEdt(
        () -> {
          JComponent c = tool.component();
          List<String> labels = Headless.visibleLabelTexts(c);
          assertThat(labels).contains("AI draft \u2014 not final", "Accepted");
          assertThat(labels.stream().filter(l -> l.equals("AI draft \u2014 not final")).count())
              .as("clinical history, comparison, impression")
              .isEqualTo(3);
          JComponent findings = textArea(c, Fixtures.FINDINGS_TEXT);
          assertThat(findings.getFont().isItalic()).isFalse();
          JComponent history = textArea(c, "Nodule follow-up. 67-year-old woman.");
          assertThat(history.getFont().isItalic()).isTrue();
          assertThat(history.isOpaque()).isTrue();
          assertThat(history.getBackground()).isNotEqualTo(c.getBackground());
          assertThat(
                  textArea(
                      c,
                      Fixtures.IMPRESSION_TEXT
                          + "\nNew 8 mm solid right upper lobe nodule; Lung-RADS 4A, 3-month low-dose CT recommended."))
              .isNotNull();
        });
  }

  private static JComponent textArea(JComponent root, String text) {
    return Headless.text(root, text);
  }

  @Test
  void findingsFromTheRealSrAndABrokenSrInItsPlace() throws Exception {
    fullCase(true);
    renderTab("Findings", "01-findings.png");
    onEdt(
        () -> {
          JComponent c = tool.component();
          assertThat(Headless.texts(c))
              .contains(
                  "Nodule (LungNodule0001)",
                  "Lung",
                  "Diameter 10 mm",
                  "Aorta (Aorta0001)",
                  "Volume 200 mm\u00b3");
          assertThat(Headless.texts(c)).contains("broken-download.dcm");
          assertThat(Headless.texts(c)).anyMatch(t -> t.startsWith("Could not be read: "));
        });
  }

  @Test
  void findingsShowAlgorithmVersionConfidenceAndMarkTheLowConfidenceOne() throws Exception {
    Headless.lookAndFeel(true);
    TestHost host = new TestHost(Fixtures.study(), List.of(sr(Fixtures.SR_UID, GOOD_SR)));
    // the highdicom SR names no algorithm and no confidence: this view adds them (see Fixtures)
    build(RadAssistPanels.builder(host).srReader(i -> Fixtures.srDocument()));
    awaitOnEdt(() -> state().srLoad() == MutablePanelState.Load.DONE, 10_000);
    renderTab("Findings", "16-findings-algorithm-confidence.png");
    onEdt(
        () -> {
          JComponent c = tool.component();
          assertThat(
                  Headless.visibleLabelTexts(c).stream().filter("Low confidence"::equals).count())
              .isEqualTo(1);
          assertThat(Headless.texts(c))
              .contains("highdicom example 0.22.0", "92% confidence", "31% confidence");
        });
  }

  @Test
  void theBannerShrinksToOneLineOnceWhoWhenHowAreRecorded() throws Exception {
    fullCase(true);
    onEdt(
        () -> {
          state().communication().setWho("Dr. Chen (ordering physician)");
          state().communication().setWhen("2026-11-20 10:20");
          state().communication().setHow("phone");
          assertThat(state().recordCommunication()).isEmpty();
        });
    BufferedImage image = renderTab("Draft", "08-draft-critical-communicated.png");
    onEdt(
        () -> {
          List<String> labels = Headless.visibleLabelTexts(tool.component());
          assertThat(labels)
              .contains("Critical result communicated")
              .doesNotContain("CRITICAL RESULT", "Who");
        });
    Rectangle banner = bannerBounds();
    assertThat(banner.y).isZero();
    assertThat(banner.height).as("compact now").isLessThan(120);
    assertThat(share(image, banner, new Color(0x8E, 0x1B, 0x1B))).isGreaterThan(0.5);
    assertThat(decisions).extracting(Decision::verb).contains(Decision.Verb.COMMUNICATE);
  }

  @Test
  void withoutADraftingServiceTheToolSaysSoAndKeepsTheDictation() throws Exception {
    Headless.lookAndFeel(true);
    TestHost host = new TestHost(Fixtures.study(), List.of(ct()));
    build(RadAssistPanels.builder(host));
    awaitOnEdt(() -> state().srLoad() != MutablePanelState.Load.NOT_STARTED, 10_000);
    onEdt(
        () -> {
          tool.setDictation(Fixtures.DICTATION);
          tool.requestDraft();
        });
    renderTab("Draft", "09-draft-drafting-unavailable.png");
    onEdt(
        () -> {
          JComponent c = tool.component();
          assertThat(Headless.texts(c))
              .contains("Drafting service unavailable \u2014 your dictation is kept");
          assertThat(Headless.find(c, JTextArea.class))
              .anyMatch(a -> a.isEditable() && a.getText().equals(Fixtures.DICTATION));
        });
    renderTab("SR", "10-sr-not-available.png");
    onEdt(
        () ->
            assertThat(Headless.texts(tool.component()))
                .contains("SR view not available in this build"));
    renderTab("Findings", "11-findings-no-sr-reader.png");
  }

  @Test
  void aDraftCaughtMidStreamShowsProgressAndStreamingSections() throws Exception {
    Headless.lookAndFeel(true);
    TestHost host = new TestHost(Fixtures.study(), List.of());
    List<org.radassist.drafting.DraftEvent> events =
        new ArrayList<>(Fixtures.draftEventsUntilFindings());
    events.add(
        new org.radassist.drafting.DraftEvent.SectionDelta(
            SectionKind.IMPRESSION, "1. New moderate right"));
    build(RadAssistPanels.builder(host).drafting(new ScriptedDraftingService(events, 0)));
    awaitOnEdt(() -> state().study().isPresent(), 10_000);
    onEdt(
        () -> {
          tool.setDictation(Fixtures.DICTATION);
          tool.requestDraft();
        });
    awaitOnEdt(() -> state().review().section(SectionKind.IMPRESSION).isPresent(), 10_000);
    renderTab("Draft", "12-draft-streaming.png");
    onEdt(
        () -> {
          List<String> labels = Headless.visibleLabelTexts(tool.component());
          assertThat(labels).contains("AI draft \u2014 not final \u00b7 streaming");
          assertThat(Headless.find(tool.component(), javax.swing.JProgressBar.class))
              .anyMatch(p -> p.getString().equals("3 of 4 sections\u2026"));
        });
  }

  @Test
  void aDraftFromTheEmbeddedRulesEngineRendersMarkedAsNotFinal() throws Exception {
    Headless.lookAndFeel(true);
    TestHost host = new TestHost(Fixtures.study(), List.of(sr(Fixtures.SR_UID, GOOD_SR)));
    // the engine's class is internal to the drafting bundle; outside OSGi the test may build it
    var engine =
        new org.radassist.drafting.internal.engine.EmbeddedDraftingService(
            org.radassist.drafting.internal.engine.RulesEngine.withDefaults(),
            java.util.concurrent.ForkJoinPool.commonPool(),
            CLOCK);
    build(RadAssistPanels.builder(host).drafting(engine).srReader(READER));
    awaitOnEdt(() -> state().srLoad() == MutablePanelState.Load.DONE, 10_000);
    onEdt(
        () -> {
          tool.setDictation(Fixtures.DICTATION);
          tool.requestDraft();
        });
    awaitOnEdt(() -> state().review().phase() != MutableDraftReview.Phase.STREAMING, 20_000);
    assertThat(onEdt(() -> state().review().phase())).isEqualTo(MutableDraftReview.Phase.COMPLETE);
    renderTab("Draft", "17-draft-from-engine.png");
    renderTab("Impressions", "18-impressions-from-engine.png");
    renderTab("Fields", "19-fields-from-engine.png");
    renderTab("Flags", "20-flags-from-engine.png");
    onEdt(
        () -> {
          assertThat(state().review().section(SectionKind.FINDINGS)).isPresent();
          tool.selectTab("Draft");
          tool.refresh();
          Rendering.layout(tool.component(), WIDTH, HEIGHT);
          assertThat(Headless.visibleLabelTexts(tool.component()))
              .contains("AI draft \u2014 not final");
        });
  }

  @Test
  void theLightThemeRendersUnclippedToo() throws Exception {
    fullCase(false);
    renderTab("Draft", "13-draft-light.png");
    renderTab("Impressions", "14-impressions-light.png");
    Headless.lookAndFeel(true);
  }

  @Test
  void untrustedHtmlInAiTextIsShownAsText() throws Exception {
    Headless.lookAndFeel(true);
    TestHost host = new TestHost(Fixtures.study(), List.of(sr(Fixtures.SR_UID, GOOD_SR)));
    var doc = Fixtures.srDocument();
    var evil =
        new org.radassist.panel.SrDocumentView(
            doc.sopInstanceUid(),
            "<html><img src='http://example.invalid/x.png'>",
            doc.template(),
            doc.root(),
            doc.narrative(),
            doc.findings());
    build(RadAssistPanels.builder(host).srReader(i -> evil));
    awaitOnEdt(() -> state().srLoad() == MutablePanelState.Load.DONE, 10_000);
    renderTab("SR", "15-sr-view.png");
    onEdt(
        () -> {
          var combo = Headless.find(tool.component(), javax.swing.JComboBox.class).get(0);
          var renderer =
              (JComponent)
                  combo
                      .getRenderer()
                      .getListCellRendererComponent(
                          new javax.swing.JList<>(), combo.getItemAt(0), 0, false, false);
          assertThat(renderer.getClientProperty("html.disable")).isEqualTo(Boolean.TRUE);
          assertThat(((javax.swing.JLabel) renderer).getText()).startsWith("<html><img");
          // a label parses HTML when its text is set: no parsed view may exist (the picture
          // showed the image icon while html.disable was only set after the text)
          assertThat(renderer.getClientProperty(javax.swing.plaf.basic.BasicHTML.propertyKey))
              .as("no HTML view was built for the SR's title")
              .isNull();
        });
  }
}
