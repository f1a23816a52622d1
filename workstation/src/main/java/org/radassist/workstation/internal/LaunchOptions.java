package org.radassist.workstation.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command line of {@code radassist workstation}: {@code [--study DIR] [--headless --out DIR]
 * [--dictation FILE] [--rollout MODE]}. Parsing collects every problem, one line each, naming the
 * input.
 */
public record LaunchOptions(
    Optional<Path> study,
    boolean headless,
    Optional<Path> out,
    Optional<Path> dictation,
    String rollout) {

  /** The governance rollout modes (the governance bundle's own names). */
  public static final List<String> ROLLOUT_MODES = List.of("shadow", "assistive", "integrated");

  public static final String USAGE =
      """
      usage: radassist workstation [--study DIR] [--headless --out DIR] [--dictation FILE]
                                   [--rollout shadow|assistive|integrated]

        --study DIR       a folder of DICOM files to open (default: the generated phantom study,
                          written on first use under ~/.radassist/studies)
        --headless        no display: open the study, draft from the dictation, accept the
                          sections and write the results into --out
        --out DIR         where --headless writes the report, SR, panel PNGs and audit trail
        --dictation FILE  dictation text for --headless (default: a canned CT chest dictation)
        --rollout MODE    governance rollout mode: shadow (drafts logged, nothing shown),
                          assistive (default: shown, nothing filled in) or integrated
                          (confident fields filled in, still not final until accepted)
      """;

  /** The parsed options, or the problems found. */
  public record Parsed(Optional<LaunchOptions> options, List<String> problems, boolean help) {}

  public static Parsed parse(String... args) {
    List<String> problems = new ArrayList<>();
    Path study = null;
    Path out = null;
    Path dictation = null;
    boolean headless = false;
    String rollout = "assistive";
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "-h", "--help" -> {
          return new Parsed(Optional.empty(), List.of(), true);
        }
        case "--headless" -> headless = true;
        case "--rollout" -> {
          if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
            problems.add(a + ": needs a mode (" + String.join(", ", ROLLOUT_MODES) + ")");
          } else if (!ROLLOUT_MODES.contains(args[i + 1])) {
            problems.add(
                a
                    + " "
                    + args[++i]
                    + ": unknown mode (one of "
                    + String.join(", ", ROLLOUT_MODES)
                    + ")");
          } else {
            rollout = args[++i];
          }
        }
        case "--study", "--out", "--dictation" -> {
          if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
            problems.add(a + ": needs a path");
          } else {
            Path p = Path.of(args[++i]);
            if (a.equals("--study")) {
              study = p;
            } else if (a.equals("--out")) {
              out = p;
            } else {
              dictation = p;
            }
          }
        }
        default -> problems.add(a + ": unknown option");
      }
    }
    if (study != null && !Files.isDirectory(study)) {
      problems.add("--study " + study + ": not a folder");
    }
    if (dictation != null && !Files.isRegularFile(dictation)) {
      problems.add("--dictation " + dictation + ": no such file");
    }
    if (headless && out == null) {
      problems.add("--headless: needs --out DIR");
    }
    if (!headless && out != null) {
      problems.add("--out " + out + ": only with --headless");
    }
    if (!headless && dictation != null) {
      problems.add("--dictation " + dictation + ": only with --headless");
    }
    if (out != null && Files.exists(out) && !Files.isDirectory(out)) {
      problems.add("--out " + out + ": exists and is not a folder");
    }
    if (!problems.isEmpty()) {
      return new Parsed(Optional.empty(), problems, false);
    }
    return new Parsed(
        Optional.of(
            new LaunchOptions(
                Optional.ofNullable(study),
                headless,
                Optional.ofNullable(out),
                Optional.ofNullable(dictation),
                rollout)),
        List.of(),
        false);
  }
}
