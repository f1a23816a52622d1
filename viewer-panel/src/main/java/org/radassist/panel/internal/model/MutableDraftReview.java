package org.radassist.panel.internal.model;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.radassist.drafting.DraftAssembler;
import org.radassist.drafting.DraftEvent;
import org.radassist.drafting.TemplateSpec;
import org.radassist.model.Authorship;
import org.radassist.model.CodeSuggestion;
import org.radassist.model.DraftReport;
import org.radassist.model.Flag;
import org.radassist.model.FlagType;
import org.radassist.model.ModelInfo;
import org.radassist.model.ReviewState;
import org.radassist.model.Section;
import org.radassist.model.SectionKind;
import org.radassist.model.StructuredField;
import org.radassist.model.Suggestion;
import org.radassist.panel.Decision;
import org.radassist.panel.Decision.Target;
import org.radassist.panel.Decision.Verb;
import org.radassist.panel.model.DraftReview;

/**
 * The panel's {@link DraftReview} and its mutators (stream events, decisions, undo): the review of
 * one streamed draft: what has arrived, what the radiologist decided, and how to take a decision
 * back.
 *
 * <p>Rules: a decision applies to a pending item whose text is complete (a section after its {@code
 * section.done} event, anything once the draft ended); {@link #undo()} makes the last decided item
 * pending again. Streamed content never overwrites a decided item. Accepting an impression or a
 * differential inserts its text into the draft's Impression section. Every decision and undo goes
 * to the decision sink.
 *
 * <p>Not thread-safe: confined to one thread, like the rest of the panel state.
 */
public final class MutableDraftReview implements DraftReview {

  private final Clock clock;
  private final Supplier<String> user;
  private final Consumer<Decision> decisions;

  private Phase phase = Phase.IDLE;
  private String message = "";
  private DraftAssembler assembler;
  private String draftId = "";
  private ModelInfo model;
  private List<SectionKind> expectedSections = TemplateSpec.DEFAULT.sections();
  private final Set<SectionKind> done = EnumSet.noneOf(SectionKind.class);
  private final Map<SectionKind, Section> sections = new EnumMap<>(SectionKind.class);
  private List<Suggestion> impressions = List.of();
  private List<Suggestion> differentials = List.of();
  private final Map<ItemKey, StructuredField> fields = new LinkedHashMap<>();
  private List<Flag> flags = List.of();
  private final Map<ItemKey, CodeSuggestion> codes = new LinkedHashMap<>();
  private List<Flag> reviewFlags = List.of();
  private final Map<ItemKey, StructuredField> autoPopulated = new LinkedHashMap<>();
  private boolean aiShown = true;
  private Function<ItemKey, Optional<String>> approvalCheck = k -> Optional.empty();
  private final Deque<UndoEntry> undo = new ArrayDeque<>();
  private ItemKey selected;

  /** How to take one decision back. */
  private record UndoEntry(ItemKey key, String textBefore, String textAfter, Runnable restore) {}

  public MutableDraftReview(Clock clock, Supplier<String> user, Consumer<Decision> decisions) {
    this.clock = clock;
    this.user = user;
    this.decisions = decisions;
  }

  // ---------------------------------------------------------------- stream

  /** Forgets everything and waits for the events of a new draft of these sections. */
  public void start(List<SectionKind> expected) {
    reset();
    phase = Phase.STREAMING;
    expectedSections = List.copyOf(expected);
    assembler = DraftAssembler.create(null, clock);
    message = "";
  }

  /** Back to no draft at all (another study). */
  public void reset() {
    phase = Phase.IDLE;
    message = "";
    assembler = null;
    draftId = "";
    model = null;
    expectedSections = TemplateSpec.DEFAULT.sections();
    done.clear();
    sections.clear();
    impressions = List.of();
    differentials = List.of();
    fields.clear();
    flags = List.of();
    codes.clear();
    reviewFlags = List.of();
    autoPopulated.clear();
    undo.clear();
    selected = null;
  }

