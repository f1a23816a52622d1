package org.radassist.drafting.internal.engine;

import static org.radassist.drafting.internal.engine.ConsistencyChecker.NOT_BEFORE;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.radassist.model.Evidence;
import org.radassist.model.Flag;
import org.radassist.model.FlagType;
import org.radassist.model.ModelJson;

/**
 * Round 35 (om22): the last word on a FINDING_NOT_IN_IMPRESSION flag, whichever rule raised it. A
 * flagged finding is dropped when the impression names it in other clinical words (a diagnosis
 * covering its signs, an abbreviation, another name for the same lesion: "TAA" for a dilated
 * ascending aorta, "acute lacune" for restricted diffusion, "avulsion" for a torn tendon, "DVT" for
 * a non-compressible vein), or when its own words make it minor (a small non-obstructing renal
 * stone, scarring, a non-ossifying fibroma). The vocabulary is the bundled
 * coverage-vocabulary.json.
 */
final class CoverageVocabulary {
  private static final int FLAGS = Pattern.CASE_INSENSITIVE;

  /** How far around the flagged words an entry's finding words may sit. */
  private static final int WINDOW = 80;

  private record Synonym(
      String id,
      Pattern finding,
      Pattern needs,
      Pattern words,
      Pattern impression,
      boolean anchored,
      boolean withHeading) {}

  private record Minor(
      String id, Pattern finding, Pattern unless, boolean wordsOnly, boolean besideAnother) {}

  private record Vocabulary(List<Synonym> synonyms, List<Minor> minor, Set<String> stopwords) {}

  private static final Vocabulary VOCABULARY = load();

  private CoverageVocabulary() {}

