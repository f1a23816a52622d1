package org.radassist.audit.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.audit.AuditRecord;
import org.radassist.audit.SectionDiff;
import org.radassist.audit.internal.FileAuditTrail;
import org.radassist.audit.internal.WorkstationSession;
import org.radassist.model.AuditAction;
import org.radassist.model.AuditEvent;

class AuditMetricsTest {
  @TempDir Path dir;

  @Test
  void adoption_edit_distance_and_time_to_report_per_modality() throws Exception {
    List<AuditRecord> records;
    try (FileAuditTrail trail = new FileAuditTrail(dir, 1 << 20)) {
      WorkstationSession.write(trail);
      records = trail.readAll();
    }

    MetricsSummary summary = AuditMetrics.compute(records);

    assertThat(summary.records()).isEqualTo(15);
    assertThat(summary.byModality())
        .extracting(ModalityMetrics::modality)
        .containsExactly("CR", "CT");
    ModalityMetrics ct = summary.byModality().get(1);
    assertThat(ct.studies()).isEqualTo(2);
    assertThat(ct.accepted()).isEqualTo(2);
    assertThat(ct.edited()).isEqualTo(2);
    assertThat(ct.rejected()).isEqualTo(1);
    assertThat(ct.flagsOverridden()).isEqualTo(1);
    assertThat(ct.adoptionRate().getAsDouble()).isCloseTo(0.8, within(1e-9));
    assertThat(ct.unchangedRate().getAsDouble()).isCloseTo(0.4, within(1e-9));
    assertThat(ct.meanWordEditDistance().getAsDouble()).isEqualTo(2.0);
    assertThat(ct.medianWordEditDistance().getAsDouble()).isEqualTo(2.0);
    assertThat(ct.meanRelativeEditDistance().getAsDouble())
        .isCloseTo((3.0 / 12 + 1.0 / 3) / 2, within(1e-9));
    assertThat(ct.reportsSigned()).isEqualTo(2);
    assertThat(ct.medianTimeToReport()).contains(Duration.ofSeconds(450));

    ModalityMetrics cr = summary.byModality().get(0);
    assertThat(cr.adoptionRate().getAsDouble()).isEqualTo(0.5);
    assertThat(cr.meanWordEditDistance()).isEmpty();
    assertThat(cr.medianTimeToReport()).contains(Duration.ofSeconds(120));

    ModalityMetrics all = summary.overall();
    assertThat(all.modality()).isEqualTo(MetricsSummary.ALL);
    assertThat(all.studies()).isEqualTo(3);
    assertThat(all.decisions()).isEqualTo(7);
    assertThat(all.adoptionRate().getAsDouble()).isCloseTo(5.0 / 7, within(1e-9));
    assertThat(all.medianTimeToReport()).contains(Duration.ofSeconds(300));
    assertThat(all.meanTimeToReport()).contains(Duration.ofSeconds(340));
  }

  @Test
  void the_last_decision_per_item_counts_and_an_undo_withdraws_one() throws Exception {
    List<AuditRecord> records;
    try (FileAuditTrail trail = new FileAuditTrail(dir, 1 << 20)) {
      trail.append(panel(AuditAction.DRAFT_REQUESTED, Map.of("modality", "MR")));
      // s1: accepted, undone, then edited -> one edit
      trail.append(panel(AuditAction.SECTION_ACCEPTED, item("s1", "accept")));
      trail.append(panel(AuditAction.SECTION_REJECTED, item("s1", "undo")));
      Map<String, String> edit = new java.util.HashMap<>(item("s1", "edit"));
      edit.put("diff", SectionDiff.between("a b c", "a x c").encode());
      trail.append(panel(AuditAction.SECTION_EDITED, edit));
      // s2: accepted, then rejected -> one rejection
      trail.append(panel(AuditAction.SECTION_ACCEPTED, item("s2", "accept")));
      trail.append(panel(AuditAction.SECTION_REJECTED, item("s2", "reject")));
      // f1: accepted, undone -> pending, not counted
      trail.append(panel(AuditAction.FIELD_ACCEPTED, item("f1", "accept")));
      trail.append(panel(AuditAction.FIELD_REJECTED, item("f1", "undo")));
      records = trail.readAll();
    }

    ModalityMetrics mr = AuditMetrics.compute(records).byModality().get(0);

    assertThat(mr.modality()).isEqualTo("MR");
    assertThat(mr.accepted()).isZero();
    assertThat(mr.edited()).isEqualTo(1);
    assertThat(mr.rejected()).isEqualTo(1);
    assertThat(mr.meanWordEditDistance().getAsDouble()).isEqualTo(1.0);
  }

  private static Map<String, String> item(String id, String verb) {
    return Map.of("target", id.startsWith("s") ? "section" : "field", "item", id, "verb", verb);
  }

  private static AuditEvent panel(AuditAction action, Map<String, String> details) {
    return new AuditEvent(
        Instant.parse("2026-11-29T09:00:00Z"), // same instant: seq decides the order
        action,
        "draft-1",
        "u-1",
        "st-m",
        null,
        null,
        null,
        null,
        details);
  }

  @Test
  void no_records_give_empty_figures_not_zeros() {
    MetricsSummary summary = AuditMetrics.compute(List.of());

    assertThat(summary.byModality()).isEmpty();
    assertThat(summary.overall().adoptionRate()).isEmpty();
    assertThat(summary.overall().medianTimeToReport()).isEmpty();
  }
}
