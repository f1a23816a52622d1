package org.radassist.sr;

import java.util.List;
import org.radassist.model.Finding;

/**
 * A readable narrative of a report, one line per finding (e.g. "12 mm Mass, Breast (Right), BI-RADS
 * assessment: Category 5 — algorithm X 1.2, confidence 0.93"). {@link #lines} gives plain text;
 * {@link #html} escapes every piece of document text before it goes into markup, so a hostile SR
 * renders inert.
 *
 * <p>Static functions only; the implementation is internal to the bundle.
 */
public interface Narrative {
  static List<String> lines(ReportView view) {
    return org.radassist.sr.internal.render.NarrativeRenderer.lines(view);
  }

  /** One finding as a sentence: size, type, site, evaluations — algorithm, confidence. */
  static String finding(Finding f) {
    return org.radassist.sr.internal.render.NarrativeRenderer.finding(f);
  }

  /** The narrative as an HTML fragment; all document text is escaped. */
  static String html(ReportView view) {
    return org.radassist.sr.internal.render.NarrativeRenderer.html(view);
  }

  /** Escapes text for HTML element content and attribute values (Swing's HTML included). */
  static String escapeHtml(String text) {
    return org.radassist.sr.internal.render.NarrativeRenderer.escapeHtml(text);
  }
}
