package org.radassist.sr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** dcmtk's dsrdump as a test oracle: content item positions and value types, and its verdict. */
public final class Dsrdump {
  private static final Pattern LINE = Pattern.compile("^(\\d+(?:\\.\\d+)*)\\s+<(.*?)>?$");

  /** One printed item: position and what dsrdump shows inside the angle brackets. */
  public record Item(String position, String body) {}

  /** The run: exit code, printed items and stderr. */
  public record Run(int exitCode, List<Item> items, String stderr) {
    public boolean reportsErrors() {
      return exitCode != 0 || stderr.contains("E: ");
    }
  }

  private Dsrdump() {}

  /** Lenient read (-Er -Ev -Ec -Ee, as SOURCES.txt's "lenient" column). */
  public static Run lenient(Path file) throws IOException, InterruptedException {
    return run(file, "-Er", "-Ev", "-Ec", "-Ee");
  }

  /** Strict read, except the DT check 3.6.7 gets wrong (-Ev). */
  public static Run strict(Path file) throws IOException, InterruptedException {
    return run(file, "-Ev");
  }

  private static Run run(Path file, String... opts) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("dsrdump"));
    cmd.addAll(List.of(opts));
    cmd.addAll(List.of("-Ph", "+Pn", file.toString()));
    Process p = new ProcessBuilder(cmd).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("dsrdump did not finish on " + file);
    }
    List<Item> items = new ArrayList<>();
    for (String line : out.split("\n")) {
      Matcher m = LINE.matcher(line);
      if (m.matches()) {
        items.add(new Item(m.group(1), m.group(2)));
      }
    }
    return new Run(p.exitValue(), items, err);
  }
}
