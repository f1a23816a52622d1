package org.radassist.panel.internal.osgi;

import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.radassist.audit.AuditTrail;

/**
 * Holds the audit trail for the tool contribution's Metrics tab. The contribution references this
 * holder, not the trail: SCR reflects over the contribution's fields and methods, so none of them
 * may name a type of an optional bundle; this component is only satisfied (and only loaded) where
 * the audit bundle runs.
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
