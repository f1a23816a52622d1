package org.radassist.cli.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.radassist.drafting.DictationChunk;
import org.radassist.drafting.DraftRequest;
import org.radassist.drafting.PriorSummary;
import org.radassist.model.CodedConcept;
import org.radassist.model.FlagType;
import org.radassist.model.ScoringSystem;
import org.radassist.model.Sex;
import org.radassist.model.StudyContext;

/**
 * One dictation of the evaluation corpus with what the published tables say the draft must hold
 * (format: docs/drafting.md, "Evaluation corpus").
 *
 * @param expect expected field values by key: a system's label ("Lung-RADS") for its main field, or
 *     "Lung-RADS.management" for another field; the value as the engine writes it, or {@code
 *     incomplete} for a field that must be offered but name what it lacks
 * @param absentSystems systems that must not be offered at all
 */
public record EvalCase(
    String id,
    String rule,
    String modality,
    String bodyPart,
    String context,
    String indication,
    Integer age,
    Sex sex,
    List<PriorSummary> priors,
    String dictation,
    Map<String, String> expect,
    Set<FlagType> flags,
    Set<ScoringSystem> absentSystems,
    Set<FlagType> absentFlags) {

  static final String CPT = "http://www.ama-assn.org/go/cpt";

  /** The main field of each system: what "Lung-RADS": "3" refers to. */
  public static String mainField(ScoringSystem system) {
    return switch (system) {
      case FLEISCHNER -> "recommendation";
      case BI_RADS -> "assessment";
      default -> "category";
    };
  }

  /** The study date the corpus' relative days and ages count from. */
  static final java.time.LocalDate STUDY_DATE = java.time.LocalDate.of(2026, 1, 15);

  /** The request a radiologist's workstation would send for this case. */
  public DraftRequest request() {
    return request(org.radassist.drafting.request.DraftRequestFactory.newSession());
  }

  /**
   * The request through the one request factory, as a workstation builds it: the case's study (age
   * as a birth date that many years before the study), its priors (dates from their relative days)
   * and, for screening, the procedure code that names the exam context.
   */
  public DraftRequest request(org.radassist.drafting.request.DraftRequestFactory factory) {
    CodedConcept procedure = null;
    if (context.equals("screening") && modality.equals("CT") && bodyPart.equals("CHEST")) {
      procedure = CodedConcept.of("71271", CPT, "CT thorax, low dose for lung cancer screening");
    } else if (context.equals("screening") && modality.equals("MG")) {
      procedure = CodedConcept.of("77067", CPT, "Screening mammography, bilateral");
    }
    StudyContext study =
        new StudyContext(
            "case-" + id,
            null,
            null,
            null,
            null,
            age == null ? null : STUDY_DATE.minusYears(age),
            sex,
            modality == null || modality.isBlank() ? List.of() : List.of(modality),
            bodyPart,
            STUDY_DATE,
            null);
    List<org.radassist.drafting.request.PriorStudy> earlier = new java.util.ArrayList<>();
    for (int i = 0; i < priors.size(); i++) {
      PriorSummary p = priors.get(i);
      earlier.add(
          new org.radassist.drafting.request.PriorStudy(
              new StudyContext(
                  "case-" + id + "-prior-" + i,
                  null,
                  null,
                  null,
                  null,
                  null,
                  sex,
                  p.modality() == null ? List.of() : List.of(p.modality()),
                  bodyPart,
                  STUDY_DATE.plusDays(p.relativeDays()),
                  null),
              p.findings(),
              p.impression()));
    }
    return factory.request(
        study,
        new org.radassist.drafting.request.RequestContent(
            indication,
            List.of(new DictationChunk(1, true, dictation)),
            earlier,
            null,
            null,
            null,
            null,
            procedure));
  }

  /** Parses one JSON line; a bad one is an IllegalArgumentException saying which field and why. */
  static EvalCase parse(ObjectMapper mapper, String line) {
    JsonNode n;
    try {
      n = mapper.readTree(line);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
    }
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException("expected one JSON object per line");
    }
    String id = text(n, "id", true);
    String modality = text(n, "modality", true).toUpperCase(Locale.ROOT);
    String bodyPart = text(n, "body_part", true).toUpperCase(Locale.ROOT);
    String context = text(n, "context", true).toLowerCase(Locale.ROOT);
    if (!Set.of("screening", "incidental", "diagnostic", "surveillance").contains(context)) {
      throw new IllegalArgumentException(
          id
              + ": context must be screening, incidental, diagnostic or surveillance, was "
              + context);
    }
    Integer age = n.hasNonNull("age") ? n.get("age").asInt() : null;
    Sex sex = n.hasNonNull("sex") ? Sex.fromDicom(n.get("sex").asText()) : Sex.UNKNOWN;
    List<PriorSummary> priors = new ArrayList<>();
    int k = 0;
    for (JsonNode p : n.path("priors")) {
      if (!p.has("days") || !p.get("days").canConvertToInt()) {
        throw new IllegalArgumentException(id + ": priors[" + k + "].days must be a whole number");
      }
      priors.add(
          new PriorSummary(
              "prior-" + k,
              p.get("days").asInt(),
              p.path("modality").asText(modality),
              p.path("findings").asText(""),
              p.path("impression").asText("")));
      k++;
    }
    String dictation = text(n, "dictation", true);
    Map<String, String> expect = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = n.path("expect").fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      ScoringSystem system =
          system(id, key.contains(".") ? key.substring(0, key.indexOf('.')) : key);
      String field = key.contains(".") ? key.substring(key.indexOf('.') + 1) : "";
      expect.put(
          field.isEmpty() ? system.label() : system.label() + "." + field, e.getValue().asText());
    }
    Set<FlagType> flags = flagTypes(id, n.path("flags"));
    JsonNode absent = n.path("absent");
    Set<ScoringSystem> absentSystems = new LinkedHashSet<>();
    for (JsonNode s : absent.path("systems")) {
      absentSystems.add(system(id, s.asText()));
    }
    Set<FlagType> absentFlags = flagTypes(id, absent.path("flags"));
    for (ScoringSystem s : absentSystems) {
      if (expect.containsKey(s.label())) {
        throw new IllegalArgumentException(id + ": " + s.label() + " is both expected and absent");
      }
    }
    for (FlagType f : absentFlags) {
      if (flags.contains(f)) {
        throw new IllegalArgumentException(id + ": " + f + " is both expected and absent");
      }
    }
    return new EvalCase(
        id,
        n.path("rule").asText(""),
        modality,
        bodyPart,
        context,
        n.path("indication").asText(""),
        age,
        sex,
        priors,
        dictation,
        expect,
        flags,
        absentSystems,
        absentFlags);
  }

  private static String text(JsonNode n, String field, boolean required) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull() || v.asText().isBlank()) {
      if (required) {
        String id = n.path("id").asText("(no id)");
        throw new IllegalArgumentException(id + ": field \"" + field + "\" is required");
      }
      return "";
    }
    return v.asText();
  }

  private static ScoringSystem system(String id, String label) {
    try {
      return ScoringSystem.fromLabel(label);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(id + ": unknown scoring system \"" + label + "\"");
    }
  }

  private static Set<FlagType> flagTypes(String id, JsonNode array) {
    Set<FlagType> out = new LinkedHashSet<>();
    for (JsonNode f : array) {
      try {
        out.add(FlagType.valueOf(f.asText()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(id + ": unknown flag type \"" + f.asText() + "\"");
      }
    }
    return out;
  }
}
