package org.radassist.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.audit.AuditFiles;
import org.radassist.audit.internal.Crashes;
import org.radassist.audit.internal.FileAuditTrail;
import org.radassist.audit.internal.WorkstationSession;

class AuditCommandTest {
  @TempDir Path dir;
  @TempDir Path work;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private List<Path> files;

  @BeforeEach
  void writeTrail() throws Exception {
    try (FileAuditTrail trail = new FileAuditTrail(dir, 2048)) {
      WorkstationSession.write(trail);
    }
    files = AuditFiles.trailFiles(dir);
  }

  private int run(String... args) {
    return new AuditCommand(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Map.of("AUDIT_TEST_PW", "changeit"))
        .run(args);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void verify_accepts_an_intact_rotated_trail_given_as_directory_or_files() {
    assertThat(files).hasSizeGreaterThan(1);

    assertThat(run("verify", dir.toString())).isZero();
    assertThat(out())
        .startsWith("OK: 15 records in " + files.size() + " file(s), seq 1..15, head ");
    assertThat(err()).isEmpty();

    out.reset();
    String[] args =
        java.util.stream.Stream.concat(
                java.util.stream.Stream.of("verify"), files.stream().map(Path::toString))
            .toArray(String[]::new);
    assertThat(run(args)).isZero();
  }

  @Test
  void verify_names_file_line_seq_and_reason_of_the_first_broken_record() throws Exception {
    Path second = files.get(1);
    List<String> lines = Files.readAllLines(second);
    String altered = lines.get(1).replace("\"user\":\"dr-jane-doe\"", "\"user\":\"dr-evil\"");
    lines.set(1, altered);
    Files.write(second, lines);
    long seq = AuditFiles.read(List.of(files.get(0))).size() + 2;

    assertThat(run("verify", dir.toString())).isEqualTo(1);

    assertThat(err())
        .startsWith(second + ":2: seq " + seq + ": hash mismatch (record altered)\n")
        .contains("the chain verifies up to seq " + (seq - 1));
    assertThat(out()).isEmpty();
  }

  @Test
  void verify_reports_a_torn_last_record_without_failing() throws Exception {
    Path last = files.get(files.size() - 1);
    byte[] bytes = Files.readAllBytes(last);
    Files.write(last, Arrays.copyOf(bytes, bytes.length - 30));
    Crashes.forgetShutdownCheckpoint(dir); // the writer died mid-append

    assertThat(run("verify", dir.toString())).isEqualTo(2);

    assertThat(err()).contains(":torn".substring(1)).contains("not tampering");
    assertThat(out()).contains("seq 1..14").contains("UNANCHORED: 14 record(s), seq 1..14");
  }

  @Test
  void verify_a_later_file_alone_says_the_chain_is_not_anchored() {
    assertThat(run("verify", files.get(1).toString())).isZero();

    assertThat(out()).contains("note: the chain starts at seq");
  }

  @Test
  void missing_inputs_and_bad_options_give_one_line_each_and_exit_1() {
    assertThat(run("verify", work.resolve("nope.jsonl").toString(), work.toString())).isEqualTo(1);
    assertThat(err().lines().toList())
        .containsExactly(
            work.resolve("nope.jsonl") + ": no such file or directory",
            work + ": no audit files (audit-NNNNNNNN.jsonl) in this directory");

    err.reset();
    assertThat(run("export", dir.toString())).isEqualTo(1);
    assertThat(err())
        .isEqualTo("audit export: choose exactly one of --fhir and --syslog HOST:PORT\n");

    err.reset();
    assertThat(run("export", "--fhir", "--bogus", dir.toString())).isEqualTo(1);
    assertThat(err()).isEqualTo("audit export: unknown option --bogus\n");

    err.reset();
    assertThat(run("frobnicate")).isEqualTo(1);
    assertThat(err()).contains("unknown subcommand 'frobnicate'");
  }

  @Test
  void export_fhir_writes_one_audit_event_per_record() throws Exception {
    Path ndjson = work.resolve("audit.ndjson");

    assertThat(
            run(
                "export",
                "--fhir",
                "--out",
                ndjson.toString(),
                "--source-id",
                "ws-1",
                dir.toString()))
        .isZero();

    List<String> lines = Files.readAllLines(ndjson);
    assertThat(lines)
        .hasSize(15)
        .allSatisfy(l -> assertThat(l).startsWith("{\"resourceType\":\"AuditEvent\""));
    assertThat(err()).isEqualTo("wrote 15 FHIR AuditEvent resources to " + ndjson + "\n");
  }

  @Test
  void export_fhir_refuses_a_tampered_trail() throws Exception {
    Path first = files.get(0);
    Files.writeString(first, Files.readString(first).replace("st-a", "st-x"));

    assertThat(run("export", "--fhir", dir.toString())).isEqualTo(1);

    assertThat(err()).startsWith(dir + ": " + first + ":1: seq 1: hash mismatch");
    assertThat(out()).isEmpty();
  }

  @Test
  void feedback_writes_phi_minimised_lines() {
    assertThat(run("feedback", dir.toString())).isZero();

    assertThat(out().lines()).hasSize(8);
    assertThat(out()).doesNotContain("dr-jane-doe").doesNotContain("Meyer");
  }

  @Test
  void export_syslog_with_an_unreachable_collector_fails_with_one_line() {
    assertThat(run("export", "--syslog", "127.0.0.1:1", dir.toString())).isEqualTo(1);

    assertThat(err().lines()).hasSize(1);
    assertThat(err()).startsWith("127.0.0.1:1: ConnectException");
  }
}
