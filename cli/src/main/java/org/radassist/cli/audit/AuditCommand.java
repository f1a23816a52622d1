package org.radassist.cli.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.radassist.audit.AuditFiles;
import org.radassist.audit.AuditRecord;
import org.radassist.audit.ChainVerification;
import org.radassist.audit.internal.checkpoint.AnchorReport;
import org.radassist.audit.internal.checkpoint.AnchorVerifier;
import org.radassist.audit.internal.checkpoint.CheckpointLog;
import org.radassist.audit.internal.feedback.FeedbackExporter;
import org.radassist.audit.internal.fhir.FhirAuditEventWriter;
import org.radassist.audit.internal.syslog.AtnaExporter;
import org.radassist.audit.internal.syslog.SyslogTlsSender;

/**
 * {@code radassist audit}: verify audit trails, export them as FHIR AuditEvent NDJSON or as IHE
 * ATNA syslog over TLS, and export PHI-minimised draft-to-final feedback.
 */
public final class AuditCommand {
  static final String USAGE =
      """
      usage: radassist audit verify [--expect-head SEQ:HASH] [--checkpoints FILE] [--key PUB]
                 FILE|DIR...
             radassist audit export --fhir [--out FILE] [--source-id ID] FILE|DIR...
             radassist audit export --syslog HOST:PORT [--truststore P12]
                 [--truststore-password-env VAR] [--keystore P12] [--keystore-password-env VAR]
                 [--source-id ID] FILE|DIR...
             radassist audit feedback [--out FILE] FILE|DIR...

      verify    checks the files as one hash chain, in the order given (a directory stands for
                its audit-NNNNNNNN.jsonl files); names the first broken record as FILE:LINE: seq N:
                reason. A torn last record (interrupted write) is reported but is not a break.
                A trail directory (or --checkpoints) is also checked against its signed
                checkpoints (key: checkpoint-key.pub beside them, or --key): it must still reach
                every signed head; records after the last one are reported UNANCHORED.
                --expect-head SEQ:HASH: the trail must still hold that head (seen elsewhere).
                Exit 0: intact and anchored; 2: intact, some records unanchored; 1: broken,
                cut or rewritten.
      export    FHIR R4 AuditEvent (IHE BALP shape), one resource per line; or DICOM audit
                messages as RFC 5424 syslog over TLS (RFC 5425 framing) to an ATNA repository.
      feedback  one JSON line per decision on AI output: draft and final text, word edit
                distance, coded details; no users, dates, tokens or hashes.
      """;

  private final PrintStream out;
  private final PrintStream err;
  private final Map<String, String> environment;

  /** A command writing to the given streams, reading passwords from {@code environment}. */
  public AuditCommand(PrintStream out, PrintStream err, Map<String, String> environment) {
    this.out = out;
    this.err = err;
    this.environment = environment;
  }

  public static void main(String[] args) {
    System.exit(new AuditCommand(System.out, System.err, System.getenv()).run(args));
  }

