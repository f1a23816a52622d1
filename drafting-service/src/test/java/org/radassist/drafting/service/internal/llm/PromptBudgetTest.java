package org.radassist.drafting.service.internal.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The prompt's token floor is its word count, across all its texts. */
class PromptBudgetTest {
  @Test
  void wordsAreRunsOfNonSpaceAcrossTexts() {
    assertThat(PromptBudget.wordFloor("New 8.2 mm  nodule.\n", "Impression:\tnodule")).isEqualTo(6);
    assertThat(PromptBudget.wordFloor("", "   ")).isZero();
  }
}
