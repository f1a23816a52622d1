package org.radassist.drafting.service.internal.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.radassist.model.DraftStatus;

/**
 * The draft store on JDBC: an embedded H2 file database by default (one replica), PostgreSQL when
 * several replicas share a department's load. Both take the same SQL; only the large-text type
 * differs. Times are epoch milliseconds so that no time-zone setting of either database matters.
 */
public final class JdbcDraftStore implements DraftStore {
  /** SQLState of a unique-constraint violation, in both H2 and PostgreSQL. */
  private static final String UNIQUE_VIOLATION = "23505";

  /** Larger texts go to H2's LOB store; drafts of a long dictation may. */
  private static final int MAX_INPLACE_TEXT_BYTES = 1 << 20;

  /** First line of the stored events' text (see {@link #writeEvents}). */
  private static final String EVENTS_HEADER = "radassist-events/2\n";

  private final ConnectionPool pool;
  private final ObjectMapper json = new ObjectMapper();
  private final String description;

  /** Null for PostgreSQL, whose commits are durable already ({@code synchronous_commit}). */
  private final H2Durability durability;

  /**
   * Opens (and if needed creates the tables of) the store at a JDBC URL: {@code jdbc:h2:...} or
   * {@code jdbc:postgresql://...}.
   */
  public JdbcDraftStore(String jdbcUrl, int poolSize) throws SQLException {
    boolean postgres = jdbcUrl.startsWith("jdbc:postgresql:");
    if (!postgres && !jdbcUrl.startsWith("jdbc:h2:")) {
      throw new SQLException(
          "unsupported store URL (use jdbc:h2:... or jdbc:postgresql://...): " + redact(jdbcUrl));
    }
    if (!postgres) {
      try {
        H2Files.prepare(jdbcUrl); // drafts hold dictations: the store's directory is 0700
      } catch (java.io.IOException e) {
        throw new SQLException(
            "cannot prepare the store's directory for " + redact(jdbcUrl) + ": " + e, e);
      }
    }
    this.pool = new ConnectionPool(jdbcUrl, poolSize);
    this.description = redact(jdbcUrl);
    this.durability = postgres ? null : new H2Durability();
    String text = postgres ? "TEXT" : "CHARACTER LARGE OBJECT";
    Connection c = pool.borrow();
    try (Statement s = c.createStatement()) {
      if (!postgres) {
        // a draft's events and report (about 12 KB) stay in their row: H2 otherwise moves every
        // text over 256 bytes to its LOB store, which cost a third of the server's CPU per draft
        s.execute("SET MAX_LENGTH_INPLACE_LOB " + MAX_INPLACE_TEXT_BYTES);
      }
      s.execute(
          "CREATE TABLE IF NOT EXISTS radassist_idempotency_keys ("
              + " idem_key VARCHAR(600) PRIMARY KEY,"
              + " request_hash VARCHAR(64) NOT NULL,"
              + " draft_id VARCHAR(64) NOT NULL,"
              + " owner VARCHAR(128) NOT NULL,"
              + " lease_until BIGINT NOT NULL,"
              + " created_at BIGINT NOT NULL)");
      s.execute(
          "CREATE TABLE IF NOT EXISTS radassist_drafts ("
              + " draft_id VARCHAR(64) PRIMARY KEY,"
              + " client VARCHAR(128) NOT NULL,"
              + " status VARCHAR(16) NOT NULL,"
              + " events "
              + text
              + " NOT NULL,"
              + " report "
              + text
              + " NOT NULL,"
              + " created_at BIGINT NOT NULL)");
      pool.giveBack(c);
      if (!postgres) {
        H2Files.restrict(jdbcUrl);
      }
    } catch (SQLException e) {
      pool.discard(c);
      pool.close();
      throw e;
    } catch (java.io.IOException e) {
      pool.close();
      throw new SQLException("cannot make the store's files owner-only: " + e, e);
    }
  }

  /** The store URL without credentials, for logs and /ready. */
  public String description() {
    return description;
  }

