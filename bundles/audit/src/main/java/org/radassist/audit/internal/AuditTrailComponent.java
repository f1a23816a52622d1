package org.radassist.audit.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
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
import org.radassist.model.files.DataDirectory;

/**
 * The {@link AuditTrail} service: a {@link FileAuditTrail} on the configured directory. Opening it
 * (verifying its newest file, loading or creating the Ed25519 checkpoint key, checking and signing
 * checkpoints, each forced to disk) happens in the background, off the thread that activates the
 * component: a host asking for the service at start-up does not wait for it. A record appended
 * meanwhile waits for the open and is then chained and made durable as ever, and signed by the next
 * checkpoint; when the trail cannot be opened (unusable directory, damaged file, a trail cut or
 * rewritten while RadAssist was stopped), every call fails with that reason and nothing is
 * appended. A new configuration deactivates and reactivates the component, so the trail is closed
 * and reopened (and its newest file re-verified) on the new directory.
 */
@Component(
    service = AuditTrail.class,
    configurationPid = AuditTrailConfig.PID,
    configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = AuditTrailConfig.class)
public final class AuditTrailComponent implements AuditTrail {
  private static final System.Logger LOG = System.getLogger(AuditTrailComponent.class.getName());

  private final Path directory;
  private final CompletableFuture<FileAuditTrail> trail = new CompletableFuture<>();
  private final ScheduledExecutorService checkpoints;

  /**
   * Opens the trail in the background. A relative directory resolves against RadAssist's data
   * directory ({@link DataDirectory}: the framework property {@code radassist.data.dir}, else
   * {@code ~/.radassist}), never the host's working directory.
   *
   * @throws IllegalArgumentException when the configuration is out of bounds (DS then leaves the
   *     service unregistered)
   */
  @Activate
  public AuditTrailComponent(BundleContext context, AuditTrailConfig config) {
    this(config, DataDirectory.of(context.getProperty(DataDirectory.PROPERTY)));
  }

  /** Opens the trail with relative directories resolved against the working directory. */
  public AuditTrailComponent(AuditTrailConfig config) {
    this(config, Path.of(""));
  }

  /** Opens the trail with relative directories resolved against {@code base}. */
  AuditTrailComponent(AuditTrailConfig config, Path base) {
    // blank is the default, as the Metatype says: never "the working directory" by accident
    String name =
        config.directory() == null || config.directory().isBlank() ? "audit" : config.directory();
    if (config.checkpoint_interval_seconds() < 1) {
      throw new IllegalArgumentException(
          "checkpoint.interval.seconds must be at least 1, was "
              + config.checkpoint_interval_seconds());
    }
    if (config.rotation_size_bytes() < 1024) {
      throw new IllegalArgumentException("rotation size must be at least 1024 bytes");
    }
    this.directory = base.resolve(name);
    this.checkpoints =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "radassist-audit-checkpoint");
              thread.setDaemon(true);
              return thread;
            });
    long period = config.checkpoint_interval_seconds();
    long rotation = config.rotation_size_bytes();
    checkpoints.execute(
        () -> {
          try {
            trail.complete(new FileAuditTrail(directory, rotation));
          } catch (IOException | RuntimeException e) {
            LOG.log(
                System.Logger.Level.ERROR, "RadAssist audit trail not opened: " + e.getMessage());
            trail.completeExceptionally(e);
            return;
          }
          try {
            checkpoints.scheduleWithFixedDelay(
                this::intervalCheckpoint, period, period, TimeUnit.SECONDS);
          } catch (RejectedExecutionException deactivated) {
            // deactivated while it opened: the trail is closed (close checkpoint) right away
          }
        });
  }

  private void intervalCheckpoint() {
    try {
      trail.join().checkpoint(Checkpoint.INTERVAL);
    } catch (IOException | RuntimeException e) {
      // the records stay in the trail, only unanchored until the next checkpoint succeeds
      LOG.log(System.Logger.Level.WARNING, "audit checkpoint failed: " + e);
    }
  }

  /**
   * The open trail, once opened (waiting for the open in the background).
   *
   * @throws IOException naming the directory and the reason when it could not be opened
   */
  private FileAuditTrail open() throws IOException {
    try {
      return trail.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while the audit trail " + directory + " opens", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw new IOException(
          "audit trail " + directory + " is not open: " + cause.getMessage(), cause);
    }
  }

  @Deactivate
  void deactivate() throws IOException {
    checkpoints.shutdown(); // no interrupt: an open or a checkpoint being written completes
    FileAuditTrail open;
    try {
      open = open();
    } catch (IOException notOpened) {
      return; // logged when it failed: nothing to close
    }
    open.close(); // signs the shutdown checkpoint
  }

  @Override
  public AuditRecord append(AuditEvent event) throws IOException {
    return open().append(event);
  }

  /** {@inheritDoc} Empty too when the trail could not be opened. */
  @Override
  public Optional<AuditRecord> head() {
    try {
      return open().head();
    } catch (IOException notOpen) {
      return Optional.empty();
    }
  }

  @Override
  public List<Path> files() throws IOException {
    return open().files();
  }

  @Override
  public ChainVerification verify() throws IOException {
    return open().verify();
  }
}
