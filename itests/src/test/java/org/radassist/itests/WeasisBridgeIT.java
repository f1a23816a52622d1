package org.radassist.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemPackages;

import java.awt.Component;
import java.awt.event.FocusEvent;
import java.awt.event.KeyEvent;
import java.beans.PropertyChangeEvent;
import java.io.File;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import javax.inject.Inject;
import javax.swing.BoundedRangeModel;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JTabbedPane;
import javax.swing.SwingUtilities;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;
import org.radassist.host.LoadedInstance;
import org.radassist.host.OpenResult;
import org.radassist.host.PanelContribution;
import org.radassist.host.Role;
import org.radassist.host.SeriesContext;
import org.radassist.host.StudyContextListener;
import org.radassist.host.UserIdentity;
import org.radassist.host.ViewerHost;
import org.radassist.model.ImageReference;
import org.radassist.model.ImageRegion;
import org.radassist.model.StudyContext;
import org.weasis.core.api.explorer.ObservableEvent;
import org.weasis.core.api.explorer.model.TreeModelNode;
import org.weasis.core.api.gui.Insertable;
import org.weasis.core.api.gui.InsertableFactory;
import org.weasis.core.api.gui.util.ActionW;
import org.weasis.core.api.gui.util.SliderCineListener;
import org.weasis.core.api.media.data.MediaSeries;
import org.weasis.core.api.media.data.MediaSeriesGroup;
import org.weasis.core.api.media.data.MediaSeriesGroupNode;
import org.weasis.core.api.media.data.TagW;
import org.weasis.core.ui.docking.PluginTool;
import org.weasis.core.ui.editor.SeriesViewerEvent;
import org.weasis.core.ui.editor.ViewerPluginBuilder;
import org.weasis.core.ui.editor.image.ImageViewerPlugin;
import org.weasis.core.ui.editor.image.ViewCanvas;
import org.weasis.core.ui.model.GraphicModel;
import org.weasis.core.ui.model.graphic.Graphic;
import org.weasis.dicom.codec.DicomImageElement;
import org.weasis.dicom.codec.DicomMediaIO;
import org.weasis.dicom.codec.DicomSeries;
import org.weasis.dicom.codec.DicomSpecialElement;
import org.weasis.dicom.codec.TagD;
import org.weasis.dicom.explorer.DicomModel;
import org.weasis.dicom.viewer2d.EventManager;

