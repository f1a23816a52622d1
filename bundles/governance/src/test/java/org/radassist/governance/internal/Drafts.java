package org.radassist.governance.internal;

import java.time.Instant;
import java.util.List;
import org.radassist.model.CriticalCategory;
import org.radassist.model.DraftReport;
import org.radassist.model.DraftStatus;
import org.radassist.model.Evidence;
import org.radassist.model.FieldStatus;
import org.radassist.model.Flag;
import org.radassist.model.FlagType;
import org.radassist.model.ModelInfo;
import org.radassist.model.ScoringSystem;
import org.radassist.model.Section;
import org.radassist.model.SectionKind;
import org.radassist.model.Severity;
import org.radassist.model.StructuredField;
import org.radassist.model.Suggestion;
import org.radassist.model.SuggestionKind;

/** Draft reports for the governance tests, shaped as the engine makes them. */
final class Drafts {
  static final String FINDINGS =
      "Filling defect in the right lower lobe pulmonary artery. 8.2 mm solid nodule.";
  static final Evidence PE = Evidence.of(SectionKind.FINDINGS, FINDINGS, 0, FINDINGS.indexOf('.'));
  static final Evidence NODULE =
      Evidence.of(SectionKind.FINDINGS, FINDINGS, FINDINGS.indexOf("8.2"), FINDINGS.length() - 1);

  private Drafts() {}

  static DraftReport draft(
      double impressionConfidence,
      double fieldConfidence,
      List<Section> extraSections,
      Flag... extraFlags) {
    List<Section> sections = new java.util.ArrayList<>();
    sections.add(Section.drafted(SectionKind.FINDINGS, FINDINGS));
    sections.addAll(extraSections);
    List<Flag> flags = new java.util.ArrayList<>();
    flags.add(
        new Flag(
            FlagType.CRITICAL_RESULT,
            Severity.CRITICAL,
            "Acute pulmonary embolism",
            List.of(PE),
            CriticalCategory.CATEGORY_1,
            List.of("who", "when", "how")));
    flags.addAll(List.of(extraFlags));
    return new DraftReport(
        "d-1",
        "st-1",
        new ModelInfo("rules", "1", "embedded"),
        sections,
        List.of(
            new Suggestion(
                "i-1",
                SuggestionKind.IMPRESSION,
                "Acute pulmonary embolism.",
                impressionConfidence,
                "filling defect",
                List.of(PE),
                null)),
        List.of(),
        List.of(
            new StructuredField(
                ScoringSystem.LUNG_RADS,
                "2022",
                "category",
                "4A",
                List.of(NODULE),
                fieldConfidence,
                FieldStatus.COMPLETE,
                List.of(),
                "solid 8-15 mm",
                null)),
        List.of(),
        flags,
        DraftStatus.COMPLETE,
        Instant.EPOCH);
  }

  /** The same draft with other flags (an actionable finding alone, no critical result). */
  static DraftReport withFlags(DraftReport d, Flag... flags) {
    return new DraftReport(
        d.draftId(),
        d.studyToken(),
        d.model(),
        d.sections(),
        d.impressions(),
        d.differentials(),
        d.structuredFields(),
        d.codes(),
        List.of(flags),
        d.status(),
        d.createdAt());
  }

  /** An ACR category 3 actionable finding on the nodule, as the engine raises for Lung-RADS 4A. */
  static Flag actionableNodule() {
    return new Flag(
        FlagType.ACTIONABLE_FINDING,
        Severity.WARNING,
        "Actionable finding (ACR category 3): Lung-RADS 4A",
        List.of(NODULE),
        CriticalCategory.CATEGORY_3,
        List.of("who", "when", "how"));
  }
}
