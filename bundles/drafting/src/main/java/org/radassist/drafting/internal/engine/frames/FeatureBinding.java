package org.radassist.drafting.internal.engine.frames;

import static org.radassist.drafting.internal.engine.frames.FrameExtractor.nearest;
import static org.radassist.drafting.internal.engine.frames.FrameLexicon.CHANGE_WORDS;
import static org.radassist.drafting.internal.engine.frames.FrameLexicon.FEATURE_WORDS;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.radassist.drafting.internal.engine.PhraseMatcher;
import org.radassist.drafting.internal.engine.Token;
import org.radassist.drafting.internal.engine.frames.FrameExtractor.Draft;
import org.radassist.drafting.internal.engine.frames.FrameLexicon.Feature;

/**
 * The features and change words of a sentence bound to its findings: composition, margin, TI-RADS
 * groups and echogenic foci (the more specific word wins, a list item is not under the negation
 * before it), change status (a comparison between two lesions is no change; a finding the prior did
 * not show is new), and one measured ground-glass or part-solid opacity read as a subsolid nodule.
 * {@link FrameExtractor} calls it for every sentence.
 */
final class FeatureBinding {
  static void bindFeatures(List<Token> tokens, List<ConText.Trigger> triggers, List<Draft> drafts) {
    for (PhraseMatcher.Match<Feature> m : FEATURE_WORDS.findAll(tokens)) {
      Feature f = m.value();
      Draft d = nearest(tokens, drafts, m.from(), m.to());
      Assertion a = ConText.assertion(triggers, m.from(), m.to());
      if (f.group().equals("composition")) {
        // "solid component" is part of a part-solid nodule, not its composition
        boolean component =
            m.to() < tokens.size()
                && List.of("component", "portion", "part", "core", "centre", "center")
                    .contains(tokens.get(m.to()).norm());
        if (component) {
          if (!a.positive()) {
            // "without a solid component": no part-solid nodule; a "subsolid nodule with no solid
            // component" is a ground-glass one
            if (d.composition.equals("part-solid")) {
              d.composition = "ground-glass";
            }
            continue;
          }
          if (d.composition.isEmpty()
              || d.composition.equals("solid")
              || d.composition.equals("ground-glass")) {
            // a ground-glass nodule "now with a 4 mm solid component" is part-solid
            d.composition = "part-solid";
          }
          continue;
        }
        if (a.positive() && (d.composition.isEmpty() || moreSpecific(f.value(), d.composition))) {
          d.composition = f.value();
        }
        continue;
      }
      if (f.group().equals("calc_morphology")
          && m.to() < tokens.size()
          && TUMOUR_NAMES.contains(tokens.get(m.to()).norm())) {
        continue; // "pleomorphic adenoma" names a tumour, no calcification
      }
      String value = f.value();
      if (a.negated()
          && (f.group().equals("shape") || f.group().equals("echogenicity"))
          && !a.possible()
          && !a.historical()
          && !a.hypothetical()
          && !a.otherExperiencer()
          && ownListItem(tokens, triggers, m.from())) {
        // "no echogenic foci, wider than tall": a shape or echogenicity item after a comma states
        // itself; the negation before it was of the item before
        a = Assertion.PRESENT;
      }
      if (!a.positive() || a.negated()) {
        value =
            switch (f.group()) {
              case "echogenic_foci" -> "none";
              case "shape" -> f.value().equals("taller-than-wide") ? "wider-than-tall" : "";
              case "margin", "mass_shape", "mass_margin", "calc_morphology", "zone", "extent" -> "";
              default -> "absent";
            };
        if (value.isEmpty()) {
          continue;
        }
        if (d.features.containsKey(f.group()) && !value.equals("absent")) {
          continue; // a positive statement wins over a negated one
        }
        d.features.putIfAbsent(f.group(), value);
        continue;
      }
      String old = d.features.get(f.group());
      if (f.group().equals("echogenic_foci")
          && ECHOGENIC_FOCUS_KINDS.contains(value.split("\\+")[0])) {
        // ACR TI-RADS echogenic foci add up: "a macrocalcification and punctate echogenic foci"
        java.util.Set<String> kinds = new java.util.TreeSet<>();
        for (String k : ((old == null ? "" : old) + "+" + value).split("\\+")) {
          if (ECHOGENIC_FOCUS_KINDS.contains(k)) {
            kinds.add(k);
          }
        }
        d.features.put(f.group(), String.join("+", kinds));
        continue;
      }
      if (old == null
          || f.group().equals("cyst_wall") && value.equals("thick") // a mural nodule outweighs
          || old.equals("unilocular") && value.equals("multilocular")
          || old.equals("absent")
          || old.equals("none")
          || old.equals("present") && !value.equals("present")
          || f.group().equals("margin") && marginRank(value) > marginRank(old)) {
        d.features.put(f.group(), value);
      }
    }
  }

  private static final java.util.Set<String> TUMOUR_NAMES =
      java.util.Set.of("adenoma", "adenomas", "sarcoma", "xanthoastrocytoma", "carcinoma");

  /** The ACR TI-RADS echogenic foci that score points; a frame keeps each it is said to have. */
  private static final java.util.Set<String> ECHOGENIC_FOCUS_KINDS =
      java.util.Set.of("macrocalcification", "peripheral rim", "punctate");

  /** Whether a comma stands between the last negation trigger before {@code at} and it. */
  private static boolean ownListItem(List<Token> tokens, List<ConText.Trigger> triggers, int at) {
    int end = -1;
    for (ConText.Trigger t : triggers) {
      if (t.modifier() == ConText.Modifier.NEGATED && t.to() <= at) {
        end = Math.max(end, t.to());
      }
    }
    for (int i = Math.max(0, end); end >= 0 && i < at; i++) {
      if (tokens.get(i).norm().equals(",")) {
        return true;
      }
    }
    return false;
  }

