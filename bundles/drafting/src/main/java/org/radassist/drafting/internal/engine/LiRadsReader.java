package org.radassist.drafting.internal.engine;

import static org.radassist.drafting.internal.engine.DictatedActions.conditional;
import static org.radassist.drafting.internal.engine.DictatedActions.intervals;
import static org.radassist.drafting.internal.engine.ExtractorSupport.PRIOR_CATEGORY;
import static org.radassist.drafting.internal.engine.ExtractorSupport.addField;
import static org.radassist.drafting.internal.engine.ExtractorSupport.concat;
import static org.radassist.drafting.internal.engine.ExtractorSupport.find;
import static org.radassist.drafting.internal.engine.ExtractorSupport.largestInSentence;
import static org.radassist.drafting.internal.engine.ExtractorSupport.positiveAt;
import static org.radassist.drafting.internal.engine.ExtractorSupport.priorIntervalMonths;
import static org.radassist.drafting.internal.engine.ExtractorSupport.tokenAt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.radassist.drafting.internal.engine.DictatedActions.Interval;
import org.radassist.drafting.internal.engine.ExtractorSupport.Found;
import org.radassist.drafting.internal.engine.StructuredExtractor.Result;
import org.radassist.drafting.internal.engine.StructuredExtractor.Scored;
import org.radassist.drafting.internal.engine.frames.LesionFrame;
import org.radassist.drafting.internal.engine.frames.Measurement;
import org.radassist.drafting.internal.rules.Assessment;
import org.radassist.drafting.internal.rules.LiRads;
import org.radassist.model.Evidence;
import org.radassist.model.Flag;
import org.radassist.model.FlagType;
import org.radassist.model.ScoringSystem;
import org.radassist.model.Severity;

/**
 * Reads LI-RADS from a liver CT/MRI: the observation's major features, threshold growth, treatment
 * response and the dictated management.
 */
final class LiRadsReader {

  private static final Pattern LI_RADS =
      Pattern.compile(
          "(?:li-rads\\s*:?\\s*(?:category\\s*)?:?\\s*(?:lr[- ]?)?|\\blr[- ]?)([1-5]|m|tiv)\\b",
          Pattern.CASE_INSENSITIVE);

  private final Vocabulary liver =
      new Vocabulary()
          .put(
              "RIM",
              "rim arterial phase hyperenhancement",
              "rim aphe",
              "rim enhancement",
              "rim hyperenhancement")
          .put(
              "APHE",
              "arterial phase hyperenhancement",
              "arterial hyperenhancement",
              "arterial enhancement",
              "arterial phase enhancement",
              "hyperenhancement",
              "hyperenhancing",
              "arterially enhancing",
              // the phase as an adjective of the enhancement ("8 mm arterial enhancing focus")
              "arterial enhancing",
              "arterial phase enhancing",
              "arterial-phase enhancing",
              "enhancing in arterial phase",
              "enhances in the arterial phase",
              "enhances on the arterial phase",
              "enhances arterially",
              // the verb's bare form, so that "does not enhance in the arterial phase" denies APHE
              "enhance in the arterial phase",
              "enhance on the arterial phase",
              "enhance in arterial phase",
              "enhance on arterial phase",
              "enhance arterially",
              "enhancement in the arterial phase",
              "enhancement on the arterial phase",
              "enhancing on arterial phase",
              "enhancing on the arterial phase",
              "enhancing in the arterial phase",
              "arterially hyperenhancing",
              "hypervascular",
              "hypervascularity")
          .put(
              "WASHOUT",
              "washout",
              "wash-out",
              "washes out",
              "wash out",
              "nonperipheral washout",
              "washing out")
          .put(
              "CAPSULE",
              "capsule",
              "enhancing capsule",
              "capsular enhancement",
              "pseudocapsule",
              // the v2018 lexicon's own name for the feature
              "capsular appearance",
              "capsule appearance",
              "enhancing pseudocapsule")
          .put("GROWTH", "threshold growth")
          // said as the opposite of APHE
          .put(
              "NO_APHE",
              "hypoenhancing in the arterial phase",
              "hypoenhancing on the arterial phase",
              "hypoenhancing on arterial phase",
              "arterial phase hypoenhancement",
              "hypoenhancement in the arterial phase",
              "isoenhancing in the arterial phase",
              "isoenhancing on the arterial phase",
              "arterial phase isoenhancement",
              "hypovascular in the arterial phase",
              "hypovascular",
              "hypoenhancing",
              "hypo-enhancing",
              "hypoenhancement",
              "isoenhancing",
              "no arterial hyperenhancement",
              "without arterial hyperenhancement")
          // hypoenhancement after the arterial phase is washout, not absent APHE
          .put(
              "WASHOUT",
              "hypoenhancing in the portal venous phase",
              "hypoenhancing on the portal venous phase",
              "hypoenhancing on portal venous phase",
              "hypoenhancing in the portal venous and delayed phases",
              "hypoenhancing in the delayed phase",
              "hypoenhancing on the delayed phase",
              "hypoenhancing in the transitional phase",
              "portal venous phase hypoenhancement",
              "delayed phase hypoenhancement",
              "hypoenhancement in the portal venous phase",
              "hypoenhancement in the delayed phase");

  /** "No cirrhosis", "non-cirrhotic liver": said not at risk. */
  private static final Pattern NOT_AT_RISK =
      Pattern.compile(
          "\\b(?:no|without|non-?|not)\\s*(?:known\\s+|evidence of\\s+|history of\\s+)?"
              // "no features of cirrhosis", "no imaging signs of chronic liver disease"
              + "(?:(?:imaging|morphologic(?:al)?|radiologic(?:al)?|clinical|any)\\s+)?"
              + "(?:(?:features?|signs?|stigmata|evidence)\\s+(?:of|to suggest|suggesting)\\s+)?"
              + "(?:chronic\\s+)?(?:cirrho\\w*|hepatitis|liver disease)",
          Pattern.CASE_INSENSITIVE);

  /** "No risk factors for HCC", "no HCC risk factors": the patient is said not at risk. */
  private static final Pattern NO_HCC_RISK =
      Pattern.compile(
          "\\b(?:no|without|nor)\\s+(?:known\\s+|other\\s+)?(?:(?:hcc|hepatocellular carcinoma)\\s+)?"
              + "risk\\s+factors?(?:\\s+(?:for|of)\\s+(?:hcc|hepatocellular carcinoma))?",
          Pattern.CASE_INSENSITIVE);

  /**
   * A primary cancer outside the liver ("colon cancer, surveillance CT"): its surveillance looks
   * for metastases, it does not put the patient at risk of HCC ("renal cell carcinoma" too).
   */
  private static final Pattern OTHER_PRIMARY_CANCER =
      Pattern.compile(
          "\\b(?:colon|colorectal|rectal|sigmoid|breast|lung|pancreatic|gastric|oesophageal|esophageal|"
              + "ovarian|renal|kidney|neuroendocrine|melanoma)\\s+(?:cell\\s+)?(?:cancer|carcinoma|adenocarcinoma|"
              + "primary|malignancy|(?:liver\\s+|hepatic\\s+)?metastas[ie]s)\\b",
          Pattern.CASE_INSENSITIVE);

