package org.radassist.drafting.service.internal.llm;

/**
 * A floor under a prompt's token count that needs no tokenizer: the BPE and SentencePiece
 * tokenizers of the models these servers run never join two words into one token, so a text has at
 * least as many tokens as words. A server that reports fewer prompt tokens than that has cut the
 * prompt (llama.cpp's context shift does so silently).
 */
final class PromptBudget {
  private PromptBudget() {}

  /** Words (runs of non-space characters) in all the texts. */
  static int wordFloor(String... texts) {
    int words = 0;
    for (String t : texts) {
      boolean in = false;
      for (int i = 0; i < t.length(); i++) {
        boolean space = Character.isWhitespace(t.charAt(i));
        if (!space && !in) {
          words++;
        }
        in = !space;
      }
    }
    return words;
  }
}
