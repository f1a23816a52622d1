package org.radassist.drafting.internal.engine;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Round 24 (helper "fnc2"): which chest findings an impression about something else need not name.
 * Only a significant positive finding (one that changes management or needs follow-up) is an
 * omission; the rule is per concept and its qualifiers, never per sentence:
 *
 * <ul>
 *   <li>a word that is not the chest finding at all: "LAD" of a coronary artery, the "collapse" of
 *       a vertebral body, oedema "of the subcutaneous fat";
 *   <li>a finding the report refers to another exam's question ("CT for a mediastinal widening on
 *       the radiograph");
 *   <li>a finding graded below what anyone acts on: mild / borderline cardiomegaly or
 *       cardiomediastinal enlargement, a small pericardial effusion, basal or dependent
 *       atelectasis;
 *   <li>chronic background disease (emphysema, hiatus hernia) in a patient whose impression answers
 *       another question, unless severe, extensive, new or worse;
 *   <li>a finding the impression's diagnosis explains: perihilar / bilateral opacities by pulmonary
 *       oedema, a lung's volume loss by the mainstem intubation or obstruction reported, a round
 *       opacity by the nodule reported, mediastinal / hilar nodes by the lung cancer reported (its
 *       staging).
 * </ul>
 */
final class ChestSignificance {

  private ChestSignificance() {}

  private static final Pattern GRAVE =
      Pattern.compile(
          "\\b(?:severe|severely|marked|markedly|extensive|advanced|large|massive|gross|giant"
              + "|significant|lobar|complete|total|whole|tension|new|newly|increas\\w*|worse\\w*"
              + "|progress\\w*|enlarging|tamponade|haemodynamic\\w*|hemodynamic\\w*)\\b",
          Pattern.CASE_INSENSITIVE);

  /** Qualifiers under which a concept asks nothing of anyone, per concept. */
  private static final Map<String, Pattern> BELOW_ACTION =
      Map.of(
          "cardiomegaly",
              words("mild|mildly|minimal|slight|slightly|borderline|minor|upper limits"),
          "enlarged_cardiomediastinum",
              words("mild|mildly|minimal|slight|slightly|borderline|minor|upper limits"),
          "pericardial_effusion",
              words("small|trace|trivial|minimal|tiny|mild|physiologic(?:al)?|thin rim"),
          "atelectasis",
              words(
                  "basal|basilar|bibasal|bibasilar|dependent|bases|base|subsegmental|linear"
                      + "|plate-?like|discoid|mild|minor|minimal|small"));

  private static final Pattern CONGESTION =
      Pattern.compile("\\b(?:congestion|cephali[sz]ation)\\b", Pattern.CASE_INSENSITIVE);

  private static final Pattern MILD_CONGESTION =
      words("mild|mildly|minimal|slight|slightly|borderline|minor|subtle|trace");

  /** Chronic disease that is background when the impression answers another question. */
  private static final Set<String> CHRONIC = Set.of("emphysema", "hiatal_hernia");

