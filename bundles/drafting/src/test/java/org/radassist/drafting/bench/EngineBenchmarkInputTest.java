package org.radassist.drafting.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Keeps the benchmark honest: its dictation is the 300 words the goal speaks of. */
class EngineBenchmarkInputTest {
  @Test
  void theBenchmarkDictationHasAbout300Words() {
    int words = EngineBenchmark.DICTATION_300_WORDS.trim().split("\\s+").length;
    assertThat(words).isBetween(290, 330);
    EngineBenchmark b = new EngineBenchmark();
    b.setUp();
    assertThat(b.draft300Words().structuredFields()).isNotEmpty();
  }
}
