package org.radassist.drafting.internal.engine;

import static org.radassist.drafting.internal.engine.DictatedActions.NO_FOLLOW_UP;
import static org.radassist.drafting.internal.engine.DictatedActions.actions;
import static org.radassist.drafting.internal.engine.DictatedActions.conditional;
import static org.radassist.drafting.internal.engine.ExtractorSupport.PRIOR_CATEGORY;
import static org.radassist.drafting.internal.engine.ExtractorSupport.addField;
import static org.radassist.drafting.internal.engine.ExtractorSupport.concat;
import static org.radassist.drafting.internal.engine.ExtractorSupport.largestInSentence;
import static org.radassist.drafting.internal.engine.ExtractorSupport.positiveAt;
import static org.radassist.drafting.internal.engine.ExtractorSupport.retracted;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.radassist.drafting.internal.engine.DictatedActions.Action;
import org.radassist.drafting.internal.engine.DictatedActions.SaidAction;
import org.radassist.drafting.internal.engine.ExtractorSupport.Found;
import org.radassist.drafting.internal.engine.StructuredExtractor.Result;
import org.radassist.drafting.internal.engine.StructuredExtractor.Scored;
import org.radassist.drafting.internal.engine.frames.LesionFrame;
import org.radassist.drafting.internal.rules.Assessment;
import org.radassist.drafting.internal.rules.PiRads;
import org.radassist.model.Evidence;
import org.radassist.model.Flag;
import org.radassist.model.FlagType;
import org.radassist.model.ScoringSystem;
import org.radassist.model.Severity;

/** Reads PI-RADS v2.1 from a prostate MRI: zone, T2W, DWI and DCE scores, and biopsy advice. */
final class PiRadsReader {

