package org.radassist.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelJsonTest {
  private final ObjectMapper json = ModelJson.newMapper();

  static DraftReport sampleDraft() {
    String findings = "New 8.2 mm solid nodule in the right upper lobe.";
    Evidence nodule = Evidence.of(SectionKind.FINDINGS, findings, 4, 29);
    return new DraftReport(
        "d-1",
        "st-3f9a",
        new ModelInfo("radassist-rules", "0.1.0", "embedded"),
        List.of(
            Section.drafted(SectionKind.FINDINGS, findings),
            Section.drafted(SectionKind.IMPRESSION, "Lung-RADS 4A.")),
        List.of(
            new Suggestion(
                "i-1",
                SuggestionKind.IMPRESSION,
                "New 8.2 mm solid right upper lobe nodule.",
                0.9,
                "positive finding",
                List.of(nodule),
                null)),
        List.of(),
        List.of(
            new StructuredField(
                ScoringSystem.LUNG_RADS,
                "2022",
                "category",
                "4A",
                List.of(nodule),
                0.85,
                FieldStatus.COMPLETE,
                List.of(),
                "new solid nodule 6 to <8 mm",
                null)),
        List.of(
            new CodeSuggestion(
                "http://hl7.org/fhir/sid/icd-10-cm",
                "R91.1",
                "Solitary pulmonary nodule",
                List.of(nodule),
                0.8,
                "nodule",
                null)),
        List.of(
            new Flag(
                FlagType.ACTIONABLE_FINDING,
                Severity.WARNING,
                "Lung nodule needing follow-up",
                List.of(nodule),
                CriticalCategory.CATEGORY_3,
                List.of("who", "when", "how"))),
        DraftStatus.COMPLETE,
        Instant.parse("2026-11-29T10:15:00Z"));
  }

  @Test
  void draftReportRoundTripsThroughSnakeCaseJson() throws Exception {
    DraftReport draft = sampleDraft();
    String text = json.writeValueAsString(draft);
    JsonNode tree = json.readTree(text);
    assertThat(tree.get("structured_fields").get(0).get("system").asText()).isEqualTo("Lung-RADS");
    assertThat(tree.get("sections").get(0).get("kind").asText()).isEqualTo("findings");
    assertThat(tree.get("created_at").asText()).isEqualTo("2026-11-29T10:15:00Z");
    assertThat(json.readValue(text, DraftReport.class)).isEqualTo(draft);
  }

  @Test
  void findingWithMeasurementsAndRegionRoundTrips() throws Exception {
    Finding finding =
        new Finding(
            "1.5",
            CodedConcept.of("27925004", "SCT", "Nodule"),
            CodedConcept.of("45653009", "SCT", "Upper lobe of right lung"),
            null,
            "1.2.3.4",
            "Nodule 1",
            List.of(
                new Measurement(
                    CodedConcept.of("103339001", "SCT", "Long axis"),
                    new BigDecimal("8.20"),
                    CodedConcept.of("mm", "UCUM", "millimeter"),
                    List.of())),
            List.of(
                new QualitativeEvaluation(
                    CodedConcept.of("112134", "DCM", "Margin"),
                    CodedConcept.of("129748000", "SCT", "Spiculated"),
                    null)),
            new AlgorithmIdentification("NoduleNet", "1.2", List.of()),
            0.93,
            List.of(
                new ImageReference(
                    "1.2",
                    "1.2.1",
                    "1.2.840.10008.5.1.4.1.1.2",
                    "1.2.1.1",
                    List.of(3),
                    List.of(),
                    new ImageRegion(
                        ImageRegion.GraphicType.POINT, List.of(10.0, 20.0), false, null))),
            new FindingSource("1.2.9", "1500", "1.5"));
    String text = json.writeValueAsString(finding);
    Finding back = json.readValue(text, Finding.class);
    assertThat(back).isEqualTo(finding);
    // DS values keep their exact decimal text
    assertThat(back.measurements().get(0).value().toPlainString()).isEqualTo("8.20");
  }

  @Test
  void invalidJsonNamesTheFieldAndTheReason() {
    String badConfidence =
        "{\"id\":\"s\",\"kind\":\"IMPRESSION\",\"text\":\"x\",\"confidence\":1.5,\"reason\":\"r\"}";
    assertThatThrownBy(() -> json.readValue(badConfidence, Suggestion.class))
        .isInstanceOf(ValueInstantiationException.class)
        .hasMessageContaining("confidence must be within [0, 1], was 1.5");
    assertThatThrownBy(() -> json.readValue("{\"scheme\":\"DCM\"}", CodedConcept.class))
        .hasMessageContaining("code must not be blank");
  }

  @Test
  void studyContextComputesAgeOnStudyDate() throws Exception {
    StudyContext study =
        new StudyContext(
            "1.2.3",
            "ACC1",
            "PID1",
            "HOSP",
            "DOE^JANE",
            LocalDate.of(1960, 1, 1),
            Sex.F,
            List.of("CT"),
            "CHEST",
            LocalDate.of(2026, 11, 29),
            "CT chest");
    assertThat(study.patientAgeYears()).contains(66);
    assertThat(json.readValue(json.writeValueAsString(study), StudyContext.class)).isEqualTo(study);
  }

  @Test
  void auditEventRejectsMalformedHashes() {
    assertThatThrownBy(
            () ->
                new AuditEvent(
                    Instant.EPOCH,
                    AuditAction.DRAFT_REQUESTED,
                    "t",
                    "u",
                    null,
                    null,
                    null,
                    "ABC",
                    null,
                    Map.of()))
        .hasMessageContaining("requestSha256 must be 64 lower-case hex digits");
    assertThat(AuditAction.REPORT_SIGNED.jsonName()).isEqualTo("report_signed");
  }

  @Test
  void datesAreIsoStringsAndBadDatesNameTheValue() throws Exception {
    assertThat(json.writeValueAsString(java.time.LocalDate.of(2026, 11, 29)))
        .isEqualTo("\"2026-11-29\"");
    assertThatThrownBy(() -> json.readValue("\"29.11.2026\"", java.time.LocalDate.class))
        .hasMessageContaining("29.11.2026")
        .hasMessageContaining("not an ISO-8601 LocalDate");
  }
}
