package org.radassist.panel.bench;

import java.awt.EventQueue;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.imageio.ImageIO;
import javax.swing.JComponent;
import org.radassist.drafting.DraftEvent;
import org.radassist.host.LoadedInstance;
import org.radassist.model.ModelInfo;
import org.radassist.model.SectionKind;
import org.radassist.model.StudyContext;
import org.radassist.panel.RadAssistPanels;
import org.radassist.panel.RadAssistTool;
import org.radassist.panel.SrDocumentReaders;
import org.radassist.panel.model.FindingRow;
import org.radassist.panel.model.PanelState;
import org.radassist.panel.testing.Fixtures;
import org.radassist.panel.testing.Headless;
import org.radassist.panel.testing.RecordingSpeechHook;
import org.radassist.panel.testing.TestHost;

/**
 * The two latencies a radiologist feels in the RadAssist tool (issue 13, item 7), on the Swing
 * event thread with FlatLaf and a real off-screen paint of the whole tool at a dock's size:
 *
 * <ul>
 *   <li><b>study open &rarr; findings shown</b>: from the host's {@code
 *       StudyContextListener.studyOpened(study)} (called on the event thread, as Weasis' model
 *       events are) to the end of the first paint of the Findings tab showing every AI finding of
 *       the study's SR, read from the real file by RadAssist's SR importer (the panel's real
 *       reader). Two studies with different TID 1500 SRs of shared/data take turns, so a paint of
 *       the previous study's findings can never count.
 *   <li><b>dictation final &rarr; first section painted</b>: from a {@code DraftEvent.SectionDone}
 *       handed to the panel's speech-hook listener (on the hook's own thread, as the speech hook
 *       delivers it) to the end of the first paint of the Draft tab whose card shows that section
 *       complete (its full text under "AI draft &mdash; not final", no longer streaming).
 * </ul>
 *
 * <p>Each figure: {@code --warmup} runs, then {@code --iterations} measured ones (default 50 and
 * 300); prints p50, p90, p99, max and the target. Run by {@code scripts/bench-panel-latency}.
 * Options: {@code --shared DIR} (default ../../shared from the module, i.e. /work/shared), {@code
 * --png DIR} (writes the last painted image of each figure, for a look).
 */
public final class PanelLatency {
  static final int WIDTH = 420;
  static final int HEIGHT = 900;
  static final String NOT_FINAL = "AI draft \u2014 not final";

  private PanelLatency() {}

