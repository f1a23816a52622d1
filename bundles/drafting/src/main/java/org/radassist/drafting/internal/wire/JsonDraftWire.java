package org.radassist.drafting.internal.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.radassist.drafting.AiResult;
import org.radassist.drafting.DictationChunk;
import org.radassist.drafting.DraftEvent;
import org.radassist.drafting.DraftRequest;
import org.radassist.drafting.DraftTask;
import org.radassist.drafting.PatientInfo;
import org.radassist.drafting.PriorSummary;
import org.radassist.drafting.StudyInfo;
import org.radassist.drafting.TemplateSpec;
import org.radassist.drafting.wire.DraftWire;
import org.radassist.drafting.wire.WireEvent;
import org.radassist.drafting.wire.WireFormatException;
import org.radassist.model.AlgorithmIdentification;
import org.radassist.model.CodeSuggestion;
import org.radassist.model.CodedConcept;
import org.radassist.model.DraftReport;
import org.radassist.model.Flag;
import org.radassist.model.ModelInfo;
import org.radassist.model.ModelJson;
import org.radassist.model.SectionKind;
import org.radassist.model.Sex;
import org.radassist.model.StructuredField;
import org.radassist.model.Suggestion;

/** The implementation of {@link DraftWire}. Thread-safe. */
public final class JsonDraftWire implements DraftWire {

  private final ObjectMapper mapper;
  private final JsonNodeFactory nodes = JsonNodeFactory.instance;

  /** A codec on a new {@link ModelJson} mapper. */
  public JsonDraftWire() {
    this(ModelJson.newMapper());
  }

