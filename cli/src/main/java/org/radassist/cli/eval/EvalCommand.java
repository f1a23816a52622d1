package org.radassist.cli.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.radassist.cli.draft.CliBackend;
import org.radassist.cli.draft.CliInput;
import org.radassist.drafting.DictationChunk;
import org.radassist.drafting.DraftRequest;
import org.radassist.drafting.DraftingException;
import org.radassist.drafting.DraftingService;
import org.radassist.drafting.internal.engine.EngineTables;
import org.radassist.drafting.internal.engine.MrrtTemplates;
import org.radassist.drafting.internal.engine.RuleLabeler;
import org.radassist.drafting.request.DraftRequestFactory;
import org.radassist.drafting.request.RequestContent;
import org.radassist.model.DraftReport;
import org.radassist.model.Flag;
import org.radassist.model.ModelInfo;
import org.radassist.model.ModelJson;
import org.radassist.model.Section;
import org.radassist.model.SectionKind;
import org.radassist.model.StudyContext;

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

  public EvalCommand(PrintStream out, PrintStream err) {
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

  static final String USAGE =
      "usage: radassist eval impressions --reports CSV [--json] [--endpoint URL]"
          + " [--allow-plain-http]\n"
          + "       radassist eval mesh [--reports CSV] [--limit N] [--examples N] [--endpoint URL]\n"
          + "       radassist eval cases DIR [--min-precision P] [--min-recall R] [--endpoint URL]";

  public int run(String[] args) {
    if (args.length > 0 && args[0].equals("mesh")) {
      return mesh(args);
    }
    if (args.length > 0 && args[0].equals("cases")) {
      return cases(args);
    }
    if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
      out.println(USAGE);
      return 0;
    }
    return impressions(args);
  }

  private int impressions(String[] args) {
    String reports = null;
    boolean json = false;
    URI endpoint = null;
    boolean allowPlainHttp = false;
    List<String> problems = new ArrayList<>();
    if (args.length == 0 || !args[0].equals("impressions")) {
      problems.add(USAGE);
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
        case "--allow-plain-http" -> allowPlainHttp = true;
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
    CliBackend.checkEndpoint(endpoint, allowPlainHttp, problems);
    if (!problems.isEmpty()) {
      problems.forEach(p -> err.println("radassist eval: " + p));
      return 1;
    }
    EngineTables tables = EngineTables.defaults();
    try (CliBackend backend =
        CliBackend.open(endpoint, allowPlainHttp, tables, new MrrtTemplates())) {
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

  /** The IU reports with their MeSH headings, as the shared data holds them. */
  static final String DEFAULT_MESH_REPORTS = "../shared/data/reports/indiana_reports.csv";

  /** MeSH CSVs are larger than a dictation: bounded at 16 MiB. */
  private static final int MAX_CSV_BYTES = 16 << 20;

  private int mesh(String[] args) {
    String reports = null;
    Integer limit = null;
    int examples = 3;
    URI endpoint = null;
    List<String> problems = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      boolean hasValue = i + 1 < args.length;
      switch (a) {
        case "--reports" -> {
          if (hasValue) {
            reports = args[++i];
          } else {
            problems.add("--reports: needs a CSV file");
          }
        }
        case "--limit", "--examples" -> {
          if (!hasValue) {
            problems.add(a + ": needs a whole number");
            break;
          }
          String v = args[++i];
          try {
            int n = Integer.parseInt(v.trim());
            if (n < (a.equals("--limit") ? 1 : 0)) {
              problems.add(
                  a + ": must be " + (a.equals("--limit") ? "positive" : ">= 0") + ", was " + v);
            } else if (a.equals("--limit")) {
              limit = n;
            } else {
              examples = n;
            }
          } catch (NumberFormatException e) {
            problems.add(a + ": not a whole number: \"" + v + "\"");
          }
        }
        case "--endpoint" -> {
          if (hasValue) {
            endpoint = CliBackend.endpoint(args[++i], problems);
          } else {
            problems.add("--endpoint: needs the drafting service's URL");
          }
        }
        default -> problems.add(a + ": unknown option");
      }
    }
    if (reports == null) {
      // beside the repository, as the launcher names it; else relative to the working directory
      String root = System.getProperty("radassist.root");
      reports =
          root == null
              ? DEFAULT_MESH_REPORTS
              : Path.of(root).resolve(DEFAULT_MESH_REPORTS).normalize().toString();
    }
    List<List<String>> rows = List.of();
    if (problems.isEmpty()) {
      try {
        rows =
            Csv.parse(CliInput.readText(reports, System.in, MAX_CSV_BYTES).replace("\r\n", "\n"));
      } catch (CliInput.BadInput e) {
        problems.add(e.getMessage());
      } catch (IllegalArgumentException e) {
        problems.add(reports + ": " + e.getMessage());
      }
    }
    List<String> header = rows.isEmpty() ? List.of() : rows.get(0);
    int uid = header.indexOf("uid");
    int mesh = header.indexOf("MeSH");
    int findings = header.indexOf("findings");
    int impression = header.indexOf("impression");
    int indication = header.indexOf("indication");
    if (problems.isEmpty() && (mesh < 0 || findings < 0 || impression < 0)) {
      problems.add(reports + ": needs the columns MeSH, findings and impression, has " + header);
    }
    CliBackend.checkEndpoint(endpoint, false, problems);
    if (!problems.isEmpty()) {
      problems.forEach(p -> err.println("radassist eval: " + p));
      err.println(USAGE);
      return 1;
    }
    EngineTables tables = EngineTables.defaults();
    MeshEvaluation eval = new MeshEvaluation(MeshTable.bundled(), examples);
    int skipped = 0;
    int done = 0;
    long nanos = 0;
    DraftRequestFactory factory = DraftRequestFactory.newSession();
    try (CliBackend backend = CliBackend.open(endpoint, false, tables, new MrrtTemplates())) {
      ObservationSource source = new DraftCodeObservations(backend.service());
      for (int r = 1; r < rows.size() && (limit == null || done < limit); r++) {
        List<String> row = rows.get(r);
        if (row.size() <= Math.max(mesh, Math.max(findings, impression))) {
          err.println("radassist eval: " + reports + " record " + r + ": too few columns, skipped");
          skipped++;
          continue;
        }
        String f = row.get(findings).trim();
        String imp = row.get(impression).trim();
        if (f.isEmpty() && imp.isEmpty()) {
          skipped++;
          continue;
        }
        String id = uid >= 0 && uid < row.size() ? row.get(uid) : "record " + r;
        String text =
            (f.isEmpty() ? "" : "Findings: " + f + "\n")
                + (imp.isEmpty() ? "" : "Impression: " + imp);
        String ind = indication >= 0 && indication < row.size() ? row.get(indication) : "";
        try {
          long t0 = System.nanoTime();
          var positives = source.positives(request(factory, r, text, ind));
          nanos += System.nanoTime() - t0;
          eval.add(id, row.get(mesh), text, positives);
          done++;
        } catch (DraftingException e) {
          if (e.code().equals("http_401") || e.code().equals("http_403")) {
            err.println(
                "radassist eval: the drafting service refused the token: " + e.getMessage());
            return 1;
          }
          err.println("radassist eval: " + reports + " record " + r + ": " + e.getMessage());
          skipped++;
        }
      }
      if (done == 0) {
        err.println("radassist eval: " + reports + ": no report with findings or impression");
        return 1;
      }
      eval.print(out, reports, source.describe(), skipped, nanos / 1e6 / done);
      return 0;
    }
  }

  private int cases(String[] args) {
    String dir = null;
    Double minPrecision = null;
    Double minRecall = null;
    URI endpoint = null;
    List<String> problems = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      boolean hasValue = i + 1 < args.length;
      switch (a) {
        case "--min-precision", "--min-recall" -> {
          if (!hasValue) {
            problems.add(a + ": needs a number from 0 to 1");
            break;
          }
          String v = args[++i];
          try {
            double d = Double.parseDouble(v.trim());
            if (!(d >= 0 && d <= 1)) {
              problems.add(a + ": must be from 0 to 1, was " + v);
            } else if (a.equals("--min-precision")) {
              minPrecision = d;
            } else {
              minRecall = d;
            }
          } catch (NumberFormatException e) {
            problems.add(a + ": not a number: \"" + v + "\"");
          }
        }
        case "--endpoint" -> {
          if (hasValue) {
            endpoint = CliBackend.endpoint(args[++i], problems);
          } else {
            problems.add("--endpoint: needs the drafting service's URL");
          }
        }
        default -> {
          if (a.startsWith("--") || dir != null) {
            problems.add(a + ": unknown option");
          } else {
            dir = a;
          }
        }
      }
    }
    if (problems.isEmpty() && dir == null) {
      problems.add("cases: needs the corpus directory (e.g. bundles/drafting/eval/cases/dev)");
    }
    List<CaseCorpus.Located> corpus = List.of();
    if (problems.isEmpty()) {
      try {
        corpus = CaseCorpus.read(Path.of(dir));
      } catch (IOException e) {
        problems.add(dir + ": cannot read: " + e.getMessage());
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    }
    CliBackend.checkEndpoint(endpoint, false, problems);
    if (!problems.isEmpty()) {
      problems.forEach(p -> err.println("radassist eval: " + p));
      err.println(USAGE);
      return 1;
    }
    CaseEvaluation eval = new CaseEvaluation();
    long nanos = 0;
    try (CliBackend backend =
        CliBackend.open(endpoint, false, EngineTables.defaults(), new MrrtTemplates())) {
      for (CaseCorpus.Located c : corpus) {
        try {
          long t0 = System.nanoTime();
          DraftReport d = Drafts.draft(backend.service(), c.evalCase().request());
          nanos += System.nanoTime() - t0;
          eval.add(c.evalCase(), c.split(), d);
        } catch (DraftingException e) {
          err.println("radassist eval: " + c.file() + ":" + c.line() + ": " + e.getMessage());
          return 1;
        }
      }
    }
    eval.print(out, dir, nanos / 1e6 / Math.max(1, corpus.size()));
    List<String> failed = eval.gateFailures(minPrecision, minRecall);
    if (!failed.isEmpty()) {
      failed.forEach(f -> err.println("radassist eval: gate failed: " + f));
      return 3;
    }
    return 0;
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
    DraftRequestFactory factory = DraftRequestFactory.newSession();
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
        DraftReport o = draft(backend, request(factory, r, "findings: " + findings, indication));
        nanos += System.nanoTime() - t0;
        served = served == null ? o.model() : served;
        generated = o.section(SectionKind.IMPRESSION).map(Section::text).orElse("");
        DraftReport original =
            draft(
                backend,
                request(
                    factory,
                    r,
                    "findings: " + findings + "\nimpression: " + reference,
                    indication));
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

  private static DraftReport draft(DraftingService backend, DraftRequest request) {
    return Drafts.draft(backend, request);
  }

  /** Row {@code row}'s request, minimised like every other (one session for the whole run). */
  private static DraftRequest request(
      DraftRequestFactory factory, int row, String dictation, String indication) {
    StudyContext study =
        new StudyContext(
            "iu-" + row, null, null, null, null, null, null, List.of("CR"), "CHEST", null, null);
    return factory.request(
        study,
        new RequestContent(
            indication,
            List.of(new DictationChunk(1, true, dictation)),
            null,
            null,
            null,
            null,
            null));
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
