package org.radassist.workstation.internal.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.radassist.drafting.DraftRequest;
import org.radassist.drafting.PriorSummary;
import org.radassist.model.Sex;
import org.radassist.model.StudyContext;

class DraftRequestsTest {
  private static StudyContext study(String uid, LocalDate date) {
    return new StudyContext(
        uid,
        "ACC-" + uid,
        "MRN-1",
        null,
        "PHANTOM^ALEX",
        null,
        Sex.F,
        List.of("CT", "SR"),
        "CHEST",
        date,
        null);
  }

  @Test
  void aPriorIsNamedByItsTokenAndNegativeDaysFromTheCurrentStudy() {
    StudyContext current = study("1.2.3", LocalDate.of(2026, 11, 29));
    StudyContext prior = study("1.2.2", LocalDate.of(2025, 11, 20));

    DraftRequest r = DraftRequests.of("s", current, List.of(), List.of(current, prior), "findings");

    assertThat(r.priors()).singleElement().satisfies(this::isTheYearOldCt);
  }

  private void isTheYearOldCt(PriorSummary p) {
    assertThat(p.relativeDays()).isEqualTo(-374);
    assertThat(p.modality()).isEqualTo("CT");
    assertThat(p.token()).doesNotContain("1.2.2");
  }

  @Test
  void theAisCodedCompositionReachesTheEngine() {
    var composition =
        new org.radassist.model.QualitativeEvaluation(
            org.radassist.model.CodedConcept.of("C45992", "NCIt", "Composition"),
            org.radassist.model.CodedConcept.of("82515000", "SCT", "Solid"),
            null);
    var nodule =
        new org.radassist.model.Finding(
            "1",
            org.radassist.model.CodedConcept.of("RID50149", "RADLEX", "Pulmonary nodule"),
            null,
            null,
            null,
            null,
            List.of(),
            List.of(composition),
            null,
            0.9,
            List.of(),
            null);

    assertThat(DraftRequests.aiResult(nodule).composition()).isEqualTo("Solid");
  }
}
