package org.radassist.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemPackages;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.radassist.governance.Governance;
import org.radassist.governance.RolloutMode;
import org.radassist.host.UserIdentity;
import org.radassist.model.StudyContext;

/**
 * The admin's zip, installed the way INSTALL.md says: Weasis' own runtime (Felix, SCR, Config
 * Admin, Jackson 2.22, slf4j / FlatLaf / MigLayout from the system bundle, the Weasis API at
 * 4.7.2), plus exactly the bundles that ext-radassist.json auto-starts and the properties it sets.
 * Every zipped bundle starts, every component is satisfied, and the extension's settings apply.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WeasisZipIT {
  /** What Weasis 4.7 runs that RadAssist relies on; the zip deliberately leaves these out. */
  static final Set<String> WEASIS_RUNTIME =
      Set.of(
          "org.osgi.util.function",
          "org.osgi.util.promise",
          "org.osgi.service.component",
          "org.apache.felix.scr",
          "org.apache.felix.configadmin",
          "jackson-annotations",
          "jackson-core",
          "jackson-databind");

  @Inject BundleContext context;
  @Inject ServiceComponentRuntime scr;
  @Inject Governance governance;
  @Inject org.radassist.speech.SpeechHook speech;

  static File zipHome() {
    return new File(System.getProperty("weasis.zip.dir"));
  }

  /**
   * The extension file's preferences, with the default install path moved to where the zip was
   * unpacked.
   */
  static Map<String, String> extension() throws IOException {
    JsonNode root = new ObjectMapper().readTree(new File(zipHome(), "ext-radassist.json"));
    Map<String, String> prefs = new LinkedHashMap<>();
    for (JsonNode p : root.get("weasisPreferences")) {
      prefs.put(
          p.get("code").asText(),
          p.get("value").asText().replace("file:///opt/radassist/", zipHome().toURI().toString()));
    }
    return prefs;
  }

  static List<String> autoStartUrls() throws IOException {
    Map<String, String> prefs = extension();
    String level = prefs.get("org.osgi.framework.startlevel.beginning");
    return List.of(prefs.get("felix.auto.start." + level).trim().split("\\s+"));
  }

  @Configuration
  public Option[] config() throws IOException {
    List<Option> options = new ArrayList<>();
    options.add(systemPackages(WeasisShapedFrameworkIT.WEASIS_SYSTEM_PACKAGES_EXTRA.split(",")));
    options.add(systemProperty("java.awt.headless").value("true"));
    options.add(RadAssistRuntime.dataDirectory());
    for (File f : RadAssistRuntime.runtimeBundles()) {
      String name = f.getName().replaceFirst("-[0-9].*$", "");
      if (WEASIS_RUNTIME.contains(name)) {
        options.add(bundle(f.toURI().toString()));
      }
    }
    for (File f :
        new File(System.getProperty("weasis.api.dir")).listFiles((d, n) -> n.endsWith(".jar"))) {
      options.add(bundle(f.toURI().toString()));
    }
    for (String url : autoStartUrls()) {
      options.add(bundle(url));
    }
    extension()
        .forEach(
            (code, value) -> {
              if (code.startsWith("radassist.")) {
                options.add(frameworkProperty(code).value(value));
              }
            });
    options.add(junitBundles());
    return options(options.toArray(new Option[0]));
  }

  @Test
  public void everyBundleTheExtensionStartsIsActive() throws IOException {
    List<String> urls = autoStartUrls();
    assertFalse(urls.isEmpty());
    for (String url : urls) {
      Bundle b = context.getBundle(url);
      assertTrue("not installed: " + url, b != null);
      assertEquals(b.getSymbolicName() + " from " + url, "ACTIVE", FrameworkChecks.state(b));
    }
    assertTrue(
        "the zip must carry the Weasis bridge",
        urls.stream().anyMatch(u -> u.contains("org.radassist.weasis.bridge")));
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
  public void everyComponentIsSatisfied() throws Exception {
    weasisRegistersItsDicomModel();
    FrameworkChecks.assertAllComponentsSatisfied(context, scr);
  }

  @Test
  public void theExtensionsSettingsApply() throws Exception {
    assertEquals("assistive", extension().get("radassist.governance.rollout.defaultMode"));
    // without configuration the component starts in shadow mode: assistive comes from the extension
    // file, through the bridge's Config Admin configuration (delivered asynchronously)
    UserIdentity user = new UserIdentity("dr.house", null, Set.of());
    long deadline = System.currentTimeMillis() + 10_000;
    while (governance.modeFor(StudyContext.ofStudy("1.2.3"), user) != RolloutMode.ASSISTIVE
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
    assertEquals(RolloutMode.ASSISTIVE, governance.modeFor(StudyContext.ofStudy("1.2.3"), user));
  }

  @Test
  public void anyComponentsSettingInTheExtensionBecomesItsConfigAdminConfiguration()
      throws Exception {
    assertEquals("0.6", extension().get("radassist.viewer.panel.lowConfidenceThreshold"));
    // the panel has no fallback of its own: the governance bundle's bridge turns the framework
    // property into a typed Config Admin configuration, which reaches the component
    long deadline = System.currentTimeMillis() + 10_000;
    Object seen = null;
    while (System.currentTimeMillis() < deadline) {
      for (org.osgi.service.component.runtime.dto.ComponentDescriptionDTO d :
          scr.getComponentDescriptionDTOs()) {
        if ("org.radassist.viewer.panel".equals(d.configurationPid[0])) {
          for (org.osgi.service.component.runtime.dto.ComponentConfigurationDTO c :
              scr.getComponentConfigurationDTOs(d)) {
            seen = c.properties.get("lowConfidenceThreshold");
          }
        }
      }
      if (Double.valueOf(0.6).equals(seen)) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the panel component's lowConfidenceThreshold is " + seen);
  }

  @Test
  public void dictationPushedToTheSpeechHooksLoopbackIntakeIsDrafted() throws Exception {
    SpeechHookChecks.assertDictationPushedToTheLoopbackIntakeIsDrafted(context, speech);
  }
}
