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
import org.radassist.drafting.AiResult;
import org.radassist.drafting.DraftingService;
import org.radassist.model.StudyContext;
import org.radassist.speech.DictationSession;
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
  private static final System.Logger LOG = System.getLogger(SpeechHookComponent.class.getName());
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
    Function<String, Object> settings = lookup(context, properties);
    DictationSession.Timing timing =
        new DictationSession.Timing(
            Duration.ofMillis(number(settings, "debounce.ms", 700)),
            Duration.ofMillis(number(settings, "first.retry.ms", 1000)),
            Duration.ofMillis(number(settings, "max.retry.ms", 60000)));
    Object dir = settings.apply("outbox.dir");
    Path outboxDir = DataFiles.resolve(dir == null ? null : String.valueOf(dir), context, "outbox");
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

  /** Config Admin values when a configuration exists, else framework properties, else defaults. */
  static Function<String, Object> lookup(BundleContext context, Map<String, Object> properties) {
    boolean fromConfigAdmin = properties.containsKey("service.pid");
    return key -> {
      if (fromConfigAdmin) {
        return properties.get(key);
      }
      String framework = context.getProperty(FRAMEWORK_PREFIX + key);
      return framework != null ? framework : properties.get(key);
    };
  }

  static long number(Function<String, Object> settings, String key, long fallback) {
    Object v = settings.apply(key);
    if (v == null || String.valueOf(v).isBlank()) {
      return fallback;
    }
    try {
      return v instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(v).trim());
    } catch (NumberFormatException e) {
      // only a framework property can be malformed here (Config Admin values are type-checked
      // by the governance bundle's guard): refuse it and keep the hook running on the default
      LOG.log(
          System.Logger.Level.ERROR,
          "RadAssist speech hook: "
              + key
              + " must be a whole number, was '"
              + v
              + "'; the default "
              + fallback
              + " applies");
      return fallback;
    }
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
      StudyContext study, Supplier<List<AiResult>> aiResults, StudyDictationListener listener) {
    return hook.open(study, aiResults, listener);
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
