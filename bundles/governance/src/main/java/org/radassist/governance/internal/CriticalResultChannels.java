package org.radassist.governance.internal;

import java.time.Clock;
import java.util.List;
import org.radassist.governance.CriticalResultSettings;

/** The channels of validated critical-result settings. */
final class CriticalResultChannels {
  private CriticalResultChannels() {}

  /** The channel to the ordering clinician, then the escalation channel. */
  static List<CriticalResultChannel> of(CriticalResultSettings settings, Clock clock) {
    return List.of(
        channel(settings, settings.endpoint(), "RIS", clock),
        channel(settings, settings.escalationEndpoint(), "ESCALATION", clock));
  }

  private static CriticalResultChannel channel(
      CriticalResultSettings settings, String endpoint, String receiver, Clock clock) {
    return switch (settings.channel()) {
      case HL7 -> {
        String[] hp = endpoint.split(":");
        yield new MllpHl7Channel(
            hp[0], Integer.parseInt(hp[1]), settings.ackTimeout().toMillis(), receiver);
      }
      case FHIR -> new FhirCommunicationChannel(endpoint, null, settings.ackTimeout(), clock);
    };
  }
}
