package org.radassist.drafting.internal.engine;

import static org.radassist.drafting.internal.engine.ExtractorSupport.isPriorSize;
import static org.radassist.drafting.internal.engine.ExtractorSupport.priorIntervalMonths;
import static org.radassist.drafting.internal.engine.FleischnerNoduleScope.followUpComplete;
import static org.radassist.drafting.internal.engine.FleischnerNoduleScope.unplacedOutsideChest;
import static org.radassist.drafting.internal.engine.LungNoduleApplicability.lungApplicability;
import static org.radassist.drafting.internal.engine.LungRadsAssessor.lungRadsFields;
import static org.radassist.drafting.internal.engine.LungRadsIncompleteScreen.PRIOR_PENDING;
import static org.radassist.drafting.internal.engine.LungRadsIncompleteScreen.incompleteFields;
import static org.radassist.drafting.internal.engine.LungRadsIncompleteScreen.incompleteScreen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.radassist.drafting.AiResult;
import org.radassist.drafting.PriorSummary;
import org.radassist.drafting.internal.engine.ExtractorSupport.Found;
import org.radassist.drafting.internal.engine.LungNoduleApplicability.Applicability;
import org.radassist.drafting.internal.engine.StructuredExtractor.Result;
import org.radassist.drafting.internal.engine.frames.Change;
import org.radassist.drafting.internal.engine.frames.LesionFrame;
import org.radassist.drafting.internal.engine.frames.Measurement;
import org.radassist.drafting.internal.rules.Assessment;
import org.radassist.drafting.internal.rules.LungRads;
import org.radassist.drafting.internal.rules.Millimetres;
import org.radassist.model.Evidence;
import org.radassist.model.Flag;
import org.radassist.model.FlagType;
import org.radassist.model.Severity;

/**
 * Reads lung nodules (dictated and AI-measured) into Lung-RADS and Fleischner fields, and checks
 * the dictated category, management and sizes against them.
 */
final class LungNoduleReader {

  private final FleischnerAssessor fleischner = new FleischnerAssessor();

  private static final Pattern PRIOR_LUNG_RADS =
      Pattern.compile(
          "(?:previously|prior|was)\\s+lung-rads\\s*(?:category\\s*)?([0-4][abx]?)",
          Pattern.CASE_INSENSITIVE);

  /** A nodule said to be gone: "the previously seen 9 mm nodule has resolved". */
  private static final Pattern NODULE_RESOLVED =
      Pattern.compile(
          "\\bnodul\\w*\\b[^.;]{0,60}?\\b(?:(?:has|have|had)\\s+(?:since\\s+)?resolved"
              + "|(?:is|are)\\s+no longer (?:seen|visible|present)|(?:has|have)\\s+disappeared)\\b",
          Pattern.CASE_INSENSITIVE);

  /** The findings say a nodule of the prior screen has resolved. */
  private static boolean anotherNoduleResolved(TextAnalyzer.Section f) {
    return f != null && NODULE_RESOLVED.matcher(f.text).find();
  }

  record Nodule(
      LungRads.NoduleType type,
      Double meanMm,
      Double solidMm,
      LungRads.Status status,
      boolean benign,
      boolean juxtapleural,
      boolean suspicious,
      String priorCategory,
      List<Evidence> evidence,
      List<String> missing,
      String source,
      String reasonNote,
      LesionFrame frame,
      Assessment fixed) {
    /** A nodule whose category its kind decides (airway nodule, atypical cyst): no type needed. */
    Nodule(
        LungRads.NoduleType type,
        Double meanMm,
        Double solidMm,
        LungRads.Status status,
        boolean benign,
        boolean juxtapleural,
        boolean suspicious,
        String priorCategory,
        List<Evidence> evidence,
        List<String> missing,
        String source,
        String reasonNote,
        LesionFrame frame) {
      this(
          type,
          meanMm,
          solidMm,
          status,
          benign,
          juxtapleural,
          suspicious,
          priorCategory,
          evidence,
          missing,
          source,
          reasonNote,
          frame,
          null);
    }
  }

  void lungNodules(Report report, Result r) {
    TextAnalyzer.Section f = report.findings();
    List<Nodule> nodules = new ArrayList<>();
    List<LesionFrame> textFrames = new ArrayList<>();
    boolean negatedNodules = false;
    Evidence negatedEvidence = null;
    if (f != null) {
      for (LesionFrame fr : report.findingFrames) {
        if (isLungCyst(fr)) {
          Nodule cyst = fr.assertion().positive() ? cystNodule(report, f, fr) : null;
          if (cyst != null) {
            nodules.add(cyst); // atypical cysts only: thin-walled unilocular ones stay out
          }
          continue;
        }
        if (!isLungNodule(fr)) {
          continue;
        }
        if (!fr.assertion().positive() || deniesMoreNodules(f, fr)) {
          negatedNodules |= fr.assertion().negated() || fr.assertion().positive();
          negatedEvidence = f.evidence(fr.sentenceStart(), fr.sentenceEnd());
          continue;
        }
        textFrames.addAll(eachNodule(fr));
      }
    }
    if (f != null) {
      textFrames = withoutListHeads(f, textFrames);
    }
    // an AI result of the same lesion completes the dictated frame; others are nodules of their own
    List<LesionFrame> aiOnly = new ArrayList<>();
    List<LesionFrame> completions =
        new ArrayList<>(java.util.Collections.nCopies(textFrames.size(), null));
    for (LesionFrame ai : report.aiFrames) {
      if (!isLungNodule(ai)) {
        continue;
      }
      int match = sameLesion(textFrames, ai);
      if (match >= 0 && completions.get(match) == null) {
        completions.set(match, ai);
      } else {
        aiOnly.add(ai);
      }
    }
    for (int i = 0; i < textFrames.size(); i++) {
      nodules.add(textNodule(report, f, textFrames.get(i), completions.get(i)));
    }
    for (LesionFrame ai : aiOnly) {
      nodules.add(aiNodule(ai));
    }
    if (nodules.size() == 1
        && nodules.get(0).status() == LungRads.Status.STABLE
        && nodules.get(0).priorCategory() == null
        && !anotherNoduleResolved(f)) {
      // one nodule, unchanged: the stepped category starts from the prior screen's category (not
      // when another nodule the prior screen saw has resolved: that one may have carried it)
      String prior = priorReportCategory(report);
      Double since = priorIntervalMonths(report);
      String steppedNote = "";
      if ("4A".equals(prior) && since != null && Math.round(since) >= 9) {
        // unchanged past the 3-month LDCT (4A -> 3) and the 6-month one after it (3 -> 2):
        // the stepped management has already brought it to category 2
        prior = "3";
        steppedNote =
            "; category 4A unchanged for " + Math.round(since) + " months: past the 3-month step";
      }
      if (prior != null) {
        Nodule n = nodules.get(0);
        nodules.set(
            0,
            new Nodule(
                n.type(),
                n.meanMm(),
                n.solidMm(),
                n.status(),
                n.benign(),
                n.juxtapleural(),
                n.suspicious(),
                prior,
                n.evidence(),
                n.missing(),
                n.source(),
                n.reasonNote()
                    + "; prior screen Lung-RADS "
                    + (steppedNote.isEmpty() ? prior : "4A")
                    + " (prior report)"
                    + steppedNote,
                n.frame(),
                n.fixed() == null ? null : restep(n.fixed(), prior)));
      }
    }
    String nodes = thoracicLymphadenopathy(report, f);
    if (nodes != null) {
      // lymphadenopathy is an additional feature increasing suspicion: 3 or 4 -> 4X
      nodules.replaceAll(
          n ->
              new Nodule(
                  n.type(),
                  n.meanMm(),
                  n.solidMm(),
                  n.status(),
                  n.benign(),
                  n.juxtapleural(),
                  true,
                  n.priorCategory(),
                  n.evidence(),
                  n.missing(),
                  n.source(),
                  n.reasonNote() + "; " + nodes,
                  n.frame(),
                  n.fixed()));
    }
    Applicability where = lungApplicability(report);
    if (where == Applicability.LUNG_RADS) {
      Found incomplete = incompleteScreen(report);
      if (incomplete != null) {
        incompleteFields(report, r, incomplete);
      } else {
        if (nodules.isEmpty()) {
          airwayMaterial(report, f).ifPresent(nodules::add);
        }
        lungRadsFields(report, r, nodules, negatedNodules, negatedEvidence);
      }
    } else if (where == Applicability.FLEISCHNER) {
      // Fleischner 2017 is for parenchymal nodules: not airway nodules, not cysts
      nodules.removeIf(
          n -> n.fixed() != null || n.frame() != null && !n.frame().feature("airway").isEmpty());
      // Fleischner is for nodules (< 3 cm), not masses
      // (a "mass" measured under 3 cm is a nodule by the Fleischner glossary's size)
      nodules.removeIf(
          n ->
              n.frame() != null
                  && !n.frame().kind().equals("nodule")
                  && !(n.frame().kind().equals("mass") && n.meanMm() != null && n.meanMm() < 30));
      nodules.removeIf(n -> n.meanMm() != null && n.meanMm() >= 30);
      // nor for nodules with a benign pattern of calcification or fat (MacMahon et al. 2017)
      nodules.removeIf(Nodule::benign);
      // an unplaced nodule of an exam of another region is not in the lung
      nodules.removeIf(n -> unplacedOutsideChest(report, n));
      // nor for nodules whose follow-up is complete: unchanged 2 years (solid) or 5 (subsolid)
      int before = nodules.size();
      nodules.removeIf(n -> followUpComplete(report, n, before));
      if (!nodules.isEmpty()) {
        fleischner.fleischnerFields(report, r, nodules);
      }
    }
    aiMeasurementCheck(report, r, f);
  }

