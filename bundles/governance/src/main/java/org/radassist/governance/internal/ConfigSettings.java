package org.radassist.governance.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.radassist.governance.CriticalResultSettings;
import org.radassist.governance.GovernanceSettings;
import org.radassist.governance.InvalidConfigurationException;
import org.radassist.governance.ReviewPolicy.ItemKind;
import org.radassist.governance.RolloutMode;
import org.radassist.governance.RolloutRule;
import org.radassist.host.Role;
import org.radassist.model.CriticalCategory;

/**
 * Reads the typed configuration (the text forms an admin writes: {@code CT/CHEST/*=integrated},
 * {@code dr.house=RADIOLOGIST}, ...) into validated {@link GovernanceSettings}. The defaults live
 * once, in {@link GovernanceConfig}.
 */
final class ConfigSettings {
  private ConfigSettings() {}

  /**
   * @throws InvalidConfigurationException naming the key, the value and the reason
   */
  static GovernanceSettings read(GovernanceConfig c) {
    RolloutMode defaultMode = mode("rollout.defaultMode", c.rollout_defaultMode());
    List<RolloutRule> rules = new ArrayList<>();
    for (String line : lines(c.rollout_rules())) {
      rules.add(rule(line));
    }
    Map<String, String> groups = new HashMap<>();
    for (String line : lines(c.user_groups())) {
      String[] kv = pair("user.groups", line);
      groups.put(kv[0], kv[1]);
    }
    Map<ItemKind, Double> thresholds = new EnumMap<>(ItemKind.class);
    for (String line : lines(c.review_thresholds())) {
      threshold(line, thresholds);
    }
    Map<String, Set<Role>> roles = new HashMap<>();
    for (String line : lines(c.roles())) {
      String[] kv = pair("roles", line);
      roles.put(kv[0], roles(line, kv[1]));
    }
    return new GovernanceSettings(
        defaultMode,
        rules,
        groups,
        thresholds,
        typed("review.autoPopulateAbove", c::review_autoPopulateAbove),
        typed("review.doubleReadBelow", c::review_doubleReadBelow),
        roles,
        critical(c));
  }

  private static Optional<CriticalResultSettings> critical(GovernanceConfig c) {
    String channel = text(c.critical_channel()).toLowerCase(Locale.ROOT);
    if (channel.isEmpty() || channel.equals("none")) {
      return Optional.empty();
    }
    CriticalResultSettings.Channel kind =
        switch (channel) {
          case "hl7" -> CriticalResultSettings.Channel.HL7;
          case "fhir" -> CriticalResultSettings.Channel.FHIR;
          default ->
              throw new InvalidConfigurationException(
                  "critical.channel", channel, "expected none, hl7 or fhir");
        };
    Map<CriticalCategory, Duration> frames = new EnumMap<>(CriticalCategory.class);
    frames.put(
        CriticalCategory.CATEGORY_1,
        minutes(typed("critical.category1Minutes", c::critical_category1Minutes)));
    frames.put(
        CriticalCategory.CATEGORY_2,
        minutes(typed("critical.category2Minutes", c::critical_category2Minutes)));
    frames.put(
        CriticalCategory.CATEGORY_3,
        minutes(typed("critical.category3Minutes", c::critical_category3Minutes)));
    return Optional.of(
        new CriticalResultSettings(
            kind,
            text(c.critical_endpoint()),
            text(c.critical_escalationEndpoint()),
            Duration.ofMillis(typed("critical.ackTimeoutMillis", c::critical_ackTimeoutMillis)),
            Duration.ofSeconds(typed("critical.retrySeconds", c::critical_retrySeconds)),
            frames));
  }

  /**
   * A number of the typed configuration: SCR converts Config Admin's value when the method is
   * called, and a text that is no number fails there (named here with its key).
   */
  private static <T> T typed(String key, Supplier<T> value) {
    try {
      return value.get();
    } catch (RuntimeException e) {
      String why = String.valueOf(e.getMessage());
      Matcher quoted = Pattern.compile("\"(.*)\"").matcher(why);
      throw new InvalidConfigurationException(
          key, quoted.find() ? quoted.group(1) : why, "not a number");
    }
  }

  /** Negative minutes stay negative so that the settings refuse them with their key. */
  private static Duration minutes(long minutes) {
    return Duration.ofMinutes(minutes);
  }

  static RolloutMode mode(String key, String value) {
    try {
      return RolloutMode.valueOf(text(value).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigurationException(
          key, value, "expected shadow, assistive or integrated");
    }
  }

  /** Parses {@code modality/bodyPart/group=mode}. */
  static RolloutRule rule(String text) {
    String key = "rollout.rules";
    int eq = text.indexOf('=');
    if (eq < 0) {
      throw new InvalidConfigurationException(key, text, "expected modality/bodyPart/group=mode");
    }
    String[] parts = text.substring(0, eq).split("/", -1);
    if (parts.length != 3) {
      throw new InvalidConfigurationException(
          key, text, "expected three selectors modality/bodyPart/group, found " + parts.length);
    }
    return new RolloutRule(parts[0], parts[1], parts[2], mode(key, text.substring(eq + 1)));
  }

  private static void threshold(String line, Map<ItemKind, Double> thresholds) {
    int eq = line.indexOf('=');
    if (eq < 0) {
      throw new InvalidConfigurationException(
          "review.thresholds", line, "expected kind=probability");
    }
    ItemKind kind;
    try {
      kind = ItemKind.valueOf(line.substring(0, eq).trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigurationException(
          "review.thresholds",
          line,
          "unknown kind; expected impression, differential, structured_field or code");
    }
    double value;
    try {
      value = Double.parseDouble(line.substring(eq + 1).trim());
    } catch (NumberFormatException e) {
      throw new InvalidConfigurationException("review.thresholds", line, "not a number");
    }
    if (!(value >= 0 && value <= 1)) {
      throw new InvalidConfigurationException(
          "review.thresholds", line, "must be a probability within [0, 1]");
    }
    thresholds.put(kind, value);
  }

  private static Set<Role> roles(String line, String names) {
    Set<Role> set = EnumSet.noneOf(Role.class);
    for (String r : names.split(",")) {
      try {
        set.add(Role.valueOf(r.trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new InvalidConfigurationException(
            "roles",
            line,
            "unknown role \"" + r.trim() + "\"; expected one of " + Arrays.toString(Role.values()));
      }
    }
    return set;
  }

  private static String[] pair(String key, String line) {
    int eq = line.indexOf('=');
    if (eq <= 0 || eq == line.length() - 1) {
      throw new InvalidConfigurationException(key, line, "expected userId=value");
    }
    return new String[] {line.substring(0, eq).trim(), line.substring(eq + 1).trim()};
  }

  private static String text(String value) {
    return value == null ? "" : value.trim();
  }

  /** The non-blank lines, trimmed. */
  private static List<String> lines(String[] values) {
    List<String> lines = new ArrayList<>();
    if (values != null) {
      for (String v : values) {
        if (v != null && !v.isBlank()) {
          lines.add(v.trim());
        }
      }
    }
    return lines;
  }
}