  /** A codec on the given mapper, which must be configured like {@link ModelJson#newMapper()}. */
  public JsonDraftWire(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** The mapper this codec uses for model records. */
  @Override
  public ObjectMapper mapper() {
    return mapper;
  }

  // ---------------------------------------------------------------- request

  /** The request as the contract's JSON object. */
  @Override
  public ObjectNode requestTree(DraftRequest r) {
    ObjectNode o = nodes.objectNode();
    o.put("schema_version", r.schemaVersion());
    o.put("session", r.session());
    ObjectNode study = o.putObject("study");
    StudyInfo s = r.study();
    study.put("token", s.token());
    putIfNotNull(study, "modality", s.modality());
    putIfNotNull(study, "body_part", s.bodyPart());
    if (s.procedure() != null) {
      ObjectNode p = study.putObject("procedure");
      p.put("system", s.procedure().scheme());
      p.put("code", s.procedure().code());
      if (!s.procedure().meaning().isEmpty()) {
        p.put("display", s.procedure().meaning());
      }
    }
    putIfNotNull(study, "contrast", s.contrast());
    putIfNotNull(study, "laterality", s.laterality());
    ObjectNode patient = o.putObject("patient");
    if (r.patient().ageYears() != null) {
      patient.put("age_years", r.patient().ageYears());
    }
    if (r.patient().sex() != Sex.UNKNOWN) {
      patient.put("sex", r.patient().sex().name());
    }
    o.put("indication", r.indication());
    ArrayNode dictation = o.putArray("dictation");
    for (DictationChunk c : r.dictation()) {
      dictation.addObject().put("seq", c.seq()).put("final", c.isFinal()).put("text", c.text());
    }
    ArrayNode priors = o.putArray("priors");
    for (PriorSummary p : r.priors()) {
      priors
          .addObject()
          .put("token", p.token())
          .put("relative_days", p.relativeDays())
          .put("modality", p.modality())
          .put("findings", p.findings())
          .put("impression", p.impression());
    }
    ArrayNode ai = o.putArray("ai_results");
    for (AiResult a : r.aiResults()) {
      ObjectNode n = ai.addObject();
      putIfNotNull(n, "source", a.source());
      if (a.algorithm() != null) {
        ObjectNode alg = n.putObject("algorithm");
        alg.put("name", a.algorithm().name());
        alg.put("version", a.algorithm().version());
        if (!a.algorithm().parameters().isEmpty()) {
          ArrayNode params = alg.putArray("parameters");
          a.algorithm().parameters().forEach(params::add);
        }
      }
      n.put("finding", a.finding());
      if (a.sizeMm() != null) {
        n.put("size_mm", a.sizeMm());
      }
      putIfNotNull(n, "location", a.location());
      putIfNotNull(n, "composition", a.composition());
      if (a.confidence() != null) {
        n.put("confidence", a.confidence());
      }
      if (!a.attributes().isEmpty()) {
        ObjectNode attrs = n.putObject("attributes");
        new java.util.TreeMap<>(a.attributes()).forEach(attrs::put);
      }
    }
    ObjectNode template = o.putObject("template");
    template.put("id", r.template().id());
    ArrayNode sections = template.putArray("sections");
    r.template().sections().forEach(k -> sections.add(k.name()));
    ArrayNode tasks = o.putArray("tasks");
    // Contract order, not hash order: the same request always serialises to the same bytes.
    for (DraftTask t : DraftTask.values()) {
      if (r.tasks().contains(t)) {
        tasks.add(t.jsonName());
      }
    }
    ObjectNode style = o.putObject("style");
    new java.util.TreeMap<>(r.style()).forEach(style::put);
    return o;
  }

  /** The request body as the contract's JSON text (UTF-8 when written as bytes). */
  @Override
  public String writeRequest(DraftRequest r) {
    return write(requestTree(r));
  }

  /** Reads a request body; bytes must be UTF-8 JSON. */
  @Override
  public DraftRequest readRequest(byte[] body) {
    if (body == null || body.length == 0) {
      throw new WireFormatException("", "request body is empty");
    }
    return readRequest(parse(body));
  }

  /** Reads a request body from text. */
  @Override
  public DraftRequest readRequest(String body) {
    if (body == null || body.isBlank()) {
      throw new WireFormatException("", "request body is empty");
    }
    return readRequest(parse(body.getBytes(StandardCharsets.UTF_8)));
  }

  /** Reads a request from its JSON tree. */
  @Override
  public DraftRequest readRequest(JsonNode o) {
    requireObject(o, "");
    String schemaVersion = optText(o, "schema_version", "");
    if (schemaVersion != null && !schemaVersion.startsWith("1.")) {
      throw new WireFormatException(
          "schema_version",
          "unsupported schema version " + schemaVersion + " (this peer speaks 1.x)");
    }
    String session = reqText(o, "session", "");
    JsonNode st = requireObject(o.get("study"), "study");
    StudyInfo study =
        construct(
            "study",
            () ->
                new StudyInfo(
                    reqText(st, "token", "study."),
                    optText(st, "modality", "study."),
                    optText(st, "body_part", "study."),
                    readProcedure(st.get("procedure")),
                    optText(st, "contrast", "study."),
                    optText(st, "laterality", "study.")));
    PatientInfo patient = new PatientInfo(null, null);
    JsonNode pa = o.get("patient");
    if (present(pa)) {
      requireObject(pa, "patient");
      Integer age = optInt(pa, "age_years", "patient.");
      String sex = optText(pa, "sex", "patient.");
      Sex parsedSex = sex == null ? Sex.UNKNOWN : Sex.fromDicom(sex);
      if (sex != null && parsedSex == Sex.UNKNOWN && !sex.isBlank()) {
        throw new WireFormatException("patient.sex", "must be F, M or O, was \"" + sex + "\"");
      }
      patient = construct("patient", () -> new PatientInfo(age, parsedSex));
    }
    String indication = optText(o, "indication", "");
    List<DictationChunk> dictation = new ArrayList<>();
    JsonNode d = o.get("dictation");
    if (present(d)) {
      requireArray(d, "dictation");
      for (int i = 0; i < d.size(); i++) {
        String at = "dictation[" + i + "]";
        JsonNode c = requireObject(d.get(i), at);
        long seq = reqLong(c, "seq", at + ".");
        boolean fin = optBoolean(c, "final", at + ".", true);
        String text = reqTextAllowBlank(c, "text", at + ".");
        dictation.add(construct(at, () -> new DictationChunk(seq, fin, text)));
      }
    }
    List<PriorSummary> priors = new ArrayList<>();
    JsonNode p = o.get("priors");
    if (present(p)) {
      requireArray(p, "priors");
      for (int i = 0; i < p.size(); i++) {
        String at = "priors[" + i + "]";
        JsonNode n = requireObject(p.get(i), at);
        priors.add(
            construct(
                at,
                () ->
                    new PriorSummary(
                        reqText(n, "token", at + "."),
                        reqInt(n, "relative_days", at + "."),
                        optText(n, "modality", at + "."),
                        optText(n, "findings", at + "."),
                        optText(n, "impression", at + "."))));
      }
    }
    List<AiResult> aiResults = new ArrayList<>();
    JsonNode a = o.get("ai_results");
    if (present(a)) {
      requireArray(a, "ai_results");
      for (int i = 0; i < a.size(); i++) {
        aiResults.add(readAiResult(a.get(i), "ai_results[" + i + "]"));
      }
    }
    TemplateSpec template = TemplateSpec.DEFAULT;
    JsonNode t = o.get("template");
    if (present(t)) {
      requireObject(t, "template");
      String id = reqText(t, "id", "template.");
      List<SectionKind> sections = new ArrayList<>();
      JsonNode ss = t.get("sections");
      if (present(ss)) {
        requireArray(ss, "template.sections");
        for (int i = 0; i < ss.size(); i++) {
          sections.add(readSectionKind(ss.get(i), "template.sections[" + i + "]"));
        }
      }
      template = construct("template", () -> new TemplateSpec(id, sections));
    }
    Set<DraftTask> tasks = new LinkedHashSet<>();
    JsonNode ts = o.get("tasks");
    if (present(ts)) {
      requireArray(ts, "tasks");
      for (int i = 0; i < ts.size(); i++) {
        String at = "tasks[" + i + "]";
        JsonNode n = ts.get(i);
        if (!n.isTextual()) {
          throw new WireFormatException(at, "must be a string");
        }
        try {
          tasks.add(DraftTask.fromJson(n.asText()));
        } catch (IllegalArgumentException e) {
          throw new WireFormatException(at, "unknown task \"" + n.asText() + "\"");
        }
      }
    }
    Map<String, String> style = new LinkedHashMap<>();
    JsonNode sy = o.get("style");
    if (present(sy)) {
      requireObject(sy, "style");
      sy.fields()
          .forEachRemaining(
              e -> {
                if (!e.getValue().isNull()) {
                  if (e.getValue().isContainerNode()) {
                    throw new WireFormatException("style." + e.getKey(), "must be a scalar value");
                  }
                  style.put(e.getKey(), e.getValue().asText());
                }
              });
    }
    PatientInfo pat = patient;
    TemplateSpec tpl = template;
    return construct(
        "",
        () ->
            new DraftRequest(
                schemaVersion,
                session,
                study,
                pat,
                indication,
                dictation,
                priors,
                aiResults,
                tpl,
                tasks,
                style));
  }

  private CodedConcept readProcedure(JsonNode p) {
    if (!present(p)) {
      return null;
    }
    requireObject(p, "study.procedure");
    String system = reqText(p, "system", "study.procedure.");
    String code = reqText(p, "code", "study.procedure.");
    String display = optText(p, "display", "study.procedure.");
    return construct("study.procedure", () -> CodedConcept.of(code, system, display));
  }

  private AiResult readAiResult(JsonNode n, String at) {
    requireObject(n, at);
    AlgorithmIdentification algorithm = null;
    JsonNode alg = n.get("algorithm");
    if (present(alg)) {
      requireObject(alg, at + ".algorithm");
      List<String> params = new ArrayList<>();
      JsonNode ps = alg.get("parameters");
      if (present(ps)) {
        requireArray(ps, at + ".algorithm.parameters");
        ps.forEach(x -> params.add(x.asText()));
      }
      String name = reqText(alg, "name", at + ".algorithm.");
      String version = optText(alg, "version", at + ".algorithm.");
      algorithm =
          construct(at + ".algorithm", () -> new AlgorithmIdentification(name, version, params));
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    JsonNode attrs = n.get("attributes");
    if (present(attrs)) {
      requireObject(attrs, at + ".attributes");
      attrs.fields().forEachRemaining(e -> attributes.put(e.getKey(), e.getValue().asText()));
    }
    AlgorithmIdentification a = algorithm;
    return construct(
        at,
        () ->
            new AiResult(
                optText(n, "source", at + "."),
                a,
                reqText(n, "finding", at + "."),
                optDouble(n, "size_mm", at + "."),
                optText(n, "location", at + "."),
                optText(n, "composition", at + "."),
                optDouble(n, "confidence", at + "."),
                attributes));
  }

  private static SectionKind readSectionKind(JsonNode n, String at) {
    if (n == null || !n.isTextual()) {
      throw new WireFormatException(at, "must be a section name");
    }
    try {
      return SectionKind.fromJson(n.asText());
    } catch (IllegalArgumentException e) {
      throw new WireFormatException(at, "unknown section \"" + n.asText() + "\"");
    }
  }

  // ---------------------------------------------------------------- events

  /** The event as its SSE name and JSON data. */
  @Override
  public WireEvent encode(DraftEvent event) {
    return new WireEvent(event.name(), write(eventTree(event)));
  }

  /** The data object of an event. */
  @Override
  public ObjectNode eventTree(DraftEvent event) {
    ObjectNode o = nodes.objectNode();
    if (event instanceof DraftEvent.Started s) {
      o.put("draft_id", s.draftId());
      o.set("model", mapper.valueToTree(s.model()));
    } else if (event instanceof DraftEvent.SectionDelta d) {
      o.put("section", d.section().jsonName());
      o.put("text", d.text());
    } else if (event instanceof DraftEvent.SectionDone d) {
      o.put("section", d.section().jsonName());
      o.put("text", d.text());
      putIfNotNull(o, "sha256", d.sha256());
    } else if (event instanceof DraftEvent.Suggestions s) {
      o.set("impressions", mapper.valueToTree(s.impressions()));
      o.set("differentials", mapper.valueToTree(s.differentials()));
    } else if (event instanceof DraftEvent.StructuredFields f) {
      o.set("items", mapper.valueToTree(f.items()));
    } else if (event instanceof DraftEvent.Codes c) {
      o.set("items", mapper.valueToTree(c.items()));
    } else if (event instanceof DraftEvent.Flags f) {
      o.set("items", mapper.valueToTree(f.items()));
    } else if (event instanceof DraftEvent.Completed c) {
      o.put("draft_id", c.draftId());
      o.putObject("usage")
          .put("input_tokens", c.inputTokens())
          .put("output_tokens", c.outputTokens());
      o.putObject("timing").put("ttft_ms", c.ttftMillis()).put("total_ms", c.totalMillis());
      putIfNotNull(o, "response_sha256", c.responseSha256());
    } else if (event instanceof DraftEvent.Failed f) {
      o.put("code", f.code());
      o.put("retryable", f.retryable());
      putIfNotNull(o, "message", f.message());
    } else {
      throw new IllegalArgumentException("no wire form for " + event.getClass().getName());
    }
    return o;
  }

  /** Reads an event. */
  @Override
  public DraftEvent decode(WireEvent event) {
    return decode(event.name(), event.data());
  }

  /**
   * Reads an event from its SSE name and JSON data.
   *
   * @throws WireFormatException for an unknown event name or data that does not fit it
   */
  @Override
  public DraftEvent decode(String name, String data) {
    if (name == null) {
      throw new WireFormatException("event", "missing event name");
    }
    if (data == null || data.isBlank()) {
      throw new WireFormatException(name, "event data is empty");
    }
    JsonNode o = requireObject(parse(data.getBytes(StandardCharsets.UTF_8)), name);
    return switch (name) {
      case "draft.started" ->
          new DraftEvent.Started(
              reqText(o, "draft_id", ""), treeTo(o, "model", ModelInfo.class, true));
      case "section.delta" ->
          new DraftEvent.SectionDelta(
              readSectionKind(o.get("section"), "section"), reqTextAllowBlank(o, "text", ""));
      case "section.done" ->
          new DraftEvent.SectionDone(
              readSectionKind(o.get("section"), "section"),
              reqTextAllowBlank(o, "text", ""),
              optText(o, "sha256", ""));
      case "suggestions" ->
          new DraftEvent.Suggestions(
              listOf(o, "impressions", Suggestion.class),
              listOf(o, "differentials", Suggestion.class));
      case "structured_fields" ->
          new DraftEvent.StructuredFields(listOf(o, "items", StructuredField.class));
      case "codes" -> new DraftEvent.Codes(listOf(o, "items", CodeSuggestion.class));
      case "flags" -> new DraftEvent.Flags(listOf(o, "items", Flag.class));
      case "draft.completed" -> {
        JsonNode usage = o.path("usage");
        JsonNode timing = o.path("timing");
        yield new DraftEvent.Completed(
            reqText(o, "draft_id", ""),
            usage.path("input_tokens").asLong(0),
            usage.path("output_tokens").asLong(0),
            timing.path("ttft_ms").asLong(0),
            timing.path("total_ms").asLong(0),
            optText(o, "response_sha256", ""));
      }
      case "error" ->
          new DraftEvent.Failed(
              reqText(o, "code", ""),
              optBoolean(o, "retryable", "", false),
              optText(o, "message", ""));
      default -> throw new WireFormatException("event", "unknown event \"" + name + "\"");
    };
  }

  // ---------------------------------------------------------------- final object

  /**
   * The non-streaming response / {@code GET /v1/drafts/{id}} body: the draft as ModelJson maps it.
   */
  @Override
  public String writeReport(DraftReport report) {
    try {
      return mapper.writeValueAsString(report);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write draft " + report.draftId(), e);
    }
  }

  /** Reads a draft written by {@link #writeReport}. */
  @Override
  public DraftReport readReport(String json) {
    JsonNode o = requireObject(parse(json.getBytes(StandardCharsets.UTF_8)), "");
    try {
      return mapper.treeToValue(o, DraftReport.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new WireFormatException("", "not a draft report: " + rootMessage(e), e);
    }
  }

  // ---------------------------------------------------------------- helpers

  private JsonNode parse(byte[] bytes) {
    requireUtf8(bytes);
    try {
      JsonNode n =
          mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(bytes);
      if (n == null || n.isMissingNode()) {
        throw new WireFormatException("", "no JSON value");
      }
      return n;
    } catch (JsonProcessingException e) {
      throw new WireFormatException("", "malformed JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new WireFormatException("", "unreadable JSON: " + e.getMessage(), e);
    }
  }

  /** Refuses bytes that are not UTF-8 before the parser sees them (its message would be vaguer). */
  private static void requireUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
          .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes));
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new WireFormatException("", "not valid UTF-8", e);
    }
  }