  /** Runs one command line; returns the exit code. */
  public int run(String... args) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
      (args.length == 0 ? err : out).print(USAGE);
      return args.length == 0 ? 1 : 0;
    }
    List<String> rest = List.of(args).subList(1, args.length);
    try {
      return switch (args[0]) {
        case "verify" -> verify(rest);
        case "export" -> export(rest);
        case "feedback" -> feedback(rest);
        default -> {
          err.println("audit: unknown subcommand '" + args[0] + "' (verify, export, feedback)");
          yield 1;
        }
      };
    } catch (UsageException e) {
      err.println("audit " + args[0] + ": " + e.getMessage());
      return 1;
    }
  }

  private int verify(List<String> rawArgs) {
    Options options =
        Options.parse(rawArgs, List.of(), List.of("--expect-head", "--checkpoints", "--key"));
    List<String> args = options.positional();
    if (args.isEmpty()) {
      throw new UsageException("name at least one audit file or directory");
    }
    AnchorVerifier.ExpectedHead expected = null;
    if (options.value("--expect-head") != null) {
      try {
        expected = AnchorVerifier.ExpectedHead.parse(options.value("--expect-head"));
      } catch (IllegalArgumentException e) {
        throw new UsageException("--expect-head " + e.getMessage());
      }
    }
    List<Path> files = new ArrayList<>();
    Path directory = null;
    boolean ok = true;
    for (String arg : args) {
      Path path = Path.of(arg);
      if (!Files.exists(path)) {
        err.println(arg + ": no such file or directory");
        ok = false;
        continue;
      }
      if (Files.isDirectory(path)) {
        directory = path;
      }
      try {
        List<Path> expanded = AuditFiles.expand(List.of(path));
        if (expanded.isEmpty() && !Files.exists(path.resolve(CheckpointLog.FILE))) {
          err.println(arg + ": no audit files (audit-NNNNNNNN.jsonl) in this directory");
          ok = false;
        }
        files.addAll(expanded);
      } catch (IOException e) {
        err.println(arg + ": cannot list (" + e.getMessage() + ")");
        ok = false;
      }
    }
    if (!ok) {
      return 1;
    }
    // A trail directory brings its checkpoints; loose files only with --checkpoints.
    Path checkpoints =
        options.value("--checkpoints") != null
            ? Path.of(options.value("--checkpoints"))
            : directory != null && args.size() == 1 ? directory.resolve(CheckpointLog.FILE) : null;
    Path key = options.value("--key") == null ? null : Path.of(options.value("--key"));
    if (checkpoints == null && expected == null && key == null) {
      return verifyChainOnly(files);
    }
    AnchorReport report;
    try {
      report = new AnchorVerifier().verify(files, checkpoints, key, expected);
    } catch (IOException e) {
      err.println("cannot read: " + e.getMessage());
      return 1;
    }
    ChainVerification result = report.chain();
    if (reportBreak(result)) {
      return 1;
    }
    report.tampering().forEach(t -> err.println("TAMPERED: " + t));
    reportTorn(result);
    if (!report.tampering().isEmpty()) {
      err.println(
          "the hash chain itself verifies up to seq "
              + result.lastSeq()
              + ", but the trail is not the one that was signed or seen");
      return 1;
    }
    printIntact(result, files);
    report
        .keyId()
        .ifPresent(
            id ->
                out.println(
                    "checkpoint key: " + id + " (" + report.checkpoints() + " checkpoints)"));
    report
        .lastAnchor()
        .ifPresent(
            c ->
                out.println(
                    "last signed checkpoint: seq "
                        + c.seq()
                        + ", head "
                        + c.head()
                        + ", "
                        + c.time()
                        + " ("
                        + c.kind()
                        + ")"));
    if (report.unanchored() > 0) {
      out.println(
          "UNANCHORED: "
              + report.unanchored()
              + " record(s), seq "
              + (result.lastSeq() - report.unanchored() + 1)
              + ".."
              + result.lastSeq()
              + (report.lastAnchor().isPresent()
                  ? ", after the last signed checkpoint"
                  : ": no signed checkpoint covers them")
              + "; nothing but the chain vouches for them yet");
      return 2;
    }
    return 0;
  }

  private int verifyChainOnly(List<Path> files) {
    ChainVerification result;
    try {
      result = AuditFiles.verify(files);
    } catch (IOException e) {
      err.println("cannot read: " + e.getMessage());
      return 1;
    }
    if (reportBreak(result)) {
      return 1;
    }
    reportTorn(result);
    printIntact(result, files);
    out.println(
        "note: no checkpoints checked (give the trail directory, or --checkpoints FILE), so records"
            + " cut from the end or a re-hashed chain would not show");
    return 0;
  }

  private boolean reportBreak(ChainVerification result) {
    if (result.broken().isEmpty()) {
      return false;
    }
    ChainVerification.ChainBreak b = result.broken().get();
    err.println(b.file() + ":" + b.line() + ": seq " + b.seq() + ": " + b.reason());
    err.println(
        result.records() == 0
            ? "no record before it verified"
            : "the chain verifies up to seq "
                + result.lastSeq()
                + " ("
                + result.records()
                + " records)");
    return true;
  }

  private void reportTorn(ChainVerification result) {
    result
        .tornTail()
        .ifPresent(
            t ->
                err.println(
                    t.file()
                        + ":"
                        + t.line()
                        + ": torn last record ("
                        + t.length()
                        + " bytes of an interrupted write at offset "
                        + t.offset()
                        + "), not tampering; the trail's writer sets it aside when it reopens"));
  }

  private void printIntact(ChainVerification result, List<Path> files) {
    if (result.records() == 0) {
      out.println("OK: no records in " + files.size() + " file(s)");
      return;
    }
    out.println(
        "OK: "
            + result.records()
            + " records in "
            + files.size()
            + " file(s), seq "
            + result.firstSeq()
            + ".."
            + result.lastSeq()
            + ", head "
            + result.lastHash());
    if (!result.anchored()) {
      out.println(
          "note: the chain starts at seq "
              + result.firstSeq()
              + "; the files before it were not given, so its link to them is unchecked");
    }
  }

  private int export(List<String> args) {
    Options options =
        Options.parse(
            args,
            List.of("--fhir"),
            List.of(
                "--out",
                "--source-id",
                "--syslog",
                "--truststore",
                "--truststore-password-env",
                "--keystore",
                "--keystore-password-env"));
    boolean fhir = options.flag("--fhir");
    String syslog = options.value("--syslog");
    if (fhir == (syslog != null)) {
      throw new UsageException("choose exactly one of --fhir and --syslog HOST:PORT");
    }
    if (options.positional().isEmpty()) {
      throw new UsageException("name at least one audit file or directory");
    }
    String sourceId =
        options.value("--source-id") != null ? options.value("--source-id") : localHostName();
    List<AuditRecord> records = TrailInputs.read(options.positional(), err);
    if (records == null) {
      return 1;
    }
    if (fhir) {
      return writeTo(
          options.value("--out"),
          stream -> new FhirAuditEventWriter(sourceId).writeNdjson(records, stream),
          records.size(),
          "FHIR AuditEvent resources");
    }
    return sendSyslog(options, syslog, sourceId, records);
  }

  private int sendSyslog(
      Options options, String hostPort, String sourceId, List<AuditRecord> records) {
    int colon = hostPort.lastIndexOf(':');
    int port;
    try {
      port = colon < 1 ? -1 : Integer.parseInt(hostPort.substring(colon + 1));
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (port < 1 || port > 65535) {
      throw new UsageException("--syslog must be HOST:PORT, was '" + hostPort + "'");
    }
    String host = hostPort.substring(0, colon);
    Path trustStore = path(options.value("--truststore"), "--truststore");
    Path keyStore = path(options.value("--keystore"), "--keystore");
    SyslogTlsSender.Target target =
        new SyslogTlsSender.Target(
            host,
            port,
            trustStore,
            password(options.value("--truststore-password-env")),
            keyStore,
            password(options.value("--keystore-password-env")));
    AtnaExporter exporter = new AtnaExporter(sourceId, localHostName());
    try (SyslogTlsSender sender = new SyslogTlsSender(target, 10_000)) {
      int sent = exporter.send(records, sender);
      err.println("sent " + sent + " audit messages to " + hostPort);
      return 0;
    } catch (IOException | GeneralSecurityException e) {
      err.println(hostPort + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
      return 1;
    }
  }

  private int feedback(List<String> args) {
    Options options = Options.parse(args, List.of(), List.of("--out"));
    if (options.positional().isEmpty()) {
      throw new UsageException("name at least one audit file or directory");
    }
    List<AuditRecord> records = TrailInputs.read(options.positional(), err);
    if (records == null) {
      return 1;
    }
    return writeTo(
        options.value("--out"),
        stream -> new FeedbackExporter().export(records, stream),
        -1,
        "feedback lines");
  }

  private interface Writer {
    void write(OutputStream stream) throws IOException;
  }

  private int writeTo(String outFile, Writer writer, int count, String what) {
    try {
      if (outFile == null || outFile.equals("-")) {
        writer.write(out);
        out.flush();
      } else {
        try (OutputStream stream = Files.newOutputStream(Path.of(outFile))) {
          writer.write(stream);
        }
        err.println("wrote " + (count >= 0 ? count + " " : "") + what + " to " + outFile);
      }
      return 0;
    } catch (IOException e) {
      err.println(
          (outFile == null ? "stdout" : outFile) + ": cannot write (" + e.getMessage() + ")");
      return 1;
    }
  }

  private Path path(String value, String option) {
    if (value == null) {
      return null;
    }
    Path path = Path.of(value);
    if (!Files.isReadable(path)) {
      throw new UsageException(option + " " + value + ": no such readable file");
    }
    return path;
  }

  private char[] password(String variable) {
    if (variable == null) {
      return new char[0];
    }
    String value = environment.get(variable);
    if (value == null) {
      throw new UsageException("environment variable " + variable + " is not set");
    }
    return value.toCharArray();
  }

  private static String localHostName() {
    try {
      return InetAddress.getLocalHost().getCanonicalHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }
}
