package org.radassist.drafting.internal.engine;

import static org.radassist.drafting.internal.engine.ConsistencyChecker.LUNG_LOBE;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.NOT_BEFORE;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.examQuestion;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.saidUnnegated;
import static org.radassist.drafting.internal.engine.OmissionCheck.MILD;
import static org.radassist.drafting.internal.engine.OmissionCheck.MORE_THAN_MILD;
import static org.radassist.drafting.internal.engine.OmissionCheck.frameAt;
import static org.radassist.drafting.internal.engine.OmissionCheck.reportingSentences;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.radassist.drafting.internal.engine.frames.LesionFrame;
import org.radassist.drafting.internal.rules.Assessment;
import org.radassist.model.Flag;
import org.radassist.model.FlagType;
import org.radassist.model.ScoringSystem;
import org.radassist.model.Severity;

/**
 * The chest rules of {@link OmissionCheck}'s FINDING_NOT_IN_IMPRESSION: chest and cardiac findings
 * an impression covers without the concept's words (a lung nodule by its other words or its
 * management, lymph nodes, a trace or a small effusion beside a grave finding, oedema outside the
 * lung), a nodule outside the lung, and the effusions that go with what is reported (after a chest
 * operation, parapneumonic, under its drain, under another organ's heading).
 */
final class ChestOmissions {
  /**
   * Round 35 (om22): a lung nodule whose every Fleischner 2017 row says no routine follow-up (a
   * solid nodule under 6 mm in a low-risk patient, a small ground-glass nodule) is below action, so
   * an impression may leave it out; not on a screening exam (Lung-RADS), nor when the risk is not
   * stated and the high-risk row asks for a CT.
   */
  static void dropNoduleWithoutFollowUp(List<StructuredExtractor.Scored> scored, List<Flag> flags) {
    List<Assessment> rows =
        scored.stream()
            .map(StructuredExtractor.Scored::assessment)
            .filter(a -> a.system() == ScoringSystem.FLEISCHNER)
            .toList();
    boolean noFollowUp =
        !rows.isEmpty()
            && rows.stream()
                .allMatch(
                    a ->
                        a.isComplete()
                            && a.management()
                                .toLowerCase(Locale.ROOT)
                                .startsWith("no routine follow-up"));
    if (!noFollowUp
        || scored.stream().anyMatch(s -> s.assessment().system() == ScoringSystem.LUNG_RADS)) {
      return;
    }
    flags.removeIf(
        f ->
            f.type() == FlagType.FINDING_NOT_IN_IMPRESSION
                && f.message().startsWith("Pulmonary nodule"));
  }

  private static final String CHEST_OPERATION =
      "(?:o?esophagectomy|lobectomy|bilobectomy|pneumonectomy|segmentectomy|wedge resection"
          + "|thoracotomy|vats|sternotomy|cabg|cardiac surgery|bypass graft\\w*|valve replacement"
          + "|ivor[- ]lewis\\w*)";

