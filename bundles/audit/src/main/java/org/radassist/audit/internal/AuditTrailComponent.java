package org.radassist.audit.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.radassist.audit.AuditRecord;
import org.radassist.audit.AuditTrail;
import org.radassist.audit.ChainVerification;
import org.radassist.audit.internal.checkpoint.Checkpoint;
import org.radassist.model.AuditEvent;

/**
 * The {@link AuditTrail} service: a {@link FileAuditTrail} on the configured directory. A new
 * configuration deactivates and reactivates the component, so the trail is closed and reopened (and
 * its newest file re-verified) on the new directory.
 */
@Component(
    service = AuditTrail.class,
    configurationPid = AuditTrailConfig.PID,
    configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = AuditTrailConfig.class)
public final class AuditTrailComponent implements AuditTrail {
  private static final System.Logger LOG = System.getLogger(AuditTrailComponent.class.getName());

  private final FileAuditTrail trail;
  private final ScheduledExecutorService checkpoints;

  /**
   * Opens the trail. A relative directory resolves against RadAssist's data directory: the
   * framework property {@code radassist.data.dir} (e.g. set in Weasis' extension JSON), else {@code
   * ~/.radassist}, never the host's working directory.
   *
   * @throws IOException when the directory is unusable or its newest file is damaged; DS then
   *     leaves the service unregistered rather than audit into a broken chain
   */
  @Activate
  public AuditTrailComponent(BundleContext context, AuditTrailConfig config) throws IOException {
    this(config, dataDirectory(context.getProperty(DATA_DIR)));
  }

  /** Opens the trail with relative directories resolved against the working directory. */
  public AuditTrailComponent(AuditTrailConfig config) throws IOException {
    this(config, Path.of(""));
  }

  /** Opens the trail with relative directories resolved against {@code base}. */
  AuditTrailComponent(AuditTrailConfig config, Path base) throws IOException {
    // blank is the default, as the Metatype says: never "the working directory" by accident
    String directory =
        config.directory() == null || config.directory().isBlank() ? "audit" : config.directory();
    if (config.checkpoint_interval_seconds() < 1) {
      throw new IllegalArgumentException(
          "checkpoint.interval.seconds must be at least 1, was "
              + config.checkpoint_interval_seconds());
    }
    this.trail = new FileAuditTrail(base.resolve(directory), config.rotation_size_bytes());
    this.checkpoints =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "radassist-audit-checkpoint");
              thread.setDaemon(true);
              return thread;
            });
    long period = config.checkpoint_interval_seconds();
    checkpoints.scheduleWithFixedDelay(this::intervalCheckpoint, period, period, TimeUnit.SECONDS);
  }

  private void intervalCheckpoint() {
    try {
      trail.checkpoint(Checkpoint.INTERVAL);
    } catch (IOException | RuntimeException e) {
      // the records stay in the trail, only unanchored until the next checkpoint succeeds
      LOG.log(System.Logger.Level.WARNING, "audit checkpoint failed: " + e);
    }
  }

  /** The framework property naming RadAssist's data directory. */
  static final String DATA_DIR = "radassist.data.dir";

  static Path dataDirectory(String configured) {
    return configured != null && !configured.isBlank()
        ? Path.of(configured)
        : Path.of(System.getProperty("user.home"), ".radassist");
  }

  @Deactivate
  void deactivate() throws IOException {
    checkpoints.shutdown(); // no interrupt: a checkpoint being written completes
    trail.close(); // signs the shutdown checkpoint
  }

  @Override
  public AuditRecord append(AuditEvent event) throws IOException {
    return trail.append(event);
  }

  @Override
  public Optional<AuditRecord> head() {
    return trail.head();
  }

  @Override
  public List<Path> files() throws IOException {
    return trail.files();
  }

  @Override
  public ChainVerification verify() throws IOException {
    return trail.verify();
  }
}
