package org.radassist.workstation.internal.host;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.awt.Component;
import java.awt.Container;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javax.swing.JComponent;
import javax.swing.JTabbedPane;
import javax.swing.SwingUtilities;
import org.radassist.audit.AuditTrail;
import org.radassist.audit.CanonicalJson;
import org.radassist.drafting.DraftAssembler;
import org.radassist.drafting.DraftCall;
import org.radassist.drafting.DraftRequest;
import org.radassist.drafting.DraftingService;
import org.radassist.drafting.request.DraftRequestFactory;
import org.radassist.drafting.request.PriorStudy;
import org.radassist.drafting.request.RequestContent;
import org.radassist.host.OpenResult;
import org.radassist.host.PanelContribution;
import org.radassist.model.AuditAction;
import org.radassist.model.AuditEvent;
import org.radassist.model.DraftReport;
import org.radassist.model.Finding;
import org.radassist.model.ModelJson;
import org.radassist.model.ReviewState;
import org.radassist.model.Section;
import org.radassist.model.StudyContext;
import org.radassist.model.files.OwnerOnlyFiles;
import org.radassist.workstation.internal.load.DicomStudy;
import org.radassist.workstation.internal.load.FolderLoader;
import org.radassist.workstation.internal.load.LoadedFolder;

/**
 * The workstation's main job without a display: open the study, list its AI findings, place the
 * panels, draft from the dictation, accept every section, and write what a radiologist would
 * produce: the report (text and JSON), the AI SR, PNGs of the viewer and every panel, and the audit
 * trail. Each step says on {@code log} what it did or why it could not.
 */
public final class HeadlessRun {
  static final Duration DRAFT_TIMEOUT = new Duration(120, TimeUnit.SECONDS);

  /** What the panel shows in governance's shadow rollout instead of any AI content. */
  static final String SHADOW_MODE = "Shadow mode:";

  record Duration(long amount, TimeUnit unit) {}

  /** What the run may use; everything but the workbench is optional. */
  public record Parts(
      Workbench bench,
      Supplier<List<PanelContribution>> panels,
      Supplier<Optional<DraftingService>> drafting,
      Supplier<Optional<AuditTrail>> audit,
      Optional<FindingsReader> findingsReader,
      Optional<DraftSrWriter> srWriter,
      Clock clock) {}

  private final Parts parts;
  private final PrintStream log;
  private final ObjectMapper json =
      ModelJson.newMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final List<String> missing = new ArrayList<>();
  private boolean shadow; // the panel showed governance's shadow rollout

  public HeadlessRun(Parts parts, PrintStream log) {
    this.parts = parts;
    this.log = log;
  }

