package org.radassist.drafting.internal.engine;

import static org.radassist.drafting.internal.engine.ExtractorSupport.priorIntervalMonths;
import static org.radassist.drafting.internal.engine.LungNodulePriors.BASELINE_SCREEN;
import static org.radassist.drafting.internal.engine.LungNodulePriors.OVER_SCREENS;
import static org.radassist.drafting.internal.engine.LungNodulePriors.PRIOR_LUNG_RADS;
import static org.radassist.drafting.internal.engine.LungNodulePriors.SLOW_GROWTH;
import static org.radassist.drafting.internal.engine.LungNodulePriors.impressionChange;
import static org.radassist.drafting.internal.engine.LungNodulePriors.monthsOfPriorSize;
import static org.radassist.drafting.internal.engine.LungNodulePriors.priorReportSize;
import static org.radassist.drafting.internal.engine.LungNodulePriors.priorSeries;
import static org.radassist.drafting.internal.engine.LungNodulePriors.priorsShowNoNodule;
import static org.radassist.drafting.internal.engine.LungNodulePriors.wasGroundGlass;
import static org.radassist.drafting.internal.engine.LungNodulePriors.wordStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.radassist.drafting.internal.engine.frames.Change;
import org.radassist.drafting.internal.engine.frames.LesionFrame;
import org.radassist.drafting.internal.engine.frames.Measurement;
import org.radassist.drafting.internal.rules.Assessment;
import org.radassist.drafting.internal.rules.LungRads;
import org.radassist.drafting.internal.rules.Millimetres;
import org.radassist.model.Evidence;

/**
 * Reads the lung nodules both systems score, dictated and AI-measured: one {@link Nodule} per
 * nodule (size, type, benign features, airway nodules, cysts), each mentioned nodule once.
 */
final class LungNoduleMentions {

  private LungNoduleMentions() {}

  /**
   * One nodule as both systems score it: size, type, change, features, where it was said and
   * whether the dictation or an AI result gave it; {@code fixed} is the category its kind decides.
   */
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

  /**
   * "No further nodules.", "Nil other nodules.", "No additional pulmonary nodules": a sizeless
   * nodule denied after the ones described ("no further" is otherwise a pseudo-trigger, "nil" is
   * the British "no").
   */
  static boolean deniesMoreNodules(TextAnalyzer.Section f, LesionFrame fr) {
    if (fr.overall().isPresent()
        || fr.start() < fr.sentenceStart()
        || fr.start() > f.text.length()
        || fr.sentenceStart() < 0) {
      return false;
    }
    String before = f.text.substring(fr.sentenceStart(), fr.start());
    // "It is the only nodule.", "This is the sole pulmonary nodule": the one described, again
    return NO_MORE_NODULES.matcher(before).find() || ONLY_NODULE.matcher(before).find();
  }

  static final Pattern ONLY_NODULE =
      Pattern.compile(
          "^\\W*(?:(?:it|this|that|which)\\s+(?:is|was|remains)\\s+)?the\\s+(?:only|sole)"
              + "(?:\\s+(?:pulmonary|lung|solid|visible|identified|detected))*\\s*$",
          Pattern.CASE_INSENSITIVE);

  static final Pattern NO_MORE_NODULES =
      Pattern.compile(
          "^\\W*(?:there\\s+(?:are|is)\\s+)?(?:no|nil)\\s+(?:further|other|additional|more)"
              + "(?:\\s+(?:new|suspicious|significant|discrete|pulmonary|lung|solid|sizeable|focal))*\\s*$",
          Pattern.CASE_INSENSITIVE);