  /**
   * "No further nodules.", "Nil other nodules.", "No additional pulmonary nodules": a sizeless
   * nodule denied after the ones described ("no further" is otherwise a pseudo-trigger, "nil" is
   * the British "no").
   */
  private static boolean deniesMoreNodules(TextAnalyzer.Section f, LesionFrame fr) {
    if (fr.overall().isPresent()
        || fr.start() < fr.sentenceStart()
        || fr.start() > f.text.length()
        || fr.sentenceStart() < 0) {
      return false;
    }
    return NO_MORE_NODULES.matcher(f.text.substring(fr.sentenceStart(), fr.start())).find();
  }

  static final Pattern NO_MORE_NODULES =
      Pattern.compile(
          "^\\W*(?:there\\s+(?:are|is)\\s+)?(?:no|nil)\\s+(?:further|other|additional|more)"
              + "(?:\\s+(?:new|suspicious|significant|discrete|pulmonary|lung|solid|sizeable|focal))*\\s*$",
          Pattern.CASE_INSENSITIVE);

  /**
   * A frame that lists several nodules with a size each ("nodules of 3 mm in the right upper lobe,
   * 5 mm in the lingula and 9 mm in the left lower lobe") is one nodule per size, so the exam
   * category is that of the most suspicious one. A frame with a prior size is one nodule.
   */
  /**
   * "Two solid nodules: a 4 mm nodule in the RUL and a 7 mm nodule in the LLL": the sizeless plural
   * heads a list of the nodules that follow it in its sentence with their sizes; it is not one more
   * nodule that lacks a size.
   */
  private static List<LesionFrame> withoutListHeads(
      TextAnalyzer.Section f, List<LesionFrame> frames) {
    List<LesionFrame> kept = new ArrayList<>();
    for (LesionFrame fr : frames) {
      boolean head =
          fr.overall().isEmpty()
              && fr.start() >= 0
              && fr.end() <= f.text.length()
              && f.text.substring(fr.start(), fr.end()).toLowerCase(Locale.ROOT).endsWith("s")
              && frames.stream()
                  .anyMatch(
                      o ->
                          o != fr
                              && o.sentenceStart() == fr.sentenceStart()
                              && o.start() > fr.end()
                              && o.overall().isPresent());
      if (!head) {
        kept.add(fr);
      }
    }
    return kept;
  }

  private static List<LesionFrame> eachNodule(LesionFrame fr) {
    List<Measurement> all =
        fr.sizes().stream().filter(m -> m.role() == Measurement.Role.OVERALL).toList();
    // "7 x 5 mm (mean 6 mm)" or "... measuring 7 mm in long axis" restates one lesion's size
    List<Measurement> overall =
        all.stream()
            .filter(
                m ->
                    m.axesMm().size() > 1
                        || all.stream()
                            .noneMatch(
                                n ->
                                    n != m
                                        && n.axesMm().size() > 1
                                        && (Math.abs(n.meanMm() - m.meanMm()) < 0.05
                                            || n.axesMm().stream()
                                                .anyMatch(a -> Math.abs(a - m.longMm()) < 0.05))))
            .toList();
    boolean history = fr.sizes().stream().anyMatch(m -> m.role() != Measurement.Role.OVERALL);
    if (overall.size() >= 2 && restatedSize(fr, overall)) {
      return List.of(fr); // "the 9 mm nodule ...: unchanged at 9 mm": one nodule's size said twice
    }
    if (overall.size() < 2 || history || fr.kind().equals("mass")) {
      return List.of(fr);
    }
    List<LesionFrame> out = new ArrayList<>();
    for (Measurement m : overall) {
      out.add(
          new LesionFrame(
              fr.kind(),
              fr.site(),
              fr.side(),
              fr.location(),
              List.of(m),
              fr.composition(),
              fr.features(),
              fr.assertion(),
              fr.change(),
              fr.source(),
              fr.start(),
              fr.end(),
              fr.sentenceStart(),
              fr.sentenceEnd()));
    }
    return out;
  }

  /**
   * A singular nodule whose sizes are all the same ("Follow-up of the 9 mm solid nodule: unchanged
   * at 9 mm") says one nodule's size again; a list of nodules says "nodules".
   */
  private static boolean restatedSize(LesionFrame fr, List<Measurement> overall) {
    double first = overall.get(0).meanMm();
    return fr.kind().equals("nodule")
        && fr.change().status() == Change.Status.STABLE
        && overall.stream().allMatch(m -> Math.abs(m.meanMm() - first) < 0.05);
  }

