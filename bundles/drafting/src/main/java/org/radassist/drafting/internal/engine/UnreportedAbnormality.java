package org.radassist.drafting.internal.engine;

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
import org.radassist.model.Flag;
import org.radassist.model.ModelJson;

/**
 * Round 32 (helper "om14"): the last fallback of FINDING_NOT_IN_IMPRESSION. A findings sentence
 * that asserts a significant abnormality of a general class (structural failure, fracture with an
 * acuity sign, vascular occlusion, significant stenosis, infection, malignancy, a pathological
 * node, obstruction / ischaemia / torsion) that no impression sentence covers. The classes are
 * configuration (abnormalities.json): each names its head words, what else makes it significant,
 * and what covers it. A head is not asserted when denied, old / known / stable, hedged or graded
 * trivial; an impression sentence covers it when it names the class or a site word of the finding's
 * sentence, not denied. Concept tables and regional concepts run first: this only catches what no
 * table names.
 */
final class UnreportedAbnormality {
  private UnreportedAbnormality() {}

  private static final int FLAGS = Pattern.CASE_INSENSITIVE;

  /** One abnormality class of abnormalities.json. */
  private record AbnormalityClass(
      String display,
      Pattern heads,
      Pattern requires,
      Pattern strong,
      Pattern covers,
      Pattern treatedBy,
      Set<String> summedBy,
      Pattern unless) {}

  /** The lexicon, read once from the bundled resource; immutable. */
  private record Lexicon(
      List<AbnormalityClass> classes,
      Pattern trivialGrade,
      Pattern oldOrKnown,
      Pattern hedged,
      Set<String> genericWords) {}

  private static final Lexicon LEXICON = load();