  /**
   * "Two solid nodules: a 4 mm nodule in the RUL and a 7 mm nodule in the LLL": the sizeless plural
   * heads a list of the nodules that follow it in its sentence with their sizes; it is not one more
   * nodule that lacks a size.
   */
  static List<LesionFrame> withoutListHeads(TextAnalyzer.Section f, List<LesionFrame> frames) {
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

  /**
   * A sentence after the nodule's that opens with a subject of its own ("Appendix is dilated to 11
   * mm", "Spleen measures 14 cm"): its sizes are that structure's, not the nodule's.
   */
  private static final Pattern OWN_SUBJECT =
      Pattern.compile(
          "^\\W*(?:the\\s+)?((?:[a-z-]+\\s+){0,4}[a-z-]+)\\s+(?:is|are|was|were|measures?|measuring"
              + "|dilated|distended|enlarged|thickened)\\b",
          Pattern.CASE_INSENSITIVE);

  /** Subject words that are the nodule itself or one of its parts or measures. */
  private static final Pattern NODULE_SUBJECT =
      Pattern.compile(
          "\\b(?:it|this|that|which|these|they|there|nodules?|lesions?|opacity|mass|margins?|borders?"
              + "|contours?|edges?|shape|size|density|attenuation|walls?|solid|component|ground|glass"
              + "|halo|cavity|calcification|long|short|axis|mean|average|diameter|maximal|greatest"
              + "|volume|previously|now|currently|unchanged|stable|increased|decreased|measures?"
              + "|measuring)\\b",
          Pattern.CASE_INSENSITIVE);

  /** Whether a sentence opens with a subject of its own that is not the nodule. */
  private static boolean ownSubject(String sentence) {
    Matcher m = OWN_SUBJECT.matcher(sentence);
    return m.find() && !NODULE_SUBJECT.matcher(m.group(1)).find();
  }

  /**
   * The frame with only the sizes said of the nodule: a size the frame took from a later sentence
   * about another structure ("8 mm solid nodule in the left lower lobe. Appendix is dilated to 11
   * mm.") is dropped, so one nodule is not read as two.
   */
  static LesionFrame ownSizes(TextAnalyzer.Section f, LesionFrame fr) {
    if (f == null || !fr.fromText() || fr.start() < 0 || fr.start() >= f.text.length()) {
      return fr;
    }
    int own = f.sentenceAt(fr.start());
    if (own < 0) {
      return fr;
    }
    List<Measurement> kept = new ArrayList<>();
    int end = fr.sentenceEnd();
    for (Measurement m : fr.sizes()) {
      int at = m.start() >= 0 && m.start() < f.text.length() ? f.sentenceAt(m.start()) : -1;
      if (at > own && ownSubject(f.sentenceText(at))) {
        end = Math.min(end, f.sentences.get(at - 1).end());
        continue;
      }
      kept.add(m);
    }
    if (kept.size() == fr.sizes().size()) {
      return fr;
    }
    return new LesionFrame(
        fr.kind(),
        fr.site(),
        fr.side(),
        fr.location(),
        kept,
        fr.composition(),
        fr.features(),
        fr.assertion(),
        fr.change(),
        fr.source(),
        fr.start(),
        fr.end(),
        fr.sentenceStart(),
        Math.max(end, fr.end()));
  }

  /** A diagnosis said of the finding before it: "consistent with", "likely", "representing". */
  private static final Pattern DIAGNOSIS_CUE =
      Pattern.compile(
          "\\b(?:consistent with|compatible with|in keeping with|suggestive of|typical of"
              + "|characteristic of|likely|most likely|probably|probable|presumably|presumed"
              + "|represent(?:s|ing)?|favou?r(?:ed|ing)?|suspicious for|concerning for)"
              // and up to two words naming it ("an intrapulmonary lymph node", "a calcified")
              + "(?:\\s+[\\w-]+){0,2}\\s*$",
          Pattern.CASE_INSENSITIVE);

  /**
   * "Triangular solid nodule abutting the fissure, 9 mm, consistent with intrapulmonary lymph
   * node": a sizeless finding named right after a diagnosis cue in the sentence of a sized nodule
   * says what that nodule is; it is not a second nodule lacking a size.
   */
  static List<LesionFrame> withoutAppositions(TextAnalyzer.Section f, List<LesionFrame> frames) {
    List<LesionFrame> kept = new ArrayList<>();
    for (LesionFrame fr : frames) {
      boolean apposition =
          fr.overall().isEmpty()
              && fr.volumeMm3().isEmpty()
              && fr.fromText()
              && fr.start() >= 0
              && fr.start() <= f.text.length()
              && DIAGNOSIS_CUE
                  .matcher(
                      f.text.substring(Math.max(fr.sentenceStart(), fr.start() - 40), fr.start()))
                  .find()
              && frames.stream()
                  .anyMatch(
                      o ->
                          o != fr
                              && o.sentenceStart() == fr.sentenceStart()
                              && o.end() <= fr.start()
                              && o.overall().isPresent());
      if (!apposition) {
        kept.add(fr);
      }
    }
    return kept;
  }

  /**
   * "Smooth solid nodule abutting the fissure, 9 mm, consistent with intrapulmonary lymph node": a
   * size said before the diagnosis the sentence names for the nodule is the nodule's, even when the
   * named finding ("lymph node") took it; the frame without a size gets it back.
   */
  static LesionFrame sizeFromApposition(
      TextAnalyzer.Section f, LesionFrame fr, List<LesionFrame> all) {
    if (f == null
        || !fr.sizes().isEmpty()
        || !fr.fromText()
        || fr.end() < 0
        || fr.end() > f.text.length()) {
      return fr;
    }
    for (LesionFrame o : all) {
      if (o == fr
          || !o.fromText()
          || o.sentenceStart() != fr.sentenceStart()
          || o.start() <= fr.end()
          || o.start() > f.text.length()) {
        continue;
      }
      Matcher cue =
          DIAGNOSIS_CUE.matcher(f.text.substring(Math.max(fr.end(), o.start() - 50), o.start()));
      if (!cue.find()) {
        continue;
      }
      int cueAt = Math.max(fr.end(), o.start() - 50) + cue.start();
      List<Measurement> said =
          o.sizes().stream()
              .filter(m -> m.role() == Measurement.Role.OVERALL)
              .filter(m -> m.start() > fr.end() && m.end() <= cueAt)
              .toList();
      if (said.size() != 1) {
        continue;
      }
      return new LesionFrame(
          fr.kind(),
          fr.site(),
          fr.side(),
          fr.location(),
          said,
          fr.composition(),
          fr.features(),
          fr.assertion(),
          fr.change(),
          fr.source(),
          fr.start(),
          fr.end(),
          fr.sentenceStart(),
          fr.sentenceEnd());
    }
    return fr;
  }

  /**
   * A list item or sentence that gives a lobe, a nodule attenuation and a size without the noun: "-
   * RUL solid 5 mm.", "Left lower lobe: ground-glass 12 mm", "LLL, part-solid, 14 mm".
   */
  private static final Pattern NOUNLESS_NODULE =
      Pattern.compile(
          "^\\W*(?:[rl][ulm]l|lingula|(?:right|left)\\s+(?:upper|middle|lower)\\s+lobe)\\b\\W*"
              + "(solid|part[- ]solid|sub-?solid|ground[- ]glass|non-?solid|ggn)\\b\\W*"
              + "(\\d+(?:\\.\\d+)?)(?:\\s*[x×]\\s*(\\d+(?:\\.\\d+)?))?\\s*(mm|cm)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * Nodules said without the word "nodule", one per list item or sentence that gives a lobe, a
   * nodule attenuation and a size ("Findings: - RUL solid 5 mm. - LLL solid 9 mm, smooth."): read
   * only when the findings name no lung nodule, on a first exam (no prior to compare).
   */
  static List<Nodule> nounlessNodules(Report report, TextAnalyzer.Section f) {
    List<Nodule> out = new ArrayList<>();
    if (f == null || !report.request.priors().isEmpty()) {
      return out;
    }
    for (int i = 0; i < f.sentences.size(); i++) {
      String sentence = f.sentenceText(i);
      Matcher m = NOUNLESS_NODULE.matcher(sentence);
      if (!m.find() || NODULE_WORD.matcher(sentence).find()) {
        continue;
      }
      String word = m.group(1).toLowerCase(Locale.ROOT).replace(' ', '-');
      LungRads.NoduleType type =
          word.equals("solid")
              ? LungRads.NoduleType.SOLID
              : word.startsWith("part") || word.startsWith("sub")
                  ? LungRads.NoduleType.PART_SOLID
                  : LungRads.NoduleType.GROUND_GLASS;
      double factor = m.group(4).equalsIgnoreCase("cm") ? 10 : 1;
      double longMm = Double.parseDouble(m.group(2)) * factor;
      double mean =
          m.group(3) == null
              ? longMm
              : Millimetres.meanDiameter(longMm, Double.parseDouble(m.group(3)) * factor);
      int start = f.sentences.get(i).start();
      out.add(
          new Nodule(
              type,
              mean,
              null,
              LungRads.Status.BASELINE,
              false,
              false,
              sentence.toLowerCase(Locale.ROOT).contains("spiculat"),
              null,
              List.of(f.evidence(start, f.sentences.get(i).end())),
              type == LungRads.NoduleType.PART_SOLID ? List.of("solid component size") : List.of(),
              "dictation",
              "; a lobe, attenuation and size said without the word nodule",
              null));
    }
    return out;
  }

  /**
   * A frame that lists several nodules with a size each ("nodules of 3 mm in the right upper lobe,
   * 5 mm in the lingula and 9 mm in the left lower lobe") is one nodule per size, so the exam
   * category is that of the most suspicious one. A frame with a prior size is one nodule.
   */
  static List<LesionFrame> eachNodule(LesionFrame fr) {
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
                                            // "8.2 x 7.4 mm (average 7.8 mm, rounds to 8 mm)":
                                            // the mean rounded to the whole mm restates it too
                                            || Math.abs(Math.round(n.meanMm()) - m.meanMm()) < 0.05
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
  static java.util.Optional<Nodule> airwayMaterial(Report report, TextAnalyzer.Section f) {
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

  /** A nodule of the lung: said so, or a nodule of unknown organ (a chest exam places it). */
  static boolean isLungNodule(LesionFrame f) {
    boolean kind =
        f.kind().equals("nodule")
            || ((f.kind().equals("mass") || f.kind().equals("lesion")) && f.organ().equals("lung"));
    return kind && (f.organ().equals("lung") || f.organ().isEmpty());
  }

  /** The dictated frame the AI result measures: same lobe, else the one size that fits. */
  static int sameLesion(List<LesionFrame> dictated, LesionFrame ai) {
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

  static Nodule textNodule(Report report, TextAnalyzer.Section f, LesionFrame fr, LesionFrame ai) {
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
    benign |= appositionBenign(report, fr) || addendumBenign(report);
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
  static Nodule cystNodule(Report report, TextAnalyzer.Section f, LesionFrame fr) {
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

  static Nodule aiNodule(LesionFrame ai) {
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

  /**
   * "8 mm nodule with central calcification, a healed granuloma": the benign calcification or fat
   * said next to an apposition that names what the nodule is (a sizeless finding after it in the
   * same sentence) is the nodule's own.
   */
  /** "Addendum:" opening a re-read said after the report. */
  private static final Pattern ADDENDUM =
      Pattern.compile("\\baddendum\\b", Pattern.CASE_INSENSITIVE);

  /** Calcification or fat that makes a lung nodule benign (Lung-RADS 2022 category 1). */
  private static final Pattern BENIGN_LOOK =
      Pattern.compile(
          "\\b(?:complete(?:ly)?|diffuse(?:ly)?|dense(?:ly)?|benign(?:ly)?|central(?:ly)?|laminated"
              + "|popcorn)[\\s-]+calcifi\\w*|\\bcalcified\\s+granuloma\\b"
              + "|\\b(?:intranodular|macroscopic)\\s+fat\\b|\\bcontains?\\s+fat\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern NODULE_WORD =
      Pattern.compile("\\bnodul\\w*|\\bgranuloma\\b", Pattern.CASE_INSENSITIVE);

  /**
   * "ADDENDUM: on review ... the right lower lobe nodule is completely calcified": an addendum that
   * finds the benign calcification or fat of the report's only described nodule makes it benign.
   */
  private static boolean addendumBenign(Report report) {
    long nodules =
        report.findingFrames.stream()
            .filter(
                o ->
                    o.assertion().positive()
                        && (o.organ().isEmpty() || o.organ().equals("lung"))
                        && o.kind().equals("nodule")
                        && !o.sizes().isEmpty())
            .count();
    if (nodules != 1) {
      return false;
    }
    for (TextAnalyzer.Section s : report.dictatedBody()) {
      Matcher ad = ADDENDUM.matcher(s.text);
      if (!ad.find()) {
        continue;
      }
      Matcher m = BENIGN_LOOK.matcher(s.text);
      m.region(ad.end(), s.text.length());
      while (m.find()) {
        int sentence = s.sentenceAt(m.start());
        if (sentence >= 0
            && NODULE_WORD.matcher(s.sentenceText(sentence)).find()
            && ExtractorSupport.positiveAt(s, m.start())) {
          return true;
        }
      }
    }
    return false;
  }

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