  /** Folds one streamed event in; events outside a streaming draft are ignored. */
  public void apply(DraftEvent event) {
    if (phase != Phase.STREAMING || assembler == null) {
      return;
    }
    assembler.accept(event);
    if (event instanceof DraftEvent.Started s) {
      draftId = s.draftId();
      model = s.model();
    } else if (event instanceof DraftEvent.SectionDelta d) {
      mergeSection(d.section());
    } else if (event instanceof DraftEvent.SectionDone d) {
      done.add(d.section());
      mergeSection(d.section());
    } else if (event instanceof DraftEvent.Suggestions s) {
      impressions = mergeSuggestions(impressions, s.impressions());
      differentials = mergeSuggestions(differentials, s.differentials());
    } else if (event instanceof DraftEvent.StructuredFields f) {
      Map<ItemKey, StructuredField> merged = new LinkedHashMap<>();
      for (StructuredField incoming : f.items()) {
        ItemKey key = ItemKey.field(incoming);
        StructuredField current = fields.get(key);
        merged.put(
            key, current != null && current.state() != ReviewState.PENDING ? current : incoming);
      }
      fields.clear();
      fields.putAll(merged);
    } else if (event instanceof DraftEvent.Codes c) {
      Map<ItemKey, CodeSuggestion> merged = new LinkedHashMap<>();
      for (CodeSuggestion incoming : c.items()) {
        ItemKey key = ItemKey.code(incoming);
        CodeSuggestion current = codes.get(key);
        merged.put(
            key, current != null && current.state() != ReviewState.PENDING ? current : incoming);
      }
      codes.clear();
      codes.putAll(merged);
    } else if (event instanceof DraftEvent.Flags f) {
      flags = f.items();
    } else if (event instanceof DraftEvent.Completed) {
      done.addAll(sections.keySet());
      phase = Phase.COMPLETE;
    } else if (event instanceof DraftEvent.Failed f) {
      phase = Phase.FAILED;
      message = UNAVAILABLE_MESSAGE + " (" + f.message() + ")";
    }
    if (selected == null) {
      selected = firstDecidable().orElse(null);
    }
  }

  /** No drafting service, or the call was refused: nothing streams, the dictation stays. */
  public void unavailable(String reason) {
    phase = Phase.UNAVAILABLE;
    message =
        reason == null || reason.isBlank()
            ? UNAVAILABLE_MESSAGE
            : UNAVAILABLE_MESSAGE + " (" + reason + ")";
  }

  /** The draft failed after it started (a broken stream); what arrived stays reviewable. */
  public void failed(String reason) {
    if (phase == Phase.STREAMING) {
      phase = Phase.FAILED;
      message =
          UNAVAILABLE_MESSAGE + (reason == null || reason.isBlank() ? "" : " (" + reason + ")");
    }
  }

  private void mergeSection(SectionKind kind) {
    Section current = sections.get(kind);
    if (current != null && current.state() != ReviewState.PENDING) {
      return;
    }
    assembler
        .snapshot()
        .section(kind)
        .ifPresent(s -> sections.put(kind, current == null ? s : current.withText(s.text())));
  }

  private static List<Suggestion> mergeSuggestions(List<Suggestion> current, List<Suggestion> in) {
    Map<String, Suggestion> decided = new LinkedHashMap<>();
    for (Suggestion s : current) {
      if (s.state() != ReviewState.PENDING) {
        decided.put(s.id(), s);
      }
    }
    List<Suggestion> merged = new ArrayList<>();
    for (Suggestion s : in) {
      merged.add(decided.getOrDefault(s.id(), s));
    }
    merged.sort((a, b) -> Double.compare(b.confidence(), a.confidence()));
    return List.copyOf(merged);
  }

  // ---------------------------------------------------------------- queries

  @Override
  public Phase phase() {
    return phase;
  }

  /** What to tell the radiologist about the draft's state ("" when all is well). */
  @Override
  public String message() {
    return message;
  }

  @Override
  public String draftId() {
    return draftId;
  }

  @Override
  public Optional<ModelInfo> model() {
    return Optional.ofNullable(model);
  }

  /** The sections that have arrived, in report order. */
  @Override
  public List<Section> sections() {
    return List.copyOf(sections.values());
  }

