package org.radassist.weasis.bridge.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javax.swing.SwingUtilities;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.radassist.host.LoadedInstance;
import org.radassist.host.OpenResult;
import org.radassist.host.SeriesContext;
import org.radassist.host.StudyContextListener;
import org.radassist.host.UserIdentity;
import org.radassist.host.ViewerHost;
import org.radassist.model.ImageReference;
import org.radassist.model.StudyContext;
import org.radassist.weasis.bridge.internal.context.LocatedImage;
import org.radassist.weasis.bridge.internal.context.RoleGrants;
import org.radassist.weasis.bridge.internal.context.StudyContextHub;
import org.radassist.weasis.bridge.internal.context.StudyContextMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.weasis.core.api.media.data.MediaElement;
import org.weasis.core.api.media.data.MediaSeries;
import org.weasis.core.api.media.data.MediaSeriesGroup;
import org.weasis.core.ui.editor.SeriesViewerEvent;
import org.weasis.core.ui.editor.SeriesViewerListener;
import org.weasis.core.ui.editor.ViewerPluginBuilder;
import org.weasis.dicom.explorer.DicomModel;

/**
 * RadAssist's {@link ViewerHost} backed by Weasis. It follows the series selected in the 2D viewer
 * (it is the {@link SeriesViewerListener} the RadAssist tool subscribes to Weasis' EventManager)
 * and answers questions about the loaded studies from {@link DicomModel}.
 *
 * <p>Partly done: Weasis has no "study closed" event among the types bound here, so {@code
 * studyClosed} is never sent; {@link #openImage} opens the series holding the image in the 2D
 * viewer but neither scrolls to the instance nor draws the region (result {@link
 * OpenResult#OPENED}); only the studies of the selected series' patient are seen.
 */
@Component(
    service = {ViewerHost.class, SeriesViewerListener.class},
    property = WeasisViewerHost.HOST_PROPERTY + "=" + WeasisViewerHost.HOST_VALUE,
    configurationPid = WeasisViewerHost.PID)
@Designate(ocd = WeasisHostConfig.class)
public final class WeasisViewerHost implements ViewerHost, SeriesViewerListener {
  static final String PID = "org.radassist.weasis.host";
  static final String HOST_PROPERTY = "radassist.host";
  static final String HOST_VALUE = "weasis";
  static final String TARGET = "(" + HOST_PROPERTY + "=" + HOST_VALUE + ")";

  private static final Logger LOG = LoggerFactory.getLogger(WeasisViewerHost.class);

  private final DicomModel model;
  private final StudyContextMapper<MediaSeriesGroup, MediaElement> mapper;
  private final StudyContextHub hub = new StudyContextHub();
  private final String hostName;
  private final UserIdentity user;
  private volatile MediaSeriesGroup selectedSeries;

  @Activate
  public WeasisViewerHost(
      @Reference(name = "dicomModel") DicomModel model,
      WeasisHostConfig config,
      BundleContext context) {
    this.model = model;
    this.mapper = new StudyContextMapper<>(new WeasisTree(model));
    String version = context.getProperty("weasis.version");
    this.hostName = version == null || version.isBlank() ? "Weasis" : "Weasis " + version;
    this.user = user(config, context);
  }

  private static UserIdentity user(WeasisHostConfig config, BundleContext context) {
    String id = config.user_id();
    if (id == null || id.isBlank()) {
      id = context.getProperty("weasis.user");
    }
    if (id == null || id.isBlank()) {
      id = System.getProperty("user.name", "weasis");
    }
    List<String> unknown = new ArrayList<>();
    UserIdentity identity = new UserIdentity(id, id, RoleGrants.parse(config.roles(), unknown));
    if (!unknown.isEmpty()) {
      LOG.warn("{}: unknown roles ignored: {}", PID, unknown);
    }
    return identity;
  }

  /** Weasis calls this on the EDT when the 2D viewer's content changes. */
  @Override
  public void changingViewContentEvent(SeriesViewerEvent event) {
    if (event == null || event.getSeries() == null) {
      return;
    }
    SeriesViewerEvent.EVENT type = event.getEventType();
    if (type != SeriesViewerEvent.EVENT.SELECT
        && type != SeriesViewerEvent.EVENT.SELECT_VIEW
        && type != SeriesViewerEvent.EVENT.ADD) {
      return;
    }
    MediaSeriesGroup series = event.getSeries();
    Optional<StudyContext> study = mapper.studyContextOf(series);
    Optional<SeriesContext> seriesContext = mapper.seriesContext(series);
    if (study.isEmpty()) {
      LOG.debug("RadAssist: selected series has no study in DicomModel, ignored");
      return;
    }
    selectedSeries = series;
    hub.selected(study.get(), seriesContext.orElse(null));
  }

  @Override
  public String hostName() {
    return hostName;
  }

  @Override
  public Optional<StudyContext> currentStudy() {
    return hub.currentStudy();
  }

  @Override
  public List<LoadedInstance> loadedInstances(String studyInstanceUid) {
    MediaSeriesGroup series = selectedSeries;
    return series == null ? List.of() : mapper.loadedInstances(series, studyInstanceUid);
  }

  @Override
  public List<StudyContext> loadedStudiesOfPatient(String studyInstanceUid) {
    MediaSeriesGroup series = selectedSeries;
    if (series == null) {
      return List.of();
    }
    List<StudyContext> studies = mapper.studiesOfPatient(series);
    boolean known = studies.stream().anyMatch(s -> s.studyInstanceUid().equals(studyInstanceUid));
    return known ? studies : List.of();
  }

  @Override
  public CompletionStage<OpenResult> openImage(ImageReference reference) {
    MediaSeriesGroup current = selectedSeries;
    Optional<LocatedImage<MediaSeriesGroup, MediaElement>> found =
        current == null ? Optional.empty() : mapper.locate(current, reference);
    if (found.isEmpty()) {
      return CompletableFuture.completedFuture(OpenResult.NOT_LOADED);
    }
    if (!(found.get().series() instanceof MediaSeries<?> series)) {
      return CompletableFuture.completedFuture(OpenResult.UNSUPPORTED);
    }
    CompletableFuture<OpenResult> result = new CompletableFuture<>();
    SwingUtilities.invokeLater(
        () -> {
          try {
            @SuppressWarnings("unchecked")
            MediaSeries<? extends MediaElement> viewable =
                (MediaSeries<? extends MediaElement>) series;
            ViewerPluginBuilder.openSequenceInDefaultPlugin(List.of(viewable), model, true, false);
            result.complete(OpenResult.OPENED);
          } catch (RuntimeException e) {
            result.completeExceptionally(e);
          }
        });
    return result;
  }

  @Override
  public UserIdentity currentUser() {
    return user;
  }

  @Override
  public void addStudyContextListener(StudyContextListener listener) {
    hub.add(listener);
  }

  @Override
  public void removeStudyContextListener(StudyContextListener listener) {
    hub.remove(listener);
  }
}
