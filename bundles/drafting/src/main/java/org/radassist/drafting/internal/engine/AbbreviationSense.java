package org.radassist.drafting.internal.engine;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Shorthand with a second meaning in radiology: the lexicon's expansion applies only where the
 * sentence is not about the other sense ("LAD" is lymphadenopathy, but in "mid LAD stenosis" it is
 * the left anterior descending artery). Round 33 (om17).
 */
final class AbbreviationSense {

  /** Abbreviation -> words that place it in its other sense (coronary anatomy for "lad"). */
  private static final Map<String, Set<String>> OTHER_SENSE =
      Map.of(
          "lad",
          Set.of(
              "artery",
              "arteries",
              "coronary",
              "coronaries",
              "stenosis",
              "stenoses",
              "stent",
              "stents",
              "stented",
              "plaque",
              "plaques",
              "occlusion",
              "occluded",
              "lumen",
              "diagonal",
              "circumflex",
              "lcx",
              "rca",
              "cx",
              "om",
              "graft",
              "grafts",
              "lima",
              "rima",
              "svg",
              "cabg",
              "cad-rads",
              "cad",
              "calcium",
              "calcified",
              "calcification",
              "ffr",
              "myocardial",
              "bridging",
              "bridge",
              "territory",
              "ostial",
              "ostium",
              "proximal",
              "mid",
              "distal",
              "vessel",
              "angiogram",
              "angiography",
              "pci"),
          // round 36 (cx17): "pes planus / cavus / anserinus" is the foot or the knee's tendons,
          // not pulmonary emboli
          "pes",
          Set.of(
              "planus",
              "cavus",
              "planovalgus",
              "valgus",
              "equinus",
              "adductus",
              "anserinus",
              "anserine",
              "foot",
              "feet"));

  private AbbreviationSense() {}

  /**
   * Whether the shorthand at tokens [from, to) is meant in its other sense: a word of that sense
   * stands in the same sentence (tokens up to the nearest full stop either side).
   */
  static boolean otherSense(String text, List<Token> tokens, int from, int to) {
    if (to - from != 1) {
      return false;
    }
    Set<String> words = OTHER_SENSE.get(tokens.get(from).norm());
    if (words == null) {
      return false;
    }
    for (int i = from - 1; i >= 0 && !breaks(text, tokens.get(i), tokens.get(i + 1)); i--) {
      if (words.contains(tokens.get(i).norm())) {
        return true;
      }
    }
    for (int i = to; i < tokens.size() && !breaks(text, tokens.get(i - 1), tokens.get(i)); i++) {
      if (words.contains(tokens.get(i).norm())) {
        return true;
      }
    }
    return false;
  }

  /** Whether a sentence ends between two neighbouring tokens (the tokens hold no full stops). */
  private static boolean breaks(String text, Token before, Token after) {
    for (int k = before.end(); k < after.start() && k < text.length(); k++) {
      if (".!?\n".indexOf(text.charAt(k)) >= 0) {
        return true;
      }
    }
    return false;
  }
}