  @Override
  public Optional<Section> section(SectionKind kind) {
    return Optional.ofNullable(sections.get(kind));
  }

  /** True once a section's text is complete (its done event, or the draft ended). */
  @Override
  public boolean isComplete(SectionKind kind) {
    return done.contains(kind) || (phase != Phase.STREAMING && sections.containsKey(kind));
  }

  /** Sections complete so far, out of {@link #expectedSectionCount()}. */
  public int completeSectionCount() {
    return (int) sections.keySet().stream().filter(this::isComplete).count();
  }

  public int expectedSectionCount() {
    return Math.max(expectedSections.size(), sections.size());
  }

  /** Impressions, most confident first. */
  @Override
  public List<Suggestion> impressions() {
    return impressions;
  }

  /** Differentials, most confident first. */
  @Override
  public List<Suggestion> differentials() {
    return differentials;
  }

  @Override
  public List<StructuredField> fields() {
    return List.copyOf(fields.values());
  }

  /**
   * The draft's flags, then the review flags governance added (double read). Low confidence is not
   * a flag here: it is shown on the item itself and counted ({@link #lowConfidenceCount()}), so it
   * never buries contradictions and critical results.
   */
  @Override
  public List<Flag> flags() {
    if (reviewFlags.isEmpty()) {
      return flags;
    }
    List<Flag> all = new ArrayList<>(flags);
    reviewFlags.stream().filter(f -> f.type() != FlagType.LOW_CONFIDENCE).forEach(all::add);
    return List.copyOf(all);
  }

  /** How many items governance found below their review threshold (for governance counts). */
  @Override
  public long lowConfidenceCount() {
    return reviewFlags.stream().filter(f -> f.type() == FlagType.LOW_CONFIDENCE).count();
  }

  /** The flags governance's review policy added to this draft (empty without governance). */
  @Override
  public List<Flag> reviewFlags() {
    return reviewFlags;
  }

  /** Sets the review policy's flags for this draft (low confidence, double read). */
  public void setReviewFlags(List<Flag> value) {
    reviewFlags = List.copyOf(value);
  }

  /** The suggested codes (RadLex, ICD-10-CM, CPT), most confident first. */
  @Override
  public List<CodeSuggestion> codes() {
    List<CodeSuggestion> out = new ArrayList<>(codes.values());
    out.sort((a, b) -> Double.compare(b.confidence(), a.confidence()));
    return List.copyOf(out);
  }

  /**
   * Marks the structured fields governance fills in under integrated rollout: they are shown
   * pre-filled, still pending ("auto-populated — not final until accepted").
   */
  public void setAutoPopulated(List<StructuredField> value) {
    autoPopulated.clear();
    for (StructuredField f : value) {
      ItemKey key = ItemKey.field(f);
      if (fields.containsKey(key)) {
        autoPopulated.put(key, fields.get(key));
      }
    }
  }

  public boolean isAutoPopulated(ItemKey key) {
    return autoPopulated.containsKey(key);
  }

  /** The auto-populated fields as they stand now (decided ones included). */
  @Override
  public List<StructuredField> autoPopulatedFields() {
    return autoPopulated.keySet().stream().map(fields::get).toList();
  }

  /**
   * False in shadow rollout: the draft is kept (and was logged) but nothing AI-made is shown and no
   * decision can be taken on it.
   */
  @Override
  public boolean aiShown() {
    return aiShown;
  }

  public void setAiShown(boolean value) {
    aiShown = value;
  }

  /**
   * Sets who may take approving decisions (accept, edit, approve a code): the check returns the
   * refusal to show, or empty when allowed. Without governance everything is allowed.
   */
  public void setApprovalCheck(Function<ItemKey, Optional<String>> check) {
    approvalCheck = check == null ? k -> Optional.empty() : check;
  }

  /** The draft as assembled so far (empty before any draft), for the review policy. */
  @Override
  public Optional<DraftReport> report() {
    return assembler == null ? Optional.empty() : Optional.of(assembler.snapshot());
  }

