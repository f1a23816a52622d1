package org.radassist.drafting.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.radassist.drafting.AiResult;
import org.radassist.drafting.DictationChunk;
import org.radassist.drafting.DraftEvent;
import org.radassist.drafting.DraftRequest;
import org.radassist.drafting.DraftTask;
import org.radassist.drafting.PatientInfo;
import org.radassist.drafting.PriorSummary;
import org.radassist.drafting.StudyInfo;
import org.radassist.drafting.TemplateSpec;
import org.radassist.model.AlgorithmIdentification;
import org.radassist.model.CodeSuggestion;
import org.radassist.model.CodedConcept;
import org.radassist.model.CriticalCategory;
import org.radassist.model.Evidence;
import org.radassist.model.FieldStatus;
import org.radassist.model.Flag;
import org.radassist.model.FlagType;
import org.radassist.model.ModelInfo;
import org.radassist.model.ModelJson;
import org.radassist.model.ScoringSystem;
import org.radassist.model.SectionKind;
import org.radassist.model.Severity;
import org.radassist.model.Sex;
import org.radassist.model.StructuredField;
import org.radassist.model.Suggestion;
import org.radassist.model.SuggestionKind;

class DraftWireTest {
  private final DraftWire wire = DraftWire.create();
  private final ObjectMapper json = ModelJson.newMapper();

  /** The example body of shared/notes/interop.md, verbatim apart from the elided texts. */
  static final String CONTRACT_EXAMPLE =
      """
      {"schema_version":"1.0","session":"opaque-session-token","study":{"token":"st-3f9a","modality":"CT","body_part":"CHEST",
        "procedure":{"system":"http://www.ama-assn.org/go/cpt","code":"71271"},"contrast":"none","laterality":null},
       "patient":{"age_years":67,"sex":"F"},
       "indication":"annual lung cancer screening, 30 pack-years",
       "dictation":[{"seq":1,"final":true,"text":"new eight point two mm solid nodule rul series three image forty five"}],
       "priors":[{"token":"pr-1","relative_days":-374,"modality":"CT","findings":"f","impression":"i"}],
       "ai_results":[{"source":"sr:TID1500","algorithm":{"name":"n","version":"v"},"finding":"lung nodule","size_mm":8.2,"location":"RUL","composition":"solid"}],
       "template":{"id":"mrrt:x","sections":["CLINICAL_HISTORY","COMPARISON","FINDINGS","IMPRESSION"]},
       "tasks":["draft","expand_shorthand","impression","differentials","structured_fields","codes","consistency","critical"],
       "style":{"profile":"hash-of-user","impression_format":"numbered"}}
      """;

  @Test
  void readsTheContractExample() {
    DraftRequest r = wire.readRequest(CONTRACT_EXAMPLE);
    assertThat(r.schemaVersion()).isEqualTo("1.0");
    assertThat(r.study().bodyPart()).isEqualTo("CHEST");
    assertThat(r.study().procedure())
        .isEqualTo(CodedConcept.of("71271", "http://www.ama-assn.org/go/cpt", ""));
    assertThat(r.study().laterality()).isNull();
    assertThat(r.patient()).isEqualTo(new PatientInfo(67, Sex.F));
    assertThat(r.dictation())
        .containsExactly(
            new DictationChunk(
                1, true, "new eight point two mm solid nodule rul series three image forty five"));
    assertThat(r.priors()).containsExactly(new PriorSummary("pr-1", -374, "CT", "f", "i"));
    AiResult ai = r.aiResults().get(0);
    assertThat(ai.sizeMm()).isEqualTo(8.2);
    assertThat(ai.algorithm()).isEqualTo(new AlgorithmIdentification("n", "v", List.of()));
    assertThat(r.template().sections())
        .containsExactly(
            SectionKind.CLINICAL_HISTORY,
            SectionKind.COMPARISON,
            SectionKind.FINDINGS,
            SectionKind.IMPRESSION);
    assertThat(r.tasks()).isEqualTo(EnumSet.allOf(DraftTask.class));
    assertThat(r.style()).containsEntry("impression_format", "numbered");
  }

