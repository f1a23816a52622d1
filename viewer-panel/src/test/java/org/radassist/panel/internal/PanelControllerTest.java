package org.radassist.panel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.radassist.drafting.DraftEvent;
import org.radassist.drafting.DraftRequest;
import org.radassist.drafting.DraftingException;
import org.radassist.drafting.DraftingService;
import org.radassist.host.LoadedInstance;
import org.radassist.model.SectionKind;
import org.radassist.panel.Decision;
import org.radassist.panel.PriorComparisonSource;
import org.radassist.panel.SrDocumentReader;
import org.radassist.panel.internal.model.MutableDraftReview;
import org.radassist.panel.internal.model.MutablePanelState;
import org.radassist.panel.testing.Fixtures;
import org.radassist.panel.testing.ScriptedDraftingService;
import org.radassist.panel.testing.TestHost;

/**
 * The controller without Swing: background work inline, UI work queued and drained by the test as
 * the event thread would run it.
 */
class PanelControllerTest {
  static final Path SHARED = Path.of(System.getProperty("radassist.shared", "/work/shared"));
  static final Path GOOD_SR =
      SHARED.resolve("data/dicom/sr/highdicom_sr_document_with_multiple_groups.dcm");
  static final Path BAD_SR = SHARED.resolve("data/dicom/nasty/dwv_dwv034_sr-ruler.dcm");

  @org.junit.jupiter.api.io.TempDir Path temp;
  private final BlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
  private final List<Decision> decisions = new ArrayList<>();
  private final MutablePanelState state =
      new MutablePanelState(Clock.systemUTC(), () -> "dr.lee", decisions::add, 0.5);

  private static LoadedInstance sr(String uid, Path file) {
    return new LoadedInstance(
        Fixtures.study().studyInstanceUid(),
        "1.2.3",
        "1.2.840.10008.5.1.4.1.1.88.34",
        uid,
        "SR",
        file.toUri());
  }

  private static LoadedInstance ct() {
    return new LoadedInstance(
        Fixtures.study().studyInstanceUid(),
        "1.2.4",
        "1.2.840.10008.5.1.4.1.1.2",
        "1.2.4.1",
        "CT",
        URI.create("file:/ct/1.dcm"));
  }

  /**
   * Reads the fixture's view for the good file and fails the way a parser does for anything else.
   */
  private static final SrDocumentReader READER =
      instance -> {
        byte[] bytes = Files.readAllBytes(Path.of(instance.location()));
        if (instance.location().getPath().endsWith("highdicom_sr_document_with_multiple_groups.dcm")
            && bytes.length > 132) {
          return Fixtures.srDocument();
        }
        throw new IllegalArgumentException("no SOP Instance UID (" + bytes.length + " bytes)");
      };

