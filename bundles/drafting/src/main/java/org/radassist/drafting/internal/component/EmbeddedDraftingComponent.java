package org.radassist.drafting.internal.component;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.radassist.drafting.DraftCall;
import org.radassist.drafting.DraftListener;
import org.radassist.drafting.DraftRequest;
import org.radassist.drafting.DraftingException;
import org.radassist.drafting.DraftingService;
import org.radassist.drafting.internal.engine.EmbeddedDraftingService;
import org.radassist.drafting.internal.engine.EngineTables;
import org.radassist.drafting.internal.engine.MrrtTemplates;
import org.radassist.drafting.internal.engine.RulesEngine;
import org.radassist.model.ModelInfo;

/**
 * Registers the embedded rules engine as the {@link DraftingService} ({@code
 * radassist.drafting.backend=embedded}), the default backend: no server needed. Tables and
 * templates come from the configuration; empty paths mean the bundled tables. The bundled tables
 * load in the background (a host asking for the service at start-up does not wait for them; a draft
 * asked for meanwhile waits); configured ones load at activation, so that a wrong path or a
 * malformed file fails the activation naming it.
 */
@Component(
    service = DraftingService.class,
    configurationPid = EmbeddedDraftingComponent.PID,
    property = {EmbeddedDraftingComponent.BACKEND_PROPERTY + "=embedded"})
@Designate(ocd = EmbeddedDraftingComponent.Config.class)
public final class EmbeddedDraftingComponent implements DraftingService {
  private static final System.Logger LOG =
      System.getLogger(EmbeddedDraftingComponent.class.getName());
  public static final String PID = "org.radassist.drafting.embedded";
  public static final String BACKEND_PROPERTY = "radassist.drafting.backend";

  @ObjectClassDefinition(
      name = "RadAssist embedded drafting engine",
      description = "The in-process rules engine that drafts reports from dictation")
  public @interface Config {
    @AttributeDefinition(description = "Lexicon JSON replacing the bundled one (empty: bundled)")
    String lexicon_path() default "";

    @AttributeDefinition(description = "Finding concepts JSON (empty: bundled)")
    String findings_path() default "";

    @AttributeDefinition(description = "Finding -> differential diagnoses JSON (empty: bundled)")
    String differentials_path() default "";

    @AttributeDefinition(
        description = "Critical result terms by ACR category JSON (empty: bundled)")
    String critical_path() default "";

    @AttributeDefinition(description = "RadLex / ICD-10-CM / CPT code tables JSON (empty: bundled)")
    String codes_path() default "";

    @AttributeDefinition(description = "Directory of IHE MRRT templates (*.html); empty: none")
    String templates_directory() default "";

    @AttributeDefinition(description = "Longest dictation accepted, in characters", min = "1")
    int max_dictation_chars() default 100_000;

    @AttributeDefinition(
        description = "Most impression items written into a generated impression",
        min = "1")
    int max_impression_items() default 5;

    @AttributeDefinition(description = "Threads drafting concurrently", min = "1")
    int worker_threads() default 2;
  }

  private final ExecutorService executor;
  private final CompletableFuture<EmbeddedDraftingService> service = new CompletableFuture<>();

  @Activate
  public EmbeddedDraftingComponent(Config config) {
    AtomicInteger n = new AtomicInteger();
    ThreadFactory threads =
        r -> {
          Thread t = new Thread(r, "radassist-drafting-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        };
    this.executor = Executors.newFixedThreadPool(Math.max(1, config.worker_threads()), threads);
    if (configuresTables(config)) {
      service.complete(load(config, executor));
      return;
    }
    // a thread of its own that ends with the load: the worker pool starts no thread before a draft
    Thread loader =
        new Thread(
            () -> {
              try {
                service.complete(load(config, executor));
              } catch (RuntimeException | Error e) {
                LOG.log(System.Logger.Level.ERROR, "RadAssist drafting tables not loaded: " + e);
                service.completeExceptionally(e);
              }
            },
            "radassist-drafting-tables");
    loader.setDaemon(true);
    loader.start();
  }

  private static boolean configuresTables(Config config) {
    return path(config.lexicon_path()) != null
        || path(config.findings_path()) != null
        || path(config.differentials_path()) != null
        || path(config.critical_path()) != null
        || path(config.codes_path()) != null
        || path(config.templates_directory()) != null;
  }

  private static EmbeddedDraftingService load(Config config, ExecutorService executor) {
    EngineTables tables =
        EngineTables.load(
            new EngineTables.Paths(
                path(config.lexicon_path()),
                path(config.findings_path()),
                path(config.differentials_path()),
                path(config.critical_path()),
                path(config.codes_path())));
    MrrtTemplates templates = MrrtTemplates.load(path(config.templates_directory()));
    RulesEngine engine =
        new RulesEngine(
            tables,
            templates,
            new RulesEngine.Settings(config.max_dictation_chars(), config.max_impression_items()));
    return new EmbeddedDraftingService(engine, executor, Clock.systemUTC());
  }

  @Deactivate
  void deactivate() {
    executor.shutdownNow();
  }

  /** The model is the engine's, known before its tables are loaded. */
  @Override
  public ModelInfo model() {
    return EmbeddedDraftingService.MODEL;
  }

  /**
   * {@inheritDoc} Waits for the bundled tables when they are still loading.
   *
   * @throws DraftingException {@code unavailable}, not retryable, when they could not be loaded
   */
  @Override
  public DraftCall draft(DraftRequest request, String idempotencyKey, DraftListener listener) {
    EmbeddedDraftingService engine;
    try {
      engine = service.join();
    } catch (CompletionException | CancellationException e) {
      throw new DraftingException(
          "unavailable", false, "the embedded drafting engine has no tables: " + e.getCause(), e);
    }
    return engine.draft(request, idempotencyKey, listener);
  }

  private static Path path(String value) {
    return value == null || value.isBlank() ? null : Path.of(value.trim());
  }
}