  public static void main(String[] args) throws Exception {
    int warmup = 50;
    int iterations = 300;
    Path shared = Path.of("../shared");
    Path png = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--iterations" -> iterations = Integer.parseInt(args[++i]);
        case "--shared" -> shared = Path.of(args[++i]);
        case "--png" -> png = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown option: " + args[i]);
      }
    }
    if (iterations < 1 || warmup < 0) {
      throw new IllegalArgumentException("--iterations must be >= 1 and --warmup >= 0");
    }
    System.setProperty("java.awt.headless", "true");
    Headless.lookAndFeel(true); // Weasis' default: FlatLaf dark
    Result open = findingsShown(shared, warmup, iterations, png);
    System.out.println(open.line());
    Result section = firstSectionPainted(warmup, iterations, png);
    System.out.println(section.line());
    System.out.println(
        "panel latency: findings shown "
            + (open.met() ? "MET" : "MISSED")
            + ", first section painted "
            + (section.met() ? "MET" : "MISSED"));
  }

  // ---------------------------------------------------------------- study open -> findings shown

  static Result findingsShown(Path shared, int warmup, int iterations, Path png) throws Exception {
    Path srA = shared.resolve("data/dicom/sr/highdicom_sr_document_with_multiple_groups.dcm");
    Path srB = shared.resolve("data/dicom/sr/dwv_tid1500-0_sr-circle.dcm");
    for (Path f : List.of(srA, srB)) {
      if (!Files.isRegularFile(f)) {
        throw new IllegalArgumentException("SR file not found: " + f + " (give --shared DIR)");
      }
    }
    StudyContext studyA = study("2.25.7001", "ACC-LAT-A");
    StudyContext studyB = study("2.25.7002", "ACC-LAT-B");
    List<LoadedInstance> instancesA = List.of(ct(studyA), sr(studyA, "2.25.7001.9", srA));
    List<LoadedInstance> instancesB = List.of(ct(studyB), sr(studyB, "2.25.7002.9", srB));
    TestHost host = new TestHost(null, List.of());
    RadAssistTool tool =
        Headless.onEdt(
            () -> RadAssistPanels.builder(host).srReader(SrDocumentReaders.srImporter()).build());
    try {
      Probe probe = new Probe(tool.component());
      Headless.onEdt(() -> tool.selectTab("Findings"));
      List<String> titlesSeen = new ArrayList<>();
      long[] samples = new long[iterations];
      for (int i = -warmup; i < iterations; i++) {
        boolean a = Math.floorMod(i, 2) == 0;
        StudyContext study = a ? studyA : studyB;
        List<LoadedInstance> instances = a ? instancesA : instancesB;
        BooleanSupplier shown = () -> findingsShownFor(tool, study);
        long start = probe.measure(shown, () -> host.open(study, instances), true);
        if (i >= 0) {
          samples[i] = start;
        }
        if (i < 0 && titlesSeen.size() < 2) {
          titlesSeen.add(String.join(" | ", Headless.onEdt(() -> titles(tool.state()))));
        }
      }
      if (titlesSeen.size() == 2 && titlesSeen.get(0).equals(titlesSeen.get(1))) {
        throw new IllegalStateException("both studies show the same findings: " + titlesSeen);
      }
      if (png != null) {
        probe.writePng(png.resolve("latency-findings-shown.png"));
      }
      return new Result(
          "study open -> findings shown ("
              + Headless.onEdt(() -> tool.state().findingRows().size())
              + " findings of "
              + srB.getFileName()
              + " / "
              + srA.getFileName()
              + ")",
          samples,
          300);
    } finally {
      Headless.onEdt(tool::dispose);
    }
  }

  /** The study on screen is this one and the painted Findings tab shows all its AI findings. */
  private static boolean findingsShownFor(RadAssistTool tool, StudyContext study) {
    PanelState s = tool.state();
    if (s.study().isEmpty()
        || !s.study().get().studyInstanceUid().equals(study.studyInstanceUid())
        || s.srLoad() != PanelState.Load.DONE) {
      return false;
    }
    List<String> titles = titles(s);
    if (titles.isEmpty()) {
      throw new IllegalStateException("the study's SR gave no AI findings: " + s.srEntries());
    }
    List<String> texts = Headless.texts(tool.component());
    texts.addAll(Headless.visibleLabelTexts(tool.component()));
    return texts.containsAll(titles);
  }

  private static List<String> titles(PanelState s) {
    return s.findingRows().stream().map(FindingRow::title).toList();
  }

  // ---------------------------------------------------------- dictation final -> section painted

  static Result firstSectionPainted(int warmup, int iterations, Path png) throws Exception {
    StudyContext study = study("2.25.7003", "ACC-LAT-C");
    TestHost host = new TestHost(study, List.of(ct(study)));
    RecordingSpeechHook hook = new RecordingSpeechHook(List.of(), null);
    RadAssistTool tool =
        Headless.onEdt(
            () ->
                RadAssistPanels.builder(host)
                    .speechHook(() -> java.util.Optional.of(hook))
                    .srReader(SrDocumentReaders.srImporter())
                    .build());
    try {
      awaitTrue(() -> !hook.opened.isEmpty(), "the speech hook was not opened");
      var listener = hook.last().listener;
      Probe probe = new Probe(tool.component());
      Headless.onEdt(() -> tool.selectTab("Draft"));
      String first = "Nodule follow-up. 67-year-old woman.";
      long[] samples = new long[iterations];
      for (int i = -warmup; i < iterations; i++) {
        String text = first + " Run " + i + ".";
        String draftId = "draft-" + i;
        // a new draft streams its first section; wait until that is on screen
        probe.measure(
            () -> sectionStreamed(tool, text),
            () -> {
              listener.onDraftEvent(
                  new DraftEvent.Started(
                      draftId, new ModelInfo("radassist-rules", "0.1.0", "embedded")));
              int third = text.length() / 3;
              listener.onDraftEvent(
                  new DraftEvent.SectionDelta(
                      SectionKind.CLINICAL_HISTORY, text.substring(0, third)));
              listener.onDraftEvent(
                  new DraftEvent.SectionDelta(SectionKind.CLINICAL_HISTORY, text.substring(third)));
            },
            false);
        long took =
            probe.measure(
                () -> sectionDone(tool, text),
                () ->
                    listener.onDraftEvent(
                        new DraftEvent.SectionDone(SectionKind.CLINICAL_HISTORY, text, null)),
                false);
        if (i >= 0) {
          samples[i] = took;
        }
      }
      if (png != null) {
        probe.writePng(png.resolve("latency-first-section.png"));
      }
      return new Result(
          "dictation final -> first section painted (SectionDone via the speech hook's listener)",
          samples,
          50);
    } finally {
      Headless.onEdt(tool::dispose);
    }
  }

  private static boolean sectionStreamed(RadAssistTool tool, String text) {
    return Headless.texts(tool.component()).contains(text)
        && Headless.visibleLabelTexts(tool.component()).contains(NOT_FINAL + " \u00b7 streaming");
  }

  /** The section's card shows its whole text, complete (the tag no longer says streaming). */
  private static boolean sectionDone(RadAssistTool tool, String text) {
    return Headless.texts(tool.component()).contains(text)
        && Headless.visibleLabelTexts(tool.component()).contains(NOT_FINAL);
  }

  // ---------------------------------------------------------------- measuring

  /**
   * Times from an action to the end of the first off-screen paint after which the painted tool
   * satisfies a condition (checked on the event thread right after each paint).
   */
  static final class Probe {
    private final OffscreenRepaintManager screen;
    private final BlockingQueue<Long> shownAt = new ArrayBlockingQueue<>(1);
    private volatile BooleanSupplier condition;

    Probe(JComponent root) throws Exception {
      screen = new OffscreenRepaintManager(root, WIDTH, HEIGHT, this::painted);
      Headless.onEdt(
          () -> {
            screen.install();
            screen.paintNow();
          });
    }

    private void painted(long at) {
      BooleanSupplier c = condition;
      if (c != null && c.getAsBoolean()) {
        condition = null;
        shownAt.offer(at);
      }
    }

    /**
     * Runs the action (on the event thread when onEdt, else on the calling thread, as a listener's
     * own thread does) and returns the nanoseconds to the paint that showed the condition.
     */
    long measure(BooleanSupplier shown, Runnable action, boolean onEdt) throws Exception {
      shownAt.clear();
      Headless.onEdt(() -> condition = shown);
      long[] start = new long[1];
      if (onEdt) {
        EventQueue.invokeLater(
            () -> {
              start[0] = System.nanoTime();
              action.run();
            });
      } else {
        start[0] = System.nanoTime();
        action.run();
      }
      Long end = shownAt.poll(30, TimeUnit.SECONDS);
      if (end == null) {
        throw new IllegalStateException(
            "not shown within 30 s after " + screen.paints() + " paints");
      }
      Headless.onEdt(() -> {}); // start[0] was written on the event thread before the paint
      return end - start[0];
    }

    void writePng(Path file) throws Exception {
      Files.createDirectories(file.getParent());
      Headless.onEdt(() -> ImageIO.write(screen.image(), "png", file.toFile()));
      System.out.println("painted image: " + file);
    }
  }

  private static void awaitTrue(BooleanSupplier c, String failure) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!c.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(failure);
      }
      Thread.sleep(5);
    }
  }

  /** Percentiles (nearest rank) of one figure and whether p99 meets the target. */
  record Result(String name, long[] nanos, long targetMillis) {
    double percentile(double p) {
      long[] sorted = nanos.clone();
      Arrays.sort(sorted);
      int rank = (int) Math.ceil(p / 100.0 * sorted.length);
      return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    boolean met() {
      return percentile(99) < targetMillis;
    }

    String line() {
      return String.format(
          Locale.ROOT,
          "%s: n=%d p50=%.1f ms p90=%.1f ms p99=%.1f ms max=%.1f ms (target < %d ms: %s)",
          name,
          nanos.length,
          percentile(50),
          percentile(90),
          percentile(99),
          percentile(100),
          targetMillis,
          met() ? "met at p99" : "MISSED at p99");
    }
  }

  // ---------------------------------------------------------------- the studies

  private static StudyContext study(String uid, String accession) {
    StudyContext f = Fixtures.study();
    return new StudyContext(
        uid,
        accession,
        f.patientId(),
        f.issuerOfPatientId(),
        f.patientName(),
        f.patientBirthDate(),
        f.patientSex(),
        f.modalities(),
        f.bodyPart(),
        f.studyDate(),
        f.studyDescription());
  }

  private static LoadedInstance sr(StudyContext study, String uid, Path file) {
    return new LoadedInstance(
        study.studyInstanceUid(),
        study.studyInstanceUid() + ".3",
        "1.2.840.10008.5.1.4.1.1.88.34",
        uid,
        "SR",
        file.toUri());
  }

  private static LoadedInstance ct(StudyContext study) {
    return new LoadedInstance(
        study.studyInstanceUid(),
        study.studyInstanceUid() + ".2",
        "1.2.840.10008.5.1.4.1.1.2",
        study.studyInstanceUid() + ".2.1",
        "CT",
        URI.create("file:/ct/1.dcm"));
  }
}
