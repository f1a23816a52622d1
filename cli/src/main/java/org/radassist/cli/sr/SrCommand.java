package org.radassist.cli.sr;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.radassist.model.AlgorithmIdentification;
import org.radassist.model.ModelInfo;
import org.radassist.model.StudyContext;
import org.radassist.sr.Narrative;
import org.radassist.sr.Problem;
import org.radassist.sr.ReportView;
import org.radassist.sr.SrDocument;
import org.radassist.sr.SrReadException;
import org.radassist.sr.SrValidation;
import org.radassist.sr.SrWriteException;
import org.radassist.sr.SrWriter;
import org.radassist.sr.StructuredReportReader;
import org.radassist.sr.internal.render.TerminalText;
import org.radassist.sr.internal.render.TextDump;

/**
 * {@code radassist sr ...}: dump, narrative, findings, validate, write, stow. Exit 0 when every
 * file was handled cleanly; otherwise one line per problem file on stderr and exit 1 (2 for usage
 * errors). Never a stack trace.
 */
public final class SrCommand {

  private static final String USAGE =
      """
      usage: radassist sr dump [--json] FILE...
             radassist sr narrative FILE...
             radassist sr findings --json FILE...
             radassist sr validate FILE...
             radassist sr write --draft DRAFT.json [--study DIR] --out FILE
             radassist sr stow --url URL [--timeout SECONDS] FILE...""";

  private final PrintStream out;
  private final PrintStream err;