  /** Runs the flow; returns the process exit code (0 when the report was written). */
  public int run(Path studyFolder, Path out, String dictation) throws Exception {
    // the outputs name and describe a patient's study: owner-only, whatever the umask
    OwnerOnlyFiles.createDirectories(out);
    String user = parts.bench().host().currentUser().userId();
    String trace = UUID.randomUUID().toString();

    LoadedFolder folder = new FolderLoader().load(studyFolder);
    folder.problems().forEach(p -> log.println("skipped " + p));
    DicomStudy study =
        folder
            .newest()
            .orElseThrow(() -> new IOException(studyFolder + ": no DICOM study in this folder"));
    onEdt(() -> parts.bench().host().show(folder)).get(30, TimeUnit.SECONDS);
    StudyContext context = study.context();
    log.printf(
        Locale.ROOT,
        "opened study of %s (%s, %d series); %d prior(s) of the patient loaded%n",
        context.studyDate(),
        context.studyDescription(),
        study.series().size(),
        folder.studiesOfPatientOf(context.studyInstanceUid()).size() - 1);

    List<Finding> findings = readFindings(study);
    OwnerOnlyFiles.write(out.resolve("findings.json"), json.writeValueAsBytes(findings));

    List<PanelContribution> panels = parts.panels().get();
    onEdt(
            () -> {
              panels.forEach(parts.bench().dock()::add);
              return null;
            })
        .get(30, TimeUnit.SECONDS);
    if (panels.isEmpty()) {
      missing.add("panels (org.radassist.viewer.panel)");
      log.println(PanelDock.NONE_TEXT);
    } else {
      log.println("panels placed: " + String.join(", ", parts.bench().dock().titles()));
    }

    openFirstFinding(findings);
    // one draft: the panel's, as the radiologist reviewed it (its decisions are the audited ones);
    // the run drafts by itself only when no panel reviewed one (no panel in this build, shadow)
    Optional<DraftReport> reviewed = reviewInPanels(dictation);
    Optional<DraftReport> draft =
        reviewed.isPresent() ? reviewed : draft(context, findings, folder, dictation, user, trace);
    if (draft.isPresent() && shadow) {
      // shadow rollout: the AI draft is only logged; nothing of it becomes the radiologist's report
      OwnerOnlyFiles.write(out.resolve("shadow-draft.json"), json.writeValueAsBytes(draft.get()));
      log.println("shadow mode: draft logged to shadow-draft.json; no report, no AI SR");
    } else if (draft.isPresent()) {
      DraftReport accepted =
          reviewed.isPresent()
              ? fromPanel(reviewed.get(), user, trace)
              : accept(draft.get(), user, trace);
      OwnerOnlyFiles.writeString(out.resolve("report.txt"), ReportText.of(accepted, context));
      OwnerOnlyFiles.write(out.resolve("report.json"), json.writeValueAsBytes(accepted));
      log.println("report written: report.txt, report.json");
      writeSr(accepted, context, findings, out, user, trace);
    }

    showMetrics();
    writePngs(out);
    writeAuditSummary(out);
    if (!missing.isEmpty()) {
      log.println("not available in this build: " + String.join("; ", missing));
    }
    return draft.isPresent() ? 0 : 1;
  }

  private List<Finding> readFindings(DicomStudy study) {
    List<Path> srFiles =
        study.instances().filter(i -> "SR".equals(i.modality())).map(i -> i.file()).toList();
    if (parts.findingsReader().isEmpty()) {
      missing.add("SR reader (org.radassist.sr)");
      log.println("findings: SR reader not available in this build (" + srFiles.size() + " SR)");
      return List.of();
    }
    List<Finding> findings = new ArrayList<>();
    for (Path sr : srFiles) {
      try {
        findings.addAll(parts.findingsReader().get().read(sr));
      } catch (IOException | RuntimeException e) {
        log.println("findings: " + sr.getFileName() + " could not be read: " + e.getMessage());
      }
    }
    log.println("findings listed: " + findings.size());
    for (Finding f : findings) {
      log.printf(
          Locale.ROOT,
          "  - %s, %s, %s mm, %s, confidence %s%n",
          f.type() == null ? "finding" : f.type().meaning(),
          f.site() == null ? "site unknown" : f.site().meaning(),
          f.largestLengthMillimetres().map(v -> String.format(Locale.ROOT, "%.1f", v)).orElse("?"),
          f.algorithm() == null ? "algorithm unknown" : f.algorithm(),
          f.confidence() == null ? "n/a" : String.format(Locale.ROOT, "%.2f", f.confidence()));
    }
    return findings;
  }