  @Override
  public KeyClaim claim(
      String key, String requestHash, String draftId, String owner, Instant now, Duration lease) {
    long leaseUntil = now.plus(lease).toEpochMilli();
    return withConnection(
        c -> {
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO radassist_idempotency_keys"
                      + " (idem_key, request_hash, draft_id, owner, lease_until, created_at)"
                      + " VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, key);
            insert.setString(2, requestHash);
            insert.setString(3, draftId);
            insert.setString(4, owner);
            insert.setLong(5, leaseUntil);
            insert.setLong(6, now.toEpochMilli());
            insert.executeUpdate();
            return new KeyClaim(
                true, draftId, requestHash, owner, Instant.ofEpochMilli(leaseUntil));
          } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
              throw e;
            }
          }
          KeyClaim held = heldClaim(c, key);
          if (held == null) {
            // released between our insert and our look: the caller may simply try again
            return claimAgain(c, key, requestHash, draftId, owner, now, leaseUntil);
          }
          boolean stale =
              held.leaseUntil().isBefore(now)
                  && held.requestHash().equals(requestHash)
                  && !exists(c, held.draftId());
          if (!stale) {
            return held;
          }
          // The replica that held the key died mid-draft: take the key over, once.
          try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE radassist_idempotency_keys SET draft_id = ?, owner = ?, lease_until = ?"
                      + " WHERE idem_key = ? AND draft_id = ? AND lease_until = ?")) {
            update.setString(1, draftId);
            update.setString(2, owner);
            update.setLong(3, leaseUntil);
            update.setString(4, key);
            update.setString(5, held.draftId());
            update.setLong(6, held.leaseUntil().toEpochMilli());
            if (update.executeUpdate() == 1) {
              return new KeyClaim(
                  true, draftId, requestHash, owner, Instant.ofEpochMilli(leaseUntil));
            }
          }
          KeyClaim now2 = heldClaim(c, key);
          return now2 == null ? held : now2;
        });
  }

  private KeyClaim claimAgain(
      Connection c,
      String key,
      String requestHash,
      String draftId,
      String owner,
      Instant now,
      long leaseUntil)
      throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO radassist_idempotency_keys"
                + " (idem_key, request_hash, draft_id, owner, lease_until, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, key);
      insert.setString(2, requestHash);
      insert.setString(3, draftId);
      insert.setString(4, owner);
      insert.setLong(5, leaseUntil);
      insert.setLong(6, now.toEpochMilli());
      insert.executeUpdate();
      return new KeyClaim(true, draftId, requestHash, owner, Instant.ofEpochMilli(leaseUntil));
    } catch (SQLException e) {
      if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw e;
      }
      KeyClaim held = heldClaim(c, key);
      if (held == null) {
        throw new SQLException("idempotency key " + key + " flickered twice", e);
      }
      return held;
    }
  }

  private static KeyClaim heldClaim(Connection c, String key) throws SQLException {
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT request_hash, draft_id, owner, lease_until"
                + " FROM radassist_idempotency_keys WHERE idem_key = ?")) {
      q.setString(1, key);
      try (ResultSet rs = q.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        return new KeyClaim(
            false,
            rs.getString(2),
            rs.getString(1),
            rs.getString(3),
            Instant.ofEpochMilli(rs.getLong(4)));
      }
    }
  }

  private static boolean exists(Connection c, String draftId) throws SQLException {
    try (PreparedStatement q =
        c.prepareStatement("SELECT 1 FROM radassist_drafts WHERE draft_id = ?")) {
      q.setString(1, draftId);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next();
      }
    }
  }

  @Override
  public void release(String key, String draftId) {
    withConnection(
        c -> {
          try (PreparedStatement d =
              c.prepareStatement(
                  "DELETE FROM radassist_idempotency_keys WHERE idem_key = ? AND draft_id = ?")) {
            d.setString(1, key);
            d.setString(2, draftId);
            int n = d.executeUpdate();
            awaitWritten(c); // the client's retry is told it may run again
            return n;
          }
        });
  }

  @Override
  public int releaseOrphans(String owner) {
    return withConnection(
        c -> {
          try (PreparedStatement d =
              c.prepareStatement(
                  "DELETE FROM radassist_idempotency_keys k WHERE k.owner = ? AND NOT EXISTS"
                      + " (SELECT 1 FROM radassist_drafts d WHERE d.draft_id = k.draft_id)")) {
            d.setString(1, owner);
            return d.executeUpdate();
          }
        });
  }

  @Override
  public void save(StoredDraft draft) {
    String events = writeEvents(draft.events());
    withConnection(
        c -> {
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO radassist_drafts"
                      + " (draft_id, client, status, events, report, created_at)"
                      + " VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, draft.draftId());
            insert.setString(2, draft.client());
            insert.setString(3, draft.status().name());
            insert.setString(4, events);
            insert.setString(5, draft.reportJson());
            insert.setLong(6, draft.createdAt().toEpochMilli());
            insert.executeUpdate();
          } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
              throw e;
            }
            // saved before: drafts are immutable once finished
          }
          // the terminal event goes out after this: the draft must outlive a crash from now on
          awaitWritten(c);
          return null;
        });
  }

  @Override
  public Optional<StoredDraft> find(String draftId) {
    return withConnection(
        c -> {
          try (PreparedStatement q =
              c.prepareStatement(
                  "SELECT client, status, events, report, created_at"
                      + " FROM radassist_drafts WHERE draft_id = ?")) {
            q.setString(1, draftId);
            try (ResultSet rs = q.executeQuery()) {
              if (!rs.next()) {
                return Optional.empty();
              }
              return Optional.of(
                  new StoredDraft(
                      draftId,
                      rs.getString(1),
                      DraftStatus.valueOf(rs.getString(2)),
                      readEvents(rs.getString(3)),
                      rs.getString(4),
                      Instant.ofEpochMilli(rs.getLong(5))));
            }
          }
        });
  }

  @Override
  public int purgeBefore(Instant cutoff) {
    return withConnection(
        c -> {
          int n = 0;
          try (PreparedStatement d =
              c.prepareStatement("DELETE FROM radassist_idempotency_keys WHERE created_at < ?")) {
            d.setLong(1, cutoff.toEpochMilli());
            n += d.executeUpdate();
          }
          try (PreparedStatement d =
              c.prepareStatement("DELETE FROM radassist_drafts WHERE created_at < ?")) {
            d.setLong(1, cutoff.toEpochMilli());
            n += d.executeUpdate();
          }
          return n;
        });
  }

  @Override
  public boolean isReady() {
    try {
      return withConnection(c -> c.isValid(2));
    } catch (StoreException e) {
      return false;
    }
  }

  @Override
  public void close() {
    pool.close();
  }

  /**
   * Waits until the caller's commits are durable. Claims need not wait: a claim lost in a crash
   * belongs to a draft that was not stored either, which is what {@link #releaseOrphans} frees
   * anyway, and a stored draft's claim was committed (and so written) before it.
   */
  private void awaitWritten(Connection c) throws SQLException {
    if (durability != null) {
      durability.awaitWritten(c);
    }
  }

  private interface SqlWork<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T withConnection(SqlWork<T> work) {
    Connection c;
    try {
      c = pool.borrow();
    } catch (SQLException e) {
      throw new StoreException("store unavailable (" + description + "): " + e.getMessage(), e);
    }
    try {
      T result = work.run(c);
      pool.giveBack(c);
      return result;
    } catch (SQLException | RuntimeException e) {
      pool.discard(c);
      throw new StoreException("store error (" + description + "): " + e.getMessage(), e);
    }
  }

  /**
   * The events as framed text: a header line, then per event {@code "<seq> <name> <length>\n"} and
   * the data's {@code length} characters and a newline. The data (JSON) is copied, not escaped:
   * escaping it into a JSON array took about 6% of the server's CPU per draft.
   */
  static String writeEvents(List<StoredEvent> events) {
    int size = EVENTS_HEADER.length();
    for (StoredEvent e : events) {
      size += e.data().length() + e.name().length() + 32;
    }
    StringBuilder b = new StringBuilder(size).append(EVENTS_HEADER);
    for (StoredEvent e : events) {
      b.append(e.seq()).append(' ').append(e.name()).append(' ').append(e.data().length());
      b.append('\n').append(e.data()).append('\n');
    }
    return b.toString();
  }

  /**
   * Reads {@link #writeEvents} text, and the JSON array {@code [[seq, name, data], ...]} of 0.1.
   */
  List<StoredEvent> readEvents(String text) throws SQLException {
    if (!text.startsWith(EVENTS_HEADER)) {
      return readJsonEvents(text);
    }
    List<StoredEvent> out = new ArrayList<>();
    int i = EVENTS_HEADER.length();
    try {
      while (i < text.length()) {
        int lineEnd = text.indexOf('\n', i);
        int sp1 = text.indexOf(' ', i);
        int sp2 = text.indexOf(' ', sp1 + 1);
        if (lineEnd < 0 || sp1 < 0 || sp2 < 0 || sp2 > lineEnd) {
          throw new SQLException("stored events are cut at " + i);
        }
        long seq = Long.parseLong(text, i, sp1, 10);
        String name = text.substring(sp1 + 1, sp2);
        int length = Integer.parseInt(text, sp2 + 1, lineEnd, 10);
        int dataEnd = lineEnd + 1 + length;
        if (dataEnd >= text.length() || text.charAt(dataEnd) != '\n') {
          throw new SQLException("stored event " + seq + " is cut");
        }
        out.add(new StoredEvent(seq, name, text.substring(lineEnd + 1, dataEnd)));
        i = dataEnd + 1;
      }
    } catch (NumberFormatException e) {
      throw new SQLException("stored events are garbled at " + i, e);
    }
    return out;
  }

  private List<StoredEvent> readJsonEvents(String text) throws SQLException {
    try {
      JsonNode a = json.readTree(text);
      List<StoredEvent> out = new ArrayList<>(a.size());
      for (JsonNode e : a) {
        out.add(new StoredEvent(e.get(0).asLong(), e.get(1).asText(), e.get(2).asText()));
      }
      return out;
    } catch (JsonProcessingException e) {
      throw new SQLException("stored events are not JSON", e);
    }
  }

  /** The URL without password or user parameters. */
  static String redact(String url) {
    return url.replaceAll("(?i)(password|user)=[^&;]*", "$1=***");
  }
}
