package org.radassist.audit.internal.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.audit.AuditRecord;
import org.radassist.audit.internal.FileAuditTrail;
import org.radassist.audit.internal.WorkstationSession;
import org.radassist.model.privacy.TextScrubber;

class FeedbackExporterTest {
  @TempDir Path dir;

  @Test
  void one_phi_minimised_line_per_decision() throws Exception {
    List<AuditRecord> records;
    try (FileAuditTrail trail = new FileAuditTrail(dir, 1 << 20)) {
      WorkstationSession.write(trail);
      records = trail.readAll();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int written = new FeedbackExporter().export(records, out);

    String text = out.toString(StandardCharsets.UTF_8);
    List<JsonNode> lines = new ArrayList<>();
    ObjectMapper mapper = new ObjectMapper();
    for (String line : text.split("\n")) {
      lines.add(mapper.readTree(line));
    }
    assertThat(written).isEqualTo(8).isEqualTo(lines.size());
    // No users, tokens, trace ids, timestamps, hashes, names or dates.
    assertThat(text)
        .doesNotContain("dr-jane-doe")
        .doesNotContain("st-a")
        .doesNotContain("tr-")
        .doesNotContain("2026")
        .doesNotContain("Meyer")
        .doesNotContain("12345678")
        .doesNotContain("03/04/2025")
        .doesNotContain("bbbb");
    JsonNode edited = lines.get(1);
    assertThat(edited.get("case").asText()).isEqualTo("c1");
    assertThat(edited.get("decision").asText()).isEqualTo("section_edited");
    assertThat(edited.get("section").asText()).isEqualTo("IMPRESSION");
    assertThat(edited.get("draft").asText())
        .isEqualTo("New 8 mm nodule right upper lobe. Call [NAME] on [DATE]");
    assertThat(edited.get("final").asText())
        .isEqualTo("New 8 mm solid nodule in the right upper lobe. Call [NAME] on [DATE]");
    assertThat(edited.get("word_edit_distance").asInt()).isEqualTo(3);
    assertThat(edited.get("model").get("version").asText()).isEqualTo("1.2.0");
    assertThat(lines.get(3).get("case").asText()).isEqualTo("c2");
    assertThat(lines.get(3).get("reason").asText()).isEqualTo("hallucinated prior from [DATE]");
    assertThat(lines.get(5).get("reason").asText()).isEqualTo("left is correct per MRN [ID]");
  }

  @Test
  void scrubber_replaces_identifiers_and_keeps_clinical_text() {
    assertThat(
            TextScrubber.scrub(
                "Compared with CT of March 3, 2024 and 12/01/2025 at 14:30, study"
                    + " 1.2.840.113619.2.55.3 acc 987654321, call Mrs. Rossi 555-123-4567"
                    + " or a.b@hospital.org."))
        .isEqualTo(
            "Compared with CT of [DATE] and [DATE] at [TIME], study [UID] acc [ID], call"
                + " [NAME] [PHONE] or [EMAIL].");
    assertThat(TextScrubber.scrub("8.2 mm solid nodule, Lung-RADS 4A, series 3 image 45"))
        .isEqualTo("8.2 mm solid nodule, Lung-RADS 4A, series 3 image 45");
  }
}
