package org.radassist.drafting.service.internal.llm;

import java.util.function.Consumer;

/** What a model's stream has delivered so far. */
final class StreamProgress {
  private final long startNanos;
  private final StringBuilder answer = new StringBuilder();
  private final StringBuilder text = new StringBuilder();
  private boolean structured;
  private long ttftMillis = -1;
  long promptTokens;
  long completionTokens;

  /** Why the model stopped, in chat-completions terms ({@code stop}, {@code length} ...). */
  String finishReason;

  boolean done;

  /** Gets each piece of the structured answer as it arrives (the section streamer). */
  private final Consumer<String> onAnswer;

  StreamProgress(long startNanos) {
    this(startNanos, piece -> {});
  }

  StreamProgress(long startNanos, Consumer<String> onAnswer) {
    this.startNanos = startNanos;
    this.onAnswer = onAnswer;
  }

  /** True once the first piece of the answer (or of text) came. */
  boolean started() {
    return ttftMillis >= 0;
  }

  /** A piece of the structured answer (the JSON the schema describes). */
  void answer(String piece) {
    structured = true;
    first(piece);
    answer.append(piece);
    onAnswer.accept(piece);
  }

  /** A piece of plain text: the answer only when no structured answer comes. */
  void text(String piece) {
    first(piece);
    text.append(piece);
  }

  private void first(String piece) {
    if (ttftMillis < 0 && !piece.isEmpty()) {
      ttftMillis = (System.nanoTime() - startNanos) / 1_000_000;
    }
  }

  String content() {
    return structured ? answer.toString() : text.toString();
  }

  long ttftMillis() {
    return Math.max(ttftMillis, 0);
  }
}
