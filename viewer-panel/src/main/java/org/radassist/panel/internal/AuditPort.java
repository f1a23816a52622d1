package org.radassist.panel.internal;

import java.io.IOException;
import org.radassist.panel.Decision;

/**
 * The audit trail as the panel uses it; the adapter ({@code internal.audit.AuditTrailPort}) is the
 * only class naming the audit bundle's types (an optional import). The panel records the
 * radiologist's decisions itself, so they are audited in every host that gives it a trail.
 */
public interface AuditPort {

  /**
   * Appends the record of one decision.
   *
   * @param modality the study's modality ("" when unknown), which the metrics group by
   * @param governed true where governance runs: its approval gate then records code approvals
   *     itself, and this port does not record them twice
   */
  void decided(Decision decision, String modality, boolean governed) throws IOException;
}