  private static Lexicon load() {
    String resource = "abnormalities.json";
    try (InputStream in = UnreportedAbnormality.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("bundled table " + resource + " is missing");
      }
      JsonNode root = ModelJson.newMapper().readTree(in);
      List<AbnormalityClass> classes = new ArrayList<>();
      for (JsonNode c : root.path("classes")) {
        Set<String> summedBy = new HashSet<>();
        root.path("summed_by")
            .fields()
            .forEachRemaining(
                e -> {
                  for (JsonNode id : e.getValue()) {
                    if (id.asText().equals(c.path("id").asText())) {
                      summedBy.add(e.getKey());
                    }
                  }
                });
        classes.add(
            new AbnormalityClass(
                c.path("display").asText(),
                Pattern.compile(c.path("heads").asText(), FLAGS),
                optional(c.path("requires").asText()),
                optional(c.path("strong").asText()),
                Pattern.compile(c.path("covers").asText(), FLAGS),
                optional(c.path("treated_by").asText()),
                Set.copyOf(summedBy),
                optional(c.path("unless").asText())));
      }
      Set<String> generic = new HashSet<>();
      root.path("generic_words").forEach(w -> generic.add(w.asText().toLowerCase(Locale.ROOT)));
      return new Lexicon(
          List.copyOf(classes),
          Pattern.compile(root.path("trivial_grade").asText(), FLAGS),
          Pattern.compile(root.path("old_or_known").asText(), FLAGS),
          Pattern.compile(root.path("hedged").asText(), FLAGS),
          Set.copyOf(generic));
    } catch (IOException e) {
      throw new UncheckedIOException(resource + ": not a readable JSON table", e);
    }
  }

  private static Pattern optional(String regex) {
    return regex.isEmpty() ? null : Pattern.compile(regex, FLAGS);
  }

  /** The site words of a sentence: content words and vertebral levels, as 5-letter stems. */
  private static final Pattern WORD = Pattern.compile("[a-z][a-z'-]{4,}|\\b[ctls]\\d{1,2}\\b");

  private static final Pattern VERTEBRAL_LEVEL = Pattern.compile("^[ctls]\\d{1,2}$");

  /** A site word denied in the impression ("no fracture of the tibia", "normal appendix"). */
  private static final Pattern DENIED_BEFORE =
      Pattern.compile(
          "\\b(?:no|not|without|negative\\s+for|free\\s+of|normal|unremarkable|intact)\\b[^.;:]{0,40}$",
          FLAGS);

  private static final Pattern DENIED_AFTER =
      Pattern.compile(
          "^[\\w\\s'-]{0,30}?\\b(?:is|are)?\\s*(?:normal|intact|unremarkable|excluded)\\b", FLAGS);

  /**
   * Round 36 (helper "om24"): "not present previously", "not seen on the prior study" says new, not
   * known: it does not make the finding old.
   */
  private static final Pattern NOT_BEFORE =
      Pattern.compile(
          "\\b(?:not|never)\\s+(?:been\\s+)?(?:present|seen|visible|identified|demonstrated|evident)"
              + "\\s+(?:on\\s+|in\\s+|at\\s+)?(?:the\\s+)?(?:previously|before|earlier|prior|previous)"
              + "(?:\\s+(?:study|exam\\w*|imaging|scan|CT|MRI?|film|radiograph))?\\b",
          FLAGS);

  /** A query mark just before the head: "weight loss ? malignancy". */
  private static final Pattern QUERIED = Pattern.compile("\\?\\s*$");

  /** "As above", "see findings": the impression points back at the findings. */
  private static final Pattern POINTS_BACK =
      Pattern.compile(
          "\\b(?:as\\s+(?:above|described|detailed|discussed)|see\\s+(?:above|findings|body|report)"
              + "|described\\s+above)\\b",
          FLAGS);

  static void unreportedAbnormality(
      Report report,
      TextAnalyzer.Section findings,
      TextAnalyzer.Section impression,
      List<Flag> flags) {
    if (impression.sentences.isEmpty() || POINTS_BACK.matcher(impression.text).find()) {
      return;
    }
    // a scoring category sums up its system's findings ("Lung-RADS 4X" a suspicious node)
    Set<String> summed = OmissionCheck.categorised(impression.text);
    for (int i = 0; i < findings.sentences.size(); i++) {
      String sentence = findings.sentenceText(i);
      for (AbnormalityClass c : LEXICON.classes()) {
        if (c.summedBy().stream().anyMatch(summed::contains)) {
          continue;
        }
        Matcher m = c.heads().matcher(sentence);
        while (m.find()) {
          if (!asserted(report, findings, i, sentence, c, m)) {
            continue;
          }
          if (!covered(
              c, sentence, impression, findings.text, m.group(), otherSentences(findings, i))) {
            flags.add(OmissionCheck.omitted(c.display(), findings, i, m));
            return;
          }
          break;
        }
      }
    }
  }

  /** Positive, current, unhedged, significant by its class: what a radiologist asserts. */
  private static boolean asserted(
      Report report,
      TextAnalyzer.Section findings,
      int i,
      String sentence,
      AbnormalityClass c,
      Matcher m) {
    String head = m.group();
    String before = sentence.substring(0, m.start());
    int absolute = findings.sentences.get(i).start() + m.start();
    if (RegionalOmissions.deniedOrKnown(sentence, m.start(), m.end())
        || LEXICON.oldOrKnown().matcher(NOT_BEFORE.matcher(sentence).replaceAll(" ")).find()
        || LEXICON.hedged().matcher(sentence).find()
        || c.requires() != null && !c.requires().matcher(sentence).find()
        || c.unless() != null && c.unless().matcher(sentence).find()
        || QUERIED.matcher(findings.text.substring(Math.max(0, absolute - 3), absolute)).find()
        || c.treatedBy() != null
            && (c.treatedBy().matcher(findings.text).find()
                || c.treatedBy().matcher(report.contextText()).find())
        || RegionalOmissions.fixedFracture(sentence)
        || CriticalResults.pastEvent(findings.text, absolute)
        || CriticalResults.ofEarlierExam(findings.text, findings.sentences.get(i).start() + m.end())
        || Expectation.expected(sentence, head)
        || Expectation.expectedAfterStatedProcedure(report.contextText(), sentence, head)) {
      return false;
    }
    // a trivial grade just before the head ("small partial tear", "mild stenosis") leaves it
    // background unless the sentence holds what keeps the class significant
    boolean trivial = LEXICON.trivialGrade().matcher(before).find();
    return !trivial || c.strong() != null && c.strong().matcher(sentence).find();
  }

  /** An impression sentence naming the class or one of the finding's site words, not denied. */
  private static boolean covered(
      AbnormalityClass c,
      String sentence,
      TextAnalyzer.Section impression,
      String findingsText,
      String head,
      List<String> others) {
    Set<String> sites = sites(sentence);
    for (int j = 0; j < impression.sentences.size(); j++) {
      String t = impression.sentenceText(j);
      if (aboutAnotherFinding(c, sentence, t, others)) {
        continue;
      }
      Matcher w = c.covers().matcher(t);
      while (w.find()) {
        // round 35 (om21): not another item's clause, not the disease beside its collection
        if (!deniedAt(t, w.start(), w.end())
            && !ImpressionCoverage.clauseOfAnotherItem(
                sentence, findingsText, t, w.start(), w.group())
            && !ImpressionCoverage.diseaseWithoutItsCollection(head, w.group())) {
          return true;
        }
      }
      Matcher s = WORD.matcher(t.toLowerCase(Locale.ROOT));
      while (s.find()) {
        if (sites.contains(stem(s.group()))
            && !deniedAt(t, s.start(), s.end())
            && ImpressionCoverage.placesThisFinding(sentence, t, s.start(), s.group())
            && !ImpressionCoverage.clauseOfAnotherItem(
                sentence, findingsText, t, s.start(), s.group())) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<String> otherSentences(TextAnalyzer.Section findings, int i) {
    List<String> others = new ArrayList<>();
    for (int k = 0; k < findings.sentences.size(); k++) {
      if (k != i) {
        others.add(findings.sentenceText(k));
      }
    }
    return others;
  }

  /**
   * Round 35 (helper "om20"): an impression sentence reports the finding it names, not every
   * finding of its class. It is about another finding when it names only other vertebral levels
   * ("Lumbar spondylosis, L4-S1." for an L1 collapse), or names structures that other findings
   * sentences hold and the finding's sentence does not ("Complex tear of the medial meniscus." for
   * an ACL rupture; "Acute diverticulitis." for the abscess beside it).
   */
  private static boolean aboutAnotherFinding(
      AbnormalityClass c, String sentence, String impressionSentence, List<String> others) {
    if (otherSideItem(c, sentence, impressionSentence, others)) {
      return true;
    }
    Set<String> levels = levels(sentence);
    Set<String> named = levels(impressionSentence);
    if (!levels.isEmpty() && !named.isEmpty() && levels.stream().noneMatch(named::contains)) {
      return true;
    }
    Set<String> theirsNamed = structures(c, impressionSentence);
    if (theirsNamed.isEmpty()
        || theirsNamed.stream().anyMatch(w -> names(sentence, w) || sharesRoot(sentence, w))) {
      return false;
    }
    for (String other : others) {
      if (c.heads().matcher(other).find() && theirsNamed.stream().anyMatch(w -> names(other, w))) {
        return true;
      }
    }
    return false;
  }

  private static final Pattern LEFT = Pattern.compile("\\b(?:left|lt)\\b", FLAGS);
  private static final Pattern RIGHT = Pattern.compile("\\b(?:right|rt)\\b", FLAGS);
  private static final Pattern BOTH =
      Pattern.compile("\\b(?:bilateral\\w*|both|bibasal|bibasilar)\\b", FLAGS);

  /** 'L' or 'R' when a sentence speaks of one side only, else 0 (none, both, bilateral). */
  private static char onlySide(String text) {
    if (BOTH.matcher(text).find()) {
      return 0;
    }
    boolean left = LEFT.matcher(text).find();
    boolean right = RIGHT.matcher(text).find();
    return left == right ? 0 : left ? 'L' : 'R';
  }

  /**
   * Round 36 (helper "om24"): an impression sentence of one side only, when the finding is of the
   * other side and another findings sentence is of the impression's side, reports that other item
   * ("Left popliteal DVT." for a right popliteal thrombus beside the left one). With no findings
   * item on the impression's side it stays coverage (a LATERALITY_MISMATCH, not an omission).
   */
  private static boolean otherSideItem(
      AbnormalityClass c, String sentence, String impressionSentence, List<String> others) {
    char own = onlySide(sentence);
    char named = onlySide(impressionSentence);
    if (own == 0 || named == 0 || own == named || sharesNumber(sentence, impressionSentence)) {
      // a line giving this finding's grade or size is this finding's, on the wrong side
      return false;
    }
    Set<String> theirs = structures(c, impressionSentence);
    theirs.removeIf(
        w -> w.equals("left") || w.equals("right") || w.equals("#lt") || w.equals("#rt"));
    for (String other : others) {
      // the other item is abnormal ("Right hip intact." is none) and shares a word with the line
      if (onlySide(other) == named
          && !NORMAL_SIDE.matcher(other).find()
          && (c.heads().matcher(other).find() || theirs.stream().anyMatch(w -> names(other, w)))) {
        return true;
      }
    }
    return false;
  }

  private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");

  private static boolean sharesNumber(String a, String b) {
    Set<String> numbers = new HashSet<>();
    for (Matcher m = NUMBER.matcher(a); m.find(); ) {
      numbers.add(m.group());
    }
    for (Matcher m = NUMBER.matcher(b); m.find(); ) {
      if (numbers.contains(m.group())) {
        return true;
      }
    }
    return false;
  }

  /** A sentence that reports one side as normal or not examined. */
  private static final Pattern NORMAL_SIDE =
      Pattern.compile(
          "\\b(?:normal|intact|unremarkable|patent|clear|compressible|not\\s+(?:imaged|seen|assessed"
              + "|examined|included))\\b(?<!abnormal)",
          FLAGS);

  /** The finding's own sentence is read loosely: a 4-letter root ("radial" and "radius"). */
  private static boolean sharesRoot(String text, String structure) {
    return structure.length() >= 5
        && Pattern.compile("\\b" + Pattern.quote(structure.substring(0, 4)))
            .matcher(text.toLowerCase(Locale.ROOT))
            .find();
  }

  /**
   * A sentence names a structure: a 5-letter stem inside any of its words ("chole" in
   * "pericholecystic"), a shorter word or an abbreviation as itself.
   */
  private static boolean names(String text, String structure) {
    if (structure.startsWith("#")) {
      return Pattern.compile("\\b" + Pattern.quote(structure.substring(1)) + "\\b", FLAGS)
          .matcher(text)
          .find();
    }
    String lower = text.toLowerCase(Locale.ROOT);
    return structure.length() >= 5
        ? lower.contains(structure)
        : Pattern.compile("\\b" + Pattern.quote(structure) + "s?\\b").matcher(lower).find();
  }

  private static final Pattern LEVEL =
      Pattern.compile("\\b([ctls])(\\d{1,2})(?:\\s*[-/]\\s*([ctls])?(\\d{1,2}))?\\b", FLAGS);

  private static final String SPINE_ORDER = "ctls";

  /** The vertebral levels a sentence names, ranges spelt out ("L4-S1": L4, L5, S1). */
  private static Set<String> levels(String text) {
    Set<String> levels = new HashSet<>();
    Matcher m = LEVEL.matcher(text);
    while (m.find()) {
      char from = Character.toLowerCase(m.group(1).charAt(0));
      int n = Integer.parseInt(m.group(2));
      levels.add(from + String.valueOf(n));
      if (m.group(4) == null) {
        continue;
      }
      char to = m.group(3) == null ? from : Character.toLowerCase(m.group(3).charAt(0));
      int end = Integer.parseInt(m.group(4));
      int[] sizes = {8, 12, 5, 5};
      int region = SPINE_ORDER.indexOf(from);
      int last = SPINE_ORDER.indexOf(to);
      // walk the spine from the first level to the last, bounded by the region sizes
      for (int guard = 0; guard < 30 && region >= 0 && last >= region; guard++) {
        if (region == last && n >= end) {
          break;
        }
        n++;
        if (n > sizes[region]) {
          region++;
          n = 1;
          if (region > last) {
            break;
          }
        }
        levels.add(SPINE_ORDER.charAt(region) + String.valueOf(n));
      }
    }
    return levels;
  }

  /** Compound directions ("anterosuperior") place a finding, they name no structure. */
  private static final Pattern DIRECTION =
      Pattern.compile(
          "^(?:antero|postero|supero|infero|medio|latero|dorso|ventro)-?"
              + "(?:superior|inferior|lateral|medial|anterior|posterior|dorsal|ventral|basal)$");

  /** Structure words may be short ("rib", "hip", "leg"); function words are none. */
  private static final Pattern SHORT_WORD = Pattern.compile("[a-z][a-z'-]{2,}");

  private static final Set<String> FUNCTION_WORDS =
      Set.of(
          "the",
          "and",
          "with",
          "for",
          "are",
          "was",
          "were",
          "from",
          "has",
          "have",
          "its",
          "not",
          "but",
          "this",
          "that",
          "into",
          "onto",
          "both",
          "each",
          "one",
          "two",
          "three",
          "all",
          "also",
          "any",
          "few",
          "per",
          "than",
          "then",
          "via",
          "due",
          "now",
          "new",
          "old",
          "no",
          "nor",
          "known",
          "chronic",
          "recent",
          "further",
          "likely",
          "probable",
          "seen");

  /** Words that say what kind of structure, not which one ("tendon", "artery"). */
  private static final Set<String> KINDS_OF_STRUCTURE =
      Set.of(
          "tendo", "ligam", "arter", "vein", "veins", "bone", "bones", "muscl", "joint", "vesse",
          "organ", "struc", "tissu", "soft");

  /** Abbreviated structures in capitals ("ACL", "ICA", "ATFL"). */
  private static final Pattern ABBREVIATION = Pattern.compile("\\b[A-Z]{2,5}\\b");

  /**
   * The structures a sentence names: its content-word stems and abbreviations, not the class's
   * heads.
   */
  private static Set<String> structures(AbnormalityClass c, String text) {
    Set<String> structures = new HashSet<>();
    Matcher s = SHORT_WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (s.find()) {
      String w = s.group();
      if (VERTEBRAL_LEVEL.matcher(w).matches()
          || LEXICON.genericWords().contains(w)
          || FUNCTION_WORDS.contains(w)
          || KINDS_OF_STRUCTURE.contains(stem(w))
          || c.heads().matcher(w).matches()
          || DIRECTION.matcher(w).matches()) {
        continue;
      }
      structures.add(stem(w));
    }
    Matcher a = ABBREVIATION.matcher(text);
    while (a.find()) {
      structures.add("#" + a.group().toLowerCase(Locale.ROOT));
    }
    return structures;
  }

  private static boolean deniedAt(String text, int start, int end) {
    return DENIED_BEFORE.matcher(text.substring(Math.max(0, start - 60), start)).find()
        || DENIED_AFTER.matcher(text.substring(end)).find();
  }

  private static Set<String> sites(String sentence) {
    Set<String> sites = new HashSet<>();
    Matcher s = WORD.matcher(sentence.toLowerCase(Locale.ROOT));
    while (s.find()) {
      String w = s.group();
      if (VERTEBRAL_LEVEL.matcher(w).matches()) {
        // a vertebral level is named as the spine, its region or a vertebra in the impression
        sites.add(w);
        sites.add("spine");
        sites.add("verte");
        sites.add(
            switch (w.charAt(0)) {
              case 'c' -> "cervi";
              case 't' -> "thora";
              case 'l' -> "lumba";
              default -> "sacra";
            });
      } else if (!LEXICON.genericWords().contains(w) && !DIRECTION.matcher(w).matches()) {
        sites.add(stem(w));
      }
    }
    return sites;
  }

  private static String stem(String word) {
    return VERTEBRAL_LEVEL.matcher(word).matches()
        ? word
        : word.substring(0, Math.min(5, word.length()));
  }
}
