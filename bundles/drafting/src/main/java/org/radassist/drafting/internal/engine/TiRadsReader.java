package org.radassist.drafting.internal.engine;

import static org.radassist.drafting.internal.engine.DictatedActions.actions;
import static org.radassist.drafting.internal.engine.DictatedActions.namesThreshold;
import static org.radassist.drafting.internal.engine.DictatedActions.pastProcedure;
import static org.radassist.drafting.internal.engine.DictatedActions.recommends;
import static org.radassist.drafting.internal.engine.ExtractorSupport.NOT_ASKED_AFTER;
import static org.radassist.drafting.internal.engine.ExtractorSupport.addField;
import static org.radassist.drafting.internal.engine.ExtractorSupport.clause;
import static org.radassist.drafting.internal.engine.ExtractorSupport.concat;
import static org.radassist.drafting.internal.engine.ExtractorSupport.find;
import static org.radassist.drafting.internal.engine.ExtractorSupport.largestSizeNear;
import static org.radassist.drafting.internal.engine.ExtractorSupport.tokenAt;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.radassist.drafting.internal.engine.DictatedActions.Action;
import org.radassist.drafting.internal.engine.DictatedActions.SaidAction;
import org.radassist.drafting.internal.engine.ExtractorSupport.Found;
import org.radassist.drafting.internal.engine.StructuredExtractor.Result;
import org.radassist.drafting.internal.engine.StructuredExtractor.Scored;
import org.radassist.drafting.internal.engine.frames.LesionFrame;
import org.radassist.drafting.internal.engine.frames.Measurement;
import org.radassist.drafting.internal.rules.Assessment;
import org.radassist.drafting.internal.rules.Millimetres;
import org.radassist.drafting.internal.rules.TiRads;
import org.radassist.model.Evidence;
import org.radassist.model.Flag;
import org.radassist.model.FlagType;
import org.radassist.model.ScoringSystem;
import org.radassist.model.Severity;

/**
 * Reads ACR TI-RADS from a thyroid ultrasound: the nodule's features (dictated or AI), the dictated
 * level, and whether the dictated FNA or follow-up fits the level and size.
 */
final class TiRadsReader {

  private static final Pattern TI_RADS =
      Pattern.compile(
          "(?:ti-rads\\s*:?\\s*(?:(?:category|level|score)\\s*)?:?\\s*(?:tr\\s*-?\\s*)?|\\btr[- ]?)([1-5])\\b"
              // not a version or a size ("TI-RADS 2017", "TR 1.5 cm")
              + "(?![.,]\\d|\\d|\\s*(?:cm|mm)\\b)",
          Pattern.CASE_INSENSITIVE);

