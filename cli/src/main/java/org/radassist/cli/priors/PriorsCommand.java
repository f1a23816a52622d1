package org.radassist.cli.priors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import okhttp3.HttpUrl;
import org.radassist.model.ModelJson;
import org.radassist.priors.ChangeRecord;
import org.radassist.priors.ComparisonSummary;
import org.radassist.priors.FindingMatch;
import org.radassist.priors.LookupStatus;
import org.radassist.priors.PriorLookup;
import org.radassist.priors.PriorQuery;
import org.radassist.priors.PriorStudy;
import org.radassist.priors.PriorStudyProvider;
import org.radassist.priors.internal.compare.ComparisonEngine;
import org.radassist.priors.internal.dicomweb.DicomWebPriorProvider;
import org.radassist.priors.internal.dicomweb.DicomWebSettings;
import org.radassist.priors.internal.folder.FolderPriorProvider;
import org.radassist.priors.internal.service.DefaultPriorComparisonService;
import org.radassist.priors.internal.sr.RadAssistSrContentReader;
import org.radassist.priors.internal.text.Labels;

/**
 * {@code radassist priors (--dicomweb URL | --dir DIR) --study-uid UID [--json] [--max-priors N]
 * [--timeout-ms MS]}: prints the priors found, the matches, the changes and the Comparison
 * paragraph. Exit 0 when the study was found (also when some prior documents were skipped), 1 on
 * bad input, an unknown study or an unreachable PACS.
 */
public final class PriorsCommand {

  static final String USAGE =
      "usage: radassist priors (--dicomweb URL | --dir DIR) --study-uid UID [--json]"
          + " [--max-priors N] [--timeout-ms MS]";

  private PriorsCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  record Options(
      String dicomweb, Path dir, String studyUid, boolean json, int maxPriors, long timeoutMs) {}

  /** The data the --json output holds. */
  record JsonOutput(String source, PriorLookupView lookup, ComparisonSummary comparison) {}

  /** The lookup without the findings again (they are in the comparison). */
  record PriorLookupView(
      LookupStatus status,
      String statusMessage,
      int candidatesConsidered,
      List<PriorView> priors,
      int currentFindings,
      List<String> notes) {}

