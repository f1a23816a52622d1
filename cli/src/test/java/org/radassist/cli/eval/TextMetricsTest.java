package org.radassist.cli.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextMetricsTest {

  @ParameterizedTest(name = "ROUGE-L(\"{0}\", \"{1}\") = {2}")
  @CsvSource({
    "no acute disease, no acute disease, 1.0",
    "no acute cardiopulmonary abnormality, no acute disease, 0.5714",
    "the cat sat, dog, 0.0",
    "police killed the gunman, the gunman police killed, 0.5",
  })
  void rougeL(String candidate, String reference, double expected) {
    assertThat(TextMetrics.rougeL(TextMetrics.tokens(candidate), TextMetrics.tokens(reference)))
        .isCloseTo(expected, within(1e-4));
  }

  @Test
  void bleu4IsOneForIdenticalTextAndPenalisesShortCandidates() {
    List<String> ref = TextMetrics.tokens("no acute cardiopulmonary process is seen today");
    assertThat(TextMetrics.corpusBleu4(List.of(ref), List.of(ref))).isCloseTo(1.0, within(1e-9));
    List<String> shortCand = TextMetrics.tokens("no acute cardiopulmonary process");
    // all n-grams match; brevity penalty exp(1 - 7/4)
    assertThat(TextMetrics.corpusBleu4(List.of(shortCand), List.of(ref)))
        .isCloseTo(Math.exp(1 - 7.0 / 4), within(1e-9));
    assertThat(TextMetrics.corpusBleu4(List.of(TextMetrics.tokens("a b")), List.of(ref))).isZero();
  }

  @Test
  void csvHandlesQuotesCommasAndLineBreaks() {
    List<List<String>> rows = Csv.parse("a,b,c\n1,\"x, \"\"y\"\"\nz\",3\n");
    assertThat(rows).containsExactly(List.of("a", "b", "c"), List.of("1", "x, \"y\"\nz", "3"));
  }
}
