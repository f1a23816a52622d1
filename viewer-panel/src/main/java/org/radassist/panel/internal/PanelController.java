package org.radassist.panel.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.radassist.drafting.AiResult;
import org.radassist.drafting.DictationChunk;
import org.radassist.drafting.DraftCall;
import org.radassist.drafting.DraftRequest;
import org.radassist.drafting.DraftingService;
import org.radassist.drafting.PatientInfo;
import org.radassist.drafting.StudyInfo;
import org.radassist.drafting.TemplateSpec;
import org.radassist.host.LoadedInstance;
import org.radassist.host.OpenResult;
import org.radassist.host.StudyContextListener;
import org.radassist.host.ViewerHost;
import org.radassist.model.Finding;
import org.radassist.model.ImageReference;
import org.radassist.model.StudyContext;
import org.radassist.panel.PriorComparisonSource;
import org.radassist.panel.SrDocumentReader;
import org.radassist.panel.SrDocumentView;
import org.radassist.panel.model.DraftReview;
import org.radassist.panel.model.PanelState;
import org.radassist.panel.model.SrEntry;

/**
 * Connects the panel state to the host, the SR reader, the prior comparison and the drafting
 * service. Slow work (listing and parsing SRs, priors, drafting calls, opening images) runs on the
 * background executor; every state change runs on the UI executor (the Swing event thread in a
 * viewer). Work of a study that is no longer on screen is dropped.
 */
public final class PanelController implements StudyContextListener {

  /** Shown where the SR reader is not part of this build or host. */
  public static final String SR_UNAVAILABLE = "SR view not available in this build";

  /** Shown where the prior comparison is not part of this build or host. */
  public static final String PRIORS_UNAVAILABLE = "Prior comparison not available in this build";

  private final PanelState state;
  private final ViewerHost host;
  private final Supplier<Optional<DraftingService>> drafting;
  private final Supplier<Optional<SrDocumentReader>> srReader;
  private final Supplier<Optional<PriorComparisonSource>> priors;
  private final Executor background;
  private final Executor ui;
  private final AtomicLong generation = new AtomicLong();
  private final AtomicLong draftGeneration = new AtomicLong();
  private volatile DraftCall inFlight;
  private volatile String studyToken = "";

  /**
   * @param drafting the drafting service when there is one (looked up at each request)
   * @param srReader the SR reader when one is installed (looked up at each study)
   * @param priors the prior comparison when one is installed (looked up at each study)
   */
  public PanelController(
      PanelState state,
      ViewerHost host,
      Supplier<Optional<DraftingService>> drafting,
      Supplier<Optional<SrDocumentReader>> srReader,
      Supplier<Optional<PriorComparisonSource>> priors,
      Executor background,
      Executor ui) {
    this.state = state;
    this.host = host;
    this.drafting = drafting;
    this.srReader = srReader;
    this.priors = priors;
    this.background = background;
    this.ui = ui;
  }

  public PanelState state() {
    return state;
  }

  // ---------------------------------------------------------------- host events (any thread)

  @Override
  public void studyOpened(StudyContext study) {
    long gen = generation.incrementAndGet();
    cancelDraft();
    studyToken = UUID.randomUUID().toString();
    ui.execute(() -> state.studyOpened(study));
    background.execute(() -> loadSrs(study, gen));
    background.execute(() -> loadPriors(study, gen));
  }

  @Override
  public void studyClosed(String studyInstanceUid) {
    generation.incrementAndGet();
    cancelDraft();
    ui.execute(state::studyClosed);
  }

  private void loadSrs(StudyContext study, long gen) {
    SrDocumentReader reader = srReader.get().orElse(null);
    if (reader == null) {
      onUi(gen, () -> state.srUnavailable(SR_UNAVAILABLE));
      return;
    }
    List<LoadedInstance> srs;
    try {
      srs =
          host.loadedInstances(study.studyInstanceUid()).stream()
              .filter(LoadedInstance::isStructuredReport)
              .toList();
    } catch (RuntimeException e) {
      onUi(
          gen,
          () -> state.srFailed("The viewer could not list the study's instances: " + reason(e)));
      return;
    }
    List<SrEntry> loading = new ArrayList<>();
    srs.forEach(i -> loading.add(SrEntry.loading(i.sopInstanceUid(), label(i))));
    onUi(gen, () -> state.srLoading(loading));
    for (LoadedInstance instance : srs) {
      SrEntry result;
      try {
        SrDocumentView doc = reader.read(instance);
        result = new SrEntry(instance.sopInstanceUid(), label(instance), doc, null);
      } catch (Exception | LinkageError e) {
        result =
            new SrEntry(
                instance.sopInstanceUid(),
                label(instance),
                null,
                "Could not be read: " + reason(e));
      }
      SrEntry done = result;
      onUi(gen, () -> state.srRead(done));
    }
  }

  private static String label(LoadedInstance i) {
    String path = i.location().getPath();
    if (path != null && !path.isBlank()) {
      return path.substring(path.lastIndexOf('/') + 1);
    }
    return i.sopInstanceUid();
  }

  private void loadPriors(StudyContext study, long gen) {
    PriorComparisonSource source = priors.get().orElse(null);
    if (source == null) {
      onUi(gen, () -> state.priorsUnavailable(PRIORS_UNAVAILABLE));
      return;
    }
    onUi(gen, state::priorsLoading);
    try {
      var comparison = source.compare(study);
      onUi(gen, () -> state.priorsLoaded(comparison == null ? Optional.empty() : comparison));
    } catch (Exception | LinkageError e) {
      onUi(gen, () -> state.priorsFailed("Prior comparison failed: " + reason(e)));
    }
  }

