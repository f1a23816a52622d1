package org.radassist.audit.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.radassist.audit.AuditTrail;
import org.radassist.audit.SectionDiff;
import org.radassist.model.AuditAction;
import org.radassist.model.AuditEvent;

/**
 * A reading session as the workstation audits it: three studies (two CT, one CR) with accepted,
 * edited and rejected AI output, an overridden flag and signed reports. Expected figures:
 *
 * <ul>
 *   <li>CT: 2 accepted, 2 edited, 1 rejected; edit distances 3 (of 12 draft words) and 1 (of 3);
 *       signed after 300 s and 600 s; 1 flag overridden
 *   <li>CR: 1 accepted, 1 rejected; signed after 120 s
 * </ul>
 */
public final class WorkstationSession {
  public static final Instant T0 = Instant.parse("2026-11-29T08:00:00Z");

  private WorkstationSession() {}

  public static void write(AuditTrail trail) throws IOException {
    // Study A, CT: modality only on the draft request; the others inherit it.
    trail.append(
        at(0, AuditAction.DRAFT_REQUESTED, "st-a", Map.of("modality", "CT", "body_part", "CHEST")));
    trail.append(at(20, AuditAction.DRAFT_RECEIVED, "st-a", Map.of("draft_id", "d-1")));
    trail.append(at(60, AuditAction.SECTION_ACCEPTED, "st-a", Map.of("section", "FINDINGS")));
    trail.append(
        at(
            90,
            AuditAction.SECTION_EDITED,
            "st-a",
            Map.of(
                "section",
                "IMPRESSION",
                "diff",
                SectionDiff.between(
                        "New 8 mm nodule right upper lobe. Call Dr. Meyer on 2026-11-30",
                        "New 8 mm solid nodule in the right upper lobe. Call Dr. Meyer on 2026-11-30")
                    .encode())));
    trail.append(
        at(100, AuditAction.CODE_APPROVED, "st-a", Map.of("system", "ICD-10-CM", "code", "R91.1")));
    trail.append(at(300, AuditAction.REPORT_SIGNED, "st-a", Map.of()));

    // Study B, CT
    trail.append(at(0, AuditAction.DRAFT_REQUESTED, "st-b", Map.of("modality", "ct")));
    trail.append(
        at(
            50,
            AuditAction.SECTION_REJECTED,
            "st-b",
            Map.of("section", "IMPRESSION", "reason", "hallucinated prior from 03/04/2025")));
    trail.append(
        at(
            70,
            AuditAction.SECTION_EDITED,
            "st-b",
            Map.of(
                "section",
                "FINDINGS",
                "diff",
                SectionDiff.between("No acute findings", "No acute abnormality").encode())));
    trail.append(
        at(
            80,
            AuditAction.FLAG_OVERRIDDEN,
            "st-b",
            Map.of(
                "flag_type", "LATERALITY_MISMATCH", "reason", "left is correct per MRN 12345678")));
    trail.append(at(600, AuditAction.REPORT_SIGNED, "st-b", Map.of()));

    // Study C, CR
    trail.append(at(1000, AuditAction.DRAFT_REQUESTED, "st-c", Map.of("modality", "CR")));
    trail.append(
        at(
            1010,
            AuditAction.SUGGESTION_ACCEPTED,
            "st-c",
            Map.of("suggestion_kind", "DIFFERENTIAL")));
    trail.append(
        at(1020, AuditAction.FIELD_REJECTED, "st-c", Map.of("target", "field", "item", "f-3")));
    trail.append(at(1120, AuditAction.REPORT_SIGNED, "st-c", Map.of()));
  }

  private static AuditEvent at(
      long seconds, AuditAction action, String study, Map<String, String> details) {
    Map<String, String> copy = new HashMap<>(details);
    return new AuditEvent(
        T0.plusSeconds(seconds),
        action,
        "tr-" + study + "-" + seconds,
        "dr-jane-doe",
        study,
        "radassist-draft",
        "1.2.0",
        action == AuditAction.DRAFT_REQUESTED ? "b".repeat(64) : null,
        action == AuditAction.DRAFT_RECEIVED ? "c".repeat(64) : null,
        copy);
  }
}
