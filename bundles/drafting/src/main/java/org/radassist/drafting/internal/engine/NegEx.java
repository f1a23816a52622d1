package org.radassist.drafting.internal.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Sentence-level negation and uncertainty after NegEx (Chapman et al., J Biomed Inform 2001):
 * trigger phrases open a scope forwards (pre-triggers, e.g. "no", "without", "possible") or
 * backwards (post-triggers, e.g. "is not seen", "cannot be excluded") that runs to the sentence
 * end, a termination term ("but", "however", "which") or a ';'. Commas do not end a scope, so a
 * list negation "No pneumothorax, effusion, or nodules" negates all three. Pseudo-triggers ("no
 * change", "not only") are skipped.
 */
final class NegEx {
  enum Kind {
    PRE_NEGATION,
    POST_NEGATION,
    PRE_UNCERTAIN,
    POST_UNCERTAIN,
    PSEUDO,
    TERMINATION
  }

  private final PhraseMatcher<Kind> triggers = new PhraseMatcher<>();

  NegEx() {
    add(
        Kind.PRE_NEGATION,
        "no",
        "not",
        "without",
        "negative for",
        "no evidence of",
        "no evidence for",
        "no signs of",
        "no sign of",
        "free of",
        "absence of",
        "absent",
        "no findings of",
        "no findings to suggest",
        "rules out",
        "ruled out",
        "resolution of",
        "resolved",
        "no longer",
        "clear of",
        "nor",
        "denies",
        "never",
        "none",
        "neither",
        "no radiographic evidence of",
        "no definite",
        "no acute",
        "no significant",
        "no focal",
        "no large",
        "no visible",
        "removal of",
        "interval removal of",
        "there is no",
        "there are no",
        "without evidence of",
        "no suspicious");
    add(
        Kind.POST_NEGATION,
        "is not seen",
        "are not seen",
        "not seen",
        "not identified",
        "is not identified",
        "are not identified",
        "not present",
        "is absent",
        "are absent",
        "has resolved",
        "have resolved",
        "not visualized",
        "not evident",
        "not demonstrated",
        "not appreciated",
        "is ruled out",
        "unlikely",
        "no longer seen",
        "has been removed",
        "have been removed",
        "is excluded",
        "not detected");
    add(
        Kind.PRE_UNCERTAIN,
        "possible",
        "possibly",
        "probable",
        "probably",
        "likely",
        "may represent",
        "may be",
        "might be",
        "could represent",
        "could be",
        "suspicious for",
        "concerning for",
        "suggestive of",
        "suggesting",
        "suggests",
        "questionable",
        "question of",
        "cannot exclude",
        "can not exclude",
        "cannot rule out",
        "can not rule out",
        "difficult to exclude",
        "not excluded",
        "equivocal",
        "versus",
        "vs",
        "differential",
        "differential includes",
        "consider",
        "considered",
        "presumed",
        "presumably",
        "suspected",
        "suspect",
        "indeterminate",
        "borderline for",
        "raises the possibility of",
        "rule out",
        "r/o",
        "worrisome for",
        "compatible with",
        "favored",
        "favor");
    add(
        Kind.POST_UNCERTAIN,
        "cannot be excluded",
        "can not be excluded",
        "not excluded",
        "is not excluded",
        "cannot be ruled out",
        "can not be ruled out",
        "is possible",
        "is suspected",
        "is questioned",
        "is not entirely excluded",
        "not entirely excluded",
        "is considered");
    add(
        Kind.PSEUDO,
        "no change",
        "no interval change",
        "no significant change",
        "no significant interval change",
        "not only",
        "no increase",
        "no decrease",
        "without change",
        "not necessarily",
        "not certain if",
        "not certain whether",
        "gram negative",
        "no further",
        "not changed",
        "without interval change",
        "no appreciable change",
        "no definite change");
    add(
        Kind.TERMINATION,
        "but",
        "however",
        "although",
        "though",
        "except",
        "aside from",
        "apart from",
        "which",
        "otherwise",
        "with the exception of",
        "there is",
        "there are",
        "there has been",
        "is seen",
        "are seen",
        "is present",
        "are present",
        "is noted",
        "are noted",
        "consistent with",
        "secondary to",
        "due to",
        ";",
        ":",
        "while",
        "whereas",
        "and there is",
        "reflecting",
        "representing");
  }

  private void add(Kind kind, String... phrases) {
    for (String p : phrases) {
      triggers.add(p, kind);
    }
  }

  /** A trigger found in a sentence: tokens [from, to). */
  record Trigger(Kind kind, int from, int to) {}

  /** The triggers of a sentence, longest match first, without overlaps. */
  List<Trigger> triggers(List<Token> sentence) {
    List<Trigger> out = new ArrayList<>();
    for (PhraseMatcher.Match<Kind> m : triggers.findAll(sentence)) {
      out.add(new Trigger(m.value(), m.from(), m.to()));
    }
    return out;
  }

  /**
   * The certainty of the phrase at tokens [from, to) of a sentence whose triggers are given.
   * Negation wins over uncertainty ("no definite pneumothorax" is negated).
   */
  static Certainty certainty(List<Trigger> triggers, int from, int to) {
    boolean negated = false;
    boolean uncertain = false;
    for (int t = 0; t < triggers.size(); t++) {
      Trigger tr = triggers.get(t);
      switch (tr.kind()) {
        case PRE_NEGATION, PRE_UNCERTAIN -> {
          if (tr.to() <= from && scopeEndAfter(triggers, t) >= to) {
            if (tr.kind() == Kind.PRE_NEGATION) {
              negated = true;
            } else {
              uncertain = true;
            }
          }
        }
        case POST_NEGATION, POST_UNCERTAIN -> {
          if (tr.from() >= to && scopeStartBefore(triggers, t) <= from) {
            if (tr.kind() == Kind.POST_NEGATION) {
              negated = true;
            } else {
              uncertain = true;
            }
          }
        }
        default -> {}
      }
    }
    return negated ? Certainty.NEGATED : uncertain ? Certainty.UNCERTAIN : Certainty.PRESENT;
  }

  /** A forward scope ends at the next termination or a pre-trigger of the other polarity. */
  private static int scopeEndAfter(List<Trigger> triggers, int t) {
    Trigger self = triggers.get(t);
    for (int k = t + 1; k < triggers.size(); k++) {
      Trigger next = triggers.get(k);
      if (next.kind() == Kind.TERMINATION
          || (next.kind() == Kind.PRE_UNCERTAIN && self.kind() == Kind.PRE_NEGATION)
          || (next.kind() == Kind.POST_NEGATION || next.kind() == Kind.POST_UNCERTAIN)) {
        return next.from();
      }
    }
    return Integer.MAX_VALUE;
  }

  /** A backward scope starts after the previous termination or trigger. */
  private static int scopeStartBefore(List<Trigger> triggers, int t) {
    for (int k = t - 1; k >= 0; k--) {
      Trigger prev = triggers.get(k);
      if (prev.kind() != Kind.PSEUDO) {
        return prev.to();
      }
    }
    return 0;
  }
}
