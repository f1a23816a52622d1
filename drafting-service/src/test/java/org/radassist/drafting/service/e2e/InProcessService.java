package org.radassist.drafting.service.e2e;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.radassist.drafting.internal.engine.EmbeddedDraftingService;
import org.radassist.drafting.internal.engine.EngineTables;
import org.radassist.drafting.internal.engine.MrrtTemplates;
import org.radassist.drafting.internal.engine.RulesEngine;
import org.radassist.drafting.service.internal.DraftingServer;
import org.radassist.drafting.service.internal.ServiceConfig;
import org.radassist.drafting.service.internal.store.JdbcDraftStore;

/**
 * The real drafting service in the test's JVM: {@link DraftingServer} on an ephemeral 127.0.0.1
 * port with the rules backend (the embedded engine, as {@code serve --backend rules} makes it) and
 * an H2 file store in a temporary folder.
 */
final class InProcessService implements AutoCloseable {
  static final String TOKEN = "e2e-token";

  private final JdbcDraftStore store;
  private final DraftingServer server;
  final StoreRows rows;

  InProcessService(Path dir) throws Exception {
    Path file = dir.resolve("drafts");
    store = new JdbcDraftStore("jdbc:h2:file:" + file, 4);
    EmbeddedDraftingService rules =
        new EmbeddedDraftingService(
            new RulesEngine(
                EngineTables.defaults(), new MrrtTemplates(), RulesEngine.Settings.DEFAULTS),
            Runnable::run,
            Clock.systemUTC());
    server =
        new DraftingServer(
                ServiceConfig.defaults()
                    .withPort(0)
                    .withTokens(List.of(TOKEN))
                    .withReplicaId("e2e")
                    .withRateLimit(0, 1),
                rules,
                store)
            .start();
    rows = new StoreRows(file);
  }

  URI baseUri() {
    return server.baseUri();
  }

  @Override
  public void close() {
    server.close();
    store.close();
  }
}
