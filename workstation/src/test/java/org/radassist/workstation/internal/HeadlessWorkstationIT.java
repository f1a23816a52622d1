package org.radassist.workstation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.radassist.model.ModelJson;

/**
 * The README's main job, as a user runs it: {@code workstation --headless --out DIR} on a fresh
 * RadAssist home (the default study is generated first), every bundle in Felix.
 */
class HeadlessWorkstationIT {

  @Test
  void writesTheReportTheAiSrThePanelPngsAndAnAuditTrail() throws Exception {
    Path home = Files.createTempDirectory(ChildJvm.target(), "home-");
    Path out = ChildJvm.target().resolve("headless-out");
    if (Files.exists(out)) {
      try (Stream<Path> old = Files.walk(out)) {
        old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    ChildJvm.Result r =
        ChildJvm.run(
            List.of(),
            ChildJvm.launcherClassPath(),
            WorkstationCommand.class.getName(),
            List.of("--headless", "--out", out.toString()),
            Map.of("RADASSIST_HOME", home.toString()),
            240);
    assertThat(r.exitCode()).as(r.output()).isZero();
    assertThat(r.output())
        .contains("findings listed: 1")
        .contains("opened the first finding's image: OPENED_WITH_REGION")
        .contains("sections accepted")
        .contains("chain verified")
        .contains("panel: metrics read from the audit trail")
        .doesNotContain("not available in this build")
        .doesNotContain("not started")
        .doesNotContain("not installed");

    // the panel's dictation went through the speech hook: durable first, acknowledged after the
    // draft completed, so nothing is left unsent; the loopback intake made its install token
    Path data = out.resolve("data");
    assertThat(data.resolve("loopback.token")).isRegularFile();
    try (Stream<Path> unsent = Files.list(data.resolve("outbox"))) {
      assertThat(unsent.toList()).isEmpty();
    }

    String report = Files.readString(out.resolve("report.txt"), StandardCharsets.UTF_8);
    assertThat(report).contains("FINDINGS").contains("IMPRESSION").contains("8.2");
    JsonNode json = ModelJson.newMapper().readTree(out.resolve("report.json").toFile());
    assertThat(json.get("sections")).isNotEmpty();
    json.get("sections").forEach(s -> assertThat(s.get("state").asText()).isEqualTo("ACCEPTED"));

    Process dsrdump =
        new ProcessBuilder("dsrdump", out.resolve("ai-draft-sr.dcm").toString())
            .redirectErrorStream(true)
            .start();
    String dump = new String(dsrdump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(dsrdump.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(dsrdump.exitValue()).as(dump).isZero();
    assertThat(dump).doesNotContain("E: ").contains("PRELIMINARY");

    try (Stream<Path> pngs = Files.list(out.resolve("png"))) {
      assertThat(pngs.map(p -> p.getFileName().toString()).toList())
          .contains(
              "viewer.png",
              "panel-radassist.png",
              "panel-radassist-draft.png",
              "panel-radassist-codes-3.png",
              "panel-radassist-metrics.png");
    }
    // everything that names or shows the patient's study is owner-only (issue 15, data at rest)
    for (Path p :
        List.of(
            out.resolve("report.txt"),
            out.resolve("report.json"),
            out.resolve("findings.json"),
            out.resolve("ai-draft-sr.dcm"))) {
      assertThat(mode(p)).as(p.toString()).isEqualTo("rw-------");
    }
    for (Path dir : List.of(out, out.resolve("png"), out.resolve("audit"))) {
      assertThat(mode(dir)).as(dir.toString()).isEqualTo("rwx------");
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          assertThat(mode(f)).as(f.toString()).isEqualTo("rw-------");
        }
      }
    }
    try (Stream<Path> audit = Files.list(out.resolve("audit"))) {
      Path trail =
          audit
              .filter(p -> p.getFileName().toString().matches("audit-\\d{8}\\.jsonl"))
              .findFirst()
              .orElseThrow();
      String records = Files.readString(trail);
      assertThat(records)
          .contains("draft_received")
          .contains("section_accepted")
          .contains("sr_stored");
      // one draft: the sections accepted in the panel, the draft received and the AI SR stored are
      // the same draft
      java.util.Set<String> draftIds = new java.util.HashSet<>();
      for (String line : records.split("\n")) {
        JsonNode record = ModelJson.newMapper().readTree(line);
        if (record.path("details").has("draft_id")) {
          draftIds.add(record.path("details").path("draft_id").asText());
        }
      }
      assertThat(draftIds).hasSize(1);
    }
  }

  private static String mode(Path p) throws Exception {
    return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  @Test
  void inShadowRolloutTheDraftIsLoggedButNothingIsShownAcceptedOrStored() throws Exception {
    Path home = Files.createTempDirectory(ChildJvm.target(), "home-");
    Path out = Files.createTempDirectory(ChildJvm.target(), "headless-shadow-");
    ChildJvm.Result r =
        ChildJvm.run(
            List.of(),
            ChildJvm.launcherClassPath(),
            WorkstationCommand.class.getName(),
            List.of("--headless", "--out", out.toString(), "--rollout", "shadow"),
            Map.of("RADASSIST_HOME", home.toString()),
            240);
    assertThat(r.exitCode()).as(r.output()).isZero();
    assertThat(r.output())
        .contains("panel: shadow mode, the draft was made and logged, nothing shown")
        .doesNotContain("sections accepted");
    assertThat(out.resolve("shadow-draft.json")).isRegularFile();
    assertThat(out.resolve("report.txt")).doesNotExist();
    assertThat(out.resolve("ai-draft-sr.dcm")).doesNotExist();
    try (Stream<Path> audit = Files.list(out.resolve("audit"))) {
      String trail =
          Files.readString(
              audit
                  .filter(p -> p.getFileName().toString().matches("audit-\\d{8}\\.jsonl"))
                  .findFirst()
                  .orElseThrow());
      assertThat(trail).contains("draft_requested").doesNotContain("section_accepted");
    }
  }
}
