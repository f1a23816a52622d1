package org.radassist.panel.internal.osgi;

import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.radassist.audit.AuditTrail;

/**
 * Holds the audit trail for the tool contribution's Metrics tab (see {@link SpeechHookHolder} for
 * why the contribution does not reference it directly).
 */
@Component(service = AuditTrailHolder.class)
public final class AuditTrailHolder {
  private final AuditTrail trail;

  @Activate
  public AuditTrailHolder(@Reference AuditTrail trail) {
    this.trail = trail;
  }

  public Optional<AuditTrail> trail() {
    return Optional.of(trail);
  }
}
