package org.radassist.drafting.internal.engine;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.radassist.drafting.DraftRequest;
import org.radassist.drafting.DraftTask;
import org.radassist.drafting.DraftingException;
import org.radassist.drafting.PriorSummary;
import org.radassist.drafting.TemplateSpec;
import org.radassist.drafting.internal.engine.frames.FrameExtractor;
import org.radassist.drafting.internal.engine.frames.LesionFrame;
import org.radassist.model.CodeSuggestion;
import org.radassist.model.Flag;
import org.radassist.model.SectionKind;
import org.radassist.model.StructuredField;
import org.radassist.model.Suggestion;

/**
 * The embedded rules engine: dictation in, a sectioned draft with impressions, differentials,
 * structured fields, codes and flags out. Deterministic, no I/O after construction, thread-safe.
 */
public final class RulesEngine {
  /** Limits and choices of the engine. */
  public record Settings(int maxDictationChars, int maxImpressionItems) {
    public static final Settings DEFAULTS = new Settings(100_000, 5);

    public Settings {
      if (maxDictationChars < 1 || maxImpressionItems < 1) {
        throw new IllegalArgumentException("limits must be positive");
      }
    }
  }

  private final Settings settings;
  private final MrrtTemplates templates;
  private final SpeechNormalizer speech;
  private final Sectioner sectioner = new Sectioner();
  private final PhraseMatcher<String> lexicon = new PhraseMatcher<>();
  private final TextAnalyzer analyzer;
  private final StructuredExtractor structured = new StructuredExtractor();
  private final FrameExtractor frames = new FrameExtractor();
  private final Map<String, EngineTables.Concept> conceptsById = new java.util.HashMap<>();
  private final ConsistencyChecker consistency;
  private final CriticalResults critical;
  private final Coder coder;
  private final ImpressionWriter writer;

  public RulesEngine(EngineTables tables, MrrtTemplates templates, Settings settings) {
    this.settings = settings;
    this.templates = templates;
    this.speech = new SpeechNormalizer(tables.spokenPunctuation());
    tables.phrases().forEach(lexicon::add);
    for (EngineTables.Concept c : tables.concepts()) {
      conceptsById.put(c.id(), c);
    }
    this.analyzer = new TextAnalyzer(tables);
    this.consistency = new ConsistencyChecker(tables);
    this.critical = new CriticalResults(tables);
    this.coder = new Coder(tables);
    this.writer = new ImpressionWriter(tables);
  }

  /** An engine on the bundled tables, without MRRT templates. */
  public static RulesEngine withDefaults() {
    return new RulesEngine(EngineTables.defaults(), new MrrtTemplates(), Settings.DEFAULTS);
  }