  /**
   * "Endoluminal material / secretions in a subsegmental bronchus": an airway finding said without
   * a nodule word is the airway nodule of Lung-RADS v2022 (subsegmental 2, segmental or more
   * proximal 4A), read when no other nodule is described.
   */
  private static java.util.Optional<Nodule> airwayMaterial(Report report, TextAnalyzer.Section f) {
    if (f == null) {
      return java.util.Optional.empty();
    }
    Matcher m = AIRWAY_MATERIAL.matcher(f.text);
    while (m.find()) {
      if (!ExtractorSupport.positiveAt(f, m.start(1))) {
        continue;
      }
      int end = f.text.indexOf('.', m.end());
      String sentence = f.text.substring(m.start(), end < 0 ? f.text.length() : end);
      LungRads.AirwayLevel level =
          sentence.toLowerCase(Locale.ROOT).contains("subsegmental")
              ? LungRads.AirwayLevel.SUBSEGMENTAL
              : AIRWAY_PROXIMAL.matcher(sentence).find()
                  ? LungRads.AirwayLevel.SEGMENTAL_OR_PROXIMAL
                  : null;
      if (level == null) {
        continue;
      }
      LungRads.Status status =
          report.request.priors().isEmpty() ? LungRads.Status.BASELINE : LungRads.Status.NEW;
      return java.util.Optional.of(
          new Nodule(
              LungRads.NoduleType.SOLID,
              null,
              null,
              status,
              false,
              false,
              false,
              null,
              List.of(f.evidence(m.start(), m.end())),
              List.of(),
              "dictation",
              "; airway finding without a nodule word",
              null,
              LungRads.airwayNodule(level, status)));
    }
    return java.util.Optional.empty();
  }

