package org.radassist.speech.internal.hl7;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.radassist.drafting.request.DraftRequestFactory;
import org.radassist.model.StudyContext;
import org.radassist.model.files.DataDirectory;
import org.radassist.speech.AcceptedReport;
import org.radassist.speech.ResultSender;
import org.radassist.speech.internal.FileOutbox;
import org.radassist.speech.internal.OutboxReplays;

/**
 * Accepted content to the RIS as HL7 v2 ORU^R01 over MLLP ({@link Hl7ResultSender}), off until
 * configured (PID {@value #PID}). Results wait in their own outbox ({@code outbox_dir}, default
 * {@code <radassist.data.dir>/outbox-hl7}); what is left there is sent again at start and every
 * {@code replay_seconds}.
 */
@Component(
    service = ResultSender.class,
    configurationPid = Hl7ResultsComponent.PID,
    configurationPolicy = ConfigurationPolicy.REQUIRE,
    property = "result.channel=hl7")
@Designate(ocd = Hl7ResultsComponent.Config.class)
public final class Hl7ResultsComponent implements ResultSender {
  public static final String PID = "org.radassist.speech.hl7.results";
  private static final Logger LOG = Logger.getLogger(Hl7ResultsComponent.class.getName());

  @ObjectClassDefinition(
      name = "RadAssist results to the RIS (HL7 v2 ORU^R01 over MLLP)",
      description = "Preliminary results, no PID segment, text scrubbed; durable before sending")
  public @interface Config {
    @AttributeDefinition(name = "RIS host")
    String host();

    @AttributeDefinition(name = "RIS MLLP port", min = "1", max = "65535")
    int port();

    @AttributeDefinition(
        name = "Outbox directory",
        description =
            "empty: outbox-hl7 in RadAssist's data directory (framework property"
                + " radassist.data.dir, else ~/.radassist), where a relative path resolves too")
    String outbox_dir() default "";

    @AttributeDefinition(name = "Replay interval (seconds)", min = "5")
    int replay_seconds() default 60;
  }

  private final Hl7ResultSender sender;
  private final FileOutbox outbox;
  private final String name;
  private final ScheduledExecutorService replays;

  @Activate
  public Hl7ResultsComponent(BundleContext context, Config config) throws IOException {
    String host = config.host() == null ? "" : config.host().trim();
    int port = config.port() >= 1 && config.port() <= 65535 ? config.port() : -1;
    this.name = "HL7 ORU^R01 to " + (host.isEmpty() ? "(not configured)" : host + ":" + port);
    Path outboxDir =
        DataDirectory.resolve(
            config.outbox_dir(), context.getProperty(DataDirectory.PROPERTY), "outbox-hl7");
    this.replays =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "radassist-hl7-results");
              t.setDaemon(true);
              return t;
            });
    if (host.isEmpty() || port < 0) {
      LOG.log(
          Level.WARNING,
          "RadAssist HL7 results not configured: set host and port (PID {0}); results are refused",
          PID);
      this.sender = null;
      this.outbox = null;
      return;
    }
    this.outbox = new FileOutbox(outboxDir, Clock.systemUTC());
    this.sender =
        new Hl7ResultSender(
            Hl7Components.hl7(),
            outbox,
            DraftRequestFactory.newSession(new SecureRandom()),
            host,
            port,
            Clock.systemUTC());
    OutboxReplays.schedule(
        replays, String.valueOf(config.replay_seconds()), sender::replay, "HL7 results", LOG);
  }

  /**
   * {@inheritDoc}
   *
   * @throws IOException also when host / port are not configured (nothing is stored or sent)
   */
  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean send(AcceptedReport report, StudyContext study) throws IOException {
    if (sender == null) {
      throw new IOException("HL7 results are not configured (PID " + PID + ": host, port)");
    }
    return sender.send(report, study);
  }

  @Deactivate
  void deactivate() throws IOException {
    replays.shutdownNow();
    if (outbox != null) {
      outbox.close();
    }
  }
}