  private static final Pattern KNOWN_CHRONIC =
      Pattern.compile(
          "\\b(?:copd|emphysema\\w*|smok\\w*|pack-?\\s?years?|ex-?smoker)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern CORONARY =
      Pattern.compile(
          "\\b(?:coronary|plaque|stenos[ie]s|stent\\w*|proximal|mid|distal|ostial|diagonal|artery"
              + "|cad|calcium|cta|angiogra\\w*|lcx|rca|circumflex)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern ARTERY_BEFORE =
      Pattern.compile(
          "\\b(?:proximal|mid|distal|ostial|(?:plaque|stenosis|stent|occlusion|calcification)"
              + "\\s+(?:in|of|within)\\s+the)\\s+$",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern VERTEBRAL_COLLAPSE =
      Pattern.compile(
          "\\b(?:vertebral(?:\\s+body)?|body|bodies|compression|wedge|[ctl]\\d{1,2})\\s+collapse"
              + "|\\bcollapse\\s+of\\s+(?:the\\s+)?(?:\\w+\\s+)?(?:vertebra\\w*|[ctl]\\d{1,2}"
              + "|(?:vertebral\\s+)?body)",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern OEDEMA_OF_ANOTHER_PLACE =
      Pattern.compile(
          "^\\s*(?:of|in|within|involving)\\s+(?:the\\s+)?(?:\\w+\\s+)?(?:subcutaneous|skin|fat"
              + "|soft\\s+tissue\\w*|breast|muscle\\w*|cord|marrow|bowel|wall|mucosa)",
          Pattern.CASE_INSENSITIVE);

  /** "for a mediastinal widening on the radiograph": the referral's question, another exam's. */
  private static final Pattern REFERRAL_BEFORE =
      Pattern.compile("\\bfor\\s+(?:an?\\s+|the\\s+)?(?:\\w+\\s+)?$", Pattern.CASE_INSENSITIVE);

  private static final Pattern OTHER_EXAM_AFTER =
      Pattern.compile(
          "^\\s*(?:seen\\s+|shown\\s+|reported\\s+|noted\\s+)?(?:on|at)\\s+(?:the\\s+)?(?:prior\\s+"
              + "|previous\\s+|recent\\s+|outside\\s+|referring\\s+|preceding\\s+)?(?:chest\\s+)?"
              + "(?:radiograph\\w*|cxr|x-?ray\\w*|film\\w*|plain\\s+film\\w*|ultrasound|us\\b)",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern DIFFUSE_OPACITY =
      Pattern.compile(
          "\\b(?:bilateral|bibasal|diffuse|interstitial|perihilar|bat-?wing|kerley|airspace"
              + "|alveolar|hazy|widespread)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern ROUND_OPACITY =
      Pattern.compile(
          "\\b(?:round|rounded|ovoid|oval|spherical|nodular|mass-?like)\\s+(?:\\w+\\s+)?$",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern AIRWAY_CAUSE =
      Pattern.compile(
          "\\b(?:main\\s*stem|mainstem|main\\s+bronch\\w*|endobronchial|bronchial\\s+intubation"
              + "|mucus\\s+plug\\w*|obstruct\\w*\\s+(?:lesion|mass|tumou?r)|lobar\\s+collapse)",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern LUNG_CANCER =
      Pattern.compile(
          "\\b(?:bronchogenic|lung\\s+(?:cancer|carcinoma|primary|malignancy|mass)|primary\\s+lung"
              + "|(?:pulmonary|lung)\\s+neoplasm|nsclc|sclc)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern CHEST_NODE =
      Pattern.compile(
          "\\b(?:mediastin\\w*|hilar|hilum|paratracheal|subcarinal|prevascular|aortopulmonary|ap"
              + "\\s+window|precarinal|paraoesophageal|paraesophageal|station\\s*\\d+\\w?)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern NODE_ABNORMAL =
      Pattern.compile("\\b(?:necrotic|bulky|conglomerate|matted)\\b", Pattern.CASE_INSENSITIVE);

  private static final Pattern NOT_BEFORE =
      Pattern.compile(
          "\\b(?:no|not|without|negative for|free of)\\b[^.;]*$", Pattern.CASE_INSENSITIVE);

  private static Pattern words(String alternatives) {
    return Pattern.compile("\\b(?:" + alternatives + ")\\b", Pattern.CASE_INSENSITIVE);
  }

  /** True when the findings' mention is no omission from this impression. */
  static boolean notNeeded(
      Report report,
      TextAnalyzer.Section findings,
      TextAnalyzer.Mention m,
      TextAnalyzer.Section impression) {
    String id = m.concept().id();
    String text = findings.text;
    String term = text.substring(m.start(), m.end());
    String sentence = findings.sentenceText(m.sentence());
    int sentenceStart = findings.sentences.get(m.sentence()).start();
    int at = m.start() - sentenceStart;
    String before = sentence.substring(0, at);
    String after = sentence.substring(Math.min(sentence.length(), at + term.length()));
    String clause = clause(sentence, at, term.length());
    // not the chest finding at all
    if (coronaryArtery(findings, m)) {
      return true;
    }
    if (id.equals("atelectasis") && VERTEBRAL_COLLAPSE.matcher(sentence).find()) {
      return true;
    }
    if (id.equals("edema") && OEDEMA_OF_ANOTHER_PLACE.matcher(after).find()) {
      return true;
    }
    // the question of the referral, asked of another exam
    if (REFERRAL_BEFORE.matcher(before).find() && OTHER_EXAM_AFTER.matcher(after).find()) {
      return true;
    }
    // round 29 (fn10): mild vascular congestion (not oedema) is below action
    if (id.equals("edema")
        && CONGESTION.matcher(term).find()
        && MILD_CONGESTION.matcher(clause).find()
        && !GRAVE.matcher(clause).find()) {
      return true;
    }
    // graded below action
    Pattern below = BELOW_ACTION.get(id);
    if (below != null && below.matcher(clause).find() && !GRAVE.matcher(clause).find()) {
      return true;
    }
    boolean reportsOther =
        impression.mentions.stream()
                .anyMatch(
                    i ->
                        i.certainty() == Certainty.PRESENT
                            && i.concept().significant()
                            && !i.concept().id().equals(id))
            || report.impressionFrames.stream().anyMatch(f -> f.assertion().positive());
    // known to the referrer (COPD, a smoker's history) or the smoker's nodule work-up the
    // impression answers ("high risk"): the impression need not repeat it
    boolean knownBackground =
        id.equals("hiatal_hernia")
            || KNOWN_CHRONIC
                .matcher(java.util.Objects.toString(report.request.indication(), ""))
                .find()
            || saysPresent(impression, "lung_nodule")
            || saysPresent(impression, "lung_mass");
    if (CHRONIC.contains(id)
        && reportsOther
        && knownBackground
        && !GRAVE.matcher(sentence).find()) {
      return true;
    }
    // explained by the impression's diagnosis
    if (id.equals("opacity")
        && DIFFUSE_OPACITY.matcher(sentence).find()
        && saysPresent(impression, "edema")) {
      return true;
    }
    if ((id.equals("opacity") || id.equals("atelectasis"))
        && (saysPresent(impression, "malpositioned_tube")
            || unnegated(AIRWAY_CAUSE, impression.text))) {
      return true; // the collapse of a lung the tube or obstruction shuts off
    }
    if (id.equals("opacity")
        && ROUND_OPACITY.matcher(text.substring(Math.max(0, m.start() - 25), m.start())).find()
        && (saysPresent(impression, "lung_nodule") || saysPresent(impression, "lung_mass"))) {
      return true; // a round opacity is the nodule reported
    }
    if (id.equals("lymphadenopathy")
        && CHEST_NODE.matcher(sentence + " " + term).find()
        && !NODE_ABNORMAL.matcher(sentence).find()
        && (saysPresent(impression, "lung_mass") || unnegated(LUNG_CANCER, impression.text))) {
      return true; // the chest nodes of a reported lung cancer are its staging
    }
    return false;
  }

  /**
   * Mediastinal / hilar nodes beside a lung cancer the impression reports are its staging, which
   * the referral it recommends takes up (necrotic or bulky ones still count).
   */
  static boolean stagesReportedLungCancer(String nodeSentence, TextAnalyzer.Section impression) {
    return CHEST_NODE.matcher(nodeSentence).find()
        && !NODE_ABNORMAL.matcher(nodeSentence).find()
        && (saysPresent(impression, "lung_mass") || unnegated(LUNG_CANCER, impression.text));
  }

  /** "LAD" beside coronary words ("plaque in the proximal LAD") is the artery, not nodes. */
  static boolean coronaryArtery(TextAnalyzer.Section section, TextAnalyzer.Mention m) {
    return m.concept().id().equals("lymphadenopathy")
        && coronaryArtery(section.text, m.start(), m.end());
  }

  static boolean coronaryArtery(String text, int start, int end) {
    if (start < 0 || end > text.length() || start >= end) {
      return false;
    }
    String span = text.substring(start, end);
    if (LAD.matcher(span).find()) {
      int from = Math.max(0, start - 60);
      int to = Math.min(text.length(), end + 60);
      return CORONARY.matcher(text.substring(from, to)).find();
    }
    // the lexicon may have spelt the abbreviation out: "plaque in the proximal lymphadenopathy"
    return ARTERY_BEFORE.matcher(text.substring(Math.max(0, start - 40), start)).find();
  }

  private static final Pattern LAD = Pattern.compile("\\bLAD\\b");

  /** The mention's clause: from the last comma / semicolon before it to the next after it. */
  private static String clause(String sentence, int at, int length) {
    int start = Math.max(sentence.lastIndexOf(',', at), sentence.lastIndexOf(';', at)) + 1;
    int end = sentence.length();
    for (char c : new char[] {',', ';'}) {
      int e = sentence.indexOf(c, at + length);
      if (e >= 0 && e < end) {
        end = e;
      }
    }
    String head = sentence.substring(start, Math.min(sentence.length(), at + length));
    String tail = sentence.substring(Math.min(sentence.length(), at + length), end);
    // a qualifier after the term in its own appositive ("Cardiomegaly, mild.")
    if (head.trim().length() <= length + 1 && end < sentence.length()) {
      int next = sentence.indexOf(',', end + 1);
      tail = sentence.substring(end, next < 0 ? sentence.length() : next);
    }
    return head + tail;
  }

  private static boolean saysPresent(TextAnalyzer.Section impression, String concept) {
    return impression.mentions.stream()
        .anyMatch(i -> i.certainty() == Certainty.PRESENT && i.concept().id().equals(concept));
  }

  private static boolean unnegated(Pattern words, String text) {
    java.util.regex.Matcher w = words.matcher(text);
    while (w.find()) {
      int sentenceStart = Math.max(text.lastIndexOf('.', w.start()), -1) + 1;
      if (!NOT_BEFORE.matcher(text.substring(sentenceStart, w.start())).find()) {
        return true;
      }
    }
    return false;
  }
}