  void liRads(Report report, Result r) {
    TextAnalyzer.Section f = report.findings();
    Found said = find(report, LI_RADS);
    Found revisedSaid = saidInAddendum(report);
    if (revisedSaid != null) {
      said = revisedSaid; // "Addendum: ... Category revised to LR-5": the later one is the report's
    }
    boolean observation =
        f != null
            && f.mentions.stream()
                .anyMatch(
                    m ->
                        m.concept().id().equals("liver_observation")
                            && m.positive()
                            // "observation" is LI-RADS's own word; a "liver lesion" needs risk
                            && f.text
                                .substring(m.start(), m.end())
                                .toLowerCase(Locale.ROOT)
                                .contains("observation"));
    String ctx = report.contextText();
    boolean lesion =
        observation
            || report.findingFrames.stream()
                .anyMatch(
                    fr ->
                        fr.organ().equals("liver")
                            && fr.assertion().positive()
                            && List.of("observation", "lesion", "nodule", "mass")
                                .contains(fr.kind()));
    // LI-RADS is for patients at risk of HCC (cirrhosis, chronic hepatitis B, prior HCC)
    boolean atRisk =
        NOT_AT_RISK.matcher(ctx).replaceAll(" ").contains("cirrho")
            || NOT_AT_RISK.matcher(ctx).replaceAll(" ").contains("hepatitis")
            || NO_HCC_RISK.matcher(ctx).replaceAll(" ").contains("hcc")
            || NO_HCC_RISK.matcher(ctx).replaceAll(" ").contains("hepatocellular")
            || ctx.contains("li-rads")
            || (ctx.contains("surveillance") && !OTHER_PRIMARY_CANCER.matcher(ctx).find());
    if (said != null
        && !lesion
        && !atRisk
        && !said.evidence().quote().toLowerCase(Locale.ROOT).contains("li-rads")) {
      said = null; // a bare "LR 1" on a chest CT is Lung-RADS shorthand, not LI-RADS
    }
    // a dictated treatment-response category ("LR-TR nonviable") is said only of a treated HCC-risk
    // observation, so it places the patient at risk as a dictated LR category does
    atRisk |= dictated(report, LR_TR);
    // tumour in vein is an LI-RADS observation of its own, with or without a parenchymal mass
    Found vein = tumourInVein(report);
    lesion |= vein != null;
    // a treated observation (ablation zone, after TACE ...) is read by the treatment response
    // algorithm, not the diagnostic table
    Found treated = atRisk || said != null ? treatedObservation(report, f) : null;
    lesion |= treated != null;
    // "in segment 6 there is nodule of 17 mm": a Couinaud segment places the nodule in the liver
    lesion |= f != null && segmentNodule(f);
    // a dictated LR-NC for an at-risk patient whose study the report calls degraded ("Severe
    // respiratory motion ... not categorizable"): the observation may only be hedged, yet the
    // category is the report's answer (v2018: not categorizable due to image degradation)
    boolean degradedNc =
        atRisk && dictated(report, LR_NC) && f != null && STUDY_DEGRADED.matcher(f.text).find();
    if (f == null || (said == null && !degradedNc && !(lesion && (atRisk || observation)))) {
      return;
    }
    if (report.modality().equals("US")) {
      // the diagnostic table is LI-RADS CT/MRI; ultrasound has its own algorithm (US-1..3), so an
      // LR category said on an ultrasound is the category of an earlier CT or MRI
      return;
    }
    Boolean aphe = null;
    boolean rim = false;
    boolean washout = false;
    boolean capsule = false;
    boolean growth = false;
    List<Evidence> ev = new ArrayList<>();
    for (Vocabulary.Hit h : liver.hits(f)) {
      boolean pos =
          h.positive()
              || (h.value().equals("APHE")
                      || h.value().equals("WASHOUT")
                      || h.value().equals("CAPSULE"))
                  && featureAffirmed(f, h);
      Boolean filled = templateValue(f.text, h.end());
      if (filled != null) {
        pos = filled; // "Washout: none.", "APHE: nonrim."
      }
      Boolean sign = signValue(f.text, h.end());
      if (sign != null) {
        pos = sign; // "APHE+", "capsule-", "washout (+)"
      }
      if (h.value().equals("GROWTH") && belowThreshold(f.text, h.start(), h.end())) {
        pos = false; // "40% increase, below threshold growth"
      }
      if (pos && deniedJustBefore(f.text, h.start())) {
        pos = false; // "lacking arterial phase hyperenhancement", "devoid of washout"
      }
      switch (h.value()) {
        case "RIM" -> rim |= pos;
        case "APHE" -> aphe = (aphe != null && aphe) || pos;
        case "WASHOUT" -> washout |= pos;
        case "CAPSULE" -> capsule |= pos;
        case "GROWTH" -> growth |= pos;
        case "NO_APHE" -> {
          if (pos && aphe == null && !laterPhase(f, h.start())) {
            aphe = false;
          }
        }
        default -> {}
      }
      if (pos) {
        ev.add(f.evidence(h.start(), h.end()));
      }
    }
    // an addendum that re-reads a phase ("Review of the delayed phase demonstrates nonperipheral
    // washout") adds the major feature it affirms to the findings' reading
    for (TextAnalyzer.Section s : report.dictatedBody()) {
      Matcher ad = ADDENDUM.matcher(s.text);
      if (!ad.find()) {
        continue;
      }
      for (Vocabulary.Hit h : liver.hits(s)) {
        if (h.start() < ad.end() || !h.positive()) {
          continue;
        }
        switch (h.value()) {
          case "WASHOUT" -> washout = true;
          case "CAPSULE" -> capsule = true;
          case "GROWTH" -> growth = true;
          default -> {
            continue;
          }
        }
        ev.add(s.evidence(h.start(), h.end()));
      }
    }
    Matcher shorthand = SIGNED_SHORTHAND.matcher(f.text);
    while (shorthand.find()) {
      // "WO+", "TG+": the abbreviations of washout and threshold growth, with their sign
      if (shorthandPresent(shorthand)) {
        boolean wo = shorthand.group(1).toLowerCase(Locale.ROOT).startsWith("w");
        washout |= wo;
        growth |= !wo;
        ev.add(f.evidence(shorthand.start(), shorthand.end()));
      }
    }
    if (!washout && Boolean.TRUE.equals(aphe)) {
      // APHE, then hypoenhancement in a later phase, in any wording, is washout (v2018)
      Matcher later = LATER_PHASE_HYPO.matcher(f.text);
      while (later.find() && !washout) {
        if (positiveAt(f, later.start())) {
          washout = true;
          ev.add(f.evidence(later.start(), later.end()));
        }
      }
    }
    if (aphe == null) {
      // "avidly enhancing in the late arterial phase"
      Matcher m = AVID_ARTERIAL.matcher(f.text);
      while (m.find() && aphe == null) {
        if (positiveAt(f, m.start())) {
          aphe = true;
          ev.add(f.evidence(m.start(), m.end()));
        }
      }
    }
    if (aphe == null) {
      // the arterial phase said with any enhancement or attenuation word, MR or CT
      Matcher m = ARTERIAL_LOOK.matcher(f.text);
      while (m.find() && aphe == null) {
        int sentence = f.sentenceAt(m.start());
        int from = tokenAt(f, sentence, m.start());
        if (sentence != f.sentenceAt(m.end() - 1)) {
          continue; // "hypodense observation. Arterial phase not acquired.": two sentences
        }
        if (sentence < 0
            || from < 0
            || f.certainty(sentence, from, from + 1) == Certainty.NEGATED) {
          continue;
        }
        String look = (m.group(1) != null ? m.group(1) : m.group(2)).toLowerCase(Locale.ROOT);
        aphe = look.equals("hyper");
        ev.add(f.evidence(m.start(), m.end()));
      }
    }
    if (aphe == null) {
      // "iso-enhancing in all phases": the arterial phase is one of them
      Matcher m = ALL_PHASES_LOOK.matcher(f.text);
      while (m.find() && aphe == null) {
        if (positiveAt(f, m.start())) {
          aphe = m.group(1).equalsIgnoreCase("hyper");
          ev.add(f.evidence(m.start(), m.end()));
        }
      }
    }
    if (!washout && Boolean.FALSE.equals(aphe) && positiveAt(f, ARTERIAL_ISO.matcher(f.text))) {
      // iso to the liver in the arterial phase, then hypo in a later one, is a temporal reduction
      // of enhancement relative to the liver: washout (v2018), in any wording ("iso-attenuating on
      // arterial phase, hypoattenuating on portal venous phase")
      Matcher later = LATER_PHASE_HYPO.matcher(f.text);
      while (later.find() && !washout) {
        if (positiveAt(f, later.start())) {
          washout = true;
          ev.add(f.evidence(later.start(), later.end()));
        }
      }
    }
    // an arterial phase the report calls degraded or not assessable leaves APHE unknown (LR-NC)
    Matcher unassessable = ARTERIAL_NOT_ASSESSABLE.matcher(f.text);
    boolean arterialNotAssessable = false;
    while (unassessable.find() && !arterialNotAssessable) {
      if (positiveAt(f, unassessable.start())) {
        arterialNotAssessable = true;
        aphe = null;
        ev.add(f.evidence(unassessable.start(), unassessable.end()));
      }
    }
    TextAnalyzer.Section impression = report.dictatedImpression();
    if (!growth && impression != null) {
      // the impression may name the feature the findings give as sizes ("with threshold growth")
      for (Vocabulary.Hit h : liver.hits(impression)) {
        if (h.value().equals("GROWTH")
            && h.positive()
            && !belowThreshold(impression.text, h.start(), h.end())
            && !spanTooLong(impression, h.sentence())) {
          growth = true;
          ev.add(impression.evidence(h.start(), h.end()));
        }
      }
    }
    if (!growth) {
      growth = thresholdGrowth(report, f, ev);
    }
    if (!growth) {
      growth = priorThresholdGrowth(report, f, ev);
    }
    if (vein != null) {
      // LR-TIV: enhancing soft tissue in a vein, whatever the parenchymal observation's size
      ev.add(vein.evidence());
      lrOwnCategory(report, r, "LR-TIV", "tumour in vein (" + vein.value() + ")", said, ev);
      return;
    }
    if (treated != null
        && !untreatedCategoryDictated(report)
        && !untreatedObservationDescribed(f)) {
      treatmentResponse(report, r, f, treated, aphe, washout, ev);
      return;
    }
    boolean targetoid =
        rim || TARGETOID.matcher(f.text).find() && positiveAt(f, TARGETOID.matcher(f.text));
    if (targetoid || said != null && said.value().equals("M")) {
      // LR-M: targetoid appearance (rim APHE, peripheral washout, targetoid diffusion...)
      String why =
          targetoid
              ? "targetoid features (rim APHE or another targetoid appearance)"
              : "dictated LR-M (probably or definitely malignant, not HCC specific)";
      lrOwnCategory(report, r, "LR-M", why, said, ev);
      return;
    }
    if (Boolean.FALSE.equals(aphe) && noArterialPhase(f.text)) {
      aphe = null; // no arterial phase was acquired: its enhancement is unknown, not absent
    }
    if ((aphe == null || degradedNc) && !rim && dictated(report, LR_NC)) {
      // a dictated LR-NC (v2018: a major feature cannot be assessed) where APHE is unknown; without
      // it the field stays incomplete and names what is missing (the corpus convention)
      lrOwnCategory(
          report,
          r,
          "LR-NC",
          "dictated LR-NC: arterial phase hyperenhancement "
              + (arterialNotAssessable ? "cannot be assessed" : "not described"),
          said,
          ev);
      return;
    }
    Double size = observationSize(f);
    List<String> missing = new ArrayList<>();
    if (size == null) {
      missing.add("observation size");
    }
    if (aphe == null && !rim) {
      missing.add("arterial phase hyperenhancement (present or absent)");
    }
    ScoringSystem sys = ScoringSystem.LI_RADS;
    Assessment a =
        missing.isEmpty()
            ? LiRads.categorize(new LiRads.Observation(aphe, size, capsule, washout, growth))
            : null;
    // several observations, each sized and described in a sentence of its own, are categorised
    // one by one; the report's category is the most suspicious one (and so is the dictated one)
    List<PlacedObservation> placed = new ArrayList<>();
    Assessment worst = mostSuspiciousObservation(f, placed);
    if (worst != null) {
      a = worst;
      said = mostSuspiciousDictated(report, said);
    }
    if (said != null
        && (said.value().equals("1") || said.value().equals("2"))
        && (a == null || LiRads.rank(a.category()) <= LiRads.rank("LR-3"))) {
      // LR-1 / LR-2 are decided by benign features the diagnostic table does not hold
      // (haemangioma, cyst, distinctive nodule without malignant features): the dictated one holds
      lrOwnCategory(
          report,
          r,
          "LR-" + said.value(),
          "dictated LR-"
              + said.value()
              + (a == null ? "" : "; the diagnostic table alone would give " + a.category()),
          said,
          ev);
      return;
    }
    if (a == null) {
      addField(
          r,
          sys,
          LiRads.VERSION,
          "category",
          "",
          ev,
          0.4,
          missing,
          "the diagnostic table needs APHE and size");
      return;
    }
    double confidence = 0.8;
    String reason =
        a.reason()
            + (washout || capsule || growth ? "" : "; features not described are taken as absent");
    addField(r, sys, LiRads.VERSION, "category", a.category(), ev, confidence, List.of(), reason);
    addField(
        r,
        sys,
        LiRads.VERSION,
        "management",
        a.management(),
        ev,
        confidence,
        List.of(),
        "LI-RADS management for " + a.category());
    r.scored.add(new Scored(a, ev, confidence));
    said = dictatedAs(report, said, a.category());
    if (said != null
        && !("LR-" + said.value()).equals(a.category())
        && !(worst != null && dictatedForAnotherObservation(report, said, a, placed))) {
      r.dictated.add(
          new Scored(
              new Assessment(
                  ScoringSystem.LI_RADS,
                  LiRads.VERSION,
                  "LR-" + said.value(),
                  "",
                  "dictated, not the table's"),
              List.of(said.evidence()),
              confidence));
      r.flags.add(
          Flag.of(
              FlagType.CATEGORY_MANAGEMENT_MISMATCH,
              Severity.WARNING,
              "Dictated LR-"
                  + said.value()
                  + ", the LI-RADS v2018 table gives "
                  + a.category()
                  + " ("
                  + a.reason()
                  + ")",
              concat(List.of(said.evidence()), ev)));
    }
    String stated = said != null ? "LR-" + said.value() : a.category();
    liRadsManagement(
        report,
        r,
        stated,
        stated.equals(a.category()) ? a.management() : "the LI-RADS v2018 management of " + stated);
  }

  /**
   * A LI-RADS category decided outside the diagnostic table (LR-1, LR-2, LR-M, LR-TIV): the field,
   * its management, a scored assessment, and a mismatch flag when another category is dictated.
   */
  private static void lrOwnCategory(
      Report report, Result r, String category, String reason, Found said, List<Evidence> ev) {
    said = dictatedAs(report, said, category);
    List<Evidence> evidence = said == null ? ev : concat(List.of(said.evidence()), ev);
    Assessment a =
        new Assessment(
            ScoringSystem.LI_RADS, LiRads.VERSION, category, LiRads.management(category), reason);
    fieldsAndCheck(
        r,
        a,
        "LI-RADS management for ",
        evidence,
        0.75,
        said == null ? null : "LR-" + said.value());
    liRadsManagement(report, r, category, a.management());
  }

