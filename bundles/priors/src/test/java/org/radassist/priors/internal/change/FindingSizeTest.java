package org.radassist.priors.internal.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.radassist.priors.testing.Lesions.lesion;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radassist.priors.SizeMetric;

class FindingSizeTest {

  @ParameterizedTest(name = "{0} x {1} {2}: mean {3} mm")
  @CsvSource({
    "8.2, 6.1, mm, 7.2",
    "8.3, 6.2, mm, 7.3",
    "0.82, 0.61, cm, 7.2",
    "8.24, 6.14, mm, 7.2",
    "8240, 6140, um, 7.2",
  })
  void meanDiameterIsTheAverageOfLongAndShortAxisToOneDecimal(
      String longAxis, String shortAxis, String unit, String mean) {
    FindingSize size = FindingSize.of(lesion("a").axes(longAxis, shortAxis, unit).build());
    assertThat(size.meanDiameter())
        .hasValueSatisfying(m -> assertThat(m).isEqualByComparingTo(mean));
    assertThat(size.preferredMetric()).isEqualTo(SizeMetric.MEAN_DIAMETER);
  }

  @ParameterizedTest(name = "{0} {1}: {2} mm3")
  @CsvSource({"250, mm3, 250", "0.25, cm3, 250", "0.25, ml, 250"})
  void volumesInAnyUnit(String value, String unit, String mm3) {
    FindingSize size = FindingSize.of(lesion("a").volume(value, unit).build());
    assertThat(size.volume()).isEqualByComparingTo(mm3);
    assertThat(size.volumeFromAxes()).isFalse();
    assertThat(size.preferredMetric()).isEqualTo(SizeMetric.VOLUME);
  }

  @ParameterizedTest(name = "diameter {0} {1} -> longest {2}")
  @CsvSource({"1.5, cm, 15.0", "14.9, mm, 14.9"})
  void singleDiameterIsTheSize(String value, String unit, String mm) {
    FindingSize size = FindingSize.of(lesion("a").diameter(value, unit).build());
    assertThat(size.longest()).isEqualByComparingTo(mm);
    assertThat(size.meanDiameter()).isEmpty();
    assertThat(size.preferredMetric()).isEqualTo(SizeMetric.DIAMETER);
  }
}
