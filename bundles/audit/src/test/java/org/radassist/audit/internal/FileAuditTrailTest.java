package org.radassist.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.audit.AuditFiles;
import org.radassist.audit.AuditRecord;
import org.radassist.audit.CanonicalJson;
import org.radassist.audit.ChainVerification;
import org.radassist.model.AuditAction;

class FileAuditTrailTest {
  private static final long ROTATE_RARELY = 1L << 30;

  @TempDir Path dir;

  @Test
  void records_are_numbered_from_one_and_chained_from_genesis() throws IOException {
    try (FileAuditTrail trail = new FileAuditTrail(dir, ROTATE_RARELY)) {
      AuditRecord first = trail.append(TestEvents.numbered(1));
      AuditRecord second = trail.append(TestEvents.numbered(2));

      assertThat(first.seq()).isEqualTo(1);
      assertThat(first.prevHash()).isEqualTo(AuditRecord.GENESIS);
      assertThat(second.seq()).isEqualTo(2);
      assertThat(second.prevHash()).isEqualTo(first.hash());
      assertThat(trail.head()).contains(second);
      assertThat(trail.readAll()).containsExactly(first, second);
      ChainVerification check = trail.verify();
      assertThat(check.intact()).isTrue();
      assertThat(check.anchored()).isTrue();
      assertThat(check.records()).isEqualTo(2);
      assertThat(check.lastHash()).isEqualTo(second.hash());
    }
  }

  @Test
  void each_line_is_the_canonical_json_of_its_record_and_hash_covers_all_but_hash()
      throws IOException {
    try (FileAuditTrail trail = new FileAuditTrail(dir, ROTATE_RARELY)) {
      AuditRecord record =
          trail.append(
              TestEvents.event(
                  AuditAction.SECTION_EDITED,
                  "st-1",
                  Map.of("section", "IMPRESSION", "diff", "-big\n+small")));

      String line = Files.readString(trail.currentFile(), StandardCharsets.UTF_8);
      assertThat(line).endsWith("}\n").doesNotContain("\n{");
      String json = line.substring(0, line.length() - 1);
      assertThat(CanonicalJson.canonicalize(json)).isEqualTo(json);
      assertThat(json)
          .startsWith("{\"action\":\"section_edited\",\"details\":{\"diff\":\"-big\\n+small\"")
          .contains("\"seq\":1,")
          .contains("\"hash\":\"" + record.hash() + "\"");
      String withoutHash = json.replace(",\"hash\":\"" + record.hash() + "\"", "");
      assertThat(CanonicalJson.sha256Hex(withoutHash)).isEqualTo(record.hash());
    }
  }

  @Test
  void appends_from_several_threads_form_one_gapless_chain() throws Exception {
    int threads = 8;
    int perThread = 100;
    try (FileAuditTrail trail = new FileAuditTrail(dir, 32 * 1024)) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<List<AuditRecord>>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int base = t * perThread;
        results.add(
            pool.submit(
                () -> {
                  List<AuditRecord> mine = new ArrayList<>();
                  for (int i = 0; i < perThread; i++) {
                    mine.add(trail.append(TestEvents.numbered(base + i)));
                  }
                  return mine;
                }));
      }
      List<Long> seqs = new ArrayList<>();
      for (Future<List<AuditRecord>> result : results) {
        result.get().forEach(r -> seqs.add(r.seq()));
      }
      pool.shutdown();

