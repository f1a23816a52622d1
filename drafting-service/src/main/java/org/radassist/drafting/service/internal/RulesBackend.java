package org.radassist.drafting.service.internal;

import java.nio.file.Path;
import java.time.Clock;
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
 * The embedded rules engine of bundles/drafting, made outside OSGi (the service is a plain jar, so
 * the engine's internal package is on its class path), on a pool of one thread per core: the engine
 * is CPU-bound and needs no more.
 */
final class RulesBackend implements DraftingService, AutoCloseable {
  private final EmbeddedDraftingService engine;

  private RulesBackend(MrrtTemplates templates) {
    this.engine =
        new EmbeddedDraftingService(
            new RulesEngine(EngineTables.defaults(), templates, RulesEngine.Settings.DEFAULTS),
            Runnable::run,
            Clock.systemUTC());
  }

  /** The engine with the bundled tables and no MRRT templates. */
  static RulesBackend create() {
    return new RulesBackend(new MrrtTemplates());
  }

  /** The engine with the MRRT templates of a folder (null for none). */
  static RulesBackend create(Path templates) {
    return new RulesBackend(MrrtTemplates.load(templates));
  }

  @Override
  public ModelInfo model() {
    return engine.model();
  }

  @Override
  public DraftCall draft(DraftRequest request, String idempotencyKey, DraftListener listener) {
    return engine.draft(request, idempotencyKey, listener);
  }

  @Override
  public void close() {
    // nothing to stop: drafts run on their callers' threads
  }
}
