package org.radassist.drafting.service.internal.llm;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.radassist.model.Evidence;
import org.radassist.model.Flag;
import org.radassist.model.FlagType;
import org.radassist.model.SectionKind;
import org.radassist.model.Severity;

/**
 * Checks that what was dictated survives into a model's sections, frame by frame. Per section, as
 * soon as it is complete: a positive finding with no dictated finding of that kind is {@code
 * UNSUPPORTED_FINDING} (also when the dictation negated it: "no" lost), a size the dictation does
 * not have for that finding is {@code ALTERED_MEASUREMENT}, the opposite side is {@code
 * ALTERED_LATERALITY}, and a dictated finding the section negates is {@code OMITTED_FINDING}. At
 * the end, every dictated finding that no shown section carries is {@code OMITTED_FINDING}. Each
 * flag carries the span of the shown text (offsets into the section as shown) and quotes the
 * dictated sentence. Findings of clinical history or comparison are not checked.
 */
final class FaithfulnessGuard {
  /** Size equality: dictated one decimal, so 0.05 mm. */
  private static final double MM = 0.05;

  private static final Set<SectionKind> CHECKED =
      Set.of(SectionKind.FINDINGS, SectionKind.IMPRESSION);

  private final FindingFrames reader;
  private final List<FindingFrames.Frame> dictated = new ArrayList<>();

  /** The dictated text each frame was read from (its offsets refer to it). */
  private final Map<FindingFrames.Frame, String> source = new IdentityHashMap<>();

  private final Map<FindingFrames.Frame, SectionKind> sectionOf = new IdentityHashMap<>();

  /** Dictated frames already named by an alteration flag: not reported again as omitted. */
  private final Set<FindingFrames.Frame> altered = new HashSet<>();

  /**
   * @param dictated the dictation's findings and impression, as the rules engine sectioned it
   */
  FaithfulnessGuard(FindingFrames reader, Map<SectionKind, String> dictated) {
    this.reader = reader;
    for (Map.Entry<SectionKind, String> e : dictated.entrySet()) {
      if (CHECKED.contains(e.getKey())) {
        for (FindingFrames.Frame f : reader.read(e.getValue())) {
          this.dictated.add(f);
          source.put(f, e.getValue());
          sectionOf.put(f, e.getKey());
        }
      }
    }
  }

  /** The dictation's frames (for tests and reports). */
  List<FindingFrames.Frame> dictated() {
    return dictated;
  }

  /** Flags for one complete section: what it adds, alters or denies. */
  List<Flag> checkSection(SectionKind kind, String text) {
    if (!CHECKED.contains(kind)) {
      return List.of();
    }
    List<Flag> flags = new ArrayList<>();
    for (FindingFrames.Frame s : reader.read(text)) {
      List<FindingFrames.Frame> same = new ArrayList<>(sameFinding(s));
      // quote the dictation of the same section first (findings against findings)
      same.sort(java.util.Comparator.comparing(d -> sectionOf.get(d) != kind));
      Evidence shown = Evidence.of(kind, text, s.sentenceStart(), s.sentenceEnd());
      if (same.isEmpty()) {
        if (s.positive()) {
          flags.add(
              flag(
                  FlagType.UNSUPPORTED_FINDING,
                  kind.jsonName() + " states " + quote(text, s) + ", which was not dictated",
                  shown));
        }
        continue;
      }
      List<FindingFrames.Frame> samePolarity =
          same.stream().filter(d -> d.positive() == s.positive()).collect(Collectors.toList());
      if (samePolarity.isEmpty()) {
        FindingFrames.Frame d = same.get(0);
        altered.addAll(same);
        flags.add(
            s.positive()
                ? flag(
                    FlagType.UNSUPPORTED_FINDING,
                    kind.jsonName()
                        + " states "
                        + quote(text, s)
                        + " but the dictation negates it: "
                        + dictated(d),
                    shown)
                : flag(
                    FlagType.OMITTED_FINDING,
                    kind.jsonName()
                        + " negates "
                        + quote(text, s)
                        + " but it was dictated: "
                        + dictated(d),
                    shown));
        continue;
      }
      if (!s.side().isEmpty()
          && samePolarity.stream()
              .noneMatch(d -> d.side().isEmpty() || d.side().equals(s.side()))) {
        FindingFrames.Frame d = samePolarity.get(0);
        altered.addAll(samePolarity);
        flags.add(
            flag(
                FlagType.ALTERED_LATERALITY,
                kind.jsonName()
                    + " says "
                    + s.side()
                    + " ("
                    + quote(text, s)
                    + "), the dictation "
                    + d.side()
                    + ": "
                    + dictated(d),
                shown));
        continue;
      }
      List<Double> unsupported =
          s.sizesMm().stream()
              .filter(
                  mm ->
                      samePolarity.stream()
                          .flatMap(d -> d.sizesMm().stream())
                          .noneMatch(dm -> Math.abs(dm - mm) < MM))
              .collect(Collectors.toList());
      if (!unsupported.isEmpty()) {
        FindingFrames.Frame d =
            samePolarity.stream()
                .filter(f -> !f.sizesMm().isEmpty())
                .findFirst()
                .orElse(samePolarity.get(0));
        altered.addAll(samePolarity);
        flags.add(
            flag(
                FlagType.ALTERED_MEASUREMENT,
                kind.jsonName()
                    + " gives "
                    + mm(unsupported)
                    + " for "
                    + quote(text, s)
                    + "; the dictation "
                    + (d.sizesMm().isEmpty() ? "gives no size" : "says " + mm(d.sizesMm()))
                    + ": "
                    + dictated(d),
                shown));
      }
    }
    return flags;
  }