  record PriorView(
      String studyInstanceUid,
      String study,
      double relevance,
      int findings,
      String reportText,
      List<String> notes) {}

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
      out.println(USAGE);
      return 0;
    }
    List<String> problems = new ArrayList<>();
    Options options = parse(args, problems);
    if (!problems.isEmpty()) {
      problems.forEach(p -> err.println("radassist priors: " + p));
      err.println(USAGE);
      return 1;
    }
    PriorStudyProvider provider = null;
    try {
      RadAssistSrContentReader srReader = RadAssistSrContentReader.create();
      if (options.dicomweb() != null) {
        DicomWebSettings defaults = DicomWebSettings.of(options.dicomweb());
        Duration timeout = Duration.ofMillis(options.timeoutMs());
        provider =
            new DicomWebPriorProvider(
                new DicomWebSettings(
                    options.dicomweb(),
                    timeout.compareTo(defaults.connectTimeout()) < 0
                        ? timeout
                        : defaults.connectTimeout(),
                    timeout,
                    timeout,
                    defaults.pageSize(),
                    defaults.maxCandidates(),
                    defaults.parallelism()),
                srReader);
      } else {
        provider = new FolderPriorProvider(options.dir(), srReader);
      }
      PriorQuery query = new PriorQuery(options.maxPriors(), PriorQuery.defaults().minRelevance());
      PriorLookup lookup = provider.lookup(options.studyUid(), query);
      if (lookup.status() == LookupStatus.UNAVAILABLE
          || lookup.status() == LookupStatus.NOT_FOUND) {
        err.println("radassist priors: " + lookup.statusMessage());
        return 1;
      }
      ComparisonSummary summary =
          new DefaultPriorComparisonService(provider, ComparisonEngine.defaults(), query)
              .summarize(lookup, options.studyUid());
      if (options.json()) {
        ObjectMapper mapper = ModelJson.newMapper().enable(SerializationFeature.INDENT_OUTPUT);
        out.println(
            mapper.writeValueAsString(new JsonOutput(provider.name(), view(lookup), summary)));
      } else {
        printText(provider.name(), lookup, summary, out);
      }
      return 0;
    } catch (Exception e) {
      err.println("radassist priors: " + e.getMessage());
      return 1;
    } finally {
      if (provider instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception ignored) {
          // closing a client that is done anyway
        }
      }
    }
  }

  static Options parse(String[] args, List<String> problems) {
    String dicomweb = null;
    Path dir = null;
    String studyUid = null;
    boolean json = false;
    int maxPriors = 10;
    long timeoutMs = 10_000;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      boolean hasValue = i + 1 < args.length;
      switch (arg) {
        case "--json" -> json = true;
        case "--dicomweb", "--dir", "--study-uid", "--max-priors", "--timeout-ms" -> {
          if (!hasValue) {
            problems.add(arg + ": missing value");
            continue;
          }
          String value = args[++i];
          switch (arg) {
            case "--dicomweb" -> {
              if (HttpUrl.parse(value) == null) {
                problems.add("--dicomweb " + value + ": not an http(s) URL");
              } else {
                dicomweb = value;
              }
            }
            case "--dir" -> {
              dir = Path.of(value);
              if (!Files.isDirectory(dir)) {
                problems.add("--dir " + value + ": not a directory");
              }
            }
            case "--study-uid" -> {
              if (!value.matches("[0-9]+(\\.[0-9]+)*") || value.length() > 64) {
                problems.add("--study-uid " + value + ": not a DICOM UID");
              }
              studyUid = value;
            }
            case "--max-priors" -> maxPriors = positive(arg, value, problems);
            default -> timeoutMs = positive(arg, value, problems);
          }
        }
        default -> problems.add(arg + ": unknown option");
      }
    }
    if ((dicomweb == null) == (dir == null)
        && problems.stream().noneMatch(p -> p.startsWith("--d"))) {
      problems.add("give exactly one of --dicomweb URL and --dir DIR");
    }
    if (studyUid == null) {
      problems.add("--study-uid is required");
    }
    return new Options(dicomweb, dir, studyUid, json, maxPriors, timeoutMs);
  }

  private static int positive(String option, String value, List<String> problems) {
    try {
      int n = Integer.parseInt(value);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(option + " " + value + ": not a positive whole number");
    return 1;
  }

  private static PriorLookupView view(PriorLookup lookup) {
    return new PriorLookupView(
        lookup.status(),
        lookup.statusMessage(),
        lookup.candidatesConsidered(),
        lookup.priors().stream()
            .map(
                p ->
                    new PriorView(
                        p.studyInstanceUid(),
                        Labels.of(p.study()),
                        p.relevance(),
                        p.findings().size(),
                        p.reportText(),
                        p.notes()))
            .toList(),
        lookup.currentFindings().size(),
        lookup.notes());
  }

  private static void printText(
      String source, PriorLookup lookup, ComparisonSummary summary, PrintStream out) {
    out.println("Source:  " + source + " (" + lookup.status() + ")");
    out.println(
        "Study:   "
            + Labels.of(summary.current())
            + " ["
            + summary.current().studyInstanceUid()
            + "], "
            + lookup.currentFindings().size()
            + " findings");
    out.println(
        "Priors:  "
            + lookup.priors().size()
            + " kept of "
            + lookup.candidatesConsidered()
            + " other studies of the patient");
    for (PriorStudy p : lookup.priors()) {
      out.printf(
          Locale.ROOT,
          "  %-34s relevance %.2f  %d findings%s  [%s]%n",
          Labels.of(p.study()),
          p.relevance(),
          p.findings().size(),
          p.reportText().isBlank() ? "" : ", report text",
          p.studyInstanceUid());
    }
    out.println("Matches (most recent measured prior -> current):");
    if (summary.matches().isEmpty()) {
      out.println("  none");
    }
    for (FindingMatch m : summary.matches()) {
      String tracking =
          m.current().trackingIdentifier() != null
              ? m.current().trackingIdentifier()
              : m.current().trackingUid() != null ? m.current().trackingUid() : "-";
      out.printf(
          Locale.ROOT,
          "  %-40s %-16s %s %.2f%s%n",
          Labels.of(m.current()),
          tracking,
          m.basis(),
          m.confidence(),
          m.distanceMillimetres() == null
              ? ""
              : String.format(Locale.ROOT, " (%.1f mm apart)", m.distanceMillimetres()));
    }
    out.println("Changes:");
    if (summary.changes().isEmpty()) {
      out.println("  none");
    }
    for (ChangeRecord c : summary.changes()) {
      out.printf(
          Locale.ROOT,
          "  %-14s %-40s %s -> %s mm%s%n",
          c.kind(),
          c.label(),
          c.priorSizeMillimetres() == null ? "-" : c.priorSizeMillimetres().toPlainString(),
          c.currentSizeMillimetres() == null ? "-" : c.currentSizeMillimetres().toPlainString(),
          c.lungRadsGrowth()
              ? "  Lung-RADS growth"
              : c.liRadsThresholdGrowth() ? "  LI-RADS threshold growth" : "");
    }
    out.println();
    out.println(summary.paragraph());
    if (!summary.notes().isEmpty()) {
      out.println();
      out.println("Notes:");
      summary.notes().forEach(n -> out.println("  " + n));
    }
  }
}
