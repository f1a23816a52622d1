package org.radassist.weasis.bridge.internal;

import java.awt.Shape;
import java.beans.PropertyChangeEvent;
import java.beans.PropertyChangeListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
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
import org.radassist.weasis.bridge.internal.context.DicomTags;
import org.radassist.weasis.bridge.internal.context.ImageLocator;
import org.radassist.weasis.bridge.internal.context.LocatedImage;
import org.radassist.weasis.bridge.internal.context.RegionShapes;
import org.radassist.weasis.bridge.internal.context.RoleGrants;
import org.radassist.weasis.bridge.internal.context.StudyContextHub;
import org.radassist.weasis.bridge.internal.context.StudyContextMapper;
import org.radassist.weasis.bridge.internal.context.StudyRemoval;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.weasis.core.api.explorer.ObservableEvent;
import org.weasis.core.api.media.data.MediaElement;
import org.weasis.core.api.media.data.MediaSeries;
import org.weasis.core.api.media.data.MediaSeriesGroup;
import org.weasis.core.ui.editor.SeriesViewerEvent;
import org.weasis.core.ui.editor.SeriesViewerListener;
import org.weasis.core.ui.editor.ViewerPluginBuilder;
import org.weasis.dicom.codec.TagD;
import org.weasis.dicom.explorer.DicomModel;

/**
 * RadAssist's {@link ViewerHost} backed by Weasis. It follows the series selected in the 2D viewer
 * (it is the {@link SeriesViewerListener} the RadAssist tool subscribes to Weasis' EventManager)
 * and answers questions about the loaded studies from {@link DicomModel}.
 *
 * <p>A study is closed for the listeners when another study comes to front, when DicomModel removes
 * its patient, the study or its last series (ObservableEvent REMOVE, the event Weasis' own viewers
 * close their views on), when the last viewer closes (NULL_SELECTION on Weasis' default data
 * model), when the RadAssist tool is disposed and when this component stops. {@link #openImage}
 * shows the referenced instance and frame in the selected 2D view and draws a 2D region ({@link
 * WeasisImageOpener}). Partly done: SCOORD3D regions are not drawn (no patient-to-image mapping);
 * only the studies of the selected series' patient are seen.
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
  private final StudyRemoval<MediaSeriesGroup> removal;
  private final WeasisImageOpener opener;
  private final PropertyChangeListener removals = this::modelChanged;
  private final PropertyChangeListener viewersClosed = this::viewersChanged;
  private final String hostName;
  private final UserIdentity user;
  private volatile MediaSeriesGroup selectedSeries;

  /** The nodes of the study on screen, to recognise its removal; null when none is followed. */
  private volatile Shown shown;

  private record Shown(
      String studyUid,
      MediaSeriesGroup series,
      MediaSeriesGroup study,
      MediaSeriesGroup patient,
      int instances) {}

  @Activate
  public WeasisViewerHost(
      @Reference(name = "dicomModel") DicomModel model,
      WeasisHostConfig config,
      BundleContext context) {
    this.model = model;
    WeasisTree tree = new WeasisTree(model);
    this.mapper = new StudyContextMapper<>(tree);
    this.removal = new StudyRemoval<>(tree);
    this.opener = new WeasisImageOpener(model);
    String version = context.getProperty("weasis.version");
    this.hostName = version == null || version.isBlank() ? "Weasis" : "Weasis " + version;
    this.user = user(config, context);
    model.addPropertyChangeListener(removals);
    ViewerPluginBuilder.DefaultDataModel.addPropertyChangeListener(viewersClosed);
  }

  @Deactivate
  void deactivate() {
    ViewerPluginBuilder.DefaultDataModel.removePropertyChangeListener(viewersClosed);
    model.removePropertyChangeListener(removals);
    stopFollowing();
  }

  /**
   * The RadAssist tool is gone (or this component stops): the study on screen is closed for the
   * listeners; the next selection while a tool lives opens it again.
   */
  void stopFollowing() {
    shown = null;
    hub.closeCurrent();
  }

  /**
   * Weasis fires NULL_SELECTION on its default data model when the last viewer closes (its
   * ViewerPlugin.handleFocusAfterClosing): nothing is on screen any more.
   */
  private void viewersChanged(PropertyChangeEvent event) {
    if (event instanceof ObservableEvent e
        && e.getActionCommand() == ObservableEvent.BasicAction.NULL_SELECTION) {
      shown = null;
      hub.closeCurrent();
    }
  }

  /** DicomModel's events, on the event thread. */
  private void modelChanged(PropertyChangeEvent event) {
    if (event instanceof ObservableEvent e
        && e.getActionCommand() == ObservableEvent.BasicAction.LOADING_STOP) {
      reopenIfGrown();
      return;
    }
    if (!(event instanceof ObservableEvent e)
        || e.getActionCommand() != ObservableEvent.BasicAction.REMOVE
        || !(e.getNewValue() instanceof MediaSeriesGroup removed)) {
      return;
    }
    Shown current = shown;
    if (current != null
        && removal.closesStudy(removed, current.series(), current.study(), current.patient())) {
      shown = null;
      hub.closeIfCurrent(current.studyUid());
    }
  }

  /**
   * Weasis shows the first series while it is still loading the rest: the study's SR (its own
   * series, arriving later) is not there when the study opens. When a load ends (LOADING_STOP) and
   * the study on screen has more instances than when it opened, it is opened again for the
   * listeners, so the panels read what arrived.
   */
  private void reopenIfGrown() {
    Shown current = shown;
    if (current == null) {
      return;
    }
    int now = mapper.loadedInstances(current.series(), current.studyUid()).size();
    if (now <= current.instances()) {
      return;
    }
    Optional<StudyContext> study = mapper.studyContextOf(current.series());
    if (study.isEmpty()) {
      return;
    }
    shown =
        new Shown(current.studyUid(), current.series(), current.study(), current.patient(), now);
    hub.closeIfCurrent(current.studyUid());
    hub.selected(study.get(), mapper.seriesContext(current.series()).orElse(null));
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
    MediaSeriesGroup studyNode = model.getParent(series, DicomModel.study);
    String uid = study.get().studyInstanceUid();
    Shown previous = shown;
    // what the listeners were told the study holds: counted when it opens, not at every selection
    int instances =
        previous != null && previous.studyUid().equals(uid)
            ? previous.instances()
            : mapper.loadedInstances(series, uid).size();
    shown =
        new Shown(uid, series, studyNode, model.getParent(series, DicomModel.patient), instances);
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
    List<MediaElement> elements = new WeasisTree(model).instances(series);
    Integer frame = reference.frames().isEmpty() ? null : reference.frames().get(0);
    OptionalInt index = indexOf(elements, reference.sopInstanceUid(), frame);
    Optional<Shape> region = RegionShapes.shapeOf(reference.region());
    if (index.isEmpty()) {
      // the instance is loaded but not that frame: show the instance, without the frame's region
      index = indexOf(elements, reference.sopInstanceUid(), null);
      region = Optional.empty();
    }
    MediaElement media =
        index.isPresent() ? elements.get(index.getAsInt()) : found.get().instance();
    return opener.open(series, media, region);
  }

  private static OptionalInt indexOf(List<MediaElement> elements, String sop, Integer frame) {
    return ImageLocator.indexOf(
        elements,
        e -> TagD.getTagValue(e, DicomTags.SOP_INSTANCE_UID, String.class),
        MediaElement::getKey,
        sop,
        frame);
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