  /** The exam is days after a chest operation ("Day 6 after Ivor Lewis oesophagectomy"). */
  private static final Pattern DAYS_AFTER_CHEST_OPERATION =
      Pattern.compile(
          "\\b(?:(?:day\\s+\\d+|\\d+\\s+days?)\\s+(?:after|post|following)|post-?op\\w*(?:\\s+day\\s+\\d+)?"
              + "(?:\\s+(?:after|following))?)\\s+(?:[\\w-]+\\s+){0,3}?"
              + CHEST_OPERATION
              + "\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * A pleural effusion in the days after a chest operation the context states is what the operation
   * leaves (round 28, helper "fn9"), unless its sentence calls it more than that (large,
   * increasing, loculated is the empyema's).
   */
  static boolean effusionAfterChestOperation(
      Report report, TextAnalyzer.Section findings, TextAnalyzer.Mention m) {
    return m.concept().id().equals("pleural_effusion")
        && DAYS_AFTER_CHEST_OPERATION.matcher(report.contextText()).find()
        && !MORE_THAN_MILD.matcher(findings.sentenceText(m.sentence())).find();
  }

  private static final Pattern LIVER_SEGMENT =
      Pattern.compile(
          "\\b(?:hepatic |liver )?segments? ?(?:[1-8]|i{1,3}|iv|v|vi{1,3})[ab]?\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * A "nodule" or "mass" the frames put in another organ ("14 mm nodule in the right lobe, segment
   * VI" of the liver): the organ-lesion check reports it, the lung's concept does not.
   */
  static boolean outsideTheLung(
      Report report, TextAnalyzer.Section findings, TextAnalyzer.Mention m) {
    String id = m.concept().id();
    if (!id.equals("lung_nodule") && !id.equals("lung_mass")) {
      return false;
    }
    LesionFrame f = frameAt(report.findingFrames, m.start(), m.end());
    if (f != null && !f.organ().isEmpty() && !f.organ().equals("lung")) {
      return true;
    }
    // a Couinaud segment in a sentence that names no lung lobe ("right lobe, segment VI")
    String sentence = findings.sentenceText(m.sentence());
    return LIVER_SEGMENT.matcher(sentence).find() && !LUNG_LOBE.matcher(sentence).find()
        || noLungInView(report) && !LUNG_LOBE.matcher(sentence).find();
  }

  /**
   * Round 34 (helper "om19"): the bare words "oedema" and "opacity"/"opacification" belong to the
   * region an exam looks at; in an exam with no lung in view (a joint, a limb, the head, the neck,
   * the spine) they are marrow or soft-tissue oedema, an opacified sinus or mastoid, not the lung's
   * finding, unless their sentence names the lung.
   */
  static boolean regionsOwnOedemaOrOpacity(
      Report report, TextAnalyzer.Section findings, TextAnalyzer.Mention m) {
    String id = m.concept().id();
    if (!id.equals("edema") && !id.equals("opacity")) {
      return false;
    }
    String term = findings.text.substring(m.start(), m.end());
    if (!BARE_REGIONAL_TERM.matcher(term).matches()
        || LUNG_IN_VIEW.matcher(java.util.Objects.toString(report.bodyPart(), "")).find()) {
      return false;
    }
    return !LUNG_NAMED.matcher(findings.sentenceText(m.sentence())).find();
  }

  private static final Pattern BARE_REGIONAL_TERM =
      Pattern.compile("o?edema|opacit(?:y|ies)|opacification", Pattern.CASE_INSENSITIVE);

  /** Exam regions whose images hold lung (the chest, the upper abdomen's bases, the breast). */
  private static final Pattern LUNG_IN_VIEW =
      Pattern.compile(
          "^(?:CHEST|THORAX|LUNG|HEART|CARDIAC|ABDOMEN|WHOLE|AORTA|BREAST|LIVER|KIDNEY|AXILLA"
              + "|TSPINE)\\b|^$");

  private static final Pattern LUNG_NAMED =
      Pattern.compile(
          "\\b(?:lungs?|pulmonary|alveolar|air\\s?-?space|perihilar|(?:upper|middle|lower)\\s+lobes?"
              + "|lingula\\w*|bibasa?l\\w*|apical|apices|kerley|parenchym\\w*|chest|thora\\w*"
              + "|pleura\\w*|costophrenic)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * Round 26 (helper "om4"): an exam of a region that holds no lung (head, pelvis, a limb): its
   * "mass" or "nodule" (a convexity mass, an ovarian Rokitansky nodule) is no lung lesion unless
   * its sentence names the lung.
   */
  private static boolean noLungInView(Report report) {
    return NO_LUNG_REGION.matcher(report.bodyPart()).find();
  }

  private static final Pattern NO_LUNG_REGION =
      Pattern.compile(
          "^(?:HEAD|BRAIN|SKULL|ORBIT|PELVIS|PROSTATE|UTERUS|OVARY|SCROTUM|TESTIS|LEG|KNEE|ANKLE"
              + "|FOOT|HIP|THIGH|ARM|ELBOW|WRIST|HAND|EXTREMITY)\\b");

  /**
   * Round 23 (helper "fnic"): chest and cardiac findings an impression covers without the concept's
   * words, or that it need not mention: a lung nodule it names by its kind's other words ("GGO",
   * "GGNs", "part-solid"), by its benign reading ("intrapulmonary lymph node", "granuloma") or by
   * the management it recommends for it ("annual LDCT in 12 months", "PET/CT", "no routine
   * follow-up"); a small effusion beside a grave finding the impression reports (the pericardial
   * effusion of a type A dissection, the effusion beside a lung cancer); oedema of a place outside
   * the lung ("cord oedema", "bowel wall oedema"); and what names the exam's question ("AAA
   * screening ultrasound").
   */
  static boolean chestFindingCovered(
      Report report,
      TextAnalyzer.Section findings,
      TextAnalyzer.Mention m,
      TextAnalyzer.Section impression) {
    String id = m.concept().id();
    if (examQuestion(findings.text, m.start(), m.end())) {
      return true;
    }
    if (id.equals("edema")) {
      String before = findings.text.substring(Math.max(0, m.start() - 30), m.start());
      return OTHER_OEDEMA.matcher(before).find();
    }
    if (id.equals("lung_nodule")) {
      // a "nodular opacity" is the opacity an impression reports
      boolean opacityTerm =
          OPACITY_TERM.matcher(findings.text.substring(m.start(), m.end())).find();
      return saidUnnegated(NODULE_OTHER_WORDS, impression)
          || opacityTerm && saidUnnegated(OPACITY_WORD, impression)
          || noduleManaged(
              impression,
              findings.sentenceText(m.sentence()),
              frameAt(report.findingFrames, m.start(), m.end()));
    }
    if (id.equals("lymphadenopathy") && saidUnnegated(NODE_NAMED, impression)) {
      return true; // round 29 (fn10): "abnormal right axillary lymph node" names the enlarged node
    }
    if (id.equals("cardiomegaly") && saysPresentHere(impression, "edema")) {
      return true; // round 29 (fn10): the enlarged heart of the cardiogenic oedema reported
    }
    if (id.equals("lymphadenopathy") && saidUnnegated(NODAL_DISEASE, impression)) {
      return true; // sarcoidosis, lymphoma: the nodes' reading
    }
    if (id.equals("atelectasis")
        && CHAMBER_COLLAPSE.matcher(findings.sentenceText(m.sentence())).find()) {
      return true; // the diastolic collapse of a heart chamber is no lung collapse
    }
    if (id.equals("pericardial_effusion") && saidUnnegated(TAMPONADE, impression)) {
      return true; // tamponade is the effusion's effect
    }
    if (id.equals("opacity")
        && PERIPHERAL_WEDGE.matcher(findings.sentenceText(m.sentence())).find()
        && saidUnnegated(INFARCT_WORD, impression)) {
      return true; // a wedge-shaped peripheral opacity is the pulmonary infarct reported
    }
    if (id.equals("pleural_effusion") || id.equals("pericardial_effusion")) {
      return traceOnly(findings, m) || besideGraveFinding(findings, m, impression);
    }
    return false;
  }

  /** An impression's words for a lymph node, whatever it calls it (abnormal, suspicious ...). */
  private static final Pattern NODE_NAMED =
      Pattern.compile("\\b(?:lymph\\s*nodes?|nodes?|nodal)\\b", Pattern.CASE_INSENSITIVE);

  private static boolean saysPresentHere(TextAnalyzer.Section section, String conceptId) {
    return section.mentions.stream()
        .anyMatch(i -> i.certainty() == Certainty.PRESENT && i.concept().id().equals(conceptId));
  }

  private static final Pattern NODAL_DISEASE =
      Pattern.compile(
          "\\b(?:sarcoid\\w*|lymphoma\\w*|(?:lymph)?adenitis)", Pattern.CASE_INSENSITIVE);

  private static final Pattern OPACITY_TERM =
      Pattern.compile("\\b(?:opacit\\w*|densit\\w*)", Pattern.CASE_INSENSITIVE);

  private static final Pattern OPACITY_WORD =
      Pattern.compile("\\b(?:opacit\\w*|densit\\w*|shadow\\w*)", Pattern.CASE_INSENSITIVE);

  private static final Pattern TRACE =
      Pattern.compile(
          "\\b(?:trace|trivial|minimal|tiny|minute|physiologic(?:al)?)\\b",
          Pattern.CASE_INSENSITIVE);

  /** A trace of fluid ("Trace pericardial effusion.", "minimal pleural fluid") asks nothing. */
  private static boolean traceOnly(TextAnalyzer.Section findings, TextAnalyzer.Mention m) {
    String sentence = findings.sentenceText(m.sentence());
    int at = m.start() - findings.sentences.get(m.sentence()).start();
    int clauseStart = Math.max(sentence.lastIndexOf(',', at), sentence.lastIndexOf(';', at)) + 1;
    int clauseEnd = sentence.indexOf(',', at);
    String clause = sentence.substring(clauseStart, clauseEnd < 0 ? sentence.length() : clauseEnd);
    return TRACE.matcher(clause).find() && !MORE_THAN_MILD.matcher(clause).find();
  }

  private static final Pattern CHAMBER_COLLAPSE =
      Pattern.compile(
          "\\b(?:(?:diastolic|systolic|chamber|ventricular|atrial)\\s+collapse"
              + "|collapse\\s+of\\s+the\\s+(?:right\\s+|left\\s+)?(?:ventric\\w*|atri\\w*|ivc"
              + "|inferior vena cava))\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern TAMPONADE =
      Pattern.compile("\\btamponade\\b", Pattern.CASE_INSENSITIVE);

  private static final Pattern INFARCT_WORD =
      Pattern.compile("\\binfarct\\w*", Pattern.CASE_INSENSITIVE);

  private static final Pattern PERIPHERAL_WEDGE =
      Pattern.compile(
          "\\b(?:wedge[- ]shaped|wedge|peripheral|pleural-based)\\b", Pattern.CASE_INSENSITIVE);

  /** Places whose oedema is not the lung's. */
  private static final Pattern OTHER_OEDEMA =
      Pattern.compile(
          "\\b(?:cord|spinal cord|medullary|marrow|bowel wall|mural|submucosal|periportal"
              + "|gallbladder wall|pericholecystic|scrotal|testicular|subcutaneous|soft tissue"
              + "|muscle|muscular|intramuscular|periorbital|facial|laryngeal|mesenteric|perinephric"
              + "|peripancreatic|pancreatic|pedal|leg|limb|placental"
              // round 30b (om12): the brain's oedema ("transependymal oedema" of hydrocephalus)
              + "|transependymal|periventricular|cerebral|vasogenic|cytotoxic|cerebellar|brainstem"
              + "|brain)\\s+(?:\\w+\\s+)?$",
          Pattern.CASE_INSENSITIVE);

  /** A lung nodule's other words: the ground-glass and subsolid kinds, their abbreviations. */
  private static final Pattern NODULE_OTHER_WORDS =
      Pattern.compile(
          "\\b(?:ggns?|ggos?|ground[- ]glass|part[- ]solid|sub-?solid|spns?|perifissural"
              + "|intrapulmonary (?:lymph )?nodes?|(?:intra)?fissural (?:lymph )?nodes?"
              + "|granulomas?|hamartomas?|nodul\\w*|(?:pulmonary|lung) metasta\\w*"
              + "|metasta\\w*(?: \\w+)? (?:to|in|of|within|throughout) (?:the |both )?lungs?"
              // diseases whose signs are nodules
              + "|sarcoid\\w*|miliary|septic emboli|tuberculosis|granulomatous disease)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * The management Lung-RADS or Fleischner gives a nodule, recommended in the impression: it
   * reports the nodule it is for ("Low-dose CT in 3 months; PET/CT may be considered"). Not a
   * sentence about another organ ("Renal cyst, no follow-up needed").
   */
  private static final Pattern NODULE_MANAGEMENT =
      Pattern.compile(
          "\\b(?:ldct|low[- ]dose (?:chest )?ct|(?:chest |follow-?up |repeat |diagnostic (?:chest )?)ct"
              + "|ct(?: chest)?\\s+(?:in|at)\\s+\\d|ct\\s+(?:in|at)\\s+(?:one|two|three|six|twelve)"
              + "|pet(?:[/ -]?ct)?|tissue sampling|biopsy|annual screening|continue (?:annual )?screening"
              + "|no (?:routine |further |imaging )?follow-?up|fleischner|lung-?rads"
              // "recommend CT chest for further characterisation"
              + "|ct(?: chest| thorax)? for (?:further )?(?:characteri[sz]ation|evaluation|assessment)"
              + "|dedicated ct)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern OTHER_ORGAN_WORDS =
      Pattern.compile(
          "\\b(?:adrenal|renal|kidneys?|liver|hepat\\w*|pancrea\\w*|spleen|splenic|ovar\\w*"
              + "|adnex\\w*|thyroid|breast|prostat\\w*|bones?|osseous|aort\\w*|cysts?|bowel|colon"
              + "|gallbladder|uter\\w*|testi\\w*)\\b",
          Pattern.CASE_INSENSITIVE);

  /** Routine management (annual screening, no follow-up): it fits only a nodule of no concern. */
  private static final Pattern ROUTINE_MANAGEMENT =
      Pattern.compile(
          "\\b(?:annual|12 months|twelve months|1 year|one year|no (?:routine |further |imaging )?"
              + "follow-?up|continue (?:annual )?screening)\\b",
          Pattern.CASE_INSENSITIVE);

  /** Short-interval or diagnostic management, which fits any nodule. */
  private static final Pattern WORK_UP =
      Pattern.compile(
          "\\b(?:pet(?:[/ -]?ct)?|tissue sampling|biopsy|diagnostic (?:chest )?ct"
              + "|(?:in|at)\\s+(?:[1-6](?:\\s*(?:-|to)\\s*\\d+)?|one|two|three|six)\\s+months?"
              + "|\\d\\s*(?:-|to)\\s*\\d+\\s+months|months)\\b",
          Pattern.CASE_INSENSITIVE);

  /** A follow-up for another purpose: the resolution of a pneumonia. */
  private static final Pattern OTHER_PURPOSE =
      Pattern.compile(
          "\\b(?:resolution|resolve|resolving|clearance|clear(?:ing)?|after (?:treatment|antibiotics))\\b",
          Pattern.CASE_INSENSITIVE);

  /** A nodule routine management fits: small, or called benign in its sentence. */
  private static final Pattern NO_CONCERN =
      Pattern.compile(
          "\\b(?:calcifi\\w*|popcorn|fat|fat-containing|perifissural|fissural|ground[- ]glass|benign"
              + "|granuloma\\w*|hamartoma|tiny|lymph node)\\b",
          Pattern.CASE_INSENSITIVE);

  private static boolean noduleManaged(
      TextAnalyzer.Section impression, String sentence, LesionFrame f) {
    boolean noConcern =
        NO_CONCERN.matcher(sentence).find()
            || f != null && f.overall().map(z -> z.longMm() < 6).orElse(false);
    for (int i = 0; i < impression.sentences.size(); i++) {
      String t = impression.sentenceText(i);
      if (!NODULE_MANAGEMENT.matcher(t).find()
          || OTHER_ORGAN_WORDS.matcher(t).find()
          || OTHER_PURPOSE.matcher(t).find()) {
        continue;
      }
      if (WORK_UP.matcher(t).find() || noConcern || !ROUTINE_MANAGEMENT.matcher(t).find()) {
        return true;
      }
    }
    return false;
  }

  /**
   * A small effusion (not more than small, not new or increasing) beside a grave finding the
   * impression reports (a concept ranked >= 75: dissection, embolism, lung mass, pneumothorax) goes
   * with it, as a parapneumonic one goes with its pneumonia.
   */
  private static boolean besideGraveFinding(
      TextAnalyzer.Section findings, TextAnalyzer.Mention m, TextAnalyzer.Section impression) {
    String sentence = findings.sentenceText(m.sentence());
    if (!MILD.matcher(sentence).find() || MORE_THAN_MILD.matcher(sentence).find()) {
      return false;
    }
    return impression.mentions.stream()
        .anyMatch(i -> i.certainty() == Certainty.PRESENT && i.concept().rank() >= 75);
  }

  /**
   * A small effusion beside a pneumonia the impression reports on its side ("Small left pleural
   * effusion." with "Left lower lobe pneumonia.") is parapneumonic, part of what is reported.
   */
  static boolean parapneumonic(
      TextAnalyzer.Section findings, TextAnalyzer.Mention m, TextAnalyzer.Section impression) {
    String sentence = findings.sentenceText(m.sentence());
    if (!m.concept().id().equals("pleural_effusion")
        || !MILD.matcher(sentence).find()
        || MORE_THAN_MILD.matcher(sentence).find()) {
      return false;
    }
    String side = sideOf(sentence);
    for (TextAnalyzer.Mention i : impression.mentions) {
      String id = i.concept().id();
      if (i.certainty() == Certainty.PRESENT
          && (id.equals("pneumonia") || id.equals("consolidation"))) {
        String there = sideOf(impression.sentenceText(i.sentence()));
        if (side.isEmpty() || there.isEmpty() || side.equals(there)) {
          return true;
        }
      }
    }
    return false;
  }

  /** An organ-line heading that owns the sentence's words: "Pericardium: small effusion." */
  private static final Pattern HEADING = Pattern.compile("^\\s*([a-z][a-z /&,-]{0,40}):\\s*");

  private static final Pattern PERICARDIUM =
      Pattern.compile("\\bpericardi\\w*", Pattern.CASE_INSENSITIVE);

  private static final Pattern NOT_PLEURAL_SPACE =
      Pattern.compile(
          "\\b(?:pericardi\\w*|joints?|knee|hip|shoulder|ankle|elbow|wrist|bursa\\w*|peritone\\w*"
              + "|abdomen|pelvis|ascites)\\b",
          Pattern.CASE_INSENSITIVE);

  /** An impression's words for a pericardial effusion, or the condition it is part of. */
  static final Pattern PERICARDIAL_REPORTED =
      Pattern.compile(
          "\\b(?:pericardi\\w*|tamponade|ha?emopericardium|dissection)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * A bare "effusion" under an organ-line heading that names another space than the pleura
   * ("Pericardium: small effusion.", "Knee joint: moderate effusion.") is that space's fluid, not a
   * pleural effusion; a pericardial one the impression neither names nor sums up (a dissection,
   * tamponade) is flagged as such here.
   */
  static boolean effusionUnderAnotherHeading(
      TextAnalyzer.Section findings,
      TextAnalyzer.Mention m,
      TextAnalyzer.Section impression,
      List<Flag> flags) {
    String word = findings.text.substring(m.start(), m.end()).toLowerCase(Locale.ROOT);
    if (!m.concept().id().equals("pleural_effusion") || !word.startsWith("effusion")) {
      return false;
    }
    int sentenceStart = findings.sentences.get(m.sentence()).start();
    Matcher h =
        HEADING.matcher(findings.text.substring(sentenceStart, m.start()).toLowerCase(Locale.ROOT));
    if (!h.find()
        || !NOT_PLEURAL_SPACE.matcher(h.group(1)).find()
        || h.group(1).contains("pleura")) {
      return false;
    }
    if (PERICARDIUM.matcher(h.group(1)).find()
        && !PERICARDIAL_REPORTED.matcher(reportingSentences(impression)).find()) {
      flags.add(
          Flag.of(
              FlagType.FINDING_NOT_IN_IMPRESSION,
              Severity.WARNING,
              "Pericardial effusion is in the findings but not in the impression",
              List.of(
                  findings.evidence(m.start(), m.end()), findings.sentenceEvidence(m.sentence()))));
    }
    return true;
  }

  /** A pleural drain in place (not one removed). */
  private static final Pattern DRAIN =
      Pattern.compile(
          "\\b(?:chest|pleural|intercostal|thoracostomy|pigtail|apical|basal)\\s+(?:drain|tube"
              + "|catheter)s?\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern DRAIN_GONE =
      Pattern.compile(
          "\\b(?:removed|removal|withdrawn|dislodged|no longer|kinked|malposition\\w*)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern SIDE_WORD =
      Pattern.compile("\\b(right|left|bilateral)\\b", Pattern.CASE_INSENSITIVE);

  /**
   * A small pleural collection on the side of a pleural drain in place ("Right chest drain in situ.
   * Small right effusion.") is what the drain is treating, not a new finding; unless more than
   * small, new or increasing.
   */
  static boolean underItsDrain(TextAnalyzer.Section findings, TextAnalyzer.Mention m) {
    String id = m.concept().id();
    if (!id.equals("pleural_effusion") && !id.equals("pneumothorax")) {
      return false;
    }
    String sentence = findings.sentenceText(m.sentence());
    if (MORE_THAN_MILD.matcher(sentence).find()) {
      return false;
    }
    // the side word nearest before the finding ("Right drain with a small left effusion": left)
    String side = "";
    Matcher near =
        SIDE_WORD.matcher(
            findings.text.substring(findings.sentences.get(m.sentence()).start(), m.start()));
    while (near.find()) {
      side = near.group(1).toLowerCase(Locale.ROOT);
    }
    for (int i = 0; i < findings.sentences.size(); i++) {
      String t = findings.sentenceText(i);
      Matcher d = DRAIN.matcher(t);
      if (d.find()
          && !DRAIN_GONE.matcher(t).find()
          && !NOT_BEFORE.matcher(t.substring(0, d.start())).find()) {
        String drainSide = sideOf(t);
        if (side.isEmpty() || drainSide.isEmpty() || side.equals(drainSide)) {
          return true;
        }
      }
    }
    return false;
  }

  private static String sideOf(String sentence) {
    Matcher s = SIDE_WORD.matcher(sentence);
    return s.find() ? s.group(1).toLowerCase(Locale.ROOT) : "";
  }
}