  /** The CRITICAL_RESULT flags: these drive the banner. */
  @Override
  public List<Flag> criticalFlags() {
    return flags.stream().filter(f -> f.type() == FlagType.CRITICAL_RESULT).toList();
  }

  /**
   * The ACTIONABLE_FINDING flags (ACR category 3): communicated within days from the Flags tab; no
   * banner, sign-off not held.
   */
  public List<Flag> actionableFlags() {
    return flags.stream().filter(f -> f.type() == FlagType.ACTIONABLE_FINDING).toList();
  }

  /** Flags other than critical results (consistency, laterality, low confidence ...). */
  public List<Flag> otherFlags() {
    return flags.stream().filter(f -> f.type() != FlagType.CRITICAL_RESULT).toList();
  }

  /**
   * Where the model and the deterministic rules disagree: fields of one system proposing different
   * values, and the service's own RULES_MODEL_DISAGREEMENT flags.
   */
  public List<String> disagreements() {
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (StructuredField f : fields.values()) {
      String name =
          f.system().label() + (f.version().isEmpty() ? "" : " " + f.version()) + " " + f.field();
      values.computeIfAbsent(name, k -> new ArrayList<>()).add(f.value());
    }
    List<String> out = new ArrayList<>();
    values.forEach(
        (name, v) -> {
          if (v.stream().distinct().count() > 1) {
            out.add(name + ": proposed values differ (" + String.join(" vs ", v) + ")");
          }
        });
    flags.stream()
        .filter(f -> f.type() == FlagType.RULES_MODEL_DISAGREEMENT)
        .forEach(f -> out.add(f.message()));
    return List.copyOf(out);
  }

  /** True when the item exists, is pending and its text is complete. */
  public boolean canDecide(ItemKey key) {
    if (!aiShown) {
      return false;
    }
    return switch (key.target()) {
      case SECTION -> {
        Section s = sections.get(key.sectionKind());
        yield s != null && s.state() == ReviewState.PENDING && isComplete(s.kind());
      }
      case IMPRESSION, DIFFERENTIAL ->
          suggestion(key).map(s -> s.state() == ReviewState.PENDING).orElse(false);
      case STRUCTURED_FIELD -> {
        StructuredField f = fields.get(key);
        yield f != null && f.state() == ReviewState.PENDING;
      }
      case CODE -> {
        CodeSuggestion c = codes.get(key);
        yield c != null && c.state() == ReviewState.PENDING;
      }
      case CRITICAL_RESULT, ACTIONABLE_FINDING -> false;
    };
  }

  /** True when a section may be edited: complete and not rejected. */
  public boolean canEdit(SectionKind kind) {
    if (!aiShown) {
      return false;
    }
    Section s = sections.get(kind);
    return s != null && isComplete(kind) && s.state() != ReviewState.REJECTED;
  }

  public boolean canUndo() {
    return !undo.isEmpty();
  }

  /** The item keyboard shortcuts act on. */
  public Optional<ItemKey> selected() {
    return Optional.ofNullable(selected);
  }

  public void select(ItemKey key) {
    selected = key;
  }

  /** Moves the selection to the next item that still needs a decision (wrapping around). */
  public void selectNextPending() {
    List<ItemKey> all = decidableOrder();
    if (all.isEmpty()) {
      return;
    }
    int at = selected == null ? -1 : all.indexOf(selected);
    for (int i = 1; i <= all.size(); i++) {
      ItemKey k = all.get(Math.floorMod(at + i, all.size()));
      if (canDecide(k)) {
        selected = k;
        return;
      }
    }
  }

  private Optional<ItemKey> firstDecidable() {
    return decidableOrder().stream().filter(this::canDecide).findFirst();
  }

  private List<ItemKey> decidableOrder() {
    List<ItemKey> all = new ArrayList<>();
    sections.keySet().forEach(k -> all.add(ItemKey.section(k)));
    impressions.forEach(s -> all.add(ItemKey.impression(s.id())));
    differentials.forEach(s -> all.add(ItemKey.differential(s.id())));
    all.addAll(fields.keySet());
    return all;
  }

