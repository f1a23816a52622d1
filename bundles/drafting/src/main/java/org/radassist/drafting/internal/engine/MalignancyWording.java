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
}
