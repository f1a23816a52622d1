package org.radassist.drafting.internal.engine;

import static org.radassist.drafting.internal.engine.DictatedActions.NO_FOLLOW_UP;
import static org.radassist.drafting.internal.engine.DictatedActions.actions;
import static org.radassist.drafting.internal.engine.DictatedActions.conditional;
import static org.radassist.drafting.internal.engine.DictatedActions.intervals;
import static org.radassist.drafting.internal.engine.DictatedActions.recommends;
import static org.radassist.drafting.internal.engine.ExtractorSupport.PRIOR_CATEGORY;
import static org.radassist.drafting.internal.engine.ExtractorSupport.addField;
import static org.radassist.drafting.internal.engine.ExtractorSupport.clause;
import static org.radassist.drafting.internal.engine.ExtractorSupport.retracted;
import static org.radassist.drafting.internal.engine.ExtractorSupport.tokenAt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.radassist.drafting.internal.engine.DictatedActions.Action;
import org.radassist.drafting.internal.engine.DictatedActions.Interval;
import org.radassist.drafting.internal.engine.DictatedActions.SaidAction;
import org.radassist.drafting.internal.engine.ExtractorSupport.Found;
import org.radassist.drafting.internal.engine.StructuredExtractor.Result;
import org.radassist.drafting.internal.engine.StructuredExtractor.Scored;
import org.radassist.drafting.internal.rules.Assessment;
import org.radassist.drafting.internal.rules.BiRads;
import org.radassist.model.Evidence;
import org.radassist.model.Flag;
import org.radassist.model.FlagType;
import org.radassist.model.ScoringSystem;
import org.radassist.model.Severity;

/** Reads BI-RADS from a breast exam: the dictated category and whether management matches it. */
final class BiRadsReader {

  private static final Pattern BI_RADS =
      Pattern.compile(
          "bi-rads\\s*:?\\s*(?:category\\s*|assessment\\s*)?:?\\s*([0-6](?:\\s?[abc])?)\\b",
          Pattern.CASE_INSENSITIVE);

  private final Vocabulary biRadsManagement =
      new Vocabulary()
          .put(
              "TISSUE_DIAGNOSIS",
              "biopsy",
              "tissue diagnosis",
              "tissue sampling",
              "core biopsy",
              "stereotactic biopsy")
          .put(
              "SHORT_INTERVAL_FOLLOW_UP",
              "short interval follow-up",
              "short-interval follow-up",
              "6-month follow-up",
              "6 month follow-up",
              "six month follow-up",
              "6-month",
              "short term follow-up",
              "in 6 months",
              "6 months",
              "six months",
              "in six months")
          .put(
              "ROUTINE_SCREENING",
              "routine screening",
              "annual screening",
              "routine mammography",
              "annual mammography",
              "annual mammogram",
              "routine annual",
              // UK programme wording: the next screening round, not a work-up recall
              "routine recall",
              "recall for screening",
              "recall for routine screening",
              "recall to routine screening",
              "return to routine screening",
              "1 year",
              "12-month",
              "12 month")
          .put(
              "ADDITIONAL_IMAGING",
              "additional imaging",
              "diagnostic mammogram",
              "diagnostic mammography",
              "recall",
              "spot compression",
              "additional views",
              "ultrasound evaluation")
          .put("SURGICAL_EXCISION", "surgical excision", "excision", "surgical consultation");

