package org.radassist.speech.internal.fhircast;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Logger;
import okhttp3.OkHttpClient;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.radassist.drafting.request.DraftRequestFactory;
import org.radassist.model.StudyContext;
import org.radassist.model.files.DataDirectory;
import org.radassist.speech.AcceptedReport;
import org.radassist.speech.ResultSender;
import org.radassist.speech.internal.FileOutbox;
import org.radassist.speech.internal.OutboxReplays;

/**
 * Accepted content to the reporting system as FHIRcast DiagnosticReport-update ({@link
 * FhircastResultSender}), with the FHIRcast subscription's configuration (PID {@value
 * FhircastComponent#PID}, Metatype there: {@code outbox_dir}, {@code replay_seconds}). Updates wait
 * in their own outbox (default {@code <radassist.data.dir>/outbox-fhircast}); what is left there is
 * sent again at start and every {@code replay.seconds}. Not applicable for a study while the
 * reporting system has no report open for it.
 */
@Component(
    service = ResultSender.class,
    configurationPid = FhircastComponent.PID,
    configurationPolicy = ConfigurationPolicy.REQUIRE,
    property = "result.channel=fhircast")
public final class FhircastResultsComponent implements ResultSender {
  private static final Logger LOG = Logger.getLogger(FhircastResultsComponent.class.getName());

  private final FhircastResultSender sender;
  private final FileOutbox outbox;
  private final String name;
  private final OkHttpClient http = new OkHttpClient();
  private final ScheduledExecutorService replays =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "radassist-fhircast-results");
            t.setDaemon(true);
            return t;
          });

  @Activate
  public FhircastResultsComponent(
      BundleContext context,
      FhircastComponent.Config settings,
      @Reference(target = "(dictation.source=" + FhircastSubscriber.NAME + ")")
          ReportContexts contexts)
      throws IOException {
    FhircastConfig config = FhircastComponent.config(settings);
    if (config == null) {
      this.name = "FHIRcast DiagnosticReport-update (not configured)";
      this.sender = null;
      this.outbox = null;
      return;
    }
    this.name = "FHIRcast DiagnosticReport-update to " + config.hubUrl().getHost();
    Path outboxDir =
        DataDirectory.resolve(
            settings.outbox_dir(), context.getProperty(DataDirectory.PROPERTY), "outbox-fhircast");
    this.outbox = new FileOutbox(outboxDir, Clock.systemUTC());
    FhircastPublisher publisher =
        new FhircastPublisher(
            config,
            http,
            outbox,
            DraftRequestFactory.newSession(new SecureRandom()),
            contexts::versionId,
            Clock.systemUTC());
    this.sender = new FhircastResultSender(contexts, publisher, name);
    OutboxReplays.schedule(
        replays, String.valueOf(settings.replay_seconds()), sender::replay, "FHIRcast", LOG);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public java.util.Optional<String> notApplicable(StudyContext study) {
    return sender == null
        ? java.util.Optional.of("FHIRcast is not configured (hub.url, topic)")
        : sender.notApplicable(study);
  }

  @Override
  public boolean send(AcceptedReport report, StudyContext study) throws IOException {
    if (sender == null) {
      throw new IOException("FHIRcast is not configured (PID " + FhircastComponent.PID + ")");
    }
    return sender.send(report, study);
  }

  @Deactivate
  void deactivate() throws IOException {
    replays.shutdownNow();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
    if (outbox != null) {
      outbox.close();
    }
  }
}
