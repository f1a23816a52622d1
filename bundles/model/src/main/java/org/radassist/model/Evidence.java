package org.radassist.model;

/**
 * The span of report text (or of an SR) a suggestion rests on: [start, end) character offsets into
 * a section's text, plus the quoted words.
 */
public record Evidence(SectionKind section, int start, int end, String quote) {
  public Evidence {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException(
          "evidence span must satisfy 0 <= start <= end, was [" + start + ", " + end + ")");
    }
    quote = quote == null ? "" : quote;
  }

  /** The span [start, end) of {@code text} in section {@code section}. */
  public static Evidence of(SectionKind section, String text, int start, int end) {
    return new Evidence(section, start, end, text.substring(start, end));
  }
}
