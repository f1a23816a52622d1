package org.radassist.sr;

import java.util.List;
import org.radassist.model.Finding;
import org.radassist.model.ImageReference;
import org.radassist.sr.internal.view.TemplateViews;

/**
 * What a template makes of an SR document: findings (TID 1500 measurement groups, CAD findings),
 * key images (KOS), a dose summary (RDSR); documents of other templates come back with none of
 * these and are shown as a generic tree.
 *
 * @param template which view applied: "TID 1500", "TID 4000", "TID 4100", "TID 2010", "TID 10011",
 *     "TID 10001" or "generic"
 * @param notes what the view could not use, one line each (e.g. a NUM without a value)
 */
public record ReportView(
    SrDocument document,
    String template,
    List<Finding> findings,
    List<ImageReference> keyImages,
    String keyObjectDescription,
    DoseSummary dose,
    List<String> notes) {

  public ReportView {
    findings = List.copyOf(findings);
    keyImages = List.copyOf(keyImages);
    keyObjectDescription = keyObjectDescription == null ? "" : keyObjectDescription;
    notes = List.copyOf(notes);
  }

  /** Applies the template view the document's root and SOP class call for. */
  public static ReportView of(SrDocument document) {
    return TemplateViews.interpret(document);
  }
}
