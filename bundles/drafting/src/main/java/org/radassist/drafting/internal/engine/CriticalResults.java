package org.radassist.drafting.internal.engine;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.radassist.drafting.internal.engine.frames.Change;
import org.radassist.model.CriticalCategory;
import org.radassist.model.Evidence;
import org.radassist.model.Flag;
import org.radassist.model.FlagType;
import org.radassist.model.SectionKind;
import org.radassist.model.Severity;

/**
 * Critical / actionable results (ACR Actionable Reporting Work Group categories 1-3): a configured
 * term list, matched negation-aware, plus structured categories that need follow-up. Each category
 * yields one flag naming the communication the report must document (who, when, how) and which of
 * those the dictation already documents: CRITICAL_RESULT for categories 1 and 2 (minutes, hours),
 * ACTIONABLE_FINDING for category 3 (days; track the follow-up).
 */
final class CriticalResults {
  private final PhraseMatcher<CriticalCategory> terms = new PhraseMatcher<>();
  private final EngineTables tables;

  private static final Pattern WHO =
      Pattern.compile(
          "\\b(?:dr\\.?\\s+\\w+|doctor\\s+\\w+|(?:referring|ordering|attending|covering)\\s+(?:physician|provider|clinician|team)|nurse\\s+\\w+|(?:np|pa)\\s+\\w+|(?:ed|emergency)\\s+(?:physician|provider|team))",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern WHEN =
      Pattern.compile(
          "\\b(?:\\d{1,2}:\\d{2}|\\d{3,4}\\s*hours|\\d{1,2}\\s*(?:am|pm|a\\.m\\.|p\\.m\\.))",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern HOW =
      Pattern.compile(
          "\\b(?:telephone|phone|by phone|in person|verbally|face to face|secure message|page[ds]?)\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern COMMUNICATED =
      Pattern.compile(
          "\\b(?:discussed with|communicated to|communicated with|notified|called to|informed|conveyed to|relayed to|spoke with|spoken with)\\b",
          Pattern.CASE_INSENSITIVE);

  CriticalResults(EngineTables tables) {
    this.tables = tables;
    tables.criticalTerms().forEach(t -> terms.add(t.term(), t.category()));
  }

  List<Flag> check(Report report, List<StructuredExtractor.Scored> scored) {
    Map<CriticalCategory, List<Evidence>> hits = new EnumMap<>(CriticalCategory.class);
    Map<CriticalCategory, List<String>> what = new EnumMap<>(CriticalCategory.class);
    List<String> sentences = new ArrayList<>();
    for (TextAnalyzer.Section s : report.dictatedBody()) {
      for (int i = 0; i < s.sentences.size(); i++) {
        sentences.add(s.sentenceText(i));
      }
    }
    for (TextAnalyzer.Section s : report.dictatedBody()) {
      for (int i = 0; i < s.tokens.size(); i++) {
        List<Token> original = s.tokens.get(i);
        List<Integer> of = new ArrayList<>();
        List<Token> sentence = slashAlternativesSplit(s.text, original, of);
        for (PhraseMatcher.Match<CriticalCategory> m : terms.findAll(sentence)) {
          if (s.certainty(i, of.get(m.from()), of.get(m.to() - 1) + 1) == Certainty.NEGATED) {
            continue;
          }
          Token a = sentence.get(m.from());
          Token b = sentence.get(m.to() - 1);
          if (Expectation.expected(s.sentenceText(i), s.text.substring(a.start(), b.end()))) {
            continue; // "free air, expected after recent laparoscopy" is not unexpected air
          }
          if (pastEvent(s.text, a.start())) {
            continue; // "remote subarachnoid haemorrhage", "site of the prior haemorrhage"
          }
          if (ofEarlierExam(s.text, b.end())) {
            continue; // "malpositioned on the earlier film": what the earlier exam showed
          }
          if (healedAfter(s.text, b.end())) {
            continue; // "pathological fracture, healed with bridging callus": no acute event
          }
          if (s.text.substring(a.start(), b.end()).toLowerCase(Locale.ROOT).contains("embol")
              && chronicEmbolism(s.sentenceText(i))) {
            continue; // "chronic pulmonary emboli": webs and scars, no acute PE
          }
          if (s.text.substring(a.start(), b.end()).toLowerCase(Locale.ROOT).contains("dissect")
              && chronicDissection(s.sentenceText(i))) {
            continue; // "chronic residual dissection ... unchanged": the known one followed
          }
          if (m.value() != CriticalCategory.CATEGORY_1
              && expectedElsewhere(
                  sentences, s.sentenceText(i), s.text.substring(a.start(), b.end()))) {
            continue; // "small pneumothorax, as expected after the biopsy" said once covers both
          }
          if (m.value() == CriticalCategory.CATEGORY_2
              && s.text
                  .substring(a.start(), b.end())
                  .toLowerCase(Locale.ROOT)
                  .startsWith("pneumothora")
              && Expectation.routinePostProcedurePneumothorax(sentences)) {
            continue; // "small pneumothorax following biopsy; chest radiograph in 4 hours"
          }
          if (Expectation.airExpectedElsewhere(
              sentences, s.sentenceText(i), s.text.substring(a.start(), b.end()))) {
            continue; // the impression says this free air is expected after the laparotomy
          }
          if (m.value() != CriticalCategory.CATEGORY_3
              && knownFollowed(
                  s.sentenceText(i),
                  a.start() - s.sentences.get(i).start(),
                  b.end() - s.sentences.get(i).start())) {
            continue; // "chronic type B aortic dissection, unchanged from 2024"
          }
          if (m.value() != CriticalCategory.CATEGORY_3
              && treatedPleuralInfection(s.text.substring(a.start(), b.end()), s.sentenceText(i))) {
            continue; // "resolving right empyema, pigtail drain in situ": the known one treated
          }
          hits.computeIfAbsent(m.value(), k -> new ArrayList<>())
              .add(s.evidence(a.start(), b.end()));
          String term = s.text.substring(a.start(), b.end()).toLowerCase(Locale.ROOT);
          List<String> names = what.computeIfAbsent(m.value(), k -> new ArrayList<>());
          if (!names.contains(term)) {
            names.add(term);
          }
        }
      }
    }
    frameTerms(report, hits, what);
    recurrenceInOtherWords(report, hits, what);
    suspectedMalignancy(report, hits, what);
    tubeMalposition(report, hits, what);
    listedBySigns(report, hits, what);
    // round 36 (sys17): after every critical sign, so one beside it is communicated with it
    newMetastasis(report, hits, what);
    for (StructuredExtractor.Scored sc : scored) {
      for (EngineTables.StructuredCritical rule : tables.structuredCritical()) {
        if (rule.system().equalsIgnoreCase(sc.assessment().system().label())
            && rule.categories().contains(sc.assessment().category())) {
          hits.computeIfAbsent(rule.category(), k -> new ArrayList<>()).addAll(sc.evidence());
          what.computeIfAbsent(rule.category(), k -> new ArrayList<>())
              .add(sc.assessment().system().label() + " " + sc.assessment().category());
        }
      }
    }
    List<Flag> flags = new ArrayList<>();
    String documented = documentedCommunication(report);
    for (Map.Entry<CriticalCategory, List<Evidence>> e : hits.entrySet()) {
      CriticalCategory cat = e.getKey();
      EngineTables.CriticalPolicy policy = tables.criticalPolicies().get(cat);
      List<String> missing = new ArrayList<>();
      for (String field : policy.communication()) {
        boolean has =
            switch (field) {
              case "who" -> WHO.matcher(documented).find();
              case "when" -> WHEN.matcher(documented).find();
              case "how" -> HOW.matcher(documented).find();
              default -> false;
            };
        if (!has) {
          missing.add(field);
        }
      }
      boolean actionable = cat == CriticalCategory.CATEGORY_3;
      String message =
          (actionable ? "Actionable finding (ACR category " : "Critical result (ACR category ")
              + cat.number()
              + "): "
              + String.join(", ", what.get(cat))
              + ". Communicate ("
              + (policy.method().isEmpty() ? "within " + policy.timeFrame() : policy.method())
              + (actionable ? ") and track the follow-up; document " : ") and document ")
              + String.join(", ", policy.communication())
              + (missing.isEmpty()
                  ? "; documented."
                  : "; missing: " + String.join(", ", missing) + ".");
      // category 3 is significant but not immediately dangerous: no banner, no sign-off block
      flags.add(
          new Flag(
              actionable ? FlagType.ACTIONABLE_FINDING : FlagType.CRITICAL_RESULT,
              actionable ? Severity.WARNING : Severity.CRITICAL,
              message,
              e.getValue(),
              cat,
              policy.communication()));
    }
    return flags;
  }

  /** Two words joined by a slash, each of three letters or more: "residual/recurrent". */
  private static final Pattern SLASH_WORDS = Pattern.compile("[a-z]{3,}(?:/[a-z]{3,})+");

  /**
   * Round 30 (cx11): alternatives joined by a slash ("residual/recurrent tumour",
   * "impending/pathological fracture") are one word to the tokenizer; each alternative is its own
   * word to the term list, so the last one joins the words after it. {@code of} receives, per word
   * returned, the index of the sentence's token it comes from.
   */
  static List<Token> slashAlternativesSplit(String text, List<Token> tokens, List<Integer> of) {
    List<Token> out = new ArrayList<>();
    for (int k = 0; k < tokens.size(); k++) {
      Token t = tokens.get(k);
      String[] norms = t.norm().split("/");
      String[] said = text.substring(t.start(), t.end()).split("/");
      if (!SLASH_WORDS.matcher(t.norm()).matches() || norms.length != said.length) {
        out.add(t);
        of.add(k);
        continue;
      }
      int from = t.start();
      for (int p = 0; p < norms.length; p++) {
        out.add(new Token(norms[p], from, from + said[p].length()));
        of.add(k);
        from += said[p].length() + 1;
      }
    }
    return out;
  }

  private static final Pattern BENIGN =
      Pattern.compile(
          "\\b(?:benign|fatty hil(?:um|a)|fat-containing|(?:intramammary |intrapulmonary )?lymph node"
              + "|hamartoma|angiomyolipoma|lipoma|calcified granuloma|simple cyst"
              // round 30 (cx11): fat inside the lesion makes a renal mass an angiomyolipoma and a
              // lung one a hamartoma, both benign (ACR incidental renal mass; Fleischner)
              + "|(?:macroscopic|intralesional|internal|intratumou?ral|gross)\\s+fat"
              + "|contain(?:s|ing)?\\s+(?:macroscopic\\s+)?fat|fat[- ](?:density|attenuation)"
              + "|fatty (?:component|attenuation|density))\\b"
              // fat's attenuation: "-40 HU", "areas of -60 HU"
              + "|(?<![\\w.])[-\u2212]\\s?\\d{2,3}\\s*hu\\b",
          Pattern.CASE_INSENSITIVE);

  /** Words that keep an impression sentence from calling a lesion benign. */
  private static final Pattern NOT_ONLY_BENIGN =
      Pattern.compile(
          "\\b(?:solid|suspicious|suspicion|concerning|worrisome|indeterminate|atypical|enlarging"
              + "|growing|biopsy|sampling|urolog\\w*|referral)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Map<String, Pattern> ORGAN_WORDS =
      Map.of(
          "kidney",
          Pattern.compile("\\b(?:renal|kidneys?)\\b", Pattern.CASE_INSENSITIVE),
          "lung",
          Pattern.compile(
              "\\b(?:lungs?|pulmonary|lobe|[rl][ulm]l|lingula\\w*)\\b", Pattern.CASE_INSENSITIVE));

  /**
   * Round 30 (cx11): the impression gives the findings' renal or lung mass a benign diagnosis
   * ("Left renal angiomyolipoma." for "2.4 cm enhancing mass of the left kidney with areas of -60
   * HU"): a sentence naming its organ, no other side and a benign word under no denial, with no
   * word of suspicion or work-up beside it.
   */
  private static boolean benignByImpression(
      TextAnalyzer.Section impression,
      org.radassist.drafting.internal.engine.frames.LesionFrame fr) {
    Pattern organ = ORGAN_WORDS.get(fr.organ());
    if (impression == null || organ == null) {
      return false;
    }
    for (int i = 0; i < impression.sentences.size(); i++) {
      String t = impression.sentenceText(i);
      String lower = t.toLowerCase(Locale.ROOT);
      boolean right = lower.matches("(?s).*\\bright\\b.*");
      boolean left = lower.matches("(?s).*\\bleft\\b.*");
      boolean otherSide =
          fr.side() == org.radassist.drafting.internal.engine.frames.Side.RIGHT && left && !right
              || fr.side() == org.radassist.drafting.internal.engine.frames.Side.LEFT
                  && right
                  && !left;
      if (!otherSide
          && organ.matcher(t).find()
          && calledBenign(t)
          && !NOT_ONLY_BENIGN.matcher(t).find()
          && !MALIGNANCY.matcher(t).find()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The sentence calls the lesion benign, not "not typical for angiomyolipoma" or "no fatty hilum"
   * (a benign word under a negation of its own clause says the opposite).
   */
  private static boolean calledBenign(String sentence) {
    Matcher b = BENIGN.matcher(sentence);
    while (b.find()) {
      if (!DENIED_BEFORE.matcher(sentence.substring(0, b.start())).find()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Round 30 (cx11): the listed recurrent tumour / local recurrence with words between or around
   * ("recurrent soft-tissue tumour", "residual/recurrent viable tumour", "locally recurrent
   * endometrial tumour", "recurrent nodal disease"); "disease" only of nodes, metastases, a site of
   * local spread or the peritoneum ("recurrent diverticular disease" is no tumour).
   */
  private static final Pattern RECURRENCE =
      Pattern.compile(
          "\\b(?:(?:locally|local|loco-?regional(?:ly)?)\\s+)?recurren(?:t|ce)\\b(?:\\s+[\\w-]+){0,2}?"
              + "\\s+(?:tumou?rs?|malignan\\w*|neoplas\\w*|\\w*carcinoma\\w*|cancers?|\\w*sarcomas?"
              + "|lymphomas?|metasta\\w*|(?:nodal|metastatic|local|locoregional|peritoneal"
              + "|soft[- ]tissue)\\s+disease)\\b",
          Pattern.CASE_INSENSITIVE);

  private void recurrenceInOtherWords(
      Report report,
      Map<CriticalCategory, List<Evidence>> hits,
      Map<CriticalCategory, List<String>> what) {
    for (TextAnalyzer.Section s : report.dictatedBody()) {
      for (int i = 0; i < s.tokens.size(); i++) {
        Sentences.Span span = s.sentences.get(i);
        String sentence = s.sentenceText(i);
        Matcher m = RECURRENCE.matcher(sentence);
        while (m.find()) {
          int start = span.start() + m.start();
          int end = span.start() + m.end();
          if (DENIED_BEFORE.matcher(sentence.substring(0, m.start())).find()
              || ALTERNATIVE_AFTER.matcher(sentence.substring(m.end())).find()
              || pastEvent(s.text, start)
              || ASKED_BEFORE.matcher(s.text.substring(Math.max(0, start - 20), start)).find()) {
            continue; // "no recurrent nodal disease", "recurrent tumour or radiation necrosis"
          }
          if (negatedOrWordless(s, i, start, end)) {
            continue;
          }
          String name = s.text.substring(start, end).toLowerCase(Locale.ROOT);
          List<String> names =
              what.computeIfAbsent(CriticalCategory.CATEGORY_3, k -> new ArrayList<>());
          if (names.stream().anyMatch(n -> name.contains(n) || n.contains(name))) {
            continue; // the listed words themselves already counted it
          }
          names.add(name);
          hits.computeIfAbsent(CriticalCategory.CATEGORY_3, k -> new ArrayList<>())
              .add(s.evidence(start, end));
        }
      }
    }
  }

  /** A lesion said solid or enhancing (not "non-enhancing", "no enhancement"). */
  private static final Pattern SOLID_OR_ENHANCING =
      Pattern.compile(
          "(?<!non-)(?<!non)(?<!no )\\b(?:solid|enhancing|enhancement|soft[- ]tissue)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * An event the words just before the term put in the past ("remote", "old", "prior", "previous",
   * "treated", "evacuation of"): a critical result is about now. "Chronic" is not among them (a
   * chronic subdural haematoma may still need action); "healed" and "united" (round 28) for a
   * fracture.
   */
  private static final Pattern PAST_EVENT =
      Pattern.compile(
          "\\b(?:remote|old|prior|previous|previously treated|treated|past|healed|united)\\s+"
              + "(?:\\w+\\s+)?$"
              // round 28 (fn9): a dated event, "for the 2025 pathological fracture"
              + "|\\b(?:19|20)\\d{2}\\s+$"
              // what a past operation removed or closed: "burr holes for evacuation of a
              // subdural haematoma", "resection of the meningioma"
              + "|\\b(?:evacuation|resection|excision|repair|clipping|coiling|embolisation"
              + "|embolization)\\s+of\\s+(?:the\\s+|a\\s+|an\\s+)?(?:[\\w-]+\\s+)?$",
          Pattern.CASE_INSENSITIVE);

  /**
   * A known finding followed over time ("unchanged", "stable", "known", "again seen", "previously
   * reported"): an urgent finding is communicated when it is found, not at every follow-up, unless
   * the sentence also says it changed ("new", "increasing", "larger", "rupture"). The follow-up
   * word must be said of the finding: in its own clause, or opening the clause right after it
   * ("type B dissection, unchanged from 2024"); "Lines unchanged, small left pneumothorax" is a new
   * finding.
   */
  private static final Pattern KNOWN_FOLLOWED =
      Pattern.compile(
          "\\b(?:unchanged|stable|again (?:seen|noted|demonstrated|identified)"
              + "|previously (?:seen|noted|reported|described|demonstrated))\\b",
          Pattern.CASE_INSENSITIVE);

  /** A clause that opens with the follow-up word ("unchanged from 2024", "which is stable"). */
  private static final Pattern KNOWN_OPENS =
      Pattern.compile(
          "\\s*(?:which\\s+is\\s+|and\\s+|it\\s+is\\s+)?(?:unchanged|stable"
              + "|again (?:seen|noted|demonstrated|identified)"
              + "|previously (?:seen|noted|reported|described|demonstrated))\\b",
          Pattern.CASE_INSENSITIVE);

  /** "Known" just before the term ("the known subarachnoid haemorrhage"), not "known cancer". */
  private static final Pattern KNOWN_BEFORE =
      Pattern.compile("\\bknown\\s+(?:[\\w-]+\\s+){0,2}$", Pattern.CASE_INSENSITIVE);

  private static final Pattern CHANGED =
      Pattern.compile(
          "\\b(?:new|newly|increas\\w*|enlarg\\w*|larger|bigger|wors\\w*|progress\\w*|expand\\w*"
              + "|rupture\\w*|leak\\w*|now)\\b",
          Pattern.CASE_INSENSITIVE);

  /** A change the sentence denies ("no new haemorrhage") says the finding did not change. */
  private static final Pattern NO_CHANGE =
      Pattern.compile(
          "\\b(?:no|without|nor)\\s+(?:further\\s+|significant\\s+|interval\\s+)?"
              + "(?:new|increas\\w*|enlarg\\w*|progress\\w*|expan\\w*|rupture\\w*|leak\\w*)\\b",
          Pattern.CASE_INSENSITIVE);

  /** Whether the term at {@code from}..{@code to} of the sentence is a known finding followed. */
  static boolean knownFollowed(String sentence, int from, int to) {
    int start =
        Math.max(sentence.lastIndexOf(',', from - 1), sentence.lastIndexOf(';', from - 1)) + 1;
    int end = clauseEnd(sentence, to);
    boolean known =
        KNOWN_FOLLOWED.matcher(sentence.substring(start, end)).find()
            || (end < sentence.length()
                && KNOWN_OPENS.matcher(sentence.substring(end + 1)).lookingAt())
            || KNOWN_BEFORE.matcher(sentence.substring(Math.max(0, from - 40), from)).find();
    return known && !CHANGED.matcher(NO_CHANGE.matcher(sentence).replaceAll(" ")).find();
  }

  private static int clauseEnd(String sentence, int from) {
    for (int k = from; k < sentence.length(); k++) {
      if (sentence.charAt(k) == ',' || sentence.charAt(k) == ';') {
        return k;
      }
    }
    return sentence.length();
  }

  /** The words just before {@code start} put the finding in the past ("remote", "prior"). */
  /**
   * Chronic thromboembolic disease ("webs and bands of chronic pulmonary emboli", "chronic PE") is
   * no acute embolus, the category-1 finding, unless the sentence says acute ("acute on chronic").
   */
  private static final Pattern CHRONIC_EMBOLIC =
      Pattern.compile(
          "\\bchronic\\b[^.;]{0,40}\\b(?:thrombo)?embol|\\bembol\\w*[^.;]{0,30}\\bchronic\\b"
              + "|\\bpost-?(?:thrombo)?embolic\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern ACUTE =
      Pattern.compile("(?<!\\bno )(?<!\\bnot )\\bacute\\b", Pattern.CASE_INSENSITIVE);

  static boolean chronicEmbolism(String sentence) {
    return CHRONIC_EMBOLIC.matcher(sentence).find() && !ACUTE.matcher(sentence).find();
  }

  private static final Pattern CHRONIC =
      Pattern.compile("\\bchronic(?:ally)?\\b", Pattern.CASE_INSENSITIVE);

  /**
   * A dissection its sentence calls chronic and not acute: the known one a surveillance exam
   * follows, not an unexpected finding to telephone (round 25, helper "fn3").
   */
  static boolean chronicDissection(String sentence) {
    return CHRONIC.matcher(sentence).find() && !ACUTE.matcher(sentence).find();
  }

  /** "..., healed with bridging callus", "which has united": the event is over (round 28, fn9). */
  private static final Pattern HEALED_AFTER =
      Pattern.compile(
          "^[\\s,]*(?:(?:which|that|it|now|is|has|have|are|since)\\s+)*(?:healed|united)\\b",
          Pattern.CASE_INSENSITIVE);

  static boolean healedAfter(String text, int end) {
    return HEALED_AFTER.matcher(text.substring(end, Math.min(text.length(), end + 40))).find();
  }

  static boolean pastEvent(String text, int start) {
    return PAST_EVENT.matcher(text.substring(Math.max(0, start - 30), start)).find();
  }

  /**
   * A finding said of an earlier exam ("the NG tube, malpositioned on the earlier film, has been
   * reinserted"): what that exam showed, not a finding of this one (round 25, helper "fn3").
   */
  private static final Pattern OF_EARLIER_EXAM =
      Pattern.compile(
          "^[\\s,]*(?:on|in|at|from)\\s+(?:the\\s+)?(?:earlier|previous|prior|preceding|last)"
              + "\\s+(?:[\\w-]+\\s+)?(?:film|radiograph|x-ray|study|exam|examination|scan|image|ct|mri)s?\\b",
          Pattern.CASE_INSENSITIVE);

  static boolean ofEarlierExam(String text, int end) {
    return OF_EARLIER_EXAM.matcher(text.substring(end, Math.min(text.length(), end + 60))).find();
  }

  /** Organ adjectives the term list uses ("renal mass" for a mass the frames put in the kidney). */
  private static final Map<String, String> ORGAN_ADJECTIVE =
      Map.of("kidney", "renal", "lung", "pulmonary", "liver", "hepatic", "adrenal", "adrenal");

  /**
   * A listed term said in other words: the frames' organ and kind ("spiculated mass in the left
   * upper lobe" is a lung mass, "solid mass in the left kidney" a renal mass).
   */
  private void frameTerms(
      Report report,
      Map<CriticalCategory, List<Evidence>> hits,
      Map<CriticalCategory, List<String>> what) {
    TextAnalyzer.Section f = report.findings();
    if (f == null) {
      return;
    }
    List<org.radassist.drafting.internal.engine.frames.LesionFrame> frames =
        new ArrayList<>(report.findingFrames);
    TextAnalyzer.Section im = report.dictatedImpression();
    if (im != null) {
      frames.addAll(report.impressionFrames);
    }
    for (int i = 0; i < frames.size(); i++) {
      org.radassist.drafting.internal.engine.frames.LesionFrame fr = frames.get(i);
      TextAnalyzer.Section in = i < report.findingFrames.size() ? f : im;
      if (!fr.assertion().positive()
          || (fr.start() >= 0 && ConsistencyChecker.treatmentMaterial(in.text, fr.start()))) {
        continue; // "coil mass" is treatment material, not a lesion
      }
      String sentence =
          fr.sentenceStart() < 0 ? "" : in.text.substring(fr.sentenceStart(), fr.sentenceEnd());
      if (fr.start() >= 0
          && (pastEvent(in.text, fr.start())
              || fr.kind().contains("embol") && chronicEmbolism(sentence)
              || fr.kind().contains("dissect") && chronicDissection(sentence))) {
        continue; // "previous pulmonary embolism (2023)": the words of the term list would say so
      }
      if (fr.kind().contains("embol")
          && HEART_CHAMBER.matcher(sentence).find()
          && !PULMONARY_ARTERY.matcher(sentence).find()) {
        continue; // round 36 (cx17): a filling defect in the left ventricle is a cardiac thrombus
      }
      // a mass the report characterises as benign ("with a fatty hilum, an intramammary lymph
      // node") or a known one it follows ("has decreased from 3.2 to 2.4 cm") is no new
      // actionable finding; the listed words themselves still count
      boolean knownOrBenign =
          calledBenign(sentence)
              || (in == f && benignByImpression(report.dictatedImpression(), fr))
              || fr.change().status() == Change.Status.DECREASED
              || fr.change().status() == Change.Status.STABLE
              || fr.change().status() == Change.Status.RESOLVED;
      List<String> candidates = new ArrayList<>();
      if (fr.feature("rupture").equals("present")) {
        candidates.add("ruptured " + fr.kind()); // "leaking AAA" is a ruptured aneurysm
      }
      if (!fr.organ().isEmpty() && in == f && !knownOrBenign) {
        candidates.add(fr.organ() + " " + fr.kind());
        candidates.add(ORGAN_ADJECTIVE.getOrDefault(fr.organ(), fr.organ()) + " " + fr.kind());
        // a solid or enhancing "lesion" / "nodule" of a solid organ is a mass in the term
        // list's words ("2.4 cm enhancing solid lesion of the right kidney": a solid renal mass)
        if ((fr.kind().equals("lesion") || fr.kind().equals("nodule"))
            && !fr.organ().equals("lung")
            && SOLID_OR_ENHANCING.matcher(sentence).find()) {
          candidates.add(ORGAN_ADJECTIVE.getOrDefault(fr.organ(), fr.organ()) + " mass");
        }
      }
      for (String name : candidates) {
        List<Token> words = Token.tokenize(name);
        PhraseMatcher.Entry<CriticalCategory> e = terms.longestAt(words, 0);
        if (e == null || e.words().size() != words.size()) {
          continue;
        }
        List<String> names = what.computeIfAbsent(e.value(), k -> new ArrayList<>());
        if (names.contains(name)) {
          break;
        }
        names.add(name);
        hits.computeIfAbsent(e.value(), k -> new ArrayList<>())
            .add(in.evidence(fr.start(), fr.end()));
        break;
      }
    }
  }

  /**
   * Malignancy named as today's finding, certain or suspected, in any wording: "in keeping with
   * metastases", "highly suggestive of pancreatic adenocarcinoma", "concerning for lymphoma",
   * "malignant-appearing", "probable neoplasm", "peritoneal carcinomatosis".
   */
  static final Pattern MALIGNANCY =
      Pattern.compile(
          "\\b(?:malignan(?:cy|cies|t)|neoplas(?:m|ms|tic)|\\w*carcinoma(?:s|ta)?|\\w*sarcomas?"
              + "|lymphomas?|myelomas?|mesothelioma|melanoma|seminoma|glioblastoma|carcinomatosis"
              // tumour names and their abbreviations that are malignant by name
              + "|gliomas?|medulloblastoma|neuroblastoma|hepatoblastoma|nephroblastoma|leuka?emi\\w*"
              + "|rcc|nsclc|sclc|gbm"
              // a testicular "germ cell tumour" is malignant by name (seminoma or not)
              + "|germ cell tumou?rs?|non-?seminoma\\w*"
              // shorthand said with its case: "caecal Ca", "likely mets" (not CA-125, not Ca2+)
              + "|(?-i:Ca)(?![\\s-]*\\d)|(?-i:[Mm]ets)"
              + "|cancers?|metasta\\w*|omental cak\\w*"
              // round 35 (sys16): organ tumours malignant by name (a bladder tumour is urothelial
              // carcinoma); "primary" as a noun names the primary tumour ("an oropharyngeal
              // primary")
              + "|(?:bladder|urothelial)(?:\\s+[a-z]+)?\\s+tumou?rs?"
              + "|primary(?=\\s*(?:[,.;:)]|$)|\\s+(?:tumou?rs?|malignan\\w*|neoplasm\\w*|site)\\b))\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * Words that make the malignancy no new finding of this exam: a known, treated or staged one, a
   * risk or a screening, or benign words ("benign tumour").
   */
  private static final Pattern MALIGNANCY_NOT_NEW =
      Pattern.compile(
          "\\b(?:known|treated|history of|h/o|resected|resection|post|status post|s/p|staging"
              + "|restaging|screening|surveillance of|risk|probability|likelihood|benign|stable"
              + "|unchanged|decreas\\w*|smaller|resolved|resolving|regress\\w*|improv\\w*"
              // round 33 (cx14): "sarcoma until proven otherwise" suspects, it proves nothing
              + "|respon\\w*|treatment|chemotherapy|radiotherapy"
              + "|(?<!until )(?<!unless )proven(?!\\s+otherwise)|differential|consider"
              + "|ancillary|clinically significant|(?:bi|li|pi|ti|lung)-?rads"
              // a LI-RADS category in its shorthand ("LR-4 ..., probably HCC"): the category's own
              // definition, flagged by the category (round 31, helper "sys13")
              + "|lr[- ]?(?:[1-5]|m|tiv|tr|nc)"
              // the reason for a past operation: "after right upper lobectomy for adenocarcinoma"
              + "|(?:\\w+ectomy|\\w+otomy|surgery|operation|ablation|transplant\\w*)\\s+for)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * One reading among alternatives ("glioma or metastasis", "sarcoidosis or lymphoma", "to
   * distinguish sarcoid from lymphoma", "differentiate between abscess and tumour").
   */
  private static final Pattern ALTERNATIVE_BEFORE =
      Pattern.compile(
          "\\b(?:or|versus|vs|favou?red over|rather than|than"
              + "|(?:distinguish|differentiat|discriminat)\\w*\\s+(?:between\\s+)?(?:[\\w-]+\\s+){1,3}"
              + "(?:from|and))\\.?\\s+(?:[\\w-]+\\s+){0,3}$",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern ALTERNATIVE_AFTER =
      Pattern.compile("^\\s+(?:or|versus|vs)\\b", Pattern.CASE_INSENSITIVE);

  /** A malignancy the indication only asks about ("?malignancy", "exclude metastases"). */
  private static final Pattern QUESTION_BEFORE =
      Pattern.compile(
          "(?:\\?|\\b(?:rule out|r/o|exclude|excluding|query|suspected|evaluate for|assess for"
              + "|concern for|family history of|fh of|no history of|no known))\\s*(?:[\\w-]+\\s+){0,2}$",
          Pattern.CASE_INSENSITIVE);

  /** A work-up named after the malignancy it looks for ("recommend CT and myeloma screen"). */
  private static final Pattern WORKUP_AFTER =
      Pattern.compile(
          // round 29 (fn10): "myeloma/metastatic work-up", "myeloma or metastatic screen"
          "^(?:\\s*(?:/|,|\\bor\\b|\\band\\b)\\s*[\\w-]+)?\\s+(?:screen|screening|work-?up)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * Round 33 (cx14): a malignancy word that names the service a patient is sent to ("sarcoma
   * service referral", "refer to the lung cancer MDT", "upper GI cancer team", "lymphoma clinic"):
   * a destination, not a finding of this exam.
   */
  private static final Pattern SERVICE_AFTER =
      Pattern.compile(
          "^[\\s-]+(?:services?|units?|teams?|clinics?|mdts?|mdms?|multi-?disciplinary|tumou?r boards?"
              + "|boards?|cent(?:re|er)s?|surgeons?|specialists?|nurses?|pathways?|networks?"
              + "|referrals?|departments?|meetings?|colleagues|physicians?|oncolog\\w*)\\b",
          Pattern.CASE_INSENSITIVE);

  /** Malignancy a sentence only asks about ("? malignancy", "rule out malignancy"). */
  private static final Pattern ASKED_BEFORE =
      Pattern.compile(
          "(?:\\?|\\b(?:rule out|r/o|to exclude|query))\\s*$", Pattern.CASE_INSENSITIVE);

  private static final Pattern STAGING =
      Pattern.compile("\\b(?:staging|restaging|oncolog\\w*)\\b", Pattern.CASE_INSENSITIVE);

  /**
   * The patient is known to have cancer (indication or clinical history names one, or staging):
   * malignancy in the report is then the known disease's course, not a new finding to communicate.
   */
  private static boolean knownCancer(Report report) {
    StringBuilder b = new StringBuilder(report.request.indication()).append(' ');
    TextAnalyzer.Section h = report.sections.get(SectionKind.CLINICAL_HISTORY);
    if (h != null) {
      b.append(h.text);
    }
    String context = b.toString();
    if (STAGING.matcher(context).find() || cancerStatedKnown(report.findings())) {
      return true;
    }
    Matcher m = MALIGNANCY.matcher(context);
    while (m.find()) {
      boolean screening = context.substring(m.end()).matches("(?is)^\\s+screening\\b.*");
      if (!screening && !QUESTION_BEFORE.matcher(context.substring(0, m.start())).find()) {
        return true;
      }
    }
    return false;
  }

  /** Words that make a named malignancy the patient's known disease. */
  private static final Pattern CANCER_KNOWN_BEFORE =
      Pattern.compile(
          "\\b(?:known|history of|h/o|newly diagnosed|diagnosed|staging|restaging)\\b[^.;:]*$",
          Pattern.CASE_INSENSITIVE);

  /**
   * A dictation that opens with its clinical context instead of a heading ("Known prostate cancer,
   * new leg weakness.", "Staging CT TAP for newly diagnosed sigmoid adenocarcinoma"): the cancer is
   * as known as in an indication (round 25, helper "fn3"). Only the first sentence: later ones are
   * this exam's findings.
   */
  private static boolean cancerStatedKnown(TextAnalyzer.Section findings) {
    if (findings == null || findings.sentences.isEmpty()) {
      return false;
    }
    String sentence = findings.sentenceText(0);
    Matcher m = MALIGNANCY.matcher(sentence);
    while (m.find()) {
      if (CANCER_KNOWN_BEFORE.matcher(sentence.substring(0, m.start())).find()) {
        return true;
      }
    }
    return false;
  }

  /** A negation in the malignancy's own clause that ConText reads only as a word: "not typical". */
  private static final Pattern DENIED_BEFORE =
      Pattern.compile(
          "\\b(?:not|no|non|without|unlikely|low suspicion)\\b[^,;:]{0,40}$",
          Pattern.CASE_INSENSITIVE);

  /**
   * Suspected or stated malignancy (ACR category 3: significant, work-up within days): each
   * positive or possible mention in findings, impression or recommendation that is not a known,
   * treated or followed one, nor a risk, a screening or a benign word.
   */
  private void suspectedMalignancy(
      Report report,
      Map<CriticalCategory, List<Evidence>> hits,
      Map<CriticalCategory, List<String>> what) {
    if (knownCancer(report)) {
      return;
    }
    for (TextAnalyzer.Section s : report.dictatedBody()) {
      for (int[] at : malignancySaid(s)) {
        int start = at[1];
        int end = at[2];
        String name = s.text.substring(start, end).toLowerCase(Locale.ROOT);
        List<String> names =
            what.computeIfAbsent(CriticalCategory.CATEGORY_3, k -> new ArrayList<>());
        if (!names.contains(name)) {
          names.add(name);
        }
        hits.computeIfAbsent(CriticalCategory.CATEGORY_3, k -> new ArrayList<>())
            .add(s.evidence(start, end));
      }
    }
  }

  /** A metastasis word: "metastasis", "metastatic disease", "mets" (with its case). */
  private static final Pattern METASTASIS =
      Pattern.compile("\\b(?:metasta\\w*|(?-i:[Mm]ets))\\b", Pattern.CASE_INSENSITIVE);

  /**
   * "New", "newly", "interval development of", "not seen on the prior": the sentence reports
   * something this exam found for the first time.
   */
  private static final Pattern NEW_WORD =
      Pattern.compile(
          "\\b(?:new|newly|interval (?:development|appearance)|(?:has|have) (?:developed|appeared)"
              + "|not (?:seen|present|visible|evident) (?:on|at|in) (?:the )?(?:prior|previous)"
              + "|not previously (?:seen|present|visible))\\b",
          Pattern.CASE_INSENSITIVE);

  /** "No new ...", "without new ...": the sentence denies a new finding. */
  private static final Pattern NO_NEW =
      Pattern.compile(
          "\\b(?:no|nor|without|neither)\\s+(?:[\\w-]+\\s+){0,2}?(?:new|newly)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * A metastasis the sentence leaves open, or the known disease's course: indeterminate, not
   * excluded, a consideration, a differential, or followed (stable, smaller, responding, treated).
   */
  private static final Pattern METASTASIS_NOT_ASSERTED =
      Pattern.compile(
          "\\b(?:indeterminate|not (?:be )?excluded|cannot be excluded|can't be excluded|consideration"
              + "|consider|differential|versus|vs|possib\\w*|known|previously|again|stable|unchanged"
              + "|decreas\\w*|smaller|respon\\w*|resolv\\w*|regress\\w*|improv\\w*|treated|ablat\\w*"
              + "|no evidence)\\b",
          Pattern.CASE_INSENSITIVE);

  /** Round 36 (sys17): initial staging, see {@link MalignancyWording#firstLook}. */
  private static boolean firstLook(Report report) {
    TextAnalyzer.Section h = report.sections.get(SectionKind.CLINICAL_HISTORY);
    String context = report.request.indication() + " " + (h == null ? "" : h.text);
    return MalignancyWording.firstLook(
        context, report.request.dictationText(), !report.request.priors().isEmpty());
  }

  /**
   * A new metastasis in a patient known to have cancer (round 32, helper "sys14"): the known
   * disease's course is not a new finding, but a metastasis this exam finds for the first time
   * changes management and is ACR category 3, in any wording ("new ..., consistent with / in
   * keeping with / likely metastases", "new osseous metastatic disease"). Only a sentence that says
   * new (not "no new"), asserts the metastasis (not indeterminate, not excluded, not one
   * alternative) and does not follow a known one. A report with a critical result (a pathological
   * fracture or cord compression through the metastasis) communicates it with that result.
   */
  private void newMetastasis(
      Report report,
      Map<CriticalCategory, List<Evidence>> hits,
      Map<CriticalCategory, List<String>> what) {
    if (!knownCancer(report)
        || hits.containsKey(CriticalCategory.CATEGORY_1)
        || hits.containsKey(CriticalCategory.CATEGORY_2)) {
      return; // without known cancer, suspectedMalignancy reads every malignancy word
    }
    // round 36 (sys17): at a first look (initial staging) every asserted metastasis is new
    boolean firstLook = firstLook(report);
    for (TextAnalyzer.Section s : report.dictatedBody()) {
      for (int i = 0; i < s.tokens.size(); i++) {
        Sentences.Span span = s.sentences.get(i);
        String sentence = s.sentenceText(i);
        String unDenied = MalignancyWording.blanked(sentence, NO_NEW);
        if (!NEW_WORD.matcher(unDenied).find() && !firstLook) {
          continue;
        }
        Matcher m = METASTASIS.matcher(sentence);
        while (m.find()) {
          int start = span.start() + m.start();
          int end = span.start() + m.end();
          String before = sentence.substring(0, m.start());
          String region = MalignancyWording.assertionRegion(unDenied, NEW_WORD, m.start(), m.end());
          // "not previously seen" says new, not followed
          if (METASTASIS_NOT_ASSERTED.matcher(NEW_WORD.matcher(region).replaceAll(" ")).find()
              || DENIED_BEFORE.matcher(before).find()
              || ALTERNATIVE_BEFORE.matcher(before).find()
              || ALTERNATIVE_AFTER.matcher(sentence.substring(m.end())).find()
              || ASKED_BEFORE.matcher(s.text.substring(Math.max(0, start - 20), start)).find()
              || WORKUP_AFTER.matcher(sentence.substring(m.end())).find()
              || negatedOrWordless(s, i, start, end)) {
            continue;
          }
          List<String> names =
              what.computeIfAbsent(CriticalCategory.CATEGORY_3, k -> new ArrayList<>());
          if (names.stream().anyMatch(n -> n.contains("metasta"))) {
            return; // the listed words ("suspicious for metastases") already counted it
          }
          names.add("new " + s.text.substring(start, end).toLowerCase(Locale.ROOT));
          hits.computeIfAbsent(CriticalCategory.CATEGORY_3, k -> new ArrayList<>())
              .add(s.evidence(start, end));
          return;
        }
      }
    }
  }

  /**
   * Where a section names malignancy as a finding of this exam, certain or suspected: {sentence,
   * start, end} per mention that is not denied, an alternative of a differential, known, treated,
   * followed, a risk or a screening.
   */
  static List<int[]> malignancySaid(TextAnalyzer.Section s) {
    List<int[]> out = new ArrayList<>();
    {
      for (int i = 0; i < s.tokens.size(); i++) {
        Sentences.Span span = s.sentences.get(i);
        String sentence = s.sentenceText(i);
        // round 35 (sys16): a staging named after the cancer is the next step, not a known one
        if (MALIGNANCY_NOT_NEW
            .matcher(MalignancyWording.withoutPlannedStaging(sentence, MALIGNANCY))
            .find()) {
          continue;
        }
        Matcher m = MALIGNANCY.matcher(sentence);
        while (m.find()) {
          int start = span.start() + m.start();
          int end = span.start() + m.end();
          String before = sentence.substring(0, m.start());
          String after = sentence.substring(m.end());
          if (DENIED_BEFORE.matcher(before).find()
              // round 35 (sys16): "malignancy was excluded at endoscopy" denies it
              || MalignancyWording.excludedAfter(after)
              || ALTERNATIVE_BEFORE.matcher(before).find()
              || ALTERNATIVE_AFTER.matcher(after).find()) {
            continue;
          }
          if (negatedOrWordless(s, i, start, end)) {
            continue;
          }
          if (pastEvent(s.text, start)
              // the sentence splitter may end a sentence at the question mark
              || ASKED_BEFORE.matcher(s.text.substring(Math.max(0, start - 20), start)).find()
              || WORKUP_AFTER.matcher(sentence.substring(m.end())).find()
              || SERVICE_AFTER.matcher(sentence.substring(m.end())).find()) {
            continue; // "weight loss? malignancy": the exam's question, not its finding
          }
          out.add(new int[] {i, start, end});
        }
      }
    }
    return out;
  }

  private static final Pattern AIRWAY_TUBE =
      Pattern.compile(
          "\\b(?:endotracheal|endo-tracheal|ett|et tube|e\\.t\\. tube|tracheal tube)\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern ENTERIC_TUBE =
      Pattern.compile(
          "\\b(?:nasogastric|orogastric|ng|og|feeding|enteric|nasoenteric|dobhoff|nasojejunal)"
              + "\\s+(?:tube|catheter)\\b|\\bdobhoff\\b",
          Pattern.CASE_INSENSITIVE);

  /** Where an airway tube must not lie: a main (stem) bronchus, beyond it, or the oesophagus. */
  private static final Pattern AIRWAY_TUBE_WRONG =
      Pattern.compile(
          "\\b(?:(?:right|left|r|l)?\\s*main\\s*-?\\s*stem(?:\\s+bronch\\w*)?|main\\s+bronch\\w*"
              + "|bronchus intermedius|(?:o)?esophag\\w*|below the carina|beyond the carina"
              + "|(?:lower|upper|middle) lobe bronch\\w*)",
          Pattern.CASE_INSENSITIVE);

  /** Where an enteric tube must not lie: the airway or the pleura. */
  private static final Pattern ENTERIC_TUBE_WRONG =
      Pattern.compile(
          "\\b(?:trachea\\w*|bronch\\w*|airway|(?:right|left)?\\s*(?:lower|upper|middle) lobe"
              + "|lung|pleural space|pleural cavity)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * Round 35 (cx16): where an enteric tube's tip or coil must not stay: short of the stomach, in
   * the oesophagus or pharynx, above the diaphragm or the gastro-oesophageal junction, at the
   * carina ("tip lies in the mid oesophagus", "looped in the pharynx", "tip projects above the left
   * hemidiaphragm"). The tip or coil must lie there, not the tube pass ("passes down the oesophagus
   * and its tip lies in the fundus"); a side port at the junction is no tip.
   */
  private static final Pattern ENTERIC_TIP_HIGH =
      Pattern.compile(
          "\\b(?:(?:coil\\w*|curl\\w*|loop\\w*|kink\\w*|doubl\\w+\\s+back|bunch\\w*)\\s+"
              + "(?:back\\s+|up\\s+)?(?:(?:on\\s+itself|upon\\s+itself)\\s+)?(?:in|within|at)"
              + "|\\btip\\b(?:\\s+(?!below|beyond|distal)[\\w-]+){0,3}?\\s+(?:in|within|at|over|into)"
              + "(?:\\s+the\\s+level\\s+of)?)\\s+(?:the\\s+)?(?:(?:upper|mid|middle|lower|distal|proximal"
              + "|cervical|thoracic)\\s+)?(?:(?:o)?esophag\\w*|(?:oro|hypo|naso)?pharyn\\w*|carina)\\b"
              + "|\\btip\\b[^.;,]{0,30}?\\babove\\s+(?:the\\s+)?(?:(?:right|left)\\s+)?(?:hemi-?)?"
              + "(?:diaphragm|gastro-?o?esophageal\\s+junction|goj|gej|ogj|carina)\\b",
          Pattern.CASE_INSENSITIVE);

  /** Another device named before the place: "NG tube in the stomach, PICC tip at the carina". */
  private static final Pattern OTHER_DEVICE =
      Pattern.compile(
          "\\b(?:line|lines|catheter|picc|cvc|port|drain|lead|leads|wire|stent|sheath|probe|cannula)\\b",
          Pattern.CASE_INSENSITIVE);

  /** "previously coiled in the oesophagus ... now in the stomach": the tube was moved on. */
  private static final Pattern TUBE_MOVED_ON =
      Pattern.compile(
          "\\b(?:previously|formerly|initially|earlier)\\b[^.;]*\\b(?:now|has been|was)\\b"
              + "|\\b(?:has been|was|since)\\s+(?:re-?sited|repositioned|advanced|withdrawn|removed"
              + "|replaced)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * The place is where the tube lies: "tip in the", "courses into the right", "projects over the";
   * not a finding of its own later in the sentence ("NG tube in the stomach and right lower lobe
   * consolidation").
   */
  private static final Pattern LOCATIVE =
      Pattern.compile(
          "\\b(?:in|into|within|over|at|to|entering|enters|through|down|via|toward|towards)\\s+"
              + "(?:the\\s+)?(?:(?:proximal|distal|right|left|r|l)\\s+)*$",
          Pattern.CASE_INSENSITIVE);

  /** "withdrawn from the right main bronchus": the tube is no longer there. */
  private static final Pattern MOVED_AWAY =
      Pattern.compile(
          "\\b(?:withdrawn|retracted|pulled back|repositioned|removed)\\s+(?:\\w+\\s+){0,3}from"
              + "\\s+(?:the\\s+)?(?:right\\s+|left\\s+)?$",
          Pattern.CASE_INSENSITIVE);

  /**
   * A malpositioned tube said in other words (Larson category 1: "malpositioned ET/NG tube"): an
   * endotracheal tube whose tip lies in a main bronchus or the oesophagus, an enteric tube in the
   * airway or pleura. Uses the category the institution's list gives "malpositioned".
   */
  private void tubeMalposition(
      Report report,
      Map<CriticalCategory, List<Evidence>> hits,
      Map<CriticalCategory, List<String>> what) {
    PhraseMatcher.Entry<CriticalCategory> listed =
        terms.longestAt(Token.tokenize("malpositioned"), 0);
    if (listed == null) {
      return;
    }
    for (TextAnalyzer.Section s : report.dictatedBody()) {
      for (int i = 0; i < s.sentences.size(); i++) {
        String t = s.sentenceText(i);
        int base = s.sentences.get(i).start();
        // each tube owns the words up to the next tube ("ETT in the trachea, NG tube in the
        // oesophagus": the oesophagus is the NG tube's)
        List<int[]> tubes = new ArrayList<>(); // start, end, 0 airway / 1 enteric
        for (Matcher m = AIRWAY_TUBE.matcher(t); m.find(); ) {
          tubes.add(new int[] {m.start(), m.end(), 0});
        }
        for (Matcher m = ENTERIC_TUBE.matcher(t); m.find(); ) {
          tubes.add(new int[] {m.start(), m.end(), 1});
        }
        tubes.sort((x, y) -> Integer.compare(x[0], y[0]));
        for (int k = 0; k < tubes.size(); k++) {
          int[] tube = tubes.get(k);
          int limit = k + 1 < tubes.size() ? tubes.get(k + 1)[0] : t.length();
          if (tube[2] == 1 && !TUBE_MOVED_ON.matcher(t).find()) {
            Matcher high = ENTERIC_TIP_HIGH.matcher(t);
            high.region(tube[1], limit);
            if (high.find()
                && t.substring(tube[1], high.start()).indexOf(';') < 0
                && !OTHER_DEVICE.matcher(t.substring(tube[1], high.start())).find()
                && !placeNegated(s, i, base + high.start(), base + high.end())) {
              String name = "malpositioned enteric tube (tip short of the stomach)";
              List<String> names = what.computeIfAbsent(listed.value(), x -> new ArrayList<>());
              if (!names.contains(name)) {
                names.add(name);
              }
              hits.computeIfAbsent(listed.value(), x -> new ArrayList<>())
                  .add(s.evidence(base + tube[0], base + high.end()));
              continue;
            }
          }
          Matcher place = (tube[2] == 0 ? AIRWAY_TUBE_WRONG : ENTERIC_TUBE_WRONG).matcher(t);
          place.region(tube[1], limit);
          while (place.find()) {
            String lead = t.substring(tube[1], place.start());
            boolean locative =
                place.group().toLowerCase(Locale.ROOT).startsWith("b") // below / beyond the carina
                    || LOCATIVE.matcher(lead).find();
            if (!locative
                || lead.indexOf(';') >= 0
                || MOVED_AWAY.matcher(t.substring(0, place.start())).find()
                || placeNegated(s, i, base + place.start(), base + place.end())) {
              continue;
            }
            String name =
                "malpositioned "
                    + (tube[2] == 0 ? "endotracheal tube" : "enteric tube")
                    + " ("
                    + place.group().trim().toLowerCase(Locale.ROOT)
                    + ")";
            List<String> names = what.computeIfAbsent(listed.value(), x -> new ArrayList<>());
            if (!names.contains(name)) {
              names.add(name);
            }
            hits.computeIfAbsent(listed.value(), x -> new ArrayList<>())
                .add(s.evidence(base + tube[0], base + place.end()));
            break;
          }
        }
      }
    }
  }

  /** A collection the sentence names as something else than an abscess. */
  private static final Pattern NOT_ABSCESS =
      Pattern.compile(
          "\\b(?:pleura\\w*|pseudocysts?|walled[- ]off|necrosis|seromas?|lymphoc[o]?eles?|bilomas?"
              + "|urinomas?|ha?ematomas?|hygromas?|ganglion|bursa|bursitis|loculated ascites)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * The abscess said by its signs is a new one of this exam: not another collection (a pseudocyst,
   * walled-off necrosis, seroma, haematoma, a pleural one) and not the known one under drainage
   * ("decreasing collection around the pigtail drain") unless the sentence says it worsened.
   */
  static boolean abscessBySigns(String sentence) {
    return !NOT_ABSCESS.matcher(sentence).find()
        && !(TREATED_COLLECTION.matcher(sentence).find()
            && !WORSENED.matcher(NO_CHANGE.matcher(sentence).replaceAll(" ")).find());
  }

  /**
   * A pleural infection under treatment and followed ("resolving empyema", "residual loculated
   * collection with gas around the pigtail drain", "decreasing after drainage"): communicated when
   * it was found, not again at each follow-up, unless the sentence says it got worse.
   */
  private static final Pattern TREATED_COLLECTION =
      Pattern.compile(
          "\\b(?:resolving|resolved|decreas\\w*|smaller|improv\\w*|(?<!be )drained|residual|treated"
              + "|(?:after|following|post)[- ]?(?:drainage|thoracostomy|decortication|vats)"
              + "|(?:pigtail|chest|intercostal|pleural|thoracostomy)\\s+(?:drain|catheter|tube)s?"
              + "\\s+(?:in situ|in place|in position|in good position|remains?|terminat\\w*)"
              + "|(?:around|along|adjacent to|at)\\s+the\\s+(?:tip\\s+of\\s+the\\s+)?(?:pigtail\\s+|chest\\s+)?"
              + "(?:drain|catheter|tube))\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern WORSENED =
      Pattern.compile(
          "\\b(?:new|newly|increas\\w*|enlarg\\w*|larger|bigger|wors\\w*|progress\\w*|expand\\w*"
              + "|rupture\\w*|recurr\\w*)\\b",
          Pattern.CASE_INSENSITIVE);

  /** Words that make a finding more than what a procedure leaves behind. */
  private static final Pattern BEYOND_EXPECTED =
      Pattern.compile(
          "\\b(?:unexpected\\w*|not expected|increas\\w*|enlarg\\w*|larger|moderate|large|tension"
              + "|new since|worse\\w*|more than)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * Another sentence of the report says the same category 2 term is expected after the procedure
   * ("small right apical pneumothorax, as expected after the procedure"), and this one says nothing
   * more of it (larger, increasing, tension): the same expected finding said twice (round 27,
   * helper "fn8").
   */
  static boolean expectedElsewhere(List<String> sentences, String sentence, String term) {
    String t = term.toLowerCase(Locale.ROOT);
    if (BEYOND_EXPECTED.matcher(sentence).find()) {
      return false;
    }
    for (String other : sentences) {
      if (!other.equals(sentence)
          && other.toLowerCase(Locale.ROOT).contains(t)
          && Expectation.expected(other, term)) {
        return true;
      }
    }
    return false;
  }

  static boolean treatedPleuralInfection(String term, String sentence) {
    String t = term.toLowerCase(Locale.ROOT);
    if (!t.contains("empyem") && !t.contains("pleura")) {
      return false;
    }
    // "now a thin residual collection" says it shrank: only a word of worsening makes it news
    return TREATED_COLLECTION.matcher(sentence).find()
        && !WORSENED.matcher(NO_CHANGE.matcher(sentence).replaceAll(" ")).find();
  }

  /** Listed terms said only by their defining signs (round 34, helper "cx15"). */
  private void listedBySigns(
      Report report,
      Map<CriticalCategory, List<Evidence>> hits,
      Map<CriticalCategory, List<String>> what) {
    StringBuilder all = new StringBuilder();
    for (TextAnalyzer.Section s : report.dictatedBody()) {
      all.append(s.text).append('\n');
    }
    String study = report.modality() + " " + report.bodyPart();
    for (CriticalSigns.Sign sign : CriticalSigns.all()) {
      if ((sign.study() == null
              || sign.study().matcher(sign.studyIsBodyPart() ? report.bodyPart() : study).find())
          && (sign.reportSays() == null || sign.reportSays().matcher(all).find())) {
        saidBySign(report, hits, what, sign);
      }
    }
  }

  private static final Pattern DENIAL_INSIDE =
      Pattern.compile(
          "\\b(?:no|not|without|nor|negative\\s+for|free\\s+of|absence\\s+of|absent)\\b",
          Pattern.CASE_INSENSITIVE);

  /** A thrombus's place in the heart: a chamber's cavity, the apex, the atrial appendage. */
  private static final Pattern HEART_CHAMBER =
      Pattern.compile(
          "\\b(?:in|within|at)\\s+the\\s+(?:(?:left|right)\\s+)?(?:ventric\\w*|atri(?:um|a)"
              + "|atrial\\s+appendage|cardiac\\s+chambers?)\\b|\\b(?:left|right)\\s+ventricular"
              + "\\s+(?:apex|apical|cavity)\\b|\\bLV\\s+(?:apex|apical|cavity)\\b|\\bleft\\s+atrial"
              + "\\s+appendage\\b|\\bintracardiac\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern PULMONARY_ARTERY =
      Pattern.compile(
          "\\b(?:pulmonary|lobar|segmental|subsegmental)\\s+arter\\w*|\\bpulmonary\\s+(?:trunk"
              + "|embol\\w*)",
          Pattern.CASE_INSENSITIVE);

  /**
   * Round 36 (cx17): a listed term said by a row of critical-signs.json, with the quiet contexts of
   * the term list (negated, past, known and unchanged, expected after a stated procedure, chronic,
   * treated) plus the row's own look-alikes.
   */
  private void saidBySign(
      Report report,
      Map<CriticalCategory, List<Evidence>> hits,
      Map<CriticalCategory, List<String>> what,
      CriticalSigns.Sign sign) {
    PhraseMatcher.Entry<CriticalCategory> listed = terms.longestAt(Token.tokenize(sign.term()), 0);
    if (listed == null) {
      return; // an institution's list without the term: its signs say nothing
    }
    List<String> sentences = new ArrayList<>();
    for (TextAnalyzer.Section s : report.dictatedBody()) {
      for (int i = 0; i < s.sentences.size(); i++) {
        sentences.add(s.sentenceText(i));
      }
    }
    String term = sign.term();
    for (TextAnalyzer.Section s : report.dictatedBody()) {
      for (int i = 0; i < s.sentences.size(); i++) {
        String t = s.sentenceText(i);
        if (sign.unless() != null && sign.unless().matcher(t).find()) {
          continue;
        }
        int base = s.sentences.get(i).start();
        Matcher m = sign.signs().matcher(t);
        while (m.find()) {
          if (placeNegated(s, i, base + m.start(), base + m.end())
              // "aorta ... without intimal flap": the denial sits inside the sign's own span
              || (!sign.negationIsSign()
                  && !sign.narrowQuiet()
                  && DENIAL_INSIDE.matcher(m.group()).find())
              || pastEvent(s.text, base + m.start())
              || (!sign.narrowQuiet() && ofEarlierExam(s.text, base + m.end()))
              || (listed.value() != CriticalCategory.CATEGORY_3
                  && knownFollowed(t, m.start(), m.end()))
              || Expectation.expected(t, m.group())
              // round 35 (cx16): "Pneumoperitoneum, expected after the laparotomy" explains it
              || Expectation.airExpectedElsewhere(sentences, t, m.group())
              || (term.contains("embol") && chronicEmbolism(t))
              || ((term.contains("dissect") || term.contains("aort")) && chronicDissection(t))
              || (sign.abscessCheck() && !abscessBySigns(t))
              || (!sign.narrowQuiet()
                  && listed.value() != CriticalCategory.CATEGORY_1
                  && expectedElsewhere(sentences, t, term))
              || (term.startsWith("pneumothora")
                  && Expectation.routinePostProcedurePneumothorax(sentences))
              || (listed.value() != CriticalCategory.CATEGORY_3
                  && treatedPleuralInfection(term, t))) {
            continue;
          }
          List<String> names = what.computeIfAbsent(listed.value(), x -> new ArrayList<>());
          if (!names.contains(term)) {
            names.add(term);
          }
          hits.computeIfAbsent(listed.value(), x -> new ArrayList<>())
              .add(s.evidence(base + m.start(), base + m.end()));
          break; // one mention per sentence
        }
      }
    }
  }

  /**
   * Whether ConText negates the words of [start, end) in sentence i, or the span holds no word of
   * it: either way the term there is no finding.
   */
  private static boolean negatedOrWordless(TextAnalyzer.Section s, int i, int start, int end) {
    List<Token> tokens = s.tokens.get(i);
    int from = -1;
    int to = -1;
    for (int k = 0; k < tokens.size(); k++) {
      if (from < 0 && tokens.get(k).end() > start) {
        from = k;
      }
      if (tokens.get(k).start() < end) {
        to = k + 1;
      }
    }
    return from < 0 || to <= from || s.certainty(i, from, to) == Certainty.NEGATED;
  }

  /** ConText over the words of [start, end) in sentence i ("not in the right main bronchus"). */
  private static boolean placeNegated(TextAnalyzer.Section s, int i, int start, int end) {
    List<Token> tokens = s.tokens.get(i);
    int from = -1;
    int to = -1;
    for (int k = 0; k < tokens.size(); k++) {
      Token tok = tokens.get(k);
      if (tok.end() > start && tok.start() < end) {
        from = from < 0 ? k : from;
        to = k + 1;
      }
    }
    return from >= 0 && s.certainty(i, from, to) == Certainty.NEGATED;
  }

  /** The text that documents a communication: the communication section or sentences saying so. */
  private static String documentedCommunication(Report report) {
    StringBuilder b = new StringBuilder();
    TextAnalyzer.Section c = report.sections.get(SectionKind.COMMUNICATION);
    if (c != null) {
      b.append(c.text).append(' ');
    }
    for (TextAnalyzer.Section s : report.dictatedBody()) {
      for (int i = 0; i < s.sentences.size(); i++) {
        String t = s.sentenceText(i);
        if (COMMUNICATED.matcher(t).find()) {
          b.append(t).append(' ');
        }
      }
    }
    return b.toString();
  }
}
