package org.radassist.governance;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.radassist.model.CriticalCategory;

/**
 * How the critical-result loop reaches the ordering clinician and whom it escalates to. Invalid
 * values throw {@link InvalidConfigurationException} naming the configuration key.
 *
 * @param channel how notices travel (both endpoints use the same kind)
 * @param endpoint the RIS/EHR: {@code host:port} of an HL7 MLLP receiver, or a FHIR base URL
 * @param escalationEndpoint where unacknowledged results go once their time frame has passed
 * @param ackTimeout how long one attempt waits for the receiver's acknowledgement (at least 100 ms)
 * @param retryInterval the wait between attempts (at least 1 s)
 * @param timeFrames per ACR category, how long until escalation (at least 1 minute); a category
 *     left out gets its {@link CriticalCategory#defaultTimeFrame() default}
 */
public record CriticalResultSettings(
    Channel channel,
    String endpoint,
    String escalationEndpoint,
    Duration ackTimeout,
    Duration retryInterval,
    Map<CriticalCategory, Duration> timeFrames) {

  /** The kinds of channel governance provides. */
  public enum Channel {
    /** HL7 v2.5.1 ORU^R01 over MLLP, acknowledged by MSA-1 AA/CA. */
    HL7,
    /** A FHIR R4 Communication, acknowledged by an HTTP 2xx. */
    FHIR
  }

  public CriticalResultSettings {
    if (channel == null) {
      throw new InvalidConfigurationException("critical.channel", "", "expected hl7 or fhir");
    }
    checkEndpoint(channel, "critical.endpoint", endpoint);
    checkEndpoint(channel, "critical.escalationEndpoint", escalationEndpoint);
    if (ackTimeout == null || ackTimeout.toMillis() < 100) {
      throw new InvalidConfigurationException(
          "critical.ackTimeoutMillis", millis(ackTimeout), "must be at least 100 ms");
    }
    if (retryInterval == null || retryInterval.getSeconds() < 1) {
      throw new InvalidConfigurationException(
          "critical.retrySeconds",
          retryInterval == null ? "" : "" + retryInterval.getSeconds(),
          "must be at least 1 second");
    }
    Map<CriticalCategory, Duration> frames = new EnumMap<>(CriticalCategory.class);
    for (CriticalCategory c : CriticalCategory.values()) {
      Duration frame = timeFrames.getOrDefault(c, c.defaultTimeFrame());
      if (frame == null || frame.toMinutes() < 1) {
        throw new InvalidConfigurationException(
            "critical.category" + c.number() + "Minutes",
            frame == null ? "" : "" + frame.toMinutes(),
            "must be at least 1 minute");
      }
      frames.put(c, frame);
    }
    timeFrames = Map.copyOf(frames);
  }

  /**
   * HL7 ORU^R01 over MLLP to {@code host:port} receivers, with a 10 s acknowledgement timeout, a
   * retry every 60 s and the ACR default time frames.
   */
  public static CriticalResultSettings hl7(String endpoint, String escalationEndpoint)
      throws InvalidConfigurationException {
    return new CriticalResultSettings(
        Channel.HL7,
        endpoint,
        escalationEndpoint,
        Duration.ofSeconds(10),
        Duration.ofSeconds(60),
        Map.of());
  }

  /** FHIR Communications to two FHIR base URLs, with the timings of {@link #hl7}. */
  public static CriticalResultSettings fhir(String baseUrl, String escalationBaseUrl)
      throws InvalidConfigurationException {
    return new CriticalResultSettings(
        Channel.FHIR,
        baseUrl,
        escalationBaseUrl,
        Duration.ofSeconds(10),
        Duration.ofSeconds(60),
        Map.of());
  }

  /** These settings with other timings. */
  public CriticalResultSettings withTimings(
      Duration ackTimeout, Duration retryInterval, Map<CriticalCategory, Duration> timeFrames)
      throws InvalidConfigurationException {
    return new CriticalResultSettings(
        channel, endpoint, escalationEndpoint, ackTimeout, retryInterval, timeFrames);
  }

  private static String millis(Duration d) {
    return d == null ? "" : "" + d.toMillis();
  }

  private static void checkEndpoint(Channel channel, String key, String value) {
    String kind = channel.name().toLowerCase(java.util.Locale.ROOT);
    if (value == null || value.isBlank()) {
      throw new InvalidConfigurationException(
          key, value == null ? "" : value, "required when critical.channel is " + kind);
    }
    if (channel == Channel.HL7) {
      String[] hp = value.split(":");
      boolean ok = hp.length == 2 && !hp[0].isBlank();
      if (ok) {
        try {
          int port = Integer.parseInt(hp[1]);
          ok = port > 0 && port < 65536;
        } catch (NumberFormatException e) {
          ok = false;
        }
      }
      if (!ok) {
        throw new InvalidConfigurationException(
            key, value, "expected host:port for an HL7 MLLP receiver");
      }
    } else if (!value.startsWith("https://") && !value.startsWith("http://")) {
      throw new InvalidConfigurationException(
          key, value, "expected the FHIR base URL (https://...)");
    }
  }
}