  private static final Pattern PI_RADS =
      Pattern.compile(
          // the version ("PI-RADS v2.1 category 4", "PI-RADS 2.1 score 3") is no category
          "pi-rads\\s*:?\\s*(?:(?:v|version)\\s*2(?:\\.[01])?\\s*:?\\s*|2\\.[01]\\s*:?\\s*)?"
              + "(?:(?:overall\\s+)?(?:category|score|assessment)\\s*(?:of\\s*)?)?:?\\s*([1-5])\\b(?!\\.\\d)",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern T2W =
      Pattern.compile(
          "\\bt2(?:wi?|-weighted| weighted)?\\s*:?(?:\\s*score)?\\s*(?:of\\s*|is\\s*|=\\s*)?([1-5])\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern DWI =
      Pattern.compile(
          // "DWI/ADC: 4": the diffusion score said with its ADC map
          "\\b(?:dwi|diffusion)(?:\\s*/\\s*adc)?\\s*:?(?:\\s*score)?\\s*(?:of\\s*|is\\s*|=\\s*)?([1-5])\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern DCE =
      Pattern.compile(
          "\\bdce\\s*[:-]?\\s*(?:is\\s*)?(positive|negative|\\+\\s?(?:ve\\b)?|-\\s?ve\\b"
              // a bare sign in a scores list: "T2 3, DWI 3, DCE -."
              + "|-(?=\\s*(?:[.,;)]|$)))"
              + "|\\b(positive|negative)\\s*dce\\b"
              + "|\\b(no) early (?:focal )?enhancement|\\b(early) (?:focal )?enhancement",
          Pattern.CASE_INSENSITIVE);

  void piRads(Report report, Result r) {
    TextAnalyzer.Section f = report.findings();
    Found said = firstSaid(report);
    String ctx = report.contextText();
    if (f == null) {
      return;
    }
    // a prostate MRI that scores or describes a lesion; "prostate enlarged" on a bladder MRI with
    // DWI, or a normal gland, is not scored
    boolean sequences = PROSTATE_SEQUENCES.matcher(ctx).find();
    boolean scored = T2W.matcher(f.text).find() || DWI.matcher(f.text).find();
    boolean lesion =
        report.findingFrames.stream()
                .anyMatch(
                    fr ->
                        fr.organ().equals("prostate")
                            && fr.assertion().positive()
                            && List.of("lesion", "nodule", "mass", "observation")
                                .contains(fr.kind()))
            || sizedZoneFocus(f)
            || describedZoneLesion(f);
    // a gland said to hold no focal lesion is PI-RADS 1 where the report assesses PI-RADS; a
    // normal prostate MRI that names no category is offered none
    boolean noLesion = said != null && !scored && noProstateLesion(report, f);
    boolean prostate =
        sequences
            && (ctx.contains("prostat")
                || (report.bodyPart().contains("PROSTATE")
                    && (report.modality().isEmpty() || report.modality().equals("MR"))))
            && (scored || lesion);
    if (said == null && !prostate) {
      notAssessable(report, r);
      return;
    }
    if (postTreatment(report)) {
      // v2.1 scores an untreated gland: after prostatectomy or radiotherapy it does not apply
      return;
    }
    String modality = report.modality();
    if (!modality.isEmpty() && !modality.equals("MR")) {
      return; // PI-RADS assesses MRI: a CT naming the PI-RADS 4 lesion of an MRI scores nothing
    }
    // biparametric MRI (T2W and DWI only): no DCE to upgrade a peripheral zone DWI 3
    TextAnalyzer.Section technique = report.sections.get(org.radassist.model.SectionKind.PROCEDURE);
    boolean biparametric =
        BIPARAMETRIC.matcher(ctx).find()
            || (technique != null && BIPARAMETRIC.matcher(technique.text).find())
            || DCE_NOT_DONE.matcher(f.text).find();
    List<Evidence> ev = new ArrayList<>();
    Assessment a =
        assessProstate(
            f, 0, f.text.length(), biparametric, ev, lesionSizeMm(report, 0, f.text.length()));
    // several lesions, each in sentences of its own: the exam category is the most suspicious one
    List<Integer> starts = new ArrayList<>();
    for (LesionFrame fr : report.findingFrames) {
      if (fr.organ().equals("prostate")
          && fr.assertion().positive()
          && fr.sentenceStart() >= 0
          && List.of("lesion", "nodule", "mass", "observation").contains(fr.kind())
          && !starts.contains(fr.sentenceStart())) {
        starts.add(fr.sentenceStart());
      }
    }
    // a measured focus in a zone in a sentence of its own ("Right mid PZ 6 mm DWI 3 focus") is a
    // lesion too, graded apart from a framed one beside it
    if (!starts.isEmpty()) {
      for (int i = 0; i < f.sentences.size(); i++) {
        String sentence = f.sentenceText(i);
        int at = f.sentences.get(i).start();
        if (SIZED_FOCUS.matcher(sentence).find()
            && ZONE.matcher(sentence).find()
            && !starts.contains(at)) {
          starts.add(at);
        }
      }
    }
    List<Integer> listed = listedLesionStarts(f);
    if (listed.size() > 1) {
      starts = listed; // "1) Right PZ ... 2) Left PZ ...", "Lesion A: ... Lesion B: ..."
    }
    List<Lesion> lesions = new ArrayList<>();
    if (starts.size() > 1) {
      java.util.Collections.sort(starts);
      Assessment best = null;
      List<Evidence> bestEv = null;
      for (int i = 0; i < starts.size(); i++) {
        int from = i == 0 ? 0 : starts.get(i);
        int to = i + 1 < starts.size() ? starts.get(i + 1) : f.text.length();
        List<Evidence> spanEv = new ArrayList<>();
        Assessment one =
            assessProstate(f, from, to, biparametric, spanEv, lesionSizeMm(report, from, to));
        if (one.isComplete()) {
          lesions.add(new Lesion(one, from, to, spanEv));
        }
        if (one.isComplete()
            && (best == null
                || Integer.parseInt(one.category()) > Integer.parseInt(best.category()))) {
          best = one;
          bestEv = spanEv;
        }
      }
      if (best != null) {
        a = best;
        ev = bestEv;
      }
    }
    // an addendum that re-reads the lesion (its zone and scores) replaces the findings' reading
    List<Evidence> revisedEv = new ArrayList<>();
    Found revisedSaid = null;
    Assessment revised = addendumReading(report, biparametric, revisedEv);
    if (revised != null) {
      a = revised;
      ev = revisedEv;
      lesions = new ArrayList<>();
      revisedSaid = saidInAddendum(report);
    }
    // a gland said to hold no lesion whose only transition zone words are typical (encapsulated)
    // BPH nodules, T2W 1 by their look: 1 or 2 is the reader's call on non-focal findings
    boolean onlyTypicalNodules =
        a.isComplete()
            && a.category().equals("1")
            && report.findingFrames.stream()
                .noneMatch(
                    fr ->
                        fr.organ().equals("prostate")
                            && fr.assertion().positive()
                            && List.of("lesion", "mass", "observation").contains(fr.kind()));
    if ((!a.isComplete() || onlyTypicalNodules)
        && noLesion
        && (said.value().equals("1") || said.value().equals("2"))) {
      // no focal lesion and no score dictated: PI-RADS 1, or 2 for non-focal findings (linear or
      // wedge-shaped, diffuse), which the words do not tell apart: the dictated one of the two
      ev = new ArrayList<>(List.of(noLesionSaid(report, f)));
      a = PiRads.noFocalLesion(Integer.parseInt(said.value()));
    }
    if (!a.isComplete()
        && said != null
        && revised == null
        && !scored
        && !SEQUENCE_WORDS.matcher(f.text).find()) {
      // a category dictated for a lesion no sequence of which is scored or described: the
      // reader's category stands (a described look that leaves a score unknown stays incomplete)
      ev = new ArrayList<>(List.of(said.evidence()));
      a = PiRads.asDictated(Integer.parseInt(said.value()));
    }
    ScoringSystem sys = ScoringSystem.PI_RADS;
    if (!a.isComplete()) {
      addField(r, sys, PiRads.VERSION, "category", "", ev, 0.4, a.missing(), a.reason());
      return;
    }
    addField(r, sys, PiRads.VERSION, "category", a.category(), ev, 0.85, List.of(), a.reason());
    addField(
        r,
        sys,
        PiRads.VERSION,
        "likelihood",
        a.management(),
        ev,
        0.85,
        List.of(),
        "PI-RADS " + a.category());
    r.scored.add(new Scored(a, ev, 0.85));
    if (revised != null && revisedSaid != null) {
      said = revisedSaid; // the addendum's revised category replaces the one said before it
    } else if (said != null) {
      // "Lesion 1 PI-RADS 2 ... Lesion 2 PI-RADS 4": the exam's category is the most suspicious
      // lesion's (PI-RADS v2.1), so the highest dictated one answers the computed one
      said = highestSaid(report, PI_RADS, said);
    }
    if (said != null
        && !said.value().equals(a.category())
        && omittedHigherLesion(report, f, lesions, said, a, r)) {
      return; // the dictated category is a lesser lesion's; the worse lesion is left out
    }
    if (said != null && !said.value().equals(a.category())) {
      r.dictated.add(
          new Scored(
              new Assessment(
                  ScoringSystem.PI_RADS,
                  a.version(),
                  said.value(),
                  "",
                  "dictated, not the table's"),
              List.of(said.evidence()),
              0.8));
      r.flags.add(
          Flag.of(
              FlagType.CATEGORY_MANAGEMENT_MISMATCH,
              Severity.WARNING,
              "Dictated PI-RADS "
                  + said.value()
                  + ", PI-RADS v2.1 gives "
                  + a.category()
                  + " ("
                  + a.reason()
                  + ")",
              concat(List.of(said.evidence()), ev)));
    } else if (a.category().equals("4") || a.category().equals("5")) {
      piRadsNoBiopsy(report, r, a, ev);
      piRadsSurveillanceOnly(report, r, a, ev);
    } else if (a.category().equals("1") || a.category().equals("2")) {
      piRadsTargetedBiopsy(report, r, a, ev);
    }
  }

  /** "MRI-targeted biopsy", "fusion biopsy", "in-bore biopsy": a biopsy aimed at an MRI lesion. */
  private static final Pattern TARGETED =
      Pattern.compile(
          "\\b(?:(?:mri?|mr/us|mri/us|us/mri)[- ]?)?(?:targeted|fusion|in-?bore|(?:mri?|mr/us)[- ]guided)"
              + "(?:\\s+[a-z-]+){0,2}\\s*$",
          Pattern.CASE_INSENSITIVE);

  /**
   * PI-RADS 1 and 2 (clinically significant cancer highly unlikely / unlikely, v2.1) have no lesion
   * to target: an MRI-targeted biopsy asked for contradicts the category. A systematic biopsy on
   * clinical grounds (PSA density) is not the MRI's management and is left alone.
   */
  private void piRadsTargetedBiopsy(Report report, Result r, Assessment a, List<Evidence> ev) {
    for (SaidAction x : actions(report)) {
      if (x.action() != Action.TISSUE_SAMPLING
          || saysNoBiopsy(x)
          || (x.section().kind != org.radassist.model.SectionKind.IMPRESSION
              && x.section().kind != org.radassist.model.SectionKind.RECOMMENDATION)) {
        continue;
      }
      String before = x.section().text.substring(Math.max(0, x.start() - 40), x.start());
      if (!TARGETED.matcher(before).find()) {
        continue;
      }
      r.flags.add(
          Flag.of(
              FlagType.CATEGORY_MANAGEMENT_MISMATCH,
              Severity.WARNING,
              "PI-RADS "
                  + a.category()
                  + " ("
                  + a.management()
                  + ") has no lesion to target; the report recommends a targeted "
                  + x.section().text.substring(x.start(), x.end()),
              concat(List.of(x.section().evidence(x.start(), x.end())), ev)));
      return;
    }
  }

  /** The biopsy word lies in "biopsy is not needed" and the like: it plans none. */
  private static boolean saysNoBiopsy(SaidAction said) {
    Matcher no = NO_BIOPSY.matcher(said.section().text);
    while (no.find()) {
      if (said.start() >= no.start() && said.start() < no.end()) {
        return true;
      }
    }
    return false;
  }

  /** "No biopsy needed", "routine PSA monitoring", "no further work-up" said as the plan. */
  private static final Pattern NO_BIOPSY =
      Pattern.compile(
          "\\b(?:no|without)\\s+(?:(?:further|targeted|prostate|tissue|need for|immediate)\\s+)*"
              + "(?:biopsy|biopsies|tissue sampling)\\b(?!\\s+(?:history|before|previously))"
              // "no further imaging or biopsy required": the biopsy declined with another step
              + "|\\b(?:no|without)\\s+(?:further\\s+)?(?:imaging|mri|follow[- ]?up|work[- ]?up"
              + "|investigations?|interventions?|action)\\s+(?:or|and|nor|/)\\s+(?:further\\s+)?"
              + "(?:biopsy|biopsies|tissue sampling)\\b"
              + "|\\b(?:biopsy|biopsies|tissue sampling)\\s+(?:is\\s+|are\\s+)?(?:not\\s+(?:needed|necessary"
              + "|required|indicated|recommended|warranted)|unnecessary)\\b"
              + "|\\broutine\\s+psa\\s+(?:monitoring|surveillance|follow[- ]?up|testing)\\b"
              // a plan of PSA re-testing alone ("Recommend repeat PSA in 12 months")
              + "|\\b(?:repeat|recheck|re-check|serial|interval)\\s+(?:serum\\s+)?psa\\b"
              + "|\\bpsa\\s+(?:monitoring|surveillance|follow[- ]?up|recheck|check|testing)\\s+in\\b"
              // "No further action; annual PSA with the GP", "discharge to primary care"
              + "|\\bno\\s+further\\s+(?:action|management|steps?)\\b"
              + "|\\b(?:annual|yearly|routine|six-monthly|6-monthly)\\s+(?:serum\\s+)?psa\\b"
              + "|\\bdischarge[ds]?\\s+(?:back\\s+)?to\\s+(?:the\\s+)?(?:gp|general practitioner|primary care)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * PI-RADS 4 and 5 (high and very high likelihood of clinically significant cancer, v2.1) call for
   * a targeted biopsy; a plan of no biopsy or only routine monitoring contradicts the category.
   * Conditional plans ("no biopsy unless PSA rises") are left alone.
   */
  private void piRadsNoBiopsy(Report report, Result r, Assessment a, List<Evidence> ev) {
    if (actions(report).stream()
        .anyMatch(x -> x.action() == Action.TISSUE_SAMPLING && !saysNoBiopsy(x))) {
      return; // "targeted biopsy; no further imaging required" plans the biopsy
    }
    flagFirstPlan(report, r, a, ev, List.of(NO_BIOPSY, NO_FOLLOW_UP), "says");
  }

  /**
   * Flags the first unconditional plan of the patterns in the impression or recommendation as
   * contradicting the targeted biopsy PI-RADS 4 and 5 call for; a history's "no prior biopsy" plans
   * nothing.
   */
  private static void flagFirstPlan(
      Report report,
      Result r,
      Assessment a,
      List<Evidence> ev,
      List<Pattern> plans,
      String reportVerb) {
    for (TextAnalyzer.Section s : report.dictatedBody()) {
      if (s.kind != org.radassist.model.SectionKind.IMPRESSION
          && s.kind != org.radassist.model.SectionKind.RECOMMENDATION) {
        continue;
      }
      for (Pattern p : plans) {
        Matcher m = p.matcher(s.text);
        while (m.find()) {
          if (conditional(s.text, m.start(), m.end())) {
            continue;
          }
          r.flags.add(
              Flag.of(
                  FlagType.CATEGORY_MANAGEMENT_MISMATCH,
                  Severity.WARNING,
                  "PI-RADS "
                      + a.category()
                      + " ("
                      + a.management()
                      + ") calls for a targeted biopsy; the report "
                      + reportVerb
                      + " "
                      + s.text.substring(m.start(), m.end()),
                  concat(List.of(s.evidence(m.start(), m.end())), ev)));
          return;
        }
      }
    }
  }

  /**
   * A plan of more imaging or monitoring only: "repeat MRI in 12 months", "follow-up MRI",
   * "continue active surveillance", "PSA monitoring".
   */
  private static final Pattern SURVEILLANCE_ONLY =
      Pattern.compile(
          "\\b(?:repeat|follow[- ]?up|surveillance|interval|short[- ]interval|annual|serial)\\s+"
              + "(?:(?:prostate|multiparametric|biparametric|mp|bp|mp-|bp-|pelvic)\\s*)*(?:mri|mr|imaging)\\b"
              + "|\\b(?:mri|mr)\\s+(?:follow[- ]?up|surveillance|monitoring)\\b"
              + "|\\b(?:continu\\w*|remain\\w*|stay\\w*)\\s+(?:on\\s+|with\\s+)?(?:active\\s+)?"
              + "(?:surveillance|monitoring)\\b"
              + "|\\bpsa\\s+(?:monitoring|surveillance|follow[- ]?up)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * A step that leads to tissue or a specialist's decision: urology referral, MDT or tumour board.
   */
  private static final Pattern REFERRAL =
      Pattern.compile(
          "\\b(?:urolog\\w*|mdt|multidisciplinary|tumou?r\\s+board|specialist)\\b",
          Pattern.CASE_INSENSITIVE);

  /** The lesion said unchanged: a known lesion followed on active surveillance (PRECISE 1-3). */
  private static final Pattern STABLE_LESION =
      Pattern.compile(
          "\\b(?:stable|unchanged|no\\s+(?:significant\\s+)?(?:interval\\s+)?(?:change|progression|growth)"
              + "|precise\\s*(?:score\\s*)?[1-3])\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * PI-RADS 4 and 5 call for a targeted biopsy also when the patient is on active surveillance for
   * a known low-grade cancer: a plan of only another MRI, continued surveillance or PSA monitoring
   * contradicts the category. A lesion said stable / unchanged (a known lesion, PRECISE 1-3), a
   * referral to urology or an MDT, and a conditional plan are left alone.
   */
  private void piRadsSurveillanceOnly(Report report, Result r, Assessment a, List<Evidence> ev) {
    if (r.flags.stream().anyMatch(x -> x.type() == FlagType.CATEGORY_MANAGEMENT_MISMATCH)) {
      return;
    }
    if (actions(report).stream()
        .anyMatch(x -> x.action() == Action.TISSUE_SAMPLING && !saysNoBiopsy(x))) {
      return;
    }
    for (TextAnalyzer.Section s : report.dictatedBody()) {
      if (STABLE_LESION.matcher(s.text).find()) {
        return; // the known lesion is followed, not a new suspicion
      }
      if ((s.kind == org.radassist.model.SectionKind.IMPRESSION
              || s.kind == org.radassist.model.SectionKind.RECOMMENDATION)
          && REFERRAL.matcher(s.text).find()) {
        return;
      }
    }
    flagFirstPlan(report, r, a, ev, List.of(SURVEILLANCE_ONLY), "plans only");
  }

  /** Words that describe or name a sequence's look: the reading has something to score from. */
  private static final Pattern SEQUENCE_WORDS =
      Pattern.compile(
          "\\b(?:dwi|adc|diffusion|t2w?|t2-weighted|dce|high[- ]?b|enhanc\\w*|restrict\\w*"
              + "|hypo-?intens\\w*|hyper-?intens\\w*|washout|wash-out|non-?diagnostic)\\b",
          Pattern.CASE_INSENSITIVE);

  /** "No focal lesion", "no suspicious lesion", "no focal abnormality suspicious for cancer". */
  private static final Pattern NO_PROSTATE_LESION =
      Pattern.compile(
          "\\b(?:no|without)\\s+(?:(?:focal|suspicious|discrete|definite|dominant|worrisome|"
              + "clinically significant)\\s+){0,2}"
              // "no focal PZ lesion", "no suspicious transition zone lesion"
              + "(?:(?:pz|tz|peripheral[- ]zone|transition[- ]zone|prostatic)\\s+)?(?:lesions?|abnormalit(?:y|ies))\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * A gland described as normal in other words: "normal appearing peripheral and transition zones",
   * "homogeneous high T2 signal without restricted diffusion".
   */
  private static final Pattern NORMAL_GLAND =
      Pattern.compile(
          "\\bnormal(?:[- ]appearing)?\\s+(?:\\w+\\s+){0,3}?(?:peripheral|transition|zones?|gland|"
              + "prostate)\\b"
              // "no focal diffusion restriction", "without significant restricted diffusion"
              + "|\\b(?:without|no)\\s+(?:(?:focal|significant|suspicious|abnormal)\\s+)?"
              + "(?:restricted diffusion|diffusion restriction|restriction)\\b"
              // a zone said normal by its name: "PZ normal", "Transition zone: normal-appearing",
              // "PZ: homogeneous, normal diffusion", "PZ homogeneously high T2 signal"
              + "|\\b(?:pz|tz|peripheral zones?|transition(?:al)? zones?)\\s*:?\\s*(?:is\\s+|are\\s+)?"
              + "(?:normal|unremarkable|homogeneous(?:ly)?)\\b"
              + "|\\bnormal\\s+(?:diffusion|t2 signal|signal)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * Where the report says the gland holds no focal lesion: the findings' words ("no focal lesion",
   * a zone said normal), else the impression's ("No clinically significant lesion."); null when
   * neither says it.
   */
  private static Evidence noLesionSaid(Report report, TextAnalyzer.Section f) {
    for (Pattern p : List.of(NO_PROSTATE_LESION, NORMAL_GLAND)) {
      Matcher m = p.matcher(f.text);
      if (m.find()) {
        return f.evidence(m.start(), m.end());
      }
    }
    TextAnalyzer.Section imp = report.sections.get(org.radassist.model.SectionKind.IMPRESSION);
    if (imp != null) {
      Matcher m = NO_PROSTATE_LESION.matcher(imp.text);
      if (m.find()) {
        return imp.evidence(m.start(), m.end());
      }
    }
    return null;
  }

  private static final Pattern BENIGN_NODULE_WORDS =
      Pattern.compile(
          "\\b(?:bph|encapsulated|hyperplas\\w*|adenomatous)\\b", Pattern.CASE_INSENSITIVE);

  /**
   * The findings say the gland holds no focal lesion and describe none: no positive prostate
   * lesion, mass or observation, and nodules only as benign (encapsulated, BPH) ones.
   */
  private static boolean noProstateLesion(Report report, TextAnalyzer.Section f) {
    if (noLesionSaid(report, f) == null) {
      return false;
    }
    for (LesionFrame fr : report.findingFrames) {
      if (!fr.organ().equals("prostate")
          || !fr.assertion().positive()
          || !List.of("lesion", "nodule", "mass", "observation").contains(fr.kind())) {
        continue;
      }
      boolean benign =
          fr.kind().equals("nodule")
              && fr.sentenceStart() >= 0
              && fr.sentenceEnd() <= f.text.length()
              && BENIGN_NODULE_WORDS
                  .matcher(f.text.substring(fr.sentenceStart(), fr.sentenceEnd()))
                  .find();
      if (!benign) {
        return false;
      }
    }
    return true;
  }

  /**
   * The PI-RADS v2.1 assessment of the lesion described in findings text [from, to): written or
   * implied T2W and DWI scores, the zone of the scored lesion, DCE (said for the lesion or for the
   * whole exam).
   */
  private static Assessment assessProstate(
      TextAnalyzer.Section f,
      int from,
      int to,
      boolean biparametric,
      List<Evidence> ev,
      Double lesionMm) {
    Integer t2 = score(T2W, f, from, to, ev);
    if (t2 == null) {
      t2 = score(T2W_LATE_SCORE, f, from, to, ev); // "T2: mostly encapsulated nodule, score 2"
    }
    Integer dwi = score(DWI, f, from, to, ev);
    if (dwi == null) {
      dwi = score(DWI_LATE_SCORE, f, from, to, ev); // "DWI: mildly restricted, score 3"
    }
    // v2.1: a score 4 is a focal lesion below 1.5 cm; the same look at 1.5 cm or more is 5, so a
    // written 4 beside a lesion measured at 1.5 cm or more is read as 5 (and said so)
    String split = "";
    boolean large = lesionMm != null && Math.round(lesionMm * 10) >= PiRads.SIZE_SPLIT_TENTHS;
    if (large && Integer.valueOf(4).equals(t2)) {
      t2 = 5;
      split = "T2W";
    }
    if (large && Integer.valueOf(4).equals(dwi)) {
      dwi = 5;
      split = split.isEmpty() ? "DWI" : split + " and DWI";
    }
    // v2.1: definite extraprostatic extension makes a score 5 at any size, so a written 4 beside it
    // is read as 5 (and said so); a hedged "possible EPE" is not definite
    String epeSplit = "";
    if (!large && definiteEpe(f, from, to)) {
      if (Integer.valueOf(4).equals(t2)) {
        t2 = 5;
        epeSplit = "T2W";
      }
      if (Integer.valueOf(4).equals(dwi)) {
        dwi = 5;
        epeSplit = epeSplit.isEmpty() ? "DWI" : epeSplit + " and DWI";
      }
    }
    int anchor = ev.isEmpty() ? -1 : ev.get(0).start();
    if (dwi == null) {
      dwi = impliedDwi(f, from, to, ev, lesionMm);
      anchor = anchor < 0 && dwi != null ? ev.get(ev.size() - 1).start() : anchor;
    }
    PiRads.Zone zone = zone(f, anchor, from, to);
    if (zone == PiRads.Zone.TRANSITION && t2 == null) {
      t2 = impliedTransitionT2w(f, from, to, ev);
    }
    if (zone == PiRads.Zone.TRANSITION && dwi == null) {
      // the transition zone table asks only whether DWI is 4 or more: "no marked restriction" is
      // below that, which gives the same category as any DWI 1-3
      Matcher noMarked = in(NO_MARKED_DWI, f, from, to);
      if (noMarked.find()) {
        dwi = 3;
        ev.add(f.evidence(noMarked.start(), noMarked.end()));
      }
    }
    Boolean dce = dceSaid(f, from, to, ev);
    if (dce == null) {
      // "no focal early enhancement" said once for the whole gland
      dce = dceSaid(f, 0, f.text.length(), ev);
    }
    Assessment a = PiRads.assess(zone, t2, dwi, dce, dce != null || !biparametric);
    if (!epeSplit.isEmpty() && a.isComplete()) {
      a =
          new Assessment(
              a.system(),
              a.version(),
              a.category(),
              a.management(),
              a.reason()
                  + "; "
                  + epeSplit
                  + " 4 as written, read as 5: definite extraprostatic extension (v2.1: 5 at any"
                  + " size)");
    }
    if (!split.isEmpty() && a.isComplete()) {
      a =
          new Assessment(
              a.system(),
              a.version(),
              a.category(),
              a.management(),
              a.reason()
                  + "; "
                  + split
                  + " 4 as written, read as 5: the lesion measures "
                  + String.format(Locale.ROOT, "%.1f", lesionMm / 10)
                  + " cm (v2.1: 5 at 1.5 cm or more)");
    }
    return a;
  }

  /**
   * The greatest overall size (mm) of the positive prostate lesions whose sentences start in [from,
   * to); null when none is measured. Sizes of the gland or a threshold are no lesion's.
   */
  private static Double lesionSizeMm(Report report, int from, int to) {
    Double best = null;
    for (LesionFrame fr : report.findingFrames) {
      if (fr.organ().equals("prostate")
          && fr.assertion().positive()
          && List.of("lesion", "nodule", "mass", "observation").contains(fr.kind())
          && fr.sentenceStart() >= from
          && fr.sentenceStart() < to
          && fr.overall().isPresent()) {
        double mm =
            fr.overall().get().axesMm().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        best = best == null ? mm : Math.max(best, mm);
      }
    }
    return best;
  }

  /** A matcher over findings text [from, to) that still sees word boundaries at its edges. */
  private static Matcher in(Pattern p, TextAnalyzer.Section f, int from, int to) {
    Matcher m = p.matcher(f.text);
    m.region(from, to);
    m.useTransparentBounds(true);
    m.useAnchoringBounds(false);
    return m;
  }

  /** A measured focus in other words: "a 9 mm focus", "8 mm area of low signal". */
  private static final Pattern SIZED_FOCUS =
      Pattern.compile(
          // the look may stand between: "6 mm focal mildly hypointense ADC area"
          "\\b\\d+(?:\\.\\d+)?\\s*(?:mm|cm)\\s+(?:[a-z0-9-]+\\s+){0,5}?"
              + "(?:focus|focal\\s+area|area|abnormality|region|hypo-?intensity)\\b"
              // the size after the look: "ill-defined hypointensity in the left PZ, 1 cm"
              + "|\\b(?:focus|focal\\s+area|abnormality|hypo-?intensity)\\b[^.;\\d]{0,40}?"
              + "\\b\\d+(?:\\.\\d+)?\\s*(?:mm|cm)\\b",
          Pattern.CASE_INSENSITIVE);

  /** A sentence that puts a measured focus in a PI-RADS zone: a lesion to score. */
  private static boolean sizedZoneFocus(TextAnalyzer.Section f) {
    for (int i = 0; i < f.sentences.size(); i++) {
      String sentence = f.sentenceText(i);
      if (SIZED_FOCUS.matcher(sentence).find() && ZONE.matcher(sentence).find()) {
        return true;
      }
    }
    return false;
  }

  /** Words of a prostate MRI's sequences: the scores or the diffusion / T2 look of a lesion. */
  private static final Pattern PROSTATE_SEQUENCES =
      Pattern.compile(
          "\\b(?:dwi|dw-?mri|t2w|t2-weighted|diffusion|adc|high[- ]b|b\\s?[=-]?\\s?\\d{3,4})",
          Pattern.CASE_INSENSITIVE);

  /** A PI-RADS zone by word or abbreviation ("PZ", "transition zone", "peripheral-zone"). */
  private static final Pattern ZONE =
      Pattern.compile(
          // with the v2.1 sector map's suffixes: "PZpl", "PZpm", "PZa", "TZa", "TZp"
          "\\b(?:(peripheral|transition(?:al)?)[- ]zones?|(pz|tz)(?:pl|pm|a|p)?)\\b",
          Pattern.CASE_INSENSITIVE);

  /** A zone's name followed by its all-clear: "peripheral zone normal", "transition zone: BPH". */
  private static final Pattern ZONE_SAID_CLEAR =
      Pattern.compile(
          "[\\s:,-]*(?:is\\s+|are\\s+)?(?:\\w+\\s+)?(?:normal|unremarkable|clear|bph|benign|no (?:focal|suspicious|discrete))\\b",
          Pattern.CASE_INSENSITIVE);

  /** Diffusion said not markedly restricted: DWI at most 3, all the transition zone table asks. */
  private static final Pattern NO_MARKED_DWI =
      Pattern.compile(
          "\\b(?:no|without)\\s+(?:(?:marked|markedly|significant|significantly|definite|focal)\\s+)?"
              + "(?:diffusion\\s+restriction|restricted\\s+diffusion|restriction)\\b|\\bunrestricted\\b",
          Pattern.CASE_INSENSITIVE);

  /** A sentence that says a zone holds no lesion ("Peripheral zone normal."). */
  private static final Pattern NO_LESION_HERE =
      Pattern.compile(
          "\\b(?:normal|unremarkable|no (?:focal|suspicious|discrete)|without (?:focal|suspicious))\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * The zone of the scored lesion: the zone named in the sentence of its score (or, without a
   * score, the first zone named), else the last one named before it ("Transition zone: ... T2W 3");
   * a zone said to be normal counts only when no other is named.
   */
  private static PiRads.Zone zone(TextAnalyzer.Section f, int anchor, int from, int to) {
    record Named(int at, int sentence, PiRads.Zone zone, boolean empty) {}
    List<Named> named = new ArrayList<>();
    Matcher m = in(ZONE, f, from, to);
    if (!m.find()) {
      m = ZONE.matcher(f.text); // the lesion's lines name no zone: the zones of the findings
    } else {
      m.region(from, to);
    }
    while (m.find()) {
      String w = (m.group(1) != null ? m.group(1) : m.group(2)).toLowerCase(Locale.ROOT);
      PiRads.Zone z = w.startsWith("p") ? PiRads.Zone.PERIPHERAL : PiRads.Zone.TRANSITION;
      int sentence = f.sentenceAt(m.start());
      boolean empty =
          sentence >= 0
                  && sentence != f.sentenceAt(anchor)
                  && NO_LESION_HERE.matcher(f.sentenceText(sentence)).find()
              // unpunctuated dictation: "... DWI score two no focal lesion transition zone bph"
              || ZONE_SAID_CLEAR
                  .matcher(f.text.substring(m.end(), Math.min(f.text.length(), m.end() + 40)))
                  .lookingAt();
      named.add(new Named(m.start(), sentence, z, empty));
    }
    if (named.isEmpty()) {
      return null;
    }
    List<Named> lesional = named.stream().filter(n -> !n.empty()).toList();
    List<Named> pool = lesional.isEmpty() ? named : lesional;
    if (anchor < 0) {
      return pool.get(0).zone();
    }
    int anchorSentence = f.sentenceAt(anchor);
    Named best = null;
    for (Named n : pool) {
      if (n.sentence() == anchorSentence
          && (best == null || Math.abs(n.at() - anchor) < Math.abs(best.at() - anchor))) {
        best = n;
      }
    }
    if (best == null) {
      for (Named n : pool) {
        if (n.at() < anchor) {
          best = n;
        }
      }
    }
    return (best != null ? best : pool.get(0)).zone();
  }

  private static final Pattern ADC_MARKED =
      Pattern.compile(
          "\\b(?:marked(?:ly)?|very)\\s+(?:hypointense|hypointensity|hypo|low|dark|reduced)\\b[^.;]{0,24}?\\badc\\b"
              + "|\\badc\\b[^.;]{0,24}?\\b(?:marked(?:ly)?|very)\\s+(?:hypointense|hypointensity|hypo|low|dark|reduced)\\b"
              // the sequence between the degree and the signal: "marked ADC hypointensity", and the
              // telegraphic "marked ADC hypo"
              + "|\\b(?:marked(?:ly)?|very)\\s+(?:low\\s+)?adc\\s+(?:hypointens\\w*|hypo\\b|signal|values?|dark\\w*)",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern HIGH_B_MARKED =
      Pattern.compile(
          // "very high" is no degree: "very high b-values (b2000)" names the sequence
          "\\b(?:(?:marked(?:ly)?|very)\\s+(?:hyperintense|hyperintensity|hyper|bright)"
              + "|marked(?:ly)?\\s+high)\\b[^.;]{0,30}?"
              + "(?:\\bhigh[- ]b|\\bb\\s?[=-]?\\s?\\d{3,4}|\\bdwi\\b|\\bdiffusion\\b)"
              // "marked high b hyperintensity", "marked b1400 hyperintensity"
              + "|\\b(?:marked(?:ly)?|very)\\s+(?:high[- ]b(?:[- ]?value)?|b\\s?[=-]?\\s?\\d{3,4}|dwi)\\s+"
              + "(?:hyperintens\\w*|hyper\\b|signal|bright\\w*)"
              // the sequence first, then its degree: "b1500 marked hyper", "high b: markedly
              // bright"
              + "|(?:\\bhigh[- ]b(?:[- ]?values?)?|\\bb\\s?[=-]?\\s?\\d{3,4}|\\bdwi\\b)\\s*:?\\s*(?:marked(?:ly)?|very)\\s+"
              + "(?:hyperintens\\w*|hyper\\b|bright\\w*)",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern BOTH_MARKED =
      Pattern.compile(
          "\\bmarked(?:ly)?\\s+(?:restricted diffusion|diffusion restriction|restriction|restricting)"
              + "|\\bmarkedly restricted\\b"
              // the degree in other words: "strong restriction of diffusion", "intense restriction"
              + "|\\b(?:strong(?:ly)?|intense(?:ly)?|pronounced|avid(?:ly)?)\\s+(?:restricted "
              + "diffusion|diffusion restriction|restriction|restricting|restricted)\\b"
              // the degree said after the sequence, shorthand for both halves: "DWI marked",
              // "Diffusion: marked", "restriction marked on ADC and b1400"
              + "|\\b(?:dwi|diffusion|restriction)\\s*[:=-]?\\s*(?:is\\s+)?marked(?:ly)?\\b"
              + "(?!\\s+(?:hypo\\w*|hyper\\w*|low|high|bright|dark)\\b)",
          Pattern.CASE_INSENSITIVE);

  /**
   * The high b-value half of a pair that shares the ADC half's degree: "marked ADC hypointensity
   * and DWI hyperintensity", "markedly dark on the ADC map and bright on the high b value images".
   * A degree word of its own ("and mildly bright on DWI") does not match.
   */
  private static final Pattern HIGH_B_SHARED =
      Pattern.compile(
          "\\G\\s*(?:maps?|images?|values?)?\\s*,?\\s*and\\s+(?:on\\s+)?(?:the\\s+)?"
              + "(?:(?:high[- ]b(?:[- ]?values?)?|b\\s?[=-]?\\s?\\d{3,4}|dwi|diffusion)\\s+(?:hyperintens\\w*|bright\\w*)"
              + "|(?:hyperintense|hyperintensity|bright)\\b[^.;]{0,30}?"
              + "(?:\\bhigh[- ]b|\\bb\\s?[=-]?\\s?\\d{3,4}|\\bdwi\\b|\\bdiffusion\\b))",
          Pattern.CASE_INSENSITIVE);

  /** The marked ADC words found by {@code adc} go on with the high b-value half they share. */
  private static boolean sharedDegree(TextAnalyzer.Section f, Matcher adc, boolean adcMarked) {
    if (!adcMarked) {
      return false;
    }
    Matcher m = HIGH_B_SHARED.matcher(f.text);
    m.region(adc.end(), f.text.length());
    m.useTransparentBounds(true);
    return m.lookingAt();
  }

  /** Any word of the high b-value half, or a mild degree of either half. */
  private static final Pattern HIGH_B_WORDS =
      Pattern.compile(
          "\\bhigh[- ]?b\\b|\\bb\\s?[=-]?\\s?\\d{3,4}\\b|\\bdwi\\b|\\bdw\\b|\\bdiffusion[- ]weighted\\b"
              + "|\\bhyperintens\\w*|\\bbright\\w*|\\bhyper\\b|\\bisointens\\w*",
          Pattern.CASE_INSENSITIVE);

  /** The lesion's text [from, to) says something of its high b-value look, or a mild degree. */
  private static boolean highBDescribed(TextAnalyzer.Section f, int from, int to) {
    String text = f.text.substring(from, to);
    return HIGH_B_WORDS.matcher(text).find() || MILD_DWI.matcher(text).find();
  }

  /**
   * The report says PI-RADS cannot be assessed: the dominant sequence non-diagnostic ("DWI
   * non-diagnostic", "diffusion severely degraded by artefact") or the category not possible
   * ("PI-RADS assessment not possible").
   */
  private static final Pattern NOT_ASSESSABLE =
      Pattern.compile(
          "\\bpi-?rads\\s+(?:v?2\\.1\\s+)?(?:assessment|category|score|scoring|evaluation|categori[sz]ation)?"
              + "\\s*(?:is\\s+|was\\s+)?(?:not\\s+(?:possible|feasible|assignable|assigned|reliabl[ey]\\s+\\w+)"
              + "|cannot\\s+be\\s+(?:reliably\\s+)?(?:assigned|given|made|performed|provided|applied|determined))"
              + "|\\b(?:unable|not\\s+possible)\\s+to\\s+(?:assign|give|provide|determine)\\s+(?:a\\s+)?pi-?rads\\b"
              + "|\\b(?:dwi|dw|adc|diffusion(?:[- ]weighted)?(?:\\s+(?:imaging|images|sequence))?"
              + "|high[- ]b(?:[- ]value)?(?:\\s+images)?)\\s+(?:(?:is|was|were|are)\\s+)?(?:(?:severely|markedly|completely)\\s+)?"
              + "(?:non-?diagnostic|uninterpretable|unassessable|not\\s+(?:diagnostic|interpretable|assessable|evaluable))"
              + "|\\b(?:non-?diagnostic|uninterpretable|unassessable)\\s+(?:dwi|adc|diffusion)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * A prostate MRI the report itself calls not assessable for PI-RADS, with no category dictated:
   * PI-RADS is incomplete, not silently absent, so the panel shows the gap.
   */
  private void notAssessable(Report report, Result r) {
    String modality = report.modality();
    if (!report.bodyPart().contains("PROSTATE")
        || (!modality.isEmpty() && !modality.equals("MR"))
        || postTreatment(report)) {
      return;
    }
    for (TextAnalyzer.Section s : report.dictatedBody()) {
      Matcher m = NOT_ASSESSABLE.matcher(s.text);
      if (m.find()) {
        boolean dwi =
            m.group()
                .toLowerCase(java.util.Locale.ROOT)
                .matches("(?s).*\\b(?:dwi|dw|adc|diffusion|high).*");
        addField(
            r,
            ScoringSystem.PI_RADS,
            PiRads.VERSION,
            "category",
            "",
            List.of(s.evidence(m.start(), m.end())),
            0.4,
            List.of(dwi ? "DWI score (DWI not assessable)" : "an assessable lesion score"),
            "the report says PI-RADS cannot be assessed");
        return;
      }
    }
  }

  /** Restriction said without a degree: "restricting lesion", "with restricted diffusion". */
  private static final Pattern UNGRADED_RESTRICTION =
      Pattern.compile(
          "(?<!\\b(?:mild|mildly|moderate|moderately|slight|slightly|minimal|minimally|subtle|subtly"
              + "|faint|faintly|equivocal|equivocally|questionable|questionably|minor)\\s)"
              + "\\b(?:restricting|restricted\\s+diffusion|restricts|diffusion\\s+restriction)\\b",
          Pattern.CASE_INSENSITIVE);

  /** An ungraded restriction in the sentence of the marked ADC words, with no mild degree there. */
  private static boolean ungradedRestriction(
      TextAnalyzer.Section f, Matcher adc, int from, int to) {
    int sentence = f.sentenceAt(adc.start());
    if (sentence < 0) {
      return false;
    }
    String text = f.sentenceText(sentence);
    if (MILD_DWI.matcher(text).find()) {
      return false;
    }
    Matcher m = UNGRADED_RESTRICTION.matcher(f.text);
    while (m.find()) {
      int at = m.start();
      if (f.sentenceAt(at) == sentence && at >= from && at < to && positiveAt(f, at)) {
        return true;
      }
    }
    return false;
  }

  private static final Pattern MILD_DWI =
      Pattern.compile(
          "\\b(?:mild|mildly|moderate|moderately|mild/moderate|mild to moderate)\\s+"
              + "(?:hypointense|hypointensity|hyperintense|hyperintensity|low|bright|restrict\\w*)"
              + "\\b[^.;]{0,30}?(?:\\badc\\b|\\bhigh[- ]b|\\bb\\s?[=-]?\\s?\\d{3,4}|\\bdwi\\b|\\bdiffusion\\b)"
              + "|\\b(?:adc|high[- ]b(?:-value)?)\\s+(?:mild|moderate)\\w*"
              // "DWI mild", "diffusion: moderate": the degree after the sequence
              + "|\\b(?:dwi|diffusion|restriction)\\s*[:=-]?\\s*(?:is\\s+)?(?:mild|moderate)\\w*\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern LINEAR_DWI =
      Pattern.compile(
          "\\b(?:linear|wedge[- ]shaped)\\b[^.;]{0,40}?(?:\\badc\\b|\\bhigh[- ]b|\\bdwi\\b)",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern EPE =
      Pattern.compile(
          "\\b(?:extraprostatic|extra-prostatic|extracapsular|extra-capsular) extension\\b"
              + "|\\bepe\\b|\\bseminal vesicle invasion\\b|\\binvasion of the (?:rectum|bladder)\\b"
              // v2.1 scores "definite extraprostatic extension/invasive behavior" alike: a lesion
              // invading the anterior fibromuscular stroma, the seminal vesicles, bladder or rectum
              + "|\\binvasive behaviou?r\\b|\\b(?:invad\\w*|invasion of)\\s+(?:the\\s+)?"
              + "(?:(?:right|left|bilateral|both)\\s+)?(?:anterior "
              + "fibromuscular stroma|afms|seminal vesicles?|bladder|rectum|neurovascular bundles?)\\b"
              // "extending into the right seminal vesicle", "growing through the capsule into the
              // fat"
              + "|\\b(?:extend\\w*|extension|grow\\w*|spread\\w*|infiltrat\\w*|invad\\w*|invasion)"
              + "\\s+(?:into|through|beyond|of)\\s+(?:the\\s+)?(?:(?:right|left|bilateral|both)\\s+)?"
              + "(?:seminal vesicles?|bladder(?:\\s+base|\\s+neck)?|rectum|mesorectum|neurovascular bundles?"
              + "|periprostatic fat)\\b|\\b(?:through|beyond|breach\\w* of)\\s+the\\s+(?:prostatic\\s+)?capsule\\b"
              + "|\\b(?:(?:right|left|bilateral)\\s+)?seminal vesicles?\\s+(?:invasion|involvement|infiltration)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * The DWI score the dictated look of a lesion gives when no score is written (PI-RADS v2.1):
   * markedly hypointense on ADC and markedly hyperintense on high b-value (or "markedly restricted
   * diffusion") is 4 below 1.5 cm and 5 at 1.5 cm or with definite extraprostatic extension; marked
   * on only one of them, or mild/moderate, is 3; linear or wedge-shaped is 2. Null when nothing is
   * described, or a marked lesion has no size.
   */
  private static Integer impliedDwi(
      TextAnalyzer.Section f, int from, int to, List<Evidence> ev, Double lesionMm) {
    Matcher adc = in(ADC_MARKED, f, from, to);
    Matcher highB = in(HIGH_B_MARKED, f, from, to);
    Matcher both = in(BOTH_MARKED, f, from, to);
    boolean adcMarked = positiveAt(f, adc);
    boolean highBMarked = positiveAt(f, highB) || sharedDegree(f, adc, adcMarked);
    boolean bothMarked = positiveAt(f, both);
    if (!bothMarked && adcMarked && !highBMarked && ungradedRestriction(f, adc, from, to)) {
      // "focal restricting lesion, markedly hypointense on ADC": restriction is one finding, the
      // ADC half's degree grades it; only a degree of its own ("mildly bright on DWI") splits it
      bothMarked = true;
      both = adc;
    }
    if (!bothMarked && adcMarked && !highBMarked && !highBDescribed(f, from, to)) {
      // "focal markedly hypointense ADC lesion, 1.49 cm": the high b-value images left unsaid,
      // the ADC map's degree grades the diffusion finding (an unsaid half is no mild half)
      bothMarked = true;
      both = adc;
    }
    if (bothMarked || (adcMarked && highBMarked)) {
      Matcher at = bothMarked ? both : adc;
      int sentence = f.sentenceAt(at.start());
      Double size = largestInSentence(f, sentence);
      if (size == null) {
        size = lesionMm; // "R PZ base 16 mm lesion. ADC markedly hypo ...": the lesion's own size
      }
      boolean epe = false;
      Matcher e = in(EPE, f, from, to);
      while (e.find()) {
        epe |= positiveAt(f, e.start());
      }
      if (size == null && !epe) {
        return null; // 4 or 5 depends on the size
      }
      ev.add(f.evidence(at.start(), at.end()));
      return PiRads.markedLesionScore(size == null ? 0 : size, epe);
    }
    Matcher mild = in(MILD_DWI, f, from, to);
    if (!adcMarked
        && !highBMarked
        && !positiveAt(f, in(MILD_DWI, f, from, to))
        && definiteEpe(f, from, to)) {
      // v2.1 DWI 5 is "definite extraprostatic extension / invasive behaviour" at any size: a
      // restricting lesion that invades needs no degree word ("12 mm DWI-restricting lesion with
      // definite extraprostatic extension")
      Matcher restriction = in(UNGRADED_RESTRICTION, f, from, to);
      while (restriction.find()) {
        if (positiveAt(f, restriction.start())) {
          ev.add(f.evidence(restriction.start(), restriction.end()));
          return 5;
        }
      }
    }
    if (adcMarked || highBMarked || positiveAt(f, mild)) {
      Matcher at = adcMarked ? adc : highBMarked ? highB : mild;
      ev.add(f.evidence(at.start(), at.end()));
      return 3;
    }
    Matcher linear = in(LINEAR_DWI, f, from, to);
    if (positiveAt(f, linear)) {
      ev.add(f.evidence(linear.start(), linear.end()));
      return 2;
    }
    return null;
  }

  private static final Pattern T2W_TZ_4_5 =
      Pattern.compile(
          "\\b(?:lenticular|non-?circumscribed|erased[- ]charcoal)\\b", Pattern.CASE_INSENSITIVE);

  private static final Pattern T2W_TZ_3 =
      Pattern.compile("\\bobscured margins?\\b", Pattern.CASE_INSENSITIVE);

  private static final Pattern T2W_TZ_2 =
      Pattern.compile(
          "\\b(?:mostly|partially|partly|incompletely) encapsulated\\b|\\batypical (?:bph )?nodules?\\b"
              + "|\\bcircumscribed,? homogeneous\\b[^.;]{0,30}?\\bwithout encapsulation\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern T2W_TZ_1 =
      Pattern.compile(
          "\\b(?:completely|fully|entirely) encapsulated\\b|\\btypical (?:bph )?nodules?\\b"
              // "encapsulated BPH nodules" unqualified: the typical nodule (T2W 1)
              + "|(?<!non-)(?<!\\bun)\\bencapsulated (?:bph |adenomatous |hyperplastic )?nodules?\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * The transition zone T2W score the dictated look gives when none is written (PI-RADS v2.1):
   * lenticular or non-circumscribed (homogeneous, moderately hypointense) 4 below 1.5 cm, 5 at 1.5
   * cm or with extraprostatic extension; heterogeneous with obscured margins 3; mostly encapsulated
   * or atypical nodule 2; completely encapsulated (typical) nodule 1.
   */
  private static Integer impliedTransitionT2w(
      TextAnalyzer.Section f, int from, int to, List<Evidence> ev) {
    Matcher m = in(T2W_TZ_4_5, f, from, to);
    if (positiveAt(f, m)) {
      Double size = largestInSentence(f, f.sentenceAt(m.start()));
      boolean epe = false;
      Matcher e = in(EPE, f, from, to);
      while (e.find()) {
        epe |= positiveAt(f, e.start());
      }
      if (size == null && !epe) {
        return null;
      }
      ev.add(f.evidence(m.start(), m.end()));
      return PiRads.markedLesionScore(size == null ? 0 : size, epe);
    }
    int score = 3;
    for (Pattern p : List.of(T2W_TZ_3, T2W_TZ_2, T2W_TZ_1)) {
      m = in(p, f, from, to);
      if (positiveAt(f, m)) {
        ev.add(f.evidence(m.start(), m.end()));
        return score;
      }
      score--;
    }
    return null;
  }

  /** One scored lesion of a report with several: its assessment and its findings span. */
  private record Lesion(Assessment assessment, int from, int to, List<Evidence> evidence) {}

  /**
   * Lines that open a lesion of a list: "1) Right PZ ...", "2. Left TZ ...", "Lesion B: ...",
   * "Index lesion: ..."; their offsets in the findings (fewer than two: no list).
   */
  private static final Pattern LESION_LIST_ITEM =
      Pattern.compile(
          // at a line or sentence start (the sectioner joins a list's lines with spaces)
          "(?:^|(?<=\\n)|(?<=[.;]\\s{1,3}))[\\s\\-*\u2022]*(?:\\(?\\d{1,2}[).:](?=\\s)|\\(?[a-e]\\)(?=\\s)"
              + "|(?:index lesion|(?:second|third|additional|another) lesion"
              + "|lesion\\s*(?:#?\\d{1,2}|[a-e]))\\s*[:.)\\-])",
          Pattern.CASE_INSENSITIVE);

  private static List<Integer> listedLesionStarts(TextAnalyzer.Section f) {
    List<Integer> starts = new ArrayList<>();
    Matcher m = LESION_LIST_ITEM.matcher(f.text);
    while (m.find()) {
      String item = f.text.substring(m.start(), itemEnd(f, m.end()));
      // an item is a lesion's when its sentence names a zone or a sequence score
      if (ZONE.matcher(item).find() || T2W.matcher(item).find() || DWI.matcher(item).find()) {
        starts.add(m.start());
      }
    }
    return starts;
  }

  /** The end of the sentence holding {@code at}: an item's first sentence. */
  private static int itemEnd(TextAnalyzer.Section f, int at) {
    int sentence = f.sentenceAt(Math.min(at, f.text.length() - 1));
    return sentence < 0 ? f.text.length() : f.sentences.get(sentence).end();
  }

  private static final Pattern SIDE =
      Pattern.compile("\\b(right|left)\\b", Pattern.CASE_INSENSITIVE);

  /**
   * Several lesions, the dictated category agrees with one of them and a worse lesion is in no
   * impression sentence (none names its zone on its side): the impression leaves that lesion out
   * (FINDING_NOT_IN_IMPRESSION), it does not contradict the lesion it grades. True when so flagged.
   */
  private static boolean omittedHigherLesion(
      Report report,
      TextAnalyzer.Section f,
      List<Lesion> lesions,
      Found said,
      Assessment a,
      Result r) {
    TextAnalyzer.Section imp = report.sections.get(org.radassist.model.SectionKind.IMPRESSION);
    if (imp == null
        || lesions.size() < 2
        || lesions.stream()
            .noneMatch(
                l ->
                    l.assessment().category().equals(said.value())
                        && namedInImpression(f, l, imp, false))) {
      return false; // the dictated category grades no lesion the impression names: the exam's
    }
    int dictated = Integer.parseInt(said.value());
    Lesion omitted = null;
    for (Lesion l : lesions) {
      if (Integer.parseInt(l.assessment().category()) <= dictated) {
        continue;
      }
      if (namedInImpression(f, l, imp, true)) {
        return false; // the impression speaks of the worse lesion: its category is contradicted
      }
      omitted = omitted == null ? l : omitted;
    }
    if (omitted == null) {
      return false;
    }
    String where = f.text.substring(omitted.from(), itemEnd(f, omitted.from())).strip();
    r.flags.add(
        Flag.of(
            FlagType.FINDING_NOT_IN_IMPRESSION,
            Severity.WARNING,
            "Prostate lesion (PI-RADS v2.1 "
                + omitted.assessment().category()
                + ", "
                + omitted.assessment().reason()
                + ") is in the findings but not in the impression, which grades only PI-RADS "
                + said.value(),
            concat(
                List.of(f.evidence(omitted.from(), omitted.from() + where.length())),
                List.of(said.evidence()))));
    return true;
  }

  /**
   * An impression sentence names the lesion's zone, and its side when the lesion has one; a lesion
   * whose lines name no zone counts as named when {@code zoneless}.
   */
  private static boolean namedInImpression(
      TextAnalyzer.Section f, Lesion l, TextAnalyzer.Section imp, boolean zoneless) {
    String span = f.text.substring(l.from(), l.to());
    Matcher z = ZONE.matcher(span);
    if (!z.find()) {
      return zoneless; // nothing to tell it apart by
    }
    char zone = Character.toLowerCase((z.group(1) != null ? z.group(1) : z.group(2)).charAt(0));
    Matcher sd = SIDE.matcher(span);
    String side = sd.find() ? sd.group(1).toLowerCase(Locale.ROOT) : "";
    for (int i = 0; i < imp.sentences.size(); i++) {
      String t = imp.sentenceText(i);
      Matcher iz = ZONE.matcher(t);
      boolean sameZone = false;
      while (iz.find()) {
        sameZone |=
            Character.toLowerCase((iz.group(1) != null ? iz.group(1) : iz.group(2)).charAt(0))
                == zone;
      }
      if (sameZone && (side.isEmpty() || t.toLowerCase(Locale.ROOT).contains(side))) {
        return true;
      }
    }
    return false;
  }

  /** "DWI: mildly restricted, score 3": the sequence, its look, then its score. */
  private static final Pattern DWI_LATE_SCORE =
      Pattern.compile(
          "\\b(?:dwi|diffusion)\\b(?:(?!\\bt2|pi-?rads|\\bdce\\b)[^.;\\n]){0,40}?\\bscore\\s*(?:of\\s*|:\\s*)?([1-5])\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern T2W_LATE_SCORE =
      Pattern.compile(
          "\\bt2(?:wi?|-weighted| weighted)?\\b(?:(?!\\bdwi|\\bdiffusion|\\badc|pi-?rads|\\bdce\\b)[^.;\\n]){0,40}?"
              + "\\bscore\\s*(?:of\\s*|:\\s*)?([1-5])\\b",
          Pattern.CASE_INSENSITIVE);

  /** DCE said negative in words: "no focal early enhancement", "does not enhance early". */
  private static final Pattern DCE_NEG =
      Pattern.compile(
          "\\bdce\\s*[:-]?\\s*(?:is\\s*)?neg\\b"
              + "|\\b(?:no|without|absent|lacks?|lack of)\\s+(?:[a-z]+\\s+){0,3}?(?:enhancement|contrast uptake|wash-?in)\\b"
              + "|\\b(?:does|did) not (?:show |demonstrate |have )?(?:any )?(?:early |focal |avid )*"
              + "(?:enhance\\w*|contrast uptake)"
              + "|\\bnon-?enhancing\\b"
              // v2.1: diffuse enhancement without a focal correlate is negative
              + "|\\bonly diffuse\\b[^.;]{0,30}?\\benhancement\\b"
              + "|\\b(?:dce|dynamic contrast[- ]enhanced\\w*)\\b[^.;]{0,80}?\\(negative\\)",
          Pattern.CASE_INSENSITIVE);

  /** DCE said positive in words: "positive on dynamic contrast", "enhances early". */
  private static final Pattern DCE_POS =
      Pattern.compile(
          "\\bdce\\s*[:-]?\\s*(?:is\\s*)?pos\\b"
              + "|\\bpositive on (?:the )?(?:dce|dynamic contrast[- ]enhanced\\w*|dynamic contrast)"
              + "|\\benhances? early\\b"
              + "|\\bearly (?:focal |avid |arterial |intense )*(?:contrast )?(?:uptake|wash-?in)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern DENIED_AFTER =
      Pattern.compile(
          "^\\s*(?:is|was|are|were)\\s+(?:not\\s+(?:seen|present|identified|demonstrated|shown|evident)"
              + "|absent)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern NEGATION_BEFORE =
      Pattern.compile(
          "\\b(?:no|without|absent|not|lacks?|lack of)\\b[^.;,:()]*$", Pattern.CASE_INSENSITIVE);

  /**
   * The DCE reading said in findings [from, to): the earliest of the DCE words, positive unless a
   * negation in its clause takes it back ("DCE: no focal early enhancement"); null when unsaid.
   */
  private static Boolean dceSaid(TextAnalyzer.Section f, int from, int to, List<Evidence> ev) {
    int bestAt = Integer.MAX_VALUE;
    int bestEnd = -1;
    Boolean best = null;
    for (Pattern p : List.of(DCE_NEG, DCE, DCE_POS)) {
      Matcher m = in(p, f, from, to);
      while (m.find()) {
        Boolean v;
        if (p == DCE_NEG) {
          v = false;
        } else if (p == DCE) {
          String g =
              m.group(1) != null
                  ? m.group(1)
                  : m.group(2) != null ? m.group(2) : m.group(3) != null ? "negative" : "positive";
          // "DCE +ve" / "DCE -ve": the British shorthand
          v = g.equalsIgnoreCase("positive") || g.startsWith("+");
        } else {
          v = true;
        }
        if (v
            && DENIED_AFTER.matcher(f.text.substring(m.end(), Math.min(to, m.end() + 30))).find()) {
          v = false; // "early enhancement is not seen"
        }
        if (v && m.group().toLowerCase(Locale.ROOT).indexOf("dce") != 0) {
          int clauseStart = Math.max(from, m.start() - 40);
          if (NEGATION_BEFORE.matcher(f.text.substring(clauseStart, m.start())).find()) {
            v = false; // "no focal early enhancement", "without early enhancement"
          }
        }
        // the earliest wins; at the same place the longer words (the negation) do
        if (m.start() < bestAt || (m.start() == bestAt && m.end() > bestEnd)) {
          bestAt = m.start();
          bestEnd = m.end();
          best = v;
        }
        break;
      }
    }
    if (best != null) {
      ev.add(f.evidence(bestAt, bestEnd));
    }
    return best;
  }

  private static final Pattern HEDGE_BEFORE =
      Pattern.compile(
          "\\b(?:possible|possibly|probable|probably|suspicious for|suspected|suspect|equivocal"
              + "|questionable|likely|may|might|cannot be excluded|concern for|early|minimal)\\b[^.;,]*$",
          Pattern.CASE_INSENSITIVE);

  /** A structured line's value that denies or hedges it: "EPE: none", "EPE: possible". */
  private static final Pattern EPE_NOT_DEFINITE_AFTER =
      Pattern.compile(
          "^\\s*(?:[:=-]\\s*)?(?:(?:is|was)\\s+)?(?:none|no|nil|absent|negative|not\\b|possible|equivocal"
              + "|indeterminate|suspected|questionable|cannot be excluded|\\?)",
          Pattern.CASE_INSENSITIVE);

  /** Extraprostatic extension said as present and not hedged in findings [from, to). */
  private static boolean definiteEpe(TextAnalyzer.Section f, int from, int to) {
    Matcher e = in(EPE, f, from, to);
    while (e.find()) {
      String before = f.text.substring(Math.max(from, e.start() - 30), e.start());
      String after = f.text.substring(e.end(), Math.min(to, e.end() + 25));
      if (positiveAt(f, e.start())
          && !HEDGE_BEFORE.matcher(before).find()
          && !EPE_NOT_DEFINITE_AFTER.matcher(after).find()) {
        return true;
      }
    }
    return false;
  }

  /** After prostatectomy, radiotherapy or whole-gland ablation: no untreated gland to score. */
  private static final Pattern POST_TREATMENT =
      Pattern.compile(
          "\\b(?:after|post|status[- ]post|s/p|following|since|previous|prior(?! to)|history of|treated with)"
              + "[\\s-]+(?:(?:a|an|the|robotic|robot-assisted|laparoscopic|open|radical|salvage|external[- ]beam"
              + "|definitive|pelvic|prostate|hdr|ldr|whole[- ]gland|\\d{4}|in \\d{4})[\\s-]+){0,3}"
              + "(?:prostatectomy|rp\\b|ralp\\b|rarp\\b|radiotherapy|radiation(?: therapy)?|ebrt\\b|sbrt\\b"
              + "|brachytherapy|hifu\\b|cryo(?:therapy|ablation)\\b|seed implant\\w*)"
              + "|\\bpost[- ]?(?:prostatectomy|radiotherapy|radiation|brachytherapy)\\b"
              + "|\\b(?:prostate|prostatectomy|prostatic) (?:bed|fossa)\\b|\\bvesico-?urethral anastomosis\\b"
              + "|\\b(?:rp|ralp|rarp|prostatectomy|ebrt|brachytherapy|radiotherapy)\\s+(?:in\\s+)?(?:19|20)\\d{2}\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * PI-RADS v2.1 assesses the untreated gland; after radical prostatectomy (the prostate bed),
   * radiotherapy, brachytherapy or whole-gland ablation it does not apply (recurrence is read in
   * other terms). "Before planned prostatectomy" is no treatment.
   */
  private static boolean postTreatment(Report report) {
    Matcher m = POST_TREATMENT.matcher(report.contextText());
    while (m.find()) {
      String before = report.contextText().substring(Math.max(0, m.start() - 30), m.start());
      if (!PLANNED.matcher(before).find()) {
        return true;
      }
    }
    return false;
  }

  private static final Pattern PLANNED =
      Pattern.compile(
          "\\b(?:before|planned|planning|candidate for|considering|scheduled for|referred for|for)\\s+"
              + "(?:\\w+\\s+){0,2}$|\\bno\\s+(?:\\w+\\s+){0,2}$",
          Pattern.CASE_INSENSITIVE);

  /**
   * A zone sentence that describes a lesion by its diffusion look ("Right PZ: focal, markedly
   * hypointense on ADC ..., 1.4 cm") or its transition zone T2 look ("lenticular"): a lesion to
   * score even where no lesion word is said.
   */
  private static boolean describedZoneLesion(TextAnalyzer.Section f) {
    for (int i = 0; i < f.sentences.size(); i++) {
      Sentences.Span span = f.sentences.get(i);
      if (!ZONE.matcher(span.of(f.text)).find()) {
        continue;
      }
      for (Pattern p : List.of(ADC_MARKED, HIGH_B_MARKED, BOTH_MARKED, MILD_DWI, T2W_TZ_4_5)) {
        if (positiveAt(f, in(p, f, span.start(), span.end()))) {
          return true;
        }
      }
    }
    return false;
  }

  /** Biparametric prostate MRI: T2W and DWI only, no contrast, so no DCE. */
  private static final Pattern BIPARAMETRIC =
      Pattern.compile(
          "\\bbi-?parametric\\b|\\bbp-?mri\\b|\\bnon-?contrast\\b|\\bunenhanced\\b"
              + "|\\bwithout (?:intravenous |iv |gadolinium |any )?contrast\\b"
              + "|\\bno (?:intravenous |iv |gadolinium )?contrast\\b"
              + "|\\bcontrast (?:was )?not (?:given|administered|performed|used)\\b"
              + "|\\b(?:dce|dynamic contrast[- ]enhanced (?:imaging|sequences?)?) (?:was )?not (?:performed|obtained|acquired)\\b"
              + "|\\bno dce\\b|\\bwithout dce\\b|\\bt2w? and dwi only\\b",
          Pattern.CASE_INSENSITIVE);

  /** "DCE: not performed" said among the findings' scores: a biparametric exam. */
  private static final Pattern DCE_NOT_DONE =
      Pattern.compile(
          "\\b(?:dce|dynamic contrast[- ]enhanced (?:imaging|sequences?)?)\\s*[:-]?\\s*(?:(?:was|were)\\s+)?"
              + "(?:not (?:performed|obtained|acquired|done)|omitted|n/a|not applicable)(?![\\w/])",
          Pattern.CASE_INSENSITIVE);

  private static Integer score(
      Pattern p, TextAnalyzer.Section f, int from, int to, List<Evidence> ev) {
    Matcher m = in(p, f, from, to);
    if (m.find()) {
      ev.add(f.evidence(m.start(), m.end()));
      return Integer.parseInt(m.group(1));
    }
    return null;
  }

  /**
   * The highest value dictated for this exam: not one taken back ("4, scratch that, 3") nor one
   * said of the past ("previously PI-RADS 5"); {@code first} when there is no other.
   */
  /** The first dictated PI-RADS category that is not denied ("No PI-RADS 4 or 5 lesion"). */
  /** "Addendum:" opening a re-read said after the report. */
  private static final Pattern ADDENDUM =
      Pattern.compile("\\baddendum\\b", Pattern.CASE_INSENSITIVE);

  /**
   * The assessment of the lesion as an addendum re-reads it ("Addendum: ... the lesion lies in the
   * transition zone ... T2W 3, DWI 3. Revised PI-RADS 3."): only when the addendum names a zone and
   * writes a T2W or DWI score of its own and the reading is complete; else null.
   */
  private static Assessment addendumReading(
      Report report, boolean biparametric, List<Evidence> ev) {
    for (TextAnalyzer.Section s : report.dictatedBody()) {
      Matcher m = ADDENDUM.matcher(s.text);
      if (!m.find()) {
        continue;
      }
      int from = m.end();
      int to = s.text.length();
      if (!in(ZONE, s, from, to).find()
          || !(in(T2W, s, from, to).find() || in(DWI, s, from, to).find())) {
        continue;
      }
      List<Evidence> here = new ArrayList<>();
      Assessment a = assessProstate(s, from, to, biparametric, here, null);
      if (a.isComplete()) {
        ev.addAll(here);
        return a;
      }
    }
    return null;
  }

  /** The PI-RADS category an addendum dictates ("Revised PI-RADS 3"), or null. */
  private static Found saidInAddendum(Report report) {
    for (TextAnalyzer.Section s : report.dictatedBody()) {
      Matcher m = ADDENDUM.matcher(s.text);
      if (!m.find()) {
        continue;
      }
      Matcher c = PI_RADS.matcher(s.text);
      c.region(m.end(), s.text.length());
      while (c.find()) {
        if (!denied(s.text, c.start())) {
          return new Found(c.group(1).toUpperCase(Locale.ROOT), s.evidence(c.start(), c.end()));
        }
      }
    }
    return null;
  }

  private static Found firstSaid(Report report) {
    for (TextAnalyzer.Section s : report.dictatedBody()) {
      Matcher m = PI_RADS.matcher(s.text);
      while (m.find()) {
        if (!denied(s.text, m.start())) {
          return new Found(m.group(1).toUpperCase(Locale.ROOT), s.evidence(m.start(), m.end()));
        }
      }
    }
    return null;
  }

  private static boolean denied(String text, int start) {
    return DENIED.matcher(text.substring(Math.max(0, start - 12), start)).find();
  }

  private static final Pattern DENIED =
      Pattern.compile("\\b(?:no|without)\\s+$", Pattern.CASE_INSENSITIVE);

  private static Found highestSaid(Report report, Pattern p, Found first) {
    Found best = first;
    for (TextAnalyzer.Section s : report.dictatedBody()) {
      Matcher m = p.matcher(s.text);
      while (m.find()) {
        String v = m.group(1).toUpperCase(Locale.ROOT);
        if (!retracted(s.text, m.end())
            && !denied(s.text, m.start())
            && !PRIOR_CATEGORY
                .matcher(s.text.substring(Math.max(0, m.start() - 40), m.start()))
                .find()
            && v.compareTo(best.value()) > 0) {
          best = new Found(v, s.evidence(m.start(), m.end()));
        }
      }
    }
    return best;
  }
}