  /**
   * Drafts a report.
   *
   * @throws DraftingException for input the engine refuses: empty, too large or binary dictation
   *     ("invalid_dictation"), an unknown template ("unknown_template")
   */
  public DraftOutcome draft(DraftRequest request) {
    String dictation = request.dictationText();
    validate(dictation);
    TemplateSpec template = templates.resolve(request.template());
    if (template == null) {
      throw new DraftingException(
          "unknown_template", false, "unknown template \"" + request.template().id() + "\"");
    }
    boolean expand = request.wants(DraftTask.EXPAND_SHORTHAND);
    Map<SectionKind, String> dictated = new EnumMap<>(SectionKind.class);
    sectioner
        .split(speech.normalize(dictation))
        .forEach((k, v) -> dictated.put(k, Sentences.tidy(expand ? expand(v) : v)));
    dictated.values().removeIf(String::isEmpty);

    Map<SectionKind, String> sections = new LinkedHashMap<>();
    List<SectionKind> order = new ArrayList<>(template.sections());
    for (SectionKind k : dictated.keySet()) {
      if (!order.contains(k)) {
        order.add(k);
      }
    }
    for (SectionKind k : order) {
      sections.put(k, dictated.getOrDefault(k, defaultText(k, request)));
    }
    boolean impressionDictated = dictated.containsKey(SectionKind.IMPRESSION);
    Report report = new Report(request, impressionDictated);
    for (Map.Entry<SectionKind, String> e : sections.entrySet()) {
      report.sections.put(e.getKey(), analyzer.analyze(e.getKey(), e.getValue()));
    }
    readFrames(report);
    if (!dictated.containsKey(SectionKind.COMPARISON)
        && sections.containsKey(SectionKind.COMPARISON)
        && !request.priors().isEmpty()) {
      String text = comparison(report);
      sections.put(SectionKind.COMPARISON, text);
      report.sections.put(SectionKind.COMPARISON, analyzer.analyze(SectionKind.COMPARISON, text));
    }
    Set<String> present = new HashSet<>();
    for (TextAnalyzer.Section s : report.dictatedBody()) {
      s.mentions.stream()
          .filter(TextAnalyzer.Mention::positive)
          .forEach(m -> present.add(m.concept().id()));
    }
    StructuredExtractor.Result fields = structured.extract(report, present);

    List<Suggestion> impressions =
        request.wants(DraftTask.IMPRESSION) ? writer.impressions(report, fields.scored) : List.of();
    if (!impressionDictated
        && sections.containsKey(SectionKind.IMPRESSION)
        && !impressions.isEmpty()) {
      boolean numbered = "numbered".equalsIgnoreCase(request.style().get("impression_format"));
      String text =
          ImpressionWriter.impressionText(impressions, numbered, settings.maxImpressionItems());
      sections.put(SectionKind.IMPRESSION, text);
      report.sections.put(SectionKind.IMPRESSION, analyzer.analyze(SectionKind.IMPRESSION, text));
    }
    List<Suggestion> differentials =
        request.wants(DraftTask.DIFFERENTIALS) ? writer.differentials(report) : List.of();
    List<StructuredField> structuredFields =
        request.wants(DraftTask.STRUCTURED_FIELDS) ? fields.fields : List.of();
    List<CodeSuggestion> codes = request.wants(DraftTask.CODES) ? coder.codes(report) : List.of();
    List<Flag> flags = new ArrayList<>();
    if (request.wants(DraftTask.CONSISTENCY)) {
      flags.addAll(consistency.check(report));
      flags.addAll(fields.flags);
      if (impressionDictated) {
        ScoredLesionOmission.scoredLesionOmitted(report, fields.scored, flags);
      }
      // round 35 (om22): a nodule the Fleischner row leaves without follow-up is below action
      ChestOmissions.dropNoduleWithoutFollowUp(fields.scored, flags);
      if (!impressionDictated) {
        // nothing to compare a generated impression against but the findings themselves
        flags.removeIf(f -> f.type() == org.radassist.model.FlagType.FINDING_NOT_IN_IMPRESSION);
      }
    }
    if (request.wants(DraftTask.CRITICAL)) {
      List<StructuredExtractor.Scored> asserted = new ArrayList<>(fields.scored);
      asserted.addAll(fields.dictated);
      flags.addAll(critical.check(report, asserted));
      if (impressionDictated && request.wants(DraftTask.CONSISTENCY)) {
        // round 36 (om23): a critical or actionable finding the impression leaves out is omitted
        CriticalOmission.criticalLeftOut(report, asserted, flags);
      }
    }
    return new DraftOutcome(sections, impressions, differentials, structuredFields, codes, flags);
  }

  private void readFrames(Report report) {
    FrameExtractor.ExamContext exam =
        new FrameExtractor.ExamContext(report.modality(), report.bodyPart());
    TextAnalyzer.Section f = report.findings();
    report.findingFrames = f == null ? List.of() : frames.extract(f.text, exam);
    TextAnalyzer.Section i = report.dictatedImpression();
    report.impressionFrames = i == null ? List.of() : frames.extract(i.text, exam);
    report.aiFrames = frames.fromAi(report.request.aiResults());
    List<LesionFrame> prior = new ArrayList<>();
    for (PriorSummary p : report.request.priors()) {
      prior.addAll(frames.extract(p.findings() + " " + p.impression(), exam));
    }
    report.priorFrames = prior;
    relocate(report.findings(), report.findingFrames);
    relocate(report.dictatedImpression(), report.impressionFrames);
  }

