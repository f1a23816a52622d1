package org.radassist.speech.internal.fhircast;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * A FHIRcast subscription (from the SMART launch: hub.url, hub.topic and the access token).
 *
 * @param leaseSeconds asked for; the subscription is renewed at {@code renewAt} of the granted
 *     lease
 */
public record FhircastConfig(
    URI hubUrl,
    String topic,
    String bearerToken,
    String subscriberName,
    int leaseSeconds,
    double renewAt,
    Duration timeout) {
  /** The events the IHE IRA Content Creator listens to. */
  public static final List<String> EVENTS =
      List.of(
          "ImagingStudy-open",
          "ImagingStudy-close",
          "DiagnosticReport-open",
          "DiagnosticReport-close",
          "DiagnosticReport-update",
          "SyncError");

  public FhircastConfig {
    if (hubUrl == null || topic == null || topic.isBlank()) {
      throw new IllegalArgumentException("hubUrl and topic must be set");
    }
    if (leaseSeconds < 1 || !(renewAt > 0 && renewAt < 1)) {
      throw new IllegalArgumentException("leaseSeconds must be >= 1 and renewAt within (0, 1)");
    }
  }
}
