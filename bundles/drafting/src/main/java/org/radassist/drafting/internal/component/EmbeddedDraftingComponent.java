package org.radassist.drafting.internal.component;

import java.nio.file.Path;
import java.time.Clock;
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
import org.radassist.drafting.DraftingService;
import org.radassist.drafting.internal.engine.EmbeddedDraftingService;
import org.radassist.drafting.internal.engine.EngineTables;
import org.radassist.drafting.internal.engine.MrrtTemplates;
import org.radassist.drafting.internal.engine.RulesEngine;
import org.radassist.model.ModelInfo;

/**
 * Registers the embedded rules engine as the {@link DraftingService} ({@code
 * radassist.drafting.backend=embedded}), the default backend: no server needed. Tables and
 * templates come from the configuration; empty paths mean the bundled tables.
 */
@Component(
    service = DraftingService.class,
    configurationPid = EmbeddedDraftingComponent.PID,
    property = {EmbeddedDraftingComponent.BACKEND_PROPERTY + "=embedded"})
@Designate(ocd = EmbeddedDraftingComponent.Config.class)
public final class EmbeddedDraftingComponent implements DraftingService {
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
  private final EmbeddedDraftingService service;

  @Activate
  public EmbeddedDraftingComponent(Config config) {
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
    AtomicInteger n = new AtomicInteger();
    ThreadFactory threads =
        r -> {
          Thread t = new Thread(r, "radassist-drafting-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        };
    this.executor = Executors.newFixedThreadPool(Math.max(1, config.worker_threads()), threads);
    this.service = new EmbeddedDraftingService(engine, executor, Clock.systemUTC());
  }

  @Deactivate
  void deactivate() {
    executor.shutdownNow();
  }

  @Override
  public ModelInfo model() {
    return service.model();
  }

  @Override
  public DraftCall draft(DraftRequest request, String idempotencyKey, DraftListener listener) {
    return service.draft(request, idempotencyKey, listener);
  }

  private static Path path(String value) {
    return value == null || value.isBlank() ? null : Path.of(value.trim());
  }
}