  /** The ACR TI-RADS features one thyroid nodule frame states (null where it states none). */
  private static TiRads.Nodule tiRadsNodule(LesionFrame nodule) {
    TiRads.Composition comp;
    TiRads.Echogenicity echo;
    TiRads.Shape shape;
    TiRads.Margin margin;
    Set<TiRads.EchogenicFocus> foci = null;
    comp =
        switch (nodule.composition()) {
          case "cystic" -> TiRads.Composition.CYSTIC;
          case "spongiform" -> TiRads.Composition.SPONGIFORM;
          case "mixed", "part-solid" -> TiRads.Composition.MIXED;
          case "solid" -> TiRads.Composition.SOLID;
          default -> nodule.kind().equals("cyst") ? TiRads.Composition.CYSTIC : null;
        };
    echo =
        switch (nodule.feature("echogenicity")) {
          case "anechoic" -> TiRads.Echogenicity.ANECHOIC;
          case "hyperechoic or isoechoic" -> TiRads.Echogenicity.HYPERECHOIC_OR_ISOECHOIC;
          case "hypoechoic" -> TiRads.Echogenicity.HYPOECHOIC;
          case "very hypoechoic" -> TiRads.Echogenicity.VERY_HYPOECHOIC;
          default -> null;
        };
    shape =
        switch (nodule.feature("shape")) {
          case "taller-than-wide" -> TiRads.Shape.TALLER_THAN_WIDE;
          case "wider-than-tall" -> TiRads.Shape.WIDER_THAN_TALL;
          default -> null;
        };
    String marginWords = nodule.feature("margin");
    if (marginWords.isEmpty() && nodule.feature("mass_shape").equals("irregular")) {
      marginWords = "lobulated or irregular"; // "Margin: irregular"
    }
    if (marginWords.isEmpty() && nodule.feature("spiculated").equals("present")) {
      marginWords = "lobulated or irregular"; // ACR: spiculated is an irregular margin
    }
    if (marginWords.isEmpty() && nodule.feature("mass_margin").equals("circumscribed")) {
      marginWords = "smooth";
    }
    margin =
        switch (marginWords) {
          case "smooth" -> TiRads.Margin.SMOOTH;
          case "ill-defined" -> TiRads.Margin.ILL_DEFINED;
          case "lobulated or irregular" -> TiRads.Margin.LOBULATED_OR_IRREGULAR;
          case "extrathyroidal extension" -> TiRads.Margin.EXTRATHYROIDAL_EXTENSION;
          default -> null;
        };
    String focus = nodule.feature("echogenic_foci");
    if (!focus.isEmpty()) {
      foci = EnumSet.noneOf(TiRads.EchogenicFocus.class);
      for (String kind : focus.split("\\+")) { // additive: "macrocalcification+punctate"
        switch (kind) {
          case "punctate" -> foci.add(TiRads.EchogenicFocus.PUNCTATE);
          case "peripheral rim" -> foci.add(TiRads.EchogenicFocus.PERIPHERAL_RIM);
          case "macrocalcification" -> foci.add(TiRads.EchogenicFocus.MACROCALCIFICATION);
          default -> {} // none, comet-tail, or foci without a type: 0 points
        }
      }
    }
    return new TiRads.Nodule(
        comp, echo, shape, margin, foci, nodule.overall().map(Measurement::longMm).orElse(null));
  }

  /** The bed a thyroidectomy leaves: "left thyroid bed", "thyroidectomy bed", "surgical bed". */
  private static final Pattern THYROID_BED =
      Pattern.compile(
          "\\b(?:thyroid(?:ectomy)?|surgical|operative|resection|post-?surgical)\\s+beds?\\b",
          Pattern.CASE_INSENSITIVE);

