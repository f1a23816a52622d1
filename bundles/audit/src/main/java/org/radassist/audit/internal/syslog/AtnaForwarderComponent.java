package org.radassist.audit.internal.syslog;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.radassist.audit.AuditTrail;

/**
 * Forwards the audit trail to the configured ATNA collector every period. Active only when
 * configured. The cursor file {@code .atna-cursor} lives beside the trail files.
 */
@Component(
    service = {},
    configurationPid = AtnaForwarderConfig.PID,
    configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = AtnaForwarderConfig.class)
public final class AtnaForwarderComponent {
  private static final System.Logger LOG = System.getLogger(AtnaForwarderComponent.class.getName());

  private final ScheduledExecutorService scheduler;

  @Activate
  public AtnaForwarderComponent(@Reference AuditTrail trail, AtnaForwarderConfig config)
      throws IOException {
    if (config.host() == null || config.host().isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    if (config.port() < 1 || config.port() > 65535) {
      throw new IllegalArgumentException("port must be within 1..65535, was " + config.port());
    }
    if (config.period_seconds() < 1) {
      throw new IllegalArgumentException("period.seconds must be at least 1");
    }
    SyslogTlsSender.Target target =
        new SyslogTlsSender.Target(
            config.host(),
            config.port(),
            config.truststore().isBlank() ? null : Path.of(config.truststore()),
            config.truststore_password().toCharArray(),
            config.keystore().isBlank() ? null : Path.of(config.keystore()),
            config.keystore_password().toCharArray());
    String source = config.source_id().isBlank() ? hostName() : config.source_id();
    List<Path> files = trail.files();
    if (files.isEmpty()) {
      throw new IOException("the audit trail has no files to forward");
    }
    AtnaForwarder forwarder =
        new AtnaForwarder(
            trail,
            target,
            new AtnaExporter(source, source),
            files.get(0).resolveSibling(".atna-cursor"));
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "radassist-atna-forwarder");
              thread.setDaemon(true);
              return thread;
            });
    scheduler.scheduleWithFixedDelay(
        () -> {
          try {
            forwarder.forwardPending();
          } catch (Exception e) {
            // Retried next period; the cursor only moves after a batch went out.
            LOG.log(
                System.Logger.Level.WARNING,
                "ATNA forwarding to " + config.host() + ":" + config.port() + " failed: " + e);
          }
        },
        0,
        config.period_seconds(),
        TimeUnit.SECONDS);
  }

  @Deactivate
  void deactivate() {
    scheduler.shutdownNow();
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getCanonicalHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }
}