  /**
   * The report as the radiologist has made it final so far: accepted and edited sections only, in
   * report order, each under its heading.
   */
  @Override
  public String finalReportText() {
    StringBuilder b = new StringBuilder();
    for (Section s : sections.values()) {
      if (s.state().isFinal()) {
        b.append(s.kind().title().toUpperCase(java.util.Locale.ROOT)).append(":\n");
        b.append(s.text().strip()).append("\n\n");
      }
    }
    return b.toString().strip();
  }

  // ---------------------------------------------------------------- decisions

  /** Accepts a pending item; false (and nothing happens) when it cannot be decided. */
  public boolean accept(ItemKey key) {
    if (!canDecide(key) || refused(key)) {
      return false;
    }
    switch (key.target()) {
      case SECTION -> {
        Section before = sections.get(key.sectionKind());
        Section after = before.withState(ReviewState.ACCEPTED);
        sections.put(before.kind(), after);
        record(
            key,
            Verb.ACCEPT,
            before.text(),
            after.text(),
            () -> sections.put(before.kind(), before));
      }
      case IMPRESSION, DIFFERENTIAL -> acceptSuggestion(key);
      case STRUCTURED_FIELD -> decideField(key, ReviewState.ACCEPTED, Verb.ACCEPT);
      case CODE -> decideCode(key, ReviewState.ACCEPTED, Verb.ACCEPT);
      default -> {
        return false;
      }
    }
    afterDecision();
    return true;
  }

  /** Rejects a pending item; false when it cannot be decided. */
  public boolean reject(ItemKey key) {
    if (!canDecide(key)) {
      return false;
    }
    switch (key.target()) {
      case SECTION -> {
        Section before = sections.get(key.sectionKind());
        sections.put(before.kind(), before.withState(ReviewState.REJECTED));
        record(key, Verb.REJECT, before.text(), "", () -> sections.put(before.kind(), before));
      }
      case IMPRESSION, DIFFERENTIAL -> {
        Suggestion before = suggestion(key).orElseThrow();
        replaceSuggestion(key, before.withState(ReviewState.REJECTED));
        record(key, Verb.REJECT, before.text(), "", () -> replaceSuggestion(key, before));
      }
      case STRUCTURED_FIELD -> decideField(key, ReviewState.REJECTED, Verb.REJECT);
      case CODE -> decideCode(key, ReviewState.REJECTED, Verb.REJECT);
      default -> {
        return false;
      }
    }
    afterDecision();
    return true;
  }

  /** Replaces a section's text with the radiologist's; the section becomes EDITED (final). */
  public boolean edit(SectionKind kind, String newText) {
    if (!canEdit(kind) || newText == null || refused(ItemKey.section(kind))) {
      return false;
    }
    Section before = sections.get(kind);
    Section after = new Section(kind, newText, before.authorship(), ReviewState.EDITED);
    sections.put(kind, after);
    record(
        ItemKey.section(kind), Verb.EDIT, before.text(), newText, () -> sections.put(kind, before));
    afterDecision();
    return true;
  }

  /** Takes back the most recent decision; false when there is none. */
  public boolean undo() {
    UndoEntry last = undo.pollFirst();
    if (last == null) {
      return false;
    }
    last.restore().run();
    selected = last.key();
    emit(last.key(), Verb.UNDO, last.textBefore(), last.textAfter());
    return true;
  }

  /** Accepts the selected item (Alt+A). */
  public boolean acceptSelected() {
    return selected != null && accept(selected);
  }

  /** Rejects the selected item (Alt+R). */
  public boolean rejectSelected() {
    return selected != null && reject(selected);
  }

  /**
   * Writes the documentation of a critical-result or actionable-finding communication into the
   * Communication section, as the radiologist's own (final) text. Not undoable: the communication
   * happened.
   */
  void documentCommunication(String text) {
    Section before = sections.get(SectionKind.COMMUNICATION);
    String merged =
        before == null || before.text().isBlank() ? text : before.text().strip() + "\n" + text;
    sections.put(
        SectionKind.COMMUNICATION,
        new Section(SectionKind.COMMUNICATION, merged, Authorship.HUMAN, ReviewState.ACCEPTED));
    done.add(SectionKind.COMMUNICATION);
  }

