package org.radassist.itests;

import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemPackages;

import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

/**
 * The framework shaped like Weasis 4.7's: slf4j, FlatLaf and MigLayout exported by the system
 * bundle without versions (as base.json does). Every RadAssist bundle, the Weasis bridge included
 * (with a stand-in bundle exporting the Weasis API at 4.7.2), must resolve and start.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WeasisShapedFrameworkIT {

  /** What Weasis' base.json puts in org.osgi.framework.system.packages.extra (abridged to ours). */
  static final String WEASIS_SYSTEM_PACKAGES_EXTRA =
      String.join(
          ",",
          "org.slf4j",
          "org.slf4j.event",
          "org.slf4j.helpers",
          "org.slf4j.spi",
          "com.formdev.flatlaf",
          "com.formdev.flatlaf.extras",
          "com.formdev.flatlaf.ui",
          "com.formdev.flatlaf.util",
          "net.miginfocom.layout",
          "net.miginfocom.swing");

  @Inject BundleContext context;
  @Inject ServiceComponentRuntime scr;

  @Configuration
  public Option[] config() {
    return options(
        // Pax Exam owns org.osgi.framework.system.packages.extra: it is set through systemPackages
        systemPackages(WEASIS_SYSTEM_PACKAGES_EXTRA.split(",")),
        RadAssistRuntime.framework(f -> true));
  }

  @Test
  public void everyRadAssistBundleStartsInAWeasisShapedFramework() {
    FrameworkChecks.assertAllActive(context, RadAssistRuntime.radAssistBundles().size());
  }

  /** Weasis registers its DicomModel as a service; the stand-in's class plays it here. */
  private void weasisRegistersItsDicomModel() {
    if (context.getServiceReference(org.weasis.dicom.explorer.DicomModel.class) == null) {
      context.registerService(
          org.weasis.dicom.explorer.DicomModel.class,
          new org.weasis.dicom.explorer.DicomModel(),
          null);
    }
  }

  @Test
  public void everyComponentIsSatisfiedThere() throws Exception {
    weasisRegistersItsDicomModel();
    FrameworkChecks.assertAllComponentsSatisfied(context, scr);
  }
}
