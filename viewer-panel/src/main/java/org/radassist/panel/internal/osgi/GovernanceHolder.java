package org.radassist.panel.internal.osgi;

import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.radassist.governance.Governance;

/**
 * Holds the governance service for the tool contribution (see {@link SpeechHookHolder} for why the
 * contribution does not reference it directly).
 */
@Component(service = GovernanceHolder.class)
public final class GovernanceHolder {
  private final Governance governance;

  @Activate
  public GovernanceHolder(@Reference Governance governance) {
    this.governance = governance;
  }

  Optional<Governance> governance() {
    return Optional.of(governance);
  }
}
