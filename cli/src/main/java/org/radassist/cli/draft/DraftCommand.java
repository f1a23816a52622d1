package org.radassist.cli.draft;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.radassist.drafting.DictationChunk;
import org.radassist.drafting.DraftRequest;
import org.radassist.drafting.DraftingException;
import org.radassist.drafting.TemplateSpec;
import org.radassist.drafting.internal.engine.EngineTables;
import org.radassist.drafting.internal.engine.MrrtTemplates;
import org.radassist.drafting.request.DraftRequestFactory;
import org.radassist.drafting.request.RequestContent;
import org.radassist.model.CodeSuggestion;
import org.radassist.model.DraftReport;
import org.radassist.model.Flag;
import org.radassist.model.ModelJson;
import org.radassist.model.Section;
import org.radassist.model.Sex;
import org.radassist.model.StructuredField;
import org.radassist.model.StudyContext;
import org.radassist.model.Suggestion;

/**
 * {@code radassist draft [--json] [--study DIR] [--sex F|M] [--age N] [--endpoint URL] FILE|-}:
 * drafts a report from a dictation file (or standard input) with the embedded rules engine. Extra
 * options: --modality M, --body-part B, --indication TEXT, --template ID with --templates DIR (IHE
 * MRRT templates).
 */
public final class DraftCommand {
  private final PrintStream out;
  private final PrintStream err;
  private final InputStream in;