  /**
   * A "nodule" or "mass" the frames place outside the lung is that organ's lesion, not a pulmonary
   * one (a thyroid nodule gets no lung code, no Fleischner field).
   */
  private static final java.util.regex.Pattern VESSEL_OPACIFICATION =
      java.util.regex.Pattern.compile(
          "opacification of the (?:\\w+ ){0,2}(?:arter|vein|vessel|aorta|vasculature)",
          java.util.regex.Pattern.CASE_INSENSITIVE);

  private void relocate(TextAnalyzer.Section s, List<LesionFrame> frames) {
    if (s == null) {
      return;
    }
    for (int i = 0; i < s.mentions.size(); i++) {
      TextAnalyzer.Mention m = s.mentions.get(i);
      String id = m.concept().id();
      if (id.equals("opacity")
          && VESSEL_OPACIFICATION.matcher(s.text).region(m.start(), s.text.length()).lookingAt()) {
        s.mentions.remove(i--); // contrast opacification of vessels is no lung opacity
        continue;
      }
      if (!id.equals("lung_nodule") && !id.equals("lung_mass")) {
        continue;
      }
      String organ = "";
      for (LesionFrame f : frames) {
        if (f.start() < m.end() && m.start() < f.end()) {
          organ = f.organ();
        }
      }
      String to =
          switch (organ) {
            case "", "lung" -> id;
            case "thyroid" -> "thyroid_nodule";
            case "breast" -> "breast_mass";
            case "liver" -> "liver_observation";
            case "kidney" -> "renal_mass";
            case "prostate" -> "prostate_lesion";
            default -> "";
          };
      EngineTables.Concept c = to.isEmpty() ? null : conceptsById.get(to);
      if (to.equals(id)) {
        continue;
      }
      if (c == null) {
        s.mentions.remove(i--);
      } else {
        s.mentions.set(
            i,
            new TextAnalyzer.Mention(
                c, m.section(), m.sentence(), m.start(), m.end(), m.certainty(), m.side()));
      }
    }
  }

  /**
   * The Comparison section from the priors (modality and how long before) and from what the
   * findings say changed against them ("the solid right upper lobe nodule measured 6.0 mm, now 8.2
   * mm").
   */
  private static String comparison(Report report) {
    List<String> studies = new ArrayList<>();
    for (PriorSummary p : report.request.priors()) {
      int days = Math.abs(p.relativeDays());
      long months = Math.round(days / 30.44);
      String when =
          months >= 2
              ? months + " months earlier (" + days + " days)"
              : days + " day" + (days == 1 ? "" : "s") + " earlier";
      String what = p.modality() == null || p.modality().isBlank() ? "Prior study" : p.modality();
      String body =
          report.bodyPart().isEmpty()
              ? ""
              : " " + report.bodyPart().toLowerCase(java.util.Locale.ROOT);
      studies.add(what + (p.modality() == null || p.modality().isBlank() ? "" : body) + " " + when);
    }
    StringBuilder b = new StringBuilder(String.join("; ", studies)).append('.');
    TextAnalyzer.Section f = report.findings();
    for (LesionFrame fr : report.findingFrames) {
      if (f == null || !fr.assertion().positive()) {
        continue;
      }
      String what = ImpressionWriter.phrase(report, f.text, withoutChange(fr));
      switch (fr.change().status()) {
        case NEW -> b.append(" The ").append(what).append(" is new.");
        case GROWING, STABLE, DECREASED -> {
          String verb =
              switch (fr.change().status()) {
                case GROWING -> " has grown";
                case DECREASED -> " has decreased";
                default -> " is stable";
              };
          b.append(" The ").append(what).append(verb);
          if (fr.change().priorMm() != null && fr.overall().isPresent()) {
            b.append(" (")
                .append(
                    org.radassist.drafting.internal.rules.Millimetres.oneDecimal(
                        fr.change().priorMm()))
                .append(" mm, now ")
                .append(fr.overall().get().meanMm())
                .append(" mm)");
          }
          b.append('.');
        }
        default -> {}
      }
    }
    return b.toString();
  }

