package org.radassist.drafting.internal.engine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Round 35 (helper "sys16"): a suspected malignancy said in other words than the listed ones, read
 * for {@link CriticalResults#malignancySaid}. Each rule names what a radiologist means, not a
 * sentence: a staging named after the cancer is the next step, not a known cancer; a malignancy
 * that "was excluded" by a test is denied.
 */
final class MalignancyWording {

  private MalignancyWording() {}

  /** A staging named after the cancer: the next step ("...; staging CT recommended"). */
  private static final Pattern STAGING_WORD =
      Pattern.compile("\\b(?:re)?staging\\b", Pattern.CASE_INSENSITIVE);

  /**
   * The sentence with every "staging" that follows the first malignancy word blanked: "pancreatic
   * head adenocarcinoma ...; pancreatic protocol staging and MDT" plans a staging of a cancer this
   * exam found; a staging before it ("staging CT for rectal carcinoma") is the context and stays.
   *
   * @param sentence the sentence
   * @param malignancy the malignancy words
   * @return the sentence to test for known / treated / staged words
   */
  static String withoutPlannedStaging(String sentence, Pattern malignancy) {
    Matcher m = malignancy.matcher(sentence);
    if (!m.find()) {
      return sentence;
    }
    int first = m.end();
    String tail = STAGING_WORD.matcher(sentence.substring(first)).replaceAll(" ");
    return sentence.substring(0, first) + tail;
  }

  /** "... was / has been / is excluded (ruled out)": a denial said after the word. */
  private static final Pattern WAS_EXCLUDED =
      Pattern.compile(
          "^\\s+(?:was|were|has been|have been|is|are|had been)\\s+(?:\\w+\\s+)?"
              + "(?:excluded|ruled out)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * A malignancy denied by a test result after it ("malignancy was excluded at endoscopy").
   *
   * @param after the sentence after the malignancy word
   */
  static boolean excludedAfter(String after) {
    return WAS_EXCLUDED.matcher(after).find();
  }

  /**
   * The indication or history says the disease has spread, is treated or is being followed:
   * metastases are then the known disease's course unless said new.
   */
  private static final Pattern FOLLOWED_CONTEXT =
      Pattern.compile(
          "\\b(?:metasta\\w*|(?-i:[Mm]ets)|stage\\s*(?:iv|4)\\b|restag\\w*|follow[- ]?up|surveillance"
              + "|recurren\\w*|relapse\\w*|progress\\w*|respon\\w*|treated|treatment|therapy"
              + "|chemo\\w*|radiotherapy|immunotherapy|srs|post[- ]?(?:op\\w*|srs|chemo\\w*|resection)"
              + "|(?:after|status post|s/p)\\s+\\w+|resected|excised|lobectomy|mastectomy|\\w+ectomy"
              + "|on\\s+(?:\\w+\\s+)?(?:treatment|therapy|chemo\\w*))\\b",
          Pattern.CASE_INSENSITIVE);

  /** A comparison the report declines ("Comparison: none", "no prior imaging"). */
  private static final Pattern NO_COMPARISON =
      Pattern.compile(
          "\\b(?:comparison\\s*:?\\s*(?:none|nil|n/a)|no (?:prior|previous|comparison)\\s*"
              + "(?:imaging|studies|study|exams?|scans?|available)?)\\b",
          Pattern.CASE_INSENSITIVE);

  /** The report reads this exam against an earlier one or names disease already known. */
  private static final Pattern COMPARED =
      Pattern.compile(
          "\\b(?:compared?|comparison|prior|previous\\w*|since|interval\\w*|again|stable|unchanged"
              + "|known|as before|redemonstrat\\w*|persist\\w*|treated|respon\\w*|progress\\w*"
              + "|recurren\\w*|residual)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * Round 36 (helper "sys17"): this exam is the first look at a known primary's spread (initial
   * staging): no prior study, an indication that names no spread, treatment or follow-up, and a
   * report that compares with nothing and names nothing as known. A metastasis it asserts is then
   * found for the first time, said "new" or not (ACR category 3: it changes management).
   *
   * @param indication the indication and clinical history
   * @param dictation the whole dictation
   * @param priors whether prior studies were supplied
   */
  static boolean firstLook(String indication, String dictation, boolean priors) {
    return !priors
        && !FOLLOWED_CONTEXT.matcher(indication).find()
        && !COMPARED.matcher(NO_COMPARISON.matcher(dictation).replaceAll(" ")).find();
  }

  /** Clause ends inside a sentence. */
  private static final Pattern CLAUSE_END = Pattern.compile("[,;:]|\\s[-\u2013]\\s");

  /**
   * Round 36 (helper "sys17"): where to look for the words that make a metastasis known or
   * followed: from the clause of the last "new" before it (or its own clause) to its clause's end,
   * so a treated or responding lesion in another clause ("treated frontal deposit smaller, new
   * right cerebellar metastasis") does not silence the new one. Without a "new" before it, the
   * whole sentence.
   *
   * @param sentence the sentence, its denied "no new" blanked to the same length
   * @param newWord the new-finding words
   * @param at where the metastasis word starts
   * @param end where it ends
   */
  static String assertionRegion(String sentence, Pattern newWord, int at, int end) {
    Matcher n = newWord.matcher(sentence.substring(0, at));
    int lastNew = -1;
    while (n.find()) {
      lastNew = n.start();
    }
    if (lastNew < 0) {
      return sentence;
    }
    int from = 0;
    Matcher c = CLAUSE_END.matcher(sentence.substring(0, lastNew));
    while (c.find()) {
      from = c.end();
    }
    int to = sentence.length();
    Matcher e = CLAUSE_END.matcher(sentence);
    if (e.find(end)) {
      to = e.start();
    }
    return sentence.substring(from, to);
  }

  /**
   * The text with every match blanked to spaces of its length, so offsets stay valid.
   *
   * @param text the text
   * @param p what to blank
   */
  static String blanked(String text, Pattern p) {
    StringBuilder b = new StringBuilder(text);
    Matcher m = p.matcher(text);
    while (m.find()) {
      for (int i = m.start(); i < m.end(); i++) {
        b.setCharAt(i, ' ');
      }
    }
    return b.toString();
  }
}
