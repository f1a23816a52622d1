package org.radassist.governance;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.radassist.governance.ReviewPolicy.ItemKind;
import org.radassist.host.Role;

/**
 * Everything governance is configured with, validated as a whole: a settings value either is valid
 * or is never made. In OSGi it is read from Config Admin (PID {@code org.radassist.governance}); a
 * host without OSGi makes it directly and passes it to {@link Governances#create}. Invalid values
 * throw {@link InvalidConfigurationException} naming the configuration key, the value and the
 * reason.
 *
 * @param defaultMode the rollout mode where no rule matches
 * @param rolloutRules modes per modality / body part / user group; the most specific match wins
 * @param userGroups the group of each user id, matched by the rules' user group
 * @param reviewThresholds confidence below which an item of a kind is flagged (a kind left out: 0)
 * @param autoPopulateAbove in integrated mode, fields at or above this confidence are filled in
 * @param doubleReadBelow a critical result resting on less confidence asks for a second reader
 * @param roles roles each user id is granted on top of those the host grants
 * @param criticalResults the critical-result loop's channels and time frames; empty: no loop
 */
public record GovernanceSettings(
    RolloutMode defaultMode,
    List<RolloutRule> rolloutRules,
    Map<String, String> userGroups,
    Map<ItemKind, Double> reviewThresholds,
    double autoPopulateAbove,
    double doubleReadBelow,
    Map<String, Set<Role>> roles,
    Optional<CriticalResultSettings> criticalResults) {

  /** The thresholds in force when none are configured. */
  public static final Map<ItemKind, Double> DEFAULT_THRESHOLDS =
      Map.of(
          ItemKind.IMPRESSION, 0.6,
          ItemKind.DIFFERENTIAL, 0.5,
          ItemKind.STRUCTURED_FIELD, 0.7,
          ItemKind.CODE, 0.8);

  public GovernanceSettings {
    if (defaultMode == null) {
      throw new InvalidConfigurationException(
          "rollout.defaultMode", "", "expected shadow, assistive or integrated");
    }
    rolloutRules = List.copyOf(rolloutRules);
    checkRulesAgree(rolloutRules);
    userGroups = Map.copyOf(userGroups);
    Map<ItemKind, Double> thresholds = new EnumMap<>(ItemKind.class);
    reviewThresholds.forEach(
        (kind, t) -> {
          probability(
              "review.thresholds", kind.name().toLowerCase(Locale.ROOT) + "=" + t, t.doubleValue());
          thresholds.put(kind, t);
        });
    reviewThresholds = Map.copyOf(thresholds);
    probability("review.autoPopulateAbove", "" + autoPopulateAbove, autoPopulateAbove);
    probability("review.doubleReadBelow", "" + doubleReadBelow, doubleReadBelow);
    Map<String, Set<Role>> granted = new HashMap<>();
    roles.forEach((user, set) -> granted.put(user, Set.copyOf(set)));
    roles = Map.copyOf(granted);
    criticalResults = criticalResults == null ? Optional.empty() : criticalResults;
  }

  /**
   * Shadow mode everywhere, the default review thresholds (impression 0.6, differential 0.5,
   * structured field 0.7, code 0.8), auto-populate at 0.9, double read below 0.75, no configured
   * roles, no critical-result loop.
   */
  public static GovernanceSettings defaults() {
    return new GovernanceSettings(
        RolloutMode.SHADOW,
        List.of(),
        Map.of(),
        DEFAULT_THRESHOLDS,
        0.9,
        0.75,
        Map.of(),
        Optional.empty());
  }

  /** These settings with another default mode. */
  public GovernanceSettings withDefaultMode(RolloutMode mode) throws InvalidConfigurationException {
    return new GovernanceSettings(
        mode,
        rolloutRules,
        userGroups,
        reviewThresholds,
        autoPopulateAbove,
        doubleReadBelow,
        roles,
        criticalResults);
  }

  /** These settings with other rollout rules and user groups. */
  public GovernanceSettings withRollout(List<RolloutRule> rules, Map<String, String> groups)
      throws InvalidConfigurationException {
    return new GovernanceSettings(
        defaultMode,
        rules,
        groups,
        reviewThresholds,
        autoPopulateAbove,
        doubleReadBelow,
        roles,
        criticalResults);
  }

  /** These settings with other review thresholds. */
  public GovernanceSettings withReview(
      Map<ItemKind, Double> thresholds, double autoPopulateAbove, double doubleReadBelow)
      throws InvalidConfigurationException {
    return new GovernanceSettings(
        defaultMode,
        rolloutRules,
        userGroups,
        thresholds,
        autoPopulateAbove,
        doubleReadBelow,
        roles,
        criticalResults);
  }

  /** These settings with other configured roles (user id to the roles it is granted). */
  public GovernanceSettings withRoles(Map<String, Set<Role>> roles)
      throws InvalidConfigurationException {
    return new GovernanceSettings(
        defaultMode,
        rolloutRules,
        userGroups,
        reviewThresholds,
        autoPopulateAbove,
        doubleReadBelow,
        roles,
        criticalResults);
  }

  /** These settings with a critical-result loop. */
  public GovernanceSettings withCriticalResults(CriticalResultSettings critical)
      throws InvalidConfigurationException {
    return new GovernanceSettings(
        defaultMode,
        rolloutRules,
        userGroups,
        reviewThresholds,
        autoPopulateAbove,
        doubleReadBelow,
        roles,
        Optional.of(critical));
  }

  private static void checkRulesAgree(List<RolloutRule> rules) {
    List<RolloutRule> seen = new ArrayList<>();
    for (RolloutRule r : rules) {
      for (RolloutRule s : seen) {
        if (s.modality().equals(r.modality())
            && s.bodyPart().equals(r.bodyPart())
            && s.userGroup().equals(r.userGroup())
            && s.mode() != r.mode()) {
          throw new InvalidConfigurationException(
              "rollout.rules",
              r.modality() + "/" + r.bodyPart() + "/" + r.userGroup(),
              "two rules for the same selectors disagree (" + s.mode() + ", " + r.mode() + ")");
        }
      }
      seen.add(r);
    }
  }

  private static void probability(String key, String text, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new InvalidConfigurationException(key, text, "must be a probability within [0, 1]");
    }
  }
}
