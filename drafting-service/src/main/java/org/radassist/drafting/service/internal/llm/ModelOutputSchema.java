package org.radassist.drafting.service.internal.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.radassist.model.FlagType;
import org.radassist.model.ScoringSystem;
import org.radassist.model.SectionKind;
import org.radassist.model.Severity;

/**
 * The JSON Schema a model must answer in (sent as {@code response_format.json_schema}, strict) and
 * the reader that enforces the same constraints on what comes back: servers without constrained
 * decoding, or with a loose one, may still answer anything. Only the constructs this one schema
 * uses are checked (object with required keys and no others, string, number in [0, 1], enum, array
 * of objects), so no general JSON Schema library is needed.
 */
public final class ModelOutputSchema {
  static final List<String> SECTION_KEYS =
      List.of("clinical_history", "comparison", "findings", "impression");
  private static final Set<String> TOP_KEYS =
      Set.of("sections", "impressions", "differentials", "structured_fields", "codes", "flags");

  private final ObjectMapper mapper;
  private final ObjectNode schema;

  public ModelOutputSchema(ObjectMapper mapper) {
    this.mapper = mapper;
    this.schema = buildSchema();
  }

  /** The schema as sent to the model server. */
  public ObjectNode schema() {
    return schema.deepCopy();
  }

  private ObjectNode buildSchema() {
    ObjectNode root = object();
    ObjectNode props = (ObjectNode) root.get("properties");
    ObjectNode sections = object();
    for (String k : SECTION_KEYS) {
      ((ObjectNode) sections.get("properties")).putObject(k).put("type", "string");
      ((ArrayNode) sections.get("required")).add(k);
    }
    props.set("sections", sections);
    props.set("impressions", arrayOf(item()));
    props.set("differentials", arrayOf(item()));
    ObjectNode field = object();
    ObjectNode fp = (ObjectNode) field.get("properties");
    ArrayNode systems = fp.putObject("system").put("type", "string").putArray("enum");
    for (ScoringSystem s : ScoringSystem.values()) {
      systems.add(s.label());
    }
    fp.putObject("field").put("type", "string");
    fp.putObject("value").put("type", "string");
    fp.set("confidence", probability());
    required(field, "system", "field", "value", "confidence");
    props.set("structured_fields", arrayOf(field));
    ObjectNode code = object();
    ObjectNode cp = (ObjectNode) code.get("properties");
    cp.putObject("system").put("type", "string");
    cp.putObject("code").put("type", "string");
    cp.putObject("display").put("type", "string");
    required(code, "system", "code", "display");
    props.set("codes", arrayOf(code));
    ObjectNode flag = object();
    ObjectNode gp = (ObjectNode) flag.get("properties");
    ArrayNode types = gp.putObject("type").put("type", "string").putArray("enum");
    for (FlagType t : FlagType.values()) {
      if (!t.faithfulness()) { // the guard's verdicts are not the model's to give
        types.add(t.name());
      }
    }
    ArrayNode severities = gp.putObject("severity").put("type", "string").putArray("enum");
    for (Severity s : Severity.values()) {
      severities.add(s.name());
    }
    gp.putObject("message").put("type", "string");
    required(flag, "type", "severity", "message");
    props.set("flags", arrayOf(flag));
    for (String k : TOP_KEYS) {
      ((ArrayNode) root.get("required")).add(k);
    }
    return root;
  }

  private ObjectNode object() {
    ObjectNode o = mapper.createObjectNode();
    o.put("type", "object");
    o.putObject("properties");
    o.putArray("required");
    o.put("additionalProperties", false);
    return o;
  }

  private ObjectNode item() {
    ObjectNode o = object();
    ((ObjectNode) o.get("properties")).putObject("text").put("type", "string");
    ((ObjectNode) o.get("properties")).set("confidence", probability());
    required(o, "text", "confidence");
    return o;
  }

  private ObjectNode probability() {
    return mapper.createObjectNode().put("type", "number").put("minimum", 0).put("maximum", 1);
  }

  private ObjectNode arrayOf(ObjectNode items) {
    ObjectNode a = mapper.createObjectNode().put("type", "array");
    a.set("items", items);
    return a;
  }

  private static void required(ObjectNode o, String... keys) {
    for (String k : keys) {
      ((ArrayNode) o.get("required")).add(k);
    }
  }

  // ---------------------------------------------------------------- validation