  SrCommand(PrintStream out, PrintStream err) {
    // document text reaches the terminal only escaped (ESC, CR, BEL... could rewrite the screen)
    this.out = TerminalText.safe(out);
    this.err = TerminalText.safe(err);
  }

  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    int rc = new SrCommand(out, System.err).run(args);
    out.flush();
    System.exit(rc);
  }

  int run(String[] args) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
      (args.length == 0 ? err : out).println(USAGE);
      return args.length == 0 ? 2 : 0;
    }
    String sub = args[0];
    List<String> rest = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
    try {
      return switch (sub) {
        case "dump" -> dump(rest);
        case "narrative" -> narrative(rest);
        case "findings" -> findings(rest);
        case "validate" -> validate(rest);
        case "write" -> write(rest);
        case "stow" -> stow(rest);
        default -> {
          err.println("radassist sr: unknown subcommand '" + sub + "'");
          err.println(USAGE);
          yield 2;
        }
      };
    } catch (IOException e) {
      err.println("radassist sr " + sub + ": " + e.getMessage());
      return 1;
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      err.println("radassist sr " + sub + ": internal error (" + e + ")");
      return 1;
    }
  }

  private int dump(List<String> args) throws IOException {
    boolean json = args.remove("--json");
    if (args.isEmpty() || args.stream().anyMatch(a -> a.startsWith("--"))) {
      err.println("usage: radassist sr dump [--json] FILE...");
      return 2;
    }
    StructuredReportReader reader = reader();
    Writer w =
        new BufferedWriter(
            TerminalText.writer(new OutputStreamWriter(out, StandardCharsets.UTF_8)), 1 << 16);
    int rc = 0;
    JsonOutput jsonOut = json ? new JsonOutput(w) : null;
    for (String file : args) {
      SrDocument d;
      try {
        d = read(reader, file);
      } catch (SrReadException e) {
        err.println(e.getMessage());
        rc = 1;
        continue;
      }
      if (json) {
        jsonOut.document(d);
      } else {
        TextDump.write(d, w);
      }
      if (d.partial()) {
        rc = 1;
        reportProblems(d);
      }
    }
    if (json) {
      jsonOut.finish();
    }
    w.flush();
    return rc;
  }

  private int narrative(List<String> args) throws IOException {
    if (!filesOnly(args, "usage: radassist sr narrative FILE...")) {
      return 2;
    }
    StructuredReportReader reader = reader();
    int rc = 0;
    for (String file : args) {
      SrDocument d;
      try {
        d = read(reader, file);
      } catch (SrReadException e) {
        err.println(e.getMessage());
        rc = 1;
        continue;
      }
      out.println("# " + file);
      for (String line : Narrative.lines(ReportView.of(d))) {
        printIndented(line);
      }
      if (d.partial()) {
        rc = 1;
        reportProblems(d);
      }
    }
    return rc;
  }

  private int findings(List<String> args) throws IOException {
    boolean json = args.remove("--json");
    if (!json || !filesOnly(args, "usage: radassist sr findings --json FILE...")) {
      if (!json) {
        err.println("usage: radassist sr findings --json FILE...");
      }
      return 2;
    }
    StructuredReportReader reader = reader();
    List<Object> docs = new ArrayList<>();
    int rc = 0;
    for (String file : args) {
      try {
        SrDocument d = read(reader, file);
        ReportView v = ReportView.of(d);
        docs.add(FindingsJson.of(v));
        if (d.partial()) {
          rc = 1;
          reportProblems(d);
        }
      } catch (SrReadException e) {
        err.println(e.getMessage());
        rc = 1;
      }
    }
    FindingsJson.write(docs, out);
    return rc;
  }

  private int validate(List<String> args) {
    if (!filesOnly(args, "usage: radassist sr validate FILE...")) {
      return 2;
    }
    StructuredReportReader reader = reader();
    int rc = 0;
    for (String file : args) {
      try {
        SrDocument d = read(reader, file);
        List<Problem> problems = SrValidation.check(d);
        for (Problem p : problems) {
          (p.level() == Problem.Level.ERROR ? err : out).println(file + ": " + p.level() + " " + p);
        }
        if (SrValidation.hasErrors(problems)) {
          rc = 1;
        } else {
          out.println(file + ": OK (" + d.iod().label() + ", " + d.itemCount() + " items)");
        }
      } catch (SrReadException e) {
        err.println(e.getMessage());
        rc = 1;
      }
    }
    return rc;
  }

  private int write(List<String> args) throws IOException {
    String draftFile = option(args, "--draft");
    String studyDir = option(args, "--study");
    String outFile = option(args, "--out");
    if (draftFile == null || outFile == null || !args.isEmpty()) {
      err.println("usage: radassist sr write --draft DRAFT.json [--study DIR] --out FILE");
      return 2;
    }
    DraftInput input;
    try {
      input = DraftInput.read(Path.of(draftFile));
    } catch (IOException | RuntimeException e) {
      err.println(draftFile + ": not a DraftReport JSON (" + firstLine(e.getMessage()) + ")");
      return 1;
    }
    StudyDirectory source = null;
    if (studyDir != null) {
      try {
        source = StudyDirectory.read(Path.of(studyDir));
      } catch (IOException e) {
        err.println(e.getMessage());
        return 1;
      }
    }
    StudyContext study = source != null ? source.study() : StudyContext.ofStudy(SrWriter.newUid());
    ModelInfo model = input.draft().model();
    SrWriter.Device device =
        new SrWriter.Device(
            null,
            model.name(),
            model.provider().isEmpty() ? "RadAssist" : model.provider(),
            model.name(),
            new AlgorithmIdentification(model.name(), model.version(), List.of()));
    SrWriter.Request request =
        new SrWriter.Request(
            study,
            device,
            input.findings(),
            input.draft(),
            source == null ? List.of() : source.instances(),
            null,
            9901,
            input.draft().createdAt());
    SrWriter.Written written;
    try {
      written = SrWriter.writeDraft(request);
    } catch (SrWriteException e) {
      err.println(draftFile + ": " + e.getMessage());
      return 1;
    }
    Path out = Path.of(outFile);
    Files.write(out, written.bytes());
    this.out.println(
        outFile
            + ": TID 1500 draft SR "
            + written.sopInstanceUid()
            + " (study "
            + written.studyInstanceUid()
            + ", new series "
            + written.seriesInstanceUid()
            + ", "
            + input.findings().size()
            + " findings)");
    return 0;
  }

  /** Whole-call deadline of {@code sr stow}: a PACS trickling bytes cannot hold the CLI longer. */
  static final int DEFAULT_STOW_TIMEOUT_SECONDS = 120;

  private int stow(List<String> args) throws IOException {
    String url = option(args, "--url");
    String timeoutArg = option(args, "--timeout");
    String usage = "usage: radassist sr stow --url URL [--timeout SECONDS] FILE...";
    if (url == null || !filesOnly(args, usage)) {
      if (url == null) {
        err.println(usage);
      }
      return 2;
    }
    int timeoutSeconds = DEFAULT_STOW_TIMEOUT_SECONDS;
    if (timeoutArg != null) {
      try {
        timeoutSeconds = Integer.parseInt(timeoutArg);
      } catch (NumberFormatException e) {
        timeoutSeconds = -1;
      }
      if (timeoutSeconds < 1 || timeoutSeconds > 86_400) {
        err.println("--timeout '" + timeoutArg + "': not a whole number of seconds (1..86400)");
        return 2;
      }
    }
    StructuredReportReader reader = reader();
    List<byte[]> accepted = new ArrayList<>();
    int rc = 0;
    for (String file : args) {
      try {
        byte[] bytes = Files.readAllBytes(Path.of(file));
        SrDocument d = reader.read(bytes, file);
        List<Problem> problems = SrValidation.check(d);
        if (SrValidation.hasErrors(problems)) {
          for (Problem p : problems) {
            if (p.level() == Problem.Level.ERROR) {
              err.println(file + ": refused, not sent: " + p);
            }
          }
          rc = 1;
          continue;
        }
        accepted.add(bytes);
      } catch (SrReadException e) {
        err.println(e.getMessage() + " (refused, not sent)");
        rc = 1;
      } catch (IOException e) {
        err.println(file + ": cannot read file (" + e.getMessage() + ")");
        rc = 1;
      }
    }
    if (accepted.isEmpty()) {
      return 1;
    }
    okhttp3.OkHttpClient http =
        new okhttp3.OkHttpClient.Builder()
            .connectTimeout(java.time.Duration.ofSeconds(5))
            .readTimeout(java.time.Duration.ofSeconds(60))
            // the read timeout is per read: a byte every 40 s would keep the call alive forever
            .callTimeout(java.time.Duration.ofSeconds(timeoutSeconds))
            .build();
    try {
      org.radassist.sr.internal.stow.StowClient.Result r =
          new org.radassist.sr.internal.stow.StowClient(http).store(url, accepted);
      if (r.allStored()) {
        out.println(url + ": stored " + accepted.size() + " SR instance(s) (HTTP 200)");
      } else {
        err.println(url + ": STOW-RS answered HTTP " + r.status() + ": " + firstLine(r.body()));
        rc = 1;
      }
    } catch (java.io.InterruptedIOException e) {
      err.println(
          url
              + ": STOW-RS gave up after the "
              + timeoutSeconds
              + " s deadline (--timeout); the PACS may or may not have stored the instances");
      rc = 1;
    } catch (IOException | IllegalArgumentException e) {
      err.println(url + ": STOW-RS failed (" + firstLine(e.getMessage()) + ")");
      rc = 1;
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
    return rc;
  }

  /**
   * A line of the narrative; line breaks inside document text continue indented under it, so text
   * cannot start a line of its own that looks like ours.
   */
  private void printIndented(String line) {
    if (line.indexOf('\n') < 0 && line.indexOf('\r') < 0) {
      out.println(line);
      return;
    }
    int indent = 0;
    while (indent < line.length() && line.charAt(indent) == ' ') {
      indent++;
    }
    String cont = " ".repeat(indent + 4);
    String[] parts = line.split("\r?\n", -1);
    out.println(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      out.println(cont + parts[i]);
    }
  }

  /**
   * A file as Part 10 or, when it starts with '{' or '[', as DICOM JSON (what WADO-RS metadata
   * returns).
   */
  private SrDocument read(StructuredReportReader reader, String file) throws SrReadException {
    Path path = Path.of(file);
    byte[] bytes;
    long size;
    try {
      size = Files.size(path);
      if (size > reader.limits().maxBytes()) {
        throw new SrReadException(
            file
                + ": "
                + size
                + " bytes is more than the "
                + reader.limits().maxBytes()
                + " byte limit (maxBytes); not read");
      }
      bytes = Files.readAllBytes(path);
    } catch (IOException e) {
      throw new SrReadException(file + ": cannot read file (" + e.getMessage() + ")", e);
    }
    // PixelMed prints its complaints ("Error: Illegal duplicate tag ...") straight to System.err:
    // the CLI is single-threaded, so it catches them here and puts them into its own one line
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    PrintStream saved = System.err;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    SrDocument d;
    try {
      d =
          StructuredReportReader.looksLikeDicomJson(bytes)
              ? reader.readJson(new java.io.ByteArrayInputStream(bytes), file)
              : reader.read(bytes, file);
    } catch (OutOfMemoryError e) {
      // the caps are estimates (ReadLimits.forHeap); should a file still not fit, say so plainly
      bytes = null;
      throw new SrReadException(
          file
              + ": too large to read in this Java heap ("
              + size
              + " bytes; the caps are "
              + reader.limits().maxItems()
              + " content items and "
              + reader.limits().maxBytes()
              + " bytes); not read. A larger heap: RADASSIST_JAVA_OPTS=-Xmx1g");
    } catch (SrReadException e) {
      System.setErr(saved);
      String lib = libraryLines(captured);
      throw lib.isEmpty() ? e : new SrReadException(e.getMessage() + "; PixelMed: " + lib, e);
    } finally {
      System.setErr(saved);
    }
    String lib = libraryLines(captured);
    if (!lib.isEmpty()) {
      err.println(file + ": read with repairs; PixelMed: " + lib);
    }
    return d;
  }

  private static String libraryLines(java.io.ByteArrayOutputStream captured) {
    java.util.LinkedHashMap<String, Integer> lines = new java.util.LinkedHashMap<>();
    for (String l : captured.toString(StandardCharsets.UTF_8).split("\\R")) {
      String t = l.strip();
      if (!t.isEmpty()) {
        lines.merge(t.startsWith("Error: ") ? t.substring(7) : t, 1, Integer::sum);
      }
    }
    List<String> parts = new ArrayList<>();
    for (var e : lines.entrySet()) {
      if (parts.size() == 5) {
        parts.add("... (" + (lines.size() - 5) + " more kinds)");
        break;
      }
      parts.add(e.getKey() + (e.getValue() > 1 ? " (x" + e.getValue() + ")" : ""));
    }
    return String.join("; ", parts);
  }

  /**
   * A reader whose caps fit this JVM's heap (ReadLimits.forHeap): a file too big or with too many
   * items for it is refused with a clear line instead of ending in OutOfMemoryError.
   */
  private static StructuredReportReader reader() {
    return StructuredReportReader.create(
        org.radassist.sr.ReadLimits.forHeap(Runtime.getRuntime().maxMemory()));
  }

  /** Removes {@code name VALUE} from args; null when absent. */
  private static String option(List<String> args, String name) {
    int i = args.indexOf(name);
    if (i < 0 || i + 1 >= args.size()) {
      return null;
    }
    String v = args.get(i + 1);
    args.remove(i + 1);
    args.remove(i);
    return v;
  }

  private static String firstLine(String s) {
    if (s == null || s.isBlank()) {
      return "no details";
    }
    String line = s.strip().lines().findFirst().orElse(s);
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }

  private boolean filesOnly(List<String> args, String usage) {
    if (args.isEmpty() || args.stream().anyMatch(a -> a.startsWith("--"))) {
      err.println(usage);
      return false;
    }
    return true;
  }

  private void reportProblems(SrDocument d) {
    for (Problem p : d.problems()) {
      if (p.level() == Problem.Level.ERROR) {
        err.println(d.source() + ": partial result: " + p);
      }
    }
  }

  /** Keeps Jackson out of the class loading of plain dumps. */
  private static final class JsonOutput {
    private final org.radassist.sr.internal.render.JsonDump dump;

    JsonOutput(Writer w) throws IOException {
      dump = new org.radassist.sr.internal.render.JsonDump(w);
      dump.startArray();
    }

    void document(SrDocument d) throws IOException {
      dump.document(d);
    }

    void finish() throws IOException {
      dump.endArray();
    }
  }
}
