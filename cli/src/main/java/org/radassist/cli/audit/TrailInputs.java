package org.radassist.cli.audit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.radassist.audit.AuditFiles;
import org.radassist.audit.AuditRecord;

/**
 * Reads the audit trails named on a command line: each argument (a trail directory or one file) is
 * verified as a chain of its own, so trails of several workstations can be combined.
 */
public final class TrailInputs {
  private TrailInputs() {}

  /** The records of all arguments, or null after printing one line per problem to {@code err}. */
  public static List<AuditRecord> read(List<String> arguments, PrintStream err) {
    List<AuditRecord> records = new ArrayList<>();
    boolean ok = true;
    for (String argument : arguments) {
      Path path = Path.of(argument);
      if (!Files.exists(path)) {
        err.println(argument + ": no such file or directory");
        ok = false;
        continue;
      }
      try {
        List<Path> files = AuditFiles.expand(List.of(path));
        if (files.isEmpty()) {
          err.println(argument + ": no audit files (audit-NNNNNNNN.jsonl) in this directory");
          ok = false;
          continue;
        }
        records.addAll(AuditFiles.read(files));
      } catch (IOException e) {
        err.println(argument + ": " + e.getMessage());
        ok = false;
      }
    }
    return ok ? records : null;
  }
}