  private PanelController controller(
      TestHost host,
      DraftingService drafting,
      SrDocumentReader reader,
      PriorComparisonSource priors) {
    return new PanelController(
        state,
        host,
        () -> Optional.ofNullable(drafting),
        () -> Optional.ofNullable(reader),
        () -> Optional.ofNullable(priors),
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
    Runnable r;
    while ((r = ui.poll()) != null) {
      r.run();
    }
  }

  @Test
  void anSrThatFailsToParseShowsItsErrorInPlaceAndTheOthersStillShowTheirFindings()
      throws Exception {
    TestHost host =
        new TestHost(
            Fixtures.study(), List.of(ct(), sr(Fixtures.SR_UID, GOOD_SR), sr("2.25.1", BAD_SR)));
    PanelController c = controller(host, null, READER, null);
    c.studyOpened(Fixtures.study());
    drainUntil(() -> state.srLoad() == MutablePanelState.Load.DONE);

    assertThat(state.srEntries()).hasSize(2).as("the CT image is not an SR");
    assertThat(state.findingRows()).hasSize(3);
    assertThat(state.srEntries().get(1).label()).isEqualTo("dwv_dwv034_sr-ruler.dcm");
    assertThat(state.srEntries().get(1).failure().orElseThrow())
        .startsWith("Could not be read: no SOP Instance UID");
    assertThat(state.priorsLoad()).isEqualTo(MutablePanelState.Load.UNAVAILABLE);
    assertThat(state.priorsMessage()).isEqualTo(PanelController.PRIORS_UNAVAILABLE);
  }

  @Test
  void theSrImporterReadsTheRealFileIntoFindingsTreeAndNarrative() throws Exception {
    TestHost host =
        new TestHost(
            Fixtures.study(),
            List.of(
                sr(Fixtures.SR_UID, GOOD_SR),
                sr("2.25.1", Fixtures.brokenDownload(temp)),
                sr("2.25.2", BAD_SR)));
    controller(host, null, org.radassist.panel.SrDocumentReaders.srImporter(), null)
        .studyOpened(Fixtures.study());
    drainUntil(() -> state.srLoad() == MutablePanelState.Load.DONE);
    var doc = state.srEntries().get(0).read().orElseThrow();
    assertThat(doc.template()).isEqualTo("TID 1500");
    assertThat(doc.title()).isEqualTo("Imaging Measurement Report");
    assertThat(state.findingRows())
        .extracting(r -> r.title())
        .contains("Nodule (LungNodule0001)", "Aorta (Aorta0001)", "Vertebra (Vertebra0001)");
    assertThat(doc.narrative()).contains("Nodule");
    assertThat(doc.root().label()).isEqualTo("Imaging Measurement Report");
    // the tree reads as words: concept meanings, values with units; the codes only on demand
    List<org.radassist.panel.SrDocumentView.SrNode> nodes = new java.util.ArrayList<>();
    java.util.ArrayDeque<org.radassist.panel.SrDocumentView.SrNode> todo =
        new java.util.ArrayDeque<>(List.of(doc.root()));
    while (!todo.isEmpty()) {
      var n = todo.pop();
      nodes.add(n);
      todo.addAll(n.children());
    }
    assertThat(nodes).extracting(n -> n.label()).contains("Finding: Nodule");
    assertThat(nodes)
        .extracting(n -> n.label())
        .anyMatch(l -> l.matches("Diameter: [0-9.]+ mm"))
        .noneMatch(l -> l.contains("(") && l.contains("\""));
    assertThat(nodes)
        .filteredOn(n -> n.label().equals("Finding: Nodule"))
        .first()
        .satisfies(n -> assertThat(n.detail()).contains("CODE:").contains("\"Nodule\""));
    assertThat(state.srEntries().get(1).failure())
        .as("the malformed SR fails in its place")
        .isPresent();
    System.out.println("malformed SR: " + state.srEntries().get(1).failure().orElseThrow());
  }

  @Test
  void aStudyWithNoSrSaysSo() throws Exception {
    TestHost host = new TestHost(Fixtures.study(), List.of(ct()));
    controller(host, null, READER, study -> Optional.empty()).studyOpened(Fixtures.study());
    drainUntil(
        () ->
            state.srLoad() == MutablePanelState.Load.DONE
                && state.priorsLoad() == MutablePanelState.Load.DONE);
    assertThat(state.srMessage()).isEqualTo("No SR in this study");
    assertThat(state.priorsMessage()).isEqualTo("No prior study to compare with");
  }

  @Test
  void withoutAnSrReaderTheViewSaysItIsNotAvailable() throws Exception {
    TestHost host = new TestHost(Fixtures.study(), List.of(sr(Fixtures.SR_UID, GOOD_SR)));
    controller(host, null, null, null).studyOpened(Fixtures.study());
    drainUntil(() -> state.srLoad() == MutablePanelState.Load.UNAVAILABLE);
    assertThat(state.srMessage()).isEqualTo("SR view not available in this build");
  }

  @Test
  void aFailingPriorComparisonIsShownAndTheRestWorks() throws Exception {
    TestHost host = new TestHost(Fixtures.study(), List.of(sr(Fixtures.SR_UID, GOOD_SR)));
    controller(
            host,
            null,
            READER,
            study -> {
              throw new java.io.IOException("QIDO-RS 503 from PACS");
            })
        .studyOpened(Fixtures.study());
    drainUntil(
        () ->
            state.priorsLoad() == MutablePanelState.Load.FAILED
                && state.srLoad() == MutablePanelState.Load.DONE);
    assertThat(state.priorsMessage()).isEqualTo("Prior comparison failed: QIDO-RS 503 from PACS");
    assertThat(state.findingRows()).hasSize(3);
  }

  @Test
  void withoutADraftingServiceThePanelSaysSoAndKeepsTheDictation() throws Exception {
    TestHost host = new TestHost(Fixtures.study(), List.of());
    PanelController c = controller(host, null, READER, null);
    c.studyOpened(Fixtures.study());
    drainUntil(() -> state.srLoad() == MutablePanelState.Load.DONE);
    state.setDictation(Fixtures.DICTATION);
    c.requestDraft();
    drainUntil(() -> true);
    assertThat(state.review().phase()).isEqualTo(MutableDraftReview.Phase.UNAVAILABLE);
    assertThat(state.review().message())
        .isEqualTo("Drafting service unavailable \u2014 your dictation is kept");
    assertThat(state.dictation()).isEqualTo(Fixtures.DICTATION);
  }

  @Test
  void aDraftingServiceThatRefusesTheCallIsShownAsUnavailableWithItsReason() throws Exception {
    TestHost host = new TestHost(Fixtures.study(), List.of());
    DraftingService refusing =
        new DraftingService() {
          @Override
          public org.radassist.model.ModelInfo model() {
            return new org.radassist.model.ModelInfo("remote", "", "");
          }

          @Override
          public org.radassist.drafting.DraftCall draft(
              DraftRequest request, String key, org.radassist.drafting.DraftListener l) {
            throw new DraftingException("unavailable", true, "connection refused: 127.0.0.1:8089");
          }
        };
    PanelController c = controller(host, refusing, READER, null);
    c.studyOpened(Fixtures.study());
    drainUntil(() -> state.study().isPresent());
    state.setDictation(Fixtures.DICTATION);
    c.requestDraft();
    drainUntil(() -> state.review().phase() == MutableDraftReview.Phase.UNAVAILABLE);
    assertThat(state.review().message())
        .isEqualTo(
            "Drafting service unavailable \u2014 your dictation is kept (connection refused: 127.0.0.1:8089)");
    assertThat(state.dictation()).isEqualTo(Fixtures.DICTATION);
  }

  @Test
  void aStreamThatBreaksPartWayKeepsTheSectionsThatArrived() throws Exception {
    List<DraftEvent> events = new ArrayList<>(Fixtures.draftEventsUntilFindings());
    events.add(new DraftEvent.Failed("upstream_unavailable", true, "LLM backend returned 502"));
    ScriptedDraftingService service = new ScriptedDraftingService(events, 1);
    PanelController c =
        controller(new TestHost(Fixtures.study(), List.of()), service, READER, null);
    c.studyOpened(Fixtures.study());
    drainUntil(() -> state.study().isPresent());
    state.setDictation(Fixtures.DICTATION);
    c.requestDraft();
    drainUntil(() -> state.review().phase() == MutableDraftReview.Phase.FAILED);
    assertThat(state.review().sections()).hasSize(3);
    assertThat(state.review().message()).endsWith("(LLM backend returned 502)");
    assertThat(state.dictation()).isEqualTo(Fixtures.DICTATION);
  }

  /**
   * The panel without the speech hook, drafting with the remote client against a real capturing
   * server on loopback: the dictation full of identifiers leaves with none of them.
   */
  @Test
  void withoutTheSpeechHookNoIdentifierReachesTheDraftingServer() throws Exception {
    java.util.concurrent.ScheduledExecutorService scheduler =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
    okhttp3.OkHttpClient http = new okhttp3.OkHttpClient();
    try (org.radassist.drafting.testing.CapturingDraftServer server =
        new org.radassist.drafting.testing.CapturingDraftServer()) {
      DraftingService remote =
          org.radassist.drafting.remote.RemoteDraftingService.create(
              org.radassist.drafting.remote.RemoteConfig.defaults(server.uri(), "token-1"),
              http,
              scheduler,
              new java.util.Random(),
              java.time.Clock.systemUTC());
      org.radassist.model.StudyContext study =
          org.radassist.drafting.testing.IdentifierDictation.STUDY;
      PanelController c = controller(new TestHost(study, List.of()), remote, READER, null);
      c.studyOpened(study);
      drainUntil(() -> state.study().isPresent());
      state.setDictation(org.radassist.drafting.testing.IdentifierDictation.TEXT);
      c.requestDraft();
      drainUntil(() -> state.review().phase() == MutableDraftReview.Phase.COMPLETE);

      assertThat(server.captured()).hasSize(1);
      org.radassist.drafting.testing.IdentifierDictation.assertNoneLeaves(
          server.captured().get(0).everything());
      org.radassist.drafting.testing.IdentifierDictation.assertFindingsSent(
          server.draftBodies().get(0));
    } finally {
      scheduler.shutdownNow();
      http.dispatcher().executorService().shutdownNow();
    }
  }

  @Test
  void theDraftStreamsInAndTheRequestCarriesNoIdentifyingData() throws Exception {
    ScriptedDraftingService service = new ScriptedDraftingService(Fixtures.draftEvents(), 1);
    TestHost host = new TestHost(Fixtures.study(), List.of(sr(Fixtures.SR_UID, GOOD_SR)));
    PanelController c = controller(host, service, READER, null);
    c.studyOpened(Fixtures.study());
    drainUntil(() -> state.srLoad() == MutablePanelState.Load.DONE);
    state.setDictation(Fixtures.DICTATION);
    c.requestDraft();
    assertThat(state.review().phase()).isEqualTo(MutableDraftReview.Phase.STREAMING);
    drainUntil(() -> state.review().phase() == MutableDraftReview.Phase.COMPLETE);
    assertThat(state.review().section(SectionKind.FINDINGS).orElseThrow().text())
        .isEqualTo(Fixtures.FINDINGS_TEXT);
    assertThat(state.criticalUnresolved()).isTrue();

    DraftRequest request = service.requests.get(0);
    assertThat(request.dictationText()).isEqualTo(Fixtures.DICTATION);
    assertThat(request.patient().ageYears()).isEqualTo(68);
    assertThat(request.study().modality()).isEqualTo("CT");
    assertThat(request.aiResults())
        .extracting(a -> a.finding())
        .containsExactly("Nodule", "Aorta", "Vertebra");
    assertThat(request.aiResults().get(0).sizeMm()).isEqualTo(10.0);
    String all = request.toString();
    assertThat(all)
        .doesNotContain("Test^Patient")
        .doesNotContain("ACC-0042")
        .doesNotContain("PID-7")
        .doesNotContain(Fixtures.study().studyInstanceUid())
        .doesNotContain(Fixtures.SR_UID)
        .doesNotContain("1958");
  }

  @Test
  void eventsOfADraftForAStudyNoLongerOnScreenAreDropped() throws Exception {
    ScriptedDraftingService service = new ScriptedDraftingService(Fixtures.draftEvents(), 5);
    TestHost host = new TestHost(Fixtures.study(), List.of());
    PanelController c = controller(host, service, READER, null);
    c.studyOpened(Fixtures.study());
    drainUntil(() -> state.study().isPresent());
    state.setDictation(Fixtures.DICTATION);
    c.requestDraft();
    Thread.sleep(40);
    c.studyClosed(Fixtures.study().studyInstanceUid());
    Thread.sleep(200);
    drainUntil(() -> true);
    assertThat(state.study()).isEmpty();
    assertThat(state.review().sections()).isEmpty();
    assertThat(state.review().phase()).isEqualTo(MutableDraftReview.Phase.IDLE);
  }

  @Test
  void aClickOnAFindingAsksTheViewerToOpenItsImageWithTheRegion() throws Exception {
    TestHost host = new TestHost(Fixtures.study(), List.of());
    PanelController c = controller(host, null, READER, null);
    c.openImage(Fixtures.findings().get(0).references().get(0));
    drainUntil(() -> !state.notice().isEmpty());
    assertThat(host.opened).hasSize(1);
    assertThat(host.opened.get(0).region().graphicType())
        .isEqualTo(org.radassist.model.ImageRegion.GraphicType.CIRCLE);
    assertThat(state.notice()).isEqualTo("Image opened, region drawn");
  }

  @Test
  void theSharedTestFilesAreThere() {
    assertThat(GOOD_SR).exists();
    assertThat(BAD_SR).exists();
  }
}