  /** Flags for dictated findings, sizes and negations that no shown section carries. */
  List<Flag> omissions(Map<SectionKind, String> shown) {
    List<Flag> flags = new ArrayList<>();
    Set<String> said = new HashSet<>();
    List<FindingFrames.Frame> carried = new ArrayList<>();
    StringBuilder all = new StringBuilder();
    for (Map.Entry<SectionKind, String> e : shown.entrySet()) {
      if (CHECKED.contains(e.getKey())) {
        carried.addAll(reader.read(e.getValue()));
        all.append(e.getValue()).append('\n');
      }
    }
    for (FindingFrames.Frame d : dictated) {
      if (altered.contains(d)) {
        continue;
      }
      List<FindingFrames.Frame> same =
          carried.stream()
              .filter(s -> sameKind(s, d) && s.positive() == d.positive())
              .collect(Collectors.toList());
      if (same.isEmpty()) {
        if (!said.add(d.positive() + dictated(d))) {
          continue; // two words of one finding in one sentence ("filling defects ... embolism")
        }
        flags.add(
            new Flag(
                FlagType.OMITTED_FINDING,
                d.positive() ? Severity.WARNING : Severity.INFO,
                (d.positive()
                        ? "dictated finding missing from the draft: "
                        : "dictated negative finding missing from the draft: ")
                    + dictated(d),
                List.of(),
                null,
                List.of()));
        continue;
      }
      List<Double> missing =
          d.sizesMm().stream()
              .filter(
                  mm ->
                      same.stream()
                          .flatMap(s -> s.sizesMm().stream())
                          .noneMatch(sm -> Math.abs(sm - mm) < MM))
              .collect(Collectors.toList());
      if (!missing.isEmpty()) {
        flags.add(
            flag(
                FlagType.OMITTED_FINDING,
                "dictated size " + mm(missing) + " missing from the draft: " + dictated(d),
                null));
      }
    }
    return flags;
  }

  /** Dictated frames of the same finding: same kind, and same organ where both name one. */
  private List<FindingFrames.Frame> sameFinding(FindingFrames.Frame s) {
    return dictated.stream().filter(d -> sameKind(s, d)).collect(Collectors.toList());
  }

  private static boolean sameKind(FindingFrames.Frame a, FindingFrames.Frame b) {
    return a.kind().equals(b.kind())
        && (a.organ().isEmpty() || b.organ().isEmpty() || a.organ().equals(b.organ()));
  }

  private String dictated(FindingFrames.Frame d) {
    return "\"" + source.get(d).substring(d.sentenceStart(), d.sentenceEnd()).strip() + "\"";
  }

  private static String quote(String text, FindingFrames.Frame s) {
    return "\"" + text.substring(s.start(), s.end()) + "\"";
  }

  private static String mm(List<Double> sizes) {
    return sizes.stream()
            .map(
                v ->
                    v == Math.rint(v)
                        ? String.valueOf(v.longValue())
                        : String.format(Locale.ROOT, "%.1f", v))
            .collect(Collectors.joining(" x "))
        + " mm";
  }

  private static Flag flag(FlagType type, String message, Evidence shown) {
    return new Flag(
        type,
        Severity.WARNING,
        message,
        shown == null ? List.of() : List.of(shown),
        null,
        List.of());
  }
}
