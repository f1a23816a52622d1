package org.radassist.panel.model;

import java.util.List;
import java.util.Optional;
import org.radassist.model.CodeSuggestion;
import org.radassist.model.DraftReport;
import org.radassist.model.Flag;
import org.radassist.model.ModelInfo;
import org.radassist.model.Section;
import org.radassist.model.SectionKind;
import org.radassist.model.StructuredField;
import org.radassist.model.Suggestion;

/**
 * The review of one streamed draft as the panel shows it: what has arrived and what the radiologist
 * decided. Read-only: decisions are taken in the panel (its buttons and shortcuts), which tells the
 * decision listeners of each one.
 *
 * <p>Rules: a decision applies to a pending item whose text is complete (a section after its {@code
 * section.done} event, anything once the draft ended); undo makes the last decided item pending
 * again. Streamed content never overwrites a decided item. Accepting an impression or a
 * differential inserts its text into the draft's Impression section.
 *
 * <p>Confined to the panel's thread (the Swing event thread): read it there.
 */
public interface DraftReview {

  /** Where the draft stands. */
  enum Phase {
    /** No draft asked for yet. */
    IDLE,
    STREAMING,
    COMPLETE,
    /** The service failed part way; what arrived stays reviewable. */
    FAILED,
    /** No drafting service is there (or it refused the call). */
    UNAVAILABLE
  }

  /** The message shown when drafting is not possible; the dictation is never dropped. */
  String UNAVAILABLE_MESSAGE = "Drafting service unavailable \u2014 your dictation is kept";

  Phase phase();

  /** What to tell the radiologist about the draft's state ("" when all is well). */
  String message();

  /** The draft's id ("" before its {@code draft.started}). */
  String draftId();

  Optional<ModelInfo> model();

  /** The sections that have arrived, in report order, with their review states. */
  List<Section> sections();

  Optional<Section> section(SectionKind kind);

  /** True once a section's text is complete (its done event, or the draft ended). */
  boolean isComplete(SectionKind kind);

  /** Impressions, most confident first. */
  List<Suggestion> impressions();

  /** Differentials, most confident first. */
  List<Suggestion> differentials();

  List<StructuredField> fields();

  /**
   * The draft's flags, then the review flags governance added (double read). Low confidence is not
   * a flag here: it is shown on the item itself and counted ({@link #lowConfidenceCount()}).
   */
  List<Flag> flags();

  /** How many items governance found below their review threshold. */
  long lowConfidenceCount();

  /** The flags governance's review policy added to this draft (empty without governance). */
  List<Flag> reviewFlags();

  /** The suggested codes (RadLex, ICD-10-CM, CPT), most confident first. */
  List<CodeSuggestion> codes();

  /** The fields governance filled in under integrated rollout, as they stand now. */
  List<StructuredField> autoPopulatedFields();

  /**
   * False in shadow rollout: the draft is kept (and was logged) but nothing AI-made is shown and no
   * decision can be taken on it.
   */
  boolean aiShown();

  /** The draft as assembled from the stream so far (empty before any draft). */
  Optional<DraftReport> report();

  /** The CRITICAL_RESULT flags: these drive the banner. */
  List<Flag> criticalFlags();

  /**
   * The report as the radiologist has made it final so far: accepted and edited sections only, in
   * report order, each under its heading.
   */
  String finalReportText();
}