  private static boolean moreSpecific(String candidate, String current) {
    // "solid" is often said of the component of a part-solid nodule or inside "mixed cystic and
    // solid"
    return current.equals("solid") && !candidate.equals("solid");
  }

  private static int marginRank(String margin) {
    return switch (margin) {
      case "extrathyroidal extension" -> 3;
      case "lobulated or irregular" -> 2;
      case "ill-defined" -> 1;
      default -> 0;
    };
  }

  static void bindChange(List<Token> tokens, List<ConText.Trigger> triggers, List<Draft> drafts) {
    for (PhraseMatcher.Match<Change.Status> m : CHANGE_WORDS.findAll(tokens)) {
      Draft d = nearest(tokens, drafts, m.from(), m.to());
      Assertion a = ConText.assertion(triggers, m.from(), m.to());
      Change.Status s = m.value();
      if (comparesLesions(tokens, m.from(), m.to())) {
        continue;
      }
      if (a.negated()) {
        // "no new nodules" negates the finding; "not enlarged" or "no growth" means stable
        if (s == Change.Status.GROWING) {
          s = Change.Status.STABLE;
        } else {
          continue;
        }
      }
      if (d.change.status() == Change.Status.NOT_STATED
          || (d.change.status() == Change.Status.STABLE && s != Change.Status.STABLE)) {
        d.change =
            new Change(
                s, d.change.priorMm(), tokens.get(m.from()).start(), tokens.get(m.to() - 1).end());
      }
    }
  }

  /**
   * "the larger (one) measures 6 mm", "the smaller in the left upper lobe": a comparison between
   * two lesions of this exam, not a change since a prior study.
   */
  private static boolean comparesLesions(List<Token> tokens, int from, int to) {
    String word = tokens.get(from).norm();
    return to - from == 1
        && from > 0
        && (word.equals("larger") || word.equals("smaller"))
        && tokens.get(from - 1).norm().equals("the");
  }

  private static final java.util.Set<String> NOT =
      java.util.Set.of("not", "never", "wasn't", "weren't", "isn't", "aren't");
  private static final java.util.Set<String> SEEN =
      java.util.Set.of(
          "seen",
          "present",
          "visible",
          "visualized",
          "visualised",
          "identified",
          "evident",
          "demonstrated",
          "apparent",
          "appreciated",
          "detected",
          "detectable",
          "there",
          "noted",
          "shown",
          "described",
          "reported",
          "mentioned",
          "documented",
          "exist",
          "existed");
  private static final Pattern DIFFUSE =
      Pattern.compile(
          "\\b(?:patchy|diffuse|scattered|multifocal|bilateral|extensive|confluent|mosaic|"
              + "widespread|geographic|peribronchovascular|centrilobular)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * One measured ground-glass or part-solid "opacity" ("3.2 cm ground-glass opacity in the right
   * lower lobe") is a subsolid nodule whatever its size (Lung-RADS v2022 rates GGNs of 30 mm or
   * more); patchy, diffuse or multifocal opacities are not.
   */
  static void focalOpacity(String text, String sentence, Draft d) {
    if (!d.kind.equals("opacity")
        || !(d.composition.equals("ground-glass") || d.composition.equals("part-solid"))
        || text.substring(d.start, d.end).toLowerCase(Locale.ROOT).endsWith("s")
        || d.sizes.stream().filter(m -> m.role() == Measurement.Role.OVERALL).count() != 1
        || DIFFUSE.matcher(sentence).find()) {
      return;
    }
    d.kind = "nodule";
  }

  /**
   * "was not seen on the previous study", "not visible on last year's CT", "absent on the prior": a
   * finding that the prior did not show is new (the negation is about the past, ConText leaves the
   * finding positive). The words may be far from the change lexicon's fixed phrases.
   */
  static void newAgainstPrior(List<Token> tokens, List<Draft> drafts) {
    for (int i = 0; i < tokens.size(); i++) {
      String w = tokens.get(i).norm();
      int verb = -1;
      if (w.equals("absent") || w.equals("missing")) {
        verb = i;
      } else if (NOT.contains(w)) {
        for (int k = i + 1; k < Math.min(tokens.size(), i + 4); k++) {
          if (SEEN.contains(tokens.get(k).norm())) {
            verb = k;
            break;
          }
        }
      }
      if (verb < 0) {
        continue;
      }
      boolean pastBetween = false; // "not previously described"
      for (int k = i + 1; k < verb; k++) {
        pastBetween |= ConText.pastWord(tokens.get(k).norm());
      }
      if (pastBetween) {
        Draft d = nearest(tokens, drafts, i, verb + 1);
        if (d != null && !d.assertion.negated() && d.change.status() != Change.Status.NEW) {
          d.change =
              new Change(
                  Change.Status.NEW,
                  d.change.priorMm(),
                  tokens.get(i).start(),
                  tokens.get(verb).end());
        }
        i = verb;
        continue;
      }
      int k = ConText.pastExamAt(tokens, verb + 1);
      if (k >= 0) {
        Draft d = nearest(tokens, drafts, i, k + 1);
        if (d != null && !d.assertion.negated() && d.change.status() != Change.Status.NEW) {
          d.change =
              new Change(
                  Change.Status.NEW,
                  d.change.priorMm(),
                  tokens.get(i).start(),
                  tokens.get(k).end());
        }
        i = k;
      }
    }
  }
}
