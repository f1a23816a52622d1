package org.radassist.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SectionDiffTest {

  @Test
  void encodes_kept_removed_and_added_words_one_per_line() {
    SectionDiff diff = SectionDiff.between("No acute findings", "No acute abnormality seen");

    assertThat(diff.encode()).isEqualTo(" No\n acute\n-findings\n+abnormality\n+seen");
    assertThat(diff.wordEditDistance()).isEqualTo(2);
  }

  @Test
  void parsing_the_encoding_gives_back_both_texts_for_random_edits() {
    Random random = new Random(42);
    List<String> vocabulary = List.of("nodule", "lobe", "right", "left", "mm", "8", "no", "new");
    for (int i = 0; i < 500; i++) {
      String draft = randomText(random, vocabulary);
      String fin = randomText(random, vocabulary);
      SectionDiff diff = SectionDiff.between(draft, fin);

      SectionDiff parsed = SectionDiff.parse(diff.encode());

      assertThat(parsed).isEqualTo(diff);
      assertThat(parsed.wordEditDistance())
          .isLessThanOrEqualTo(Math.max(diff.draftWords().size(), diff.finalWords().size()));
    }
  }

  @Test
  void word_levenshtein_counts_substitutions_insertions_and_deletions() {
    assertThat(SectionDiff.between("a b c", "a x c").wordEditDistance()).isEqualTo(1);
    assertThat(SectionDiff.between("a b c", "a c").wordEditDistance()).isEqualTo(1);
    assertThat(SectionDiff.between("", "a b").wordEditDistance()).isEqualTo(2);
    assertThat(SectionDiff.between("kitten sat", "sitting sat down").wordEditDistance())
        .isEqualTo(2);
    assertThat(SectionDiff.between("same  words\nhere", "same words here").wordEditDistance())
        .isZero();
  }

  @Test
  void a_line_without_a_marker_is_refused() {
    assertThatThrownBy(() -> SectionDiff.parse(" ok\n*bad"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 2");
  }

  private static String randomText(Random random, List<String> vocabulary) {
    StringBuilder text = new StringBuilder();
    int words = random.nextInt(12);
    for (int w = 0; w < words; w++) {
      text.append(vocabulary.get(random.nextInt(vocabulary.size()))).append(' ');
    }
    return text.toString();
  }
}