  private Optional<DraftReport> draft(
      StudyContext context,
      List<Finding> findings,
      LoadedFolder folder,
      String dictation,
      String user,
      String trace)
      throws Exception {
    Optional<DraftingService> service = parts.drafting().get();
    if (service.isEmpty()) {
      missing.add("drafting service (org.radassist.drafting engine)");
      log.println("draft: no drafting service in this build; the dictation is kept as it is");
      return Optional.empty();
    }
    List<StudyContext> priors =
        folder.studiesOfPatientOf(context.studyInstanceUid()).stream()
            .map(DicomStudy::context)
            .toList();
    DraftRequest request =
        DraftRequestFactory.newSession()
            .request(
                context,
                RequestContent.dictation(dictation)
                    .withFindings(findings)
                    .withPriors(priors.stream().map(p -> new PriorStudy(p, "", "")).toList()));
    // RFC 8785 canonical JSON, as every RadAssist audit record hashes requests and responses
    String requestHash = CanonicalJson.sha256Hex(json.writeValueAsString(request));
    audit(
        AuditAction.DRAFT_REQUESTED,
        user,
        trace,
        request.study().token(),
        null,
        requestHash,
        null,
        Map.of(
            "dictation_chars",
            Integer.toString(dictation.length()),
            "modality",
            context.modalities().isEmpty() ? "UNKNOWN" : context.modalities().get(0)));
    DraftAssembler assembler = DraftAssembler.create(request.study().token(), parts.clock());
    List<String> streamed = new ArrayList<>();
    DraftCall call =
        service
            .get()
            .draft(
                request,
                "ws-" + trace,
                event -> {
                  synchronized (assembler) {
                    assembler.accept(event);
                    streamed.add(event.name());
                  }
                });
    DraftReport report;
    try {
      report =
          call.result().toCompletableFuture().get(DRAFT_TIMEOUT.amount(), DRAFT_TIMEOUT.unit());
    } catch (ExecutionException e) {
      log.println("draft: failed: " + e.getCause().getMessage() + "; the dictation is kept");
      return Optional.empty();
    } catch (TimeoutException e) {
      call.cancel();
      log.println("draft: no answer within " + DRAFT_TIMEOUT.amount() + " s; cancelled");
      return Optional.empty();
    }
    synchronized (assembler) {
      log.printf(
          Locale.ROOT,
          "draft streamed in: %d events (%s), %d sections, %d impressions, %d flags"
              + " (%d critical result, %d actionable finding)%n",
          streamed.size(),
          String.join(" ", streamed.stream().distinct().toList()),
          report.sections().size(),
          report.impressions().size(),
          report.flags().size(),
          count(report, org.radassist.model.FlagType.CRITICAL_RESULT),
          count(report, org.radassist.model.FlagType.ACTIONABLE_FINDING));
    }
    audit(
        AuditAction.DRAFT_RECEIVED,
        user,
        trace,
        request.study().token(),
        report,
        requestHash,
        CanonicalJson.sha256Hex(json.writeValueAsString(report)),
        Map.of(
            "draft_id",
            report.draftId(),
            "modality",
            context.modalities().isEmpty() ? "UNKNOWN" : context.modalities().get(0)));
    return Optional.of(report);
  }

  /**
   * The panel's reviewed draft as it is: its decisions reached the trail through the panel; the run
   * records that it received this draft (the one the report and the AI SR are written from).
   */
  private DraftReport fromPanel(DraftReport reviewed, String user, String trace)
      throws IOException {
    audit(
        AuditAction.DRAFT_RECEIVED,
        user,
        trace,
        reviewed.studyToken(),
        reviewed,
        null,
        CanonicalJson.sha256Hex(json.writeValueAsString(reviewed)),
        Map.of("draft_id", reviewed.draftId(), "source", "panel review"));
    long accepted =
        reviewed.sections().stream().filter(s -> s.state() == ReviewState.ACCEPTED).count();
    log.println(
        "report from the panel's review of draft "
            + reviewed.draftId()
            + ": "
            + accepted
            + " of "
            + reviewed.sections().size()
            + " sections accepted");
    return reviewed;
  }

  /**
   * Accepts every section of a draft no panel reviewed, recording each decision in the audit trail
   * here.
   */
  private DraftReport accept(DraftReport draft, String user, String trace) throws IOException {
    List<Section> sections = new ArrayList<>();
    for (Section s : draft.sections()) {
      sections.add(s.withState(ReviewState.ACCEPTED));
      audit(
          AuditAction.SECTION_ACCEPTED,
          user,
          trace,
          draft.studyToken(),
          draft,
          null,
          sha256(s.text().getBytes(StandardCharsets.UTF_8)),
          Map.of("draft_id", draft.draftId(), "section", s.kind().jsonName()));
    }
    log.println("sections accepted: " + sections.size());
    return new DraftReport(
        draft.draftId(),
        draft.studyToken(),
        draft.model(),
        sections,
        draft.impressions(),
        draft.differentials(),
        draft.structuredFields(),
        draft.codes(),
        draft.flags(),
        draft.status(),
        draft.createdAt());
  }

