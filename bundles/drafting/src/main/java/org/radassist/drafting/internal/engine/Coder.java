package org.radassist.drafting.internal.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.radassist.drafting.StudyInfo;
import org.radassist.model.CodeSuggestion;
import org.radassist.model.Evidence;

/**
 * Code suggestions from the code tables: RadLex and ICD-10-CM for positive findings (ICD-10-CM only
 * for findings stated as present: uncertain diagnoses are not coded), CPT for the procedure. Every
 * suggestion is PENDING until the radiologist approves it.
 */
final class Coder {
  private static final String CPT = "http://www.ama-assn.org/go/cpt";
  private static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
  private final EngineTables tables;

  Coder(EngineTables tables) {
    this.tables = tables;
  }

  List<CodeSuggestion> codes(Report report) {
    Map<String, CodeSuggestion> out = new LinkedHashMap<>();
    procedure(report).ifPresent(c -> out.put(c.system() + "|" + c.code(), c));
    for (TextAnalyzer.Section s : report.dictatedBody()) {
      for (TextAnalyzer.Mention m : s.mentions) {
        if (!m.positive()) {
          continue;
        }
        for (EngineTables.Code c :
            tables.findingCodes().getOrDefault(m.concept().id(), List.of())) {
          boolean uncertain = m.certainty() == Certainty.UNCERTAIN;
          if (uncertain && c.system().equals(ICD10CM)) {
            continue;
          }
          if (!c.organs().isEmpty() && !c.organs().contains(organOf(report, s, m))) {
            continue;
          }
          String key = c.system() + "|" + c.code();
          if (out.containsKey(key)) {
            continue;
          }
          out.put(
              key,
              new CodeSuggestion(
                  c.system(),
                  c.code(),
                  c.display(),
                  List.of(s.evidence(m.start(), m.end())),
                  uncertain ? 0.5 : 0.8,
                  (uncertain ? "uncertain " : "")
                      + m.concept().display().toLowerCase(Locale.ROOT)
                      + " in the "
                      + s.kind.title().toLowerCase(Locale.ROOT),
                  null));
        }
      }
    }
    return new ArrayList<>(out.values());
  }

  /** The organ the lesion frames give a mention ("" when no frame covers it). */
  private static String organOf(Report report, TextAnalyzer.Section s, TextAnalyzer.Mention m) {
    List<org.radassist.drafting.internal.engine.frames.LesionFrame> frames =
        s == report.findings()
            ? report.findingFrames
            : s == report.dictatedImpression() ? report.impressionFrames : List.of();
    for (var f : frames) {
      if (f.start() < m.end() && m.start() < f.end()) {
        return f.organ();
      }
    }
    return "";
  }

  private java.util.Optional<CodeSuggestion> procedure(Report report) {
    StudyInfo study = report.request.study();
    if (study.procedure() != null && study.procedure().scheme().equals(CPT)) {
      return java.util.Optional.of(
          new CodeSuggestion(
              CPT,
              study.procedure().code(),
              study.procedure().meaning(),
              List.of(),
              0.95,
              "procedure code of the order",
              null));
    }
    String modality = report.modality();
    String body = report.bodyPart().replace(' ', '_');
    String context = report.contextText();
    String contrast = study.contrast() == null ? "" : study.contrast().toLowerCase(Locale.ROOT);
    Integer views = views(context);
    boolean screening = context.contains("screening");
    EngineTables.ProcedureCode best = null;
    for (EngineTables.ProcedureCode p : tables.procedureCodes()) {
      if (!p.modalities().contains(modality) || !p.bodyPart().equalsIgnoreCase(body)) {
        continue;
      }
      if (p.views() != null && !p.views().equals(views)) {
        continue;
      }
      if (p.screening() && !screening) {
        continue;
      }
      if (!p.screening() && screening && modality.equals("CT")) {
        continue;
      }
      if (p.contrast() != null && !screening && !contrastMatches(p.contrast(), contrast)) {
        continue;
      }
      best = p;
      break;
    }
    if (best == null) {
      return java.util.Optional.empty();
    }
    String reason =
        "modality "
            + modality
            + ", body part "
            + body
            + (views == null ? "" : ", " + views + " view" + (views == 1 ? "" : "s"))
            + (screening ? ", screening" : contrast.isEmpty() ? "" : ", contrast " + contrast);
    return java.util.Optional.of(
        new CodeSuggestion(
            CPT, best.code(), best.display(), List.<Evidence>of(), 0.7, reason, null));
  }

  private static boolean contrastMatches(String table, String study) {
    return switch (table) {
      case "none" -> study.isEmpty() || study.equals("none") || study.equals("without");
      case "with" -> study.equals("with") || study.equals("iv");
      case "without_and_with" ->
          study.contains("without") && study.contains("with ") || study.equals("without_and_with");
      default -> false;
    };
  }

  private static final Pattern TWO_VIEWS =
      Pattern.compile(
          "\\b(?:pa and lateral|frontal and lateral|2 views|two views|ap and lateral)\\b");
  private static final Pattern THREE_VIEWS = Pattern.compile("\\b(?:3 views|three views)\\b");
  private static final Pattern FOUR_VIEWS = Pattern.compile("\\b(?:4 views|four views)\\b");
  private static final Pattern ONE_VIEW =
      Pattern.compile("\\b(?:single view|1 view|one view|portable|ap view|single frontal)\\b");

  /** Views of a radiograph as the report states them ("PA and lateral", "2 views", "portable"). */
  private static Integer views(String context) {
    if (TWO_VIEWS.matcher(context).find()) {
      return 2;
    }
    if (THREE_VIEWS.matcher(context).find()) {
      return 3;
    }
    if (FOUR_VIEWS.matcher(context).find()) {
      return 4;
    }
    if (ONE_VIEW.matcher(context).find()) {
      return 1;
    }
    return null;
  }
}
