package org.radassist.audit;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.radassist.audit.internal.FileAuditTrail;
import org.radassist.audit.internal.checkpoint.Checkpoint;
import org.radassist.model.AuditEvent;

/**
 * The file-backed audit trail for hosts without OSGi: the same trail the audit bundle registers as
 * its {@link AuditTrail} service (PID {@code org.radassist.audit}, docs/audit.md) — hash-chained
 * JSON lines forced to disk, rotated files, an Ed25519-signed checkpoint at open, at an interval
 * and at close, owner-only files, one writer per directory.
 *
 * <pre>{@code
 * try (AuditTrails.FileTrail trail = AuditTrails.open(dataDir.resolve("audit"))) {
 *   RadAssistPanels.builder(host).auditTrail(() -> Optional.of(trail)) ... ;
 *   ...
 *   ChainVerification check = trail.verify();   // check.intact()
 * } // close(): signs the shutdown checkpoint
 * }</pre>
 *
 * <p>Unlike the OSGi component, a relative directory is not resolved against RadAssist's data
 * directory: the host decides where its trail lives.
 *
 * @since 1.1
 */
public final class AuditTrails {
  /** The component's defaults: 16 MiB files, a checkpoint every 60 seconds. */
  public static final long DEFAULT_ROTATION_BYTES = 16L * 1024 * 1024;

  public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(60);

  private AuditTrails() {}

  /** An open trail; {@link #close()} signs the shutdown checkpoint and releases the directory. */
  public interface FileTrail extends AuditTrail, Closeable {
    /** The trail's directory. */
    Path directory();
  }

  /**
   * Opens (or creates) the trail in {@code directory} with the defaults.
   *
   * @throws IOException when the directory cannot be used, another writer holds it, or its newest
   *     file is damaged (the message names the file, line and seq)
   */
  public static FileTrail open(Path directory) throws IOException {
    return builder(directory).open();
  }

  public static Builder builder(Path directory) {
    return new Builder(directory);
  }

  /** Settings of a file trail. */
  public static final class Builder {
    private final Path directory;
    private long rotationBytes = DEFAULT_ROTATION_BYTES;
    private Duration checkpointInterval = DEFAULT_CHECKPOINT_INTERVAL;
    private Clock clock = Clock.systemUTC();

    private Builder(Path directory) {
      this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** Start the next file before a record would take the current one past this (min 1024). */
    public Builder rotationBytes(long value) {
      if (value < 1024) {
        throw new IllegalArgumentException("rotationBytes must be at least 1024, was " + value);
      }
      this.rotationBytes = value;
      return this;
    }

    /** How often a checkpoint is signed when records were appended since the last (min 1 s). */
    public Builder checkpointInterval(Duration value) {
      Objects.requireNonNull(value, "checkpointInterval");
      if (value.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException(
            "checkpointInterval must be at least 1 second, was " + value);
      }
      this.checkpointInterval = value;
      return this;
    }

    /** The clock that times checkpoints (records carry their event's own time). */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /** Opens the trail, verifying its newest file and signing the opening checkpoint. */
    public FileTrail open() throws IOException {
      return new Opened(
          directory, new FileAuditTrail(directory, rotationBytes, clock), checkpointInterval);
    }
  }

  private static final class Opened implements FileTrail {
    private static final System.Logger LOG = System.getLogger(AuditTrails.class.getName());
    private final Path directory;
    private final FileAuditTrail trail;
    private final ScheduledExecutorService checkpoints;

    Opened(Path directory, FileAuditTrail trail, Duration interval) {
      this.directory = directory;
      this.trail = trail;
      this.checkpoints =
          Executors.newSingleThreadScheduledExecutor(
              runnable -> {
                Thread thread = new Thread(runnable, "radassist-audit-checkpoint");
                thread.setDaemon(true);
                return thread;
              });
      long period = interval.toMillis();
      checkpoints.scheduleWithFixedDelay(
          this::intervalCheckpoint, period, period, TimeUnit.MILLISECONDS);
    }

    private void intervalCheckpoint() {
      try {
        trail.checkpoint(Checkpoint.INTERVAL);
      } catch (IOException | RuntimeException e) {
        // the records stay in the trail, only unanchored until the next checkpoint succeeds
        LOG.log(System.Logger.Level.WARNING, "audit checkpoint failed: " + e);
      }
    }

    @Override
    public Path directory() {
      return directory;
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

    @Override
    public void close() throws IOException {
      checkpoints.shutdown(); // no interrupt: a checkpoint being written completes
      trail.close();
    }
  }
}
