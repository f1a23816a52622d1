package org.radassist.cli.sr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.CodeStringAttribute;
import com.pixelmed.dicom.LongStringAttribute;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.ShortStringAttribute;
import com.pixelmed.dicom.UniqueIdentifierAttribute;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.model.ModelJson;
import org.radassist.sr.Fixtures;
import org.radassist.sr.ReadLimits;
import org.radassist.sr.SharedData;
import org.radassist.sr.SrReadException;
import org.radassist.sr.StructuredReportReader;
import org.radassist.sr.WriterFixtures;
import org.radassist.sr.internal.read.Tags;

/**
 * The CLI against hostile and unusual input (issues 15 and 17): control characters never reach the
 * terminal and are refused on write, a trickling PACS cannot hold {@code sr stow}, a huge SR is
 * refused before the heap runs out, DICOM JSON is read, a library's complaints become our one line.
 */
class SrCommandSafetyTest {
  private static final String ATTACK =
      "ok\u001b]0;pwned\u0007\u001b[2K\rFAKE: report verified OK\u009b31m";

  @TempDir Path dir;

  private record Outcome(int rc, String out, String err) {}

  private Outcome run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int rc =
        new SrCommand(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))
            .run(args);
    return new Outcome(
        rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static Path sr(String name) {
    return SharedData.dicom("sr").resolve(name);
  }

  private static void assertNoControlCharacters(String s) {
    assertThat(s).doesNotContain("\u001b", "\u0007", "\r", "\u009b");
  }

  // ---- control characters ----

  private Path hostileSr() throws Exception {
    byte[] bytes =
        Fixtures.rewrite(
            sr("offis_report01.dcm"),
            list -> {
              SequenceAttribute content = (SequenceAttribute) list.get(Tags.CONTENT_SEQUENCE);
              for (Iterator<com.pixelmed.dicom.SequenceItem> it = content.iterator();
                  it.hasNext(); ) {
                AttributeList item = it.next().getAttributeList();
                if (item.get(Tags.TEXT_VALUE) != null) {
                  set(item, new com.pixelmed.dicom.UnlimitedTextAttribute(Tags.TEXT_VALUE), ATTACK);
                  AttributeList concept =
                      ((SequenceAttribute) item.get(Tags.CONCEPT_NAME_CODE_SEQUENCE))
                          .getItem(0)
                          .getAttributeList();
                  set(concept, new LongStringAttribute(Tags.CODE_MEANING), "Find\u001b[1mings");
                  set(concept, new ShortStringAttribute(Tags.CODE_VALUE), "X\u001b[2J");
                }
              }
            });
    Path file = dir.resolve("hostile.dcm");
    Files.write(file, bytes);
    return file;
  }

  @Test
  void controlCharactersFromTheDocumentReachNoTerminalOutput() throws Exception {
    String file = hostileSr().toString();
    for (String[] args :
        List.of(
            new String[] {"dump", file},
            new String[] {"dump", "--json", file},
            new String[] {"narrative", file},
            new String[] {"findings", "--json", file},
            new String[] {"validate", file})) {
      Outcome o = run(args);
      assertNoControlCharacters(o.out());
      assertNoControlCharacters(o.err());
    }
    Outcome dump = run("dump", file);
    assertThat(dump.out()).contains("ok\\033]0;pwned\\007").contains("(X\\e[2J,");
    Outcome narrative = run("narrative", file);
    assertThat(narrative.out()).contains("\\e[2K\\rFAKE: report verified OK\\u009b31m");
    // JSON keeps the text: the escapes are JSON escapes of the same characters
    JsonNode json = new ObjectMapper().readTree(run("dump", "--json", file).out());
    assertThat(json.toString()).contains("\\u001B").contains("FAKE");
    assertThat(json.findValuesAsText("value")).anySatisfy(v -> assertThat(v).isEqualTo(ATTACK));
  }

  @Test
  void writeRefusesControlCharactersNamingTheField() throws Exception {
    ObjectMapper mapper = ModelJson.newMapper();
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("draft", WriterFixtures.draft());
    input.put("findings", WriterFixtures.findings());
    ObjectNode tree = mapper.valueToTree(input);
    ObjectNode section = (ObjectNode) tree.get("draft").findParents("text").get(0);
    section.set("text", TextNode.valueOf(section.get("text").asText() + " " + ATTACK));
    Path draft = dir.resolve("draft.json");
    mapper.writeValue(draft.toFile(), tree);
    Path out = dir.resolve("draft.dcm");

    Outcome o = run("write", "--draft", draft.toString(), "--out", out.toString());

    assertThat(o.rc()).isEqualTo(1);
    assertThat(o.err())
        .startsWith(draft + ": ")
        .contains("TextValue (0040,A160) holds control character U+001B")
        .contains("content item")
        .contains("refused");
    assertThat(o.err().lines()).hasSize(1);
    assertNoControlCharacters(o.err());
    assertThat(out).doesNotExist();
  }

  // ---- sr stow deadline ----

  @Test
  void stowGivesUpAtItsDeadlineWhenThePacsTricklesBytes() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      Thread pacs =
          new Thread(
              () -> {
                try (Socket s = server.accept()) {
                  s.setSoTimeout(30_000);
                  InputStream in = s.getInputStream();
                  Thread drain =
                      new Thread(
                          () -> {
                            try {
                              in.transferTo(OutputStream.nullOutputStream());
                            } catch (Exception ignored) {
                              // the client went away
                            }
                          });
                  drain.setDaemon(true);
                  drain.start();
                  OutputStream o = s.getOutputStream();
                  o.write(
                      ("HTTP/1.1 200 OK\r\nContent-Type: application/dicom+json\r\n"
                              + "Content-Length: 100000\r\n\r\n")
                          .getBytes(StandardCharsets.US_ASCII));
                  // one byte every 300 ms: well inside the 60 s per-read timeout, for 30 s
                  for (int i = 0; i < 100; i++) {
                    o.write('[');
                    o.flush();
                    Thread.sleep(300);
                  }
                } catch (Exception ignored) {
                  // the client closed the connection: expected
                }
              });
      pacs.setDaemon(true);
      pacs.start();
      long start = System.nanoTime();

      Outcome o =
          run(
              "stow",
              "--url",
              "http://127.0.0.1:" + server.getLocalPort() + "/dicom-web",
              "--timeout",
              "2",
              sr("highdicom_sr_document.dcm").toString());

      long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
      assertThat(o.rc()).isEqualTo(1);
      assertThat(o.err()).contains("gave up after the 2 s deadline (--timeout)");
      assertThat(seconds).isLessThan(15);
    }
  }

  @Test
  void stowTimeoutMustBeAPositiveWholeNumber() {
    Outcome o =
        run(
            "stow",
            "--url",
            "http://127.0.0.1:9",
            "--timeout",
            "0",
            sr("highdicom_sr_document.dcm").toString());
    assertThat(o.rc()).isEqualTo(2);
    assertThat(o.err()).contains("--timeout '0'");
  }

  // ---- huge reports ----

  @Test
  void aHugeReportIsRefusedByTheItemCapBeforeItIsParsed() throws Exception {
    Path big = dir.resolve("big.dcm");
    Fixtures.wideSr(big, 200_000, 40);
    assertThat(Files.size(big)).isGreaterThan(34_000_000L);
    StructuredReportReader atCliHeap =
        StructuredReportReader.create(ReadLimits.forHeap(256L * 1024 * 1024));

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> atCliHeap.read(big))
        .isInstanceOf(SrReadException.class)
        .hasMessageContaining(big + ": more than 65536 content items (the maxItems cap");
  }

  @Test
  void theCliRefusesA35MegabyteReportWithOneLineInsteadOfRunningOutOfMemory() throws Exception {
    Path big = dir.resolve("big.dcm");
    Fixtures.wideSr(big, 200_000, 40);
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC",
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                SrCommand.class.getName(),
                "narrative",
                big.toString())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();

    assertThat(p.exitValue()).isEqualTo(1);
    assertThat(err).doesNotContain("OutOfMemoryError").contains(big + ": more than ");
    assertThat(err.lines()).hasSize(1);
  }

  // ---- what a broken structure still shows ----

  @Test
  void findingsOfABrokenBasicTextSrCarryItsTextAndWhyItIsPartial() throws Exception {
    Path file = dir.resolve("broken.dcm");
    Files.write(file, org.radassist.sr.ReadableNarrativeTest.brokenBasicText());

    Outcome o = run("findings", "--json", file.toString());

    assertThat(o.rc()).isEqualTo(1); // partial
    JsonNode doc = new ObjectMapper().readTree(o.out()).get(0);
    assertThat(doc.get("partial").asBoolean()).isTrue();
    assertThat(doc.get("text").toString())
        .contains("Diagnosis: Squamous cell carcinoma")
        .contains("Treatment: The plan of treatment");
    assertThat(doc.get("notes").toString())
        .contains("partial: Relationship Type (0040,A010) is missing at 5 items")
        .contains("partial: the root item has no Value Type (0040,A040)");
  }

  // ---- DICOM JSON, library output, UIDs ----

  @Test
  void dicomJsonFilesAreDetectedAndRead() throws Exception {
    Path json = dir.resolve("metadata.json");
    Process p =
        new ProcessBuilder("dcm2json", sr("highdicom_sr_document.dcm").toString(), json.toString())
            .redirectErrorStream(true)
            .start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    String file = json.toString();

    Outcome narrative = run("narrative", file);
    assertThat(narrative.err()).doesNotContain("not a DICOM SR");
    assertThat(narrative.out()).contains("Imaging Measurement Report");
    assertThat(run("validate", file).out()).contains(file + ": OK");
    assertThat(run("dump", file).out()).contains("<CONTAINER:(126000,DCM");
    JsonNode findings = new ObjectMapper().readTree(run("findings", "--json", file).out());
    assertThat(findings.get(0).get("template").asText()).isEqualTo("TID 1500");
    assertThat(findings.get(0).get("findings")).isNotEmpty();
    // the reader's own read(Path), which the viewer panel's SR tab uses, detects it too
    assertThat(StructuredReportReader.create().read(json).title())
        .isEqualTo("Imaging Measurement Report");
  }

  @Test
  void pixelMedsOwnComplaintsBecomePartOfTheFilesOneLine() throws Exception {
    Path dup = dir.resolve("duplicate.dcm");
    Fixtures.wideSr(dup, 3, 10, true);
    PrintStream systemErr = System.err;
    ByteArrayOutputStream leaked = new ByteArrayOutputStream();
    System.setErr(new PrintStream(leaked, true, StandardCharsets.UTF_8));
    Outcome o;
    try {
      o = run("dump", dup.toString());
    } finally {
      System.setErr(systemErr);
    }
    assertThat(leaked.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(o.err())
        .contains(dup + ": read with repairs; PixelMed: Illegal duplicate tag in dataset")
        .contains("(x3)");
    assertThat(o.err().lines()).hasSize(1);
  }

  @Test
  void aSingleComponentUidIsAWarningNotAnError() throws Exception {
    byte[] bytes =
        Fixtures.rewrite(
            sr("highdicom_sr_document.dcm"),
            list -> {
              AttributeList item = new AttributeList();
              set(item, new CodeStringAttribute(Tags.RELATIONSHIP_TYPE), "CONTAINS");
              set(item, new CodeStringAttribute(Tags.VALUE_TYPE), "UIDREF");
              AttributeList c = new AttributeList();
              set(c, new ShortStringAttribute(Tags.CODE_VALUE), "112040");
              set(c, new ShortStringAttribute(Tags.CODING_SCHEME_DESIGNATOR), "DCM");
              set(c, new LongStringAttribute(Tags.CODE_MEANING), "Tracking Unique Identifier");
              SequenceAttribute cs = new SequenceAttribute(Tags.CONCEPT_NAME_CODE_SEQUENCE);
              cs.addItem(c);
              item.put(cs);
              set(item, new UniqueIdentifierAttribute(Tags.UID), "11090");
              ((SequenceAttribute) list.get(Tags.CONTENT_SEQUENCE)).addItem(item);
            });
    Path file = dir.resolve("uid.dcm");
    Files.write(file, bytes);

    Outcome o = run("validate", file.toString());

    assertThat(o.rc()).isZero();
    assertThat(o.out())
        .contains("WARNING")
        .contains("UIDREF value '11090' has a single component")
        .contains(file + ": OK");
    Outcome bad = run("validate", sr("offis_reportki.dcm").toString());
    assertThat(bad.rc()).isEqualTo(1); // a malformed UID is still an error
  }

  private static void set(AttributeList list, com.pixelmed.dicom.Attribute a, String value) {
    try {
      a.addValue(value);
    } catch (com.pixelmed.dicom.DicomException e) {
      throw new IllegalStateException(e);
    }
    list.put(a);
  }
}
