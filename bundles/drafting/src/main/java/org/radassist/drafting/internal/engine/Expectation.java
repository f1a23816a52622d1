package org.radassist.drafting.internal.engine;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Findings the report says are expected: "free air, expected after recent laparoscopy",
 * "postoperative pneumoperitoneum". Larson's category 1 lists <em>unexpected</em> free air; air the
 * radiologist calls the expected result of a procedure is neither a critical result nor an omission
 * from the impression. An explicit "expected" scopes over any finding of its sentence; the words of
 * a procedure ("postoperative", "after surgery", "status post") only over findings a procedure
 * normally leaves (air / gas, a scar), since postoperative haemorrhage or abscess still matters.
 * "More than expected", "unexpected", "increasing" or "no recent surgery" undo it.
 */
final class Expectation {
  private static final Pattern EXPECTED =
      Pattern.compile(
          "\\b(?:expected|anticipated|as expected|in keeping with (?:the )?recent (?:surgery|procedure))\\b"
              // a finding named by its cause: "surgical emphysema" is air a procedure left
              + "|\\bsurgical emphysema\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern PROCEDURE =
      Pattern.compile(
          "\\b(?:post-?\\s?operative(?:ly)?|post-?\\s?surgical|post-?\\s?procedur(?:al|e)|status post|s/p"
              // round 26 (om4): scarring radiotherapy leaves ("post-radiation fibrosis")
              + "|post-?\\s?(?:radiation|radiotherapy|chemoradiation|chemoradiotherapy|treatment)"
              + "|radiation[- ](?:induced|related)"
              + "|(?:after|following|since)\\s+(?:the\\s+|a\\s+|recent\\s+|his\\s+|her\\s+)*"
              + "(?:\\w+\\s+)?(?:surgery|operation|laparoscop\\w*|laparotom\\w*|procedure|resection"
              + "|cholecystectomy|appendicectomy|appendectomy|colectomy|peritoneal dialysis|biopsy"
              + "|insertion|placement|drainage))\\b"
              + "|\\b(?:prior|previous|recent)\\s+(?:\\w+\\s+)?(?:\\w+ectomy|\\w+otomy|\\w+oscopy|surgery|operation"
              + "|resection|biopsy|radiotherapy|radiation|insertion|placement|drainage)\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern UNDONE =
      Pattern.compile(
          "\\b(?:unexpected(?:ly)?|not expected|(?:more|larger|greater|bigger) than (?:would be )?expected"
              + "|out of proportion|increas\\w*|enlarg\\w*|new since"
              + "|(?:no|without|denies)\\s+(?:\\w+\\s+)?(?:surgery|operation|procedure|intervention|instrumentation)"
              // "no intervention required" speaks of management, not of a procedure not done
              + "(?!\\s+(?:is\\s+|was\\s+)?(?:required|needed|necessary|indicated|warranted)"
              // "tiny expected pneumothorax, no intervention.": a management, said at clause end
              + "|(?<=\\bno intervention)\\s*(?:[.,;:]|$)))\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * Round 35 (cx16): free gas said by its sign ("air beneath the right hemidiaphragm",
   * "subdiaphragmatic lucency"): the same air a procedure leaves as "pneumoperitoneum".
   */
  private static final String GAS_UNDER_DIAPHRAGM =
      "(?:air|gas|lucency|lucencies)\\s+(?:is\\s+|are\\s+)?(?:seen\\s+|noted\\s+)?"
          + "(?:under|beneath|below)\\s+(?:the\\s+|both\\s+)?(?:right\\s+|left\\s+)?"
          + "(?:hemi-?diaphragms?|diaphragms?|domes?)"
          + "|subdiaphragmatic\\s+(?:air|gas|lucency|lucencies)";

  /** Findings a procedure itself leaves behind: air or gas where there is normally none. */
  private static final Pattern PROCEDURAL_FINDING =
      Pattern.compile(
          "\\b(?:free (?:intraperitoneal |subdiaphragmatic )?(?:air|gas)|pneumoperitoneum"
              + "|"
              + GAS_UNDER_DIAPHRAGM
              + "|extraluminal (?:air|gas)|intraperitoneal (?:air|gas)|pneumomediastinum"
              + "|scar|scars|scarring|fibrosis|fibrotic|post-?surgical change\\w*"
              + "|subcutaneous (?:emphysema|air|gas)|surgical emphysema)\\b",
          Pattern.CASE_INSENSITIVE);

  /** Air in the soft tissues: what any operation through the skin leaves behind for days. */
  private static final Pattern SOFT_TISSUE_AIR =
      Pattern.compile(
          "\\b(?:subcutaneous (?:emphysema|air|gas)|surgical emphysema|soft[- ]tissue (?:air|gas|emphysema))\\b",
          Pattern.CASE_INSENSITIVE);

  private Expectation() {}

  /**
   * True when the report's context (indication, findings) states a procedure ("Day 1 after right
   * upper lobectomy", "Post-operative check") and {@code finding} is soft-tissue air, which that
   * procedure leaves: expected even when its own sentence does not name the operation. Only for the
   * omission check; unexpected free air stays a critical result unless its sentence explains it.
   */
  static boolean expectedAfterStatedProcedure(String context, String sentence, String finding) {
    return SOFT_TISSUE_AIR.matcher(finding).find()
        && !UNDONE.matcher(sentence).find()
        && (PROCEDURE.matcher(context).find() || POST_OP.matcher(context).find());
  }

  /** "Post-op check", "day 2 post lobectomy": the exam follows an operation. */
  private static final Pattern POST_OP =
      Pattern.compile(
          "\\b(?:post-?\\s?op\\b|post\\s+\\w+ectomy|post\\s+\\w+otomy|day \\d+ (?:after|post|following))",
          Pattern.CASE_INSENSITIVE);

  /** True when {@code sentence} calls {@code finding} (words of that sentence) expected. */
  /**
   * True when {@code finding} is air a procedure leaves (free air, pneumoperitoneum) and the report
   * calls that air expected in another sentence ("Small pneumoperitoneum, expected after recent
   * laparotomy." explains "Small volume free air under the right hemidiaphragm."), unless the
   * finding's own sentence undoes it ("increasing", "more than expected").
   */
  static boolean airExpectedElsewhere(List<String> sentences, String sentence, String finding) {
    if (!PROCEDURAL_AIR.matcher(finding).find() || UNDONE.matcher(sentence).find()) {
      return false;
    }
    for (String other : sentences) {
      Matcher m = PROCEDURAL_AIR.matcher(other);
      if (m.find() && expected(other, m.group())) {
        return true;
      }
    }
    return false;
  }

  private static final Pattern PROCEDURAL_AIR =
      Pattern.compile(
          "\\b(?:free (?:intraperitoneal |subdiaphragmatic )?(?:air|gas)|pneumoperitoneum"
              + "|"
              + GAS_UNDER_DIAPHRAGM
              + "|extraluminal (?:air|gas)|intraperitoneal (?:air|gas))\\b",
          Pattern.CASE_INSENSITIVE);

  /** The words of a needle procedure the radiologist performs: "post-biopsy", "after the FNA". */
  private static final Pattern AFTER_NEEDLE_PROCEDURE =
      Pattern.compile(
          "\\b(?:post-?\\s?(?:procedur(?:al|e)|biopsy)|procedure[- ]related"
              + "|(?:after|following)\\s+(?:the\\s+|a\\s+)?(?:[\\w-]+\\s+){0,2}?"
              + "(?:biopsy|procedure|fna|aspiration))\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern SMALL =
      Pattern.compile("\\b(?:small|tiny|trace|minimal|minute|sliver)\\b", Pattern.CASE_INSENSITIVE);

  /**
   * The routine watch after a needle biopsy: a check film in hours, no drain, conservative care.
   */
  private static final Pattern ROUTINE_WATCH =
      Pattern.compile(
          "\\b(?:(?:radiograph|x-ray|cxr|film)\\s+(?:in|at|after)\\s+\\d+\\s*(?:h|hrs?|hours?)"
              + "|per protocol|(?:managed|treated)\\s+conservatively|conservative management"
              + "|no\\s+(?:further\\s+)?(?:intervention|drain|chest\\s+(?:drain|tube)|aspiration)"
              + "|not\\s+requir\\w*\\s+(?:any\\s+)?(?:intervention|a\\s+drain|a\\s+chest\\s+(?:drain|tube)))\\b",
          Pattern.CASE_INSENSITIVE);

  /** A drain asked for or placed: the pneumothorax is treated, not watched. */
  private static final Pattern DRAIN_PLANNED =
      Pattern.compile(
          "\\b(?:drain|chest\\s+tube|aspiration)\\s+(?:is\\s+|was\\s+)?(?:advised|recommended|inserted"
              + "|placed|considered|required|needed|indicated)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * Round 33 (cx14): a small pneumothorax the report places after the needle procedure of this exam
   * ("small apical pneumothorax following biopsy", "small post-procedural pneumothorax") and
   * manages by the routine watch (a check radiograph in hours, no drain, conservative care) is the
   * expected post-procedural finding, though the word "expected" is not said: the operator knows it
   * and the protocol handles it. Every sentence naming the pneumothorax must call it small and say
   * nothing more (moderate, larger, tension); a pneumothorax after a line insertion is a
   * complication, not the known result of the procedure.
   */
  static boolean routinePostProcedurePneumothorax(List<String> sentences) {
    boolean after = false;
    boolean routine = false;
    for (String t : sentences) {
      if (DRAIN_PLANNED.matcher(t).find() && !ROUTINE_WATCH.matcher(t).find()) {
        return false;
      }
      routine |= ROUTINE_WATCH.matcher(t).find();
      if (!t.toLowerCase(java.util.Locale.ROOT).contains("pneumothora")) {
        continue;
      }
      if (UNDONE.matcher(t).find() || BEYOND_SMALL.matcher(t).find() || !SMALL.matcher(t).find()) {
        return false;
      }
      after |= AFTER_NEEDLE_PROCEDURE.matcher(t).find();
    }
    return after && routine;
  }

  private static final Pattern BEYOND_SMALL =
      Pattern.compile(
          "\\b(?:moderate|large|larger|tension|enlarg\\w*|increas\\w*|worse\\w*|hydro\\w*"
              + "|ha?emo\\w*pneumothora\\w*|mediastinal shift)\\b",
          Pattern.CASE_INSENSITIVE);

  static boolean expected(String sentence, String finding) {
    if (UNDONE.matcher(sentence).find()) {
      return false;
    }
    if (EXPECTED.matcher(sentence).find()) {
      return true;
    }
    return PROCEDURAL_FINDING.matcher(finding).find() && PROCEDURE.matcher(sentence).find();
  }
}
