package org.radassist.drafting;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.radassist.drafting.internal.engine.EmbeddedDraftingService;
import org.radassist.drafting.internal.engine.EngineTables;
import org.radassist.drafting.internal.engine.MrrtTemplates;
import org.radassist.drafting.internal.engine.RulesEngine;

/**
 * The embedded rules engine for hosts without OSGi: the same {@link DraftingService} the drafting
 * bundle registers as {@code radassist.drafting.backend=embedded}, with the same settings (PID
 * {@code org.radassist.drafting.embedded}, docs/drafting.md).
 *
 * <pre>{@code
 * DraftingService engine = EmbeddedDrafting.create();           // bundled tables, 2 threads
 * DraftingService tuned = EmbeddedDrafting.builder()
 *     .templatesDirectory(Path.of("/etc/radassist/mrrt"))     // IHE MRRT *.html
 *     .workerThreads(4)
 *     .build();
 * }</pre>
 *
 * <p>The engine needs no closing: its worker threads are daemons and end a few seconds after the
 * last draft. A host that wants drafts on its own threads passes an {@link Builder#executor}.
 *
 * @since 1.1
 */
public final class EmbeddedDrafting {
  private EmbeddedDrafting() {}

  /** The engine on its bundled tables, no MRRT templates, two worker threads. */
  public static DraftingService create() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Settings of the embedded engine; every one is optional. */
  public static final class Builder {
    private Path lexicon;
    private Path findings;
    private Path differentials;
    private Path critical;
    private Path codes;
    private Path templatesDirectory;
    private int maxDictationChars = RulesEngine.Settings.DEFAULTS.maxDictationChars();
    private int maxImpressionItems = RulesEngine.Settings.DEFAULTS.maxImpressionItems();
    private int workerThreads = 2;
    private Executor executor;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** Lexicon JSON replacing the bundled one. */
    public Builder lexicon(Path file) {
      this.lexicon = Objects.requireNonNull(file, "lexicon");
      return this;
    }

    /** Finding concepts JSON replacing the bundled one. */
    public Builder findings(Path file) {
      this.findings = Objects.requireNonNull(file, "findings");
      return this;
    }

    /** Finding to differential diagnoses JSON replacing the bundled one. */
    public Builder differentials(Path file) {
      this.differentials = Objects.requireNonNull(file, "differentials");
      return this;
    }

    /** Critical result terms by ACR category JSON replacing the bundled one. */
    public Builder critical(Path file) {
      this.critical = Objects.requireNonNull(file, "critical");
      return this;
    }

    /** RadLex / ICD-10-CM / CPT code tables JSON replacing the bundled one. */
    public Builder codes(Path file) {
      this.codes = Objects.requireNonNull(file, "codes");
      return this;
    }

    /** A directory of IHE MRRT templates ({@code *.html}); none by default. */
    public Builder templatesDirectory(Path directory) {
      this.templatesDirectory = Objects.requireNonNull(directory, "templatesDirectory");
      return this;
    }

    /** Longest dictation accepted, in characters (default 100,000). */
    public Builder maxDictationChars(int value) {
      this.maxDictationChars = positive("maxDictationChars", value);
      return this;
    }

    /** Most impression items written into a generated impression (default 5). */
    public Builder maxImpressionItems(int value) {
      this.maxImpressionItems = positive("maxImpressionItems", value);
      return this;
    }

    /** Threads drafting concurrently (default 2); ignored when an {@link #executor} is given. */
    public Builder workerThreads(int value) {
      this.workerThreads = positive("workerThreads", value);
      return this;
    }

    /** Runs drafts on the host's executor instead of the engine's own daemon threads. */
    public Builder executor(Executor value) {
      this.executor = Objects.requireNonNull(value, "executor");
      return this;
    }

    /** The clock that stamps drafts (default: UTC system clock). */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * Loads the tables and templates and returns the engine.
     *
     * @throws IllegalArgumentException when a table or the templates directory cannot be read (the
     *     message names the file and the reason)
     */
    public DraftingService build() {
      EngineTables tables =
          EngineTables.load(
              new EngineTables.Paths(lexicon, findings, differentials, critical, codes));
      MrrtTemplates templates = MrrtTemplates.load(templatesDirectory);
      RulesEngine engine =
          new RulesEngine(
              tables, templates, new RulesEngine.Settings(maxDictationChars, maxImpressionItems));
      return new EmbeddedDraftingService(
          engine, executor != null ? executor : daemonPool(workerThreads), clock);
    }

    private static int positive(String name, int value) {
      if (value < 1) {
        throw new IllegalArgumentException(name + " must be at least 1, was " + value);
      }
      return value;
    }
  }

  /** Daemon threads that time out when idle, so a host never has to shut the engine down. */
  private static Executor daemonPool(int threads) {
    AtomicInteger n = new AtomicInteger();
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            5,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "radassist-drafting-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }
}