  private static Vocabulary load() {
    String resource = "coverage-vocabulary.json";
    try (InputStream in = CoverageVocabulary.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("bundled table " + resource + " is missing");
      }
      JsonNode root = ModelJson.newMapper().readTree(in);
      List<Synonym> synonyms = new ArrayList<>();
      for (JsonNode s : root.path("synonyms")) {
        synonyms.add(
            new Synonym(
                s.path("id").asText(),
                Pattern.compile(s.path("finding").asText(), FLAGS),
                s.hasNonNull("needs") ? Pattern.compile(s.path("needs").asText(), FLAGS) : null,
                s.hasNonNull("words") ? Pattern.compile(s.path("words").asText(), FLAGS) : null,
                Pattern.compile(s.path("impression").asText(), FLAGS),
                s.path("anchored").asBoolean(true),
                s.path("with_heading").asBoolean(false)));
      }
      List<Minor> minor = new ArrayList<>();
      for (JsonNode m : root.path("minor")) {
        minor.add(
            new Minor(
                m.path("id").asText(),
                Pattern.compile(m.path("finding").asText(), FLAGS),
                Pattern.compile(m.path("unless").asText(), FLAGS),
                m.path("scope").asText("words").equals("words"),
                m.path("beside_another_finding").asBoolean(false)));
      }
      Set<String> stop = new HashSet<>();
      root.path("anchor_stopwords").forEach(w -> stop.add(w.asText().toLowerCase(Locale.ROOT)));
      return new Vocabulary(List.copyOf(synonyms), List.copyOf(minor), Set.copyOf(stop));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundled table " + resource, e);
    }
  }

  /** Drops the omission flags the impression covers in other words or whose finding is minor. */
  static void dropCovered(
      TextAnalyzer.Section findings, TextAnalyzer.Section impression, List<Flag> flags) {
    flags.removeIf(
        f ->
            f.type() == FlagType.FINDING_NOT_IN_IMPRESSION
                && f.evidence().size() >= 2
                && (minor(findings, impression, f) || namedInOtherWords(findings, impression, f)));
  }

  /** The id of the vocabulary entry that excuses the flag, or null (for tests and docs). */
  static String excusedBy(TextAnalyzer.Section findings, TextAnalyzer.Section impression, Flag f) {
    for (Minor m : VOCABULARY.minor()) {
      if (minorBy(m, findings, impression, f)) {
        return m.id();
      }
    }
    for (Synonym s : VOCABULARY.synonyms()) {
      if (coveredBy(s, findings, impression, f)) {
        return s.id();
      }
    }
    return null;
  }

  private static boolean minor(
      TextAnalyzer.Section findings, TextAnalyzer.Section impression, Flag f) {
    return VOCABULARY.minor().stream().anyMatch(m -> minorBy(m, findings, impression, f));
  }

  private static boolean namedInOtherWords(
      TextAnalyzer.Section findings, TextAnalyzer.Section impression, Flag f) {
    return VOCABULARY.synonyms().stream().anyMatch(s -> coveredBy(s, findings, impression, f));
  }

  private static boolean minorBy(
      Minor m, TextAnalyzer.Section findings, TextAnalyzer.Section impression, Flag f) {
    Evidence words = f.evidence().get(0);
    Evidence sentence = f.evidence().get(1);
    if (!inside(findings, sentence) || m.besideAnother() && !reportsSomething(impression)) {
      return false;
    }
    String text = findings.text.substring(sentence.start(), sentence.end());
    int from = words.start() - sentence.start();
    int to = words.end() - sentence.start();
    Matcher finding = m.finding().matcher(text);
    boolean found = false;
    while (finding.find() && !found) {
      // the minor words must be the flagged finding's own words, unless the entry names the
      // whole sentence's lesion ("..., a non-ossifying fibroma")
      found =
          (!m.wordsOnly() || finding.start() < to && from < finding.end())
              && !NOT_BEFORE.matcher(text.substring(0, finding.start())).find();
    }
    return found && !saidUnnegatedIn(m.unless(), text);
  }

  private static boolean coveredBy(
      Synonym s, TextAnalyzer.Section findings, TextAnalyzer.Section impression, Flag f) {
    Evidence words = f.evidence().get(0);
    Evidence sentence = f.evidence().get(1);
    if (!inside(findings, sentence)) {
      return false;
    }
    String text = findings.text.substring(sentence.start(), sentence.end());
    int from = Math.max(0, words.start() - sentence.start() - WINDOW);
    int to = Math.min(text.length(), Math.max(0, words.end() - sentence.start()) + WINDOW);
    String near = from < to ? text.substring(from, to) : "";
    if (s.withHeading()) {
      near = headingAndSentence(findings, sentence.start(), near);
    }
    if (near.isEmpty() || !s.finding().matcher(near).find()) {
      return false;
    }
    if (s.words() != null && !s.words().matcher(words.quote()).find()) {
      return false;
    }
    if (s.needs() != null && !s.needs().matcher(text).find()) {
      return false;
    }
    Set<String> places = anchors(headingAndSentence(findings, sentence.start(), text));
    for (int i = 0; i < impression.sentences.size(); i++) {
      String said = impression.sentenceText(i);
      if (saidUnnegatedIn(s.impression(), said)
          && !DENIAL_OPENS.matcher(said).find()
          && !otherSide(sideOf(headingAndSentence(findings, sentence.start(), text)), said)
          && (!s.anchored() || !intersect(places, anchors(said)).isEmpty())) {
        return true;
      }
    }
    return false;
  }

  /** An impression sentence that opens with a denial ("No right leg DVT.") reports nothing. */
  private static final Pattern DENIAL_OPENS =
      Pattern.compile(
          "^\\W*(?:\\d+[.)]\\s*)?(?:no|nil|negative for|without|not)\\b(?![^.;]*\\b(?:but|however|except)\\b)",
          FLAGS);

  private static final Pattern LEFT = Pattern.compile("\\bleft\\b", FLAGS);
  private static final Pattern RIGHT = Pattern.compile("\\bright\\b", FLAGS);

  /** "left", "right" or "" (none or both) of a text. */
  private static String sideOf(String text) {
    boolean left = LEFT.matcher(text).find();
    boolean right = RIGHT.matcher(text).find();
    return left == right ? "" : left ? "left" : "right";
  }

  /** The impression sentence names only the side opposite to the finding's one. */
  private static boolean otherSide(String findingSide, String said) {
    String saidSide = sideOf(said);
    return !findingSide.isEmpty() && !saidSide.isEmpty() && !saidSide.equals(findingSide);
  }

  private static boolean reportsSomething(TextAnalyzer.Section impression) {
    for (int i = 0; i < impression.sentences.size(); i++) {
      if (!ConsistencyChecker.NOTHING_REPORTED.matcher(impression.sentenceText(i)).find()) {
        return true;
      }
    }
    return false;
  }

  private static boolean inside(TextAnalyzer.Section findings, Evidence e) {
    return e.start() >= 0 && e.end() <= findings.text.length() && e.start() < e.end();
  }

  /** The sentence with the heading line it sits under ("Spleen:", "Calf veins:"). */
  private static String headingAndSentence(TextAnalyzer.Section findings, int at, String text) {
    int line = findings.text.lastIndexOf('\n', Math.max(0, at - 1));
    String lead = findings.text.substring(line + 1, Math.max(line + 1, at)).stripTrailing();
    if (!lead.endsWith(":")) {
      return text;
    }
    String heading = lead.substring(0, lead.length() - 1);
    int cut =
        Math.max(
            heading.lastIndexOf('.'), Math.max(heading.lastIndexOf(':'), heading.lastIndexOf(';')));
    return heading.substring(cut + 1) + " " + text;
  }

  private static boolean saidUnnegatedIn(Pattern words, String text) {
    Matcher w = words.matcher(text);
    while (w.find()) {
      if (!NOT_BEFORE.matcher(text.substring(0, w.start())).find()) {
        return true;
      }
    }
    return false;
  }

  private static final Pattern WORD = Pattern.compile("[a-z]+");

  private static final Pattern SEGMENT =
      Pattern.compile(
          "\\bseg(?:ment)?\\.?\\s*(viii|vii|vi|iv[ab]?|v|iii|ii|i|[1-8][ab]?)\\b", FLAGS);

  private static String segmentNumber(String s) {
    String l = s.toLowerCase(Locale.ROOT);
    String suffix = l.endsWith("a") || l.endsWith("b") ? l.substring(l.length() - 1) : "";
    String core = suffix.isEmpty() ? l : l.substring(0, l.length() - 1);
    int n =
        switch (core) {
          case "i" -> 1;
          case "ii" -> 2;
          case "iii" -> 3;
          case "iv" -> 4;
          case "v" -> 5;
          case "vi" -> 6;
          case "vii" -> 7;
          case "viii" -> 8;
          default -> Integer.parseInt(core);
        };
    return n + suffix;
  }

  /**
   * Place words of a text, cut to their first four letters so "spleen" meets "splenic" and
   * "thalamus" meets "thalamic"; common words and the synonyms' own words are not places.
   */
  private static Set<String> anchors(String text) {
    Set<String> out = new HashSet<>();
    // round 36 (om25): a liver segment is a place ("Seg 7" meets "segment 7")
    Matcher seg = SEGMENT.matcher(text);
    while (seg.find()) {
      out.add("seg" + segmentNumber(seg.group(1)));
    }
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      String w = m.group();
      if (w.length() >= 5 && !VOCABULARY.stopwords().contains(w)) {
        out.add(w.substring(0, 4));
      }
    }
    return out;
  }

  private static Set<String> intersect(Set<String> a, Set<String> b) {
    Set<String> out = new HashSet<>(a);
    out.retainAll(b);
    return out;
  }
}
