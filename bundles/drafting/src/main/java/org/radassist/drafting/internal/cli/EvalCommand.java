package org.radassist.drafting.internal.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.radassist.drafting.DictationChunk;
import org.radassist.drafting.DraftRequest;
import org.radassist.drafting.DraftingException;
import org.radassist.drafting.DraftingService;
import org.radassist.drafting.StudyInfo;
import org.radassist.drafting.internal.engine.EngineTables;
import org.radassist.drafting.internal.engine.MrrtTemplates;
import org.radassist.drafting.internal.engine.RuleLabeler;
import org.radassist.drafting.internal.eval.Csv;
import org.radassist.drafting.internal.eval.TextMetrics;
import org.radassist.model.DraftReport;
import org.radassist.model.Flag;
import org.radassist.model.ModelInfo;
import org.radassist.model.ModelJson;
import org.radassist.model.Section;
import org.radassist.model.SectionKind;

/**
 * {@code radassist eval impressions --reports CSV [--json] [--endpoint URL]}: generates an
 * impression from each report's findings with the embedded rules engine, or with whatever backend
 * the drafting service at {@code --endpoint} runs (rules, an OpenAI-compatible model, Anthropic;
 * bearer token from {@code $RADASSIST_TOKEN}), and scores it against the radiologist's impression:
 * ROUGE-L F1 (mean), corpus BLEU-4, and a CheXpert-style rule-label F1 (this engine's lexicon +
 * ConText labeller, not CheXbert). Flag counts come from drafting each original report (findings
 * and impression as dictated), i.e. what the consistency checks say of human reports.
 */
public final class EvalCommand {
  private final PrintStream out;
  private final PrintStream err;

  EvalCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    System.exit(
        new EvalCommand(
                new PrintStream(System.out, true, StandardCharsets.UTF_8),
                new PrintStream(System.err, true, StandardCharsets.UTF_8))
            .run(args));
  }

  int run(String[] args) {
    String reports = null;
    boolean json = false;
    URI endpoint = null;
    List<String> problems = new ArrayList<>();
    if (args.length == 0 || !args[0].equals("impressions")) {
      problems.add("usage: radassist eval impressions --reports CSV [--json] [--endpoint URL]");
    }
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--reports" -> {
          if (i + 1 < args.length) {
            reports = args[++i];
          } else {
            problems.add("--reports: needs a CSV file");
          }
        }
        case "--json" -> json = true;
        case "--endpoint" -> {
          if (i + 1 < args.length) {
            endpoint = CliBackend.endpoint(args[++i], problems);
          } else {
            problems.add("--endpoint: needs the drafting service's URL");
          }
        }
        default -> problems.add(args[i] + ": unknown option");
      }
    }
    if (problems.isEmpty() && reports == null) {
      problems.add("--reports CSV is required");
    }
    List<List<String>> rows = List.of();
    if (problems.isEmpty()) {
      try {
        rows = Csv.parse(CliInput.readText(reports, System.in).replace("\r\n", "\n"));
      } catch (CliInput.BadInput e) {
        problems.add(e.getMessage());
      } catch (IllegalArgumentException e) {
        problems.add(reports + ": " + e.getMessage());
      }
    }
    int findingsCol = -1;
    int impressionCol = -1;
    int indicationCol = -1;
    if (problems.isEmpty()) {
      List<String> header = rows.isEmpty() ? List.of() : rows.get(0);
      findingsCol = header.indexOf("findings");
      impressionCol = header.indexOf("impression");
      indicationCol = header.indexOf("indication");
      if (findingsCol < 0 || impressionCol < 0) {
        problems.add(reports + ": needs the columns findings and impression, has " + header);
      }
    }
    if (!problems.isEmpty()) {
      problems.forEach(p -> err.println("radassist eval: " + p));
      return 1;
    }
    EngineTables tables = EngineTables.defaults();
    try (CliBackend backend = CliBackend.open(endpoint, tables, new MrrtTemplates())) {
      return evaluate(
          reports,
          rows,
          findingsCol,
          impressionCol,
          indicationCol,
          json,
          backend.service(),
          endpoint,
          tables);
    }
  }

  private int evaluate(
      String reports,
      List<List<String>> rows,
      int findingsCol,
      int impressionCol,
      int indicationCol,
      boolean json,
      DraftingService backend,
      URI endpoint,
      EngineTables tables) {
    ModelInfo served = null;
    RuleLabeler labeler = new RuleLabeler(tables);
    List<List<String>> candidates = new ArrayList<>();
    List<List<String>> references = new ArrayList<>();
    double rougeSum = 0;
    int n = 0;
    int skipped = 0;
    long[] tp = new long[RuleLabeler.LABELS.size()];
    long[] fp = new long[tp.length];
    long[] fn = new long[tp.length];
    Map<String, Integer> flagCounts = new TreeMap<>();
    int reportsWithFlags = 0;
    long nanos = 0;
    for (int r = 1; r < rows.size(); r++) {
      List<String> row = rows.get(r);
      if (row.size() <= Math.max(findingsCol, impressionCol)) {
        skipped++;
        continue;
      }
      String findings = row.get(findingsCol);
      String reference = row.get(impressionCol);
      String indication =
          indicationCol >= 0 && indicationCol < row.size() ? row.get(indicationCol) : "";
      if (findings.isBlank() || reference.isBlank()) {
        skipped++;
        continue;
      }
      String generated;
      try {
        long t0 = System.nanoTime();
        DraftReport o = draft(backend, request(r, "findings: " + findings, indication));
        nanos += System.nanoTime() - t0;
        served = served == null ? o.model() : served;
        generated = o.section(SectionKind.IMPRESSION).map(Section::text).orElse("");
        DraftReport original =
            draft(
                backend,
                request(r, "findings: " + findings + "\nimpression: " + reference, indication));
        if (!original.flags().isEmpty()) {
          reportsWithFlags++;
        }
        for (Flag f : original.flags()) {
          flagCounts.merge(f.type().name(), 1, Integer::sum);
        }
      } catch (DraftingException e) {
        if (e.code().equals("http_401") || e.code().equals("http_403")) {
          err.println("radassist eval: the drafting service refused the token: " + e.getMessage());
          return 1; // the same for every record: stop at the first
        }
        err.println("radassist eval: " + reports + " record " + r + ": " + e.getMessage());
        skipped++;
        continue;
      }
      n++;
      List<String> c = TextMetrics.tokens(generated);
      List<String> ref = TextMetrics.tokens(reference);
      candidates.add(c);
      references.add(ref);
      rougeSum += TextMetrics.rougeL(c, ref);
      Map<String, RuleLabeler.Value> gl = labeler.label(generated);
      Map<String, RuleLabeler.Value> rl = labeler.label(reference);
      for (int k = 0; k < tp.length; k++) {
        String label = RuleLabeler.LABELS.get(k);
        boolean g = positive(gl.get(label));
        boolean ref2 = positive(rl.get(label));
        if (g && ref2) {
          tp[k]++;
        } else if (g) {
          fp[k]++;
        } else if (ref2) {
          fn[k]++;
        }
      }
    }
    if (n == 0) {
      err.println("radassist eval: " + reports + ": no record with both findings and impression");
      return 1;
    }
    long stp = 0;
    long sfp = 0;
    long sfn = 0;
    double macro = 0;
    int macroLabels = 0;
    Map<String, Double> perLabel = new TreeMap<>();
    for (int k = 0; k < tp.length; k++) {
      stp += tp[k];
      sfp += fp[k];
      sfn += fn[k];
      if (tp[k] + fn[k] > 0) {
        double f1 = f1(tp[k], fp[k], fn[k]);
        perLabel.put(RuleLabeler.LABELS.get(k), f1);
        macro += f1;
        macroLabels++;
      }
    }
    double micro = f1(stp, sfp, sfn);
    String backendName =
        endpoint == null
            ? "embedded rules engine"
            : "drafting service "
                + endpoint
                + ": "
                + served.name()
                + " ("
                + served.provider()
                + ")";
    double rouge = rougeSum / n;
    double bleu = TextMetrics.corpusBleu4(candidates, references);
    if (json) {
      ObjectMapper m = ModelJson.newMapper().enable(SerializationFeature.INDENT_OUTPUT);
      ObjectNode o = m.createObjectNode();
      o.put("reports", n);
      o.put("skipped", skipped);
      o.put("backend", backendName);
      o.put("rouge_l_f1", round(rouge));
      o.put("bleu_4", round(bleu));
      o.put("rule_label_f1_micro", round(micro));
      o.put("rule_label_f1_macro", round(macroLabels == 0 ? 0 : macro / macroLabels));
      o.put("labeller", "CheXpert-style rules (this engine's lexicon and ConText), not CheXbert");
      ObjectNode pl = o.putObject("rule_label_f1_per_label");
      perLabel.forEach((k, v) -> pl.put(k, round(v)));
      ObjectNode fc = o.putObject("flag_counts_on_original_reports");
      flagCounts.forEach(fc::put);
      o.put("original_reports_with_flags", reportsWithFlags);
      o.put("mean_draft_ms", round(nanos / 1e6 / n));
      try {
        out.println(m.writeValueAsString(o));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
      return 0;
    }
    out.printf(
        Locale.ROOT, "Impression generation on %s (%d reports, %d skipped)%n", reports, n, skipped);
    out.printf(Locale.ROOT, "backend: %s%n", backendName);
    out.printf(Locale.ROOT, "ROUGE-L F1 (mean)        %.4f%n", rouge);
    out.printf(Locale.ROOT, "BLEU-4 (corpus)          %.4f%n", bleu);
    out.printf(
        Locale.ROOT,
        "rule-label F1 micro      %.4f   (CheXpert-style rules, NOT CheXbert)%n",
        micro);
    out.printf(
        Locale.ROOT,
        "rule-label F1 macro      %.4f   (over %d labels present in the references)%n",
        macroLabels == 0 ? 0 : macro / macroLabels,
        macroLabels);
    perLabel.forEach((k, v) -> out.printf(Locale.ROOT, "    %-28s %.4f%n", k, v));
    out.printf(
        Locale.ROOT,
        "flags on the original reports (%d of %d reports flagged):%n",
        reportsWithFlags,
        n);
    flagCounts.forEach((k, v) -> out.printf(Locale.ROOT, "    %-28s %d%n", k, v));
    out.printf(Locale.ROOT, "mean time per draft %.2f ms%n", nanos / 1e6 / n);
    return 0;
  }

  /** One whole draft; a failed or interrupted one is a DraftingException naming why. */
  private static DraftReport draft(DraftingService backend, DraftRequest request) {
    try {
      return backend
          .draft(request, UUID.randomUUID().toString(), e -> {})
          .result()
          .toCompletableFuture()
          .get(5, TimeUnit.MINUTES);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw cause instanceof DraftingException d
          ? d
          : new DraftingException("draft_failed", true, "drafting failed: " + cause, cause);
    } catch (TimeoutException e) {
      throw new DraftingException("draft_timeout", true, "no draft within 5 minutes", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DraftingException("cancelled", true, "interrupted", e);
    }
  }

  private static DraftRequest request(int row, String dictation, String indication) {
    return new DraftRequest(
        null,
        "eval",
        new StudyInfo("iu-" + row, "CR", "CHEST", null, null, null),
        null,
        indication,
        List.of(new DictationChunk(1, true, dictation)),
        null,
        null,
        null,
        null,
        null);
  }

  private static boolean positive(RuleLabeler.Value v) {
    return v == RuleLabeler.Value.POSITIVE || v == RuleLabeler.Value.UNCERTAIN;
  }

  private static double f1(long tp, long fp, long fn) {
    return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
  }

  private static double round(double v) {
    return Math.round(v * 10000) / 10000.0;
  }
}
