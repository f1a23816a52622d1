package org.radassist.drafting.internal.engine;

import static org.radassist.drafting.internal.engine.DictatedActions.RECOMMENDATION_CUE;
import static org.radassist.drafting.internal.engine.ExtractorSupport.addField;
import static org.radassist.drafting.internal.engine.FleischnerDictationCheck.dictatedFleischner;
import static org.radassist.drafting.internal.engine.LungNoduleMentions.NO_MORE_NODULES;
import static org.radassist.drafting.internal.engine.LungNoduleMentions.restatesInParentheses;
import static org.radassist.drafting.internal.engine.LungNoduleMentions.restatesSizedNodule;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.radassist.drafting.internal.engine.LungNoduleMentions.Nodule;
import org.radassist.drafting.internal.engine.StructuredExtractor.Result;
import org.radassist.drafting.internal.engine.StructuredExtractor.Scored;
import org.radassist.drafting.internal.engine.frames.LesionFrame;
import org.radassist.drafting.internal.rules.Assessment;
import org.radassist.drafting.internal.rules.Fleischner;
import org.radassist.drafting.internal.rules.LungRads;
import org.radassist.model.Evidence;
import org.radassist.model.ScoringSystem;

/**
 * The Fleischner 2017 row of an exam's incidental nodules: whether the patient is one the guideline
 * is for (age, known cancer, immunosuppression, a nodule under work-up), the patient's risk, single
 * or multiple nodules, and the table's recommendation for the largest nodule.
 */
final class FleischnerAssessor {

  private final Vocabulary risk =
      new Vocabulary()
          .put(
              "LOW",
              "low risk",
              "low-risk",
              "nonsmoker",
              "non-smoker",
              // written apart, or as the adjective ("Non smoker.", "non-smoking")
              "non smoker",
              "non smoking",
              "non-smoking",
              "nonsmoking",
              "never smoker",
              "never-smoker",
              "light smoker",
              "minimal smoking history",
              "no smoking history",
              "no risk factors",
              "no other risk factors",
              "never smoked",
              "no known risk factors",
              "no known risk factor",
              "no significant risk factors",
              // a denied or absent smoking history is the low-risk statement itself
              "denies smoking",
              "denies tobacco",
              "denies tobacco use",
              "no tobacco use",
              "no history of smoking",
              "does not smoke")
          .put(
              "HIGH",
              "high risk",
              "high-risk",
              "smoker",
              "smoking",
              "pack-year",
              "pack-years",
              "pack year",
              "pack years",
              "former smoker",
              "ex-smoker",
              "ex smoker",
              "exsmoker",
              "previous smoker",
              "smoked",
              "tobacco use",
              "current smoker",
              "asbestos",
              "radon",
              "uranium",
              "family history of lung cancer",
              "heavy smoker",
              "heavy smoking")
          // smoking said by its amount
          .put(
              "HIGH",
              "smokes",
              "pack a day",
              "packs a day",
              "pack per day",
              "packs per day",
              "ppd",
              "cigarettes a day",
              "cigarettes per day",
              "cigarettes daily");

  private final Vocabulary multiple =
      new Vocabulary()
          .put(
              "MULTIPLE",
              "multiple",
              "several",
              "numerous",
              "nodules",
              "two nodules",
              "bilateral nodules");

