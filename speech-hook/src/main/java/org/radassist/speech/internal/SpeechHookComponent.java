package org.radassist.speech.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.radassist.drafting.DraftingService;
import org.radassist.model.Finding;
import org.radassist.model.StudyContext;
import org.radassist.speech.DictationSource;
import org.radassist.speech.ResultSender;
import org.radassist.speech.SpeechHook;
import org.radassist.speech.StudyDictation;
import org.radassist.speech.StudyDictationListener;

/**
 * The speech hook as an OSGi service. Settings come from Config Admin (PID {@value #PID}) or, when
 * no configuration exists, from framework properties {@code radassist.speech.<key>} (Weasis'
 * extension file), else the defaults. Every {@link DictationSource} service is started with the
 * hook's router while it is there; the drafting service is optional and may come later.
 */
@Component(
    service = {SpeechHook.class, ScheduledIndications.class},
    configurationPid = SpeechHookComponent.PID)
@Designate(ocd = SpeechHookComponent.Config.class)
public final class SpeechHookComponent implements SpeechHook, ScheduledIndications {
  public static final String PID = "org.radassist.speech";
  static final String FRAMEWORK_PREFIX = "radassist.speech.";

  @ObjectClassDefinition(
      name = "RadAssist speech hook",
      description =
          "Dictation from speech engines, FHIRcast and the panel's box to the drafting service,"
              + " durable in an outbox before it is sent")
  public @interface Config {
    @AttributeDefinition(
        name = "Debounce (ms)",
        description = "Pause in partial dictation after which a draft is asked for",
        min = "0")
    long debounce_ms() default 700;

    @AttributeDefinition(name = "First retry (ms)", min = "0")
    long first_retry_ms() default 1000;

    @AttributeDefinition(name = "Longest retry interval (ms)", min = "0")
    long max_retry_ms() default 60000;

    @AttributeDefinition(
        name = "Outbox directory",
        description =
            "Where dictation waits until the drafting service has it; empty: the framework"
                + " property radassist.data.dir + /outbox, else ~/.radassist/outbox")
    String outbox_dir() default "";
  }

  private final ScheduledExecutorService scheduler;
  private final DefaultSpeechHook hook;
  private final FileOutbox outbox;

  @Activate
  public SpeechHookComponent(BundleContext context, Map<String, Object> properties)
      throws IOException {
    Function<String, String> settings =
        ComponentSettings.lookup(context, properties, FRAMEWORK_PREFIX);
    DictationSession.Timing timing =
        new DictationSession.Timing(
            Duration.ofMillis(ComponentSettings.number(settings, "debounce.ms", 700)),
            Duration.ofMillis(ComponentSettings.number(settings, "first.retry.ms", 1000)),
            Duration.ofMillis(ComponentSettings.number(settings, "max.retry.ms", 60000)));
    Path outboxDir = DataFiles.resolve(settings.apply("outbox.dir"), context, "outbox");
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "radassist-speech");
              t.setDaemon(true);
              return t;
            });
    this.outbox = new FileOutbox(outboxDir, Clock.systemUTC());
    this.hook = new DefaultSpeechHook(outbox, scheduler, timing);
  }

  @Reference(
      cardinality = ReferenceCardinality.OPTIONAL,
      policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  void setDraftingService(DraftingService service) {
    hook.setDraftingService(service);
  }

  void unsetDraftingService(DraftingService service) {
    hook.unsetDraftingService(service);
  }

  @Reference(
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  void addDictationSource(DictationSource source) {
    hook.addSource(source);
  }

  void removeDictationSource(DictationSource source) {
    hook.removeSource(source);
  }

  @Reference(
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  void addResultSender(ResultSender sender) {
    hook.addResultSender(sender);
  }

  void removeResultSender(ResultSender sender) {
    hook.removeResultSender(sender);
  }

  @Override
  public void rememberIndication(String studyInstanceUid, String indication) {
    hook.rememberIndication(studyInstanceUid, indication);
  }

  @Override
  public void rememberOrder(String studyInstanceUid, String placerOrderNumber) {
    hook.rememberOrder(studyInstanceUid, placerOrderNumber);
  }

  @Override
  public StudyDictation open(
      StudyContext study, Supplier<List<Finding>> findings, StudyDictationListener listener) {
    return hook.open(study, findings, listener);
  }

  @Override
  public List<String> sources() {
    return hook.sources();
  }

  @Deactivate
  void deactivate() throws IOException {
    hook.close();
    scheduler.shutdownNow();
    outbox.close();
  }
}
