package org.radassist.panel.model;

/**
 * What one dictation source said so far for the study, as the Draft tab shows it: {@code "Dictated
 * via loopback: …"}.
 *
 * @param source the source's name
 * @param text its segments in sequence order, joined with spaces
 * @param partial true while its last segment is not final yet
 */
public record DictationLine(String source, String text, boolean partial) {

  /** The line as shown, e.g. "Dictated via loopback: nodule in the right upper lobe …". */
  public String display() {
    return "Dictated via " + source + ": " + text + (partial ? " \u2026" : "");
  }
}
