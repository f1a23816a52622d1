package org.radassist.cli.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The cases of a corpus directory: every {@code *.jsonl} file below it, one case per line (blank
 * lines and lines starting with {@code //} are skipped). Ids are unique across the directory.
 */
public final class CaseCorpus {
  /** The seed of the dev / holdout split (docs/drafting.md). */
  static final String SPLIT_SEED = "radassist-eval-cases-2026";

  private CaseCorpus() {}

  /** A case and where it was read from. */
  public record Located(EvalCase evalCase, Path file, int line) {
    /** "dev" or "holdout": the directory the case file sits in below the corpus root. */
    public String split() {
      Path parent = file.getParent();
      return parent == null ? "" : parent.getFileName().toString();
    }
  }

  /**
   * All cases below {@code dir}; a bad line is an IllegalArgumentException naming file and line.
   */
  public static List<Located> read(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(dir + ": not a directory");
    }
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException(dir + ": no *.jsonl case file below it");
    }
    ObjectMapper mapper = new ObjectMapper();
    List<Located> out = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    for (Path f : files) {
      List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).trim();
        if (line.isEmpty() || line.startsWith("//")) {
          continue;
        }
        String where = f + ":" + (i + 1);
        EvalCase c;
        try {
          c = EvalCase.parse(mapper, line);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
        String before = seen.putIfAbsent(c.id(), where);
        if (before != null) {
          throw new IllegalArgumentException(where + ": case id " + c.id() + " repeats " + before);
        }
        out.add(new Located(c, f, i + 1));
      }
    }
    return out;
  }

  /**
   * The split a case id belongs to: holdout when the first two bytes of SHA-256(seed + ":" + id),
   * read as a number in [0, 65536), fall below 30% of the range; dev otherwise.
   */
  public static String splitOf(String id) {
    try {
      byte[] h =
          MessageDigest.getInstance("SHA-256")
              .digest((SPLIT_SEED + ":" + id).getBytes(StandardCharsets.UTF_8));
      int v = ((h[0] & 0xff) << 8) | (h[1] & 0xff);
      return v < 65536 * 30 / 100 ? "holdout" : "dev";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
