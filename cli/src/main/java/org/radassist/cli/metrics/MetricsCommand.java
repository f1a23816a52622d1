package org.radassist.cli.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.radassist.audit.AuditRecord;
import org.radassist.audit.metrics.AuditMetrics;
import org.radassist.audit.metrics.MetricsSummary;
import org.radassist.audit.metrics.ModalityMetrics;
import org.radassist.cli.audit.Options;
import org.radassist.cli.audit.TrailInputs;
import org.radassist.cli.audit.UsageException;

/**
 * {@code radassist metrics AUDIT_FILE...}: suggestion adoption, word edit distance draft to final
 * and time to report, per modality, from one or more audit trails (each argument a trail file or
 * directory, each verified as its own chain first).
 */
public final class MetricsCommand {
  static final String USAGE =
      """
      usage: radassist metrics [--json] AUDIT_FILE|AUDIT_DIR...

      Per modality and overall: studies with a draft request; AI items accepted, edited and
      rejected; adoption = (accepted + edited) / decisions; unchanged = accepted / decisions;
      word edit distance draft -> final of edited sections (mean, median, mean relative to the
      draft's length); signed reports and time from first draft request to signing.
      """;

  private final PrintStream out;
  private final PrintStream err;

  MetricsCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    System.exit(new MetricsCommand(System.out, System.err).run(args));
  }

  int run(String... args) {
    if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
      out.print(USAGE);
      return 0;
    }
    Options options;
    try {
      options = Options.parse(List.of(args), List.of("--json"), List.of());
    } catch (UsageException e) {
      err.println("metrics: " + e.getMessage());
      return 1;
    }
    if (options.positional().isEmpty()) {
      err.print(USAGE);
      return 1;
    }
    List<AuditRecord> records = TrailInputs.read(options.positional(), err);
    if (records == null) {
      return 1;
    }
    MetricsSummary summary = AuditMetrics.compute(records);
    if (options.flag("--json")) {
      out.println(json(summary));
    } else {
      out.print(table(summary));
    }
    return 0;
  }

  static String table(MetricsSummary summary) {
    List<ModalityMetrics> rows = new ArrayList<>(summary.byModality());
    rows.add(summary.overall());
    StringBuilder text = new StringBuilder();
    String format = "%-9s %7s %8s %8s %6s %8s %9s %9s %9s %9s %6s %12s %12s%n";
    text.append(
        String.format(
            Locale.ROOT,
            format,
            "modality",
            "studies",
            "accepted",
            "edited",
            "reject",
            "flags_ovr",
            "adoption",
            "unchanged",
            "edit_mean",
            "edit_med",
            "signed",
            "ttr_median",
            "ttr_mean"));
    for (ModalityMetrics m : rows) {
      text.append(
          String.format(
              Locale.ROOT,
              format,
              m.modality(),
              m.studies(),
              m.accepted(),
              m.edited(),
              m.rejected(),
              m.flagsOverridden(),
              percent(m.adoptionRate()),
              percent(m.unchangedRate()),
              number(m.meanWordEditDistance()),
              number(m.medianWordEditDistance()),
              m.reportsSigned(),
              duration(m.medianTimeToReport()),
              duration(m.meanTimeToReport())));
    }
    text.append(summary.records()).append(" audit records\n");
    return text.toString();
  }

  static String json(MetricsSummary summary) {
    ObjectMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    ObjectNode root = mapper.createObjectNode();
    root.put("records", summary.records());
    ArrayNode modalities = root.putArray("by_modality");
    summary.byModality().forEach(m -> modalities.add(node(mapper, m)));
    root.set("overall", node(mapper, summary.overall()));
    try {
      return mapper.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  private static ObjectNode node(ObjectMapper mapper, ModalityMetrics m) {
    ObjectNode node = mapper.createObjectNode();
    node.put("modality", m.modality());
    node.put("studies", m.studies());
    node.put("accepted", m.accepted());
    node.put("edited", m.edited());
    node.put("rejected", m.rejected());
    node.put("flags_overridden", m.flagsOverridden());
    putIfPresent(node, "adoption_rate", m.adoptionRate());
    putIfPresent(node, "unchanged_rate", m.unchangedRate());
    putIfPresent(node, "mean_word_edit_distance", m.meanWordEditDistance());
    putIfPresent(node, "median_word_edit_distance", m.medianWordEditDistance());
    putIfPresent(node, "mean_relative_edit_distance", m.meanRelativeEditDistance());
    node.put("reports_signed", m.reportsSigned());
    m.medianTimeToReport().ifPresent(d -> node.put("median_time_to_report_s", d.toMillis() / 1e3));
    m.meanTimeToReport().ifPresent(d -> node.put("mean_time_to_report_s", d.toMillis() / 1e3));
    return node;
  }

  private static void putIfPresent(ObjectNode node, String name, OptionalDouble value) {
    if (value.isPresent()) {
      node.put(name, Math.round(value.getAsDouble() * 10_000) / 10_000.0);
    }
  }

  private static String percent(OptionalDouble value) {
    return value.isPresent()
        ? String.format(Locale.ROOT, "%.1f%%", value.getAsDouble() * 100)
        : "-";
  }

  private static String number(OptionalDouble value) {
    return value.isPresent() ? String.format(Locale.ROOT, "%.2f", value.getAsDouble()) : "-";
  }

  private static String duration(Optional<Duration> value) {
    if (value.isEmpty()) {
      return "-";
    }
    long seconds = value.get().toSeconds();
    return String.format(
        Locale.ROOT, "%d:%02d:%02d", seconds / 3600, (seconds % 3600) / 60, seconds % 60);
  }
}
