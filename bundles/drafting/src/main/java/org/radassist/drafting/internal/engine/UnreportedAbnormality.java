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
          if (!covered(c, sentence, impression, findings.text, m.group())) {
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
        || LEXICON.oldOrKnown().matcher(sentence).find()
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
      String head) {
    Set<String> sites = sites(sentence);
    for (int j = 0; j < impression.sentences.size(); j++) {
      String t = impression.sentenceText(j);
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
      } else if (!LEXICON.genericWords().contains(w)) {
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
