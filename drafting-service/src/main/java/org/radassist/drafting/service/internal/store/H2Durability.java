package org.radassist.drafting.service.internal.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes committed H2 transactions survive a crash of the service process, batching concurrent
 * callers into one write (group commit).
 *
 * <p>H2's MVStore keeps commits in memory and writes them to its file up to {@code WRITE_DELAY}
 * (500 ms) later: a {@code kill -9} in that window loses drafts the client was already told about.
 * {@code WRITE_DELAY=0} fixes that with one file write per commit (two per draft); here a caller
 * that needs its commit on disk waits for one {@code CHECKPOINT} (MVStore commit: the changes are
 * in the file, so in the kernel's page cache) that started after its commit, and one checkpoint
 * serves every caller waiting meanwhile. Power loss is not covered (no fsync), as with PostgreSQL's
 * {@code synchronous_commit} off; a crash of the process is.
 */
final class H2Durability {
  private final AtomicLong committed = new AtomicLong();
  private long written; // guarded by this

  /**
   * Returns once every transaction the caller committed before this call is in the database file.
   */
  void awaitWritten(Connection c) throws SQLException {
    long mine = committed.incrementAndGet();
    synchronized (this) {
      // one checkpoint at a time: it covers every ticket taken before it starts (each taken after
      // its caller's commit), so callers queued behind it usually find their work done
      if (written >= mine) {
        return;
      }
      long upTo = committed.get();
      try (Statement s = c.createStatement()) {
        s.execute("CHECKPOINT");
      }
      written = upTo;
    }
  }
}
