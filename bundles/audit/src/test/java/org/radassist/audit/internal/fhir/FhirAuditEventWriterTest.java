package org.radassist.audit.internal.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.audit.AuditRecord;
import org.radassist.audit.internal.FileAuditTrail;
import org.radassist.audit.internal.WorkstationSession;

class FhirAuditEventWriterTest {
  @TempDir Path dir;

  @Test
  void each_record_becomes_a_balp_shaped_fhir_r4_audit_event() throws Exception {
    List<AuditRecord> records;
    try (FileAuditTrail trail = new FileAuditTrail(dir, 1 << 20)) {
      WorkstationSession.write(trail);
      records = trail.readAll();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    new FhirAuditEventWriter("ws-12.radiology.example").writeNdjson(records, out);

    String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
    assertThat(lines).hasSize(records.size());
    JsonNode edited = new ObjectMapper().readTree(lines[3]);
    AuditRecord record = records.get(3);
    assertThat(edited.get("resourceType").asText()).isEqualTo("AuditEvent");
    assertThat(edited.get("id").asText()).isEqualTo(record.hash());
    assertThat(edited.at("/type/system").asText())
        .isEqualTo("http://dicom.nema.org/resources/ontology/DCM");
    assertThat(edited.at("/type/code").asText()).isEqualTo("110100");
    assertThat(edited.at("/subtype/0/code").asText()).isEqualTo("section_edited");
    assertThat(edited.get("action").asText()).isEqualTo("U");
    assertThat(edited.get("recorded").asText()).isEqualTo("2026-11-29T08:01:30Z");
    assertThat(edited.get("outcome").asText()).isEqualTo("0");
    assertThat(edited.at("/agent/0/who/identifier/value").asText()).isEqualTo("dr-jane-doe");
    assertThat(edited.at("/agent/0/requestor").asBoolean()).isTrue();
    assertThat(edited.at("/agent/1/type/coding/0/code").asText()).isEqualTo("110150");
    assertThat(edited.at("/agent/1/who/display").asText()).isEqualTo("radassist-draft 1.2.0");
    assertThat(edited.at("/source/observer/display").asText()).isEqualTo("ws-12.radiology.example");
    assertThat(edited.at("/entity/0/what/identifier/value").asText()).isEqualTo("st-a");
    assertThat(edited.at("/entity/1/type/code").asText()).isEqualTo("XrequestId");
    assertThat(edited.at("/entity/1/what/identifier/value").asText()).isEqualTo("tr-st-a-90");
    JsonNode detail = edited.at("/entity/2/detail");
    assertThat(detail.findValuesAsText("type"))
        .contains("seq", "hash", "prev_hash", "details.section", "details.diff");
    assertThat(detail.findValuesAsText("valueString")).contains("4", record.prevHash());
  }
}
