package org.radassist.speech;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.radassist.model.SectionKind;

/**
 * Content the radiologist accepted, bound for the reporting system as preliminary results: the
 * order it answers (the placer order number from the RIS's order message, or the FHIRcast report
 * id) and the text of each section. Outbound senders pass the text through {@link
 * org.radassist.drafting.request.DraftRequestFactory#scrub} before it leaves.
 */
public record AcceptedReport(String orderOrReportId, Map<SectionKind, String> sections) {
  public AcceptedReport {
    if (orderOrReportId == null || orderOrReportId.isBlank()) {
      throw new IllegalArgumentException("orderOrReportId must not be blank");
    }
    if (sections == null || sections.isEmpty()) {
      throw new IllegalArgumentException("an accepted report has at least one section");
    }
    sections = Collections.unmodifiableMap(new EnumMap<>(sections));
  }
}
