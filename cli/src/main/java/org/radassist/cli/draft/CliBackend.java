package org.radassist.cli.draft;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.OkHttpClient;
import org.radassist.drafting.DraftingService;
import org.radassist.drafting.internal.engine.EmbeddedDraftingService;
import org.radassist.drafting.internal.engine.EngineTables;
import org.radassist.drafting.internal.engine.MrrtTemplates;
import org.radassist.drafting.internal.engine.RulesEngine;
import org.radassist.drafting.internal.net.EndpointPolicy;
import org.radassist.drafting.remote.RemoteConfig;
import org.radassist.drafting.remote.RemoteDraftingService;

/**
 * What a CLI command drafts with: the embedded rules engine on the calling thread, or the drafting
 * service at {@code --endpoint} ({@code ./radassist serve}, bearer token from {@code
 * $RADASSIST_TOKEN}).
 */
public final class CliBackend implements AutoCloseable {
  private final DraftingService service;
  private final ScheduledExecutorService scheduler;

  private CliBackend(DraftingService service, ScheduledExecutorService scheduler) {
    this.service = service;
    this.scheduler = scheduler;
  }

  /** The value of {@code --endpoint}, or null with the reason added to {@code problems}. */
  public static URI endpoint(String value, List<String> problems) {
    try {
      URI endpoint = URI.create(value.trim());
      if (endpoint.getScheme() == null
          || !(endpoint.getScheme().equals("http") || endpoint.getScheme().equals("https"))
          || endpoint.getHost() == null) {
        problems.add("--endpoint: expected an http:// or https:// URL, was \"" + value + "\"");
        return null;
      }
      return endpoint;
    } catch (IllegalArgumentException e) {
      problems.add("--endpoint: not a URL: \"" + value + "\"");
      return null;
    }
  }

  /**
   * Adds to {@code problems} why the commands may not send to {@code endpoint} (plain http:// to
   * another machine without {@code allowPlainHttp}), so that it is reported with the other bad
   * options before anything is opened or sent.
   */
  public static void checkEndpoint(URI endpoint, boolean allowPlainHttp, List<String> problems) {
    if (endpoint == null) {
      return;
    }
    try {
      EndpointPolicy.sendToken(endpoint, allowPlainHttp);
    } catch (IllegalArgumentException e) {
      problems.add("--endpoint " + e.getMessage());
    }
  }

  /**
   * The service at {@code endpoint}, or the embedded engine when it is null.
   *
   * @throws IllegalArgumentException for plain http:// to another machine without {@code
   *     allowPlainHttp} (callers check with {@link #checkEndpoint} first)
   */
  public static CliBackend open(
      URI endpoint, boolean allowPlainHttp, EngineTables tables, MrrtTemplates templates) {
    return open(endpoint, allowPlainHttp, tables, templates, null, null);
  }

  /**
   * As {@link #open(URI, boolean, EngineTables, MrrtTemplates)}, with the client's overall deadline
   * and idle timeout (null: the contract's 60 s and 20 s; a model on CPU needs minutes).
   */
  public static CliBackend open(
      URI endpoint,
      boolean allowPlainHttp,
      EngineTables tables,
      MrrtTemplates templates,
      java.time.Duration deadline,
      java.time.Duration idle) {
    if (endpoint == null) {
      return new CliBackend(
          new EmbeddedDraftingService(
              new RulesEngine(tables, templates, RulesEngine.Settings.DEFAULTS),
              Runnable::run,
              Clock.systemUTC()),
          null);
    }
    EndpointPolicy.sendToken(endpoint, allowPlainHttp); // refuses before a thread is started
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    return new CliBackend(
        RemoteDraftingService.create(
            timeouts(
                RemoteConfig.defaults(
                    endpoint, System.getenv().getOrDefault("RADASSIST_TOKEN", "")),
                deadline,
                idle),
            new OkHttpClient(),
            scheduler,
            new Random(),
            Clock.systemUTC(),
            allowPlainHttp),
        scheduler);
  }

  private static RemoteConfig timeouts(
      RemoteConfig c, java.time.Duration deadline, java.time.Duration idle) {
    return c.withTimeouts(
        c.connectTimeout(),
        c.firstEventTimeout(),
        idle == null ? c.idleTimeout() : idle,
        deadline == null ? c.overallDeadline() : deadline);
  }

  public DraftingService service() {
    return service;
  }

  @Override
  public void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }
}
