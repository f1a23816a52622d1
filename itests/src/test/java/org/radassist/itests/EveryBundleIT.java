package org.radassist.itests;

import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.util.List;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * Felix 7.0.5 + SCR 2.2.18 + Config Admin 1.9.26 + Metatype with every RadAssist bundle that needs
 * no viewer: all ACTIVE, every component satisfied, configuration changes reach the components.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EveryBundleIT {

  @Inject BundleContext context;
  @Inject ServiceComponentRuntime scr;
  @Inject ConfigurationAdmin configAdmin;
  @Inject org.radassist.speech.SpeechHook speech;

  @Configuration
  public Option[] config() {
    return options(RadAssistRuntime.framework(RadAssistRuntime.WEASIS_ONLY.negate()));
  }

  private int expectedBundles() {
    return (int)
        RadAssistRuntime.radAssistBundles().stream()
            .filter(RadAssistRuntime.WEASIS_ONLY.negate())
            .count();
  }

  @Test
  public void everyRadAssistBundleIsActive() {
    FrameworkChecks.assertAllActive(context, expectedBundles());
  }

  @Test
  public void everyComponentIsSatisfied() throws Exception {
    FrameworkChecks.assertAllComponentsSatisfied(context, scr);
  }

  @Test
  public void configAdminChangesReachTheComponents() throws Exception {
    List<ComponentDescriptionDTO> components =
        FrameworkChecks.assertAllComponentsSatisfied(context, scr);
    int reached =
        FrameworkChecks.assertConfigurationReachesComponents(configAdmin, scr, components);
    assertTrue("no configurable RadAssist component", reached > 0);
  }

  @Test
  public void dictationPushedToTheSpeechHooksLoopbackIntakeIsDrafted() throws Exception {
    SpeechHookChecks.assertDictationPushedToTheLoopbackIntakeIsDrafted(context, speech);
  }

  @Test
  public void theSpeechHooksOrderIntakeAcknowledgesAnOrderOverMllp() throws Exception {
    SpeechHookChecks.assertTheOrderIntakeAcknowledgesAnOrderOverMllp(configAdmin);
  }
}
