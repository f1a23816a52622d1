package org.radassist.drafting;

import java.util.List;
import org.radassist.model.CodeSuggestion;
import org.radassist.model.Flag;
import org.radassist.model.ModelInfo;
import org.radassist.model.SectionKind;
import org.radassist.model.StructuredField;
import org.radassist.model.Suggestion;

/**
 * One event of a streamed draft, in the order the service sends them: {@link Started} first, then
 * any number of content events, then exactly one terminal event ({@link Completed} or {@link
 * Failed}). {@link #name()} is the SSE event name of the drafting contract.
 */
public sealed interface DraftEvent {

  String name();

  /** True for {@link Completed} and {@link Failed}. */
  default boolean isTerminal() {
    return false;
  }

  record Started(String draftId, ModelInfo model) implements DraftEvent {
    public String name() {
      return "draft.started";
    }
  }

  /** More text for a section; the text is appended to what came before. */
  record SectionDelta(SectionKind section, String text) implements DraftEvent {
    public String name() {
      return "section.delta";
    }
  }

  /** A section's full text, replacing the deltas, with its SHA-256 (hex, UTF-8). */
  record SectionDone(SectionKind section, String text, String sha256) implements DraftEvent {
    public String name() {
      return "section.done";
    }
  }

  record Suggestions(List<Suggestion> impressions, List<Suggestion> differentials)
      implements DraftEvent {
    public Suggestions {
      impressions = List.copyOf(impressions);
      differentials = List.copyOf(differentials);
    }

    public String name() {
      return "suggestions";
    }
  }

  record StructuredFields(List<StructuredField> items) implements DraftEvent {
    public StructuredFields {
      items = List.copyOf(items);
    }

    public String name() {
      return "structured_fields";
    }
  }

  record Codes(List<CodeSuggestion> items) implements DraftEvent {
    public Codes {
      items = List.copyOf(items);
    }

    public String name() {
      return "codes";
    }
  }

  record Flags(List<Flag> items) implements DraftEvent {
    public Flags {
      items = List.copyOf(items);
    }

    public String name() {
      return "flags";
    }
  }

  record Completed(
      String draftId,
      long inputTokens,
      long outputTokens,
      long ttftMillis,
      long totalMillis,
      String responseSha256)
      implements DraftEvent {
    public String name() {
      return "draft.completed";
    }

    @Override
    public boolean isTerminal() {
      return true;
    }
  }

  /** The draft failed; {@code retryable} says whether asking again may succeed. */
  record Failed(String code, boolean retryable, String message) implements DraftEvent {
    public String name() {
      return "error";
    }

    @Override
    public boolean isTerminal() {
      return true;
    }
  }
}