  /** Patients Fleischner 2017 is not for: known cancer, immunosuppression. */
  private final Vocabulary fleischnerExcluded =
      new Vocabulary()
          .put(
              "CANCER",
              "known malignancy",
              "known cancer",
              "cancer",
              "carcinoma",
              "adenocarcinoma",
              "nsclc",
              "non-small cell",
              "mesothelioma",
              "malignancy",
              "lymphoma",
              "melanoma",
              "sarcoma",
              "leukemia",
              "leukaemia",
              "myeloma",
              "metastasis",
              "metastases",
              "metastatic",
              "metastatic disease",
              "staging",
              "restaging",
              "chemotherapy",
              "oncology")
          .put(
              "IMMUNOSUPPRESSED",
              "immunocompromised",
              "immunosuppressed",
              "immunosuppression",
              "immunosuppressive",
              "transplant",
              "transplant recipient",
              "neutropenic",
              "neutropenia",
              "immunodeficiency",
              "immunodeficient",
              "hiv",
              "aids")
          // immunosuppression said by its drugs: transplant / anti-rejection agents, DMARDs,
          // biologics, long-term or high-dose steroids (not a short course of prednisone)
          .put(
              "IMMUNOSUPPRESSED",
              "methotrexate",
              "tacrolimus",
              "cyclosporine",
              "ciclosporin",
              "mycophenolate",
              "azathioprine",
              "sirolimus",
              "everolimus",
              "rituximab",
              "infliximab",
              "adalimumab",
              "etanercept",
              "anti-tnf",
              "tnf inhibitor",
              "biologic therapy",
              "high-dose steroids",
              "high dose steroids",
              "long-term steroids",
              "long term steroids",
              "chronic steroids",
              "chronic steroid use",
              "long-term corticosteroids",
              "chronic corticosteroids",
              "steroid-dependent",
              "high-dose prednisone",
              "long-term prednisone")
          // a lung resected (for cancer, as nearly always) is surveillance, not an incidental
          // nodule
          .put("RESECTED", "lobectomy", "pneumonectomy", "segmentectomy", "bilobectomy")
          // longer phrases that only look like it
          .put("SCREENING", "cancer screening", "lung cancer screening", "cancer risk")
          // a risk statement names the cancer it is a risk of ("low risk for lung cancer")
          .put(
              "RISK",
              "risk for lung cancer",
              "risk of lung cancer",
              "lung cancer risk",
              "risk for cancer",
              "risk of cancer",
              "risk for malignancy",
              "risk of malignancy",
              "risk factors for lung cancer",
              "risk factor for lung cancer")
          .put("OTHER", "cancer antigen", "hiv negative");

  /**
   * "risk for", "risk of developing", "risk factors for": what follows is a risk, not a disease.
   */
  private static final Pattern RISK_OF =
      Pattern.compile(
          "\\brisk(?:s| factors?)?\\s+(?:for|of)\\s+(?:developing\\s+|a\\s+|an\\s+)?(?:[\\w-]+\\s+){0,2}$",
          Pattern.CASE_INSENSITIVE);

  /**
   * Known cancer, a lung resection or immunosuppression stated of the patient: a cancer word that a
   * risk statement names ("low risk for lung malignancy") is the risk's object, not a diagnosis.
   * The context's dictated body (this exam's findings and impression) starts at {@code bodyFrom}: a
   * cancer this exam only suspects there is no known cancer.
   */
  private boolean excludedFromFleischner(TextAnalyzer.Section context, int bodyFrom) {
    for (Vocabulary.Hit h : fleischnerExcluded.statedHits(context, EXCLUDED)) {
      if (h.value().equals("CANCER") && askedOrDenied(context.text, h)) {
        continue; // "? malignancy", "staging was not requested": no cancer stated
      }
      if (h.value().equals("CANCER") && h.start() >= bodyFrom && suspectedHere(context, h)) {
        continue; // "mass suspicious for primary lung cancer": this exam's question, not known
      }
      String before = context.text.substring(Math.max(0, h.start() - 60), h.start());
      if (!h.value().equals("CANCER") || !RISK_OF.matcher(before).find()) {
        return true;
      }
    }
    return false;
  }

  private static final java.util.Set<String> EXCLUDED =
      java.util.Set.of("CANCER", "IMMUNOSUPPRESSED", "RESECTED");

  /**
   * Cancer words that say the cancer is there already (spread, being staged or treated): even
   * hedged ("likely metastatic disease") they leave Fleischner out.
   */
  private static final Pattern KNOWN_CANCER_WORD =
      Pattern.compile(
          "(?:metasta|(?:re)?staging|chemotherapy|oncology|known\\b).*", Pattern.CASE_INSENSITIVE);