  /** Asks the host to show the first finding's image, as a click in the findings list does. */
  private void openFirstFinding(List<Finding> findings) throws Exception {
    Optional<org.radassist.model.ImageReference> reference =
        findings.stream().flatMap(f -> f.references().stream()).findFirst();
    if (reference.isEmpty()) {
      return;
    }
    OpenResult result =
        parts
            .bench()
            .host()
            .openImage(reference.get())
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS);
    log.println("opened the first finding's image: " + result);
  }

  /**
   * The radiologist's path through each placed panel: dictate, ask for the draft, wait for it to
   * stream in, accept every section. Panels without a dictation box are left as they are.
   */
  private Optional<DraftReport> reviewInPanels(String dictation) throws Exception {
    Optional<DraftReport> reviewed = Optional.empty();
    for (JComponent panel : parts.bench().dock().components()) {
      PanelDriver driver = new PanelDriver(panel);
      driver.selectTab("Draft");
      if (!driver.dictate(dictation) || !driver.click("Draft report")) {
        log.println("panel: no dictation box or Draft report button to drive");
        continue;
      }
      boolean complete =
          PanelDriver.await(
              () ->
                  (driver.shows("Draft complete") && driver.countEnabled("Accept") > 0)
                      || driver.shows(SHADOW_MODE),
              DRAFT_TIMEOUT.amount(),
              DRAFT_TIMEOUT.unit());
      if (driver.shows(SHADOW_MODE)) {
        shadow = true;
        log.println("panel: shadow mode, the draft was made and logged, nothing shown");
        continue;
      }
      if (!complete) {
        log.println("panel: the draft did not complete in the panel");
        continue;
      }
      int clicks = 0;
      while (driver.click("Accept") && clicks < 50) {
        clicks++;
        Thread.sleep(30);
      }
      log.println(
          "panel: draft streamed in; " + clicks + " sections accepted in the panel's draft review");
      if (clicks > 0 && reviewed.isEmpty()) {
        reviewed = driver.reviewedDraft();
      }
    }
    return reviewed;
  }

  private void writeSr(
      DraftReport draft,
      StudyContext context,
      List<Finding> findings,
      Path out,
      String user,
      String trace)
      throws IOException {
    if (parts.srWriter().isEmpty()) {
      missing.add("SR writer (org.radassist.sr)");
      log.println("AI SR: SR writer not available in this build");
      return;
    }
    Path file =
        parts.srWriter().get().write(draft, context, findings, out.resolve("ai-draft-sr.dcm"));
    audit(
        AuditAction.SR_STORED,
        user,
        trace,
        draft.studyToken(),
        draft,
        null,
        sha256(Files.readAllBytes(file)),
        Map.of("draft_id", draft.draftId(), "file", file.getFileName().toString()));
    log.println("AI SR written: " + out.relativize(file));
  }

  /**
   * Shows each panel's Metrics tab, as a radiologist looking at the figures would, and waits until
   * it has read the audit trail again, so that the PNG counts this run's decisions.
   */
  private void showMetrics() throws Exception {
    for (JComponent panel : parts.bench().dock().components()) {
      PanelDriver driver = new PanelDriver(panel);
      if (driver.selectTab("Metrics")) {
        boolean read =
            PanelDriver.await(
                () -> driver.shows("Adoption rate: ") && !driver.shows("From 0 audit records"),
                10,
                TimeUnit.SECONDS);
        log.println(
            "panel: metrics " + (read ? "read from the audit trail" : "not read within 10 s"));
      }
    }
  }

  private void writePngs(Path out) throws Exception {
    Path dir = out.resolve("png");
    List<String> written =
        onEdt(
                () -> {
                  List<String> names = new ArrayList<>();
                  Snapshots.writePng(parts.bench().viewer(), 900, 700, dir.resolve("viewer.png"));
                  names.add("viewer.png");
                  List<JComponent> panels = parts.bench().dock().components();
                  List<String> titles = parts.bench().dock().titles();
                  if (panels.isEmpty()) {
                    Snapshots.writePng(parts.bench().dock(), 520, 700, dir.resolve("panels.png"));
                    names.add("panels.png");
                  }
                  for (int i = 0; i < panels.size(); i++) {
                    names.addAll(panelPngs(panels.get(i), slug(titles.get(i)), dir));
                  }
                  return names;
                })
            .get(60, TimeUnit.SECONDS);
    log.println("PNGs written: " + String.join(", ", written));
  }

  /** One PNG of the panel, and one per tab when the panel is a tabbed tool. */
  private static List<String> panelPngs(JComponent panel, String name, Path dir)
      throws IOException {
    List<String> names = new ArrayList<>();
    Snapshots.writePng(panel, 560, 760, dir.resolve("panel-" + name + ".png"));
    names.add("panel-" + name + ".png");
    Optional<JTabbedPane> tabs = firstTabbedPane(panel);
    if (tabs.isPresent()) {
      JTabbedPane t = tabs.get();
      int selected = t.getSelectedIndex();
      for (int i = 0; i < t.getTabCount(); i++) {
        t.setSelectedIndex(i);
        String file = "panel-" + name + "-" + slug(t.getTitleAt(i)) + ".png";
        Snapshots.writePng(panel, 560, 760, dir.resolve(file));
        names.add(file);
      }
      t.setSelectedIndex(selected);
    }
    return names;
  }

  private static Optional<JTabbedPane> firstTabbedPane(Component c) {
    if (c instanceof JTabbedPane t) {
      return Optional.of(t);
    }
    if (c instanceof Container container) {
      for (Component child : container.getComponents()) {
        Optional<JTabbedPane> found = firstTabbedPane(child);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  private void writeAuditSummary(Path out) throws IOException {
    Optional<AuditTrail> trail = parts.audit().get();
    if (trail.isEmpty()) {
      return;
    }
    List<Path> files = trail.get().files();
    log.println(
        "audit trail: "
            + trail.get().readAll().size()
            + " records in "
            + files.stream().map(Path::toString).toList()
            + "; chain "
            + (trail.get().verify().intact() ? "verified" : "BROKEN"));
  }

  private void audit(
      AuditAction action,
      String user,
      String trace,
      String token,
      DraftReport draft,
      String requestSha,
      String responseSha,
      Map<String, String> details)
      throws IOException {
    Optional<AuditTrail> trail = parts.audit().get();
    if (trail.isEmpty()) {
      if (!missing.contains("audit trail (org.radassist.audit)")) {
        missing.add("audit trail (org.radassist.audit)");
      }
      return;
    }
    trail
        .get()
        .append(
            new AuditEvent(
                parts.clock().instant(),
                action,
                trace,
                user,
                token,
                draft == null ? null : draft.model().name(),
                draft == null ? null : draft.model().version(),
                requestSha,
                responseSha,
                new LinkedHashMap<>(details)));
  }

  static String slug(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T> CompletableFuture<T> onEdt(Callable<T> work) {
    CompletableFuture<T> result = new CompletableFuture<>();
    SwingUtilities.invokeLater(
        () -> {
          try {
            T value = work.call();
            if (value instanceof CompletableFuture<?> f) {
              f.whenComplete((v, e) -> result.complete(value));
            } else {
              result.complete(value);
            }
          } catch (Exception | Error e) {
            result.completeExceptionally(e);
          }
        });
    return result;
  }

  private static long count(DraftReport report, org.radassist.model.FlagType type) {
    return report.flags().stream().filter(f -> f.type() == type).count();
  }
}
