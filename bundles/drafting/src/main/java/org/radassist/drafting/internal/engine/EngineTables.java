package org.radassist.drafting.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.radassist.model.CriticalCategory;
import org.radassist.model.ModelJson;

/**
 * The engine's configurable tables: lexicon, finding concepts, finding -> differentials, critical
 * terms by ACR category, and code tables. Each is a JSON resource of this bundle that a file path
 * in the configuration replaces (a department's own list).
 */
public record EngineTables(
    Map<String, String> phrases,
    Map<String, String> spokenPunctuation,
    List<Concept> concepts,
    List<String> femaleOnlyTerms,
    List<String> maleOnlyTerms,
    Map<String, List<Differential>> differentials,
    Map<CriticalCategory, CriticalPolicy> criticalPolicies,
    List<CriticalTerm> criticalTerms,
    List<StructuredCritical> structuredCritical,
    Map<String, List<Code>> findingCodes,
    List<ProcedureCode> procedureCodes) {

  /** A finding concept. {@code label} is its CheXpert-style label, or null. */
  public record Concept(
      String id, String display, List<String> terms, boolean significant, int rank, String label) {}

  public record Differential(String text, double weight, String reason) {}

  public record CriticalPolicy(Duration timeFrame, String method, List<String> communication) {}

  public record CriticalTerm(String term, CriticalCategory category) {}

  public record StructuredCritical(
      String system, List<String> categories, CriticalCategory category) {}

  /**
   * A finding's code; {@code organs}, when not empty, limits it to mentions the lesion frames place
   * in one of those organs ("" = not placed): "scar" is pulmonary fibrosis only in the lung.
   */
  public record Code(String system, String code, String display, List<String> organs) {
    public Code {
      organs = organs == null ? List.of() : List.copyOf(organs);
    }
  }

  public record ProcedureCode(
      List<String> modalities,
      String bodyPart,
      Integer views,
      String contrast,
      boolean screening,
      String code,
      String display) {}

  /** Where to read each table from; null means the bundled default. */
  public record Paths(Path lexicon, Path findings, Path differentials, Path critical, Path codes) {
    public static final Paths DEFAULTS = new Paths(null, null, null, null, null);
  }

  public static EngineTables defaults() {
    return load(Paths.DEFAULTS);
  }

  /**
   * Reads the tables.
   *
   * @throws IllegalArgumentException naming the table file and what is wrong with it
   */
  public static EngineTables load(Paths paths) {
    ObjectMapper json = ModelJson.newMapper();
    JsonNode lexicon = read(json, paths.lexicon(), "lexicon.json");
    JsonNode findings = read(json, paths.findings(), "findings.json");
    JsonNode differentials = read(json, paths.differentials(), "differentials.json");
    JsonNode critical = read(json, paths.critical(), "critical.json");
    JsonNode codes = read(json, paths.codes(), "codes.json");

    List<Concept> concepts = new ArrayList<>();
    for (JsonNode c : findings.path("concepts")) {
      concepts.add(
          new Concept(
              text(c, "id", "findings"),
              c.path("display").asText(c.path("id").asText()),
              strings(c.path("terms")),
              c.path("significant").asBoolean(true),
              c.path("rank").asInt(0),
              c.hasNonNull("label") ? c.get("label").asText() : null));
    }
    Map<String, List<Differential>> diffs = new LinkedHashMap<>();
    differentials
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getKey().startsWith("_")) {
                return;
              }
              List<Differential> list = new ArrayList<>();
              for (JsonNode d : e.getValue()) {
                list.add(
                    new Differential(
                        text(d, "text", "differentials"),
                        d.path("weight").asDouble(0.5),
                        d.path("reason").asText("listed for " + e.getKey())));
              }
              diffs.put(e.getKey(), List.copyOf(list));
            });
    Map<CriticalCategory, CriticalPolicy> policies = new EnumMap<>(CriticalCategory.class);
    critical
        .path("categories")
        .fields()
        .forEachRemaining(
            e -> {
              CriticalCategory cat = category(e.getKey());
              JsonNode p = e.getValue();
              policies.put(
                  cat,
                  new CriticalPolicy(
                      p.hasNonNull("time_frame")
                          ? Duration.parse(p.get("time_frame").asText())
                          : cat.defaultTimeFrame(),
                      p.path("method").asText(""),
                      strings(p.path("communication"))));
            });
    for (CriticalCategory c : CriticalCategory.values()) {
      policies.putIfAbsent(
          c, new CriticalPolicy(c.defaultTimeFrame(), "", List.of("who", "when", "how")));
    }
    List<CriticalTerm> terms = new ArrayList<>();
    for (JsonNode t : critical.path("terms")) {
      terms.add(
          new CriticalTerm(text(t, "term", "critical"), category(t.path("category").asText())));
    }
    List<StructuredCritical> structured = new ArrayList<>();
    for (JsonNode s : critical.path("structured")) {
      structured.add(
          new StructuredCritical(
              text(s, "system", "critical"),
              strings(s.path("categories")),
              category(s.path("category").asText())));
    }
    Map<String, String> systems = new LinkedHashMap<>();
    codes
        .path("systems")
        .fields()
        .forEachRemaining(e -> systems.put(e.getKey(), e.getValue().asText()));
    Map<String, List<Code>> findingCodes = new LinkedHashMap<>();
    codes
        .path("findings")
        .fields()
        .forEachRemaining(
            e -> {
              List<Code> list = new ArrayList<>();
              for (JsonNode c : e.getValue()) {
                String sys = text(c, "system", "codes");
                List<String> organs = new ArrayList<>();
                c.path("organs").forEach(o -> organs.add(o.asText()));
                list.add(
                    new Code(
                        systems.getOrDefault(sys, sys),
                        text(c, "code", "codes"),
                        c.path("display").asText(""),
                        organs));
              }
              findingCodes.put(e.getKey(), List.copyOf(list));
            });
    List<ProcedureCode> procedures = new ArrayList<>();
    for (JsonNode p : codes.path("procedures")) {
      procedures.add(
          new ProcedureCode(
              strings(p.path("modality")),
              p.path("body_part").asText(""),
              p.hasNonNull("views") ? p.get("views").asInt() : null,
              p.hasNonNull("contrast") ? p.get("contrast").asText() : null,
              p.path("screening").asBoolean(false),
              text(p, "code", "codes"),
              p.path("display").asText("")));
    }
    return new EngineTables(
        stringMap(lexicon.path("phrases")),
        stringMap(lexicon.path("spoken_punctuation")),
        List.copyOf(concepts),
        strings(findings.path("female_only_terms")),
        strings(findings.path("male_only_terms")),
        Map.copyOf(diffs),
        Map.copyOf(policies),
        List.copyOf(terms),
        List.copyOf(structured),
        Map.copyOf(findingCodes),
        List.copyOf(procedures));
  }

  private static JsonNode read(ObjectMapper json, Path path, String resource) {
    try {
      if (path != null) {
        if (!Files.isRegularFile(path)) {
          throw new IllegalArgumentException(path + ": table file not found");
        }
        return json.readTree(path.toFile());
      }
      try (InputStream in = EngineTables.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("bundled table " + resource + " is missing");
        }
        return json.readTree(in);
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(
          (path == null ? resource : path.toString())
              + ": not a readable JSON table: "
              + e.getMessage(),
          e);
    }
  }

  private static String text(JsonNode n, String key, String table) {
    JsonNode v = n.get(key);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw new IllegalArgumentException(table + " table: an entry lacks \"" + key + "\": " + n);
    }
    return v.asText();
  }

  private static CriticalCategory category(String number) {
    return switch (number.trim()) {
      case "1" -> CriticalCategory.CATEGORY_1;
      case "2" -> CriticalCategory.CATEGORY_2;
      case "3" -> CriticalCategory.CATEGORY_3;
      default ->
          throw new IllegalArgumentException(
              "critical table: category must be 1, 2 or 3, was \"" + number + "\"");
    };
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array.isTextual()) {
      out.add(array.asText());
    }
    for (JsonNode s : array) {
      out.add(s.asText());
    }
    return List.copyOf(out);
  }

  private static Map<String, String> stringMap(JsonNode object) {
    Map<String, String> out = new LinkedHashMap<>();
    object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return java.util.Collections.unmodifiableMap(out);
  }
}
