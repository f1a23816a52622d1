package org.radassist.governance.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.radassist.governance.CriticalResultChannel;
import org.radassist.governance.InvalidConfigurationException;
import org.radassist.governance.ReviewPolicy;
import org.radassist.governance.RolloutPolicy;
import org.radassist.host.Role;
import org.radassist.model.CriticalCategory;

/**
 * Validated governance settings read from configuration properties (keys of {@link
 * GovernanceConfig} with '.' for '_'). Either all of a configuration is valid or none of it
 * applies.
 */
record GovernanceSettings(
    RolloutPolicy rollout,
    Map<String, String> userGroups,
    ReviewPolicy review,
    Map<String, Set<Role>> roles,
    String criticalChannel,
    String criticalEndpoint,
    String escalationEndpoint,
    long ackTimeoutMillis,
    Duration retryInterval,
    Map<CriticalCategory, Duration> timeFrames) {

  /**
   * Reads and validates; {@code lookup} returns a property's value (String, String[] or number) or
   * null.
   */
  static GovernanceSettings read(Function<String, Object> lookup) {
    RolloutPolicy rollout =
        RolloutPolicy.parse(
            text(lookup, "rollout.defaultMode", "shadow"), strings(lookup, "rollout.rules"));
    Map<String, String> groups = new HashMap<>();
    for (String line : strings(lookup, "user.groups")) {
      String[] kv = pair("user.groups", line);
      groups.put(kv[0], kv[1]);
    }
    String[] thresholds = strings(lookup, "review.thresholds");
    if (thresholds.length == 0) {
      thresholds =
          new String[] {"impression=0.6", "differential=0.5", "structured_field=0.7", "code=0.8"};
    }
    ReviewPolicy review =
        ReviewPolicy.parse(
            thresholds,
            number(lookup, "review.autoPopulateAbove", 0.9),
            number(lookup, "review.doubleReadBelow", 0.75));
    Map<String, Set<Role>> roles = new HashMap<>();
    for (String line : strings(lookup, "roles")) {
      String[] kv = pair("roles", line);
      Set<Role> set = EnumSet.noneOf(Role.class);
      for (String r : kv[1].split(",")) {
        try {
          set.add(Role.valueOf(r.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          throw new InvalidConfigurationException(
              "roles",
              line,
              "unknown role \""
                  + r.trim()
                  + "\"; expected one of "
                  + Arrays.toString(Role.values()));
        }
      }
      roles.put(kv[0], Set.copyOf(set));
    }
    String channel = text(lookup, "critical.channel", "none").toLowerCase(Locale.ROOT);
    if (!List.of("none", "hl7", "fhir").contains(channel)) {
      throw new InvalidConfigurationException(
          "critical.channel", channel, "expected none, hl7 or fhir");
    }
    String endpoint = text(lookup, "critical.endpoint", "");
    String escalation = text(lookup, "critical.escalationEndpoint", "");
    if (!channel.equals("none")) {
      checkEndpoint(channel, "critical.endpoint", endpoint);
      checkEndpoint(channel, "critical.escalationEndpoint", escalation);
    }
    long ack = (long) number(lookup, "critical.ackTimeoutMillis", 10000);
    if (ack < 100) {
      throw new InvalidConfigurationException(
          "critical.ackTimeoutMillis", "" + ack, "must be at least 100 ms");
    }
    Map<CriticalCategory, Duration> frames = new EnumMap<>(CriticalCategory.class);
    long[] defaults = {60, 360, 4320};
    for (CriticalCategory c : CriticalCategory.values()) {
      String key = "critical.category" + c.number() + "Minutes";
      long minutes = (long) number(lookup, key, defaults[c.ordinal()]);
      if (minutes < 1) {
        throw new InvalidConfigurationException(key, "" + minutes, "must be at least 1 minute");
      }
      frames.put(c, Duration.ofMinutes(minutes));
    }
    long retry = (long) number(lookup, "critical.retrySeconds", 60);
    if (retry < 1) {
      throw new InvalidConfigurationException(
          "critical.retrySeconds", "" + retry, "must be at least 1 second");
    }
    return new GovernanceSettings(
        rollout,
        Map.copyOf(groups),
        review,
        Map.copyOf(roles),
        channel,
        endpoint,
        escalation,
        ack,
        Duration.ofSeconds(retry),
        frames);
  }

  /** The channel to the ordering clinician and the escalation channel, when configured. */
  List<CriticalResultChannel> channels(Clock clock) {
    List<CriticalResultChannel> channels = new ArrayList<>();
    for (String endpoint : List.of(criticalEndpoint, escalationEndpoint)) {
      if (criticalChannel.equals("hl7")) {
        String[] hp = endpoint.split(":");
        channels.add(
            new MllpHl7Channel(
                hp[0],
                Integer.parseInt(hp[1]),
                ackTimeoutMillis,
                endpoint == criticalEndpoint ? "RIS" : "ESCALATION"));
      } else if (criticalChannel.equals("fhir")) {
        channels.add(
            new FhirCommunicationChannel(
                endpoint, null, Duration.ofMillis(ackTimeoutMillis), clock));
      }
    }
    return channels;
  }

  private static void checkEndpoint(String channel, String key, String value) {
    if (value.isBlank()) {
      throw new InvalidConfigurationException(
          key, value, "required when critical.channel is " + channel);
    }
    if (channel.equals("hl7")) {
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

  private static String[] pair(String key, String line) {
    int eq = line.indexOf('=');
    if (eq <= 0 || eq == line.length() - 1) {
      throw new InvalidConfigurationException(key, line, "expected userId=value");
    }
    return new String[] {line.substring(0, eq).trim(), line.substring(eq + 1).trim()};
  }

  private static String text(Function<String, Object> lookup, String key, String fallback) {
    Object v = lookup.apply(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof String[] a) {
      return a.length == 0 ? fallback : a[0];
    }
    String s = v.toString().trim();
    return s.isEmpty() ? fallback : s;
  }

  private static String[] strings(Function<String, Object> lookup, String key) {
    Object v = lookup.apply(key);
    if (v == null) {
      return new String[0];
    }
    if (v instanceof String[] a) {
      return a;
    }
    if (v instanceof java.util.Collection<?> c) {
      return c.stream().map(Object::toString).toArray(String[]::new);
    }
    // framework properties carry lists as one string separated by '|'
    return Arrays.stream(v.toString().split("\\|"))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .toArray(String[]::new);
  }

  private static double number(Function<String, Object> lookup, String key, double fallback) {
    Object v = lookup.apply(key);
    if (v == null || v.toString().isBlank()) {
      return fallback;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    try {
      return Double.parseDouble(v.toString().trim());
    } catch (NumberFormatException e) {
      throw new InvalidConfigurationException(key, v.toString(), "not a number");
    }
  }
}
