package org.radassist.priors.internal.lookup;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.radassist.model.StudyContext;

/**
 * Scores how useful an earlier study is for comparison with the current one, in [0, 1]:
 *
 * <ul>
 *   <li>0.5 for the same body region (BodyPartExamined, else words of the study description; 0.25
 *       when either side does not say);
 *   <li>0.3 for a shared imaging modality (SR, KO and PR do not count);
 *   <li>up to 0.2 for recency, falling linearly to 0 at ten years.
 * </ul>
 *
 * With the default cut of 0.55 a prior must share the body region, or share the modality when the
 * region is unknown: a head CT is no comparison for a chest CT, a chest MR may be.
 */
public final class RelevanceRanker {

  private static final Set<String> NON_IMAGING = Set.of("SR", "KO", "PR", "DOC", "OT");
  private static final Map<String, String> REGION_WORDS =
      Map.ofEntries(
          Map.entry("CHEST", "CHEST"),
          Map.entry("THORAX", "CHEST"),
          Map.entry("LUNG", "CHEST"),
          Map.entry("LUNGS", "CHEST"),
          Map.entry("PULMONARY", "CHEST"),
          Map.entry("ABDOMEN", "ABDOMEN"),
          Map.entry("ABD", "ABDOMEN"),
          Map.entry("LIVER", "ABDOMEN"),
          Map.entry("PELVIS", "PELVIS"),
          Map.entry("HEAD", "HEAD"),
          Map.entry("BRAIN", "HEAD"),
          Map.entry("SKULL", "HEAD"),
          Map.entry("NECK", "NECK"),
          Map.entry("BREAST", "BREAST"),
          Map.entry("PROSTATE", "PELVIS"),
          Map.entry("KNEE", "KNEE"),
          Map.entry("SPINE", "SPINE"));

  /** A candidate with its score. */
  public record Ranked(StudyContext study, double relevance) {}

  public double score(StudyContext current, StudyContext candidate) {
    double score = 0;
    Set<String> a = regions(current);
    Set<String> b = regions(candidate);
    if (a.isEmpty() || b.isEmpty()) {
      score += 0.25;
    } else if (a.stream().anyMatch(b::contains)) {
      score += 0.5;
    }
    Set<String> ma = imaging(current.modalities());
    Set<String> mb = imaging(candidate.modalities());
    if (ma.stream().anyMatch(mb::contains)) {
      score += 0.3;
    }
    score += 0.2 * recency(current.studyDate(), candidate.studyDate());
    return Math.round(score * 1000) / 1000.0;
  }

  /**
   * Scores, drops what is not earlier than the current study or scores below {@code minRelevance},
   * and keeps the {@code max} best, most relevant first (newer first on equal scores).
   */
  public List<Ranked> rank(
      StudyContext current, List<StudyContext> candidates, double minRelevance, int max) {
    return candidates.stream()
        .filter(c -> !c.studyInstanceUid().equals(current.studyInstanceUid()))
        .filter(c -> !isLater(c.studyDate(), current.studyDate()))
        .map(c -> new Ranked(c, score(current, c)))
        .filter(r -> r.relevance() >= minRelevance)
        .sorted(
            Comparator.comparingDouble(Ranked::relevance)
                .reversed()
                .thenComparing(
                    r -> r.study().studyDate(),
                    Comparator.nullsLast(Comparator.<LocalDate>reverseOrder())))
        .limit(max)
        .toList();
  }

  /** The first body region the study names (BodyPartExamined, else its description), if any. */
  public static java.util.Optional<String> region(StudyContext study) {
    String text = regionText(study);
    return java.util.Arrays.stream(text.toUpperCase(Locale.ROOT).split("[^A-Z]+"))
        .map(REGION_WORDS::get)
        .filter(java.util.Objects::nonNull)
        .findFirst();
  }

  private static String regionText(StudyContext study) {
    return study.bodyPart() != null && !study.bodyPart().isBlank()
        ? study.bodyPart()
        : study.studyDescription() == null ? "" : study.studyDescription();
  }

  static Set<String> regions(StudyContext study) {
    String text = regionText(study);
    return java.util.Arrays.stream(text.toUpperCase(Locale.ROOT).split("[^A-Z]+"))
        .map(REGION_WORDS::get)
        .filter(java.util.Objects::nonNull)
        .collect(Collectors.toSet());
  }

  private static Set<String> imaging(List<String> modalities) {
    return modalities.stream()
        .map(m -> m.toUpperCase(Locale.ROOT))
        .filter(m -> !NON_IMAGING.contains(m))
        .collect(Collectors.toSet());
  }

  private static double recency(LocalDate current, LocalDate candidate) {
    if (current == null || candidate == null) {
      return 0;
    }
    double years = ChronoUnit.DAYS.between(candidate, current) / 365.25;
    return Math.max(0, 1 - years / 10);
  }

  private static boolean isLater(LocalDate a, LocalDate b) {
    return a != null && b != null && a.isAfter(b);
  }
}
