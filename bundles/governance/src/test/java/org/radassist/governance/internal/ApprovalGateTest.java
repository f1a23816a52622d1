package org.radassist.governance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.radassist.governance.ActionRefusedException;
import org.radassist.governance.ApprovalGate;
import org.radassist.governance.SignOffState;
import org.radassist.host.Role;
import org.radassist.host.UserIdentity;
import org.radassist.model.AuditAction;
import org.radassist.model.AuditEvent;
import org.radassist.model.DraftReport;
import org.radassist.model.Section;
import org.radassist.model.SectionKind;

class ApprovalGateTest {
  private final List<AuditEvent> audit = new ArrayList<>();
  private final ApprovalGate gate =
      new AuditedApprovalGate(
          audit::add, Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC));
  private final UserIdentity attending =
      new UserIdentity("dr.house", "G. House", Set.of(Role.RADIOLOGIST));
  private final UserIdentity resident =
      new UserIdentity("dr.res", "R. Resident", Set.of(Role.RESIDENT));
  private final UserIdentity technologist =
      new UserIdentity("tech", null, Set.of(Role.TECHNOLOGIST));
  private final Section communication =
      new Section(
          SectionKind.COMMUNICATION,
          "Who: Dr. Wilson (ordering). When: 2026-11-29 10:05. How: telephone, read back.",
          org.radassist.model.Authorship.HUMAN,
          org.radassist.model.ReviewState.ACCEPTED);

  @Test
  void aNonRadiologistsApprovalIsRefusedAndAudited() {
    assertThatThrownBy(() -> gate.approveCode(technologist, "st-1", "t-1", "ICD-10-CM", "I26.99"))
        .isInstanceOf(ActionRefusedException.class)
        .hasMessage("tech: only a radiologist may approve codes");
    assertThat(audit)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.action()).isEqualTo(AuditAction.ACTION_REFUSED);
              assertThat(e.user()).isEqualTo("tech");
              assertThat(e.details())
                  .containsEntry("action", "approve_code")
                  .containsEntry("roles", "TECHNOLOGIST");
            });
  }

  @Test
  void aResidentsDraftNeedsAnAttendingBeforeItCanBeSigned() {
    assertThatThrownBy(
            () ->
                gate.sign(resident, "st-1", "t-1", Drafts.draft(0.9, 0.9, List.of(communication))))
        .isInstanceOf(ActionRefusedException.class);
    assertThat(gate.submitForApproval(resident, "st-1", "t-1"))
        .isEqualTo(SignOffState.AWAITING_ATTENDING);
    assertThatThrownBy(
            () ->
                gate.sign(attending, "st-1", "t-1", Drafts.draft(0.9, 0.9, List.of(communication))))
        .hasMessageContaining("awaits an attending's approval");
    assertThat(gate.approveDraft(attending, "st-1", "t-1")).isEqualTo(SignOffState.APPROVED);
    assertThat(gate.sign(attending, "st-1", "t-1", Drafts.draft(0.9, 0.9, List.of(communication))))
        .isEqualTo(SignOffState.SIGNED);
    assertThat(audit)
        .extracting(AuditEvent::action)
        .containsExactly(
            AuditAction.ACTION_REFUSED,
            AuditAction.DRAFT_SUBMITTED_FOR_APPROVAL,
            AuditAction.ACTION_REFUSED,
            AuditAction.DRAFT_APPROVED,
            AuditAction.REPORT_SIGNED);
  }

  @Test
  void anUndocumentedCategoryOneCriticalResultBlocksSignOff() {
    assertThatThrownBy(() -> gate.sign(attending, "st-2", "t-2", Drafts.draft(0.9, 0.9, List.of())))
        .hasMessageContaining("Acute pulmonary embolism")
        .hasMessageContaining("category 1")
        .hasMessageContaining("who was told, when and how");
    assertThat(gate.state("st-2")).isEqualTo(SignOffState.DRAFTING);
    assertThat(gate.sign(attending, "st-2", "t-2", Drafts.draft(0.9, 0.9, List.of(communication))))
        .isEqualTo(SignOffState.SIGNED);
  }

  @Test
  void anActionableFindingDoesNotHoldSignOff() {
    DraftReport actionableOnly =
        Drafts.withFlags(Drafts.draft(0.9, 0.9, List.of()), Drafts.actionableNodule());
    assertThat(gate.sign(attending, "st-3", "t-3", actionableOnly)).isEqualTo(SignOffState.SIGNED);
  }
}