  // ---------------------------------------------------------------- gestures (UI thread)

  /**
   * Asks for a draft of the current dictation. Call on the UI thread. When no drafting service is
   * there, or it refuses or fails, the review says so and the dictation stays as it is.
   */
  public void requestDraft() {
    cancelDraft();
    long gen = generation.get();
    long draftGen = draftGeneration.incrementAndGet();
    Optional<DraftingService> service = drafting.get();
    if (service.isEmpty()) {
      state.review().unavailable("");
      state.changed();
      return;
    }
    DraftRequest request = buildRequest();
    state.review().start(request.template().sections());
    state.changed();
    background.execute(
        () -> {
          try {
            DraftCall call =
                service
                    .get()
                    .draft(
                        request,
                        UUID.randomUUID().toString(),
                        e ->
                            onUiDraft(
                                gen,
                                draftGen,
                                () -> {
                                  state.review().apply(e);
                                  state.changed();
                                }));
            inFlight = call;
            if (draftGeneration.get() != draftGen) {
              call.cancel(); // the radiologist moved on while the call was being made
            }
            call.result()
                .whenComplete(
                    (report, error) -> {
                      if (error != null && !(unwrap(error) instanceof CancellationException)) {
                        onUiDraft(
                            gen,
                            draftGen,
                            () -> {
                              state.review().failed(reason(unwrap(error)));
                              state.changed();
                            });
                      }
                    });
          } catch (RuntimeException | LinkageError e) {
            onUiDraft(
                gen,
                draftGen,
                () -> {
                  if (state.review().phase() == DraftReview.Phase.STREAMING) {
                    state.review().reset();
                  }
                  state.review().unavailable(reason(e));
                  state.changed();
                });
          }
        });
  }

  /** Asks the host to open a finding's image, with its region; the outcome shows as a notice. */
  public void openImage(ImageReference reference) {
    long gen = generation.get();
    background.execute(
        () -> {
          try {
            host.openImage(reference)
                .whenComplete(
                    (result, error) ->
                        onUi(
                            gen,
                            () ->
                                state.setNotice(
                                    error != null
                                        ? "The viewer could not open the image: "
                                            + reason(unwrap(error))
                                        : describe(result))));
          } catch (RuntimeException e) {
            onUi(gen, () -> state.setNotice("The viewer could not open the image: " + reason(e)));
          }
        });
  }

  private static String describe(OpenResult result) {
    if (result == null) {
      return "";
    }
    return switch (result) {
      case OPENED_WITH_REGION -> "Image opened, region drawn";
      case OPENED -> "Image opened (this viewer cannot draw the region)";
      case NOT_LOADED -> "That image is not loaded in the viewer";
      case UNSUPPORTED -> "The viewer cannot show that kind of object";
    };
  }

  /** Stops background work and drops anything still to come. */
  public void dispose() {
    generation.incrementAndGet();
    cancelDraft();
  }

  private void cancelDraft() {
    draftGeneration.incrementAndGet();
    DraftCall call = inFlight;
    inFlight = null;
    if (call != null) {
      try {
        call.cancel();
      } catch (RuntimeException ignored) {
        // a broken service must not keep the radiologist from moving on
      }
    }
  }

  /**
   * The PHI-free request: an opaque per-study token, modality and body part, age band and sex, the
   * dictation, and the AI findings without any UID.
   */
  DraftRequest buildRequest() {
    StudyContext study = state.study().orElse(StudyContext.ofStudy("none"));
    String modality =
        study.modalities().stream().filter(m -> !"SR".equals(m)).findFirst().orElse(null);
    StudyInfo info =
        new StudyInfo(
            studyToken.isEmpty() ? UUID.randomUUID().toString() : studyToken,
            modality,
            study.bodyPart(),
            null,
            null,
            null);
    PatientInfo patient = new PatientInfo(study.patientAgeYears().orElse(null), study.patientSex());
    List<AiResult> ai = new ArrayList<>();
    for (Finding f : state.findings()) {
      ai.add(
          new AiResult(
              "sr:" + (f.source() == null ? "" : f.source().template()),
              f.algorithm(),
              f.type() == null ? "finding" : nonBlank(f.type().meaning(), f.type().code()),
              f.largestLengthMillimetres().orElse(null),
              f.site() == null ? null : nonBlank(f.site().meaning(), f.site().code()),
              null,
              f.confidence(),
              null));
    }
    return new DraftRequest(
        null,
        UUID.randomUUID().toString(),
        info,
        patient,
        null,
        List.of(new DictationChunk(0, true, state.dictation())),
        List.of(),
        ai,
        TemplateSpec.DEFAULT,
        null,
        null);
  }

  private static String nonBlank(String a, String b) {
    return a == null || a.isBlank() ? b : a;
  }

  private void onUi(long gen, Runnable r) {
    ui.execute(
        () -> {
          if (generation.get() == gen) {
            r.run();
          }
        });
  }

  private void onUiDraft(long gen, long draftGen, Runnable r) {
    onUi(
        gen,
        () -> {
          if (draftGeneration.get() == draftGen) {
            r.run();
          }
        });
  }

  private static Throwable unwrap(Throwable t) {
    return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
  }

  private static String reason(Throwable e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }
}
