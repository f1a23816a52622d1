package org.radassist.drafting.internal.engine.frames;

/**
 * How the text asserts a finding, after ConText (Harkema et al., J Biomed Inform 2009): each
 * modifier is independent ("no history of" is negated and historical).
 *
 * @param negated the finding is said to be absent ("no effusion", "nodule is not seen")
 * @param possible the finding is uncertain ("possible pneumonia", "cannot be excluded")
 * @param historical the finding belongs to the past ("history of", "has resolved", "status post")
 * @param hypothetical the finding is conditional or looked for ("if", "to exclude", "evaluate for")
 * @param otherExperiencer the finding is someone else's ("family history of", "mother had")
 */
public record Assertion(
    boolean negated,
    boolean possible,
    boolean historical,
    boolean hypothetical,
    boolean otherExperiencer) {
  public static final Assertion PRESENT = new Assertion(false, false, false, false, false);

  /** Said to be there now, for this patient (possibly, i.e. uncertain, counts as said). */
  public boolean positive() {
    return !negated && !historical && !hypothetical && !otherExperiencer;
  }

  /** Said to be there now, for this patient, without hedging. */
  public boolean definite() {
    return positive() && !possible;
  }

  /** A short label for display and evaluation: the strongest modifier. */
  public String label() {
    if (otherExperiencer) {
      return "other_experiencer";
    }
    if (hypothetical) {
      return "hypothetical";
    }
    if (negated) {
      return "negated";
    }
    if (historical) {
      return "historical";
    }
    return possible ? "possible" : "present";
  }
}