  void tiRads(Report report, Result r, Set<String> present) {
    TextAnalyzer.Section f = report.findings();
    Found said = find(report, TI_RADS);
    List<LesionFrame> thyroid = new ArrayList<>();
    for (LesionFrame fr : report.findingFrames) {
      if (fr.organ().equals("thyroid")
          && fr.assertion().positive()
          && List.of("nodule", "mass", "lesion", "cyst").contains(fr.kind())) {
        thyroid.add(fr);
      }
    }
    if (f != null) {
      // a nodule in the thyroid bed after thyroidectomy is a recurrence / node question, not a
      // thyroid nodule: ACR TI-RADS applies to the gland
      thyroid.removeIf(
          fr ->
              THYROID_BED
                  .matcher(
                      f.text.substring(
                          Math.max(0, fr.sentenceStart()),
                          Math.min(f.text.length(), fr.sentenceEnd())))
                  .find());
    }
    String mod = report.modality();
    boolean ultrasound = mod.isEmpty() || mod.equals("US");
    if (f == null || !ultrasound || (said == null && thyroid.isEmpty())) {
      return; // ACR TI-RADS is for thyroid nodules on ultrasound
    }
    // the nodule described most fully is the one scored
    LesionFrame nodule = null;
    for (LesionFrame fr : thyroid) {
      if (nodule == null || described(fr) > described(nodule)) {
        nodule = fr;
      }
    }
    // each nodule has its own TR level; the exam's is the most suspicious one fully described
    if (nodule != null && thyroid.size() > 1) {
      Assessment scoredFirst = TiRads.assessAsDictated(tiRadsNodule(nodule));
      for (LesionFrame fr : thyroid) {
        Assessment other = TiRads.assessAsDictated(tiRadsNodule(fr));
        if (scoredFirst.isComplete()
            && other.isComplete()
            && other.category().compareTo(scoredFirst.category()) > 0) {
          nodule = fr;
          scoredFirst = other;
        }
      }
    }
    TiRads.Composition comp = null;
    TiRads.Echogenicity echo = null;
    TiRads.Shape shape = null;
    TiRads.Margin margin = null;
    Set<TiRads.EchogenicFocus> foci = null;
    List<Evidence> ev = new ArrayList<>();
    Double size = null;
    if (nodule != null) {
      ev.add(f.evidence(nodule.sentenceStart(), nodule.sentenceEnd()));
      TiRads.Nodule stated = tiRadsNodule(nodule);
      comp = stated.composition();
      echo = stated.echogenicity();
      shape = stated.shape();
      margin = stated.margin();
      foci = stated.foci();
      size = stated.maxDiameterMm();
      if ((echo == null || echo == TiRads.Echogenicity.HYPOECHOIC)
          && veryHypoechoicInOtherWords(
              f.text.substring(nodule.sentenceStart(), nodule.sentenceEnd()))) {
        echo = TiRads.Echogenicity.VERY_HYPOECHOIC;
      }
    }
    if (comp == null && echo == null && shape == null && margin == null && foci == null) {
      // "Left lobe lower pole: solid, hypoechoic, wider than tall, smooth": the features said as
      // a list after the site, with no noun for the frames to hang them on
      TiRads.Nodule listed = listedFeatures(f);
      if (listed != null) {
        comp = listed.composition();
        echo = listed.echogenicity();
        shape = listed.shape();
        margin = listed.margin();
        foci = listed.foci();
        if (ev.isEmpty()) {
          ev.add(f.evidence(0, f.text.length()));
        }
      }
    }
    if (size == null) {
      size = largestSizeNear(f, "thyroid_nodule");
    }
    TiRads.Nodule scored = new TiRads.Nodule(comp, echo, shape, margin, foci, size);
    Assessment a = TiRads.assessAsDictated(scored);
    ScoringSystem sys = ScoringSystem.TI_RADS;
    if (!a.isComplete()) {
      addField(r, sys, TiRads.VERSION, "category", "", ev, 0.4, a.missing(), a.reason());
      List<String> possible = TiRads.possibleLevels(scored);
      if (said != null && nodule != null && !possible.contains("TR" + said.value())) {
        // "solid, hypoechoic" is already 4 points: a dictated TR3 is out of reach whatever the
        // unstated features are
        r.flags.add(
            Flag.of(
                FlagType.CATEGORY_MANAGEMENT_MISMATCH,
                Severity.WARNING,
                "Dictated TI-RADS TR"
                    + said.value()
                    + ", the stated features allow only "
                    + String.join(" or ", possible)
                    + " ("
                    + a.reason()
                    + ")",
                concat(List.of(said.evidence()), ev)));
      }
      return;
    }
    addField(r, sys, TiRads.VERSION, "category", a.category(), ev, 0.85, List.of(), a.reason());
    addField(
        r,
        sys,
        TiRads.VERSION,
        "recommendation",
        a.management(),
        ev,
        0.85,
        size == null ? List.of() : List.of(),
        size == null
            ? "maximum diameter not dictated"
            : "maximum diameter " + Millimetres.oneDecimal(size) + " mm");
    r.scored.add(new Scored(a, ev, 0.85));
    int before = r.flags.size();
    tiRadsFna(report, r, a, size, ev);
    tiRadsNoFollowUp(report, r, a, size, ev);
    dropIfImpressionSizeFits(report, r, a, size, ev, thyroid, before);
    if (r.flags.size() == before && thyroid.size() == 1) {
      tiRadsFollowUpBelow(report, r, a, size, ev);
    }
    if (said != null && thyroid.size() > 1) {
      said = findHighest(report, TI_RADS); // "right TR3 ... left TR5": the exam is TR5
    }
    if (said != null
        && !("TR" + said.value()).equals(a.category())
        && !anotherNoduleScores(thyroid, "TR" + said.value())) {
      r.flags.add(
          Flag.of(
              FlagType.CATEGORY_MANAGEMENT_MISMATCH,
              Severity.WARNING,
              "Dictated TI-RADS TR"
                  + said.value()
                  + ", the points give "
                  + a.category()
                  + " ("
                  + a.reason()
                  + ")",
              concat(List.of(said.evidence()), ev)));
    }
  }

