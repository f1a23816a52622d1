package org.radassist.governance.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LastValidConfigurationsTest {
  private static final String PID = "org.radassist.drafting.remote";
  private final LastValidConfigurations guard = new LastValidConfigurations();

  private static Dictionary<String, Object> config(Map<String, Object> values) {
    Dictionary<String, Object> d = new Hashtable<>(values);
    d.put("service.pid", PID);
    return d;
  }

  @Test
  void aConfigurationThatFitsItsMetatypePassesUnchanged() throws Exception {
    Dictionary<String, Object> valid = config(Map.of("max.retries", 3, "mode", "assistive"));

    assertThat(guard.admit(PID, valid, FrameworkPropertyValuesTest.remote())).isEmpty();

    assertThat(valid.get("max.retries")).isEqualTo(3);
    assertThat(valid.get("mode")).isEqualTo("assistive");
  }

  @Test
  void anInvalidConfigurationReachesTheComponentAsThePreviousValidOne() throws Exception {
    var attributes = FrameworkPropertyValuesTest.remote();
    guard.admit(
        PID,
        config(Map.of("max.retries", 3, "mode", "assistive", "ports", new int[] {1, 2})),
        attributes);

    Dictionary<String, Object> invalid =
        config(Map.of("max.retries", 11, "base.uri", "https://new.example", "mode", "assistive"));
    var refused = guard.admit(PID, invalid, attributes);

    assertThat(refused)
        .contains(
            "max.retries=11: above the maximum 10 (the previous configuration stays in force)");
    // the whole previous configuration, not a mix: the new base.uri does not slip through
    assertThat(invalid.get("max.retries")).isEqualTo(3);
    assertThat(invalid.get("base.uri")).isNull();
    assertThat((int[]) invalid.get("ports")).containsExactly(1, 2);
    assertThat(invalid.get("service.pid")).isEqualTo(PID);
  }

  @Test
  void everyOffendingKeyIsNamedWithItsReason() throws Exception {
    var refused =
        guard.admit(
            PID,
            config(Map.of("max.retries", "many", "mode", "live")),
            FrameworkPropertyValuesTest.remote());

    assertThat(refused.orElseThrow())
        .startsWith(
            "max.retries=many: not an integer number; mode=live: not one of shadow, assistive");
  }

  @Test
  void withoutAPreviousConfigurationOnlyTheOffendingKeysAreDroppedSoTheirDefaultsApply()
      throws Exception {
    Dictionary<String, Object> invalid =
        config(Map.of("max.retries", -1, "base.uri", "https://pacs.example"));

    var refused = guard.admit(PID, invalid, FrameworkPropertyValuesTest.remote());

    assertThat(refused.orElseThrow()).contains("the defaults of these keys apply");
    assertThat(invalid.get("max.retries")).isNull();
    assertThat(invalid.get("base.uri")).isEqualTo("https://pacs.example");
  }

  @Test
  void aDeletedConfigurationLeavesNoPreviousBehind() throws Exception {
    var attributes = FrameworkPropertyValuesTest.remote();
    guard.admit(PID, config(Map.of("max.retries", 3)), attributes);
    guard.forget(PID);

    Dictionary<String, Object> invalid = config(Map.of("max.retries", 99));
    guard.admit(PID, invalid, attributes);

    assertThat(invalid.get("max.retries")).isNull();
  }

  @Test
  void theRememberedConfigurationIsACopyTheAdminCannotChangeAfterwards() throws Exception {
    var attributes = FrameworkPropertyValuesTest.remote();
    int[] ports = {1, 2};
    guard.admit(PID, config(Map.of("ports", ports)), attributes);
    ports[0] = 99;

    Dictionary<String, Object> invalid = config(Map.of("max.retries", 99));
    guard.admit(PID, invalid, attributes);

    assertThat((int[]) invalid.get("ports")).containsExactly(1, 2);
  }
}