  /**
   * Said before the cancer word in its sentence: the cancer is the patient's known one ("likely
   * recurrence of the patient's known lung carcinoma", "probably treated lymphoma").
   */
  private static final Pattern KNOWN_BEFORE =
      Pattern.compile(
          "\\b(?:known|history of|hx of|h/o|treated|previously|prior|recurren\\w*|residual|"
              + "patient'?s|established|biopsy[- ]proven|proven|metasta\\w*|on treatment)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * A cancer this exam's findings or impression only suspect ("suspicious for primary lung cancer",
   * "concerning for neoplasm", "likely a primary lung malignancy", "suspicious for renal cell
   * carcinoma"): Fleischner 2017 leaves out patients with a KNOWN cancer, and a suspected one is
   * not known, so the nodule is scored by its size (a mass of 3 cm or more is no nodule). A
   * suspected metastasis, or a hedge on the patient's known cancer, still leaves it out.
   */
  private static boolean suspectedHere(TextAnalyzer.Section context, Vocabulary.Hit h) {
    if (h.certainty() != Certainty.UNCERTAIN) {
      return false;
    }
    String word = context.text.substring(h.start(), h.end());
    if (KNOWN_CANCER_WORD.matcher(word).matches()) {
      return false;
    }
    Sentences.Span span = context.sentences.get(h.sentence());
    String before = context.text.substring(span.start(), h.start());
    return !KNOWN_BEFORE.matcher(before).find();
  }

  /** Nodules of a diffuse pattern: micronodules, perilymphatic, centrilobular, miliary. */
  private static final Pattern DIFFUSE_NODULES =
      Pattern.compile(
          "\\b(?:micro-?nodul\\w*|perilymphatic|centrilobular|miliary|tree[- ]in[- ]bud"
              + "|random(?:ly)? distribut\\w*)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * Every sentence that gives the nodule describes a diffuse nodular pattern ("perilymphatic
   * micronodules along the fissures"): Fleischner 2017 is for incidental nodules, not for the signs
   * of a diffuse lung disease.
   */
  private static boolean diffuseNodularPattern(Report report, List<Evidence> evidence) {
    if (evidence.isEmpty()) {
      return false;
    }
    for (Evidence e : evidence) {
      TextAnalyzer.Section s = report.sections.get(e.section());
      if (s == null) {
        return false;
      }
      int sentence = s.sentenceAt(e.start());
      String text = sentence >= 0 ? s.sentenceText(sentence) : e.quote();
      if (!DIFFUSE_NODULES.matcher(text).find()) {
        return false;
      }
    }
    return true;
  }

  /** Another exam named as where a nodule was seen: "nodule on CXR", "seen on the radiograph". */
  private static final Pattern ON_ANOTHER_EXAM =
      Pattern.compile(
          "\\b(?:on|at|from|by)\\s+(?:the\\s+|a\\s+|prior\\s+|previous\\s+|recent\\s+)*"
              + "(?:cxr|chest x-?ray|x-?ray|chest radiograph|radiograph|chest film|pet(?:/ct)?)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * An unsized nodule whose sentence says another exam found it ("Incidental nodule on CXR."): the
   * reason for this CT, which measures it, not a nodule of its own.
   */
  private static boolean seenOnAnotherExam(Nodule n, TextAnalyzer.Section f) {
    LesionFrame fr = n.frame();
    if (n.meanMm() != null || fr == null || f == null || fr.sentenceStart() < 0) {
      return false;
    }
    if (fr.sentenceEnd() > f.text.length()) {
      return false;
    }
    return ON_ANOTHER_EXAM.matcher(f.text.substring(fr.sentenceStart(), fr.sentenceEnd())).find();
  }

  /** "Staging was not requested": the word denied after it. */
  private static final Pattern DENIED_AFTER =
      Pattern.compile(
          "^\\s+(?:was|is|were|has|had)\\s+(?:not|never)\\b|^\\s+(?:not\\s+)?(?:excluded|ruled out)\\b"
              // "Staging not applicable", "staging: n/a": the word said not to apply
              + "|^\\s*:?\\s*(?:not\\s+(?:applicable|relevant|indicated|required|requested)|n/a)(?!\\w)",
          Pattern.CASE_INSENSITIVE);

  /** A question mark right before: "? malignancy", "?malignancy" asks, it does not state. */
  private static final Pattern ASKED_BEFORE = Pattern.compile("\\?\\s*$");

  /**
   * A cancer word the history asks about ("? malignancy") or denies after it ("staging was not
   * requested"): Fleischner 2017 leaves out known cancer, not a question. (A cancer this exam
   * suspects, "likely metastatic disease", still leaves it out: the nodule is not incidental.)
   */
  private static boolean askedOrDenied(String text, Vocabulary.Hit h) {
    String before = text.substring(Math.max(0, h.start() - 3), h.start());
    String after = text.substring(h.end(), Math.min(text.length(), h.end() + 30));
    return ASKED_BEFORE.matcher(before).find() || DENIED_AFTER.matcher(after).find();
  }

  /**
   * Cancers said by their shorthand or eponym, read in the history only (indication and clinical
   * history): in the findings a shorthand is often the suspected diagnosis of this exam ("renal
   * mass, likely RCC"). Not "AML" (also angiomyolipoma), nor "HCC", which the liver's surveillance
   * names.
   */
  private final Vocabulary cancerShorthand =
      new Vocabulary()
          .put(
              "CANCER",
              "cll",
              "cml",
              "rcc",
              "sclc",
              "gbm",
              "mets",
              "hodgkin",
              "hodgkins",
              "hodgkin's",
              "hodgkin disease",
              "non-hodgkin",
              "glioblastoma",
              "seminoma");

  /** Where the dictated body starts in the report's context text (after indication and history). */
  private static int historyLength(Report report) {
    int n = report.request.indication().length() + 1;
    TextAnalyzer.Section h = report.sections.get(org.radassist.model.SectionKind.CLINICAL_HISTORY);
    if (h != null) {
      n += h.text.length() + 1;
    }
    return n;
  }

  /** Known cancer said in the history by a shorthand, an eponym or "ca". */
  private boolean cancerInHistoryShorthand(Report report) {
    StringBuilder b = new StringBuilder(report.request.indication()).append(' ');
    TextAnalyzer.Section h = report.sections.get(org.radassist.model.SectionKind.CLINICAL_HISTORY);
    if (h != null) {
      b.append(h.text);
    }
    String history = b.toString();
    TextAnalyzer.Section section =
        contextAnalyzer.analyze(org.radassist.model.SectionKind.CLINICAL_HISTORY, history);
    return !cancerShorthand.statedHits(section, java.util.Set.of("CANCER")).isEmpty()
        || cancerAbbreviated(history);
  }

  private final Vocabulary lungCancer =
      new Vocabulary()
          .put(
              "LUNG_CANCER",
              "lung cancer",
              "lung carcinoma",
              "lung adenocarcinoma",
              "bronchogenic carcinoma",
              "cancer of the lung");

  /**
   * Fleischner risk from the context: any high-risk factor (smoking, asbestos, radon, uranium, a
   * family member with lung cancer) makes high risk even beside "nonsmoker" (MacMahon et al. 2017);
   * low risk only when the context says so and no factor is given; null when nothing is said.
   */
  /** "0 pack-years", "zero pack years": a count of none is no smoking history. */
  private static final Pattern ZERO_BEFORE =
      Pattern.compile("\\b(?:0|zero)\\s*-?\\s*$", Pattern.CASE_INSENSITIVE);

  private Boolean riskOf(TextAnalyzer.Section ctx) {
    List<Vocabulary.Hit> hits = risk.hits(ctx).stream().filter(Vocabulary.Hit::positive).toList();
    List<Vocabulary.Hit> lows = hits.stream().filter(h -> h.value().equals("LOW")).toList();
    boolean high =
        hits.stream()
            .filter(h -> h.value().equals("HIGH"))
            .filter(
                h ->
                    !ZERO_BEFORE
                        .matcher(ctx.text.substring(Math.max(0, h.start() - 8), h.start()))
                        .find())
            .anyMatch(
                h ->
                    lows.stream()
                        .noneMatch(
                            l ->
                                l.sentence() == h.sentence()
                                    && l.start() <= h.start()
                                    && h.end() <= l.end()));
    if (high || lungCancer.statedOfOthers(ctx, java.util.Set.of("LUNG_CANCER"))) {
      return true;
    }
    return lows.isEmpty() ? null : false;
  }

  /**
   * An image-guided sampling of a lung nodule done in this exam ("CT-guided core biopsy of ...").
   */
  private static final Pattern GUIDED_NODULE_SAMPLING =
      Pattern.compile(
          "\\b(?:ct|fluoroscop\\w*|cone[- ]beam ct)[- ]guided\\s+(?:[a-z0-9-]+\\s+){0,3}?"
              + "(?:biops\\w*|fna|aspiration|ablation)\\s+of\\s+(?:the\\s+|a\\s+)?"
              + "(?:[a-z0-9-]+\\s+){0,5}?(?:nodule|mass|lesion)\\b",
          Pattern.CASE_INSENSITIVE);

  /** Whether a sentence reports an image-guided sampling of a nodule as done, not as advised. */
  private static boolean biopsiedNodule(String text) {
    for (String sentence : text.split("(?<=[.;])\\s+")) {
      if (GUIDED_NODULE_SAMPLING.matcher(sentence).find()
          && !RECOMMENDATION_CUE.matcher(sentence).find()
          && !sentence.contains("?")) {
        return true;
      }
    }
    return false;
  }

  void fleischnerFields(Report report, Result r, List<Nodule> nodules) {
    String modality = report.modality();
    if (modality.equals("CR") || modality.equals("DX")) {
      return; // Fleischner 2017 is for nodules seen on CT
    }
    Integer patientAge = report.request.patient().ageYears();
    if (patientAge != null && patientAge < Fleischner.MINIMUM_AGE) {
      return; // Fleischner 2017 does not apply below 35: not offered
    }
    TextAnalyzer.Section context =
        contextAnalyzer.analyze(
            org.radassist.model.SectionKind.CLINICAL_HISTORY, report.contextText());
    if (excludedFromFleischner(context, historyLength(report))
        || cancerInHistoryShorthand(report)) {
      return; // nor in known cancer (also said as a lung resection) or immunosuppression
    }
    if (biopsiedNodule(report.contextText())) {
      return; // a nodule this procedure samples is under work-up, not an incidental finding
    }
    Nodule largest = null;
    for (Nodule n : nodules) {
      if (n.meanMm() != null && (largest == null || n.meanMm() > largest.meanMm())) {
        largest = n;
      }
    }
    ScoringSystem sys = ScoringSystem.FLEISCHNER;
    if (largest == null) {
      if (nodules.stream().allMatch(n -> diffuseNodularPattern(report, n.evidence()))) {
        return; // sarcoid's perilymphatic micronodules are a disease's pattern, not a nodule
      }
      if (modality.equals("CT")) {
        addField(
            r,
            sys,
            Fleischner.VERSION,
            "recommendation",
            "",
            nodules.get(0).evidence(),
            0.4,
            List.of("nodule size"),
            "incidental nodule without a size");
      }
      return;
    }
    List<String> missing = new ArrayList<>();
    Fleischner.NoduleType type = null;
    if (largest.type() == null) {
      missing.add("nodule type (solid, part-solid or ground-glass)");
    } else {
      type =
          switch (largest.type()) {
            case SOLID -> Fleischner.NoduleType.SOLID;
            case PART_SOLID -> Fleischner.NoduleType.PART_SOLID;
            case GROUND_GLASS -> Fleischner.NoduleType.GROUND_GLASS;
          };
    }
    TextAnalyzer.Section f = report.findings();
    boolean many =
        nodules.stream()
                .filter(n -> !restatesSizedNodule(n, nodules, f))
                .filter(n -> !restatesInParentheses(n, nodules, f))
                .filter(n -> !seenOnAnotherExam(n, f))
                .count()
            > 1;
    if (f != null && !many) {
      for (Vocabulary.Hit h : multiple.hits(f)) {
        int from =
            Math.max(f.text.lastIndexOf('.', h.start()), f.text.lastIndexOf('\n', h.start()));
        if (NO_MORE_NODULES.matcher(f.text.substring(from + 1, h.start())).find()) {
          continue; // "No further nodules.": denies more than the one described
        }
        many |=
            h.positive()
                && f.mentions.stream()
                    .anyMatch(
                        m ->
                            m.sentence() == h.sentence()
                                && m.concept().id().equals("lung_nodule")
                                && m.positive());
      }
    }
    Boolean high = riskOf(context);
    // a nodule given by its volume is banded by the table's volumes; a diameter said beside it
    // ("300 mm3 (approximately 8.3 mm)") is its rounded equivalent, and the volume the measurement
    // the table's volume column is for (round 31, helper "sys13")
    Double volume = largest.frame() != null ? largest.frame().volumeMm3().orElse(null) : null;
    Assessment a;
    if (type == null) {
      a = typeFreeRow(largest, many, high, volume, patientAge);
      if (a == null) {
        addField(
            r,
            sys,
            Fleischner.VERSION,
            "recommendation",
            "",
            largest.evidence(),
            0.4,
            missing,
            "Fleischner 2017 needs the nodule type: not dictated and no AI composition");
        return;
      }
    } else {
      a = tableRow(type, largest, many, high, volume, patientAge);
    }
    if (!a.isComplete()) {
      addField(
          r,
          sys,
          Fleischner.VERSION,
          "recommendation",
          "",
          largest.evidence(),
          0.4,
          a.missing(),
          a.reason());
      return;
    }
    double confidence = largest.source().equals("AI result") ? 0.7 : 0.85;
    addField(
        r,
        sys,
        Fleischner.VERSION,
        "size_category",
        a.category(),
        largest.evidence(),
        confidence,
        List.of(),
        "average diameter " + largest.meanMm() + " mm rounded to whole mm");
    addField(
        r,
        sys,
        Fleischner.VERSION,
        "recommendation",
        a.management(),
        largest.evidence(),
        confidence,
        List.of(),
        a.reason());
    r.scored.add(new Scored(a, largest.evidence(), confidence));
    // Fleischner 2017: a part-solid nodule whose solid component is >= 6 mm is highly suspicious,
    // so PET/CT or tissue sampling said beside the row's CT fits it
    boolean highlySuspicious =
        largest.type() == org.radassist.drafting.internal.rules.LungRads.NoduleType.PART_SOLID
            && largest.solidMm() != null
            && org.radassist.drafting.internal.rules.Millimetres.wholeMillimetres(largest.solidMm())
                >= 6;
    dictatedFleischner(report, r, a, largest.evidence(), highlySuspicious);
  }

  /**
   * The table's cell for the nodule taken as the given type: with the risk not stated, the low- and
   * high-risk recommendations (the same above 8 mm); a growing solid nodule is suspicious.
   */
  private static Assessment tableRow(
      Fleischner.NoduleType type,
      Nodule largest,
      boolean many,
      Boolean high,
      Double volume,
      Integer age) {
    Assessment a =
        Fleischner.recommend(
            new Fleischner.Nodule(type, largest.meanMm(), many, high, volume), age);
    if (!a.isComplete() && high == null && a.missing().contains("risk (low or high)")) {
      // risk not stated: give the low- and high-risk recommendation (the same above 8 mm)
      Assessment low =
          Fleischner.recommend(
              new Fleischner.Nodule(type, largest.meanMm(), many, false, volume), age);
      Assessment hi =
          Fleischner.recommend(
              new Fleischner.Nodule(type, largest.meanMm(), many, true, volume), age);
      String management =
          low.management().equals(hi.management())
              ? low.management()
              : "low risk: " + low.management() + "; high risk: " + hi.management();
      a =
          new Assessment(
              a.system(),
              a.version(),
              low.category(),
              management,
              low.reason().replace("low risk, ", "") + "; risk not stated");
    }
    if (a.isComplete()
        && type == Fleischner.NoduleType.SOLID
        && largest.status() == LungRads.Status.GROWING) {
      // growth of a solid nodule is suspicious for malignancy (MacMahon et al. 2017)
      a =
          new Assessment(
              a.system(),
              a.version(),
              a.category(),
              "consider CT at 3 months, PET/CT, or tissue sampling (growing solid nodule)",
              a.reason() + "; growth noted" + largest.reasonNote());
    }
    return a;
  }

  /**
   * A nodule whose type is not said: the recommendation when solid, part-solid and ground-glass
   * rows give the same one ("a 4 mm nodule" in a low-risk patient: no routine follow-up whatever
   * its type); null when the type changes it.
   */
  private static Assessment typeFreeRow(
      Nodule largest, boolean many, Boolean high, Double volume, Integer age) {
    Assessment same = null;
    for (Fleischner.NoduleType t : Fleischner.NoduleType.values()) {
      Assessment a = tableRow(t, largest, many, high, volume, age);
      if (!a.isComplete() || (same != null && !same.management().equals(a.management()))) {
        return null;
      }
      same = same == null ? a : same;
    }
    return new Assessment(
        same.system(),
        same.version(),
        same.category(),
        same.management(),
        (many ? "multiple nodules" : "single nodule")
            + ", "
            + same.category()
            + (high == null ? "" : high ? ", high risk" : ", low risk")
            + "; type not dictated: solid, part-solid and ground-glass rows give the same");
  }

  /**
   * Cancer said as "ca" after the organ or a history word ("colorectal ca", "h/o breast ca", "known
   * ca"): known cancer, as the full word is. Not a calcium ("Ca score", "coronary Ca").
   */
  private static final Pattern CANCER_ABBREVIATED =
      Pattern.compile(
          "\\b(?:colorectal|colon|rectal|rectum|breast|lung|prostate|prostatic|renal|kidney|bladder"
              + "|ovarian|ovary|pancreatic|pancreas|gastric|stomach|oesophageal|esophageal|cervical"
              + "|endometrial|uterine|thyroid|testicular|laryngeal|oral|tongue|skin|liver|hepatocellular"
              + "|metastatic|known|h/o|hx|history of|treated|resected|recurrent)\\s+ca\\b(?!\\s*(?:score|\\+|2\\+|level|channel|screening|risk))",
          Pattern.CASE_INSENSITIVE);

  /** "Ca breast", "ca of the colon": the abbreviation before its organ. */
  private static final Pattern CANCER_ABBREVIATED_BEFORE =
      Pattern.compile(
          "\\bca\\.?\\s+(?:of\\s+(?:the\\s+)?)?(?:colon|rectum|breast|lung|prostate|kidney|bladder"
              + "|ovary|pancreas|stomach|oesophagus|esophagus|cervix|endometrium|uterus|thyroid"
              + "|testis|larynx|tongue|liver|bronchus)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern CANCER_ABBREVIATED_DENIED =
      Pattern.compile("\\b(?:no|denies|without|negative for)\\b[^.;]*$", Pattern.CASE_INSENSITIVE);

  private static boolean cancerAbbreviated(String context) {
    for (Pattern p : List.of(CANCER_ABBREVIATED, CANCER_ABBREVIATED_BEFORE)) {
      if (abbreviationStated(p, context)) {
        return true;
      }
    }
    return false;
  }

  private static boolean abbreviationStated(Pattern p, String context) {
    Matcher m = p.matcher(context);
    while (m.find()) {
      int from = Math.max(0, context.lastIndexOf('.', m.start()) + 1);
      if (!CANCER_ABBREVIATED_DENIED.matcher(context.substring(from, m.start())).find()) {
        return true;
      }
    }
    return false;
  }

  /** Reads context text (indication and dictation) for risk words: no concepts needed. */
  private final TextAnalyzer contextAnalyzer =
      new TextAnalyzer(
          new EngineTables(
              java.util.Map.of(),
              java.util.Map.of(),
              List.of(),
              List.of(),
              List.of(),
              java.util.Map.of(),
              java.util.Map.of(),
              List.of(),
              List.of(),
              java.util.Map.of(),
              List.of()));
}