/**
 * The Weasis bridge inside Felix 7.0.5 + SCR 2.2.18 (Weasis 4.7's versions), shaped like Weasis
 * (slf4j and FlatLaf from the system bundle), against the stand-in bundle that exports the Weasis
 * 4.7 declarations at 4.7.2 as Weasis exports its packages. A DicomModel service with a small
 * patient tree stands in for Weasis' DICOM explorer, and a recording view for its 2D viewer.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WeasisBridgeIT {
  private static final String BRIDGE = "org.radassist.weasis.bridge";
  private static final String VIEW2D = "org.weasis.dicom.viewer2d.View2dContainer";
  private static final String HOST = "(radassist.host=weasis)";

  /** The model, host SPI, the Weasis API stand-in and the bridge: nothing else of RadAssist. */
  private static final Predicate<File> BRIDGE_AND_API =
      f ->
          f.getName().startsWith("org.radassist.model-")
              || f.getName().startsWith("org.radassist.host.spi-")
              || RadAssistRuntime.WEASIS_ONLY.test(f);

  /** Weasis' explorer model: one instance, registered once for the whole class (like Weasis). */
  private static final Explorer EXPLORER = new Explorer();

  @Inject BundleContext context;
  @Inject ConfigurationAdmin configAdmin;

  @Configuration
  public Option[] config() {
    return options(
        systemPackages(WeasisShapedFrameworkIT.WEASIS_SYSTEM_PACKAGES_EXTRA.split(",")),
        RadAssistRuntime.framework(BRIDGE_AND_API));
  }

  // ---- a small DICOM explorer tree: one patient, one study, a CT series and an SR series ----

  /** Weasis' DicomModel answering from a small tree of the stand-in's real node types. */
  static final class Explorer extends DicomModel {
    final Map<MediaSeriesGroup, MediaSeriesGroup> studyOf = new ConcurrentHashMap<>();
    final Map<MediaSeriesGroup, MediaSeriesGroup> patientOf = new ConcurrentHashMap<>();
    final Map<MediaSeriesGroup, List<MediaSeriesGroup>> children = new ConcurrentHashMap<>();

    @Override
    public MediaSeriesGroup getParent(MediaSeriesGroup node, TreeModelNode level) {
      return level == DicomModel.study
          ? studyOf.get(node)
          : level == DicomModel.patient ? patientOf.get(node) : null;
    }

    @Override
    public Collection<MediaSeriesGroup> getChildren(MediaSeriesGroup node) {
      return children.getOrDefault(node, List.of());
    }
  }

  private static MediaSeriesGroup tag(MediaSeriesGroup node, int id, Object value) {
    node.setTag(TagD.get(id), value);
    return node;
  }

  /** One frame of a CT instance, keyed like Weasis by its frame index from 0 (null: one frame). */
  private static DicomImageElement frame(String sopInstanceUid, Integer key, URI uri) {
    DicomImageElement frame = new DicomImageElement(new DicomMediaIO(uri), key);
    frame.setTag(TagD.get(0x00080018), sopInstanceUid);
    frame.setTag(TagD.get(0x00080016), "1.2.840.10008.5.1.4.1.1.2");
    return frame;
  }

  /**
   * patient, study, CT (two frames of one instance, then a single-frame one) and an SR series whose
   * document is, as in Weasis 4.7.2, a DicomSpecialElement in the series' tag
   * DicomSpecialElementList, not a media of the series.
   */
  static MediaSeriesGroup[] tree(String studyUid) {
    MediaSeriesGroup patient =
        tag(
            tag(new MediaSeriesGroupNode(TagW.PatientPseudoUID, "P-IT", null), 0x00100020, "P-IT"),
            0x00100040,
            "M");
    MediaSeriesGroup study =
        tag(
            tag(
                new MediaSeriesGroupNode(TagD.get(0x0020000D), studyUid, null),
                0x0020000D,
                studyUid),
            0x00080050,
            "ACC-" + studyUid);
    DicomSeries ct = new DicomSeries(studyUid + ".1");
    tag(tag(ct, 0x0020000E, studyUid + ".1"), 0x00080060, "CT");
    DicomSeries sr = new DicomSeries(studyUid + ".2");
    tag(tag(sr, 0x0020000E, studyUid + ".2"), 0x00080060, "SR");
    EXPLORER.patientOf.put(study, patient);
    EXPLORER.children.put(patient, new CopyOnWriteArrayList<>(List.of(study)));
    EXPLORER.children.put(study, new CopyOnWriteArrayList<>(List.of(ct, sr)));
    for (MediaSeriesGroup s : List.of(ct, sr)) {
      EXPLORER.studyOf.put(s, study);
      EXPLORER.patientOf.put(s, patient);
    }
    URI ctFile = URI.create("file:///ct.dcm");
    ct.addMedia(frame(studyUid + ".1.1", 0, ctFile));
    ct.addMedia(frame(studyUid + ".1.1", 1, ctFile));
    ct.addMedia(frame(studyUid + ".1.2", null, URI.create("file:///ct2.dcm")));
    DicomSpecialElement document =
        new DicomSpecialElement(new DicomMediaIO(URI.create("file:///sr.dcm")));
    document.setTag(TagD.get(0x00080018), studyUid + ".2.1");
    document.setTag(TagD.get(0x00080016), "1.2.840.10008.5.1.4.1.1.88.33");
    sr.setTag(TagW.DicomSpecialElementList, List.of(document));
    return new MediaSeriesGroup[] {patient, study, ct, sr};
  }

  static final class Recorder implements StudyContextListener {
    final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public void studyOpened(StudyContext study) {
      calls.add("opened " + study.studyInstanceUid() + " " + study.patientId());
    }

    @Override
    public void seriesSelected(SeriesContext series) {
      calls.add("series " + series.seriesInstanceUid() + " " + series.modality());
    }

    @Override
    public void studyClosed(String studyInstanceUid) {
      calls.add("closed " + studyInstanceUid);
    }
  }

  static final class Panel implements PanelContribution {
    final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public String id() {
      return "it.panel";
    }

    @Override
    public String title() {
      return "IT panel";
    }

    @Override
    public JComponent createComponent(ViewerHost host) {
      calls.add("create on EDT=" + SwingUtilities.isEventDispatchThread() + " " + host.hostName());
      return new JLabel("it");
    }

    @Override
    public void dispose(JComponent component) {
      calls.add("dispose");
    }
  }

  /**
   * Weasis' 2D view as far as moving goes (DefaultView2d): {@code setSeries} with the series on
   * screen does nothing; the series scroll below moves within it.
   */
  static final class View implements ViewCanvas<DicomImageElement> {
    volatile MediaSeries<DicomImageElement> series;
    volatile DicomImageElement image;

    @Override
    public MediaSeries<DicomImageElement> getSeries() {
      return series;
    }

    @Override
    public DicomImageElement getImage() {
      return image;
    }

    @Override
    public Object getActionValue(String action) {
      return null;
    }

    @Override
    public void setSeries(MediaSeries<DicomImageElement> newSeries) {
      setSeries(newSeries, null);
    }

    @Override
    public void setSeries(MediaSeries<DicomImageElement> newSeries, DicomImageElement media) {
      if (newSeries == series) {
        return;
      }
      series = newSeries;
      image = media != null ? media : newSeries.getMedia(0, null, null);
    }

    @Override
    public Comparator<DicomImageElement> getCurrentSortComparator() {
      return null;
    }

    @Override
    public void propertyChange(PropertyChangeEvent evt) {}

    @Override
    public void focusGained(FocusEvent e) {}

    @Override
    public void focusLost(FocusEvent e) {}

    @Override
    public void keyTyped(KeyEvent e) {}

    @Override
    public void keyPressed(KeyEvent e) {}

    @Override
    public void keyReleased(KeyEvent e) {}
  }

  /** The 2D viewer's series scroll (ActionW.SCROLL_SERIES): a 1-based position in the view. */
  static final class Scroll extends SliderCineListener {
    final View view;
    final List<Integer> values = new CopyOnWriteArrayList<>();

    Scroll(View view) {
      super(ActionW.SCROLL_SERIES, 1, 100, 1, 10, TIME.SECOND);
      this.view = view;
    }

    @Override
    public void stateChanged(BoundedRangeModel m) {
      values.add(m.getValue());
      if (view.series != null) {
        view.image = view.series.getMedia(m.getValue() - 1, null, null);
      }
    }
  }

  @Before
  public void explorerIsThere() {
    if (context.getServiceReference(DicomModel.class) == null) {
      context.registerService(DicomModel.class, EXPLORER, null);
    }
  }

  private <T> T await(Class<T> type, String filter) throws Exception {
    ServiceTracker<T, T> tracker =
        new ServiceTracker<>(
            context,
            context.createFilter("(&(objectClass=" + type.getName() + ")" + filter + ")"),
            null);
    tracker.open();
    try {
      T service = tracker.waitForService(10_000);
      assertNotNull(type.getSimpleName() + " " + filter + " not registered", service);
      return service;
    } finally {
      tracker.close();
    }
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

  private static void onEdt(Runnable work) throws Exception {
    onEdt(
        () -> {
          work.run();
          return null;
        });
  }

  private static void select(MediaSeriesGroup series) throws Exception {
    onEdt(
        () ->
            EventManager.getInstance()
                .fireSeriesViewerListeners(
                    new SeriesViewerEvent(
                        () -> "2D", (DicomSeries) series, null, SeriesViewerEvent.EVENT.SELECT)));
  }

  private static void removed(MediaSeriesGroup node) throws Exception {
    onEdt(
        () ->
            EXPLORER.firePropertyChange(
                new ObservableEvent(ObservableEvent.BasicAction.REMOVE, EXPLORER, null, node)));
  }

  private static List<String> tabTitles(Component tool) throws Exception {
    return onEdt(
        () -> {
          List<String> titles = new ArrayList<>();
          // several panels share the tool in tabs; a single one fills it, named by a property
          for (Component c : ((java.awt.Container) tool).getComponents()) {
            if (c instanceof JTabbedPane tabs) {
              for (int i = 0; i < tabs.getTabCount(); i++) {
                titles.add(tabs.getTitleAt(i));
              }
            } else if (c instanceof javax.swing.JComponent j
                && j.getClientProperty("radassist.panel.title") instanceof String title) {
              titles.add(title);
            }
          }
          return titles;
        });
  }

  private Bundle bridge() {
    for (Bundle b : context.getBundles()) {
      if (BRIDGE.equals(b.getSymbolicName())) {
        return b;
      }
    }
    throw new AssertionError("bridge not installed");
  }

  private static OpenResult open(ViewerHost host, ImageReference reference) throws Exception {
    return host.openImage(reference).toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  @Test
  public void theBridgeResolvesWithWeasis47ImportsAgainstThe472Exports() throws Exception {
    await(InsertableFactory.class, "(" + VIEW2D + "=true)");
    Bundle bridge = bridge();
    assertEquals(Bundle.ACTIVE, bridge.getState());
    String imports = bridge.getHeaders().get("Import-Package");
    assertTrue(imports, imports.contains("org.weasis.dicom.viewer2d;version=\"[4.7,5)\""));

    Set<String> imported = new TreeSet<>();
    for (String clause : imports.split(",(?=[a-z])")) {
      String pkg = clause.split(";")[0].trim();
      if (pkg.startsWith("org.weasis.")) {
        imported.add(pkg);
        assertTrue(clause, clause.contains("version=\"[4.7,5)\""));
      }
    }
    Set<String> wired = new TreeSet<>();
    for (BundleWire wire :
        bridge.adapt(BundleWiring.class).getRequiredWires("osgi.wiring.package")) {
      String pkg = (String) wire.getCapability().getAttributes().get("osgi.wiring.package");
      if (pkg.startsWith("org.weasis.")) {
        wired.add(pkg);
        assertEquals(pkg, "org.radassist.weasis.api", wire.getProvider().getSymbolicName());
        assertEquals(pkg, "4.7.2", wire.getCapability().getAttributes().get("version").toString());
        String filter = wire.getRequirement().getDirectives().get("filter");
        assertTrue(filter, filter.contains("(version>=4.7.0)"));
        assertTrue(filter, filter.contains("(!(version>=5.0.0))"));
      }
    }
    assertTrue("Weasis packages imported: " + imported, imported.size() >= 10);
    assertEquals("every Weasis import is wired", imported, wired);
  }

  @Test
  public void theFactoryIsRegisteredForThe2dViewerWithAStringProperty() throws Exception {
    await(InsertableFactory.class, "(" + VIEW2D + "=true)");
    ServiceReference<InsertableFactory> ref =
        context.getServiceReferences(InsertableFactory.class, "(" + VIEW2D + "=*)").stream()
            .filter(r -> r.getBundle().getSymbolicName().equals(BRIDGE))
            .findFirst()
            .orElseThrow();
    Object value = ref.getProperty(VIEW2D);
    assertTrue("a String, not " + value.getClass(), value instanceof String);
    assertEquals("true", value);
    assertEquals(Insertable.Type.TOOL, context.getService(ref).getType());
  }

  @Test
  public void theToolIsBuiltWithNullPropertiesOnTheEdtAndHostsPanelsAsTheyComeAndGo()
      throws Exception {
    InsertableFactory factory = await(InsertableFactory.class, "(" + VIEW2D + "=true)");
    Panel panel = new Panel();
    ServiceRegistration<PanelContribution> reg =
        context.registerService(PanelContribution.class, panel, null);
    Insertable tool = onEdt(() -> factory.createInstance(null));
    try {
      assertTrue(tool instanceof PluginTool);
      assertEquals(Insertable.Type.TOOL, tool.getType());
      assertEquals("RadAssist", tool.getComponentName());
      assertTrue(factory.isComponentCreatedByThisFactory(tool));
      assertEquals(List.of("IT panel"), tabTitles((Component) tool));
      assertEquals(List.of("create on EDT=true Weasis"), panel.calls);

      reg.unregister();
      reg = null;
      assertEquals(List.of(), tabTitles((Component) tool)); // the removal was queued before
      assertEquals("dispose", panel.calls.get(1));
    } finally {
      if (reg != null) {
        reg.unregister();
      }
      onEdt(() -> factory.dispose(tool));
    }
  }

  @Test
  public void theHostFollowsSelectionWhileTheToolLivesAndClosesTheStudyOnDispose()
      throws Exception {
    InsertableFactory factory = await(InsertableFactory.class, "(" + VIEW2D + "=true)");
    ViewerHost host = await(ViewerHost.class, HOST);
    Recorder recorder = new Recorder();
    host.addStudyContextListener(recorder);
    String studyUid = "2.25.1" + System.nanoTime();
    MediaSeriesGroup[] first = tree(studyUid);

    select(first[2]);
    assertFalse(
        "not subscribed before the tool exists",
        recorder.calls.contains("opened " + studyUid + " P-IT"));

    Insertable tool = onEdt(() -> factory.createInstance(null));
    select(first[2]);
    select(first[2]); // the same view again: nothing new
    assertEquals(
        List.of("opened " + studyUid + " P-IT", "series " + studyUid + ".1 CT"), recorder.calls);
    assertEquals(studyUid, host.currentStudy().orElseThrow().studyInstanceUid());
    List<LoadedInstance> loaded = host.loadedInstances(studyUid);
    assertEquals("two frames of one CT instance are one instance", 3, loaded.size());
    assertTrue("the SR special element is loaded", loaded.get(2).isStructuredReport());
    assertEquals(studyUid + ".2.1", loaded.get(2).sopInstanceUid());
    assertEquals(URI.create("file:///sr.dcm"), loaded.get(2).location());
    assertEquals(
        List.of(studyUid),
        host.loadedStudiesOfPatient(studyUid).stream()
            .map(StudyContext::studyInstanceUid)
            .toList());

    onEdt(() -> factory.dispose(tool));
    assertEquals("closed " + studyUid, recorder.calls.get(recorder.calls.size() - 1));
    assertTrue(host.currentStudy().isEmpty());

    int heard = recorder.calls.size();
    select(tree(studyUid + ".9")[2]);
    assertEquals("no events after dispose", heard, recorder.calls.size());
    host.removeStudyContextListener(recorder);
  }

  @Test
  public void anSrArrivingAfterTheStudyOpenedReopensItWhenWeasisEndsTheLoad() throws Exception {
    InsertableFactory factory = await(InsertableFactory.class, "(" + VIEW2D + "=true)");
    ViewerHost host = await(ViewerHost.class, HOST);
    Insertable tool = onEdt(() -> factory.createInstance(null));
    Recorder recorder = new Recorder();
    try {
      String studyUid = "2.25.6" + System.nanoTime();
      MediaSeriesGroup[] nodes = tree(studyUid);
      Object document = nodes[3].getTagValue(TagW.DicomSpecialElementList);
      nodes[3].setTag(
          TagW.DicomSpecialElementList, null); // Weasis shows the CT before the SR is read
      select(nodes[2]);
      host.addStudyContextListener(recorder);
      assertEquals(2, host.loadedInstances(studyUid).size());

      nodes[3].setTag(TagW.DicomSpecialElementList, document);
      onEdt(
          () ->
              EXPLORER.firePropertyChange(
                  new ObservableEvent(
                      ObservableEvent.BasicAction.LOADING_STOP, EXPLORER, null, null)));

      assertEquals(
          List.of(
              "opened " + studyUid + " P-IT",
              "series " + studyUid + ".1 CT",
              "closed " + studyUid,
              "opened " + studyUid + " P-IT",
              "series " + studyUid + ".1 CT"),
          recorder.calls);
      assertTrue(host.loadedInstances(studyUid).get(2).isStructuredReport());

      // another load end with nothing new for the study: no reopening
      onEdt(
          () ->
              EXPLORER.firePropertyChange(
                  new ObservableEvent(
                      ObservableEvent.BasicAction.LOADING_STOP, EXPLORER, null, null)));
      assertEquals(5, recorder.calls.size());
    } finally {
      host.removeStudyContextListener(recorder);
      onEdt(() -> factory.dispose(tool));
    }
  }

  @Test
  public void listenersAreAddedOnceToldWhatIsOnScreenAndRemoved() throws Exception {
    InsertableFactory factory = await(InsertableFactory.class, "(" + VIEW2D + "=true)");
    ViewerHost host = await(ViewerHost.class, HOST);
    Insertable tool = onEdt(() -> factory.createInstance(null));
    try {
      String studyUid = "2.25.2" + System.nanoTime();
      select(tree(studyUid)[2]);

      Recorder late = new Recorder();
      host.addStudyContextListener(late);
      host.addStudyContextListener(late); // a second registration must not duplicate calls
      assertEquals(
          List.of("opened " + studyUid + " P-IT", "series " + studyUid + ".1 CT"), late.calls);

      Recorder removed = new Recorder();
      host.addStudyContextListener(removed);
      host.removeStudyContextListener(removed);
      int before = removed.calls.size();

      String otherUid = studyUid + ".5";
      select(tree(otherUid)[3]);
      assertEquals(
          List.of(
              "opened " + studyUid + " P-IT",
              "series " + studyUid + ".1 CT",
              "closed " + studyUid,
              "opened " + otherUid + " P-IT",
              "series " + otherUid + ".2 SR"),
          late.calls);
      assertEquals("a removed listener hears nothing more", before, removed.calls.size());
      host.removeStudyContextListener(late);
    } finally {
      onEdt(() -> factory.dispose(tool));
    }
  }

  @Test
  public void theStudyIsClosedWhenWeasisRemovesItOrItsLastSeriesOrPatientOrTheLastViewerCloses()
      throws Exception {
    InsertableFactory factory = await(InsertableFactory.class, "(" + VIEW2D + "=true)");
    ViewerHost host = await(ViewerHost.class, HOST);
    Recorder recorder = new Recorder();
    host.addStudyContextListener(recorder);
    Insertable tool = onEdt(() -> factory.createInstance(null));
    try {
      // removing one of two series keeps the study; removing the last one closes it
      String a = "2.25.3" + System.nanoTime();
      MediaSeriesGroup[] treeA = tree(a);
      select(treeA[2]);
      removed(treeA[3]);
      assertFalse(recorder.calls.toString(), recorder.calls.contains("closed " + a));
      EXPLORER.children.get(treeA[1]).remove(treeA[3]);
      removed(treeA[2]);
      assertEquals("closed " + a, recorder.calls.get(recorder.calls.size() - 1));
      assertTrue(host.currentStudy().isEmpty());

      // another study's removal changes nothing; the study's own removal closes it
      String b = a + ".2";
      MediaSeriesGroup[] treeB = tree(b);
      select(treeB[2]);
      removed(tree(a + ".3")[1]);
      assertEquals(b, host.currentStudy().orElseThrow().studyInstanceUid());
      removed(treeB[1]);
      assertEquals("closed " + b, recorder.calls.get(recorder.calls.size() - 1));

      // the patient's removal closes its study on screen
      String c = a + ".4";
      MediaSeriesGroup[] treeC = tree(c);
      select(treeC[3]);
      removed(treeC[0]);
      assertEquals("closed " + c, recorder.calls.get(recorder.calls.size() - 1));

      // the last viewer closing: Weasis fires NULL_SELECTION on its default data model
      String d = a + ".5";
      select(tree(d)[2]);
      onEdt(
          () ->
              ViewerPluginBuilder.DefaultDataModel.firePropertyChange(
                  new ObservableEvent(
                      ObservableEvent.BasicAction.NULL_SELECTION, new Object(), null, null)));
      assertEquals("closed " + d, recorder.calls.get(recorder.calls.size() - 1));
      assertTrue(host.currentStudy().isEmpty());

      assertEquals(
          recorder.calls.toString(),
          List.of("closed " + a, "closed " + b, "closed " + c, "closed " + d),
          recorder.calls.stream().filter(s -> s.startsWith("closed")).toList());
    } finally {
      host.removeStudyContextListener(recorder);
      onEdt(() -> factory.dispose(tool));
    }
  }

  @Test
  public void openImageMovesWithinTheDisplayedSeriesWithWeasisScrollAndDrawsTheRegion()
      throws Exception {
    InsertableFactory factory = await(InsertableFactory.class, "(" + VIEW2D + "=true)");
    ViewerHost host = await(ViewerHost.class, HOST);
    Insertable tool = onEdt(() -> factory.createInstance(null));
    View view = new View();
    Scroll scroll = new Scroll(view);
    String studyUid = "2.25.4" + System.nanoTime();
    MediaSeriesGroup[] nodes = tree(studyUid);
    DicomSeries ct = (DicomSeries) nodes[2];
    List<DicomImageElement> frames = ct.getSortedMedias(null);
    onEdt(
        () -> {
          view.setSeries(ct, null); // the viewer shows the CT at its first frame
          EventManager events = EventManager.getInstance();
          events.setAction(scroll);
          events.setSelectedView2dContainer(
              new ImageViewerPlugin<DicomImageElement>(events, "2D") {
                {
                  selectedImagePane = view;
                }
              });
        });
    try {
      select(nodes[3]);
      ImageRegion circle =
          new ImageRegion(
              ImageRegion.GraphicType.CIRCLE, List.of(20.0, 20.0, 25.0, 20.0), false, null);
      ImageReference frame2 =
          new ImageReference(
              studyUid, studyUid + ".1", null, studyUid + ".1.1", List.of(2), List.of(), circle);

      assertEquals(OpenResult.OPENED_WITH_REGION, open(host, frame2));
      assertSame(ct, view.series);
      assertSame("the second frame", frames.get(1), view.image);
      assertEquals("Weasis' series scroll moved the view", List.of(2), scroll.values);
      GraphicModel graphics = (GraphicModel) frames.get(1).getTagValue(TagW.PresentationModel);
      assertEquals(1, graphics.getModels().size());
      Graphic drawn = graphics.getModels().get(0);
      assertEquals("RadAssist [AI]", drawn.getLayer().getName());
      assertEquals(10.0, drawn.getShape().getBounds2D().getWidth(), 1e-9);

      // no region: the image is shown and the last region goes away
      assertEquals(OpenResult.OPENED, open(host, ImageReference.of(null, studyUid + ".1.2")));
      assertSame(frames.get(2), view.image);
      assertTrue(graphics.getModels().isEmpty());

      // a SCOORD3D region cannot be drawn on the image plane: shown without it
      ImageRegion inSpace =
          new ImageRegion(ImageRegion.GraphicType.POINT, List.of(1.0, 2.0, 3.0), true, "1.2.3");
      assertEquals(
          OpenResult.OPENED,
          open(host, ImageReference.of(null, studyUid + ".1.1").withRegion(inSpace)));
      assertSame(frames.get(0), view.image);
      assertEquals(List.of(2, 3, 1), scroll.values);

      // another study's CT goes into the view with setSeries, at the referenced image
      MediaSeriesGroup[] prior = tree(studyUid + ".7");
      DicomSeries priorCt = (DicomSeries) prior[2];
      EXPLORER.children.get(nodes[0]).add(prior[1]); // the same patient's prior study
      assertEquals(OpenResult.OPENED, open(host, ImageReference.of(null, studyUid + ".7.1.2")));
      assertSame(priorCt, view.series);
      assertSame(priorCt.getSortedMedias(null).get(2), view.image);

      assertEquals(OpenResult.NOT_LOADED, open(host, ImageReference.of(null, "2.25.404")));
    } finally {
      onEdt(
          () -> {
            EventManager.getInstance().setSelectedView2dContainer(null);
            EventManager.getInstance().removeAction(ActionW.SCROLL_SERIES);
          });
      onEdt(() -> factory.dispose(tool));
    }
  }

  @Test
  public void theAdministratorGrantsRolesThroughConfigAdmin() throws Exception {
    assertTrue(await(ViewerHost.class, HOST).currentUser().has(Role.RADIOLOGIST));
    org.osgi.service.cm.Configuration config =
        configAdmin.getConfiguration("org.radassist.weasis.host", "?");
    Hashtable<String, Object> props = new Hashtable<>();
    props.put("roles", new String[] {"RESIDENT"});
    props.put("user.id", "dr.it");
    config.update(props);
    try {
      // Config Admin reaches DS asynchronously: wait for the re-activated host
      assertTrue(
          "RESIDENT granted", awaitUser(u -> u.has(Role.RESIDENT) && !u.has(Role.RADIOLOGIST)));
      assertTrue(awaitUser(u -> u.userId().equals("dr.it")));
    } finally {
      config.delete();
      assertTrue("default restored", awaitUser(u -> u.has(Role.RADIOLOGIST)));
    }
  }

  private boolean awaitUser(Predicate<UserIdentity> test) throws Exception {
    long deadline = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < deadline) {
      ServiceReference<ViewerHost> ref =
          context.getServiceReferences(ViewerHost.class, HOST).stream().findFirst().orElse(null);
      if (ref != null) {
        ViewerHost host = context.getService(ref);
        try {
          if (host != null && test.test(host.currentUser())) {
            return true;
          }
        } finally {
          context.ungetService(ref);
        }
      }
      Thread.sleep(50);
    }
    return false;
  }
}
