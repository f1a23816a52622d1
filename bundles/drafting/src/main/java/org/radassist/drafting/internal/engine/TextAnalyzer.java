package org.radassist.drafting.internal.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.radassist.drafting.internal.engine.frames.Assertion;
import org.radassist.drafting.internal.engine.frames.ConText;
import org.radassist.model.Evidence;
import org.radassist.model.SectionKind;

/**
 * Reads one section of report text: its sentences, the finding concepts each sentence mentions with
 * their certainty (ConText: negated, historical, hypothetical and other-experiencer mentions are
 * not positive; possible ones are uncertain) and side, and its measurements. Thread-safe once
 * built.
 */
final class TextAnalyzer {
  private final PhraseMatcher<EngineTables.Concept> concepts = new PhraseMatcher<>();
  private final ConText conText = new ConText();

  TextAnalyzer(EngineTables tables) {
    for (EngineTables.Concept c : tables.concepts()) {
      for (String t : c.terms()) {
        concepts.add(t, c);
      }
    }
  }

  /** A concept mention. {@code side} is "right", "left", "bilateral" or "" for its sentence. */
  record Mention(
      EngineTables.Concept concept,
      SectionKind section,
      int sentence,
      int start,
      int end,
      Certainty certainty,
      String side) {
    boolean positive() {
      return certainty != Certainty.NEGATED;
    }
  }

  /** A size in the text: [start, end), long and short axis in mm (short = long if one given). */
  record Size(int start, int end, double longMm, double shortMm, int sentence) {}

  /** One analysed section. */
  final class Section {
    final SectionKind kind;
    final String text;
    final List<Sentences.Span> sentences;
    final List<List<Token>> tokens = new ArrayList<>();
    final List<List<ConText.Trigger>> triggers = new ArrayList<>();
    final List<Mention> mentions = new ArrayList<>();
    final List<Size> sizes = new ArrayList<>();

    Section(SectionKind kind, String text) {
      this.kind = kind;
      this.text = text;
      this.sentences = Sentences.split(text);
      for (int s = 0; s < sentences.size(); s++) {
        Sentences.Span span = sentences.get(s);
        List<Token> local = new ArrayList<>();
        for (Token t : Token.tokenize(span.of(text))) {
          local.add(new Token(t.norm(), t.start() + span.start(), t.end() + span.start()));
        }
        tokens.add(local);
        List<ConText.Trigger> tr = conText.triggers(local);
        triggers.add(tr);
        String side = side(local);
        for (PhraseMatcher.Match<EngineTables.Concept> m : concepts.findAll(local)) {
          mentions.add(
              new Mention(
                  m.value(),
                  kind,
                  s,
                  local.get(m.from()).start(),
                  local.get(m.to() - 1).end(),
                  certaintyOf(ConText.assertion(tr, m.from(), m.to())),
                  side));
        }
      }
      findSizes();
    }

    /** The certainty of a phrase in a sentence, with its token range there. */
    Certainty certainty(int sentence, int fromToken, int toToken) {
      return certaintyOf(ConText.assertion(triggers.get(sentence), fromToken, toToken));
    }

    /** Evidence for [start, end) of this section. */
    Evidence evidence(int start, int end) {
      return Evidence.of(kind, text, start, end);
    }

    /** Evidence for a whole sentence. */
    Evidence sentenceEvidence(int sentence) {
      Sentences.Span s = sentences.get(sentence);
      return evidence(s.start(), s.end());
    }

    String sentenceText(int sentence) {
      return sentences.get(sentence).of(text);
    }

    /** The sentence holding character offset {@code at}, or -1. */
    int sentenceAt(int at) {
      for (int s = 0; s < sentences.size(); s++) {
        if (at >= sentences.get(s).start() && at < sentences.get(s).end()) {
          return s;
        }
      }
      return -1;
    }

    private void findSizes() {
      Matcher m = SIZE.matcher(text);
      while (m.find()) {
        double factor = m.group(4).equalsIgnoreCase("cm") ? 10 : 1;
        double a = Double.parseDouble(m.group(1)) * factor;
        double b = m.group(2) == null ? a : Double.parseDouble(m.group(2)) * factor;
        double c = m.group(3) == null ? 0 : Double.parseDouble(m.group(3)) * factor;
        double longer = Math.max(a, Math.max(b, c));
        double shorter = m.group(2) == null ? a : Math.min(a, b);
        sizes.add(new Size(m.start(), m.end(), longer, shorter, sentenceAt(m.start())));
      }
    }
  }

  private static final Pattern SIZE =
      Pattern.compile(
          "(?<![\\d.])(\\d{1,3}(?:\\.\\d{1,2})?)(?:\\s*(?:x|by|\\u00d7)\\s*(\\d{1,3}(?:\\.\\d{1,2})?))?"
              + "(?:\\s*(?:x|by|\\u00d7)\\s*(\\d{1,3}(?:\\.\\d{1,2})?))?\\s*(mm|cm)\\b",
          Pattern.CASE_INSENSITIVE);

  /** The engine's three-valued certainty of a ConText assertion. */
  static Certainty certaintyOf(Assertion a) {
    return !a.positive()
        ? Certainty.NEGATED
        : a.possible() ? Certainty.UNCERTAIN : Certainty.PRESENT;
  }

  Section analyze(SectionKind kind, String text) {
    return new Section(kind, text);
  }

  private static String side(List<Token> tokens) {
    boolean right = false;
    boolean left = false;
    for (Token t : tokens) {
      switch (t.norm()) {
        case "right" -> right = true;
        case "left" -> left = true;
        case "bilateral", "bilaterally", "bibasilar", "biapical", "both" -> {
          right = true;
          left = true;
        }
        default -> {}
      }
    }
    return right && left ? "bilateral" : right ? "right" : left ? "left" : "";
  }
}