  private static final Pattern AIRWAY_MATERIAL =
      Pattern.compile(
          "\\b(endoluminal|endobronchial|intraluminal|intrabronchial)\\s+(?:[a-z-]+\\s+){0,2}"
              + "(?:material|secretions?|mucus|mucous|debris|soft[- ]tissue|filling defect|lesion)\\b"
              + "[^.]*\\b(?:bronch\\w*|airways?|trachea)",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern AIRWAY_PROXIMAL =
      Pattern.compile(
          "\\b(?:segmental|lobar|main(?:stem)?|intermedius|trachea\\w*|carina|lobe bronch\\w*)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern ANY_LUNG_RADS =
      Pattern.compile(
          "lung[- ]?rads\\s*:?\\s*(?:category\\s*)?:?\\s*([0-4][abx]?)(?:\\s*/?\\s*s)?\\b",
          Pattern.CASE_INSENSITIVE);

  /** The Lung-RADS category the most recent prior report gives (impression, else findings). */
  private static String priorReportCategory(Report report) {
    PriorSummary latest = null;
    for (PriorSummary p : report.request.priors()) {
      boolean said =
          ANY_LUNG_RADS.matcher(p.impression() == null ? "" : p.impression()).find()
              || ANY_LUNG_RADS.matcher(p.findings() == null ? "" : p.findings()).find();
      if (said
          && p.relativeDays() < 0
          && (latest == null || p.relativeDays() > latest.relativeDays())) {
        latest = p;
      }
    }
    if (latest == null) {
      return null;
    }
    Matcher m = ANY_LUNG_RADS.matcher(latest.impression() == null ? "" : latest.impression());
    if (!m.find()) {
      m = ANY_LUNG_RADS.matcher(latest.findings());
      m.find();
    }
    return m.group(1).toUpperCase(Locale.ROOT);
  }

  private static final Pattern ENLARGED_NODE =
      Pattern.compile(
          "adenopathy|enlarg|suspicious|bulky|pathologic|necrotic|matted",
          Pattern.CASE_INSENSITIVE);

  /**
   * Enlarged or suspicious thoracic lymph nodes asserted in the findings ("new enlarged hilar lymph
   * nodes", "mediastinal adenopathy", a node of 10 mm or more short axis), said how: null if none.
   */
  private static String thoracicLymphadenopathy(Report report, TextAnalyzer.Section f) {
    if (f == null) {
      return null;
    }
    for (LesionFrame fr : report.findingFrames) {
      if (!fr.kind().equals("lymphadenopathy")
          || !fr.assertion().positive()
          || !(fr.organ().isEmpty()
              || fr.organ().equals("lung")
              || fr.organ().equals("mediastinum"))) {
        continue;
      }
      String sentence = f.text.substring(fr.sentenceStart(), fr.sentenceEnd());
      boolean large = fr.overall().map(m -> m.shortMm() >= 10).orElse(false);
      Matcher en = ENLARGED_NODE.matcher(sentence);
      boolean enlarged = false;
      while (en.find() && !enlarged) {
        String before = sentence.substring(Math.max(0, en.start() - 8), en.start());
        enlarged = !before.matches("(?is).*\\b(?:not|non-?|no)\\s*$"); // "not enlarged"
      }
      if (enlarged || large) {
        return "with lymphadenopathy (" + f.text.substring(fr.start(), fr.end()) + ")";
      }
    }
    return null;
  }

  /** A nodule of the lung: said so, or a nodule of unknown organ (a chest exam places it). */
  private static boolean isLungNodule(LesionFrame f) {
    boolean kind =
        f.kind().equals("nodule")
            || ((f.kind().equals("mass") || f.kind().equals("lesion")) && f.organ().equals("lung"));
    return kind && (f.organ().equals("lung") || f.organ().isEmpty());
  }

  /** The dictated frame the AI result measures: same lobe, else the one size that fits. */
  private static int sameLesion(List<LesionFrame> dictated, LesionFrame ai) {
    int bySize = -1;
    for (int i = 0; i < dictated.size(); i++) {
      LesionFrame d = dictated.get(i);
      if (!ai.location().isEmpty()
          && d.site().equals(ai.site())
          && ai.site().known()
          && !ai.site().key().equals("lung")) {
        return i;
      }
      if (ai.overall().isPresent() && d.overall().isPresent()) {
        double aiMm = ai.overall().get().meanMm();
        double mm = d.overall().get().meanMm();
        if (Math.abs(mm - aiMm) <= Math.max(1.5, aiMm * 0.15)
            && (!d.site().known()
                || !ai.site().known()
                || d.site().organ().equals(ai.site().organ()))) {
          bySize = bySize == -1 ? i : -2;
        }
      }
    }
    return Math.max(bySize, -1) >= 0
        ? bySize
        : (dictated.size() == 1 && !ai.site().known() ? 0 : -1);
  }

  private static LungRads.NoduleType noduleType(String composition) {
    return switch (composition) {
      case "solid" -> LungRads.NoduleType.SOLID;
      case "part-solid" -> LungRads.NoduleType.PART_SOLID;
      // a "mixed" (mixed-attenuation) lung nodule is the part-solid one of the Fleischner glossary
      case "mixed" -> LungRads.NoduleType.PART_SOLID;
      case "ground-glass" -> LungRads.NoduleType.GROUND_GLASS;
      default -> null;
    };
  }

  static final String TYPE_MISSING = "nodule type (solid, part-solid or ground-glass)";

  private static Nodule textNodule(
      Report report, TextAnalyzer.Section f, LesionFrame fr, LesionFrame ai) {
    if (!fr.feature("airway").isEmpty()) {
      return airwayNodule(report, f, fr);
    }
    List<String> missing = new ArrayList<>();
    List<Evidence> evidence = new ArrayList<>();
    evidence.add(f.evidence(fr.sentenceStart(), fr.sentenceEnd()));
    String note = "";
    Double mean = fr.overall().map(Measurement::meanMm).orElse(null);
    if (mean == null && fr.volumeMm3().isPresent()) {
      // Lung-RADS volume bands are the volumes of spheres of its diameter thresholds (113 mm³ for
      // 6 mm, 268 for 8, 1,767 for 15): a diameter in the same band gives the same category
      double v = fr.volumeMm3().get();
      mean = LungRads.diameterForVolume(v);
      note += "; volume " + Math.round(v) + " mm³ (read as " + mean + " mm, its size band)";
    }
    if (mean == null && ai != null && ai.overall().isPresent()) {
      mean = ai.overall().get().meanMm();
      note += "; size from the AI measurement";
    }
    if (mean == null) {
      missing.add("nodule size");
    }
    LungRads.NoduleType t = noduleType(fr.composition());
    if (t == null && ai != null && noduleType(ai.composition()) != null) {
      t = noduleType(ai.composition());
      note += "; type " + ai.composition() + " from the AI result (" + ai.source() + ")";
    }
    if (t == null) {
      // "Two solid nodules: 7 mm in the right lower lobe and 4 mm ...": the type said of the
      // nodules in the sentence is that of each
      t = sentenceType(report, fr);
    }
    if (t == null && saysSolidInOtherWords(f, fr)) {
      t = LungRads.NoduleType.SOLID;
      note += "; solid: soft-tissue attenuation said in other words";
    }
    if (t == null && mixedAttenuation(f, fr)) {
      t = LungRads.NoduleType.PART_SOLID;
      note += "; part-solid: mixed attenuation";
    }
    if (t == null && fr.site().known() && !fr.location().isEmpty()) {
      // the prior report of the same nodule names its type ("6 mm solid nodule left lower lobe")
      for (LesionFrame p : report.priorFrames) {
        if (p.kind().equals(fr.kind())
            && p.site().equals(fr.site())
            && p.assertion().positive()
            && noduleType(p.composition()) != null) {
          t = noduleType(p.composition());
          note += "; type " + p.composition() + " from the prior report";
          break;
        }
      }
    }
    if (ai != null) {
      evidence.add(Report.aiEvidence(aiQuote(ai)));
    }
    boolean benign =
        fr.feature("benign_calcification").equals("present") || fr.feature("fat").equals("present");
    benign |= appositionBenign(report, fr);
    boolean juxta = juxtapleuralBenign(fr);
    boolean suspicious = fr.feature("spiculated").equals("present");
    if (t == null && juxta) {
      t = LungRads.NoduleType.SOLID; // perifissural nodules are solid by definition
    }
    if (t == null && fr.kind().equals("mass")) {
      t = LungRads.NoduleType.SOLID; // a lung mass is a soft-tissue (solid) lesion unless said
      note += "; a mass is taken as solid";
    }
    if (t == null && !benign) {
      missing.add(TYPE_MISSING);
    }
    if (benign && t == null) {
      // benign calcification or fat decides the category whatever the nodule's type
      t = LungRads.NoduleType.SOLID;
    }
    Double solid = fr.solidComponent().map(Measurement::meanMm).orElse(null);
    Double priorSolid = fr.priorSolidComponent().map(Measurement::meanMm).orElse(null);
    LungRads.Status status;
    Change change = fr.change();
    String fromPrior = "";
    if (change.status() == Change.Status.NOT_STATED
        && change.priorMm() == null
        && priorSolid == null
        && mean != null
        && (t == LungRads.NoduleType.SOLID || t == LungRads.NoduleType.GROUND_GLASS)) {
      // the words say nothing of change: the prior report of the same nodule gives its size then
      Double then = priorReportSize(report, fr);
      if (then != null) {
        change = new Change(Change.Status.NOT_STATED, then, -1, -1);
        fromPrior = " in the prior report";
      }
    }
    if (change.priorMm() == null && priorSolid != null && solid != null) {
      // the solid component's own growth decides for a part-solid nodule
      Double months = priorIntervalMonths(report);
      double interval = months == null ? 12 : Math.round(months);
      status =
          LungRads.isGrowth(priorSolid, solid, interval)
              ? LungRads.Status.GROWING
              : Millimetres.tenths(solid) - Millimetres.tenths(priorSolid) > LungRads.GROWTH_TENTHS
                  ? LungRads.Status.SLOW_GROWING
                  : LungRads.Status.STABLE;
      note +=
          "; solid component previously "
              + Millimetres.oneDecimal(priorSolid)
              + " mm"
              + (months == null ? "" : " " + Math.round(interval) + " months earlier");
    } else if (change.priorMm() != null && mean != null) {
      double priorMm = change.priorMm();
      Double months = monthsOfPriorSize(report, priorMm, priorIntervalMonths(report));
      // whole months, as reports count them: an annual screen 371 days later is "12 months"
      double interval = months == null ? 12 : Math.round(months);
      status =
          LungRads.isGrowth(priorMm, mean, interval)
              ? LungRads.Status.GROWING
              : Millimetres.tenths(mean) - Millimetres.tenths(priorMm) > LungRads.GROWTH_TENTHS
                  ? LungRads.Status.SLOW_GROWING
                  : LungRads.Status.STABLE;
      if (status == LungRads.Status.STABLE && t == LungRads.NoduleType.SOLID && !benign) {
        // size thresholds apply whenever a nodule crosses into a higher size category, even
        // without growth (Lung-RADS v2022)
        String now = baselineCategory(mean);
        String before = baselineCategory(priorMm);
        if (LungRads.rank(now) > LungRads.rank(before)) {
          status = LungRads.Status.BASELINE;
          note += "; no growth, but the size crossed from category " + before + " to " + now;
        }
      }
      note +=
          "; prior "
              + Millimetres.oneDecimal(priorMm)
              + " mm"
              + fromPrior
              + (months == null
                  ? " (interval not given: taken as <= 12 months)"
                  : " " + Math.round(interval) + " months earlier");
    } else {
      Change.Status said = change.status();
      if (said == Change.Status.NOT_STATED) {
        // the impression may say what the findings sentence does not ("... which is new")
        said = impressionChange(report, fr);
        if (said != Change.Status.NOT_STATED) {
          note += "; " + said.name().toLowerCase(Locale.ROOT) + " as the impression says";
        }
      }
      status =
          switch (said) {
            case NEW -> LungRads.Status.NEW;
            case GROWING -> LungRads.Status.GROWING;
            case STABLE, DECREASED -> LungRads.Status.STABLE;
            default -> LungRads.Status.BASELINE;
          };
      if (status == LungRads.Status.NEW
          && report.request.priors().isEmpty()
          && BASELINE_SCREEN
              .matcher(
                  f.text.substring(fr.sentenceStart(), fr.sentenceEnd())
                      + " "
                      + report.contextText())
              .find()) {
        // "new baseline finding" on a baseline LDCT: with no earlier screen nothing is new (v2022)
        status = LungRads.Status.BASELINE;
        note += "; baseline screen: 'new' read as a baseline finding";
      }
      if (status == LungRads.Status.BASELINE && !benign && priorsShowNoNodule(report)) {
        status = LungRads.Status.NEW;
        note += "; new: the prior report shows no lung nodule";
      } else if (status == LungRads.Status.BASELINE && !report.request.priors().isEmpty()) {
        note += "; no change from prior stated: taken as baseline";
      }
    }
    if (change.priorMm() != null
        && mean != null
        && (t == LungRads.NoduleType.SOLID || t == LungRads.NoduleType.PART_SOLID)) {
      LungRads.Status series = priorSeries(report, fr, mean, status);
      if (series != status) {
        status = series;
        note += "; against each prior study's size: " + series.name().toLowerCase(Locale.ROOT);
      }
    }
    if (t == LungRads.NoduleType.PART_SOLID
        && change.priorMm() != null
        && priorSolid != null
        && solid != null
        && status != LungRads.Status.GROWING) {
      // "16 mm overall (previously 15), solid component from 3 to 5 mm": the solid component's
      // own growth decides for a part-solid nodule, whatever the overall size did
      Double months = priorIntervalMonths(report);
      if (LungRads.isGrowth(priorSolid, solid, months == null ? 12 : Math.round(months))) {
        status = LungRads.Status.GROWING;
        note += "; solid component grew from " + Millimetres.oneDecimal(priorSolid) + " mm";
      }
    }
    String sentence = f.text.substring(fr.sentenceStart(), fr.sentenceEnd());
    if ((t == LungRads.NoduleType.SOLID || t == LungRads.NoduleType.PART_SOLID)
        && status != LungRads.Status.SLOW_GROWING
        && SLOW_GROWTH.matcher(sentence).find()
        && (OVER_SCREENS.matcher(sentence).find() || report.request.priors().size() >= 2)) {
      // slow growth of a solid or part-solid nodule over multiple screens is 4B (Lung-RADS v2022)
      status = LungRads.Status.SLOW_GROWING;
      note += "; slow growth over multiple screens as dictated";
    }
    if (t == LungRads.NoduleType.PART_SOLID
        && solid != null
        && priorSolid == null
        && (status == LungRads.Status.BASELINE || status == LungRads.Status.STABLE)
        && wasGroundGlass(report, fr, sentence)) {
      // a ground-glass nodule that is part-solid now has a new solid component (v2022)
      status = LungRads.Status.NEW;
      note =
          note.replace("; no change from prior stated: taken as baseline", "")
              + "; the solid component is new: the nodule was ground-glass before";
    }
    String priorCategory = null;
    Matcher pc = PRIOR_LUNG_RADS.matcher(sentence);
    if (pc.find()) {
      priorCategory = pc.group(1).toUpperCase(Locale.ROOT);
    }
    return new Nodule(
        t,
        mean,
        solid,
        status,
        benign,
        juxta,
        suspicious,
        priorCategory,
        evidence,
        missing,
        ai == null ? "dictation" : "dictation and AI result",
        note,
        fr);
  }

  /**
   * Soft-tissue attenuation said without the word "solid" alone: "solid-appearing / solid-looking",
   * "soft tissue nodule", "of soft tissue density / attenuation", "noncalcified" (calcification is
   * judged on soft-tissue nodules; a subsolid one is named ground-glass or part-solid).
   */
  private static final Pattern SOLID_IN_OTHER_WORDS =
      Pattern.compile(
          "(?<!\\bno |\\bnot |\\bwithout )\\b(?:solid[- ](?:appearing|looking|attenuation|density)"
              + "|soft[- ]tissue(?:[- ](?:attenuation|density|attenuating))?"
              + "|non-?\\s?calcified|uncalcified)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern SUBSOLID_WORDS =
      Pattern.compile(
          "\\b(?:ground[- ]glass|non-?\\s?solid|sub-?solid|part(?:ly)?[- ]solid|semi-?solid|ggo|ggn)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * Whether the words next to the nodule say soft-tissue (solid) attenuation in other words, and
   * nothing subsolid is said there.
   */
  private static boolean saysSolidInOtherWords(TextAnalyzer.Section f, LesionFrame fr) {
    if (f == null || fr.start() < 0 || fr.sentenceStart() < 0 || fr.end() > f.text.length()) {
      return false;
    }
    int from = Math.max(fr.sentenceStart(), fr.start() - 50);
    int to = Math.min(Math.min(fr.sentenceEnd(), f.text.length()), fr.end() + 40);
    if (from >= to) {
      return false;
    }
    String near = f.text.substring(from, to);
    return SOLID_IN_OTHER_WORDS.matcher(near).find() && !SUBSOLID_WORDS.matcher(near).find();
  }

  private static final Pattern MIXED_ATTENUATION =
      Pattern.compile(
          "\\b(?:mixed[- ](?:attenuation|attenuating|density)|heterogeneous(?:ly)?[- ]attenuati\\w*"
              + "|predominantly solid|mostly solid|largely solid)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * A lung nodule the ultrasound lexicon reads as "mixed": of mixed attenuation / density, mostly
   * solid, or with a measured solid component, is part-solid (ground glass and soft tissue).
   */
  private static boolean mixedAttenuation(TextAnalyzer.Section f, LesionFrame fr) {
    if (!fr.composition().equals("mixed")) {
      return false;
    }
    if (fr.solidComponent().isPresent()) {
      return true;
    }
    if (f == null || fr.sentenceStart() < 0 || fr.sentenceEnd() > f.text.length()) {
      return false;
    }
    return MIXED_ATTENUATION.matcher(f.text.substring(fr.sentenceStart(), fr.sentenceEnd())).find();
  }

  /** The one nodule type the other positive lung nodule frames of the sentence share, or null. */
  private static LungRads.NoduleType sentenceType(Report report, LesionFrame fr) {
    LungRads.NoduleType found = null;
    for (LesionFrame o : report.findingFrames) {
      if (o == fr
          || o.sentenceStart() != fr.sentenceStart()
          || !isLungNodule(o)
          || !o.assertion().positive()) {
        continue;
      }
      LungRads.NoduleType t = noduleType(o.composition());
      if (t != null) {
        if (found != null && found != t) {
          return null; // "a solid nodule and a ground-glass nodule": no single type
        }
        found = t;
      }
    }
    return found;
  }

  private static final Pattern WAS_GROUND_GLASS =
      Pattern.compile(
          "\\b(?:previously|formerly|was|prior(?:ly)?|before|initially|originally)\\b[^.;]{0,20}?"
              + "\\b(?:pure(?:ly)? |entirely )?(?:ground[- ]glass|non-?solid)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * Whether the nodule was ground-glass on the prior: the sentence says so ("previously pure
   * ground-glass, now part-solid") or the prior report's nodule of the same lobe is ground-glass.
   */
  private static boolean wasGroundGlass(Report report, LesionFrame fr, String sentence) {
    if (WAS_GROUND_GLASS.matcher(sentence).find()) {
      return true;
    }
    if (!fr.site().known() || fr.location().isEmpty()) {
      return false;
    }
    return report.priorFrames.stream()
        .anyMatch(
            p ->
                isLungNodule(p)
                    && p.assertion().positive()
                    && p.site().equals(fr.site())
                    && p.composition().equals("ground-glass"));
  }

  /**
   * The size the prior reports give the same nodule: the one sized, asserted lung nodule of the
   * same lobe (and type, when both say one) there, when the findings have one nodule in that lobe;
   * null otherwise.
   */
  private static Double priorReportSize(Report report, LesionFrame fr) {
    if (!fr.site().known() || fr.location().isEmpty() || report.priorFrames.isEmpty()) {
      return null;
    }
    long here =
        report.findingFrames.stream()
            .filter(o -> isLungNodule(o) && o.assertion().positive() && o.site().equals(fr.site()))
            .count();
    if (here != 1) {
      return null;
    }
    Double size = null;
    int found = 0;
    for (LesionFrame p : report.priorFrames) {
      if (isLungNodule(p)
          && p.assertion().positive()
          && p.site().equals(fr.site())
          && p.sizes().stream().filter(m -> m.role() == Measurement.Role.OVERALL).count() == 1
          && (p.composition().isEmpty()
              || fr.composition().isEmpty()
              || p.composition().equals(fr.composition()))) {
        found++;
        size = p.overall().get().meanMm();
      }
    }
    return found == 1 ? size : null;
  }

  /**
   * The status an airway nodule or cyst has from the words: new, growing, stable, else baseline.
   */
  /** "baseline LDCT", "new baseline finding": the first screen, not "since the baseline scan". */
  private static final Pattern BASELINE_SCREEN =
      Pattern.compile(
          "(?<!since |from |to |with |the )\\bbaseline\\s+(?:finding|ldct|ct|low[- ]dose|screen\\w*"
              + "|scan|exam\\w*|study)\\b",
          Pattern.CASE_INSENSITIVE);

  /** "slowly enlarged", "slow-growing", "grown slowly", "slow growth" (not negated). */
  private static final Pattern SLOW_GROWTH =
      Pattern.compile(
          "(?<!\\bno |\\bnot |\\bwithout )\\b(?:slow(?:ly)?[- ]?(?:grow\\w*|enlarg\\w*|increas\\w*)"
              + "|(?:grow\\w*|grown|enlarg\\w*|increas\\w*)\\s+slowly)",
          Pattern.CASE_INSENSITIVE);

  /**
   * "over multiple screens", "across several annual scans", "on successive examinations"; a plural
   * without a count ("over the screens") is several screens too.
   */
  private static final Pattern OVER_SCREENS =
      Pattern.compile(
          "\\b(?:over|across|on|through)\\s+(?:the\\s+)?(?:last\\s+|past\\s+)?"
              + "(?:(?:multiple|several|serial|successive|consecutive|\\d|two|three|four|five)\\s+)?"
              + "(?:annual\\s+|prior\\s+|screening\\s+)?"
              + "(?:screens|screenings|scans|examinations|exams|studies|ldcts|cts|years|rounds)\\b",
          Pattern.CASE_INSENSITIVE);

  private static LungRads.Status wordStatus(LesionFrame fr) {
    return switch (fr.change().status()) {
      case NEW -> LungRads.Status.NEW;
      case GROWING -> LungRads.Status.GROWING;
      case STABLE, DECREASED -> LungRads.Status.STABLE;
      default -> LungRads.Status.BASELINE;
    };
  }

  /** An airway nodule: its level decides (Lung-RADS v2022), not its type or size. */
  private static Nodule airwayNodule(Report report, TextAnalyzer.Section f, LesionFrame fr) {
    List<Evidence> evidence = List.of(f.evidence(fr.sentenceStart(), fr.sentenceEnd()));
    String level = fr.feature("airway");
    LungRads.Status status = wordStatus(fr);
    Assessment a =
        switch (level) {
          case "subsegmental" -> LungRads.airwayNodule(LungRads.AirwayLevel.SUBSEGMENTAL, status);
          case "segmental or proximal" ->
              LungRads.airwayNodule(LungRads.AirwayLevel.SEGMENTAL_OR_PROXIMAL, status);
          default -> null;
        };
    List<String> missing =
        a == null
            ? List.of("airway level (subsegmental, or segmental or more proximal)")
            : List.of();
    return new Nodule(
        LungRads.NoduleType.SOLID,
        fr.overall().map(Measurement::meanMm).orElse(null),
        null,
        status,
        false,
        false,
        fr.feature("spiculated").equals("present"),
        null,
        evidence,
        missing,
        "dictation",
        "",
        fr,
        a);
  }

  /** A cyst of the lung (a "cyst", or a "cystic lesion/nodule/mass" there). */
  static boolean isLungCyst(LesionFrame f) {
    boolean cyst =
        f.kind().equals("cyst")
            || (f.composition().equals("cystic")
                && (f.kind().equals("lesion")
                    || f.kind().equals("nodule")
                    || f.kind().equals("mass")));
    return cyst && f.organ().equals("lung");
  }

  /**
   * An atypical pulmonary cyst (thick-walled or multilocular, Lung-RADS v2022) as a nodule whose
   * category its wall, loculation and change decide; null for a thin-walled unilocular cyst.
   */
  private static Nodule cystNodule(Report report, TextAnalyzer.Section f, LesionFrame fr) {
    boolean thick = fr.feature("cyst_wall").equals("thick");
    boolean multi = fr.feature("loculation").equals("multilocular");
    LungRads.CystChange change =
        switch (fr.feature("cyst_change")) {
          case "wall growing" -> LungRads.CystChange.WALL_GROWING;
          case "became multilocular" ->
              multi
                  ? LungRads.CystChange.MORE_LOCULATION_OR_OPACITY
                  : LungRads.CystChange.BECAME_MULTILOCULAR;
          case "more loculation or opacity" -> LungRads.CystChange.MORE_LOCULATION_OR_OPACITY;
          default ->
              switch (fr.change().status()) {
                case GROWING -> LungRads.CystChange.GROWING;
                case STABLE, DECREASED -> LungRads.CystChange.STABLE;
                default -> LungRads.CystChange.NONE;
              };
        };
    if (change == LungRads.CystChange.GROWING
        && fr.change().priorMm() != null
        && fr.overall().isPresent()) {
      Double months = priorIntervalMonths(report);
      double interval = months == null ? 12 : Math.round(months);
      if (!LungRads.isGrowth(fr.change().priorMm(), fr.overall().get().meanMm(), interval)) {
        change = LungRads.CystChange.STABLE; // "increased" by 1 mm is no growth
      }
    }
    Assessment a = LungRads.atypicalCyst(thick, multi, change, null);
    if (a == null) {
      return null;
    }
    return new Nodule(
        LungRads.NoduleType.SOLID,
        fr.overall().map(Measurement::meanMm).orElse(null),
        null,
        change == LungRads.CystChange.STABLE ? LungRads.Status.STABLE : wordStatus(fr),
        false,
        false,
        fr.feature("spiculated").equals("present"),
        null,
        List.of(f.evidence(fr.sentenceStart(), fr.sentenceEnd())),
        List.of(),
        "dictation",
        "",
        fr,
        a);
  }

  /** A stable cyst's or airway nodule's category, stepped from the prior screen's category. */
  private static Assessment restep(Assessment fixed, String priorCategory) {
    return fixed.reason().contains("unchanged against the prior screen")
        ? LungRads.stepped(priorCategory)
        : fixed;
  }

  /**
   * The change the dictated impression states for the same nodule (same lobe, or the same size),
   * NOT_STATED when it says none or names no such nodule.
   */
  private static Change.Status impressionChange(Report report, LesionFrame fr) {
    if (report.request.priors().isEmpty() && !impressionComparesStudy(report)) {
      return Change.Status.NOT_STATED; // "the larger 10 mm" compares two nodules, not two studies
    }
    Double mean = fr.overall().map(Measurement::meanMm).orElse(null);
    for (LesionFrame i : report.impressionFrames) {
      if (!isLungNodule(i) || !i.assertion().positive()) {
        continue;
      }
      boolean sameLobe =
          !fr.location().isEmpty() && fr.site().known() && i.site().equals(fr.site());
      boolean sameSize =
          mean != null
              && i.overall().isPresent()
              && Math.abs(i.overall().get().meanMm() - mean) < 0.05;
      boolean otherLobe = i.site().known() && !i.location().isEmpty() && !sameLobe;
      if ((sameLobe || sameSize) && !otherLobe) {
        Change.Status s = i.change().status();
        if (s == Change.Status.NEW || s == Change.Status.GROWING || s == Change.Status.STABLE) {
          return s;
        }
      }
    }
    return Change.Status.NOT_STATED;
  }

  /**
   * True when there are prior reports and they show no lung nodule: a nodule negated there ("No
   * pulmonary nodules.") or a prior Lung-RADS 1, and no nodule asserted (a calcified granuloma is
   * not one). A nodule they do not show is new.
   */
  private static boolean priorsShowNoNodule(Report report) {
    if (report.request.priors().isEmpty()) {
      return false;
    }
    boolean negated = false;
    for (LesionFrame p : report.priorFrames) {
      if (!isLungNodule(p)) {
        continue;
      }
      if (p.assertion().positive()
          && !p.feature("benign_calcification").equals("present")
          && !p.feature("fat").equals("present")) {
        return false;
      }
      negated |= p.assertion().negated();
    }
    return negated || "1".equals(priorReportCategory(report));
  }

  /**
   * Lung-RADS v2022 juxtapleural rule: a solid nodule attached to the pleura or a fissure with
   * smooth margins and an oval, lentiform or triangular shape (the size limit is the rule's). Named
   * "perifissural" it has that morphology; "abutting the fissure" needs the shape said. Irregular,
   * lobulated or spiculated margins rule it out.
   */
  private static boolean juxtapleuralBenign(LesionFrame fr) {
    boolean suspiciousMargin =
        fr.feature("spiculated").equals("present")
            || fr.feature("margin").equals("lobulated or irregular")
            || fr.feature("mass_shape").equals("irregular")
            || fr.feature("mass_margin").equals("microlobulated")
            || fr.feature("mass_margin").equals("indistinct");
    if (suspiciousMargin) {
      return false;
    }
    if (fr.feature("perifissural").equals("present")) {
      return true;
    }
    boolean shape =
        fr.feature("benign_shape").equals("present") || fr.feature("mass_shape").equals("oval");
    return fr.feature("juxtapleural").equals("present") && shape;
  }

  private static String baselineCategory(double meanMm) {
    return LungRads.classify(LungRads.Nodule.solid(meanMm, LungRads.Status.BASELINE)).category();
  }

  private static String aiQuote(LesionFrame ai) {
    return ai.source()
        + ": "
        + ai.kind()
        + ai.overall().map(m -> " " + m.meanMm() + " mm").orElse("")
        + (ai.location().isEmpty() ? "" : " " + ai.location())
        + (ai.composition().isEmpty() ? "" : " " + ai.composition());
  }

  private static Nodule aiNodule(LesionFrame ai) {
    List<String> missing = new ArrayList<>();
    if (ai.overall().isEmpty()) {
      missing.add("nodule size");
    }
    LungRads.NoduleType type = noduleType(ai.composition());
    if (type == null) {
      missing.add(TYPE_MISSING);
    }
    return new Nodule(
        type,
        ai.overall().map(Measurement::meanMm).orElse(null),
        null,
        LungRads.Status.BASELINE,
        ai.feature("benign_calcification").equals("present"),
        false,
        false,
        null,
        List.of(Report.aiEvidence(aiQuote(ai))),
        missing,
        "AI result",
        "; from an AI measurement",
        ai);
  }

  /**
   * "a 10 mm nodule ..., whether this represents a nodule or a vessel, but favour nodule": a
   * sizeless singular nodule without a site of its own in the sentence of a sized nodule names that
   * nodule again (no site, or the sized one's); it is not a second one (which would make the
   * nodules multiple).
   */
  static boolean restatesSizedNodule(Nodule n, List<Nodule> nodules, TextAnalyzer.Section f) {
    LesionFrame fr = n.frame();
    if (n.meanMm() != null || fr == null || f == null || fr.start() < 0 || !fr.fromText()) {
      return false;
    }
    if (fr.end() > f.text.length()) {
      return false;
    }
    String words = f.text.substring(fr.start(), fr.end()).toLowerCase(Locale.ROOT);
    String before = f.text.substring(Math.max(0, fr.start() - 25), fr.start());
    if (words.endsWith("s") || ANOTHER_NODULE.matcher(before).find()) {
      return false;
    }
    return nodules.stream()
        .anyMatch(
            o ->
                o != n
                    && o.meanMm() != null
                    && o.frame() != null
                    && o.frame().sentenceStart() == fr.sentenceStart()
                    && (fr.location().isEmpty() || fr.location().equals(o.frame().location())));
  }

  /** A measurement in parentheses: "(6.3 x 5.8 mm)", "( 7 mm )". */
  private static final Pattern PARENTHESISED_SIZE =
      Pattern.compile("\\(\\s*\\d+(?:[.,]\\d+)?\\s*(?:mm|cm)?\\s*(?:[x×*]\\s*\\d|mm|cm)");

  /**
   * "6 mm solid nodule in the lingula (6.3 x 5.8 mm)": a sized nodule restated by its axes in
   * parentheses in the same sentence, its size within a millimetre of the first, is that nodule,
   * not a second one.
   */
  static boolean restatesInParentheses(Nodule n, List<Nodule> nodules, TextAnalyzer.Section f) {
    LesionFrame fr = n.frame();
    if (n.meanMm() == null || fr == null || f == null || fr.start() < 0 || !fr.fromText()) {
      return false;
    }
    return nodules.stream()
        .anyMatch(
            o -> {
              LesionFrame of = o.frame();
              if (o == n
                  || o.meanMm() == null
                  || of == null
                  || !of.fromText()
                  || of.sentenceStart() != fr.sentenceStart()
                  || of.start() > fr.start()
                  || (of.start() == fr.start() && nodules.indexOf(o) > nodules.indexOf(n))
                  || Math.abs(o.meanMm() - n.meanMm()) > 1.0) {
                return false;
              }
              int from = Math.max(0, Math.min(of.start(), f.text.length()));
              int to = f.text.indexOf('.', from + 1);
              while (to > 0
                  && to + 1 < f.text.length()
                  && Character.isDigit(f.text.charAt(to + 1))) {
                to = f.text.indexOf('.', to + 1); // a decimal point is no sentence end
              }
              String sentence = f.text.substring(from, to < 0 ? f.text.length() : to);
              return PARENTHESISED_SIZE.matcher(sentence).find();
            });
  }

  private static final Pattern ANOTHER_NODULE =
      Pattern.compile(
          "\\b(?:another|second|other|further|additional|separate|third)\\b[\\w\\s-]*$",
          Pattern.CASE_INSENSITIVE);

  /** A dictated size that disagrees with the AI's measurement of a nodule. */
  private void aiMeasurementCheck(Report report, Result r, TextAnalyzer.Section f) {
    if (f == null) {
      return;
    }
    List<TextAnalyzer.Size> dictated = new ArrayList<>();
    for (TextAnalyzer.Mention m : f.mentions) {
      if (m.concept().id().equals("lung_nodule") && m.positive()) {
        for (TextAnalyzer.Size z : f.sizes) {
          if (z.sentence() == m.sentence() && !isPriorSize(f.text, z) && !dictated.contains(z)) {
            dictated.add(z);
          }
        }
      }
    }
    if (dictated.isEmpty()) {
      return;
    }
    for (AiResult ai : report.request.aiResults()) {
      if (ai.sizeMm() == null || !ai.finding().toLowerCase(Locale.ROOT).contains("nodule")) {
        continue;
      }
      double aiMm = ai.sizeMm();
      boolean matched = false;
      TextAnalyzer.Size nearest = dictated.get(0);
      for (TextAnalyzer.Size z : dictated) {
        double mean = Millimetres.meanDiameter(z.longMm(), z.shortMm());
        double tolerance = Math.max(1.5, aiMm * 0.15);
        if (Math.abs(mean - aiMm) <= tolerance || Math.abs(z.longMm() - aiMm) <= tolerance) {
          matched = true;
        }
        if (Math.abs(mean - aiMm)
            < Math.abs(Millimetres.meanDiameter(nearest.longMm(), nearest.shortMm()) - aiMm)) {
          nearest = z;
        }
      }
      if (!matched) {
        r.flags.add(
            Flag.of(
                FlagType.MEASUREMENT_MISMATCH,
                Severity.WARNING,
                "AI measured the "
                    + ai.finding()
                    + (ai.location() == null ? "" : " (" + ai.location() + ")")
                    + " at "
                    + aiMm
                    + " mm; the dictation gives "
                    + f.text.substring(nearest.start(), nearest.end()),
                List.of(
                    f.evidence(nearest.start(), nearest.end()),
                    Report.aiEvidence("AI " + ai.finding() + " " + aiMm + " mm"))));
      }
    }
  }

  private static final Pattern NUMBER_MM =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(mm|cm)\\b", Pattern.CASE_INSENSITIVE);

  /**
   * The interval to the prior study whose report gives the nodule's prior size: "6.6 mm, 5.8 mm
   * last year and 5.0 mm two years ago" against priors of one and two years compares 5.0 mm with
   * the study of two years ago, not the latest one. The latest prior's interval when no prior
   * report (or more than one) gives that size.
   */
  private static Double monthsOfPriorSize(Report report, double priorMm, Double latest) {
    Integer days = null;
    for (PriorSummary p : report.request.priors()) {
      if (p.relativeDays() >= 0 || p.findings() == null) {
        continue;
      }
      Matcher m = NUMBER_MM.matcher(p.findings());
      boolean gives = false;
      while (m.find() && !gives) {
        double v = Double.parseDouble(m.group(1)) * (m.group(2).equalsIgnoreCase("cm") ? 10 : 1);
        gives = Math.abs(v - priorMm) < 0.05;
      }
      if (gives) {
        if (days != null) {
          return latest; // two priors give it: the latest one is the comparison
        }
        days = p.relativeDays();
      }
    }
    return days == null ? latest : Double.valueOf(Math.abs(days) / 30.44);
  }

  /** "Outside CT from two years ago now reviewed", "compared with the prior LDCT". */
  private static final Pattern COMPARED_STUDY =
      Pattern.compile(
          "\\b(?:prior|previous|outside|old|older|earlier|comparison|external)\\s+(?:\\w+\\s+)?"
              + "(?:ct|ldct|cts|study|studies|scan|scans|exam|examination|imaging|screen)\\b[^.;]{0,60}?"
              + "\\b(?:reviewed|compared|available|obtained|received|retrieved)\\b(?!\\s+(?:for|to))"
              + "|\\b(?:compared (?:with|to)|in comparison (?:with|to)|on review of)\\s+(?:the\\s+)?"
              + "(?:prior|previous|outside|old|earlier)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * The impression (or its addendum) says a prior study was compared: a change it states of a
   * nodule ("the LUL nodule is unchanged") is a change between studies even without priors in the
   * request. Not when the prior is still being sought, nor when it is said to be unavailable.
   */
  private static boolean impressionComparesStudy(Report report) {
    for (TextAnalyzer.Section s : report.dictatedBody()) {
      if (s.kind != org.radassist.model.SectionKind.IMPRESSION) {
        continue;
      }
      Matcher m = COMPARED_STUDY.matcher(s.text);
      while (m.find()) {
        String before = s.text.substring(Math.max(0, m.start() - 12), m.start());
        if (!PRIOR_PENDING.matcher(m.group()).find()
            && !NOT_BEFORE_STUDY.matcher(before).find()
            && !m.group().toLowerCase(Locale.ROOT).matches(".*\\bnot\\b.*")) {
          return true;
        }
      }
    }
    return false;
  }

  private static final Pattern NOT_BEFORE_STUDY =
      Pattern.compile("\\b(?:no|without|not)\\s+$", Pattern.CASE_INSENSITIVE);

  /**
   * A nodule with several prior sizes, each given by one prior study's report ("6.5 mm, previously
   * 5.6 and 4.8 mm"): growth against one within 12 months is growth; an increase of more than 1.5
   * mm only against an older one is slow growth over multiple screens (4B). The status read before
   * otherwise (a prior size no prior report gives leaves it).
   */
  private static LungRads.Status priorSeries(
      Report report, LesionFrame fr, double mean, LungRads.Status status) {
    // "previously 5.6 mm and 4.8 mm": a size listed after a prior size is a prior size too
    int firstPrior =
        fr.sizes().stream()
            .filter(m -> m.role() == Measurement.Role.PRIOR)
            .mapToInt(Measurement::start)
            .min()
            .orElse(Integer.MAX_VALUE);
    Measurement now = fr.overall().orElse(null);
    List<Double> sizes =
        fr.sizes().stream()
            .filter(
                m ->
                    m.role() == Measurement.Role.PRIOR
                        || (m.role() == Measurement.Role.OVERALL
                            && m != now
                            && m.start() > firstPrior))
            .map(Measurement::meanMm)
            .toList();
    if (sizes.size() < 2 || report.request.priors().size() < 2) {
      return status;
    }
    boolean growth = false;
    boolean more = false;
    for (double p : sizes) {
      Double months = monthsOfPriorSize(report, p, null);
      if (months == null) {
        return status;
      }
      growth |= LungRads.isGrowth(p, mean, Math.round(months));
      more |= Millimetres.tenths(mean) - Millimetres.tenths(p) > LungRads.GROWTH_TENTHS;
    }
    return growth ? LungRads.Status.GROWING : more ? LungRads.Status.SLOW_GROWING : status;
  }

  /**
   * "8 mm nodule with central calcification, a healed granuloma": the benign calcification or fat
   * said next to an apposition that names what the nodule is (a sizeless finding after it in the
   * same sentence) is the nodule's own.
   */
  private static boolean appositionBenign(Report report, LesionFrame fr) {
    for (LesionFrame o : report.findingFrames) {
      if (o != fr
          && o.sentenceStart() == fr.sentenceStart()
          && o.start() > fr.end()
          && o.sizes().isEmpty()
          && o.assertion().positive()
          && (o.organ().isEmpty() || o.organ().equals("lung"))
          && (o.feature("benign_calcification").equals("present")
              || o.feature("fat").equals("present"))) {
        return true;
      }
    }
    return false;
  }
}
