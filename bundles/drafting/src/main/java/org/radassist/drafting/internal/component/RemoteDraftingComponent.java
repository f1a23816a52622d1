package org.radassist.drafting.internal.component;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.random.RandomGenerator;
import okhttp3.OkHttpClient;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.radassist.drafting.DraftCall;
import org.radassist.drafting.DraftListener;
import org.radassist.drafting.DraftRequest;
import org.radassist.drafting.DraftingService;
import org.radassist.drafting.remote.RemoteConfig;
import org.radassist.drafting.remote.RemoteDraftingService;
import org.radassist.model.ModelInfo;

/**
 * Registers the drafting service's client as the {@link DraftingService} ({@code
 * radassist.drafting.backend=remote}); only when configured (a base URI is required).
 */
@Component(
    service = DraftingService.class,
    configurationPid = RemoteDraftingComponent.PID,
    configurationPolicy = ConfigurationPolicy.REQUIRE,
    property = {EmbeddedDraftingComponent.BACKEND_PROPERTY + "=remote"})
@Designate(ocd = RemoteDraftingComponent.Config.class)
public final class RemoteDraftingComponent implements DraftingService {
  public static final String PID = "org.radassist.drafting.remote";

  @ObjectClassDefinition(
      name = "RadAssist drafting service client",
      description = "Drafts with the RadAssist drafting service (POST /v1/drafts, SSE)")
  public @interface Config {
    @AttributeDefinition(description = "Base URI, e.g. https://drafting.example.org:8443")
    String base_uri();

    @AttributeDefinition(
        description = "Bearer token",
        type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
    String token() default "";

    @AttributeDefinition(description = "Connect timeout (ms)", min = "1")
    int connect_timeout_ms() default 3000;

    @AttributeDefinition(description = "Time to the first event (ms)", min = "1")
    int first_event_timeout_ms() default 10000;

    @AttributeDefinition(description = "Longest silence in a stream (ms)", min = "1")
    int idle_timeout_ms() default 20000;

    @AttributeDefinition(description = "Overall deadline of a draft (ms)", min = "1")
    int deadline_ms() default 60000;

    @AttributeDefinition(description = "Retries (before the first event, or resumes)", min = "0")
    int max_retries() default 2;

    @AttributeDefinition(
        description =
            "Allow plain http:// to another machine (a lab only: dictations travel in clear, the"
                + " token is not sent); https:// is required otherwise")
    boolean allow_plain_http() default false;
  }

  private final ScheduledExecutorService scheduler;
  private final OkHttpClient http;
  private final RemoteDraftingService service;

  @Activate
  public RemoteDraftingComponent(Config config) {
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "radassist-drafting-remote");
              t.setDaemon(true);
              return t;
            });
    this.http = new OkHttpClient();
    this.service =
        RemoteDraftingService.create(
            RemoteConfig.defaults(
                    URI.create(config.base_uri()), config.token().isBlank() ? null : config.token())
                .withTimeouts(
                    Duration.ofMillis(config.connect_timeout_ms()),
                    Duration.ofMillis(config.first_event_timeout_ms()),
                    Duration.ofMillis(config.idle_timeout_ms()),
                    Duration.ofMillis(config.deadline_ms()))
                .withRetries(config.max_retries(), Duration.ofMillis(500), Duration.ofSeconds(8)),
            http,
            scheduler,
            RandomGenerator.getDefault(),
            Clock.systemUTC(),
            config.allow_plain_http());
  }

  @Override
  public ModelInfo model() {
    return service.model();
  }

  @Override
  public DraftCall draft(DraftRequest request, String idempotencyKey, DraftListener listener) {
    return service.draft(request, idempotencyKey, listener);
  }

  @Deactivate
  void deactivate() {
    scheduler.shutdownNow();
    http.dispatcher().executorService().shutdownNow();
    http.connectionPool().evictAll();
  }
}