  /** Parses and validates a model's answer. */
  public ModelOutput read(String content) throws ModelOutputException {
    JsonNode root;
    try {
      root = mapper.readTree(stripFence(content));
    } catch (JsonProcessingException e) {
      throw new ModelOutputException("model output is not JSON: " + e.getOriginalMessage(), e);
    }
    requireObject(root, "$", TOP_KEYS);
    JsonNode s = root.get("sections");
    requireObject(s, "$.sections", Set.copyOf(SECTION_KEYS));
    Map<SectionKind, String> sections = new EnumMap<>(SectionKind.class);
    for (String k : SECTION_KEYS) {
      sections.put(SectionKind.fromJson(k), text(s.get(k), "$.sections." + k));
    }
    List<ModelOutput.Item> impressions = items(root.get("impressions"), "$.impressions");
    List<ModelOutput.Item> differentials = items(root.get("differentials"), "$.differentials");
    List<ModelOutput.Field> fields = new ArrayList<>();
    JsonNode fs = array(root.get("structured_fields"), "$.structured_fields");
    for (int i = 0; i < fs.size(); i++) {
      String at = "$.structured_fields[" + i + "]";
      JsonNode f = fs.get(i);
      requireObject(f, at, Set.of("system", "field", "value", "confidence"));
      ScoringSystem system;
      try {
        system = ScoringSystem.fromLabel(text(f.get("system"), at + ".system"));
      } catch (IllegalArgumentException e) {
        throw new ModelOutputException(at + ".system: " + e.getMessage());
      }
      fields.add(
          new ModelOutput.Field(
              system,
              text(f.get("field"), at + ".field"),
              text(f.get("value"), at + ".value"),
              probability(f.get("confidence"), at + ".confidence")));
    }
    List<ModelOutput.Code> codes = new ArrayList<>();
    JsonNode cs = array(root.get("codes"), "$.codes");
    for (int i = 0; i < cs.size(); i++) {
      String at = "$.codes[" + i + "]";
      JsonNode c = cs.get(i);
      requireObject(c, at, Set.of("system", "code", "display"));
      codes.add(
          new ModelOutput.Code(
              text(c.get("system"), at + ".system"),
              text(c.get("code"), at + ".code"),
              text(c.get("display"), at + ".display")));
    }
    List<ModelOutput.ModelFlag> flags = new ArrayList<>();
    JsonNode gs = array(root.get("flags"), "$.flags");
    for (int i = 0; i < gs.size(); i++) {
      String at = "$.flags[" + i + "]";
      JsonNode g = gs.get(i);
      requireObject(g, at, Set.of("type", "severity", "message"));
      FlagType type = enumValue(FlagType.class, text(g.get("type"), at + ".type"), at + ".type");
      if (type.faithfulness()) {
        throw new ModelOutputException(
            at + ".type: \"" + type + "\" is the guard's, not the model's");
      }
      flags.add(
          new ModelOutput.ModelFlag(
              type,
              enumValue(
                  Severity.class, text(g.get("severity"), at + ".severity"), at + ".severity"),
              text(g.get("message"), at + ".message")));
    }
    return new ModelOutput(sections, impressions, differentials, fields, codes, flags);
  }

  /** Some servers wrap JSON in a Markdown fence even when asked not to. */
  private static String stripFence(String content) {
    String t = content.strip();
    if (t.startsWith("```")) {
      int nl = t.indexOf('\n');
      int end = t.lastIndexOf("```");
      if (nl > 0 && end > nl) {
        return t.substring(nl + 1, end);
      }
    }
    return t;
  }

  private List<ModelOutput.Item> items(JsonNode n, String at) throws ModelOutputException {
    JsonNode a = array(n, at);
    List<ModelOutput.Item> out = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      String p = at + "[" + i + "]";
      requireObject(a.get(i), p, Set.of("text", "confidence"));
      String text = text(a.get(i).get("text"), p + ".text");
      if (text.isBlank()) {
        throw new ModelOutputException(p + ".text: must not be blank");
      }
      out.add(
          new ModelOutput.Item(text, probability(a.get(i).get("confidence"), p + ".confidence")));
    }
    return out;
  }

  private static void requireObject(JsonNode n, String at, Set<String> keys)
      throws ModelOutputException {
    if (n == null || !n.isObject()) {
      throw new ModelOutputException(at + ": must be an object");
    }
    for (String k : keys) {
      if (!n.has(k)) {
        throw new ModelOutputException(at + "." + k + ": is required");
      }
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!keys.contains(k)) {
        throw new ModelOutputException(at + "." + k + ": is not allowed");
      }
    }
  }

  private static JsonNode array(JsonNode n, String at) throws ModelOutputException {
    if (n == null || !n.isArray()) {
      throw new ModelOutputException(at + ": must be an array");
    }
    return n;
  }

  private static String text(JsonNode n, String at) throws ModelOutputException {
    if (n == null || !n.isTextual()) {
      throw new ModelOutputException(at + ": must be a string");
    }
    return n.asText();
  }

  private static double probability(JsonNode n, String at) throws ModelOutputException {
    if (n == null || !n.isNumber()) {
      throw new ModelOutputException(at + ": must be a number");
    }
    double v = n.asDouble();
    if (!(v >= 0 && v <= 1)) {
      throw new ModelOutputException(at + ": must be within [0, 1], was " + v);
    }
    return v;
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String at)
      throws ModelOutputException {
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ModelOutputException(at + ": unknown value \"" + value + "\"");
    }
  }
}