  private String write(JsonNode n) {
    try {
      return mapper.writeValueAsString(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  private <T> T treeTo(JsonNode o, String key, Class<T> type, boolean required) {
    JsonNode n = o.get(key);
    if (!present(n)) {
      if (required) {
        throw new WireFormatException(key, "is required");
      }
      return null;
    }
    try {
      return mapper.treeToValue(n, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new WireFormatException(key, rootMessage(e), e);
    }
  }

  private <T> List<T> listOf(JsonNode o, String key, Class<T> type) {
    JsonNode n = o.get(key);
    if (!present(n)) {
      return List.of();
    }
    requireArray(n, key);
    List<T> out = new ArrayList<>(n.size());
    for (int i = 0; i < n.size(); i++) {
      try {
        out.add(mapper.treeToValue(n.get(i), type));
      } catch (JsonProcessingException | IllegalArgumentException e) {
        throw new WireFormatException(key + "[" + i + "]", rootMessage(e), e);
      }
    }
    return out;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t instanceof JsonProcessingException j ? j.getOriginalMessage() : t.getMessage();
    return m == null ? t.getClass().getSimpleName() : m;
  }

  private static <T> T construct(String at, java.util.function.Supplier<T> make) {
    try {
      return make.get();
    } catch (WireFormatException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new WireFormatException(at, e.getMessage(), e);
    }
  }

  private static boolean present(JsonNode n) {
    return n != null && !n.isNull() && !n.isMissingNode();
  }

  private static JsonNode requireObject(JsonNode n, String at) {
    if (n == null || !n.isObject()) {
      throw new WireFormatException(
          at, n == null || n.isNull() ? "is required" : "must be an object");
    }
    return n;
  }

  private static void requireArray(JsonNode n, String at) {
    if (!n.isArray()) {
      throw new WireFormatException(at, "must be an array");
    }
  }

  private static String reqText(JsonNode o, String key, String prefix) {
    String v = reqTextAllowBlank(o, key, prefix);
    if (v.isBlank()) {
      throw new WireFormatException(prefix + key, "must not be blank");
    }
    return v;
  }

  private static String reqTextAllowBlank(JsonNode o, String key, String prefix) {
    JsonNode n = o.get(key);
    if (!present(n)) {
      throw new WireFormatException(prefix + key, "is required");
    }
    if (!n.isTextual()) {
      throw new WireFormatException(prefix + key, "must be a string");
    }
    return n.asText();
  }

  private static String optText(JsonNode o, String key, String prefix) {
    JsonNode n = o.get(key);
    if (!present(n)) {
      return null;
    }
    if (!n.isTextual()) {
      throw new WireFormatException(prefix + key, "must be a string");
    }
    return n.asText();
  }

  private static long reqLong(JsonNode o, String key, String prefix) {
    JsonNode n = o.get(key);
    if (!present(n)) {
      throw new WireFormatException(prefix + key, "is required");
    }
    if (!n.isIntegralNumber() || !n.canConvertToLong()) {
      throw new WireFormatException(prefix + key, "must be an integer");
    }
    return n.asLong();
  }

  private static int reqInt(JsonNode o, String key, String prefix) {
    long v = reqLong(o, key, prefix);
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw new WireFormatException(prefix + key, "out of range");
    }
    return (int) v;
  }

  private static Integer optInt(JsonNode o, String key, String prefix) {
    JsonNode n = o.get(key);
    return present(n) ? reqInt(o, key, prefix) : null;
  }

  private static Double optDouble(JsonNode o, String key, String prefix) {
    JsonNode n = o.get(key);
    if (!present(n)) {
      return null;
    }
    if (!n.isNumber()) {
      throw new WireFormatException(prefix + key, "must be a number");
    }
    return n.asDouble();
  }

  private static boolean optBoolean(JsonNode o, String key, String prefix, boolean fallback) {
    JsonNode n = o.get(key);
    if (!present(n)) {
      return fallback;
    }
    if (!n.isBoolean()) {
      throw new WireFormatException(prefix + key, "must be true or false");
    }
    return n.asBoolean();
  }

  private static void putIfNotNull(ObjectNode o, String key, String value) {
    if (value != null) {
      o.put(key, value);
    }
  }
}
