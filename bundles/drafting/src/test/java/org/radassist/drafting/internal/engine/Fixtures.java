package org.radassist.drafting.internal.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.radassist.drafting.AiResult;
import org.radassist.drafting.DictationChunk;
import org.radassist.drafting.DraftRequest;
import org.radassist.drafting.PatientInfo;
import org.radassist.drafting.PriorSummary;
import org.radassist.drafting.StudyInfo;
import org.radassist.drafting.TemplateSpec;
import org.radassist.model.CodeSuggestion;
import org.radassist.model.Flag;
import org.radassist.model.FlagType;
import org.radassist.model.ScoringSystem;
import org.radassist.model.Sex;
import org.radassist.model.StructuredField;

/** Requests and shared-data paths for the engine tests. */
final class Fixtures {
  private Fixtures() {}

  /** shared/ as the build sets it (radassist.shared), else /work/shared. */
  static Path shared() {
    String p = System.getProperty("radassist.shared");
    if (p != null && Files.isDirectory(Path.of(p))) {
      return Path.of(p);
    }
    return Path.of("/work/shared");
  }

  static Path templates() {
    return shared().resolve("data/reports/templates");
  }

  static Builder request(String dictation) {
    return new Builder(dictation);
  }

  /** A dictation of a findings section and an impression. */
  static Builder report(String findings, String impression) {
    return request("Findings: " + findings + "\nImpression: " + impression);
  }

  static final class Builder {
    private final String dictation;
    private String modality;
    private String bodyPart;
    private String laterality;
    private Integer age;
    private Sex sex;
    private String indication;
    private List<PriorSummary> priors = List.of();
    private List<AiResult> ai = List.of();
    private TemplateSpec template;
    private Map<String, String> style = Map.of();

    Builder(String dictation) {
      this.dictation = dictation;
    }

    Builder ct() {
      modality = "CT";
      bodyPart = "CHEST";
      return this;
    }

    Builder modality(String m, String body) {
      modality = m;
      bodyPart = body;
      return this;
    }

    Builder laterality(String l) {
      laterality = l;
      return this;
    }

    Builder patient(Integer a, Sex s) {
      age = a;
      sex = s;
      return this;
    }

    Builder indication(String i) {
      indication = i;
      return this;
    }

    Builder priors(PriorSummary... p) {
      priors = List.of(p);
      return this;
    }

    Builder ai(AiResult... a) {
      ai = List.of(a);
      return this;
    }

    Builder template(TemplateSpec t) {
      template = t;
      return this;
    }

    Builder style(Map<String, String> s) {
      style = s;
      return this;
    }

    DraftRequest build() {
      return new DraftRequest(
          null,
          "test-session",
          new StudyInfo("st-test", modality, bodyPart, null, null, laterality),
          new PatientInfo(age, sex),
          indication,
          List.of(new DictationChunk(1, true, dictation)),
          priors,
          ai,
          template,
          null,
          style);
    }
  }

  /** The value of one structured field of the draft, or null. */
  static String field(DraftOutcome o, ScoringSystem system, String name) {
    return o.structuredFields().stream()
        .filter(f -> f.system() == system && f.field().equals(name))
        .map(StructuredField::value)
        .findFirst()
        .orElse(null);
  }

  /** The types of the draft's flags, in order. */
  static List<FlagType> flagTypes(DraftOutcome o) {
    return o.flags().stream().map(Flag::type).toList();
  }

  /** The draft's suggested codes. */
  static List<String> codeValues(DraftOutcome o) {
    return o.codes().stream().map(CodeSuggestion::code).toList();
  }

  /**
   * Whether the draft of a dictation (a literal "\\n" read as a line break, as CSV sources write
   * it) on the modality and body part raises a flag of the type.
   */
  static boolean raised(
      RulesEngine engine, String modality, String body, String dictation, FlagType type) {
    return engine
        .draft(request(dictation.replace("\\n", "\n")).modality(modality, body).build())
        .flags()
        .stream()
        .anyMatch(f -> f.type() == type);
  }

  /** The flag types of a findings-and-impression draft on the modality and body part. */
  static List<FlagType> flagTypes(
      RulesEngine engine,
      String modality,
      String body,
      String indication,
      String findings,
      String impression) {
    return flagTypes(
        engine.draft(
            report(findings, impression).modality(modality, body).indication(indication).build()));
  }

  /**
   * Whether a findings-and-impression draft for a patient of the age raises
   * FINDING_NOT_IN_IMPRESSION.
   */
  static boolean omitted(
      RulesEngine engine,
      String modality,
      String body,
      int age,
      String findings,
      String impression) {
    return flagTypes(
            engine.draft(
                report(findings, impression).modality(modality, body).patient(age, null).build()))
        .contains(FlagType.FINDING_NOT_IN_IMPRESSION);
  }
}
