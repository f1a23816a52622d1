package org.radassist.weasis.bridge.internal.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TagLookupTest {
  private static TagLookup of(Object value) {
    return Map.of(1, value)::get;
  }

  @Test
  void textIsTrimmedAndBlankIsAbsent() {
    assertThat(of("  CT ").text(1)).contains("CT");
    assertThat(of("   ").text(1)).isEmpty();
    assertThat(TagLookup.empty().text(1)).isEmpty();
  }

  @Test
  void multiValuedTextGivesTheFirstNonBlankValue() {
    assertThat(of(new String[] {"", " ORIGINAL", "PRIMARY"}).text(1)).contains("ORIGINAL");
    assertThat(of(new String[] {" "}).text(1)).isEmpty();
  }

  @Test
  void datesAreReadFromDatesDateTimesAndDicomText() {
    assertThat(of(LocalDate.of(2026, 1, 2)).date(1)).contains(LocalDate.of(2026, 1, 2));
    assertThat(of(LocalDateTime.of(2026, 1, 2, 3, 4)).date(1)).contains(LocalDate.of(2026, 1, 2));
    assertThat(of("20260102").date(1)).contains(LocalDate.of(2026, 1, 2));
    assertThat(of("2026.01.02").date(1)).contains(LocalDate.of(2026, 1, 2));
    assertThat(of("2026-13-45").date(1)).isEmpty();
    assertThat(of(java.time.LocalTime.NOON).date(1)).isEmpty();
  }

  @Test
  void integersAreReadFromNumbersArraysAndText() {
    assertThat(of(7).integer(1)).contains(7);
    assertThat(of(new int[] {4, 5}).integer(1)).contains(4);
    assertThat(of(" +12 ").integer(1)).contains(12);
    assertThat(of("twelve").integer(1)).isEmpty();
  }
}