  /** Words of BI-RADS 3 surveillance carried to 2 years: "to complete 2 years of surveillance". */
  private static final Pattern CONTINUED_SURVEILLANCE =
      Pattern.compile(
          "\\b(?:surveillance|to complete|(?:2|two)[- ]years?|24[- ]months?)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * A sentence that says what this exam is ("Additional views after screening recall", "spot views
   * were obtained"): its imaging words recommend nothing (round 25, helper "fn3").
   */
  private static final Pattern EXAM_DONE =
      Pattern.compile(
          "\\b(?:after|following|for)\\s+(?:a\\s+|the\\s+)?(?:screening\\s+)?recall\\b"
              + "|\\b(?:were|was|have been|has been)\\s+(?:obtained|performed|done|taken|acquired)\\b",
          Pattern.CASE_INSENSITIVE);

  /** More breast imaging in any words: "additional diagnostic mammographic views", "spot views". */
  private static final Pattern MORE_IMAGING =
      Pattern.compile(
          "\\b(?:additional|diagnostic|further|spot|magnification|supplemental)\\s+(?:[a-z-]+\\s+){0,2}?"
              + "(?:mammogra\\w*|views?|imaging|ultrasound|sonograph\\w*|compression)\\b",
          Pattern.CASE_INSENSITIVE);

  void biRads(Report report, Result r) {
    String context = report.contextText();
    // BI-RADS is for breast imaging: a breast nodule seen on a chest CT is not assessed with it
    boolean breast =
        report.modality().equals("MG")
            || report.bodyPart().equals("BREAST")
            || (report.modality().isEmpty() && context.contains("mammogra"));
    Found cat = biRadsCategory(report, breast);
    if (cat == null && !breast) {
      return;
    }
    ScoringSystem sys = ScoringSystem.BI_RADS;
    if (cat == null) {
      Suggestion implied = suggestCategory(report);
      if (implied != null && implied.category().equals("4")) {
        // "suspicious" or a biopsy asked for says 4 but not which of 4A-4C: that choice is the
        // reader's, so the field stays incomplete and names the category the words point to
        addField(
            r,
            sys,
            BiRads.VERSION,
            "assessment",
            "",
            List.of(implied.evidence()),
            0.3,
            List.of("assessment category"),
            "no category dictated; the findings suggest BI-RADS 4 (4A-4C by the reader): "
                + implied.rationale());
        r.scored.add(
            new Scored(
                new Assessment(
                    ScoringSystem.BI_RADS,
                    BiRads.VERSION,
                    "4",
                    BiRads.assess("4").management(),
                    "suggested from the findings (4A-4C by the reader): " + implied.rationale()),
                List.of(implied.evidence()),
                0.3));
        return;
      }
      if (implied != null) {
        // the assessment is the radiologist's: a draft proposes the category the findings imply,
        // marked as suggested with its reason, for the reader to accept or change
        addField(
            r,
            sys,
            BiRads.VERSION,
            "assessment",
            implied.category(),
            List.of(implied.evidence()),
            0.6,
            List.of(),
            "suggested (no category dictated): " + implied.rationale());
        Assessment atlas = BiRads.assess(implied.category());
        r.scored.add(
            new Scored(
                new Assessment(
                    atlas.system(),
                    atlas.version(),
                    atlas.category(),
                    atlas.management(),
                    "suggested from the findings: " + implied.rationale()),
                List.of(implied.evidence()),
                0.6));
        return;
      }
      addField(
          r,
          sys,
          BiRads.VERSION,
          "assessment",
          "",
          List.of(),
          0.3,
          List.of("assessment category"),
          "breast imaging report without a BI-RADS assessment");
      return;
    }
    String c = cat.value().replace(" ", "").toUpperCase(Locale.ROOT);
    Assessment a = BiRads.assess(c);
    List<Evidence> ev = List.of(cat.evidence());
    addField(
        r,
        sys,
        BiRads.VERSION,
        "assessment",
        a.category(),
        ev,
        0.95,
        List.of(),
        "dictated; " + a.reason());
    addField(
        r,
        sys,
        BiRads.VERSION,
        "management",
        a.management(),
        ev,
        0.9,
        List.of(),
        "atlas management for category " + a.category());
    String composition = null;
    Evidence compEv = null;
    for (TextAnalyzer.Section s : report.dictatedBody()) {
      for (int i = 0; i < s.sentences.size() && composition == null; i++) {
        var comp = BiRads.composition(s.sentenceText(i));
        if (comp.isPresent()) {
          composition = comp.get();
          compEv = s.sentenceEvidence(i);
        }
      }
    }
    if (composition != null) {
      addField(
          r,
          sys,
          BiRads.VERSION,
          "composition",
          composition,
          List.of(compEv),
          0.85,
          List.of(),
          "breast composition " + composition);
    } else if (report.modality().equals("MG") || context.contains("mammogra")) {
      addField(
          r,
          sys,
          BiRads.VERSION,
          "composition",
          "",
          List.of(),
          0.3,
          List.of("breast composition (a-d)"),
          "mammography reports state breast composition");
    }
    r.scored.add(new Scored(a, ev, 0.95));
    // product decision (round 30): a 3 is followed at 6, 6, then 12 months, so on an exam that is
    // itself that surveillance a 6- or a 12-month study is the 3's own next step
    boolean followUp = c.equals("3") && surveillanceExam(report);
    // the management the report recommends against the category
    for (TextAnalyzer.Section s : report.dictatedBody()) {
      List<Vocabulary.Hit> hits = new ArrayList<>(biRadsManagement.hits(s));
      // an interval the vocabulary also names ("12-month") is typed by the interval reading
      // below, which knows a 3's surveillance from a return to screening
      List<Interval> timed = intervals(s.text);
      hits.removeIf(
          h ->
              (h.value().equals("ROUTINE_SCREENING")
                      || h.value().equals("SHORT_INTERVAL_FOLLOW_UP"))
                  && biRadsVocabularyInterval(h, timed));
      Matcher more = MORE_IMAGING.matcher(s.text);
      List<int[]> none = new ArrayList<>();
      Matcher no = NO_FOLLOW_UP.matcher(s.text);
      while (no.find()) {
        none.add(new int[] {no.start(), no.end()});
      }
      while (more.find()) {
        int at = more.start();
        if (none.stream().anyMatch(span -> at >= span[0] && at < span[1])) {
          continue; // "no further imaging needed" asks for none
        }
        int sentence = s.sentenceAt(more.start());
        int from = tokenAt(s, sentence, more.start());
        if (sentence >= 0 && from >= 0) {
          // "supplemental screening ultrasound" (dense breasts) is screening, not a recall
          boolean screening = more.group().toLowerCase(java.util.Locale.ROOT).contains("screening");
          hits.add(
              new Vocabulary.Hit(
                  screening ? "ROUTINE_SCREENING" : "ADDITIONAL_IMAGING",
                  sentence,
                  more.start(),
                  more.end(),
                  s.certainty(sentence, from, from + 1)));
        }
      }
      for (Interval iv : intervals(s.text)) {
        // a follow-up interval in any words: 12 months or more is routine, less is short-interval
        int sentence = s.sentenceAt(iv.start());
        int from = tokenAt(s, sentence, iv.start());
        if (s.text
            .substring(Math.max(0, iv.start() - 16), iv.start())
            .matches("(?is).*\\bcomplet\\w*\\s+(?:the\\s+)?")) {
          continue; // "to complete 2 years of surveillance": how long in all, not when next
        }
        if (s.text
            .substring(iv.end(), Math.min(s.text.length(), iv.end() + 20))
            .matches("(?is)^\\s*(?:of\\s+)?(?:surveillance|stability)\\b.*")) {
          continue; // "(24-month surveillance)": the length of the 3's surveillance in all
        }
        if (sentence >= 0 && from >= 0 && !conditional(s.text, iv.start(), iv.end())) {
          // a 3 is followed at 6, 6 and 12 months: a 12-month study that completes the 2 years
          // of surveillance is the 3's own management, not a return to screening
          boolean surveillance =
              c.equals("3")
                  && iv.months() <= 12
                  && (CONTINUED_SURVEILLANCE.matcher(s.sentenceText(sentence)).find()
                      || followUpOfProbablyBenign(s.sentenceText(sentence))
                      || (followUp && !ROUTINE.matcher(s.sentenceText(sentence)).find()))
                  && !s.sentenceText(sentence)
                      .toLowerCase(java.util.Locale.ROOT)
                      .contains("screening");
          hits.add(
              new Vocabulary.Hit(
                  iv.months() >= 12 && !surveillance
                      ? "ROUTINE_SCREENING"
                      : "SHORT_INTERVAL_FOLLOW_UP",
                  sentence,
                  iv.start(),
                  iv.end(),
                  s.certainty(sentence, from, from + 1)));
        }
      }
      // "diagnostic mammogram in 6 months": the exam of a timed follow-up, which the interval
      // itself types (short-interval or routine), not additional imaging now
      hits.removeIf(
          h ->
              h.value().equals("ADDITIONAL_IMAGING")
                  && !intervals(clause(s.text, h.start(), h.end())).isEmpty());
      // "Additional views after screening recall.": the exam being reported, not a recommendation
      hits.removeIf(
          h ->
              h.value().equals("ADDITIONAL_IMAGING")
                  && h.sentence() >= 0
                  && EXAM_DONE.matcher(s.sentenceText(h.sentence())).find());
      hits.sort(java.util.Comparator.comparingInt(Vocabulary.Hit::start));
      boolean tissueAsked =
          hits.stream()
              .anyMatch(
                  h ->
                      h.value().equals("TISSUE_DIAGNOSIS")
                          && h.positive()
                          && recommends(s, h.start())
                          && !conditional(s.text, h.start(), h.end()));
      for (Vocabulary.Hit h : hits) {
        if (!h.positive() || !recommends(s, h.start())) {
          continue; // "diagnostic mammogram shows ..." names the exam, it recommends nothing
        }
        if (conditional(s.text, h.start(), h.end())) {
          continue; // "if benign and concordant, return to annual screening": a later step
        }
        BiRads.Management said = BiRads.Management.valueOf(h.value());
        if (said == BiRads.Management.SURGICAL_EXCISION
            && (c.equals("1") || c.equals("2"))
            && nonCancerSurgery(report, s, h.start(), h.end())) {
          continue; // "surgical consultation" for a ruptured implant: not the cancer pathway
        }
        if (said == BiRads.Management.SURGICAL_EXCISION
            && (c.startsWith("4") || c.equals("5"))
            && tissueAsked) {
          // "core biopsy; surgical consultation": the surgeon is seen beside the tissue diagnosis,
          // not instead of it (round 31, helper "sys13")
          continue;
        }
        // a management said with a lesion's own category answers that category
        String local = biRadsOfSentence(s, h.start());
        if (local == null) {
          // "BI-RADS 3. Six-month follow-up.": the management sentence after a category answers
          // it (a category an addendum revises keeps the management first said for it)
          local = biRadsOfPreviousSentence(s, h.start());
        }
        String own = local != null && !local.equals(c) ? local : c;
        if (!BiRads.consistent(own, said)) {
          r.flags.add(
              biRadsManagementMismatch(
                  own, BiRads.assess(own).management(), cat, s, h.start(), h.end(), ""));
          break;
        }
      }
    }
    if ((c.startsWith("4") || c.equals("5"))
        && r.flags.stream().noneMatch(f -> f.type() == FlagType.CATEGORY_MANAGEMENT_MISMATCH)) {
      List<SaidAction> asked = actions(report);
      boolean tissue = asked.stream().anyMatch(x -> x.action() == Action.TISSUE_SAMPLING);
      SaidAction imaging =
          asked.stream().filter(x -> x.action() == Action.IMAGING).findFirst().orElse(null);
      if (!tissue && imaging != null) {
        // BI-RADS 4 and 5 call for tissue diagnosis; more imaging instead does not answer it
        r.flags.add(
            biRadsManagementMismatch(
                c,
                a.management(),
                cat,
                imaging.section(),
                imaging.start(),
                imaging.end(),
                " without it"));
      }
    }
    if (c.equals("6")
        && r.flags.stream().noneMatch(f -> f.type() == FlagType.CATEGORY_MANAGEMENT_MISMATCH)) {
      for (SaidAction x : actions(report)) {
        if (x.action() == Action.TISSUE_SAMPLING
            // a surgical consultation or resection is the 6's own management, not a biopsy
            && !x.section()
                .text
                .substring(x.start(), x.end())
                .toLowerCase(Locale.ROOT)
                .matches("(?s).*\\b(?:surg\\w*|resection|thoracic)\\b.*")
            && x.section().kind != org.radassist.model.SectionKind.FINDINGS
            && !OTHER_TARGET.matcher(clause(x.section().text, x.start(), x.end())).find()) {
          // a 6 is a cancer already proven by biopsy: its management is treatment, and another
          // biopsy of it answers nothing (a new lesion or a node to sample is named as such)
          r.flags.add(
              biRadsManagementMismatch(
                  c, a.management(), cat, x.section(), x.start(), x.end(), " of the known cancer"));
          break;
        }
      }
    }
    boolean screeningMammogram =
        screeningExam(context, report)
            && (report.modality().equals("MG")
                || (report.modality().isEmpty() && context.contains("mammogra")));
    if (screeningMammogram && !BiRads.allowedOnScreening(c)) {
      r.flags.add(
          Flag.of(
              FlagType.CATEGORY_MANAGEMENT_MISMATCH,
              Severity.WARNING,
              "Screening mammography is assessed BI-RADS 0, 1 or 2; the report says " + c,
              ev));
    }
  }

  /**
   * "12-month follow-up of probably benign calcifications": the probably benign finding's own
   * surveillance (ACR: a 3 is followed at 6, 12 and 24 months), whichever exam it names.
   */
  private static final Pattern FOLLOW_UP_OF_PROBABLY_BENIGN =
      Pattern.compile(
          "\\b(?:follow[- ]?up|surveillance|stability)\\b[^.;]{0,60}\\bprobably\\s+benign\\b"
              + "|\\bprobably\\s+benign\\b[^.;]{0,80}\\b(?:follow[- ]?up|surveillance)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * A biopsy aimed at something other than the known cancer: a node, the other breast, a new,
   * additional or second lesion (staging work-up, not a repeat of the proving biopsy).
   */
  private static final Pattern OTHER_TARGET =
      Pattern.compile(
          "\\b(?:nodes?|nodal|axill\\w*|lymph\\w*|contralateral|additional|new|second|another|other|"
              + "separate|satellite|sentinel|multifocal|multicentric)\\b",
          Pattern.CASE_INSENSITIVE);

  /** BI-RADS 3 said of an earlier exam: "BI-RADS 3", "BIRADS category III", "probably benign". */
  private static final Pattern PRIOR_THREE =
      Pattern.compile(
          "\\bbi[- ]?rads\\s*[:-]?\\s*(?:(?:category|assessment)\\s*:?\\s*)*(?:3|iii)\\b"
              + "|\\bprobably\\s+benign\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * This exam's reason is a follow-up of a probably benign finding: "6-month follow-up", "12 month
   * follow up of ...", "short-interval follow-up", "follow-up of probably benign ...".
   */
  private static final Pattern FOLLOW_UP_REASON =
      Pattern.compile(
          "\\b(?:6|six|12|twelve|18|eighteen|24)[- ]?(?:months?|mo)\\b[^.;]{0,20}?\\bfollow[- ]?up\\b"
              + "|\\bshort[- ](?:interval|term)\\s+follow[- ]?up\\b"
              + "|\\bfollow[- ]?up\\b[^.;]{0,60}\\bprobably\\s+benign\\b"
              + "|\\bfollow[- ]?up\\s+(?:of|for)\\b[^.;]{0,60}\\b(?:6|six|12|twelve)\\s+months?\\b"
              + "|\\bprobably\\s+benign\\b[^.;]{0,60}\\bfollow[- ]?up\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * A finding said unchanged against an earlier exam: "unchanged", "stable", "no interval change".
   */
  private static final Pattern UNCHANGED =
      Pattern.compile(
          "\\b(?:unchanged|stable|stability|persists?\\s+without\\s+change|not\\s+(?:significantly\\s+)?"
              + "changed|no\\s+(?:significant\\s+)?(?:interval\\s+)?change)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * A return to screening, not the 3's surveillance: "routine", "screening", "annual screening".
   */
  private static final Pattern ROUTINE =
      Pattern.compile("\\b(?:routine|screening)\\b", Pattern.CASE_INSENSITIVE);

  /**
   * This BI-RADS 3 exam is itself the surveillance of a probably benign finding: a prior assessed
   * BI-RADS 3 (or probably benign), an indication or comparison naming a 6- or 12-month follow-up,
   * or the finding said unchanged against an earlier exam (a 3's stability needs an earlier look).
   */
  private static boolean surveillanceExam(Report report) {
    for (var prior : report.request.priors()) {
      if (prior.relativeDays() < 0
          && PRIOR_THREE.matcher(prior.impression() + " " + prior.findings()).find()) {
        return true;
      }
    }
    StringBuilder reason = new StringBuilder(report.request.indication()).append(' ');
    for (var kind :
        List.of(
            org.radassist.model.SectionKind.CLINICAL_HISTORY,
            org.radassist.model.SectionKind.COMPARISON)) {
      TextAnalyzer.Section h = report.sections.get(kind);
      if (h != null) {
        reason.append(h.text).append(' ');
      }
    }
    if (FOLLOW_UP_REASON.matcher(reason).find()) {
      return true;
    }
    for (TextAnalyzer.Section s : report.dictatedBody()) {
      if (s.kind == org.radassist.model.SectionKind.RECOMMENDATION) {
        continue;
      }
      Matcher m = UNCHANGED.matcher(s.text);
      while (m.find()) {
        // "no interval change" asserts the comparison ("no change" is a ConText pseudo-trigger)
        if ((m.group().regionMatches(true, 0, "no", 0, 2)
                || ExtractorSupport.positiveAt(s, m.start()))
            && !stableOfAnotherFinding(s, m.start())) {
          return true;
        }
      }
    }
    return false;
  }

  /** A finding a BI-RADS 3 can be said of: mass, calcifications, asymmetry, focus, lesion. */
  private static final Pattern ASSESSABLE_FINDING =
      Pattern.compile(
          "\\b(?:mass\\w*|nodules?|calcifications?|calcs|asymmetr\\w*|focus|foci|lesions?|findings?"
              + "|fibroadenomas?|cysts?|densit\\w*|distortion|nme|enhancement|lymph\\s+nodes?|nodes?"
              + "|scar\\w*|implants?|probably\\s+benign)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * A finding known benign, not the probably benign one: a simple cyst, a lymph node, a scar, an
   * implant, or one called benign outright.
   */
  private static final Pattern OTHER_BENIGN =
      Pattern.compile(
          "\\b(?:simple\\s+cysts?|(?:intramammary\\s+|axillary\\s+)?(?:lymph\\s+)?nodes?|scar\\w*"
              + "|implants?|(?<!probably\\s)(?<!likely\\s)(?<!presumed\\s)benign)\\b",
          Pattern.CASE_INSENSITIVE);

  /** A probably benign finding word: what a BI-RADS 3 assesses. */
  private static final Pattern THREE_FINDING =
      Pattern.compile(
          "\\b(?:mass\\w*|calcifications?|calcs|asymmetr\\w*|focus|foci|distortion|nme"
              + "|probably\\s+benign)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * "Stable" said of a finding known benign elsewhere ("left breast simple cyst 6 mm, stable"), not
   * of the probably benign finding: no sign this exam is the 3's surveillance. A bare "Stable." is
   * said of the sentence before it.
   */
  private static boolean stableOfAnotherFinding(TextAnalyzer.Section s, int offset) {
    int sentence = s.sentenceAt(offset);
    if (sentence < 0) {
      return false;
    }
    String text = s.sentenceText(sentence);
    if (!ASSESSABLE_FINDING.matcher(text).find() && sentence > 0) {
      text = s.sentenceText(sentence - 1);
    }
    return OTHER_BENIGN.matcher(text).find() && !THREE_FINDING.matcher(text).find();
  }

  private static boolean followUpOfProbablyBenign(String sentence) {
    return FOLLOW_UP_OF_PROBABLY_BENIGN.matcher(sentence).find()
        && !sentence.toLowerCase(Locale.ROOT).contains("screening");
  }

  /** Whether a vocabulary hit lies on an interval the interval reading types itself. */
  private static boolean biRadsVocabularyInterval(Vocabulary.Hit h, List<Interval> timed) {
    for (Interval iv : timed) {
      if (h.start() < iv.end() && iv.start() < h.end()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Surgery for a benign finding's own sake: an implant rupture or a consultation left to the
   * patient's wish ("as clinically desired"), which a category 1 or 2 does not contradict.
   */
  private static final Pattern NON_CANCER_SURGERY =
      Pattern.compile(
          "\\bimplants?\\b|\\brupture\\w*|\\bexplant\\w*|\\bcapsular\\s+contracture\\b"
              + "|\\bas\\s+clinically\\s+(?:desired|indicated|appropriate)\\b"
              + "|\\b(?:at\\s+the\\s+)?patient'?s\\s+(?:discretion|request|preference)\\b"
              + "|\\b(?:elective|cosmetic|symptomatic\\s+relief)\\b",
          Pattern.CASE_INSENSITIVE);

  private static boolean nonCancerSurgery(
      Report report, TextAnalyzer.Section s, int start, int end) {
    if (NON_CANCER_SURGERY.matcher(clause(s.text, start, end)).find()) {
      return true;
    }
    for (TextAnalyzer.Section any : report.dictatedBody()) {
      if (any.kind == org.radassist.model.SectionKind.IMPRESSION
          && Pattern.compile(
                  "\\bimplants?\\b[^.;]{0,40}\\brupture|\\brupture\\w*[^.;]{0,40}\\bimplants?\\b",
                  Pattern.CASE_INSENSITIVE)
              .matcher(any.text)
              .find()) {
        return true; // the impression's finding is the implant, which the surgery is for
      }
    }
    return false;
  }

  /** "Calcifications on screening", "recalled from screening": a screening exam before this one. */
  private static final Pattern EARLIER_SCREENING =
      Pattern.compile(
          "\\b(?:on|from|at|after|following|during|by|detected on|seen on|found on|recalled from|"
              + "callback from)\\s+(?:an?\\s+|the\\s+|recent\\s+|prior\\s+|routine\\s+)*screening\\b"
              + "(?:\\s+(?:mammogra\\w*|exam\\w*|study|imaging))?",
          Pattern.CASE_INSENSITIVE);

  /**
   * A diagnostic exam that follows a screening one: "screening recall", "callback from screening",
   * "abnormal screening mammogram", "screen-detected".
   */
  private static final Pattern RECALL_FROM_SCREENING =
      Pattern.compile(
          "\\bscreening[\\s-]+(?:mammogra\\w*\\s+|exam\\w*\\s+|mri\\s+|ultrasound\\s+|tomosynthesis\\s+)?"
              + "(?:recall|re-call|callback|call-back|call back|abnormalit\\w*|finding\\w*|detected)\\b"
              + "|\\bscreen-detected\\b"
              + "|\\b(?:abnormal|positive|recent|prior|previous|outside)\\s+screening\\b"
              + "(?:\\s+(?:mammogra\\w*|exam\\w*|study))?",
          Pattern.CASE_INSENSITIVE);

  /**
   * Screening as a recommended next step in an impression or recommendation ("return to annual
   * screening", "routine screening mammography in 1 year", "screening is recommended"): the
   * management the category calls for, not the kind of this exam.
   */
  private static final Pattern SCREENING_AS_MANAGEMENT =
      Pattern.compile(
          "\\b(?:return(?:ing)?\\s+to|resum\\w*|continu\\w*|recommend\\w*|routine|annual|yearly|"
              + "age[- ]appropriate|next)\\s+(?:(?:to|with|annual|routine|yearly|the|bilateral)\\s+)*"
              + "screening\\b(?:\\s+(?:mammogra\\w*|exam\\w*|imaging|schedule))?"
              + "|\\bscreening\\b(?:\\s+(?:mammogra\\w*|exam\\w*))?\\s+(?:is\\s+)?"
              + "(?:in|at|recommended|advised|suggested)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * This exam is a screening one: CPT 77067, or "screening" said of it: not of an earlier exam
   * ("calcifications on screening", "screening recall") and not as the management recommended after
   * it ("return to annual screening").
   */
  private static boolean screeningExam(String context, Report report) {
    var procedure = report.request.study().procedure();
    if (procedure != null && "77067".equals(procedure.code())) {
      return true;
    }
    StringBuilder said = new StringBuilder(report.request.indication()).append(' ');
    TextAnalyzer.Section history =
        report.sections.get(org.radassist.model.SectionKind.CLINICAL_HISTORY);
    if (history != null) {
      said.append(history.text).append(' ');
    }
    for (TextAnalyzer.Section s : report.dictatedBody()) {
      String text = s.text;
      if (s.kind != org.radassist.model.SectionKind.FINDINGS) {
        text = SCREENING_AS_MANAGEMENT.matcher(text).replaceAll(" ");
      }
      said.append(text).append(' ');
    }
    String left = RECALL_FROM_SCREENING.matcher(said).replaceAll(" ");
    return EARLIER_SCREENING
        .matcher(left)
        .replaceAll(" ")
        .toLowerCase(Locale.ROOT)
        .contains("screening");
  }

  /** "BI-RADS 4 calls for ..., the report recommends ..." with both places as evidence. */
  private static Flag biRadsManagementMismatch(
      String category,
      String management,
      Found cat,
      TextAnalyzer.Section said,
      int start,
      int end,
      String tail) {
    return Flag.of(
        FlagType.CATEGORY_MANAGEMENT_MISMATCH,
        Severity.WARNING,
        "BI-RADS "
            + category
            + " calls for "
            + management
            + ", the report recommends "
            + said.text.substring(start, end)
            + tail,
        List.of(cat.evidence(), said.evidence(start, end)));
  }

  private static final String BI_RADS_VALUE = "([0-6]|vi|v|iv|iii|ii|i)(?:\\s?-?\\s?([abc]))?\\b";

  /** "BI-RADS IVb", "BIRADS category III", "BI-RADS assessment category 4 a". */
  private static final Pattern BI_RADS_WORDED =
      Pattern.compile(
          "bi[- ]?rads\\s*[:-]?\\s*(?:(?:final\\s+|overall\\s+)?(?:assessment|category)\\s*:?\\s*)*"
              + BI_RADS_VALUE,
          Pattern.CASE_INSENSITIVE);

  /** "Category V", "Final assessment: category 3": a breast report's category without the name. */
  private static final Pattern BREAST_CATEGORY =
      Pattern.compile(
          // not the old ACR density categories ("density category 2")
          "(?<!density )(?<!composition )(?<!acr )"
              + "\\b(?:(?:final|overall)\\s+)?(?:assessment|category)\\s*:?\\s*(?:category\\s*:?\\s*)?"
              + BI_RADS_VALUE,
          Pattern.CASE_INSENSITIVE);

  /**
   * The dictated BI-RADS category, Arabic or Roman, with or without the subdivision's hyphen or
   * space ("4B"); a bare "category" counts only in breast imaging.
   */
  private static Found biRadsCategory(Report report, boolean breast) {
    Found worded = biRadsMatch(report, BI_RADS);
    if (worded == null) {
      worded = biRadsMatch(report, BI_RADS_WORDED);
    }
    if (worded == null && breast) {
      worded = biRadsMatch(report, BREAST_CATEGORY);
    }
    return worded;
  }

  private static Found biRadsMatch(Report report, Pattern p) {
    Found first = null;
    Found best = null;
    for (TextAnalyzer.Section s : report.dictatedBody()) {
      Matcher m = p.matcher(s.text);
      while (m.find()) {
        if (retracted(s.text, m.end())) {
          continue; // "BI-RADS 4A, no, scratch that, BI-RADS 3": the correction counts
        }
        Found here = new Found(biRadsValue(m, p), s.evidence(m.start(), m.end()));
        if (first == null) {
          first = here;
        }
        if (PRIOR_CATEGORY
            .matcher(s.text.substring(Math.max(0, m.start() - 40), m.start()))
            .find()) {
          continue; // "previously BI-RADS 4": the past exam's
        }
        if (revisedLater(s.text, m.end(), p)) {
          continue; // "BI-RADS 0 ... ADDENDUM: ... changed to BI-RADS 2": the revision is final
        }
        if (best == null || biRadsRank(here.value()) > biRadsRank(best.value())) {
          // several lesions assessed apart ("right breast BI-RADS 2 ... left breast BI-RADS 4"):
          // the exam's assessment is the most worrisome one (ACR BI-RADS Atlas 2013)
          best = here;
        }
      }
    }
    return best != null ? best : first;
  }

  /** An addendum or revision that replaces a category said before it. */
  private static final Pattern REVISION_WORDS =
      Pattern.compile(
          "\\b(?:addendum|revised|revision|amended|corrected|updated|changed to"
              + "|now (?:re)?categori[sz]ed)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * The category ending at {@code end} is followed by an addendum or a revised assessment that
   * gives a category of its own: the later one is the report's final assessment.
   */
  private static boolean revisedLater(String text, int end, Pattern category) {
    Matcher r = REVISION_WORDS.matcher(text);
    if (!r.find(end)) {
      return false;
    }
    return category.matcher(text).find(r.end());
  }

  private static String biRadsValue(Matcher m, Pattern p) {
    String number =
        switch (m.group(1).toLowerCase(Locale.ROOT)) {
          case "i" -> "1";
          case "ii" -> "2";
          case "iii" -> "3";
          case "iv" -> "4";
          case "v" -> "5";
          case "vi" -> "6";
          default -> m.group(1);
        };
    String sub = m.groupCount() >= 2 && m.group(2) != null ? m.group(2) : "";
    if (p == BI_RADS) {
      return m.group(1).toUpperCase(Locale.ROOT);
    }
    return (number + sub).toUpperCase(Locale.ROOT);
  }

  /** The ACR order of concern for an overall assessment: 1, 2, 3, 6, 0, 4 (A-C), 5. */
  private static int biRadsRank(String category) {
    String c = category.replace(" ", "").toUpperCase(Locale.ROOT);
    return switch (c) {
      case "1" -> 1;
      case "2" -> 2;
      case "3" -> 3;
      case "6" -> 4;
      case "0" -> 5;
      case "4", "4A" -> 6;
      case "4B" -> 7;
      case "4C" -> 8;
      case "5" -> 9;
      default -> 0;
    };
  }

  /**
   * The BI-RADS category said earlier in the same sentence as a management ("left breast mass,
   * BI-RADS 4: core biopsy"), which that management answers; null when the sentence names none.
   */
  private static String biRadsOfPreviousSentence(TextAnalyzer.Section s, int offset) {
    int sentence = s.sentenceAt(offset);
    if (sentence < 1) {
      return null;
    }
    String last = null;
    Matcher m =
        BI_RADS_WORDED
            .matcher(s.text)
            .region(s.sentences.get(sentence - 1).start(), s.sentences.get(sentence).start());
    while (m.find()) {
      last = biRadsValue(m, BI_RADS_WORDED).replace(" ", "");
    }
    return last;
  }

  private static String biRadsOfSentence(TextAnalyzer.Section s, int offset) {
    int sentence = s.sentenceAt(offset);
    if (sentence < 0) {
      return null;
    }
    int from = s.sentences.get(sentence).start();
    Matcher m = BI_RADS_WORDED.matcher(s.text).region(from, offset);
    String last = null;
    while (m.find()) {
      if (!retracted(s.text, m.end())) {
        last = biRadsValue(m, BI_RADS_WORDED).replace(" ", "");
      }
    }
    return last;
  }

  /**
   * A category the findings imply where none was dictated: value, why, and the words it rests on.
   */
  record Suggestion(String category, String rationale, Evidence evidence) {}

  /** ACR 5: "highly suggestive of malignancy" said of this exam's finding. */
  private static final Pattern HIGHLY_SUGGESTIVE =
      Pattern.compile(
          "\\bhighly\\s+suggestive\\s+of\\s+(?:a\\s+|an\\s+)?(?:malignan\\w*|carcinoma|cancer|neoplasm)"
              + "|\\bclassic(?:ally)?\\s+(?:malignant|for\\s+(?:malignancy|carcinoma))",
          Pattern.CASE_INSENSITIVE);

  /** The Atlas's typical 5 morphology: fine linear (branching) calcifications. */
  private static final Pattern FINE_LINEAR =
      Pattern.compile(
          "\\bfine[- ]linear(?:[- ]branching)?\\s+(?:\\w+\\s+)?calcifications?\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern SPICULATED =
      Pattern.compile("\\bspiculat\\w*", Pattern.CASE_INSENSITIVE);

  private static final Pattern IRREGULAR =
      Pattern.compile("\\birregular\\w*", Pattern.CASE_INSENSITIVE);

  /** ACR 4: a finding called suspicious, worrisome or concerning (not "probably benign"). */
  private static final Pattern SUSPICIOUS =
      Pattern.compile(
          "\\b(?:suspicious|worrisome|concerning)\\b"
              + "(?!\\s+(?:for|of)\\s+(?:a\\s+)?(?:benign|cyst|fibroadenoma|artefact|artifact|summation))",
          Pattern.CASE_INSENSITIVE);

  /** ACR 3: "probably benign", or a short-interval follow-up asked for. */
  private static final Pattern PROBABLY_BENIGN =
      Pattern.compile(
          "\\bprobably\\s+benign\\b|\\bshort[- ](?:interval|term)\\s+follow[- ]?up\\b",
          Pattern.CASE_INSENSITIVE);

  /** A recall from screening, or prior films asked for before an assessment (ACR 0). */
  private static final Pattern RECALL =
      Pattern.compile(
          // not a past recall ("recalled from screening"): that one made this exam diagnostic
          "(?<!routine )(?<!normal )(?<!annual )(?<!standard )"
              + "\\b(?:recall|call[- ]?back|call\\s+back)\\b(?!\\s+(?:from|after|following)\\b)"
              // "routine recall in three years": a screening programme's next round, no work-up
              + "(?!\\s+(?:in\\s+(?:\\w+\\s+)?(?:years?|months?)|to\\s+(?:routine|annual)|for\\s+routine))"
              + "|\\b(?:await\\w*|request\\w*|obtain\\w*|retriev\\w*)\\s+(?:the\\s+)?"
              + "(?:(?:outside|prior|previous|old|earlier)\\s+)+(?:films|mammograms?|studies|images|exams?)\\b",
          Pattern.CASE_INSENSITIVE);

  /** A malignancy proven by biopsy, which this exam stages or follows before surgery (ACR 6). */
  private static final Pattern KNOWN_CANCER =
      Pattern.compile(
          "\\b(?:biopsy[- ]proven|known|proven)\\s+(?:[\\w-]+\\s+){0,4}?"
              + "(?:carcinoma|malignancy|cancer|idc|ilc|dcis)\\b",
          Pattern.CASE_INSENSITIVE);

  /** A finding explained away as overlapping tissue or artefact. */
  private static final Pattern NOT_REAL =
      Pattern.compile(
          "\\bsummation\\b|\\bsuperimposition\\b|\\b(?:resolves|resolved|disperses|dispersed|effaces)"
              + "\\s+(?:completely\\s+)?(?:on|with)\\s+(?:spot|additional|compression|rolled|tomosynthesis)"
              + "|\\b(?:artifact|artefact)\\b",
          Pattern.CASE_INSENSITIVE);

  /** A cancer already treated is history, not the known cancer of ACR 6. */
  private static final Pattern TREATED =
      Pattern.compile(
          "\\b(?:treated|lumpectomy|mastectomy|excised|resected|status post|s/p|history|prior|"
              + "previous|remote|radiation|radiotherapy|chemotherapy|post[- ]?surgical)\\b",
          Pattern.CASE_INSENSITIVE);

  /** A work-up asked for in words: "additional evaluation", "further work-up". */
  private static final Pattern WORK_UP =
      Pattern.compile(
          "\\b(?:additional|further|diagnostic)\\s+(?:evaluation|work[- ]?up|assessment)\\b",
          Pattern.CASE_INSENSITIVE);

  /** Findings the Atlas calls benign (category 2). */
  private static final Pattern BENIGN =
      Pattern.compile(
          "(?<!probably )(?<!probably\\s)\\bbenign(?:[- ]appearing)?\\b|\\bsimple\\s+cysts?\\b"
              + "|\\bpopcorn\\b|\\b(?:coarse|vascular|skin|dermal|dystrophic|rim|eggshell|secretory|"
              + "rod[- ]like|large\\s+rod[- ]like|lucent[- ]cent\\w+)\\s+(?:\\w+\\s+)?calcifications?\\b"
              + "|\\bmilk\\s+of\\s+calcium\\b|\\boil\\s+cysts?\\b|\\blipomas?\\b|\\bhamartomas?\\b"
              + "|\\bintramammary\\s+(?:lymph\\s+)?nodes?\\b|\\bfat\\s+necrosis\\b"
              + "|\\b(?:involuting|involuted|calcified|biopsy[- ]proven)\\s+fibroadenomas?\\b"
              + "|\\bimplants?\\b[^.;]{0,30}\\bintact\\b|\\bintact\\s+(?:\\w+\\s+)?implants?\\b"
              + "|\\b(?:post[- ]?surgical|postoperative|post[- ]?lumpectomy)\\s+(?:changes|scar\\w*)\\b"
              + "|\\bfat[- ]containing\\b",
          Pattern.CASE_INSENSITIVE);

  /** A simple cyst described by its features: anechoic (circumscribed, thin-walled) cyst. */
  private static final Pattern SIMPLE_CYST_LOOK =
      Pattern.compile(
          "\\banechoic\\b[^.;]{0,60}\\bcysts?\\b|\\bcysts?\\b[^.;]{0,60}\\banechoic\\b",
          Pattern.CASE_INSENSITIVE);

  /** What a breast report may describe as a finding: each needs a benign reading for 1/2. */
  private static final Pattern BREAST_FINDING =
      Pattern.compile(
          "\\b(?:mass(?:es)?|lesions?|nodules?|asymmetr\\w*|distortion|calcifications?|"
              + "microcalcifications?|cysts?|nodes?|fibroadenomas?|thickening|foci|focus)\\b"
              // the composition's "fibroglandular density" and MRI background parenchymal
              // enhancement describe the breast, not a finding
              + "|(?<!fibroglandular )\\bdensit(?:y|ies)\\b"
              + "|(?<!parenchymal )(?<!background )\\benhancement\\b",
          Pattern.CASE_INSENSITIVE);

  /** A negative breast exam in words (ACR 1). */
  private static final Pattern NEGATIVE =
      Pattern.compile(
          "\\bno\\s+(?:\\w+\\s+){0,3}?evidence\\s+of\\s+malignancy\\b"
              + "|\\bno\\s+(?:\\w+\\s+){0,2}?(?:suspicious|dominant)\\s+(?:\\w+\\s+)?"
              + "(?:mass(?:es)?|calcifications?|findings?|abnormalit\\w*|lesions?|features)\\b"
              + "|\\bnegative\\s+(?:\\w+\\s+)?(?:mammogra\\w*|exam\\w*|study|ultrasound|mri|screening)\\b"
              + "|\\b(?:mammogra\\w*|exam\\w*|study|ultrasound)\\s+(?:is\\s+)?negative\\b"
              + "|\\bnormal\\s+(?:\\w+\\s+)?(?:mammogra\\w*|(?:breast\\s+)?ultrasound|sonogra\\w*|mri|"
              + "exam\\w*|study|breasts?)\\b"
              + "|^\\s*negative\\.?\\s*$",
          Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

  /**
   * The BI-RADS category the report's own words imply when none is dictated (ACR Atlas 2013):
   * screening exams only 0 (any finding to work up, a recall), 1 or 2; otherwise 5 for "highly
   * suggestive of malignancy" or the Atlas's typical morphology (irregular spiculated mass, fine
   * linear calcifications), 4 for a suspicious finding or a biopsy asked for, 3 for "probably
   * benign" or a short-interval follow-up, 2 when every finding is called benign, 1 when the report
   * says the exam is negative and describes no finding. Null when the words do not decide (the
   * field then asks for the dictated category).
   */
  private static Suggestion suggestCategory(Report report) {
    boolean screening = screeningExam(report.contextText(), report);
    Suggestion worrying = null;
    Suggestion recall = null;
    Suggestion probablyBenign = null;
    Suggestion benign = null;
    Suggestion negative = null;
    Suggestion known = null;
    java.util.Set<String> readBenign = new java.util.HashSet<>();
    java.util.Set<String> unread = new java.util.HashSet<>();
    for (TextAnalyzer.Section s : report.dictatedBody()) {
      boolean body =
          s.kind == org.radassist.model.SectionKind.FINDINGS
              || s.kind == org.radassist.model.SectionKind.IMPRESSION
              || s.kind == org.radassist.model.SectionKind.RECOMMENDATION;
      if (!body) {
        continue;
      }
      for (int i = 0; i < s.sentences.size(); i++) {
        String text = s.sentenceText(i);
        int base = s.sentences.get(i).start();
        Matcher k = KNOWN_CANCER.matcher(text);
        if (positiveMatch(s, base, k) && !TREATED.matcher(text).find()) {
          if (known == null) {
            known = new Suggestion("6", "known biopsy-proven malignancy", ev(s, base, k));
          }
          continue; // the known cancer's own words: not a new finding to assess
        }
        Matcher m = HIGHLY_SUGGESTIVE.matcher(text);
        if (positiveMatch(s, base, m)) {
          worrying = new Suggestion("5", "highly suggestive of malignancy", ev(s, base, m));
        }
        m = FINE_LINEAR.matcher(text);
        if (worrying == null && positiveMatch(s, base, m)) {
          worrying = new Suggestion("5", "fine linear calcifications", ev(s, base, m));
        }
        Matcher sp = SPICULATED.matcher(text);
        Matcher ir = IRREGULAR.matcher(text);
        if ((worrying == null || !worrying.category().equals("5"))
            && positiveMatch(s, base, sp)
            && positiveMatch(s, base, ir)) {
          worrying = new Suggestion("5", "irregular spiculated mass", ev(s, base, sp));
        }
        m = SUSPICIOUS.matcher(text);
        if (worrying == null && positiveMatch(s, base, m)) {
          worrying = new Suggestion("4", "finding called " + m.group(), ev(s, base, m));
        }
        m = RECALL.matcher(text);
        if (recall == null && positiveMatch(s, base, m) && !conditional(text, m.start(), m.end())) {
          recall = new Suggestion("0", "recall for further work-up", ev(s, base, m));
        }
        if (recall == null && screening && s.kind != org.radassist.model.SectionKind.FINDINGS) {
          // "additional evaluation with magnification views is recommended" after a screen
          for (Pattern p : List.of(MORE_IMAGING, WORK_UP)) {
            m = p.matcher(text);
            if (positiveMatch(s, base, m)
                && recommends(s, base + m.start())
                && !conditional(text, m.start(), m.end())
                && intervals(text).isEmpty()) {
              recall = new Suggestion("0", "additional evaluation recommended", ev(s, base, m));
              break;
            }
          }
        }
        m = PROBABLY_BENIGN.matcher(text);
        if (probablyBenign == null && positiveMatch(s, base, m)) {
          probablyBenign = new Suggestion("3", m.group().toLowerCase(Locale.ROOT), ev(s, base, m));
        }
        Matcher b = BENIGN.matcher(text);
        boolean benignHere = positiveMatch(s, base, b);
        if (!benignHere) {
          b = SIMPLE_CYST_LOOK.matcher(text);
          benignHere = positiveMatch(s, base, b);
        }
        if (benignHere && benign == null) {
          benign = new Suggestion("2", "benign findings (" + b.group() + ")", ev(s, base, b));
        }
        Matcher n = NEGATIVE.matcher(text);
        if (negative == null && n.find()) {
          negative = new Suggestion("1", "negative exam", ev(s, base, n));
        }
        // an asymmetry read as overlapping normal tissue ("summation", "resolves on spot
        // compression") is no finding: it leaves the exam negative, not benign
        boolean notReal = NOT_REAL.matcher(text).find();
        Matcher f = BREAST_FINDING.matcher(text);
        while (f.find()) {
          if (ExtractorSupport.positiveAt(s, base + f.start())) {
            String noun = f.group().toLowerCase(Locale.ROOT).replaceAll("(?:es|s)$", "");
            (benignHere || notReal ? readBenign : unread).add(noun);
          }
        }
      }
    }
    for (SaidAction a : actions(report)) {
      if (a.action() == Action.TISSUE_SAMPLING && worrying == null) {
        worrying =
            new Suggestion(
                "4", "tissue sampling recommended", a.section().evidence(a.start(), a.end()));
      }
      String around = clause(a.section().text, a.start(), a.end());
      boolean timed =
          !intervals(around).isEmpty()
              || around
                  .toLowerCase(Locale.ROOT)
                  .matches("(?s).*\\b(?:screening|routine|annual|yearly)\\b.*");
      if (a.action() == Action.IMAGING && recall == null && screening && !timed) {
        // more imaging now, not the next screening round
        recall =
            new Suggestion(
                "0", "additional imaging recommended", a.section().evidence(a.start(), a.end()));
      }
    }
    if (known != null && !screening && worrying == null && recall == null) {
      return known; // ACR 6: the known cancer before definitive treatment, nothing new to work up
    }
    if (screening) {
      // screening mammography is assessed 0, 1 or 2: anything to work up is a recall
      Suggestion workUp = recall != null ? recall : worrying != null ? worrying : probablyBenign;
      if (workUp != null) {
        return new Suggestion(
            "0",
            "screening exam with a finding to work up (" + workUp.rationale() + ")",
            workUp.evidence());
      }
    } else if (worrying != null) {
      return worrying;
    } else if (probablyBenign != null) {
      return probablyBenign;
    }
    // a finding no sentence calls benign ("Cyst at the palpable site." restates the anechoic cyst)
    unread.removeAll(readBenign);
    if (!unread.isEmpty() || recall != null) {
      return null; // a finding without a reading, or a diagnostic work-up still open: not enough
    }
    return benign != null ? benign : negative;
  }

  private static boolean positiveMatch(TextAnalyzer.Section s, int base, Matcher m) {
    while (m.find()) {
      if (ExtractorSupport.positiveAt(s, base + m.start())) {
        return true;
      }
    }
    return false;
  }

  private static Evidence ev(TextAnalyzer.Section s, int base, Matcher m) {
    return s.evidence(base + m.start(), base + m.end());
  }
}
