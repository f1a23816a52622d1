package org.radassist.drafting.testing;

import java.time.Instant;
import java.util.List;
import org.radassist.model.DraftReport;
import org.radassist.model.DraftStatus;
import org.radassist.model.Evidence;
import org.radassist.model.Flag;
import org.radassist.model.FlagType;
import org.radassist.model.ModelInfo;
import org.radassist.model.Section;
import org.radassist.model.SectionKind;
import org.radassist.model.Severity;

/** Test fixtures. */
public final class Drafts {
  private Drafts() {}

  public static DraftReport sampleReport() {
    String findings = "New 8.2 mm solid nodule in the right upper lobe.";
    Evidence e = Evidence.of(SectionKind.FINDINGS, findings, 4, 10);
    return new DraftReport(
        "d-1",
        "st-1",
        new ModelInfo("radassist-rules", "0.1.0", "embedded"),
        List.of(Section.drafted(SectionKind.FINDINGS, findings)),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(Flag.of(FlagType.MEASUREMENT_MISMATCH, Severity.WARNING, "8.2 vs 9", List.of(e))),
        DraftStatus.COMPLETE,
        Instant.parse("2026-11-29T10:00:00Z"));
  }
}
