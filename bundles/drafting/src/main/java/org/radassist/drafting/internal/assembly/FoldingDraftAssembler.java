package org.radassist.drafting.internal.assembly;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.radassist.drafting.DraftAssembler;
import org.radassist.drafting.DraftEvent;
import org.radassist.model.CodeSuggestion;
import org.radassist.model.DraftReport;
import org.radassist.model.DraftStatus;
import org.radassist.model.Flag;
import org.radassist.model.ModelInfo;
import org.radassist.model.Section;
import org.radassist.model.SectionKind;
import org.radassist.model.StructuredField;
import org.radassist.model.Suggestion;

/** The implementation of {@link DraftAssembler}. Not thread-safe: feed it from one thread. */
public final class FoldingDraftAssembler implements DraftAssembler {
  private final Clock clock;
  private final String studyToken;
  private String draftId;
  private ModelInfo model;
  private final Map<SectionKind, StringBuilder> sectionText = new EnumMap<>(SectionKind.class);
  private List<Suggestion> impressions = List.of();
  private List<Suggestion> differentials = List.of();
  private List<StructuredField> fields = List.of();
  private List<CodeSuggestion> codes = List.of();
  private List<Flag> flags = List.of();
  private DraftStatus status = DraftStatus.STREAMING;
  private DraftEvent.Failed failure;

  public FoldingDraftAssembler(String studyToken, Clock clock) {
    this.studyToken = studyToken;
    this.clock = clock;
  }

  /** Applies one event; events after a terminal event are refused. */
  @Override
  public void accept(DraftEvent event) {
    if (status != DraftStatus.STREAMING) {
      throw new IllegalStateException("event " + event.name() + " after the draft ended");
    }
    if (event instanceof DraftEvent.Started s) {
      draftId = s.draftId();
      model = s.model();
    } else if (event instanceof DraftEvent.SectionDelta d) {
      sectionText.computeIfAbsent(d.section(), k -> new StringBuilder()).append(d.text());
    } else if (event instanceof DraftEvent.SectionDone d) {
      sectionText.put(d.section(), new StringBuilder(d.text()));
    } else if (event instanceof DraftEvent.Suggestions s) {
      impressions = s.impressions();
      differentials = s.differentials();
    } else if (event instanceof DraftEvent.StructuredFields f) {
      fields = f.items();
    } else if (event instanceof DraftEvent.Codes c) {
      codes = c.items();
    } else if (event instanceof DraftEvent.Flags f) {
      flags = f.items();
    } else if (event instanceof DraftEvent.Completed) {
      status = DraftStatus.COMPLETE;
    } else if (event instanceof DraftEvent.Failed f) {
      status = DraftStatus.FAILED;
      failure = f;
    }
  }

  @Override
  public DraftStatus status() {
    return status;
  }

  /** The failure event, if the draft failed. */
  @Override
  public DraftEvent.Failed failure() {
    return failure;
  }

  /** The draft as far as it has streamed; sections in report order. */
  @Override
  public DraftReport snapshot() {
    List<Section> sections = new ArrayList<>();
    sectionText.forEach((kind, text) -> sections.add(Section.drafted(kind, text.toString())));
    return new DraftReport(
        draftId == null ? "pending" : draftId,
        studyToken,
        model == null ? new ModelInfo("unknown", "", "") : model,
        sections,
        impressions,
        differentials,
        fields,
        codes,
        flags,
        status,
        clock.instant());
  }
}
