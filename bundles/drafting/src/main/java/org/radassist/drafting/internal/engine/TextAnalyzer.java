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

  /** Concepts found by the phrase patterns below (none for a concept missing from the table). */
  private final java.util.Map<Pattern, EngineTables.Concept> patterns =
      new java.util.LinkedHashMap<>();

  TextAnalyzer(EngineTables tables) {
    java.util.Map<String, EngineTables.Concept> byId = new java.util.HashMap<>();
    for (EngineTables.Concept c : tables.concepts()) {
      for (String t : c.terms()) {
        concepts.add(t, c);
      }
      byId.put(c.id(), c);
    }
    pattern(byId, CALCIFIED_NODES, "granuloma");
    pattern(byId, ENLARGED_HEART, "cardiomegaly");
    pattern(byId, CATHETER_TIP, "support_device");
    pattern(byId, VASCULAR_CONGESTION, "edema");
  }

  private void pattern(
      java.util.Map<String, EngineTables.Concept> byId, Pattern p, String concept) {
    if (byId.containsKey(concept)) {
      patterns.put(p, byId.get(concept));
    }
  }

  /**
   * Calcified hilar / mediastinal lymph nodes ("calcified right hilar lymph nodes", "mediastinal
   * nodal calcifications"): on a radiograph the residue of granulomatous infection, a granuloma
   * finding, not lymphadenopathy.
   */
  private static final String STATION =
      "(?:hilar|perihilar|suprahilar|infrahilar|mediastinal|paratracheal|peritracheal|subcarinal"
          + "|aortopulmonary)";

  private static final Pattern CALCIFIED_NODES =
      Pattern.compile(
          // "lymph" alone: the IU de-identification often took the noun ("calcified hilar lymph
          // XXXX"); a nodal station alone ("calcified right hilar XXXX") names the nodes too
          "\\bcalcified\\s+(?:(?:right|left|bilateral)\\s+)?(?:"
              + STATION
              + "(?:\\s+and\\s+(?:(?:right|left)\\s+)?"
              + STATION
              + ")?\\s+)?(?:lymph\\b(?:\\s+(?:nodes?|nodal)\\b)?|nodes?\\b|nodal\\b)"
              + "|\\bcalcified\\s+(?:(?:right|left|bilateral)\\s+)?"
              + STATION
              + "\\b"
              + "|\\b(?:"
              + STATION
              + "|nodal)\\s+(?:lymph\\s+node\\s+|nodal\\s+)?calcifications?\\b",
          Pattern.CASE_INSENSITIVE);

  /** Things that look like a nodule on a radiograph, after the words that explain one by them. */
  private static final Pattern MIMIC =
      Pattern.compile(
          "\\b(?:represents?|representing|reflects?|reflecting|consistent\\s+with|compatible\\s+with"
              + "|due\\s+to|secondary\\s+to|related\\s+to|corresponds?\\s+to|likely|probably)\\s+"
              + "(?:[\\w'-]+\\s+){0,4}?(?:nipple|nipples|artifact|artifacts|artefact|summation"
              + "|overlapping\\s+(?:structures|silhouettes|vessels|shadows)|superimposed\\s+structures"
              + "|overlying\\s+(?:leads?|telemetry|monitor|soft\\s+tissue)|soft\\s+tissue\\s+overlay"
              + "|bone\\s+island|(?:healing|healed)\\s+(?:rib\\s+)?fracture|costochondral"
              + "|confluence\\s+of)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final String DEVICE =
      "(?:catheter|catheters|line|lead|leads|wire|wires|screw|screws|hardware|plate|plates|rod|rods"
          + "|pacemaker|stent|port|tube)";

  /** "catheter fracture", "the lateral screw is fractured", "fractured pacemaker lead". */
  private static final Pattern DEVICE_FRACTURE =
      Pattern.compile(
          "\\b"
              + DEVICE
              + "\\s+(?:(?:is|are|appears?|has|have|been)\\s+)*(?:fracture|fractures|fractured)\\b"
              + "|\\bfractured\\s+(?:[\\w-]+\\s+){0,3}?"
              + DEVICE
              + "\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern HEDGE =
      Pattern.compile(
          "\\b(?:may|might|could|possibly|possible|probably|likely|perhaps|versus|vs|or|question"
              + "|suspected|suggest|suggests|suggesting|favor|favored)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * The heart said to be enlarged in words the term table cannot list ("the heart is slightly
   * large", "heart size remains mildly enlarged", "stable enlargement of the cardiac silhouette").
   * "Borderline" and "upper limits of normal" are not enlargement.
   */
  private static final Pattern ENLARGED_HEART =
      Pattern.compile(
          "\\b(?:heart|heart\\s+size|cardiac\\s+(?:silhouette|size|contour|shadow))"
              + "(?:\\s+(?:is|are|remains|appears|persistently|slightly|mildly|moderately|markedly"
              + "|severely|again|still|now|stable|significantly))*\\s+(?:enlarged|large)\\b"
              + "|\\benlargement\\s+of\\s+the\\s+(?:heart|cardiac\\s+silhouette)\\b"
              + "|\\b(?:heart|cardiac)\\s+enlargement\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * Pulmonary vascular congestion in the words radiographs use for it ("central vascular
   * prominence", "the pulmonary vessels are engorged", "vascular redistribution", "mild
   * congestion"). "Pulmonary vascularity is normal" says none of these.
   */
  private static final Pattern VASCULAR_CONGESTION =
      Pattern.compile(
          "(?:\\b(?:prominent|engorged)\\s+(?:central\\s+)?(?:pulmonary\\s+|lung\\s+)?"
              + "(?:vasculature|vessels)\\b"
              + "|\\b(?:central|pulmonary)\\s+(?:pulmonary\\s+)?vascular\\s+(?:prominence|engorgement)\\b"
              + "|\\bvascular\\s+redistribution\\b"
              + "|\\bprominence\\s+of\\s+the\\s+(?:central\\s+)?(?:pulmonary\\s+)?vasculature\\b"
              + "|\\bpulmonary\\s+(?:vessels|vasculature|\\S+)\\s+(?:are|is)\\s+engorged\\b"
              + "|\\bcentral\\s+venous\\s+congestion\\b|\\bpulmonary\\s+venous\\s+hypertension\\b)"
              // "pulmonary vascular engorgement appears within normal limits" says there is none
              + "(?!\\s+(?:appears?\\s+|is\\s+|are\\s+)?(?:within|normal|unremarkable))",
          Pattern.CASE_INSENSITIVE);

  /**
   * A line whose device word the de-identification or the dictation left out ("right chest XXXX
   * with tip in the mid SVC"): a tip in the central veins or right atrium is a catheter's.
   */
  private static final Pattern CATHETER_TIP =
      Pattern.compile(
          "\\btip\\b[^.;]{0,40}?\\b(?:svc|superior\\s+vena\\s+cava|cavoatrial|caval\\s+atrial"
              + "|right\\s+atrium|brachiocephalic\\s+vein)\\b",
          Pattern.CASE_INSENSITIVE);

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
                  certaintyOf(assertionOf(m.value().id(), local, tr, m.from(), m.to())),
                  side));
        }
        patternMentions(s, local, tr, side);
        pseudonodules(s);
        deviceFractures(s);
      }
      findSizes();
    }

    /**
     * A nodule the sentence goes on to explain as something else ("nodular density ... represents a
     * healing rib fracture", "consistent with nipple shadows", "likely an artifact") is not a lung
     * nodule: not present when the explanation is stated, uncertain when it is hedged.
     */
    private void pseudonodules(int s) {
      Sentences.Span span = sentences.get(s);
      for (int i = 0; i < mentions.size(); i++) {
        Mention m = mentions.get(i);
        if (m.sentence() != s
            || !m.concept().id().equals("lung_nodule")
            || m.certainty() == Certainty.NEGATED) {
          continue;
        }
        String after = text.substring(m.end(), span.end());
        Matcher x = MIMIC.matcher(after);
        if (!x.find()) {
          continue;
        }
        boolean hedged = HEDGE.matcher(after.substring(0, x.end())).find();
        mentions.set(
            i,
            new Mention(
                m.concept(),
                m.section(),
                m.sentence(),
                m.start(),
                m.end(),
                hedged ? Certainty.UNCERTAIN : Certainty.NEGATED,
                m.side()));
      }
    }

    /**
     * A fractured catheter, lead, wire or screw is a device complication, not a bone fracture: such
     * a mention is no fracture finding.
     */
    private void deviceFractures(int s) {
      Sentences.Span span = sentences.get(s);
      Matcher x = DEVICE_FRACTURE.matcher(span.of(text));
      while (x.find()) {
        int from = span.start() + x.start();
        int to = span.start() + x.end();
        for (int i = 0; i < mentions.size(); i++) {
          Mention m = mentions.get(i);
          if (m.sentence() == s
              && m.concept().id().equals("fracture")
              && m.start() >= from
              && m.end() <= to) {
            mentions.set(
                i,
                new Mention(
                    m.concept(), m.section(), s, m.start(), m.end(), Certainty.NEGATED, m.side()));
          }
        }
      }
    }

    /** Mentions of the pattern concepts where no term of the same concept covers them. */
    private void patternMentions(int s, List<Token> local, List<ConText.Trigger> tr, String side) {
      Sentences.Span span = sentences.get(s);
      for (var p : patterns.entrySet()) {
        Matcher m = p.getKey().matcher(span.of(text));
        while (m.find()) {
          patternMention(
              s, local, tr, side, p.getValue(), span.start() + m.start(), span.start() + m.end());
        }
      }
    }

    private void patternMention(
        int s,
        List<Token> local,
        List<ConText.Trigger> tr,
        String side,
        EngineTables.Concept concept,
        int start,
        int end) {
      for (Mention other : mentions) {
        if (other.concept() == concept && other.start() < end && start < other.end()) {
          return;
        }
      }
      int from = -1;
      int to = -1;
      for (int k = 0; k < local.size(); k++) {
        if (from < 0 && local.get(k).start() >= start) {
          from = k;
        }
        if (local.get(k).end() <= end) {
          to = k + 1;
        }
      }
      if (from < 0 || to <= from) {
        return;
      }
      mentions.add(
          new Mention(
              concept,
              kind,
              s,
              start,
              end,
              certaintyOf(assertionOf(concept.id(), local, tr, from, to)),
              side));
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
              + "(?:\\s*(?:x|by|\\u00d7)\\s*(\\d{1,3}(?:\\.\\d{1,2})?))?\\s*(mm|cm)\\b(?![\\u00b3^])",
          Pattern.CASE_INSENSITIVE);

  /** Findings that are the residue of past disease: "sequela of" names their cause, not them. */
  private static final java.util.Set<String> RESIDUES = java.util.Set.of("granuloma", "fibrosis");

  /** Observed signs the radiologist goes on to read ("opacity, atelectasis or scarring"). */
  private static final java.util.Set<String> SIGNS = java.util.Set.of("opacity");

  /** ConText's assertion of a concept mention, with the residue and sign readings above. */
  static Assertion assertionOf(
      String concept, List<Token> sentence, List<ConText.Trigger> tr, int from, int to) {
    if (RESIDUES.contains(concept)) {
      return ConText.residueAssertion(sentence, tr, from, to);
    }
    if (SIGNS.contains(concept)) {
      return ConText.signAssertion(sentence, tr, from, to);
    }
    return ConText.assertion(tr, from, to);
  }

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
