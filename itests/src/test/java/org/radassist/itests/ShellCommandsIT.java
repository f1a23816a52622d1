package org.radassist.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemPackages;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import javax.inject.Inject;
import javax.swing.SwingUtilities;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.weasis.core.api.gui.Insertable;
import org.weasis.core.api.gui.InsertableFactory;
import org.weasis.core.api.media.data.MediaSeriesGroup;
import org.weasis.core.api.media.data.MediaSeriesGroupNode;
import org.weasis.core.api.media.data.TagW;
import org.weasis.core.ui.editor.SeriesViewerEvent;
import org.weasis.dicom.codec.DicomImageElement;
import org.weasis.dicom.codec.DicomMediaIO;
import org.weasis.dicom.codec.DicomSeries;
import org.weasis.dicom.codec.DicomSpecialElement;
import org.weasis.dicom.codec.TagD;
import org.weasis.dicom.explorer.DicomModel;
import org.weasis.dicom.viewer2d.EventManager;

/**
 * The radassist:* shell commands run through Felix Gogo's own command processor (the runtime Weasis
 * 4.7 ships), in the Weasis-shaped framework with every RadAssist bundle, the Weasis bridge and the
 * stand-in Weasis API: they are registered, they answer, bad input is named, and once a study whose
 * SR is a special element of its series is selected, radassist:findings lists the SR's findings.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ShellCommandsIT {
  private static final String VIEW2D = "org.weasis.dicom.viewer2d.View2dContainer";
  static final Path SR =
      Path.of(System.getProperty("radassist.shared", "/work/shared"))
          .resolve("data/dicom/sr/highdicom_sr_document_with_multiple_groups.dcm");

  @Inject BundleContext context;

  @Configuration
  public Option[] config() {
    File[] gogo = new File(System.getProperty("gogo.dir")).listFiles((d, n) -> n.endsWith(".jar"));
    return options(
        systemPackages(WeasisShapedFrameworkIT.WEASIS_SYSTEM_PACKAGES_EXTRA.split(",")),
        bundle(gogo[0].toURI().toString()),
        RadAssistRuntime.framework(f -> true));
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
      assertNotNull(type.getSimpleName() + " " + filter, service);
      return service;
    } finally {
      tracker.close();
    }
  }

  private void awaitCommand(String function) throws Exception {
    ServiceTracker<Object, Object> tracker =
        new ServiceTracker<>(
            context, context.createFilter("(osgi.command.function=" + function + ")"), null);
    tracker.open();
    try {
      assertNotNull("radassist:" + function + " registered", tracker.waitForService(10_000));
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

  private static String run(CommandSession session, String command) throws Exception {
    Object result = session.execute(command);
    return String.valueOf(result);
  }

  /** A CT series and an SR series whose document is the real SR of shared/data. */
  private static DicomSeries[] aStudyWithItsSr(DicomModel model) {
    String studyUid = "2.25.77" + System.nanoTime();
    MediaSeriesGroupNode patient = new MediaSeriesGroupNode(TagW.PatientPseudoUID, "P-SH", null);
    patient.setTag(TagD.get(0x00100020), "P-SH");
    MediaSeriesGroupNode study = new MediaSeriesGroupNode(TagD.get(0x0020000D), studyUid, null);
    study.setTag(TagD.get(0x0020000D), studyUid);
    DicomSeries ct = new DicomSeries(studyUid + ".1");
    ct.setTag(TagD.get(0x0020000E), studyUid + ".1");
    ct.setTag(TagD.get(0x00080060), "CT");
    DicomImageElement slice =
        new DicomImageElement(new DicomMediaIO(URI.create("file:///ct.dcm")), null);
    slice.setTag(TagD.get(0x00080018), studyUid + ".1.1");
    ct.addMedia(slice);
    DicomSeries sr = new DicomSeries(studyUid + ".2");
    sr.setTag(TagD.get(0x0020000E), studyUid + ".2");
    sr.setTag(TagD.get(0x00080060), "SR");
    DicomSpecialElement document = new DicomSpecialElement(new DicomMediaIO(SR.toUri()));
    document.setTag(TagD.get(0x00080018), studyUid + ".2.1");
    document.setTag(TagD.get(0x00080016), "1.2.840.10008.5.1.4.1.1.88.33");
    sr.setTag(TagW.DicomSpecialElementList, List.of(document));
    ((Explorer) model).tree(patient, study, ct, sr);
    return new DicomSeries[] {ct, sr};
  }

  /** Weasis' DicomModel answering from one patient's tree. */
  static final class Explorer extends DicomModel {
    private volatile MediaSeriesGroup patient;
    private volatile MediaSeriesGroup study;
    private volatile List<MediaSeriesGroup> series = List.of();

    void tree(MediaSeriesGroup p, MediaSeriesGroup s, MediaSeriesGroup... all) {
      patient = p;
      study = s;
      series = List.of(all);
    }

    @Override
    public MediaSeriesGroup getParent(
        MediaSeriesGroup node, org.weasis.core.api.explorer.model.TreeModelNode level) {
      return level == DicomModel.study ? study : level == DicomModel.patient ? patient : null;
    }

    @Override
    public java.util.Collection<MediaSeriesGroup> getChildren(MediaSeriesGroup node) {
      return node == patient ? List.of(study) : node == study ? series : List.of();
    }
  }

  @Test
  public void theCommandsAreRegisteredRunInGogoAndDriveTheOpenTool() throws Exception {
    Explorer model = new Explorer();
    context.registerService(DicomModel.class, model, null);
    InsertableFactory factory = await(InsertableFactory.class, "(" + VIEW2D + "=true)");
    awaitCommand("open-finding");
    awaitCommand("viewer");

    TreeSet<String> functions = new TreeSet<>();
    for (ServiceReference<?> ref :
        context.getServiceReferences((String) null, "(osgi.command.scope=radassist)")) {
      Object f = ref.getProperty("osgi.command.function");
      if (f instanceof String[] names) {
        functions.addAll(List.of(names));
      } else {
        functions.add(String.valueOf(f));
      }
    }
    assertEquals(
        "[accept, approve, dictate, findings, open-finding, status, viewer]", functions.toString());

    CommandProcessor processor = await(CommandProcessor.class, "");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CommandSession session =
        processor.createSession(
            new ByteArrayInputStream(new byte[0]), new PrintStream(out), new PrintStream(out));

    assertTrue(run(session, "radassist:findings").startsWith("The RadAssist tool is not open"));

    Insertable tool = onEdt(() -> factory.createInstance(null));
    try {
      String status = run(session, "radassist:status");
      assertTrue(status, status.contains("bundle org.radassist.viewer.panel "));
      assertTrue(status, status.contains("bundle org.radassist.weasis.bridge "));
      assertTrue(status, status.contains(" 0 unsatisfied"));
      assertTrue(status, status.contains("study (none)"));
      assertTrue(status, status.contains("audit head: "));

      assertTrue(
          run(session, "radassist:accept nonsense")
              .startsWith("accept: unknown section 'nonsense': one of CLINICAL_HISTORY"));
      assertTrue(run(session, "radassist:open-finding x").contains("'x' is not a finding number"));
      assertEquals("viewer: no 2D view shows a series", run(session, "radassist:viewer"));

      DicomSeries[] series = aStudyWithItsSr(model);
      onEdt(
          () -> {
            EventManager.getInstance()
                .fireSeriesViewerListeners(
                    new SeriesViewerEvent(
                        () -> "2D", series[0], null, SeriesViewerEvent.EVENT.SELECT));
            return null;
          });
      String findings = "";
      long deadline = System.currentTimeMillis() + 20_000;
      while (!findings.startsWith("1. ") && System.currentTimeMillis() < deadline) {
        Thread.sleep(100);
        findings = run(session, "radassist:findings");
      }
      // the SR reached the panel as a special element of its series, read from the real file
      assertEquals(findings, 4, findings.lines().count());
      assertTrue(findings, findings.contains("2. Nodule (LungNodule0001) | Lung | Diameter 10 mm"));
      assertTrue(
          run(session, "radassist:open-finding 99").startsWith("open-finding: no finding 99"));
    } finally {
      onEdt(
          () -> {
            factory.dispose(tool);
            return null;
          });
      session.close();
    }
  }
}