  private void acceptSuggestion(ItemKey key) {
    Suggestion before = suggestion(key).orElseThrow();
    Section impressionBefore = sections.get(SectionKind.IMPRESSION);
    boolean impressionWasComplete = done.contains(SectionKind.IMPRESSION);
    replaceSuggestion(key, before.withState(ReviewState.ACCEPTED));
    sections.put(SectionKind.IMPRESSION, withInsertedImpression(impressionBefore, before.text()));
    if (impressionBefore == null) {
      done.add(SectionKind.IMPRESSION);
    }
    record(
        key,
        Verb.ACCEPT,
        before.text(),
        before.text(),
        () -> {
          replaceSuggestion(key, before);
          if (impressionBefore == null) {
            sections.remove(SectionKind.IMPRESSION);
            if (!impressionWasComplete) {
              done.remove(SectionKind.IMPRESSION);
            }
          } else {
            sections.put(SectionKind.IMPRESSION, impressionBefore);
          }
        });
  }

  /** The Impression section with the accepted text added as its own line (once). */
  static Section withInsertedImpression(Section impression, String text) {
    String line = text.strip();
    if (impression == null) {
      return new Section(SectionKind.IMPRESSION, line, Authorship.AI, ReviewState.ACCEPTED);
    }
    if (impression.text().contains(line)) {
      return impression;
    }
    String current = impression.text().strip();
    return impression.withText(current.isEmpty() ? line : current + "\n" + line);
  }

  /** Asks the approval check; a refusal is the check's to show and audit. */
  private boolean refused(ItemKey key) {
    return approvalCheck.apply(key).isPresent();
  }

  private void decideCode(ItemKey key, ReviewState state, Verb verb) {
    CodeSuggestion before = codes.get(key);
    codes.put(
        key,
        new CodeSuggestion(
            before.system(),
            before.code(),
            before.display(),
            before.evidence(),
            before.confidence(),
            before.reason(),
            state));
    String text = before.system() + " " + before.code() + " " + before.display();
    record(
        key,
        verb,
        text.strip(),
        state == ReviewState.REJECTED ? "" : text.strip(),
        () -> codes.put(key, before));
  }

  private void decideField(ItemKey key, ReviewState state, Verb verb) {
    StructuredField before = fields.get(key);
    fields.put(key, withState(before, state));
    String text = before.system().label() + " " + before.field() + " = " + before.value();
    record(
        key, verb, text, state == ReviewState.REJECTED ? "" : text, () -> fields.put(key, before));
  }

  private static StructuredField withState(StructuredField f, ReviewState state) {
    return new StructuredField(
        f.system(),
        f.version(),
        f.field(),
        f.value(),
        f.evidence(),
        f.confidence(),
        f.status(),
        f.missing(),
        f.reason(),
        state);
  }

  private Optional<Suggestion> suggestion(ItemKey key) {
    List<Suggestion> list = key.target() == Target.IMPRESSION ? impressions : differentials;
    return list.stream().filter(s -> s.id().equals(key.id())).findFirst();
  }

  private void replaceSuggestion(ItemKey key, Suggestion replacement) {
    List<Suggestion> list = key.target() == Target.IMPRESSION ? impressions : differentials;
    List<Suggestion> updated =
        list.stream().map(s -> s.id().equals(replacement.id()) ? replacement : s).toList();
    if (key.target() == Target.IMPRESSION) {
      impressions = updated;
    } else {
      differentials = updated;
    }
  }

  private void record(ItemKey key, Verb verb, String before, String after, Runnable restore) {
    undo.addFirst(new UndoEntry(key, before, after, restore));
    emit(key, verb, after, before);
  }

  private void emit(ItemKey key, Verb verb, String text, String previousText) {
    decisions.accept(
        new Decision(
            clock.instant(),
            user.get(),
            draftId,
            key.target(),
            key.id(),
            verb,
            text,
            previousText));
  }

  private void afterDecision() {
    if (selected == null || !canDecide(selected)) {
      selectNextPending();
    }
  }
}