      assertThat(seqs).hasSize(threads * perThread).doesNotHaveDuplicates();
      ChainVerification check = trail.verify();
      assertThat(check.intact()).isTrue();
      assertThat(check.records()).isEqualTo(threads * perThread);
      assertThat(check.lastSeq()).isEqualTo(threads * perThread);
      assertThat(trail.files()).hasSizeGreaterThan(1);
    }
  }

  @Test
  void rotation_keeps_the_chain_across_files_and_reopening_continues_it() throws IOException {
    long rotation = 2048;
    try (FileAuditTrail trail = new FileAuditTrail(dir, rotation)) {
      for (int i = 0; i < 40; i++) {
        trail.append(TestEvents.numbered(i));
      }
    }
    List<Path> files = AuditFiles.trailFiles(dir);
    assertThat(files).hasSizeGreaterThan(5);
    for (Path file : files) {
      assertThat(Files.size(file)).isLessThanOrEqualTo(rotation);
    }
    // Every file after the first starts where the previous one ended.
    for (int i = 1; i < files.size(); i++) {
      List<AuditRecord> before = AuditFiles.read(List.of(files.get(i - 1)));
      List<AuditRecord> after = AuditFiles.read(List.of(files.get(i)));
      AuditRecord last = before.get(before.size() - 1);
      assertThat(after.get(0).seq()).isEqualTo(last.seq() + 1);
      assertThat(after.get(0).prevHash()).isEqualTo(last.hash());
    }
    // A later file verifies on its own, but is not anchored at genesis.
    ChainVerification alone = AuditFiles.verify(List.of(files.get(2)));
    assertThat(alone.intact()).isTrue();
    assertThat(alone.anchored()).isFalse();

    try (FileAuditTrail reopened = new FileAuditTrail(dir, rotation)) {
      assertThat(reopened.head().orElseThrow().seq()).isEqualTo(40);
      assertThat(reopened.append(TestEvents.numbered(41)).seq()).isEqualTo(41);
      ChainVerification check = reopened.verify();
      assertThat(check.intact()).isTrue();
      assertThat(check.anchored()).isTrue();
      assertThat(check.records()).isEqualTo(41);
    }
  }

  @Test
  void a_second_writer_on_the_same_directory_is_refused() throws IOException {
    try (FileAuditTrail trail = new FileAuditTrail(dir, ROTATE_RARELY)) {
      assertThatThrownBy(() -> new FileAuditTrail(dir, ROTATE_RARELY))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("in use");
    }
  }

  @Test
  void a_flipped_byte_anywhere_is_found_on_the_line_that_holds_it() throws IOException {
    try (FileAuditTrail trail = new FileAuditTrail(dir, ROTATE_RARELY)) {
      for (int i = 0; i < 5; i++) {
        trail.append(TestEvents.numbered(i));
      }
    }
    Path file = AuditFiles.trailFiles(dir).get(0);
    byte[] original = Files.readAllBytes(file);
    int[] lineOf = lineNumbers(original);
    ChainVerifier verifier = new ChainVerifier();
    java.util.Random random = new java.util.Random(20261129);
    int checked = 0;
    for (int position = 0; position < original.length; position++) {
      // A line feed turned into a space is the subtle case: the JSON still parses.
      int mask = original[position] == '\n' ? 0x0A ^ ' ' : 1 + random.nextInt(255);
      byte[] tampered = original.clone();
      tampered[position] ^= (byte) mask;
      Files.write(file, tampered);

      ChainVerification check = verifier.verify(List.of(file), r -> {});

      String where = "byte " + position + " ^ " + Integer.toHexString(mask);
      assertThat(check.broken()).as(where).isPresent();
      assertThat(check.tornTail()).as(where).isEmpty();
      assertThat(check.broken().get().line()).as(where).isEqualTo(lineOf[position]);
      checked++;
    }
    assertThat(checked).isEqualTo(original.length).isGreaterThan(5 * 300);
  }

  @Test
  void removed_duplicated_or_swapped_records_break_the_chain() throws IOException {
    try (FileAuditTrail trail = new FileAuditTrail(dir, ROTATE_RARELY)) {
      for (int i = 0; i < 4; i++) {
        trail.append(TestEvents.numbered(i));
      }
    }
    Path file = AuditFiles.trailFiles(dir).get(0);
    List<String> lines = Files.readAllLines(file);

    Files.write(file, List.of(lines.get(0), lines.get(2), lines.get(3)));
    assertThat(AuditFiles.verify(List.of(file)).broken().orElseThrow())
        .satisfies(b -> assertThat(b.line()).isEqualTo(2))
        .satisfies(b -> assertThat(b.reason()).contains("seq 3 where 2 was expected"));

    Files.write(file, List.of(lines.get(0), lines.get(1), lines.get(1), lines.get(2)));
    assertThat(AuditFiles.verify(List.of(file)).broken().orElseThrow().line()).isEqualTo(3);

    Files.write(file, List.of(lines.get(1), lines.get(0)));
    assertThat(AuditFiles.verify(List.of(file)).broken().orElseThrow().line()).isEqualTo(2);

    Files.write(file, List.of(lines.get(1), lines.get(2)));
    ChainVerification headless = AuditFiles.verify(List.of(file));
    assertThat(headless.intact()).isTrue();
    assertThat(headless.anchored()).as("first record deleted: not anchored").isFalse();
  }

  @Test
  void every_torn_last_record_is_reported_as_torn_and_appending_resumes_after_it()
      throws IOException {
    try (FileAuditTrail trail = new FileAuditTrail(dir, ROTATE_RARELY)) {
      for (int i = 0; i < 3; i++) {
        trail.append(TestEvents.numbered(i));
      }
      // Non-ASCII text so that cuts fall inside UTF-8 sequences too.
      trail.append(
          TestEvents.event(
              AuditAction.SECTION_EDITED, "st-2", Map.of("diff", "-größer\n+kleiner €")));
    }
    // a torn record is what a crash mid-append leaves: no shutdown checkpoint was signed
    Crashes.forgetShutdownCheckpoint(dir);
    Path file = AuditFiles.trailFiles(dir).get(0);
    byte[] whole = Files.readAllBytes(file);
    int lastLineStart = lastLineStart(whole);
    for (int cut = lastLineStart + 1; cut < whole.length; cut++) {
      Files.write(file, Arrays.copyOf(whole, cut));

      ChainVerification check = AuditFiles.verify(List.of(file));

      assertThat(check.broken()).as("cut at " + cut).isEmpty();
      assertThat(check.records()).isEqualTo(3);
      assertThat(check.tornTail().orElseThrow().line()).isEqualTo(4);
      assertThat(check.tornTail().get().offset()).isEqualTo(lastLineStart);
    }
    // A crash can also leave zero bytes after a partial write.
    byte[] withZeros = Arrays.copyOf(whole, lastLineStart + 40 + 16);
    Arrays.fill(withZeros, lastLineStart + 40, withZeros.length, (byte) 0);
    Files.write(file, withZeros);
    assertThat(AuditFiles.verify(List.of(file)).tornTail()).isPresent();

    Files.write(file, Arrays.copyOf(whole, lastLineStart + 57));
    try (FileAuditTrail resumed = new FileAuditTrail(dir, ROTATE_RARELY)) {
      AuditRecord next = resumed.append(TestEvents.numbered(99));

      assertThat(next.seq()).isEqualTo(4);
      ChainVerification check = resumed.verify();
      assertThat(check.intact()).isTrue();
      assertThat(check.tornTail()).isEmpty();
      assertThat(check.records()).isEqualTo(4);
    }
    try (Stream<Path> entries = Files.list(dir)) {
      List<Path> aside =
          entries.filter(p -> p.getFileName().toString().contains(".torn-")).toList();
      assertThat(aside).hasSize(1);
      assertThat(Files.readAllBytes(aside.get(0)))
          .isEqualTo(Arrays.copyOfRange(whole, lastLineStart, lastLineStart + 57));
    }
  }

  @Test
  void a_damaged_trail_is_not_appended_to() throws IOException {
    try (FileAuditTrail trail = new FileAuditTrail(dir, ROTATE_RARELY)) {
      trail.append(TestEvents.numbered(1));
      trail.append(TestEvents.numbered(2));
    }
    Path file = AuditFiles.trailFiles(dir).get(0);
    String text = Files.readString(file);
    Files.writeString(file, text.replace("\"user\":\"u-7f3a\"", "\"user\":\"u-0000\""));

    assertThatThrownBy(() -> new FileAuditTrail(dir, ROTATE_RARELY))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("audit-00000001.jsonl:1")
        .hasMessageContaining("hash mismatch");
  }

  private static int[] lineNumbers(byte[] bytes) {
    int[] lineOf = new int[bytes.length];
    int line = 1;
    for (int i = 0; i < bytes.length; i++) {
      lineOf[i] = line;
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return lineOf;
  }

  private static int lastLineStart(byte[] bytes) {
    int i = bytes.length - 2;
    while (i >= 0 && bytes[i] != '\n') {
      i--;
    }
    return i + 1;
  }
}
