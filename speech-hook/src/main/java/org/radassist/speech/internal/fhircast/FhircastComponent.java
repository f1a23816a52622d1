package org.radassist.speech.internal.fhircast;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.OkHttpClient;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.radassist.speech.DictationSink;
import org.radassist.speech.DictationSource;

/**
 * The FHIRcast subscription as a {@link DictationSource} named "fhircast": off until an admin
 * configures it (PID {@value #PID}, configuration required; the framework properties {@code
 * radassist.speech.fhircast.<key>} become that configuration through the governance bundle's
 * framework-property bridge, the bearer token included). Connecting happens in the background and
 * is retried with backoff (the hub may be down when the viewer starts); the subscription's states
 * are logged. A configuration without {@code hub_url} or {@code topic} is logged as incomplete and
 * the source stays idle.
 *
 * <p>It also offers the report contexts the subscription heard ({@link ReportContexts}) to {@link
 * FhircastResultsComponent}, which sends accepted content back as DiagnosticReport-update.
 */
@Component(
    service = {DictationSource.class, ReportContexts.class},
    configurationPid = FhircastComponent.PID,
    configurationPolicy = ConfigurationPolicy.REQUIRE,
    property = "dictation.source=" + FhircastSubscriber.NAME)
@Designate(ocd = FhircastComponent.Config.class)
public final class FhircastComponent implements DictationSource, ReportContexts {
  public static final String PID = "org.radassist.speech.fhircast";
  private static final Logger LOG = Logger.getLogger(FhircastComponent.class.getName());

  @ObjectClassDefinition(
      name = "RadAssist FHIRcast subscription",
      description =
          "Subscribes to the reporting application's FHIRcast hub (IHE IRA Content Creator) over"
              + " WebSocket: dictation shared in the open report reaches RadAssist")
  public @interface Config {
    @AttributeDefinition(
        name = "Hub URL",
        description = "e.g. https://ris.example.org/fhircast/hub")
    String hub_url();

    @AttributeDefinition(name = "Topic", description = "The hub.topic of the user's session")
    String topic();

    @AttributeDefinition(name = "Lease (seconds)", min = "60")
    int lease_seconds() default 7200;

    @AttributeDefinition(name = "Subscriber name")
    String subscriber_name() default "RadAssist";

    @AttributeDefinition(
        name = "Bearer token",
        description = "Access token for the hub (empty: none)",
        required = false,
        type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
    String bearer_token() default "";

    @AttributeDefinition(
        name = "Outbox directory for DiagnosticReport-updates",
        description =
            "Accepted content waits here until the hub answers 2xx (empty: outbox-fhircast in"
                + " RadAssist's data directory, framework property radassist.data.dir, else"
                + " ~/.radassist, where a relative path resolves too)",
        required = false)
    String outbox_dir() default "";

    @AttributeDefinition(
        name = "Replay interval (seconds)",
        description = "How often updates left in the outbox are sent again",
        min = "5")
    int replay_seconds() default 60;
  }

  private final FhircastSubscriber subscriber;
  private final ScheduledExecutorService scheduler;
  private final OkHttpClient http;

  @Activate
  public FhircastComponent(Config config) {
    FhircastConfig subscription = config(config);
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "radassist-fhircast");
              t.setDaemon(true);
              return t;
            });
    this.http = new OkHttpClient();
    this.subscriber =
        subscription == null
            ? null
            : new FhircastSubscriber(subscription, http, new Logging(), scheduler);
  }

  /** The subscription settings, or null (logged) when hub_url or topic is missing or invalid. */
  static FhircastConfig config(Config config) {
    String hub = trimmed(config.hub_url());
    String topic = trimmed(config.topic());
    if (hub.isEmpty() || topic.isEmpty()) {
      LOG.log(
          Level.WARNING,
          "RadAssist FHIRcast subscription not configured: set hub_url and topic (PID {0})",
          PID);
      return null;
    }
    try {
      String name = trimmed(config.subscriber_name());
      String token = trimmed(config.bearer_token());
      return new FhircastConfig(
          URI.create(hub),
          topic,
          token.isEmpty() ? null : token,
          name.isEmpty() ? "RadAssist" : name,
          config.lease_seconds(),
          0.8,
          Duration.ofSeconds(10));
    } catch (IllegalArgumentException e) {
      LOG.log(
          Level.SEVERE,
          "RadAssist FHIRcast configuration refused (PID {0}): {1}",
          new Object[] {PID, e.getMessage()});
      return null;
    }
  }

  private static String trimmed(String value) {
    return value == null ? "" : value.trim();
  }

  @Override
  public String name() {
    return FhircastSubscriber.NAME;
  }

  @Override
  public java.util.Optional<String> openReport(String studyInstanceUid) {
    return subscriber == null
        ? java.util.Optional.empty()
        : subscriber.openReport(studyInstanceUid);
  }

  @Override
  public String versionId() {
    return subscriber == null ? null : subscriber.versionId();
  }

  @Override
  public void start(DictationSink sink) {
    if (subscriber != null) {
      subscriber.startInBackground(sink);
    }
  }

  @Deactivate
  @Override
  public void close() {
    if (subscriber != null) {
      subscriber.close();
    }
    scheduler.shutdownNow();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  /** The subscription's states, in the log (the panel shows the session's own status). */
  private static final class Logging implements FhircastListener {
    @Override
    public void syncError(String message) {
      LOG.log(Level.WARNING, "FHIRcast SyncError: {0}", message);
    }

    @Override
    public void subscription(String state, String detail) {
      Level level =
          switch (state) {
            case "denied", "disconnected", "reconnect-failed", "renewal-failed" -> Level.WARNING;
            default -> Level.INFO;
          };
      LOG.log(level, "FHIRcast subscription {0} {1}", new Object[] {state, detail});
    }
  }
}
