package org.radassist.drafting.service.e2e;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What the drafting service's store holds, read straight from its tables (H2: in the same JVM while
 * the service runs in-process, or after a service process has stopped and released the file).
 */
final class StoreRows {
  record Draft(String draftId, String status) {}

  record Key(String key, String draftId) {}

  private final String url;

  StoreRows(Path file) {
    this("jdbc:h2:file:" + file);
  }

  /** Any store by its JDBC URL (PostgreSQL while the service runs). */
  StoreRows(String url) {
    this.url = url;
  }

  String url() {
    return url;
  }

  List<Draft> drafts() throws SQLException {
    List<Draft> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT draft_id, status FROM radassist_drafts")) {
      while (rs.next()) {
        out.add(new Draft(rs.getString(1), rs.getString(2)));
      }
    }
    return out;
  }

  List<Draft> completed() throws SQLException {
    return drafts().stream().filter(d -> d.status().equals("COMPLETE")).toList();
  }

  List<Key> keys() throws SQLException {
    List<Key> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT idem_key, draft_id FROM radassist_idempotency_keys")) {
      while (rs.next()) {
        out.add(new Key(rs.getString(1), rs.getString(2)));
      }
    }
    return out;
  }
}
