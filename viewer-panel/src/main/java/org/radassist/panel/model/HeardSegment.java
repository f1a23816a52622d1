package org.radassist.panel.model;

/**
 * A piece of dictation the speech hook heard from a source other than the panel's own box (a speech
 * engine over the loopback intake, FHIRcast ...). A later segment with the same source and sequence
 * number replaces it (partials are replaced by finals).
 *
 * @param source where it came from, e.g. "loopback", "fhircast"
 * @param seq the source's sequence number
 * @param isFinal false while the speech engine may still change it
 * @param text what was heard
 */
public record HeardSegment(String source, long seq, boolean isFinal, String text) {
  public HeardSegment {
    source = source == null || source.isBlank() ? "unknown" : source;
    text = text == null ? "" : text;
  }
}