  private static final Pattern NEGATION_WORD =
      Pattern.compile(
          "\\b(?:no|not|without|absent|absence|negative|nor|neither|lacks?|lacking|free of)\\b");

  private static final Pattern AFFIRM_WORD =
      Pattern.compile("\\b(?:present|seen|noted|identified|demonstrated|evident|visible)\\b");

  private static final Pattern AFFIRM_VERB =
      Pattern.compile(
          "\\b(?:demonstrates?|demonstrating|shows?|showing|exhibits?|exhibiting|has|having)\\s*$");

  /**
   * A clause that opens with an affirming verb, its subject optional: "shows ...", "it washes out
   * ...", "which has ...", "but with ...".
   */
  private static final Pattern AFFIRM_CLAUSE =
      Pattern.compile(
          "\\s*(?:(?:and|but|then)\\s+)?(?:(?:it|which|this|that|the\\s+(?:observation|lesion|nodule))"
              + "\\s+)?(?:also\\s+)?(?:demonstrates?|demonstrating|shows?|showing|exhibits?|exhibiting"
              + "|displays?|displaying|has|having|with|washes|washing)\\b");

  private static final Pattern LIST_OR = Pattern.compile("\\b(?:or|nor)\\b");

  private static final Pattern SAID_PRESENT =
      Pattern.compile("\\s*(?:is\\s+|are\\s+)?(?:present|seen|noted|identified|demonstrated)\\b");

  private static final Pattern OTHER_FEATURE =
      Pattern.compile("\\b(?:hyperenhanc\\w*|aphe|washout|wash-out|wash out|capsule)\\b");

  /**
   * Unpunctuated (spoken) dictation: a negation whose own feature is named before this one, which
   * is then said present ("no arterial phase hyperenhancement enhancing capsule present"), does not
   * reach it; a list joined by and/or ("no washout or capsule present") stays negated.
   */
  private static boolean negationEndedByOtherFeature(String clauseBefore, String clauseAfter) {
    Matcher neg = NEGATION_WORD.matcher(clauseBefore);
    int last = -1;
    while (neg.find()) {
      last = neg.end();
    }
    String scope = clauseBefore.substring(last);
    return OTHER_FEATURE.matcher(scope).find()
        && !LIST_CONJUNCTION.matcher(scope).find()
        && SAID_PRESENT.matcher(clauseAfter).lookingAt();
  }

  private static final Pattern PARENTHESIS = Pattern.compile("\\(([^()]*)\\)");

  private static final Pattern LIST_CONJUNCTION = Pattern.compile("\\b(?:and|or|nor)\\b");

  /**
   * A major feature ConText reads as negated whose own clause asserts it: the negation sits in a
   * parenthesis before it ("hyperenhancement (not rim) and capsule"), in a later clause with its
   * own subject ("hyperenhancement in arterial phase and wash out in venous phase, capsule is not
   * seen"), or before a comma that opens a clause saying the feature is present ("no arterial
   * hyperenhancement, washout and capsule present"). Negated lists stay negated ("no APHE, washout
   * or capsule"; "APHE, washout and capsule are absent").
   */
  /** A phase after the arterial one, where washout and capsule are seen. */
  private static final Pattern LATER_PHASE_WORDS =
      Pattern.compile(
          "\\b(?:portal[- ]?venous|portal|delayed|transitional|equilibrium|hepatobiliary)\\s+phases?\\b");

  /** The arterial feature denied last: "no arterial hyperenhancement", "without APHE". */
  private static final Pattern ARTERIAL_DENIED =
      Pattern.compile(
          "\\b(?:no|without|absent)\\s+(?:\\w+\\s+){0,2}?(?:arterial|aphe|hyperenhanc\\w*)[^,;]*$");

  /** The v2018 descriptor a feature is named with when it is present: "nonperipheral washout". */
  private static final Pattern V2018_QUALIFIER =
      Pattern.compile("^\\s*(?:non-?peripheral|non-?rim|enhancing)\\b");

  private static boolean featureAffirmed(TextAnalyzer.Section f, Vocabulary.Hit h) {
    int s = f.sentenceAt(h.start());
    if (s < 0) {
      return false;
    }
    Sentences.Span span = f.sentences.get(s);
    String said = f.text.substring(span.start(), h.start()).toLowerCase(Locale.ROOT);
    String before = said.replaceAll("\\([^()]*\\)", " ");
    boolean negationInParenthesis = false;
    Matcher paren = PARENTHESIS.matcher(said);
    while (paren.find()) {
      negationInParenthesis |= NEGATION_WORD.matcher(paren.group(1)).find();
    }
    String after = f.text.substring(h.end(), span.end()).toLowerCase(Locale.ROOT);
    int comma = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'));
    String clauseBefore = before.substring(comma + 1);
    String prefix = comma < 0 ? "" : before.substring(0, comma);
    int next = indexOfAny(after, ",;(");
    String clauseAfter = next < 0 ? after : after.substring(0, next);
    Matcher saidPresent = SAID_PRESENT.matcher(clauseAfter);
    if (saidPresent.lookingAt()) {
      // "capsule present no washout": a negation after the feature's own "present" is the next
      // one's
      clauseAfter = clauseAfter.substring(0, saidPresent.end());
    }
    if (NEGATION_WORD.matcher(clauseAfter).find()) {
      return false;
    }
    if (NEGATION_WORD.matcher(clauseBefore).find()) {
      return negationEndedByOtherFeature(clauseBefore, clauseAfter);
    }
    if (NEGATION_WORD.matcher(prefix).find() && AFFIRM_VERB.matcher(clauseBefore).find()) {
      // "no arterial hyperenhancement, demonstrates washout": a new clause with its own verb
      return true;
    }
    if (NEGATION_WORD.matcher(prefix).find()
        && AFFIRM_CLAUSE.matcher(clauseBefore).lookingAt()
        && !LIST_OR.matcher(clauseBefore + clauseAfter).find()) {
      // "no APHE, shows washout and an enhancing capsule", "not arterially enhancing; it washes
      // out and has a capsular appearance": the clause after the negated one opens with its own
      // affirming verb, which governs every feature it lists
      return true;
    }
    if (negationInParenthesis && !NEGATION_WORD.matcher(prefix).find()) {
      return true;
    }
    if (NEGATION_WORD.matcher(prefix).find()) {
      // a forward negation over a comma: only a clause that says the feature is present ends it,
      // or one that places it in a later phase than the arterial feature denied before ("no
      // arterial hyperenhancement, washout and capsule on the portal venous phase")
      boolean noOr = !(clauseBefore + clauseAfter).matches("(?s).*\\b(?:or|nor)\\b.*");
      return noOr
          && (AFFIRM_WORD.matcher(clauseAfter).find()
              // "no arterial hyperenhancement, nonperipheral washout": a v2018 qualifier asserts it
              || V2018_QUALIFIER
                  .matcher(
                      clauseBefore + f.text.substring(h.start(), h.end()).toLowerCase(Locale.ROOT))
                  .find()
              || LATER_PHASE_WORDS.matcher(clauseAfter).find()
                  && ARTERIAL_DENIED.matcher(prefix).find());
    }
    if (next < 0) {
      return false;
    }
    // the negation comes after: a later clause with its own subject, not the end of a list
    String rest = after.substring(next + 1);
    int negation = -1;
    Matcher neg = NEGATION_WORD.matcher(rest);
    if (neg.find()) {
      negation = neg.start();
    }
    String negatedClause = negation < 0 ? "" : rest.substring(0, negation);
    int words = (clauseBefore + " " + clauseAfter).trim().split("\\W+").length;
    return negation >= 0
        && !negatedClause.contains(",")
        && !LIST_CONJUNCTION.matcher(negatedClause).find()
        && words >= 3;
  }

  /**
   * A template's value after a feature's name: "Washout: none.", "APHE: nonrim", "Capsule: yes".
   */
  private static final Pattern TEMPLATE_VALUE =
      Pattern.compile(
          "^(?:\\s+appearance)?\\s*:\\s*(?:(absent|none|no|not seen|not present|negative|not identified)"
              + "|(present|yes|nonrim|non-rim|positive|seen))\\b",
          Pattern.CASE_INSENSITIVE);

  private static Boolean templateValue(String text, int end) {
    Matcher m = TEMPLATE_VALUE.matcher(text.substring(end, Math.min(text.length(), end + 30)));
    if (!m.find()) {
      m = LIST_VALUE.matcher(text.substring(end, Math.min(text.length(), end + 30)));
      if (!m.find()) {
        return null;
      }
    }
    return m.group(2) != null;
  }

  /**
   * A checklist's value without a colon, closing its item: "washout no, capsule no", "APHE yes."
   */
  private static final Pattern LIST_VALUE =
      Pattern.compile(
          "^\\s+(?:(no|absent|none|negative)|(yes|present|positive))\\s*(?=[,.;)]|$)",
          Pattern.CASE_INSENSITIVE);

  /**
   * A sign written straight after a feature ("APHE+", "capsule-", "washout (+)", "WO +ve"): plus is
   * present, minus absent; null when none (a spaced dash, "capsule - thin", is no sign).
   */
  private static final Pattern SIGN =
      Pattern.compile("^(?:([+-])(?:ve)?(?![\\w+-])|\\s?\\(([+-])\\)|\\s([+-])ve\\b)");

  private static Boolean signValue(String text, int end) {
    Matcher m = SIGN.matcher(text.substring(end, Math.min(text.length(), end + 6)));
    if (!m.find()) {
      return null;
    }
    String sign = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
    return sign.equals("+");
  }

  /** "WO+" (washout), "TG+" (threshold growth): shorthand said only with its sign. */
  private static final Pattern SIGNED_SHORTHAND =
      Pattern.compile(
          "\\b(WO|TG)(?:\\s?(?:\\(([+-])\\)|([+-]))(?:ve)?(?![\\w+-])"
              // "WO: yes" in a template
              + "|\\s*:\\s*(?:(yes|present|positive)|no|absent|none|negative)\\b)",
          Pattern.CASE_INSENSITIVE);

  /** Whether a SIGNED_SHORTHAND match says the feature is present. */
  private static boolean shorthandPresent(Matcher m) {
    String sign = m.group(2) != null ? m.group(2) : m.group(3);
    return "+".equals(sign) || m.group(4) != null;
  }

  /** Avid or bright enhancement in the arterial phase is APHE. */
  private static final Pattern AVID_ARTERIAL =
      Pattern.compile(
          "\\b(?:avid(?:ly)?|bright(?:ly)?|intense(?:ly)?|marked(?:ly)?)\\s+(?:arterial(?:\\s+phase)?\\s+"
              + "enhanc\\w*|enhanc\\w*\\s+(?:in|on|during)\\s+(?:the\\s+)?(?:late\\s+|early\\s+)?arterial)",
          Pattern.CASE_INSENSITIVE);