  /**
   * Several nodules, and the dictated level is what another one's features score ("right lobe
   * nodule, TR2" beside a TR4 left one): the level is that nodule's, not a wrong one for the exam
   * (leaving the TR4 nodule out of the impression is FINDING_NOT_IN_IMPRESSION's question).
   */
  private static boolean anotherNoduleScores(List<LesionFrame> thyroid, String level) {
    if (thyroid.size() < 2) {
      return false;
    }
    for (LesionFrame fr : thyroid) {
      Assessment other = TiRads.assessAsDictated(tiRadsNodule(fr));
      if (other.isComplete() && other.category().equals(level)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The impression sizes the one thyroid nodule differently ("2.1 cm right TR4 nodule" for 1.1 cm
   * in the findings): that is a MEASUREMENT_MISMATCH, and a management that fits the impression's
   * size follows from the size the reader reported, so it is no category-management mismatch too.
   */
  private void dropIfImpressionSizeFits(
      Report report,
      Result r,
      Assessment a,
      Double size,
      List<Evidence> ev,
      List<LesionFrame> thyroid,
      int before) {
    if (size == null || thyroid.size() != 1 || r.flags.size() == before) {
      return;
    }
    List<Double> said = new ArrayList<>();
    for (LesionFrame fr : report.impressionFrames) {
      if ((fr.organ().equals("thyroid") || fr.organ().isEmpty())
          && fr.assertion().positive()
          && List.of("nodule", "mass", "lesion", "cyst").contains(fr.kind())) {
        fr.overall().ifPresent(m -> said.add(m.longMm()));
      }
    }
    if (said.size() != 1 || Millimetres.tenths(said.get(0)) == Millimetres.tenths(size)) {
      return;
    }
    Result alt = new Result();
    tiRadsFna(report, alt, a, said.get(0), ev);
    tiRadsNoFollowUp(report, alt, a, said.get(0), ev);
    if (alt.flags.isEmpty()) {
      r.flags.subList(before, r.flags.size()).clear();
    }
  }

  /** "FNA at >= 2.5 cm", "FNA if it reaches 2.5 cm": the size FNA would start at, not FNA now. */
  private static final Pattern FNA_AT_SIZE =
      Pattern.compile(
          "\\s*(?:at|from|when|once|for|above|over|beyond|if\\s+(?:it\\s+)?(?:reaches|exceeds|grows\\s+to))"
              + "\\s*(?:>=|=>|≥|>|greater\\s+than|at\\s+least|or\\s+more|\\s)*\\d+(?:\\.\\d+)?\\s*(?:cm|mm)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern FNA =
      Pattern.compile("\\b(?:fna|fine[- ]needle aspiration|biopsy)\\b", Pattern.CASE_INSENSITIVE);

  /** "Right lower TR5 nodule 1.1 cm: FNA.": the plan named after the nodule's colon. */
  private static final Pattern FNA_AFTER_COLON =
      Pattern.compile(
          ":\\s*(?:(?:us|ultrasound)[- ]guided\\s+)?(?:fna|fine[- ]needle aspiration|biopsy)\\b"
              + "(?!\\s+(?:not|is\\s+not|unnecessary|was|in\\s+\\d{4}))",
          Pattern.CASE_INSENSITIVE);

  /** The impression or recommendation asks for FNA as a nodule's plan after a colon. */
  private static boolean planAfterColon(Report report) {
    for (TextAnalyzer.Section s : report.dictatedBody()) {
      if ((s.kind == org.radassist.model.SectionKind.IMPRESSION
              || s.kind == org.radassist.model.SectionKind.RECOMMENDATION)
          && FNA_AFTER_COLON.matcher(s.text).find()) {
        return true;
      }
    }
    return false;
  }

  /**
   * "No (further) follow-up" for a nodule whose TR level and size call for follow-up or FNA (ACR
   * TI-RADS 2017: TR3 from 1.5 cm, TR4 from 1.0 cm, TR5 from 0.5 cm).
   */
  private void tiRadsNoFollowUp(
      Report report, Result r, Assessment a, Double sizeMm, List<Evidence> ev) {
    if (sizeMm == null) {
      return;
    }
    long followFrom = TiRads.followUpFromTenths(a.category());
    if (Millimetres.tenths(sizeMm) < followFrom) {
      return;
    }
    long fnaFrom = TiRads.fnaFromTenths(a.category());
    List<SaidAction> asked = actions(report);
    boolean fna =
        asked.stream()
                .anyMatch(
                    x ->
                        x.action() == Action.TISSUE_SAMPLING
                            // "FNA if it grows to 1.5 cm" waits for a size: no FNA now
                            && !DictatedActions.sizeConditional(
                                x.section().text, x.start(), x.end()))
            || planAfterColon(report);
    SaidAction imaging =
        asked.stream().filter(x -> x.action() == Action.IMAGING).findFirst().orElse(null);
    if (Millimetres.tenths(sizeMm) >= fnaFrom && !fna && imaging != null) {
      // at FNA size the table asks for FNA; imaging follow-up alone replaces it
      r.flags.add(
          Flag.of(
              FlagType.CATEGORY_MANAGEMENT_MISMATCH,
              Severity.WARNING,
              "TI-RADS "
                  + a.category()
                  + " at "
                  + Millimetres.oneDecimal(sizeMm)
                  + " mm calls for FNA; the report recommends "
                  + imaging.section().text.substring(imaging.start(), imaging.end())
                  + " without it",
              concat(List.of(imaging.section().evidence(imaging.start(), imaging.end())), ev)));
      return;
    }
    for (SaidAction said : asked) {
      if (said.action() == Action.NO_FOLLOW_UP
          && !namesOtherTiRads(said.section(), said.start(), a.category())) {
        r.flags.add(
            Flag.of(
                FlagType.CATEGORY_MANAGEMENT_MISMATCH,
                Severity.WARNING,
                "TI-RADS "
                    + a.category()
                    + " at "
                    + Millimetres.oneDecimal(sizeMm)
                    + " mm calls for "
                    + a.management()
                    + "; the report says "
                    + said.section().text.substring(said.start(), said.end()),
                concat(List.of(said.section().evidence(said.start(), said.end())), ev)));
        return;
      }
    }
  }

  /**
   * Imaging follow-up recommended for a nodule below its TR level's follow-up size (ACR TI-RADS
   * 2017: TR3 from 1.5 cm, TR4 from 1.0 cm, TR5 from 0.5 cm): the table asks for nothing there.
   * Only for a report of one thyroid nodule, whose recommendation can be only about it.
   */
  private void tiRadsFollowUpBelow(
      Report report, Result r, Assessment a, Double sizeMm, List<Evidence> ev) {
    if (sizeMm == null) {
      return;
    }
    long followFrom = TiRads.followUpFromTenths(a.category());
    if (Millimetres.tenths(sizeMm) >= followFrom) {
      return;
    }
    for (SaidAction said : actions(report)) {
      if (said.action() == Action.TISSUE_SAMPLING || said.action() == Action.NO_FOLLOW_UP) {
        return; // FNA below its size is tiRadsFna's; "no follow-up" agrees with the table
      }
    }
    for (SaidAction said : actions(report)) {
      TextAnalyzer.Section s = said.section();
      if (said.action() != Action.IMAGING
          || s.kind == org.radassist.model.SectionKind.FINDINGS
          || aimedAtNode(s.text, said.start(), said.end())
          || !FOLLOW_UP_CLAUSE.matcher(clause(s.text, said.start(), said.end())).find()) {
        continue;
      }
      r.flags.add(
          Flag.of(
              FlagType.CATEGORY_MANAGEMENT_MISMATCH,
              Severity.WARNING,
              "TI-RADS "
                  + a.category()
                  + " at "
                  + Millimetres.oneDecimal(sizeMm)
                  + (followFrom == Long.MAX_VALUE
                      ? " mm calls for no FNA or follow-up at any size"
                      : " mm is below the follow-up size ("
                          + followFrom / 100.0
                          + " cm), which calls for no FNA or follow-up")
                  + "; the report recommends "
                  + s.text.substring(said.start(), said.end())
                  + " follow-up",
              concat(List.of(s.evidence(said.start(), said.end())), ev)));
      return;
    }
  }

  private static final Pattern TI_RADS_LEVEL =
      Pattern.compile("\\b(?:tr|ti-?rads)\\s*-?\\s*([1-5])\\b", Pattern.CASE_INSENSITIVE);

  /**
   * Whether the sentence at offset names TI-RADS levels and none of them is this nodule's ("left
   * TR3 nodule: no follow-up needed" beside a right TR4): its action belongs to another nodule.
   */
  private static boolean namesOtherTiRads(TextAnalyzer.Section s, int offset, String category) {
    int sentence = s.sentenceAt(offset);
    if (sentence < 0) {
      return false;
    }
    Matcher m = TI_RADS_LEVEL.matcher(s.sentenceText(sentence));
    boolean named = false;
    while (m.find()) {
      if (("TR" + m.group(1)).equals(category)) {
        return false;
      }
      named = true;
    }
    return named;
  }

  /** A surveillance recommendation: "follow-up ultrasound", "repeat ultrasound in 12 months". */
  private static final Pattern FOLLOW_UP_CLAUSE =
      Pattern.compile(
          "\\b(?:follow[- ]?up|surveillance|repeat|re-?evaluat\\w*|in \\d+ (?:months?|years?)|"
              + "annual|yearly)\\b",
          Pattern.CASE_INSENSITIVE);

  /** A lymph node in the clause of an action: "FNA of the node" is not the thyroid nodule's. */
  private static final Pattern NODE =
      Pattern.compile("\\b(?:lymph\\s+)?nodes?\\b|\\blymphadenopathy\\b", Pattern.CASE_INSENSITIVE);

  private static final Pattern THYROID_NODULE =
      Pattern.compile("\\bnodules?\\b|\\bthyroid\\b|\\btr\\s*-?[1-5]\\b", Pattern.CASE_INSENSITIVE);

  private static boolean aimedAtNode(String text, int start, int end) {
    String clause = clause(text, start, end);
    return NODE.matcher(clause).find() && !THYROID_NODULE.matcher(clause).find();
  }

  /** FNA recommended for a nodule below its TR level's FNA size (ACR TI-RADS 2017). */
  private void tiRadsFna(Report report, Result r, Assessment a, Double sizeMm, List<Evidence> ev) {
    if (sizeMm == null) {
      return;
    }
    long fnaFrom = TiRads.fnaFromTenths(a.category());
    if (Millimetres.tenths(sizeMm) >= fnaFrom) {
      return;
    }
    for (TextAnalyzer.Section s : report.dictatedBody()) {
      if (s.kind == org.radassist.model.SectionKind.FINDINGS) {
        continue;
      }
      Matcher m = FNA.matcher(s.text);
      while (m.find()) {
        int sentence = s.sentenceAt(m.start());
        int from = tokenAt(s, sentence, m.start());
        if (sentence < 0
            || from < 0
            || s.certainty(sentence, from, from + 1) == Certainty.NEGATED
            || namesThreshold(s.text, m.end())
            || DictatedActions.thresholdBefore(s.text, m.start())
            || DictatedActions.declinedBefore(s.text, m.start())
            || FNA_AT_SIZE.matcher(s.text).region(m.end(), s.text.length()).lookingAt()
            || DictatedActions.sizeConditional(s.text, m.start(), m.end())
            || NOT_ASKED_AFTER.matcher(s.text).region(m.end(), s.text.length()).lookingAt()
            || aimedAtNode(s.text, m.start(), m.end())
            || pastProcedure(s.text, m.start(), m.end())
            || !recommends(s, m.start())) {
          // "no FNA", "below FNA size", "below the 1 cm FNA threshold", "FNA of the node",
          // "benign FNA in 2023"
          continue;
        }
        r.flags.add(
            Flag.of(
                FlagType.CATEGORY_MANAGEMENT_MISMATCH,
                Severity.WARNING,
                "TI-RADS "
                    + a.category()
                    + " at "
                    + Millimetres.oneDecimal(sizeMm)
                    + " mm is below the FNA size"
                    + (fnaFrom == Long.MAX_VALUE
                        ? " (no FNA at this level)"
                        : " (" + fnaFrom / 100.0 + " cm)")
                    + "; the report recommends "
                    + s.text.substring(m.start(), m.end()),
                concat(List.of(s.evidence(m.start(), m.end())), ev)));
        return;
      }
    }
  }

  private static final Pattern LISTED_COMPOSITION =
      Pattern.compile(
          "\\b(spongiform|(?:almost\\s+(?:entirely\\s+)?|predominantly\\s+|mostly\\s+)?cystic"
              + "|mixed(?:\\s+(?:cystic\\s+and\\s+solid|solid\\s+and\\s+cystic))?"
              + "|(?:almost\\s+(?:entirely\\s+)?|predominantly\\s+|mostly\\s+)?solid)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * Very hypoechoic in other words (ACR: darker than the strap muscles): "more hypoechoic than the
   * adjacent strap muscles", "darker than strap muscle", or the degree glossed in brackets
   * ("markedly (very) hypoechoic"), which the phrase tables read as plain hypoechoic.
   */
  private static final Pattern VERY_HYPO_OTHER_WORDS =
      Pattern.compile(
          "\\b(?:very|markedly|marked)\\s*[(\\[]\\s*(?:very|markedly|marked)\\s*[)\\]]\\s*"
              + "hypo-?\\s?echoic\\b"
              + "|(?<!\\bless\\s)(?<!\\bnot\\s)(?<!\\bnot\\smore\\s)\\b(?:hypo-?\\s?echoic|darker)\\s+(?:than|relative\\s+to"
              + "|compared\\s+(?:to|with))\\s+(?:the\\s+)?(?:(?:adjacent|surrounding|overlying|neck)\\s+)?"
              + "strap\\s+muscles?\\b",
          Pattern.CASE_INSENSITIVE);

  private static boolean veryHypoechoicInOtherWords(String sentence) {
    return VERY_HYPO_OTHER_WORDS.matcher(sentence).find();
  }

  private static final Pattern LISTED_ECHO =
      Pattern.compile(
          "\\b(?:(very|markedly)\\s+hypoechoic|(hypoechoic)|(hyperechoic|isoechoic)|(anechoic))\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern LISTED_SHAPE =
      Pattern.compile(
          "\\b(?:(taller[- ]than[- ]wide)|(wider[- ]than[- ]tall))\\b", Pattern.CASE_INSENSITIVE);

  private static final Pattern LISTED_MARGIN =
      Pattern.compile(
          "\\b(?:(extrathyroidal\\s+extension)|(lobulated|irregular|spiculated)"
              + "|(ill[- ]defined)|(smooth|well[- ]defined|circumscribed))\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern LISTED_FOCI =
      Pattern.compile(
          "\\b(?:(no\\s+(?:echogenic\\s+foci|calcifications?|microcalcifications?)|comet[- ]tail)"
              + "|(punctate|microcalcifications?)|(peripheral|rim)|(macrocalcifications?|coarse\\s+calcifications?))\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * The TI-RADS features a findings sentence lists without naming the nodule ("Left lobe lower
   * pole: solid, hypoechoic, wider than tall, smooth, no calcification"): read from the first
   * sentence that states three or more of the five groups; null when none does.
   */
  private static TiRads.Nodule listedFeatures(TextAnalyzer.Section f) {
    for (int i = 0; i < f.sentences.size(); i++) {
      String t = f.sentenceText(i);
      TiRads.Composition comp = null;
      TiRads.Echogenicity echo = null;
      TiRads.Shape shape = null;
      TiRads.Margin margin = null;
      Set<TiRads.EchogenicFocus> foci = null;
      Matcher m = LISTED_COMPOSITION.matcher(t);
      if (m.find()) {
        String w = m.group(1).toLowerCase(Locale.ROOT);
        comp =
            w.contains("spongiform")
                ? TiRads.Composition.SPONGIFORM
                : w.startsWith("mixed")
                    ? TiRads.Composition.MIXED
                    : w.contains("cystic") ? TiRads.Composition.CYSTIC : TiRads.Composition.SOLID;
      }
      m = LISTED_ECHO.matcher(t);
      if (m.find()) {
        echo =
            m.group(1) != null
                ? TiRads.Echogenicity.VERY_HYPOECHOIC
                : m.group(2) != null
                    ? TiRads.Echogenicity.HYPOECHOIC
                    : m.group(3) != null
                        ? TiRads.Echogenicity.HYPERECHOIC_OR_ISOECHOIC
                        : TiRads.Echogenicity.ANECHOIC;
      }
      m = LISTED_SHAPE.matcher(t);
      if (m.find()) {
        shape = m.group(1) != null ? TiRads.Shape.TALLER_THAN_WIDE : TiRads.Shape.WIDER_THAN_TALL;
      }
      m = LISTED_MARGIN.matcher(t);
      if (m.find()) {
        margin =
            m.group(1) != null
                ? TiRads.Margin.EXTRATHYROIDAL_EXTENSION
                : m.group(2) != null
                    ? TiRads.Margin.LOBULATED_OR_IRREGULAR
                    : m.group(3) != null ? TiRads.Margin.ILL_DEFINED : TiRads.Margin.SMOOTH;
      }
      m = LISTED_FOCI.matcher(t);
      while (m.find()) {
        if (foci == null) {
          foci = EnumSet.noneOf(TiRads.EchogenicFocus.class);
        }
        if (m.group(2) != null) {
          foci.add(TiRads.EchogenicFocus.PUNCTATE);
        } else if (m.group(3) != null) {
          foci.add(TiRads.EchogenicFocus.PERIPHERAL_RIM);
        } else if (m.group(4) != null) {
          foci.add(TiRads.EchogenicFocus.MACROCALCIFICATION);
        }
      }
      int groups =
          (comp == null ? 0 : 1)
              + (echo == null ? 0 : 1)
              + (shape == null ? 0 : 1)
              + (margin == null ? 0 : 1)
              + (foci == null ? 0 : 1);
      if (groups >= 3) {
        return new TiRads.Nodule(comp, echo, shape, margin, foci, null);
      }
    }
    return null;
  }

  /** How many TI-RADS feature groups and sizes a frame states. */
  private static int described(LesionFrame f) {
    int n = f.composition().isEmpty() ? 0 : 1;
    for (String k : List.of("echogenicity", "shape", "margin", "echogenic_foci")) {
      n += f.feature(k).isEmpty() ? 0 : 1;
    }
    return n + (f.overall().isPresent() ? 1 : 0);
  }

  /** The highest value the pattern finds (the exam value of several scored lesions). */
  private static Found findHighest(Report report, Pattern p) {
    Found best = null;
    for (TextAnalyzer.Section s : report.dictatedBody()) {
      Matcher m = p.matcher(s.text);
      while (m.find()) {
        String v = m.group(1).toUpperCase(Locale.ROOT);
        if (best == null || v.compareTo(best.value()) > 0) {
          best = new Found(v, s.evidence(m.start(), m.end()));
        }
      }
    }
    return best;
  }
}