  @Test
  void writesTheContractShapeAndReadsItBack() throws Exception {
    DraftRequest r = sampleRequest();
    String text = wire.writeRequest(r);
    JsonNode tree = json.readTree(text);
    assertThat(fieldNames(tree))
        .containsExactly(
            "schema_version",
            "session",
            "study",
            "patient",
            "indication",
            "dictation",
            "priors",
            "ai_results",
            "template",
            "tasks",
            "style");
    assertThat(fieldNames(tree.get("study")))
        .containsExactly("token", "modality", "body_part", "procedure", "contrast", "laterality");
    assertThat(tree.at("/study/procedure/system").asText())
        .isEqualTo("http://www.ama-assn.org/go/cpt");
    assertThat(fieldNames(tree.get("patient"))).containsExactly("age_years", "sex");
    assertThat(fieldNames(tree.at("/dictation/0"))).containsExactly("seq", "final", "text");
    assertThat(tree.at("/dictation/0/final").asBoolean()).isFalse();
    assertThat(tree.at("/priors/0/relative_days").asInt()).isEqualTo(-374);
    assertThat(tree.at("/ai_results/0/size_mm").asDouble()).isEqualTo(8.2);
    assertThat(tree.at("/template/sections/0").asText()).isEqualTo("FINDINGS");
    assertThat(tree.at("/tasks/0").asText()).isEqualTo("impression");
    assertThat(wire.readRequest(text)).isEqualTo(r);
    assertThat(wire.readRequest(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(r);
    assertThat(wire.writeRequest(wire.readRequest(text))).isEqualTo(text);
  }

  @Test
  void aMinimalRequestNeedsOnlySessionAndStudyToken() {
    DraftRequest r = wire.readRequest("{\"session\":\"s\",\"study\":{\"token\":\"st\"}}");
    assertThat(r.template()).isEqualTo(TemplateSpec.DEFAULT);
    assertThat(r.patient().sex()).isEqualTo(Sex.UNKNOWN);
    assertThat(r.tasks()).hasSize(DraftTask.values().length);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''| request body is empty",
        "[1,2]| must be an object",
        "{\"session\":\"s\"}| study: is required",
        "{\"session\":\"s\",\"study\":{}}| study.token: is required",
        "{\"session\":\"\",\"study\":{\"token\":\"t\"}}| session: must not be blank",
        "{\"session\":\"s\",\"study\":{\"token\":\"t\"}| malformed JSON",
        "{\"session\":\"s\",\"study\":{\"token\":\"t\"}} x| malformed JSON",
        "{\"session\":\"s\",\"study\":{\"token\":\"t\"},\"dictation\":[{\"seq\":1}]}| dictation[0].text: is required",
        "{\"session\":\"s\",\"study\":{\"token\":\"t\"},\"dictation\":[{\"seq\":-1,\"text\":\"x\"}]}| dictation[0]: seq must not be negative",
        "{\"session\":\"s\",\"study\":{\"token\":\"t\"},\"dictation\":{}}| dictation: must be an array",
        "{\"session\":\"s\",\"study\":{\"token\":\"t\"},\"tasks\":[\"dance\"]}| tasks[0]: unknown task \"dance\"",
        "{\"session\":\"s\",\"study\":{\"token\":\"t\"},\"template\":{\"id\":\"x\",\"sections\":[\"ADDENDUM\"]}}| template.sections[0]: unknown section",
        "{\"session\":\"s\",\"study\":{\"token\":\"t\"},\"patient\":{\"sex\":\"X\"}}| patient.sex: must be F, M or O",
        "{\"session\":\"s\",\"study\":{\"token\":\"t\"},\"patient\":{\"age_years\":-3}}| patient: ageYears must not be negative",
        "{\"session\":\"s\",\"study\":{\"token\":\"t\"},\"ai_results\":[{\"finding\":\"n\",\"size_mm\":\"big\"}]}| ai_results[0].size_mm: must be a number",
        "{\"schema_version\":\"2.0\",\"session\":\"s\",\"study\":{\"token\":\"t\"}}| unsupported schema version",
      })
  void refusesBadRequestsNamingTheField(String body, String message) {
    assertThatThrownBy(() -> wire.readRequest(body))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining(message.trim());
  }

  @Test
  void refusesBytesThatAreNotUtf8() {
    byte[] body = {
      '{', '"', 's', 'e', 's', 's', 'i', 'o', 'n', '"', ':', '"', (byte) 0xC3, '(', '"'
    };
    assertThatThrownBy(() -> wire.readRequest(body))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("UTF-8");
  }

  static Stream<DraftEvent> everyEventType() {
    String findings = "New 8.2 mm solid nodule in the right upper lobe.";
    Evidence nodule = Evidence.of(SectionKind.FINDINGS, findings, 4, 29);
    return Stream.of(
        new DraftEvent.Started("d-1", new ModelInfo("radassist-rules", "0.1.0", "embedded")),
        new DraftEvent.SectionDelta(SectionKind.FINDINGS, "New 8.2 mm solid nodule\n \"quoted\" "),
        new DraftEvent.SectionDone(SectionKind.IMPRESSION, "Lung-RADS 4A.", "ab12"),
        new DraftEvent.SectionDone(SectionKind.COMMUNICATION, "", null),
        new DraftEvent.Suggestions(
            List.of(
                new Suggestion(
                    "i-1",
                    SuggestionKind.IMPRESSION,
                    "New 8.2 mm solid right upper lobe nodule.",
                    0.9,
                    "positive finding",
                    List.of(nodule),
                    null)),
            List.of(
                new Suggestion(
                    "d-1",
                    SuggestionKind.DIFFERENTIAL,
                    "Primary lung cancer",
                    0.4,
                    "solid nodule",
                    List.of(),
                    null))),
        new DraftEvent.StructuredFields(
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
                    null),
                new StructuredField(
                    ScoringSystem.TI_RADS,
                    "2017",
                    "category",
                    "",
                    List.of(),
                    0.3,
                    FieldStatus.INCOMPLETE,
                    List.of("echogenicity"),
                    "points need every feature",
                    null))),
        new DraftEvent.Codes(
            List.of(
                new CodeSuggestion(
                    "http://hl7.org/fhir/sid/icd-10-cm",
                    "R91.1",
                    "Solitary pulmonary nodule",
                    List.of(nodule),
                    0.8,
                    "nodule",
                    null))),
        new DraftEvent.Flags(
            List.of(
                new Flag(
                    FlagType.CRITICAL_RESULT,
                    Severity.CRITICAL,
                    "Pneumothorax",
                    List.of(nodule),
                    CriticalCategory.CATEGORY_1,
                    List.of("who", "when", "how")),
                Flag.of(
                    FlagType.LATERALITY_MISMATCH, Severity.WARNING, "left vs right", List.of()))),
        new DraftEvent.Flags(List.of()),
        new DraftEvent.Completed("d-1", 12, 34, 5, 67, "ff00"),
        new DraftEvent.Completed("d-2", 0, 0, 0, 0, null),
        new DraftEvent.Failed("upstream_timeout", true, "model stalled"),
        new DraftEvent.Failed("bad_request", false, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyEventType")
  void everyEventRoundTripsThroughItsSseNameAndData(DraftEvent event) throws Exception {
    WireEvent w = wire.encode(event);
    assertThat(w.name()).isEqualTo(event.name());
    assertThat(w.data()).doesNotContain("\n");
    assertThat(json.readTree(w.data()).isObject()).isTrue();
    assertThat(wire.decode(w.name(), w.data())).isEqualTo(event);
  }

  @Test
  void eventDataHasTheContractsKeys() throws Exception {
    JsonNode started =
        json.readTree(
            wire.encode(new DraftEvent.Started("d-1", new ModelInfo("m", "1", "embedded"))).data());
    assertThat(started.at("/model/provider").asText()).isEqualTo("embedded");
    JsonNode delta =
        json.readTree(wire.encode(new DraftEvent.SectionDelta(SectionKind.FINDINGS, "x")).data());
    assertThat(delta.get("section").asText()).isEqualTo("findings");
    JsonNode done =
        json.readTree(wire.encode(new DraftEvent.Completed("d", 1, 2, 3, 4, "h")).data());
    assertThat(fieldNames(done)).containsExactly("draft_id", "usage", "timing", "response_sha256");
    assertThat(done.at("/usage/output_tokens").asLong()).isEqualTo(2);
    assertThat(done.at("/timing/ttft_ms").asLong()).isEqualTo(3);
    JsonNode fields =
        json.readTree(wire.encode((DraftEvent) everyEventType().skip(5).findFirst().get()).data());
    assertThat(fields.at("/items/0/system").asText()).isEqualTo("Lung-RADS");
    assertThat(fields.at("/items/0/evidence/0/start").asInt()).isEqualTo(4);
    JsonNode error = json.readTree(wire.encode(new DraftEvent.Failed("c", true, "m")).data());
    assertThat(fieldNames(error)).containsExactly("code", "retryable", "message");
  }

  @Test
  void anSseFrameCarriesIdNameAndData() {
    WireEvent w = new WireEvent("section.delta", "{\"section\":\"findings\",\"text\":\"a\"}");
    assertThat(w.toSse(7))
        .isEqualTo(
            "id: 7\nevent: section.delta\ndata: {\"section\":\"findings\",\"text\":\"a\"}\n\n");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "draft.unknown| {}| unknown event",
        "section.delta| {\"section\":\"findings\"}| text: is required",
        "section.delta| {\"section\":\"appendix\",\"text\":\"\"}| unknown section",
        "flags| {\"items\":[{\"type\":\"NOPE\",\"severity\":\"INFO\",\"message\":\"m\"}]}| items[0]",
        "draft.started| not json| malformed JSON",
        "error| ''| event data is empty",
      })
  void refusesEventsThatDoNotFitTheirName(String name, String data, String message) {
    assertThatThrownBy(() -> wire.decode(name.trim(), data.trim()))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining(message.trim());
  }

  @Test
  void aDraftReportRoundTrips() {
    var report = org.radassist.drafting.testing.Drafts.sampleReport();
    assertThat(wire.readReport(wire.writeReport(report))).isEqualTo(report);
  }

  static DraftRequest sampleRequest() {
    return new DraftRequest(
        "1.0",
        "sess",
        new StudyInfo(
            "st-1",
            "CT",
            "CHEST",
            CodedConcept.of("71271", "http://www.ama-assn.org/go/cpt", "LDCT"),
            "none",
            "R"),
        new PatientInfo(67, Sex.F),
        "screening",
        List.of(new DictationChunk(1, false, "new 8.2 mm nodule rul")),
        List.of(new PriorSummary("pr-1", -374, "CT", "no nodules", "Lung-RADS 1")),
        List.of(
            new AiResult(
                "sr:TID1500",
                new AlgorithmIdentification("nodule-ai", "2.1", List.of("thr=0.5")),
                "lung nodule",
                8.2,
                "RUL",
                "solid",
                0.93,
                Map.of("tracking", "n1", "a", "b"))),
        new TemplateSpec("mrrt:x", List.of(SectionKind.FINDINGS, SectionKind.IMPRESSION)),
        EnumSet.of(DraftTask.IMPRESSION, DraftTask.CRITICAL),
        Map.of("impression_format", "numbered"));
  }

  private static List<String> fieldNames(JsonNode n) {
    List<String> names = new java.util.ArrayList<>();
    n.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