  private static int indexOfAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  /** "below threshold growth", "not meeting threshold growth", "threshold growth not met". */
  private static final Pattern BELOW_BEFORE =
      Pattern.compile(
          "(?:\\bbelow|\\bunder|\\bshort of|\\bnot (?:meeting|reaching|meet|reach|fulfilling|fulfil)"
              + "|\\b(?:does|did|do)(?: not|n't) (?:meet|reach|fulfil|fulfill|qualify as)|\\bless than"
              + "|\\bsub-?|\\bnot|\\bno)\\s*(?:the\\s+)?(?:criteria\\s+(?:for|of)\\s+|definition\\s+of\\s+)?"
              + "(?:li-rads\\s+)?$",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern BELOW_AFTER =
      Pattern.compile(
          "^\\s*(?:criteria\\s+)?(?:is\\s+|was\\s+|are\\s+)?(?:not\\s+(?:met|reached|fulfilled|present)|absent)",
          Pattern.CASE_INSENSITIVE);

  private static boolean belowThreshold(String text, int start, int end) {
    String before = text.substring(Math.max(0, start - 40), start);
    return BELOW_BEFORE.matcher(before).find()
        || OUTSIDE_WINDOW.matcher(text.substring(Math.max(0, start - 60), start)).find()
        || BELOW_AFTER.matcher(text.substring(end, Math.min(text.length(), end + 40))).find();
  }

  /**
   * Growth put outside the definition's time window ("outside the 6-month window for threshold
   * growth", "too slow for threshold growth", "beyond the interval required for"): no threshold
   * growth.
   */
  private static final Pattern OUTSIDE_WINDOW =
      Pattern.compile(
          "\\b(?:outside|beyond|exceeds?|exceeding|longer than)\\s+(?:of\\s+)?(?:the\\s+)?"
              + "(?:[\\w-]+\\s+){0,2}(?:window|interval|time\\s?frame|period|span)\\s+"
              + "(?:\\w+\\s+){0,2}(?:for|of)\\s+(?:li-rads\\s+)?$"
              + "|\\btoo\\s+slow(?:ly)?\\s+(?:for|to\\s+(?:be|count\\s+as|qualify\\s+as|meet))\\s+"
              + "(?:the\\s+)?(?:li-rads\\s+)?$",
          Pattern.CASE_INSENSITIVE);

  /**
   * Whether a sentence dates its change over more than 6 months ("increased from 10 mm over 7
   * months"): threshold growth is >= 50% within <= 6 months, so growth named there is not it.
   */
  private static boolean spanTooLong(TextAnalyzer.Section s, int sentence) {
    if (sentence < 0) {
      return false;
    }
    String t = s.sentenceText(sentence);
    for (Pattern p : List.of(MONTHS_AGO, MONTHS_SPAN)) {
      Matcher m = p.matcher(t);
      if (m.find()) {
        String n = m.group(1).toLowerCase(Locale.ROOT);
        double months = n.matches("\\d+") ? Double.parseDouble(n) : NUMBER_WORDS.indexOf(n);
        return months > 6;
      }
    }
    return false;
  }

  private static final Pattern LESION_NOUN =
      Pattern.compile(
          "\\b(?:nodules?|lesions?|mass(?:es)?|observations?|obs)\\b", Pattern.CASE_INSENSITIVE);

  private static final Pattern LUNG_WORDS =
      Pattern.compile(
          "\\b(?:lobe|lung|pulmonary|bronch\\w*|lingula\\w*|kidney|renal|thyroid|breast)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * A nodule, lesion or mass in a sentence that names a Couinaud segment and no other organ, with
   * no negation before it ("no nodule in segment 6" is none; a later "capsule is not seen" is not
   * about the nodule).
   */
  private static boolean segmentNodule(TextAnalyzer.Section f) {
    for (int i = 0; i < f.sentences.size(); i++) {
      String t = f.sentenceText(i);
      if (LESION_NOUN.matcher(t).find()
          && SEGMENT.matcher(t).find()
          && !LUNG_WORDS.matcher(t).find()
          && !NEGATION_WORD
              .matcher(t.substring(0, firstMatch(LESION_NOUN, t)).toLowerCase(Locale.ROOT))
              .find()) {
        return true;
      }
    }
    return false;
  }

  private static int firstMatch(Pattern p, String t) {
    Matcher m = p.matcher(t);
    return m.find() ? m.start() : 0;
  }

  /**
   * What a size beside it measures: another organ or structure ("Spleen: 14 cm", "2 cm right renal
   * lesion", "portal vein 14 mm", "liver span 18 cm") or the liver observation ("segment 3
   * observation 8 mm", "12 mm nodule with APHE"). Other-organ words come first in the alternation
   * so "right lower lobe" is the lung's, not a hepatic lobe.
   */
  private static final Pattern SIZE_OWNER =
      Pattern.compile(
          "(?<other>\\b(?:spleen|splenic|splenomegaly|kidneys?|renal|adrenals?|pancrea\\w*"
              + "|gall\\s?bladder|gallstones?|cholelithiasis|aort\\w*|aneurysm|lymph\\s+nodes?|nodes?"
              + "|lymphadenopathy|uter\\w+|ovar\\w+|adnex\\w*|prostat\\w*|bladder|lungs?|pulmonary"
              + "|pleural|(?:lung|basal|basilar)\\s+bases?|(?:right|left)?\\s*(?:upper|middle|lower)\\s+lobe"
              + "|lingula\\w*|ascites|varices|varix|bile\\s+ducts?|cbd|(?:main\\s+)?portal\\s+vein"
              + "|hepatic\\s+veins?|ivc|spleno\\w*|hepatomegaly|(?:liver|hepatic)\\s+span|span"
              + "|craniocaudal|liver\\s+(?:measures|is\\s+enlarged)|thyroid|breast|bowel|colon\\w*"
              + "|stomach|hernia|vertebra\\w*|bone"
              // a treated observation's size is not that of a new one beside it
              + "|ablation\\s+(?:zone|cavity|bed|site|defect)|ablated|treated|lipiodol"
              + "|chemoemboli[sz]\\w*|tace|resection\\s+(?:margin|bed|cavity)"
              // nor is a benign lesion's, named as such (LR-1 / LR-2, outside the table)
              + "|cysts?|ha?emangiomas?|fnh|focal\\s+nodular\\s+hyperplasia|focal\\s+fat\\w*"
              + "|fatty\\s+sparing|focal\\s+sparing|perfusion\\s+(?:alteration|anomaly)"
              + "|biliary\\s+hamartomas?|lipomas?)\\b)"
              // a segment, lobe or dome is where a lesion is, not what is measured: "3 cm segment 7
              // haemangioma" is the haemangioma's size
              + "|(?<liver>\\b(?:observations?|hepatic|liver"
              + "|lr-?\\s?(?:[1-5]|m|tiv)|li-rads|lesions?|nodules?|mass(?:es)?|focus|foci"
              + "|hcc|aphe|arterial|washout|wash-out|capsule|hyperenhanc\\w*)\\b)",
          Pattern.CASE_INSENSITIVE);

  /**
   * The liver observation's size: the largest current size of the findings (in the sentences that
   * name a "liver lesion", when one does), less the sizes whose nearest owner word in their
   * sentence names another organ or the liver itself (splenomegaly 14 cm beside an 8 mm
   * observation, a renal lesion beside a liver one): another organ's measurement is never an
   * observation size.
   */
  private static Double observationSize(TextAnalyzer.Section f) {
    Set<Integer> sentences = new java.util.LinkedHashSet<>();
    for (TextAnalyzer.Mention m : f.mentions) {
      if (m.concept().id().equals("liver_observation") && m.positive()) {
        sentences.add(m.sentence());
      }
    }
    Double best = null;
    for (TextAnalyzer.Size z : f.sizes) {
      if ((sentences.isEmpty() || sentences.contains(z.sentence()))
          && !ExtractorSupport.isPriorSize(f.text, z)
          && !anotherOrgansSize(f, z)) {
        best = best == null ? z.longMm() : Math.max(best, z.longMm());
      }
    }
    return best;
  }

  /** {@link #observationSize} within one sentence. */
  private static Double observationSizeIn(TextAnalyzer.Section f, int sentence) {
    Double best = null;
    for (TextAnalyzer.Size z : f.sizes) {
      if (z.sentence() == sentence
          && sentence >= 0
          && !ExtractorSupport.isPriorSize(f.text, z)
          && !anotherOrgansSize(f, z)) {
        best = best == null ? z.longMm() : Math.max(best, z.longMm());
      }
    }
    return best;
  }

  /** A relation that makes the organ after it the observation's neighbour, not what is measured. */
  private static final Pattern NEXT_TO =
      Pattern.compile(
          "\\b(?:abutting|abuts|adjacent\\s+to|next\\s+to|near|close\\s+to|contacting|contacts"
              + "|touching|along|bordering|compressing|displacing|indenting|beside|towards?"
              + "|bulging\\s+(?:into|towards?)|exophytic\\s+(?:into|towards?))"
              + "\\s+(?:the\\s+|a\\s+)?(?:[\\w-]+\\s+){0,2}$",
          Pattern.CASE_INSENSITIVE);

  /** Whether the owner word nearest a size in its sentence names another organ (see SIZE_OWNER). */
  private static boolean anotherOrgansSize(TextAnalyzer.Section f, TextAnalyzer.Size z) {
    if (z.sentence() < 0) {
      return false;
    }
    int from = f.sentences.get(z.sentence()).start();
    if (underOtherOrgansHeading(f.text, z.start())
        || underOtherOrgansHeading(f.text.substring(from, z.start()), z.start() - from)) {
      return true; // "Kidneys: left upper pole 2.4 cm solid lesion": the heading owns its line
    }
    String sentence = f.sentenceText(z.sentence());
    Matcher m = SIZE_OWNER.matcher(sentence);
    int best = Integer.MAX_VALUE;
    boolean other = false;
    while (m.find()) {
      if (m.group("other") != null
          && NEXT_TO.matcher(sentence.substring(Math.max(0, m.start() - 40), m.start())).find()) {
        continue; // "observation abutting the right portal vein, 21 mm": a place, not an owner
      }
      int start = from + m.start();
      int end = from + m.end();
      int distance = end <= z.start() ? z.start() - end : start >= z.end() ? start - z.end() : 0;
      if (distance < best) {
        best = distance;
        // "right adrenal nodule 2.1 cm", "renal lesion 14 mm": the organ word before a plain
        // lesion noun owns the lesion, however near the noun is to the size
        other =
            m.group("other") != null
                || (PLAIN_LESION_NOUN.matcher(m.group()).matches()
                    && OTHER_ORGAN_BEFORE
                        .matcher(sentence.substring(Math.max(0, m.start() - 30), m.start()))
                        .find());
      }
    }
    return other;
  }

  /** A plain lesion noun, which says no organ of its own. */
  private static final Pattern PLAIN_LESION_NOUN =
      Pattern.compile(
          "(?:lesions?|nodules?|mass(?:es)?|focus|foci|observations?)", Pattern.CASE_INSENSITIVE);

  /** Another organ's adjective or noun right before a lesion noun ("adrenal", "left renal"). */
  private static final Pattern OTHER_ORGAN_BEFORE =
      Pattern.compile(
          "\\b(?:splenic|spleen|renal|kidney|adrenal|pancreatic|pancreas|gallbladder|ovarian|adnexal"
              + "|uterine|prostatic|bladder|lung|pulmonary|pleural|thyroid|breast|bone|osseous|vertebral"
              + "|nodal|peritoneal|omental|gastric|bowel|colonic)"
              + "(?:\\s+(?:gland|cortical|cortex|upper[- ]pole|lower[- ]pole|interpolar|body|tail|head))?"
              + "(?:\\s+(?:solid|cystic|enhancing|hypodense|hypoattenuating|indeterminate|small|incidental|lipid[- ]rich"
              + "|lipid[- ]poor))?\\s+$",
          Pattern.CASE_INSENSITIVE);

  /** An organ-line heading of another organ opening a line ("Kidneys:", "Right adrenal:"). */
  private static final Pattern OTHER_ORGAN_HEADING =
      Pattern.compile(
          "^\\s*(?:(?:right|left|both)\\s+)?(?:spleen|kidneys?|renal|adrenals?(?:\\s+glands?)?|pancreas"
              + "|gall\\s?bladder|biliary(?:\\s+tree)?|bile\\s+ducts?|lymph\\s+nodes|nodes|lungs?"
              + "|lung\\s+bases|bowel|stomach|bladder|pelvis|uterus|ovaries|prostate|bones?|vessels"
              + "|vasculature|aorta|peritoneum)\\s*:",
          Pattern.CASE_INSENSITIVE);

  /**
   * Whether the line a size is on opens with another organ's heading ("Kidneys: left upper pole 2.4
   * cm solid enhancing lesion"): an organ-by-organ report gives each line to its organ, so the
   * lesion there is not the liver observation.
   */
  private static boolean underOtherOrgansHeading(String text, int at) {
    int line = text.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
    return OTHER_ORGAN_HEADING.matcher(text.substring(line, at)).find();
  }

  /** A liver segment ("segment 4b", "S6", "segment VII"). */
  private static final Pattern SEGMENT =
      Pattern.compile(
          // "seg 2" is dictation shorthand for the segment
          "\\b(?:seg(?:ment|\\.)?\\s+(\\d[ab]?|i{1,3}|iv[ab]?|v|vi{1,3})|s(\\d[ab]?))\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * Several observations, each with its size, its arterial phase and its segment in a sentence of
   * its own ("Observation 1: segment 2, 7 mm, nonrim APHE, no washout"): each is categorised by the
   * table with its own features, and the most suspicious one returned; null for one observation
   * (its description may run over several sentences).
   */
  private Assessment mostSuspiciousObservation(
      TextAnalyzer.Section f, List<PlacedObservation> placed) {
    java.util.Map<Integer, boolean[]> bySentence = new java.util.TreeMap<>();
    for (Vocabulary.Hit h : liver.hits(f)) {
      boolean pos =
          h.positive()
              || (h.value().equals("APHE")
                      || h.value().equals("WASHOUT")
                      || h.value().equals("CAPSULE"))
                  && featureAffirmed(f, h);
      Boolean filled = templateValue(f.text, h.end());
      if (filled != null) {
        pos = filled; // "Washout: none.", "APHE: nonrim."
      }
      Boolean sign = signValue(f.text, h.end());
      if (sign != null) {
        pos = sign; // "APHE+", "capsule-", "washout (+)"
      }
      // [aphe said, aphe, washout, capsule, growth, rim]
      boolean[] o = bySentence.computeIfAbsent(h.sentence(), k -> new boolean[6]);
      switch (h.value()) {
        case "APHE" -> {
          o[0] = true;
          o[1] |= pos;
        }
        case "NO_APHE" -> o[0] |= pos;
        case "WASHOUT" -> o[2] |= pos;
        case "CAPSULE" -> o[3] |= pos;
        case "GROWTH" -> o[4] |= pos && !belowThreshold(f.text, h.start(), h.end());
        case "RIM" -> o[5] |= pos;
        default -> {}
      }
    }
    Matcher shorthand = SIGNED_SHORTHAND.matcher(f.text);
    while (shorthand.find()) {
      boolean[] o = bySentence.get(f.sentenceAt(shorthand.start()));
      if (o != null && shorthandPresent(shorthand)) {
        boolean wo = shorthand.group(1).toLowerCase(Locale.ROOT).startsWith("w");
        o[wo ? 2 : 4] = true;
      }
    }
    Set<String> segments = new java.util.HashSet<>();
    Assessment worst = null;
    int observations = 0;
    for (var e : bySentence.entrySet()) {
      boolean[] o = e.getValue();
      Double size = observationSizeIn(f, e.getKey());
      Matcher seg = SEGMENT.matcher(f.sentenceText(e.getKey()));
      if (!o[0] || o[5] || size == null || !seg.find()) {
        continue;
      }
      String segment = segmentName(seg);
      segments.add(segment);
      observations++;
      Assessment a = LiRads.categorize(new LiRads.Observation(o[1], size, o[3], o[2], o[4]));
      placed.add(new PlacedObservation(segment, a));
      if (worst == null || LiRads.rank(a.category()) > LiRads.rank(worst.category())) {
        worst = a;
      }
    }
    return observations >= 2 && segments.size() >= 2 ? worst : null;
  }

  /** Segments named in a list: "segments 4a and 8", "segments II, III and VII". */
  private static final Pattern SEGMENT_LIST =
      Pattern.compile(
          "\\bseg(?:ments?|s\\.?)\\s+((?:\\d[ab]?|[iv]{1,4}[ab]?)"
              + "(?:\\s*(?:,|\\band\\b|&|/)\\s*(?:\\d[ab]?|[iv]{1,4}[ab]?)\\b)+)",
          Pattern.CASE_INSENSITIVE);

  /** One observation of several, by its segment, with the category the table gives it. */
  private record PlacedObservation(String segment, Assessment category) {}

  /** "segment 7", "seg VII", "S7": one name per segment ("7"), Roman numerals read as digits. */
  private static String segmentName(Matcher seg) {
    String raw = (seg.group(1) != null ? seg.group(1) : seg.group(2)).toLowerCase(Locale.ROOT);
    String roman = raw.replaceAll("[ab]$", "");
    String sub = raw.substring(roman.length());
    String digit =
        switch (roman) {
          case "i" -> "1";
          case "ii" -> "2";
          case "iii" -> "3";
          case "iv" -> "4";
          case "v" -> "5";
          case "vi" -> "6";
          case "vii" -> "7";
          case "viii" -> "8";
          default -> roman;
        };
    return digit + sub;
  }

  /**
   * The dictated category is one observation's own and the worse observation is named by no
   * impression sentence (v2018 categorises each observation): the impression reports the one it
   * names correctly and leaves the other out, which is an omission, not a wrong category (as for
   * PI-RADS, round 24).
   */
  private static boolean dictatedForAnotherObservation(
      Report report, Found said, Assessment worst, List<PlacedObservation> placed) {
    String dictated = "LR-" + said.value();
    if (placed.stream().noneMatch(o -> o.category().category().equals(dictated))) {
      return false;
    }
    Set<String> named = new java.util.HashSet<>();
    boolean impression = false;
    for (TextAnalyzer.Section s : report.dictatedBody()) {
      if (s.kind != org.radassist.model.SectionKind.IMPRESSION) {
        continue;
      }
      impression = true;
      Matcher m = SEGMENT.matcher(s.text);
      while (m.find()) {
        named.add(segmentName(m));
      }
      Matcher list = SEGMENT_LIST.matcher(s.text);
      while (list.find()) {
        for (String one : list.group(1).split("\\s*(?:,|\\band\\b|&|/)\\s*")) {
          Matcher single = SEGMENT.matcher("segment " + one.trim());
          if (single.matches()) {
            named.add(segmentName(single));
          }
        }
      }
    }
    return impression
        && placed.stream()
            .filter(o -> o.category().category().equals(worst.category()))
            .noneMatch(o -> named.contains(o.segment()));
  }

  /**
   * Several LR-1..LR-5 categories dictated for several observations, each in a sentence naming its
   * segment: the most suspicious one is the report's ("1. LR-5 observation segment 6. 2. LR-3
   * observation segment 2."); a category a sentence gives for an earlier study ("previously LR-3")
   * is not counted.
   */
  private static Found mostSuspiciousDictated(Report report, Found said) {
    if (said == null) {
      return null;
    }
    Found best = said;
    for (TextAnalyzer.Section s : report.dictatedBody()) {
      Matcher m = LI_RADS.matcher(s.text);
      while (m.find()) {
        String v = m.group(1).toUpperCase(Locale.ROOT);
        String before = s.text.substring(Math.max(0, m.start() - 25), m.start());
        int sentence = s.sentenceAt(m.start());
        if (PRIOR_CATEGORY.matcher(before).find()
            || sentence < 0
            || !SEGMENT.matcher(s.sentenceText(sentence)).find()) {
          continue; // an earlier study's, or a hypothesis ("possibly LR-5 if washout confirmed")
        }
        if (LiRads.rank("LR-" + v) > LiRads.rank("LR-" + best.value())
            && LiRads.rank("LR-" + best.value()) > 0) {
          best = new Found(v, s.evidence(m.start(), m.end()));
        }
      }
    }
    return best;
  }

  /** Words before a category that do not assign it ("not LR-5", "rather than LR-4"). */
  private static final Pattern NOT_ASSIGNED =
      Pattern.compile(
          "\\b(?:not|no|nor|without|rather than|instead of|than|versus|vs\\.?|or|from|upgrade|"
              + "downgrade)\\s+(?:an?\\s+|the\\s+)?(?:li-rads\\s*)?$",
          Pattern.CASE_INSENSITIVE);

  /**
   * The dictated category equal to the one the engine found, when the report dictates several
   * ("LR-5 segment 8 mass with tumour in vein (LR-TIV)", a haemangioma's LR-1 in the findings
   * beside the LR-5 of the impression): each observation carries its own category, and only when
   * none is the engine's does the first one dictated stand against it. An earlier study's, a
   * hypothesis or a negated one ("not LR-5") does not count.
   */
  private static Found dictatedAs(Report report, Found said, String category) {
    if (said == null || category.equals("LR-" + said.value())) {
      return said;
    }
    for (TextAnalyzer.Section s : report.dictatedBody()) {
      Matcher m = LI_RADS.matcher(s.text);
      while (m.find()) {
        String before = s.text.substring(Math.max(0, m.start() - 25), m.start());
        if (category.equals("LR-" + m.group(1).toUpperCase(Locale.ROOT))
            && !PRIOR_CATEGORY.matcher(before).find()
            && !NOT_ASSIGNED.matcher(before).find()
            && !ExtractorSupport.retracted(s.text, m.end())) {
          return new Found(m.group(1).toUpperCase(Locale.ROOT), s.evidence(m.start(), m.end()));
        }
      }
    }
    return said;
  }

  /** A treated observation: ablation zone, after chemoembolisation, radioembolisation, LR-TR. */
  private static final Pattern TREATED =
      Pattern.compile(
          "\\b(?:ablation (?:zone|cavity|bed|site|defect)|ablated|post-?ablation|(?:after|following|status post|s/p)"
              + " (?:\\w+ ){0,2}(?:ablation|tace|rfa|mwa|chemoemboli[sz]ation|radioemboli[sz]ation|sirt|y-?90|sbrt)"
              + "|chemoemboli[sz]ed|lipiodol|treated (?:observation|lesion|tumou?r|hcc|nodule)"
              // "HCC treated with SBRT in June"
              + "|treated (?:with|by) (?:\\w+ ){0,2}(?:ablation|tace|rfa|mwa|chemoemboli[sz]ation"
              + "|radioemboli[sz]ation|sirt|y-?90|sbrt|radiotherapy|radiation)"
              + "|treatment zone|lr-?tr"
              // "TACE cavity", "post TACE"
              + "|(?:tace|rfa|mwa|sbrt|treatment|resection)\\s+(?:cavity|zone|bed|site|defect)"
              + "|post[- ]?(?:tace|rfa|mwa|sirt|sbrt|y-?90|chemoemboli[sz]ation|radioemboli[sz]ation))\\b",
          Pattern.CASE_INSENSITIVE);

  /** "LR-TR Nonviable", "LR-TR non-viable", "LI-RADS TR equivocal". */
  private static final Pattern LR_TR =
      Pattern.compile(
          "\\b(?:lr|li-rads)[- ]?tr[- :]*(non[- ]?viable|equivocal|viable)\\b",
          Pattern.CASE_INSENSITIVE);

  /** Whether any dictated section says the pattern (a dictated LR-TR, LR-NC). */
  private static boolean dictated(Report report, Pattern p) {
    for (TextAnalyzer.Section s : report.dictatedBody()) {
      if (p.matcher(s.text).find()) {
        return true;
      }
    }
    return false;
  }

  private static Found treatedObservation(Report report, TextAnalyzer.Section f) {
    Matcher m = TREATED.matcher(f.text);
    while (m.find()) {
      if (positiveAt(f, m.start())) {
        return new Found(m.group(), f.evidence(m.start(), m.end()));
      }
    }
    for (TextAnalyzer.Section s : report.dictatedBody()) {
      Matcher tr = LR_TR.matcher(s.text);
      if (tr.find()) {
        return new Found(tr.group(), s.evidence(tr.start(), tr.end()));
      }
    }
    return null;
  }

  /**
   * A sentence that describes an observation of its own beside the treated one: a size and its
   * arterial phase, and no treatment word ("New segment 2 observation 15 mm with nonrim APHE").
   */
  private boolean untreatedObservationDescribed(TextAnalyzer.Section f) {
    for (Vocabulary.Hit h : liver.hits(f)) {
      if ((h.value().equals("APHE") || h.value().equals("NO_APHE"))
          && largestInSentence(f, h.sentence()) != null
          && !TREATED.matcher(f.sentenceText(h.sentence())).find()
          && !AT_TREATED_ONE.matcher(f.sentenceText(h.sentence())).find()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Tissue placed at the margin of something said before ("at its posterior margin", "along the
   * medial edge of the cavity") or called residual / recurrent: the treated observation's own.
   */
  private static final Pattern AT_TREATED_ONE =
      Pattern.compile(
          "\\b(?:at|along|on|abutting|adjacent to|around)\\s+(?:its|the)\\s+(?:[\\w/-]+\\s+){0,3}?"
              + "(?:margins?|edges?|periphery|border|rim|wall)\\b|\\bresidual\\b|\\brecurren\\w*",
          Pattern.CASE_INSENSITIVE);

  /** An LR-1..LR-5 category dictated beside the treated one (an untreated observation too). */
  private static boolean untreatedCategoryDictated(Report report) {
    for (TextAnalyzer.Section s : report.dictatedBody()) {
      Matcher m = LI_RADS.matcher(s.text);
      while (m.find()) {
        if (m.group(1).matches("[1-5]")) {
          return true;
        }
      }
    }
    return false;
  }

  /** No enhancement of the treated observation, in words. */
  private static final Pattern NO_ENHANCEMENT =
      Pattern.compile(
          "\\b(?:no|without|absent|lack of|absence of)\\s+(?:\\w+\\s+){0,3}?(?:enhancement|enhancing|hyperenhancement)"
              + "|\\bnon-?enhancing\\b|\\bno (?:residual|nodular) (?:\\w+ )?(?:enhancement|tumou?r)\\b",
          Pattern.CASE_INSENSITIVE);

  /** Nodular, masslike or thick irregular tissue: the shape LR-TR Viable asks for. */
  private static final Pattern VIABLE_SHAPE =
      Pattern.compile(
          "(?<!not )(?<!non-)(?<!non )\\b(?:nodular|nodule|mass-?like|thick(?:ened)?\\s+irregular|focus|foci)\\b",
          Pattern.CASE_INSENSITIVE);

  /** Enhancement said not to be that tissue: "not nodular or masslike", "thin rim", "smooth". */
  private static final Pattern NOT_VIABLE_SHAPE =
      Pattern.compile(
          "\\b(?:not|non-?)\\s*(?:nodular|mass-?like)\\b|\\bthin\\s+(?:[\\w-]+\\s+){0,2}?(?:rim|enhanc\\w*)"
              + "|\\bsmooth\\s+(?:[\\w-]+\\s+){0,2}?(?:rim|enhanc\\w*)",
          Pattern.CASE_INSENSITIVE);

  /** Enhancement called the expected, treatment-related pattern (LR-TR Nonviable). */
  private static final Pattern EXPECTED_AFTER_TREATMENT =
      Pattern.compile(
          "\\b(?:expected|reactive|treatment[- ]related|post-?treatment\\s+(?:change|hyperaemia|hyperemia)"
              + "|benign\\s+perilesional)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * Arterial enhancement or washout of a treated observation that the report says is not nodular or
   * masslike tissue (a thin or smooth rim, "not nodular"), and no nodular tissue said beside it:
   * not the v2018 viable pattern.
   */
  private static boolean notViableTissue(TextAnalyzer.Section f) {
    Matcher not = NOT_VIABLE_SHAPE.matcher(f.text);
    if (!not.find()) {
      return false;
    }
    Matcher shape = VIABLE_SHAPE.matcher(f.text);
    while (shape.find()) {
      if (positiveAt(f, shape.start())
          && !(shape.start() >= not.start() && shape.start() < not.end() + 20)) {
        return false;
      }
    }
    return true;
  }

  /**
   * LI-RADS v2018 treatment response (LR-TR) of a treated observation: viable with arterial phase
   * hyperenhancement or washout in or along it, nonviable with no enhancement said, equivocal
   * otherwise; a dictated LR-TR category is read, and a definite reading that contradicts it is a
   * CATEGORY_MANAGEMENT_MISMATCH.
   */
  private static void treatmentResponse(
      Report report,
      Result r,
      TextAnalyzer.Section f,
      Found treated,
      Boolean aphe,
      boolean washout,
      List<Evidence> ev) {
    Found dictated = null;
    for (TextAnalyzer.Section s : report.dictatedBody()) {
      Matcher tr = LR_TR.matcher(s.text);
      if (tr.find()) {
        dictated = new Found(trValue(tr.group(1)), s.evidence(tr.start(), tr.end()));
        break;
      }
    }
    String read;
    if ((Boolean.TRUE.equals(aphe) || washout) && notViableTissue(f)) {
      // enhancement said not to be nodular / masslike tissue: expected after treatment when called
      // so, else atypical (equivocal)
      read = EXPECTED_AFTER_TREATMENT.matcher(f.text).find() ? "Nonviable" : "Equivocal";
    } else if (Boolean.TRUE.equals(aphe) || washout) {
      read = "Viable";
    } else if (NO_ENHANCEMENT.matcher(f.text).find()) {
      read = "Nonviable";
    } else {
      read = "Equivocal";
    }
    String category =
        "LR-TR " + (dictated != null && read.equals("Equivocal") ? dictated.value() : read);
    String reason =
        "treated observation ("
            + treated.value()
            + "): "
            + switch (read) {
              case "Viable" -> "arterial phase hyperenhancement or washout in or along it";
              case "Nonviable" -> "no enhancement";
              default -> "enhancement not described as viable or absent";
            }
            + (dictated != null && read.equals("Equivocal")
                ? "; the dictated category stands"
                : "");
    List<Evidence> evidence = new ArrayList<>();
    if (dictated != null) {
      evidence.add(dictated.evidence());
    }
    evidence.add(treated.evidence());
    evidence.addAll(ev);
    String management =
        switch (category) {
          case "LR-TR Viable" -> "multidisciplinary discussion for consensus management";
          case "LR-TR Equivocal" -> "repeat or alternative imaging in <= 3 months";
          default -> "continue post-treatment follow-up imaging";
        };
    Assessment a =
        new Assessment(ScoringSystem.LI_RADS, LiRads.VERSION, category, management, reason);
    fieldsAndCheck(
        r,
        a,
        "LI-RADS treatment response management for ",
        evidence,
        0.7,
        dictated == null ? null : "LR-TR " + dictated.value());
  }

  /**
   * The category and management fields of an assessment decided outside the diagnostic table, its
   * scored form, and a mismatch flag when the dictated category ("LR-3", "LR-TR Viable") differs.
   */
  private static void fieldsAndCheck(
      Result r,
      Assessment a,
      String managementNote,
      List<Evidence> evidence,
      double confidence,
      String dictated) {
    addField(
        r,
        ScoringSystem.LI_RADS,
        LiRads.VERSION,
        "category",
        a.category(),
        evidence,
        confidence,
        List.of(),
        a.reason());
    addField(
        r,
        ScoringSystem.LI_RADS,
        LiRads.VERSION,
        "management",
        a.management(),
        evidence,
        confidence,
        List.of(),
        managementNote + a.category());
    r.scored.add(new Scored(a, evidence, confidence));
    if (dictated != null && !dictated.equals(a.category())) {
      r.dictated.add(
          new Scored(
              new Assessment(
                  ScoringSystem.LI_RADS, LiRads.VERSION, dictated, "", "dictated, not the rule's"),
              evidence,
              confidence));
      r.flags.add(
          Flag.of(
              FlagType.CATEGORY_MANAGEMENT_MISMATCH,
              Severity.WARNING,
              "Dictated "
                  + dictated
                  + ", LI-RADS v2018 gives "
                  + a.category()
                  + " ("
                  + a.reason()
                  + ")",
              evidence));
    }
  }

  private static String trValue(String said) {
    String v = said.toLowerCase(Locale.ROOT).replaceAll("[- ]", "");
    return v.equals("nonviable") ? "Nonviable" : v.equals("viable") ? "Viable" : "Equivocal";
  }

  /** Hypoenhancement said of the portal venous, transitional or delayed phase. */
  private static final Pattern LATER_PHASE_HYPO =
      Pattern.compile(
          "\\bhypo-?(?:enhanc|attenuat|dens|intens)\\w*\\s+(?:in|on|during|at)\\s+(?:the\\s+)?"
              + "(?:portal[- ]?venous|pvp?|delayed|transitional|venous|late|equilibrium)\\b"
              + "|\\b(?:portal[- ]?venous|delayed|transitional)(?:\\s+(?:and|or|/)\\s*"
              + "(?:delayed|transitional))?\\s+(?:phases?\\s+)?hypo-?(?:enhanc|attenuat|dens|intens)\\w*",
          Pattern.CASE_INSENSITIVE);

  private static boolean laterPhase(TextAnalyzer.Section f, int at) {
    Matcher m = LATER_PHASE_HYPO.matcher(f.text);
    while (m.find()) {
      if (m.start() <= at && at < m.end()) {
        return true;
      }
    }
    return false;
  }

  /** Targetoid appearance (LR-M), said in words. */
  private static final Pattern TARGETOID =
      Pattern.compile(
          "\\btargetoid\\b|(?<!non-)(?<!non )\\bperipheral washout\\b|\\bdelayed central enhancement\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * Tumour in vein (LR-TIV): "tumour in vein", "tumour thrombus", or enhancing soft tissue in,
   * expanding or occluding a portal or hepatic vein; bland thrombus is not.
   */
  private static final Pattern TUMOUR_IN_VEIN =
      Pattern.compile(
          "\\btumou?r in(?:\\s+the)?\\s+(?:\\w+\\s+){0,2}veins?\\b|\\btumou?r(?:al)? thromb\\w*"
              // round 35 (sys16): "non-enhancing thrombus" is bland, the opposite of tumour in vein
              + "|(?<!non-)(?<!non )\\benhancing (?:soft[- ]tissue|tissue|thrombus)\\b[^.;]{0,40}?"
              + "\\b(?:portal|hepatic|splenic|mesenteric)(?:\\s+\\w+)?\\s+veins?\\b"
              + "|\\blr[- ]?tiv\\b",
          Pattern.CASE_INSENSITIVE);

  private static Found tumourInVein(Report report) {
    for (TextAnalyzer.Section s : report.dictatedBody()) {
      Matcher m = TUMOUR_IN_VEIN.matcher(s.text);
      while (m.find()) {
        int sentence = s.sentenceAt(m.start());
        String said = sentence < 0 ? "" : s.sentenceText(sentence).toLowerCase(Locale.ROOT);
        if (said.contains("renal") || said.contains("gonadal")) {
          continue; // a renal tumour's thrombus is no liver observation's
        }
        if (positiveAt(s, m.start())) {
          return new Found(m.group(), s.evidence(m.start(), m.end()));
        }
      }
    }
    return null;
  }

  /**
   * Threshold growth against the prior studies: the same liver observation (same segment, or the
   * only one) measured >= 50% smaller on a prior study <= 6 months before.
   */
  private static boolean priorThresholdGrowth(
      Report report, TextAnalyzer.Section f, List<Evidence> ev) {
    for (org.radassist.drafting.PriorSummary p : report.request.priors()) {
      double months = Math.abs(p.relativeDays()) / 30.44;
      if (months > 6.0 + 1e-9) {
        continue;
      }
      List<LesionFrame> then =
          report.priorFrames.stream()
              .filter(pf -> pf.organ().equals("liver") || pf.kind().equals("observation"))
              .filter(pf -> pf.assertion().positive() && pf.overall().isPresent())
              .toList();
      for (LesionFrame fr : report.findingFrames) {
        if (!(fr.organ().equals("liver") || fr.kind().equals("observation"))
            || !fr.assertion().positive()
            || fr.overall().isEmpty()
            || fr.sentenceStart() < 0) {
          continue;
        }
        for (LesionFrame pf : then) {
          boolean same =
              then.size() == 1
                  || !fr.location().isEmpty() && fr.location().equalsIgnoreCase(pf.location());
          double before = pf.overall().get().meanMm();
          double now = fr.overall().get().meanMm();
          if (same && LiRads.isThresholdGrowth(before, now, months)) {
            ev.add(f.evidence(fr.sentenceStart(), fr.sentenceEnd()));
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * Hyper-, hypo- or iso- enhancement/attenuation/density/intensity with "arterial" close by, in
   * either order: "isoattenuating in the arterial phase", "arterial phase: hypodense".
   */
  /** "Arterial phase not acquired", "no arterial phase", "single portal venous phase CT". */
  /** "iso-enhancing in all phases", "hypoenhancing on every phase". */
  private static final Pattern ALL_PHASES_LOOK =
      Pattern.compile(
          "\\b(hyper|hypo|iso)[- ]?(?:enhanc|attenuat|dens|intens|vascular)\\w*\\s+(?:in|on|during|throughout)"
              + "\\s+(?:all|every|each)\\s+(?:(?:contrast|dynamic|post-?contrast)\\s+)?(?:phases?|sequences?)\\b",
          Pattern.CASE_INSENSITIVE);

  /** Arterial enhancement the report cannot assess: motion, degradation, nondiagnostic phase. */
  private static final Pattern ARTERIAL_NOT_ASSESSABLE =
      Pattern.compile(
          "\\barterial\\b[^.;]{0,40}?\\b(?:cannot|can ?not|could not|unable to)\\s+be\\s+"
              + "(?:assessed|evaluated|characteri[sz]ed|determined|appreciated)"
              + "|\\barterial\\b[^.;]{0,40}?\\b(?:not\\s+(?:assessable|evaluable|interpretable)|non-?diagnostic"
              + "|uninterpretable)"
              + "|\\b(?:degrad\\w*|obscur\\w*)\\s+(?:\\w+\\s+){0,2}arterial\\s+phase"
              + "|\\barterial\\s+phase\\s+(?:is\\s+|was\\s+)?(?:\\w+\\s+)?(?:degraded|non-?diagnostic|uninterpretable)",
          Pattern.CASE_INSENSITIVE);

  /** The study said degraded: motion, artefact, non-diagnostic phases. */
  private static final Pattern STUDY_DEGRADED =
      Pattern.compile(
          "\\b(?:(?:severe|marked|significant|extensive|substantial|considerable)\\s+(?:respiratory\\s+|patient\\s+)?"
              + "(?:motion|breathing|artefacts?|artifacts?|bolus\\s+timing)"
              + "|(?:image|study|examination|exam|phases?|images)\\s+(?:is\\s+|are\\s+|was\\s+|were\\s+)?"
              + "(?:severely\\s+|markedly\\s+)?(?:degraded|non-?diagnostic)"
              + "|(?:severely|markedly)\\s+degraded|mistimed\\s+(?:arterial|contrast|bolus))",
          Pattern.CASE_INSENSITIVE);

  /** A dictated LR-NC: "LR-NC", "LI-RADS NC", "not categorizable". */
  private static final Pattern LR_NC =
      Pattern.compile(
          "\\b(?:lr[- ]?nc|li-rads[- ](?:category\\s+)?nc)\\b|\\bnot categori[sz]able\\b",
          Pattern.CASE_INSENSITIVE);

  /** A denial word ConText does not know, just before a feature: "lacking", "devoid of". */
  private static final Pattern DENIED_JUST_BEFORE =
      Pattern.compile(
          // over its list ("lacking washout and capsule") up to a clause's end or an affirming word
          "\\b(?:lacking|lacks|lack of|devoid of|absence of|free of)\\b"
              + "(?:(?!\\b(?:but|however|though|with|shows?|showing|demonstrat\\w*|has|having)\\b)[^.;,:])*$",
          Pattern.CASE_INSENSITIVE);

  private static boolean deniedJustBefore(String text, int start) {
    return DENIED_JUST_BEFORE.matcher(text.substring(Math.max(0, start - 60), start)).find();
  }

  /** Iso to the liver in the arterial phase: "iso-attenuating on arterial phase". */
  private static final Pattern ARTERIAL_ISO =
      Pattern.compile(
          "\\biso-?(?:enhanc|attenuat|dens|intens)\\w*(?:\\W+\\w+){0,3}?\\W+arterial"
              + "|\\barterial(?:\\W+\\w+){0,3}?\\W+iso-?(?:enhanc|attenuat|dens|intens)\\w*",
          Pattern.CASE_INSENSITIVE);

  /**
   * A feature said of a later phase before "... phase only": where it is seen, not the technique.
   */
  private static final Pattern FEATURE_WORD =
      Pattern.compile(
          "\\b(?:wash(?:es|ing)?[- ]?out|capsul\\w*|pseudocapsule|hypo-?enhanc\\w*)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * Whether the report says no arterial phase was acquired. "Portal venous phase only" after a
   * feature in its clause ("washout on portal venous phase only") places the feature, and says
   * nothing of the arterial phase.
   */
  private static boolean noArterialPhase(String text) {
    Matcher m = NO_ARTERIAL_PHASE.matcher(text);
    while (m.find()) {
      if (!m.group().toLowerCase(Locale.ROOT).endsWith("only")) {
        return true;
      }
      String before = text.substring(0, m.start());
      int clause =
          Math.max(
              before.lastIndexOf('.'), Math.max(before.lastIndexOf(','), before.lastIndexOf(';')));
      if (!FEATURE_WORD.matcher(before.substring(clause + 1)).find()) {
        return true;
      }
    }
    return false;
  }

  private static final Pattern NO_ARTERIAL_PHASE =
      Pattern.compile(
          "\\barterial\\s+phase\\s+(?:was\\s+|is\\s+)?(?:not\\s+(?:acquired|performed|obtained|available|"
              + "included|imaged)|unavailable|omitted|missing)"
              + "|\\b(?:no|without(?:\\s+an?)?)\\s+arterial\\s+phase\\b(?!\\s+(?:hyper|enhanc))"
              + "|\\b(?:single|only\\s+a|only\\s+the)[- ](?:portal[- ]venous[- ])?phase\\b"
              + "|\\bportal[- ]venous\\s+phase\\s+only\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern ARTERIAL_LOOK =
      Pattern.compile(
          "\\b(hyper|hypo|iso)[- ]?(?:enhanc|attenuat|dens|intens|vascular)\\w*(?:\\W+\\w+){0,5}?\\W+arterial"
              + "|\\barterial(?:\\W+\\w+){0,3}?\\W+(hyper|hypo|iso)[- ]?(?:enhanc|attenuat|dens|intens|vascular)\\w*",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern MONTHS_AGO =
      Pattern.compile(
          "\\b(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\\s+months?\\s+"
              + "(?:ago|earlier|prior|before|previously)",
          Pattern.CASE_INSENSITIVE);

  private static final List<String> NUMBER_WORDS =
      List.of(
          "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve");

  /**
   * LI-RADS v2018 threshold growth from the sizes: a liver observation grown by >= 50% within <= 6
   * months (its sentence or the prior study dates the prior size; an undated prior is not growth).
   */
  private static boolean thresholdGrowth(Report report, TextAnalyzer.Section f, List<Evidence> ev) {
    for (LesionFrame fr : report.findingFrames) {
      if (!fr.organ().equals("liver")
          || !fr.assertion().positive()
          || fr.change().priorMm() == null) {
        continue;
      }
      java.util.Optional<Measurement> now = fr.overall();
      double prior = fr.change().priorMm();
      if (now.isEmpty() || prior <= 0 || now.get().meanMm() < prior * 1.5) {
        continue;
      }
      Double months = monthsOf(report, f.text.substring(fr.sentenceStart(), fr.sentenceEnd()));
      if (months != null && months <= 6) {
        ev.add(f.evidence(fr.sentenceStart(), fr.sentenceEnd()));
        return true;
      }
    }
    // growth said as a proportion: "increased in size by 60% since the MRI 5 months ago",
    // "doubled in size over 3 months"
    for (LesionFrame fr : report.findingFrames) {
      if (!fr.organ().equals("liver") || !fr.assertion().positive() || fr.sentenceStart() < 0) {
        continue;
      }
      String sentence = f.text.substring(fr.sentenceStart(), fr.sentenceEnd());
      Matcher g = GROWTH_PROPORTION.matcher(sentence);
      while (g.find()) {
        String pct = g.group(1) != null ? g.group(1) : g.group(2);
        boolean enough = pct == null || Integer.parseInt(pct) >= 50;
        if (!enough || !positiveAt(f, fr.sentenceStart() + g.start())) {
          continue;
        }
        Double months = monthsOf(report, sentence);
        if (months != null && months <= 6) {
          ev.add(f.evidence(fr.sentenceStart() + g.start(), fr.sentenceStart() + g.end()));
          return true;
        }
      }
    }
    return false;
  }

  /** "increased by 60%", "60% larger", "doubled in size": growth as a proportion (null = 100%). */
  private static final Pattern GROWTH_PROPORTION =
      Pattern.compile(
          "\\b(?:increased|increase|grown|grew|growth|enlarged|enlargement)\\b(?:\\s+in\\s+size)?"
              + "(?:\\s+(?:by|of))?\\s+(?:approximately\\s+|about\\s+|more than\\s+|over\\s+)?(\\d{2,3})"
              + "\\s?(?:%|percent\\b|per cent\\b)"
              + "|(?<!less than )(?<!under )\\b(\\d{2,3})\\s?(?:%|percent|per cent)\\s+"
              + "(?:increase|growth|larger|enlargement)"
              + "|\\b(?:doubled|tripled|doubling)\\b",
          Pattern.CASE_INSENSITIVE);

  /** "over 4 months", "in the last 3 months", "within 5 months": the span a change took. */
  private static final Pattern MONTHS_SPAN =
      Pattern.compile(
          "\\b(?:over|in|within|during)\\s+(?:the\\s+)?(?:last\\s+|past\\s+|preceding\\s+)?"
              + "(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\\s+months?\\b",
          Pattern.CASE_INSENSITIVE);

  /** The months a sentence dates its prior by ("5 months ago", "over 4 months"), else the prior. */
  private static Double monthsOf(Report report, String sentence) {
    for (Pattern p : List.of(MONTHS_AGO, MONTHS_SPAN)) {
      Matcher m = p.matcher(sentence);
      if (m.find()) {
        String n = m.group(1).toLowerCase(Locale.ROOT);
        return n.matches("\\d+") ? Double.parseDouble(n) : (double) NUMBER_WORDS.indexOf(n);
      }
    }
    return priorIntervalMonths(report);
  }

  private static final Pattern ROUTINE_SURVEILLANCE =
      Pattern.compile(
          // "return to routine 6-month ultrasound surveillance": up to three words between
          "\\b(?:routine|continued?|resume|return to)\\s+(?:(?:hcc|[\\w-]+)\\s+){0,3}?"
              + "(?:surveillance|screening)\\b",
          Pattern.CASE_INSENSITIVE);

  /** Surveillance by ultrasound or at the routine programme's pace. */
  private static final Pattern ROUTINE_PACE =
      Pattern.compile(
          "\\bUS\\b|(?i)\\b(?:routine|ultrasound|ultrasonograph\\w*|sonograph\\w*|6-?monthly"
              + "|six-?monthly|biannual|annual|yearly)\\b");

  /**
   * "Continued MRI surveillance in 3-6 months", "Continue surveillance." on a CT / MRI exam: the
   * exam's own kind of imaging goes on, which is the repeat diagnostic imaging LR-3 asks for; an
   * interval beyond 6 months is still checked. Ultrasound or routine-programme surveillance, or a
   * return to it, is LR-1 / LR-2 management and contradicts LR-3.
   */
  private static boolean continuedDiagnosticImaging(
      Report report, TextAnalyzer.Section s, Matcher routine) {
    String said = routine.group().toLowerCase(Locale.ROOT);
    int sentence = s.sentenceAt(routine.start());
    String t = sentence < 0 ? said : s.sentenceText(sentence);
    return said.startsWith("continue")
        && (report.modality().equals("CT") || report.modality().equals("MR"))
        && !ROUTINE_PACE.matcher(t).find();
  }

  /**
   * The follow-up the report recommends against the LI-RADS v2018 management: LR-3 repeat imaging
   * in 3-6 months, LR-4 multidisciplinary discussion with work-up in <= 3 months, LR-5
   * multidisciplinary discussion for treatment. Routine surveillance, or a longer interval,
   * contradicts them.
   */
  /**
   * Treatment planned now: "refer for ablation", "TACE is recommended", "HCC treatment referral".
   */
  private static final Pattern TREATMENT_PLAN =
      Pattern.compile(
          "\\b(?:refer(?:ral|red)?|proceed|list(?:ed)?|schedul\\w*|plan(?:ned)?|book(?:ed)?)\\s+(?:\\w+\\s+){0,2}?"
              + "(?:for|to)\\s+(?:\\w+\\s+){0,2}?"
              + "(?:ablation|tace|chemoemboli[sz]ation|radioemboli[sz]ation|sirt"
              + "|resection|hepatectomy|transplant\\w*|treatment|rfa|mwa)\\b"
              + "|\\b(?:ablation|tace|chemoemboli[sz]ation|radioemboli[sz]ation|resection|rfa|mwa)\\s+(?:is\\s+)?"
              + "(?:recommended|advised|indicated|planned)\\b"
              + "|\\b(?:hcc\\s+)?treatment\\s+referral\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * LR-1..LR-3 are not treated as HCC (v2018: surveillance or repeat imaging in 3-6 months): a
   * treatment the impression or recommendation plans now contradicts the category.
   */
  private static boolean treatmentPlanned(Report report, Result r, String category) {
    for (TextAnalyzer.Section s : report.dictatedBody()) {
      if (s.kind == org.radassist.model.SectionKind.FINDINGS) {
        continue;
      }
      Matcher m = TREATMENT_PLAN.matcher(s.text);
      while (m.find()) {
        if (conditional(s.text, m.start(), m.end()) || !positiveAt(s, m.start())) {
          continue;
        }
        r.flags.add(
            Flag.of(
                FlagType.CATEGORY_MANAGEMENT_MISMATCH,
                Severity.WARNING,
                category
                    + " calls for "
                    + LiRads.management(category)
                    + ", the report plans treatment ("
                    + m.group()
                    + ")",
                List.of(s.evidence(m.start(), m.end()))));
        return true;
      }
    }
    return false;
  }

  /**
   * LR-1..LR-3 call for surveillance or repeat imaging, not tissue (v2018: biopsy is weighed for
   * LR-4/LR-M in multidisciplinary discussion): a biopsy the impression or recommendation asks for
   * now, not negated nor conditional ("biopsy if it grows"), contradicts the category.
   */
  /** "Addendum:" opening a re-read said after the report. */
  private static final Pattern ADDENDUM =
      Pattern.compile("\\baddendum\\b", Pattern.CASE_INSENSITIVE);

  /** The LI-RADS category an addendum dictates ("Category revised to LR-5"), or null. */
  private static Found saidInAddendum(Report report) {
    for (TextAnalyzer.Section s : report.dictatedBody()) {
      Matcher m = ADDENDUM.matcher(s.text);
      if (!m.find()) {
        continue;
      }
      Matcher c = LI_RADS.matcher(s.text);
      c.region(m.end(), s.text.length());
      if (c.find()) {
        return new Found(c.group(1).toUpperCase(Locale.ROOT), s.evidence(c.start(), c.end()));
      }
    }
    return null;
  }

  private static boolean biopsyPlanned(Report report, Result r, String category) {
    for (DictatedActions.SaidAction x : DictatedActions.actions(report)) {
      if (x.action() != DictatedActions.Action.TISSUE_SAMPLING
          || (x.section().kind != org.radassist.model.SectionKind.IMPRESSION
              && x.section().kind != org.radassist.model.SectionKind.RECOMMENDATION)) {
        continue;
      }
      r.flags.add(
          Flag.of(
              FlagType.CATEGORY_MANAGEMENT_MISMATCH,
              Severity.WARNING,
              category
                  + " calls for "
                  + LiRads.management(category)
                  + ", the report asks for tissue ("
                  + x.section().text.substring(x.start(), x.end())
                  + ")",
              List.of(x.section().evidence(x.start(), x.end()))));
      return true;
    }
    return false;
  }

  /**
   * "Routine surveillance MRI in 3-6 months": a sentence whose stated intervals all lie within the
   * category's longest one names the category's own pace, however it is called.
   */
  private static boolean routineWithinPace(TextAnalyzer.Section s, int at, int longest) {
    int sentence = s.sentenceAt(at);
    if (sentence < 0) {
      return false;
    }
    String t = s.sentenceText(sentence);
    if (SURVEILLANCE_PROGRAMME.matcher(t).find()) {
      return false; // "return to routine ultrasound surveillance in 6 months": the HCC programme
    }
    List<Interval> ivs = intervals(t);
    return !ivs.isEmpty() && ivs.stream().allMatch(iv -> iv.months() <= longest);
  }

  /** The routine HCC surveillance programme: ultrasound, or a return to it. */
  private static final Pattern SURVEILLANCE_PROGRAMME =
      Pattern.compile(
          "\\b(?:ultrasound|sonograph\\w*|us|return(?:ing|ed)?\\s+to|resum\\w*|back\\s+to)\\b",
          Pattern.CASE_INSENSITIVE);

  private static void liRadsManagement(
      Report report, Result r, String category, String management) {
    Integer longest =
        switch (category) {
          case "LR-3" -> 6;
          case "LR-4" -> 3;
          case "LR-5" -> 0;
          default -> null;
        };
    if (List.of("LR-1", "LR-2", "LR-3").contains(category)
        && (treatmentPlanned(report, r, category) || biopsyPlanned(report, r, category))) {
      return;
    }
    if (longest == null) {
      return;
    }
    for (TextAnalyzer.Section s : report.dictatedBody()) {
      if (s.kind == org.radassist.model.SectionKind.FINDINGS) {
        continue;
      }
      Matcher routine = ROUTINE_SURVEILLANCE.matcher(s.text);
      String said = null;
      Evidence where = null;
      while (routine.find()) {
        // "if unchanged, return to routine surveillance" is the step after the work-up
        if (!conditional(s.text, routine.start(), routine.end())
            && !(category.equals("LR-3") && continuedDiagnosticImaging(report, s, routine))
            && !routineWithinPace(s, routine.start(), longest)) {
          said = routine.group();
          where = s.evidence(routine.start(), routine.end());
          break;
        }
      }
      if (said == null) {
        for (Interval iv : intervals(s.text)) {
          if (iv.months() > longest) {
            said = s.text.substring(iv.start(), iv.end());
            where = s.evidence(iv.start(), iv.end());
            break;
          }
        }
      }
      if (said != null) {
        r.flags.add(
            Flag.of(
                FlagType.CATEGORY_MANAGEMENT_MISMATCH,
                Severity.WARNING,
                category + " calls for " + management + ", the report recommends " + said,
                List.of(where)));
        return;
      }
    }
  }
}
