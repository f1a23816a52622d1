package org.radassist.speech.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
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
import org.radassist.model.files.DataDirectory;
import org.radassist.speech.DictationSource;
import org.radassist.speech.Outbox;
import org.radassist.speech.OutboxItem;
import org.radassist.speech.ResultSender;
import org.radassist.speech.SpeechHook;
import org.radassist.speech.StudyDictation;
import org.radassist.speech.StudyDictationListener;

/**
 * The speech hook as an OSGi service. Settings come from Config Admin (PID {@value #PID}); the
 * framework properties {@code radassist.speech.<key>} (Weasis' extension file) reach it as a
 * configuration through the governance bundle's framework-property bridge. Every {@link
 * DictationSource} service is started with the hook's router while it is there, in the background
 * on a thread of its own, so that a host asking for the hook does not wait for it; a listener that
 * refuses dictation for a study not open anyway (the loopback intake's Jetty, service property
 * {@value #START}={@value #ON_FIRST_STUDY}) starts when the first study opens. The outbox opens in
 * the background too; one that cannot be opened leaves the hook running with every study's
 * dictation reported as not durable (naming the directory and the reason). The drafting service is
 * optional and may come later.
 */
@Component(
    service = {SpeechHook.class, ScheduledIndications.class},
    configurationPid = SpeechHookComponent.PID)
@Designate(ocd = SpeechHookComponent.Config.class)
public final class SpeechHookComponent implements SpeechHook, ScheduledIndications {
  public static final String PID = "org.radassist.speech";
  private static final Logger LOG = Logger.getLogger(SpeechHookComponent.class.getName());

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
            "Where dictation waits until the drafting service has it; empty: outbox in"
                + " RadAssist's data directory (framework property radassist.data.dir, else"
                + " ~/.radassist), where a relative path resolves too")
    String outbox_dir() default "";
  }

  private final ScheduledExecutorService scheduler;
  private final DefaultSpeechHook hook;
  private final CompletableFuture<FileOutbox> outbox = new CompletableFuture<>();

  /**
   * Service property of a {@link DictationSource} that has nothing to do before a study is open (a
   * listener such as the loopback intake: it refuses dictation for a study not open): the hook
   * starts it when the first study opens, not at start-up.
   */
  public static final String START = "dictation.start";

  public static final String ON_FIRST_STUDY = "first-study";

  /** Bound sources whose start waits for the first study. */
  private final Set<DictationSource> waiting = ConcurrentHashMap.newKeySet();

  private volatile boolean studyOpened;

  /** Sources bound and not yet unbound: a start still queued is skipped once its source left. */
  private final Set<DictationSource> bound = ConcurrentHashMap.newKeySet();

  /** Held while a source starts, so that unbinding it waits and then stops it. */
  private final Object starting = new Object();

  @Activate
  public SpeechHookComponent(BundleContext context, Config config) {
    DictationSession.Timing timing =
        new DictationSession.Timing(
            Duration.ofMillis(config.debounce_ms()),
            Duration.ofMillis(config.first_retry_ms()),
            Duration.ofMillis(config.max_retry_ms()));
    Path outboxDir =
        DataDirectory.resolve(
            config.outbox_dir(), context.getProperty(DataDirectory.PROPERTY), "outbox");
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "radassist-speech");
              t.setDaemon(true);
              return t;
            });
    // opened on a thread of its own (its JSON codec's first use alone costs a fresh JVM ~250 ms);
    // the hook's first use of it waits
    Thread open =
        new Thread(
            () -> {
              try {
                outbox.complete(new FileOutbox(outboxDir, Clock.systemUTC()));
              } catch (IOException | RuntimeException e) {
                LOG.log(
                    Level.SEVERE,
                    "RadAssist dictation outbox {0} not opened: {1}",
                    new Object[] {outboxDir, e.getMessage()});
                outbox.completeExceptionally(e);
              }
            },
            "radassist-speech-outbox-open");
    open.setDaemon(true);
    open.start();
    this.hook = new DefaultSpeechHook(new OpeningOutbox(outbox, outboxDir), scheduler, timing);
  }

  /**
   * The outbox once opened: each call waits for the open; when it failed, each fails naming the
   * directory and the reason (a study's session then reports its dictation as not durable).
   */
  private static final class OpeningOutbox implements Outbox {
    private final CompletableFuture<FileOutbox> opening;
    private final Path directory;

    OpeningOutbox(CompletableFuture<FileOutbox> opening, Path directory) {
      this.opening = opening;
      this.directory = directory;
    }

    private Outbox open() throws IOException {
      try {
        return opening.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while the outbox " + directory + " opens", e);
      } catch (ExecutionException e) {
        throw new IOException(
            "the outbox " + directory + " is not open: " + e.getCause().getMessage(), e.getCause());
      }
    }

    @Override
    public OutboxItem put(String kind, String idempotencyKey, byte[] payload) throws IOException {
      return open().put(kind, idempotencyKey, payload);
    }

    @Override
    public List<OutboxItem> pending() throws IOException {
      return open().pending();
    }

    @Override
    public void acknowledge(String id) throws IOException {
      open().acknowledge(id);
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
  void addDictationSource(DictationSource source, Map<String, Object> properties) {
    bound.add(source);
    if (ON_FIRST_STUDY.equals(properties.get(START))) {
      waiting.add(source);
      if (!studyOpened || !waiting.remove(source)) {
        return; // started by the first open(), unless it came first (then started here)
      }
    }
    startInBackground(source);
  }

  /** On a thread that ends with the start: the hook's own thread is not woken for it. */
  private void startInBackground(DictationSource source) {
    Thread start =
        new Thread(
            () -> {
              synchronized (starting) {
                if (bound.contains(source)) {
                  hook.addSource(source); // after deactivation: does nothing
                }
              }
            },
            "radassist-speech-source-start");
    start.setDaemon(true);
    start.start();
  }

  void removeDictationSource(DictationSource source) {
    bound.remove(source);
    waiting.remove(source);
    synchronized (starting) {
      hook.removeSource(source); // stops it if it was started; a queued start is skipped
    }
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
    if (!studyOpened) {
      studyOpened = true;
      for (DictationSource source : List.copyOf(waiting)) {
        if (waiting.remove(source)) {
          startInBackground(source);
        }
      }
    }
    return hook.open(study, findings, listener);
  }

  @Override
  public List<String> sources() {
    return hook.sources();
  }

  @Deactivate
  void deactivate() throws IOException {
    bound.clear();
    hook.close(); // stops the sources started, waiting for one being started
    scheduler.shutdownNow();
    try {
      outbox.join().close();
    } catch (CompletionException notOpened) {
      // logged when it failed: nothing to close
    }
  }
}