  /** The frame without its change and prior size, to name it in a sentence about its change. */
  private static LesionFrame withoutChange(LesionFrame f) {
    return new LesionFrame(
        f.kind(),
        f.site(),
        f.side(),
        f.location(),
        f.sizes().stream()
            .filter(m -> !m.role().prior())
            .filter(
                m ->
                    m.role()
                        != org.radassist.drafting.internal.engine.frames.Measurement.Role.DELTA)
            .filter(
                m ->
                    m.role()
                        != org.radassist.drafting.internal.engine.frames.Measurement.Role.OVERALL)
            .toList(),
        f.composition(),
        f.features(),
        f.assertion(),
        org.radassist.drafting.internal.engine.frames.Change.NOT_STATED,
        f.source(),
        f.start(),
        f.end(),
        f.sentenceStart(),
        f.sentenceEnd());
  }

  /** Applies the lexicon (shorthand -> report words). */
  String expand(String text) {
    // round 30 (cx11): slash-joined shorthand ("SDH/SAH", "ICH/IVH") is expanded word by word
    List<Token> tokens =
        CriticalResults.slashAlternativesSplit(text, Token.tokenize(text), new ArrayList<>());
    StringBuilder out = new StringBuilder(text.length() + 16);
    int copied = 0;
    for (PhraseMatcher.Match<String> m : lexicon.findAll(tokens)) {
      if (AbbreviationSense.otherSense(text, tokens, m.from(), m.to())) {
        continue; // round 33 (om17): "mid LAD stenosis" is the artery, not lymphadenopathy
      }
      out.append(text, copied, tokens.get(m.from()).start());
      copied = tokens.get(m.to() - 1).end();
      String value = m.value();
      if (value.endsWith(".") && !endsSentence(text, copied)) {
        // a sentence-long expansion in mid-sentence ("no ptx, effusion...") keeps its words only
        value = value.substring(0, value.length() - 1);
      }
      out.append(value);
      // a sentence-long expansion already ends with its own full stop
      if (m.value().endsWith(".") && copied < text.length() && text.charAt(copied) == '.') {
        copied++;
      }
    }
    return out.append(text, copied, text.length()).toString();
  }

  private static boolean endsSentence(String text, int at) {
    int k = at;
    while (k < text.length() && text.charAt(k) == ' ') {
      k++;
    }
    return k >= text.length() || ".\n\r!?".indexOf(text.charAt(k)) >= 0;
  }

  private static String defaultText(SectionKind kind, DraftRequest request) {
    return switch (kind) {
      case CLINICAL_HISTORY -> Sentences.tidy(request.indication());
      case COMPARISON -> {
        if (request.priors().isEmpty()) {
          yield "None.";
        }
        List<String> parts = new ArrayList<>();
        for (PriorSummary p : request.priors()) {
          int days = Math.abs(p.relativeDays());
          parts.add(
              (p.modality() == null ? "Prior study" : p.modality())
                  + " "
                  + days
                  + " day"
                  + (days == 1 ? "" : "s")
                  + " earlier");
        }
        yield String.join("; ", parts) + ".";
      }
      default -> "";
    };
  }

  private void validate(String dictation) {
    if (dictation.isBlank()) {
      throw new DraftingException("invalid_dictation", false, "dictation is empty");
    }
    if (dictation.length() > settings.maxDictationChars()) {
      throw new DraftingException(
          "invalid_dictation",
          false,
          "dictation is too large: "
              + dictation.length()
              + " characters, the limit is "
              + settings.maxDictationChars());
    }
    for (int i = 0; i < dictation.length(); i++) {
      char c = dictation.charAt(i);
      if ((Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')
          || c == '\uFFFD'
          || Character.getType(c) == Character.UNASSIGNED
          || Character.getType(c) == Character.PRIVATE_USE) {
        throw new DraftingException(
            "invalid_dictation",
            false,
            String.format(
                "dictation is not text: character U+%04X at offset %d (binary or not UTF-8?)",
                (int) c, i));
      }
    }
  }
}
