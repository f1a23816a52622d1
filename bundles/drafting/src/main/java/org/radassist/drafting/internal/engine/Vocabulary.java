package org.radassist.drafting.internal.engine;

import java.util.ArrayList;
import java.util.List;

/** Phrases that stand for a value (e.g. "ground glass" -> GROUND_GLASS), found with certainty. */
final class Vocabulary {
  private final PhraseMatcher<String> matcher = new PhraseMatcher<>();

  /** A phrase found in a section: sentence index, character span, certainty. */
  record Hit(String value, int sentence, int start, int end, Certainty certainty) {
    boolean positive() {
      return certainty != Certainty.NEGATED;
    }
  }

  Vocabulary put(String value, String... phrases) {
    for (String p : phrases) {
      matcher.add(p, value);
    }
    return this;
  }

  List<Hit> hits(TextAnalyzer.Section section) {
    List<Hit> out = new ArrayList<>();
    for (int s = 0; s < section.tokens.size(); s++) {
      hitsIn(section, s, out);
    }
    return out;
  }

  List<Hit> hitsIn(TextAnalyzer.Section section, int s, List<Hit> out) {
    List<Token> tokens = section.tokens.get(s);
    for (PhraseMatcher.Match<String> m : matcher.findAll(tokens)) {
      out.add(
          new Hit(
              m.value(),
              s,
              tokens.get(m.from()).start(),
              tokens.get(m.to() - 1).end(),
              section.certainty(s, m.from(), m.to())));
    }
    return out;
  }

  /** The first positive hit in a sentence, or null. */
  Hit firstPositiveIn(TextAnalyzer.Section section, int s) {
    for (Hit h : hitsIn(section, s, new ArrayList<>())) {
      if (h.positive()) {
        return h;
      }
    }
    return null;
  }

  /** The first hit of any certainty in the section, or null. */
  Hit first(TextAnalyzer.Section section) {
    List<Hit> all = hits(section);
    return all.isEmpty() ? null : all.get(0);
  }

  /**
   * Whether the section states one of these values of the patient, now or in the past ("history of
   * colon cancer" counts; "no", "rule out" or "family history of" do not).
   */
  boolean stated(TextAnalyzer.Section section, java.util.Set<String> values) {
    for (int s = 0; s < section.tokens.size(); s++) {
      for (PhraseMatcher.Match<String> m : matcher.findAll(section.tokens.get(s))) {
        if (!values.contains(m.value())) {
          continue;
        }
        var a =
            org.radassist.drafting.internal.engine.frames.ConText.assertion(
                section.triggers.get(s), m.from(), m.to());
        if (!a.negated() && !a.hypothetical() && !a.otherExperiencer()) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The hits of these values the section states of the patient (as {@link #stated}: not negated,
   * hypothetical or of someone else), for callers that weigh each one.
   */
  List<Hit> statedHits(TextAnalyzer.Section section, java.util.Set<String> values) {
    List<Hit> out = new ArrayList<>();
    for (int s = 0; s < section.tokens.size(); s++) {
      List<Token> tokens = section.tokens.get(s);
      for (PhraseMatcher.Match<String> m : matcher.findAll(tokens)) {
        if (!values.contains(m.value())) {
          continue;
        }
        var a =
            org.radassist.drafting.internal.engine.frames.ConText.assertion(
                section.triggers.get(s), m.from(), m.to());
        if (!a.negated() && !a.hypothetical() && !a.otherExperiencer()) {
          out.add(
              new Hit(
                  m.value(),
                  s,
                  tokens.get(m.from()).start(),
                  tokens.get(m.to() - 1).end(),
                  section.certainty(s, m.from(), m.to())));
        }
      }
    }
    return out;
  }

  /** Whether the section states one of these values of someone else ("father had lung cancer"). */
  boolean statedOfOthers(TextAnalyzer.Section section, java.util.Set<String> values) {
    for (int s = 0; s < section.tokens.size(); s++) {
      for (PhraseMatcher.Match<String> m : matcher.findAll(section.tokens.get(s))) {
        if (!values.contains(m.value())) {
          continue;
        }
        var a =
            org.radassist.drafting.internal.engine.frames.ConText.assertion(
                section.triggers.get(s), m.from(), m.to());
        if (a.otherExperiencer() && !a.negated() && !a.hypothetical()) {
          return true;
        }
      }
    }
    return false;
  }

  /** The first positive hit in the section, or null. */
  Hit firstPositive(TextAnalyzer.Section section) {
    for (Hit h : hits(section)) {
      if (h.positive()) {
        return h;
      }
    }
    return null;
  }
}
