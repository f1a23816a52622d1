package org.radassist.weasis.bridge.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.awt.Component;
import java.io.File;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.inject.Inject;
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
import org.radassist.host.ViewerHost;
import org.radassist.model.ImageReference;
import org.radassist.model.StudyContext;
import org.weasis.core.api.explorer.model.TreeModelNode;
import org.weasis.core.api.gui.Insertable;
import org.weasis.core.api.gui.InsertableFactory;
import org.weasis.core.api.media.data.MediaElement;
import org.weasis.core.api.media.data.MediaSeries;
import org.weasis.core.api.media.data.MediaSeriesGroup;
import org.weasis.core.api.media.data.TagW;
import org.weasis.core.ui.docking.PluginTool;
import org.weasis.core.ui.editor.SeriesViewerEvent;
import org.weasis.dicom.codec.TagD;
import org.weasis.dicom.explorer.DicomModel;
import org.weasis.dicom.viewer2d.EventManager;

/**
 * The bridge inside Felix 7.0.5 + SCR 2.2.18 (Weasis 4.7's versions), against a bundle that exports
 * the Weasis 4.7 declarations at 4.7.2 as Weasis does. A DicomModel service with a small patient
 * tree stands in for Weasis' DICOM explorer.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WeasisBridgeIT {
  private static final String BRIDGE = "org.radassist.weasis.bridge";
  private static final String VIEW2D = "org.weasis.dicom.viewer2d.View2dContainer";

  @Inject BundleContext context;
  @Inject ConfigurationAdmin configAdmin;

  @Configuration
  public Option[] config() {
    return options(
        systemProperty("org.ops4j.pax.url.mvn.localRepository")
            .value(System.getProperty("org.ops4j.pax.url.mvn.localRepository")),
        systemProperty("org.ops4j.pax.url.mvn.repositories").value("+"),
        systemProperty("org.ops4j.pax.url.mvn.offline").value("true"),
        mavenBundle("org.osgi", "org.osgi.util.function").versionAsInProject(),
        mavenBundle("org.osgi", "org.osgi.util.promise").versionAsInProject(),
        mavenBundle("org.osgi", "org.osgi.service.component").versionAsInProject(),
        mavenBundle("org.apache.felix", "org.apache.felix.log").versionAsInProject(),
        mavenBundle("org.apache.felix", "org.apache.felix.scr").versionAsInProject(),
        mavenBundle("org.apache.felix", "org.apache.felix.configadmin").versionAsInProject(),
        mavenBundle("org.apache.felix", "org.apache.felix.metatype").versionAsInProject(),
        mavenBundle("com.fasterxml.jackson.core", "jackson-annotations").versionAsInProject(),
        mavenBundle("com.fasterxml.jackson.core", "jackson-core").versionAsInProject(),
        mavenBundle("com.fasterxml.jackson.core", "jackson-databind").versionAsInProject(),
        mavenBundle("com.fasterxml.jackson.datatype", "jackson-datatype-jsr310")
            .versionAsInProject(),
        // RadAssist's own jars by path: the reactor-built ones, no install needed
        bundle(jar("radassist.model.bundle")),
        bundle(jar("radassist.hostspi.bundle")),
        // the Weasis 4.7 declarations, exported at 4.7.2 (test only, never shipped)
        bundle(jar("radassist.weasisapi.bundle")),
        bundle(jar("radassist.bridge.bundle")),
        junitBundles());
  }

  private static String jar(String property) {
    return new File(System.getProperty(property)).toURI().toString();
  }

  // ---- a small DICOM explorer tree: one patient, one study, a CT and an SR series ----

  /** A node or series of the tree, holding its tags like Weasis' MediaSeriesGroupNode. */
  static final class Node implements MediaSeries<MediaElement> {
    final Map<TagW, Object> tags = new HashMap<>();
    final List<MediaElement> medias = new ArrayList<>();
    final List<MediaSeriesGroup> children = new ArrayList<>();
    Node study;
    Node patient;

    Node tag(int id, Object value) {
      tags.put(TagD.get(id), value);
      return this;
    }

    @Override
    public List<MediaElement> getSortedMedias(java.util.Comparator<MediaElement> comparator) {
      return medias;
    }

    @Override
    public String getMimeType() {
      return "image/dicom";
    }

    @Override
    public TagW getTagID() {
      return null;
    }

    @Override
    public boolean matchIdValue(Object valueID) {
      return false;
    }

    @Override
    public TagW getTagElement(int id) {
      return TagD.get(id);
    }

    @Override
    public void dispose() {}

    @Override
    public void setTag(TagW tag, Object value) {
      tags.put(tag, value);
    }

    @Override
    public void setTagNoNull(TagW tag, Object value) {
      if (value != null) {
        tags.put(tag, value);
      }
    }

    @Override
    public boolean containTagKey(TagW tag) {
      return tags.containsKey(tag);
    }

    @Override
    public Object getTagValue(TagW tag) {
      return tags.get(tag);
    }

    @Override
    public Iterator<Entry<TagW, Object>> getTagEntrySetIterator() {
      return Collections.unmodifiableMap(tags).entrySet().iterator();
    }
  }

  static final class Instance extends MediaElement {
    private final URI uri;

    Instance(String sopInstanceUid, String sopClassUid, URI uri) {
      this.uri = uri;
      setTag(TagD.get(0x00080018), sopInstanceUid);
      setTag(TagD.get(0x00080016), sopClassUid);
    }

    @Override
    public URI getMediaURI() {
      return uri;
    }
  }

  /** Weasis' DicomModel answering from the nodes above. */
  static final class Explorer extends DicomModel {
    @Override
    public MediaSeriesGroup getParent(MediaSeriesGroup node, TreeModelNode level) {
      Node n = (Node) node;
      return level == DicomModel.study ? n.study : level == DicomModel.patient ? n.patient : null;
    }

    @Override
    public Collection<MediaSeriesGroup> getChildren(MediaSeriesGroup node) {
      return ((Node) node).children;
    }
  }

  static Node[] tree(String studyUid) {
    Node patient = new Node().tag(0x00100020, "P-IT").tag(0x00100040, "M");
    Node study = new Node().tag(0x0020000D, studyUid).tag(0x00080050, "ACC-" + studyUid);
    study.patient = patient;
    patient.children.add(study);
    Node ct = new Node().tag(0x0020000E, studyUid + ".1").tag(0x00080060, "CT");
    Node sr = new Node().tag(0x0020000E, studyUid + ".2").tag(0x00080060, "SR");
    for (Node s : List.of(ct, sr)) {
      s.study = study;
      s.patient = patient;
      study.children.add(s);
    }
    ct.medias.add(
        new Instance(studyUid + ".1.1", "1.2.840.10008.5.1.4.1.1.2", URI.create("file:///ct.dcm")));
    sr.medias.add(
        new Instance(
            studyUid + ".2.1", "1.2.840.10008.5.1.4.1.1.88.33", URI.create("file:///sr.dcm")));
    return new Node[] {patient, study, ct, sr};
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

  @Before
  public void explorerIsThere() {
    if (context.getServiceReference(DicomModel.class) == null) {
      context.registerService(DicomModel.class, new Explorer(), null);
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

  private static <T> T onEdt(java.util.concurrent.Callable<T> work) throws Exception {
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

  private static List<String> tabTitles(Component tool) throws Exception {
    return onEdt(
        () -> {
          List<String> titles = new ArrayList<>();
          for (Component c : ((java.awt.Container) tool).getComponents()) {
            if (c instanceof JTabbedPane tabs) {
              for (int i = 0; i < tabs.getTabCount(); i++) {
                titles.add(tabs.getTitleAt(i));
              }
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

  @Test
  public void theBridgeResolvesWithWeasis47ImportsAgainstThe472Exports() throws Exception {
    await(InsertableFactory.class, "(" + VIEW2D + "=true)");
    Bundle bridge = bridge();
    assertEquals(Bundle.ACTIVE, bridge.getState());
    String imports = bridge.getHeaders().get("Import-Package");
    assertTrue(imports, imports.contains("org.weasis.dicom.viewer2d;version=\"[4.7,5)\""));

    int weasisWires = 0;
    for (BundleWire wire :
        bridge.adapt(BundleWiring.class).getRequiredWires("osgi.wiring.package")) {
      String pkg = (String) wire.getCapability().getAttributes().get("osgi.wiring.package");
      if (pkg.startsWith("org.weasis.")) {
        weasisWires++;
        assertEquals(pkg, "org.radassist.weasis.api", wire.getProvider().getSymbolicName());
        assertEquals(pkg, "4.7.2", wire.getCapability().getAttributes().get("version").toString());
        String filter = wire.getRequirement().getDirectives().get("filter");
        assertTrue(filter, filter.contains("(version>=4.7.0)"));
        assertTrue(filter, filter.contains("(!(version>=5.0.0))"));
      }
    }
    assertEquals("Weasis packages wired", 8, weasisWires);
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
      onEdt(
          () -> {
            factory.dispose(tool);
            return null;
          });
    }
  }

  @Test
  public void theHostFollowsSeriesSelectionWhileTheToolLivesAndStopsAfterDispose()
      throws Exception {
    InsertableFactory factory = await(InsertableFactory.class, "(" + VIEW2D + "=true)");
    ViewerHost host = await(ViewerHost.class, "(radassist.host=weasis)");
    Recorder recorder = new Recorder();
    host.addStudyContextListener(recorder);
    String studyUid = "2.25.1" + System.nanoTime();
    Node[] first = tree(studyUid);
    SeriesViewerEvent selectCt =
        new SeriesViewerEvent(() -> "2D", first[2], null, SeriesViewerEvent.EVENT.SELECT);

    EventManager.getInstance().fireSeriesViewerListeners(selectCt);
    assertFalse(
        "not subscribed before the tool exists",
        recorder.calls.contains("opened " + studyUid + " P-IT"));

    Insertable tool = onEdt(() -> factory.createInstance(null));
    onEdt(
        () -> {
          EventManager.getInstance().fireSeriesViewerListeners(selectCt);
          return null;
        });
    assertTrue(recorder.calls.toString(), recorder.calls.contains("opened " + studyUid + " P-IT"));
    assertTrue(recorder.calls.toString(), recorder.calls.contains("series " + studyUid + ".1 CT"));
    assertEquals(studyUid, host.currentStudy().orElseThrow().studyInstanceUid());
    List<LoadedInstance> loaded = host.loadedInstances(studyUid);
    assertEquals(2, loaded.size());
    assertTrue(loaded.get(1).isStructuredReport());
    assertEquals(
        List.of(studyUid),
        host.loadedStudiesOfPatient(studyUid).stream()
            .map(StudyContext::studyInstanceUid)
            .toList());
    assertEquals(
        OpenResult.OPENED,
        host.openImage(ImageReference.of(null, studyUid + ".2.1"))
            .toCompletableFuture()
            .get(5, TimeUnit.SECONDS));
    assertEquals(
        OpenResult.NOT_LOADED,
        host.openImage(ImageReference.of(null, "2.25.404"))
            .toCompletableFuture()
            .get(5, TimeUnit.SECONDS));

    onEdt(
        () -> {
          factory.dispose(tool);
          return null;
        });
    int heard = recorder.calls.size();
    Node[] second = tree(studyUid + ".9");
    onEdt(
        () -> {
          EventManager.getInstance()
              .fireSeriesViewerListeners(
                  new SeriesViewerEvent(
                      () -> "2D", second[2], null, SeriesViewerEvent.EVENT.SELECT));
          return null;
        });
    assertEquals("no events after dispose", heard, recorder.calls.size());
    host.removeStudyContextListener(recorder);
  }

  @Test
  public void theAdministratorGrantsRolesThroughConfigAdmin() throws Exception {
    assertTrue(
        await(ViewerHost.class, "(radassist.host=weasis)").currentUser().has(Role.RADIOLOGIST));
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

  private boolean awaitUser(java.util.function.Predicate<org.radassist.host.UserIdentity> test)
      throws Exception {
    long deadline = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < deadline) {
      ServiceReference<ViewerHost> ref =
          context.getServiceReferences(ViewerHost.class, "(radassist.host=weasis)").stream()
              .findFirst()
              .orElse(null);
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