  DraftCommand(PrintStream out, PrintStream err, InputStream in) {
    this.out = out;
    this.err = err;
    this.in = in;
  }

  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    System.exit(new DraftCommand(out, err, System.in).run(args));
  }

  private static final String USAGE =
      "usage: radassist draft [--json] [--study DIR] [--sex F|M|O] [--age N] [--endpoint URL]\n"
          + "                       [--allow-plain-http]\n"
          + "                       [--modality M] [--body-part B] [--indication TEXT]\n"
          + "                       [--template ID --templates DIR]\n"
          + "                       [--deadline-ms N] [--idle-timeout-ms N] FILE|-\n"
          + "  --deadline-ms, --idle-timeout-ms: with --endpoint, how long a whole draft and a\n"
          + "  silent stream may take (default 60000 and 20000; a model on CPU needs more)";

  int run(String[] args) {
    boolean json = false;
    String file = null;
    Sex sex = null;
    Integer age = null;
    java.net.URI endpoint = null;
    String modality = null;
    String bodyPart = null;
    String indication = null;
    String template = null;
    Path templates = null;
    Path study = null;
    List<org.radassist.model.Finding> findings = List.of();
    boolean allowPlainHttp = false;
    java.time.Duration deadline = null;
    java.time.Duration idle = null;
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (a) {
        case "-h", "--help" -> {
          out.println(USAGE);
          return 0;
        }
        case "--json" -> json = true;
        case "--allow-plain-http" -> allowPlainHttp = true;
        case "--sex",
            "--age",
            "--endpoint",
            "--study",
            "--modality",
            "--body-part",
            "--indication",
            "--template",
            "--templates",
            "--deadline-ms",
            "--idle-timeout-ms" -> {
          if (value == null) {
            problems.add(a + ": needs a value");
            continue;
          }
          i++;
          switch (a) {
            case "--sex" -> {
              Sex s = Sex.fromDicom(value);
              if (s == Sex.UNKNOWN) {
                problems.add("--sex: must be F, M or O, was \"" + value + "\"");
              }
              sex = s;
            }
            case "--age" -> {
              try {
                age = Integer.parseInt(value.trim());
                if (age < 0 || age > 150) {
                  problems.add("--age: must be 0 to 150, was " + value);
                }
              } catch (NumberFormatException e) {
                problems.add("--age: not a whole number: \"" + value + "\"");
              }
            }
            case "--endpoint" -> endpoint = CliBackend.endpoint(value, problems);
            case "--study" -> study = Path.of(value);
            case "--modality" -> modality = value.toUpperCase(Locale.ROOT);
            case "--body-part" -> bodyPart = value.toUpperCase(Locale.ROOT);
            case "--indication" -> indication = value;
            case "--template" -> template = value;
            case "--deadline-ms" -> deadline = millis(a, value, problems);
            case "--idle-timeout-ms" -> idle = millis(a, value, problems);
            default -> templates = Path.of(value);
          }
        }
        default -> {
          if (a.startsWith("--")) {
            problems.add(a + ": unknown option");
          } else if (file != null) {
            problems.add(a + ": only one dictation file may be given");
          } else {
            file = a;
          }
        }
      }
    }
    if (file == null) {
      problems.add("no dictation given: name a FILE or - for standard input");
    }
    if (study != null) {
      StudyHeader.Result header = StudyHeader.read(study);
      if (header.problem() != null) {
        problems.add("--study " + study + ": " + header.problem());
      } else {
        modality = modality == null ? header.modality() : modality;
        bodyPart = bodyPart == null ? header.bodyPart() : bodyPart;
        sex = sex == null ? header.sex() : sex;
        age = age == null ? header.ageYears() : age;
        findings = header.findings();
      }
    }
    String text = null;
    if (problems.isEmpty()) {
      try {
        text = CliInput.readText(file, in);
      } catch (CliInput.BadInput e) {
        problems.add(e.getMessage());
      }
    }
    MrrtTemplates catalog = new MrrtTemplates();
    if (problems.isEmpty() && templates != null) {
      try {
        catalog = MrrtTemplates.load(templates);
      } catch (IllegalArgumentException e) {
        problems.add("--templates " + e.getMessage());
      }
    }
    CliBackend.checkEndpoint(endpoint, allowPlainHttp, problems);
    if (!problems.isEmpty()) {
      problems.forEach(p -> err.println("radassist draft: " + p));
      return 1;
    }
    // the CLI knows no study date: today is the reference for relative days, and the age given
    // stands as a birth date that many years before (only the age in years leaves)
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    StudyContext context =
        new StudyContext(
            "cli-" + UUID.randomUUID(),
            null,
            null,
            null,
            null,
            age == null ? null : today.minusYears(age),
            sex,
            modality == null ? List.of() : List.of(modality),
            bodyPart,
            today,
            null);
    DraftRequest request =
        DraftRequestFactory.newSession()
            .request(
                context,
                new RequestContent(
                    indication,
                    List.of(new DictationChunk(1, true, text)),
                    null,
                    findings,
                    template == null ? null : new TemplateSpec(template, null),
                    null,
                    null));
    DraftReport report;
    try (CliBackend backend =
        CliBackend.open(
            endpoint, allowPlainHttp, EngineTables.defaults(), catalog, deadline, idle)) {
      report =
          backend
              .service()
              .draft(request, UUID.randomUUID().toString(), e -> {})
              .result()
              .toCompletableFuture()
              .get();
    } catch (ExecutionException | CompletionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      String label = file.equals("-") ? "standard input" : file;
      if (cause instanceof DraftingException d) {
        err.println("radassist draft: " + label + ": " + d.getMessage());
      } else {
        err.println("radassist draft: " + label + ": drafting failed: " + cause);
      }
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("radassist draft: interrupted");
      return 1;
    }
    if (json) {
      out.println(toJson(report));
    } else {
      out.print(toText(report));
    }
    return 0;
  }

  /** The JSON of issue 4 item 4: sections by name, then the suggestion lists. */
  static String toJson(DraftReport report) {
    ObjectMapper mapper = ModelJson.newMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode o = mapper.createObjectNode();
    o.put("draft_id", report.draftId());
    o.set("model", mapper.valueToTree(report.model()));
    ObjectNode sections = o.putObject("sections");
    for (Section s : report.sections()) {
      sections.put(s.kind().jsonName(), s.text());
    }
    o.set("impressions", mapper.valueToTree(report.impressions()));
    o.set("differentials", mapper.valueToTree(report.differentials()));
    o.set("structured_fields", mapper.valueToTree(report.structuredFields()));
    o.set("flags", mapper.valueToTree(report.flags()));
    o.set("codes", mapper.valueToTree(report.codes()));
    try {
      return mapper.writeValueAsString(o);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String toText(DraftReport report) {
    StringBuilder b = new StringBuilder();
    for (Section s : report.sections()) {
      b.append(s.kind().title().toUpperCase(Locale.ROOT)).append(":\n");
      b.append(s.text().isEmpty() ? "(none)" : s.text()).append("\n\n");
    }
    if (!report.impressions().isEmpty()) {
      b.append("Suggested impressions (need acceptance):\n");
      int n = 0;
      for (Suggestion s : report.impressions()) {
        b.append(
            String.format(
                Locale.ROOT, "  %d. %s  [%.2f; %s]%n", ++n, s.text(), s.confidence(), s.reason()));
      }
      b.append('\n');
    }
    if (!report.differentials().isEmpty()) {
      b.append("Differentials:\n");
      for (Suggestion s : report.differentials()) {
        b.append(
            String.format(
                Locale.ROOT, "  - %s  [%.2f; %s]%n", s.text(), s.confidence(), s.reason()));
      }
      b.append('\n');
    }
    if (!report.structuredFields().isEmpty()) {
      b.append("Structured fields:\n");
      for (StructuredField f : report.structuredFields()) {
        b.append(
            String.format(
                Locale.ROOT,
                "  %s %s %s = %s  [%s%s; %.2f; %s]%n",
                f.system().label(),
                f.version(),
                f.field(),
                f.value().isEmpty() ? "?" : f.value(),
                f.status().jsonName(),
                f.missing().isEmpty() ? "" : ", missing " + String.join(", ", f.missing()),
                f.confidence(),
                f.reason()));
      }
      b.append('\n');
    }
    if (!report.flags().isEmpty()) {
      b.append("Flags:\n");
      for (Flag f : report.flags()) {
        b.append("  [")
            .append(f.severity())
            .append("] ")
            .append(f.type())
            .append(": ")
            .append(f.message())
            .append('\n');
      }
      b.append('\n');
    }
    if (!report.codes().isEmpty()) {
      b.append("Codes (need approval):\n");
      for (CodeSuggestion c : report.codes()) {
        b.append(
            String.format(
                Locale.ROOT,
                "  %s %s %s  [%.2f; %s]%n",
                c.system(),
                c.code(),
                c.display(),
                c.confidence(),
                c.reason()));
      }
    }
    return b.toString();
  }

  /** A positive whole number of milliseconds, or null with the problem noted. */
  private static java.time.Duration millis(String option, String value, List<String> problems) {
    try {
      long ms = Long.parseLong(value.trim());
      if (ms < 1 || ms > 3_600_000) {
        problems.add(option + ": must be 1 to 3600000 ms, was " + value);
        return null;
      }
      return java.time.Duration.ofMillis(ms);
    } catch (NumberFormatException e) {
      problems.add(option + ": not a whole number of milliseconds: \"" + value + "\"");
      return null;
    }
  }
}
