package org.radassist.governance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.radassist.governance.CriticalResultSettings;
import org.radassist.governance.GovernanceSettings;
import org.radassist.governance.InvalidConfigurationException;
import org.radassist.governance.ReviewPolicy.ItemKind;
import org.radassist.governance.RolloutMode;
import org.radassist.host.Role;
import org.radassist.model.CriticalCategory;

/** The typed configuration (what Config Admin and the framework-property bridge deliver). */
class ConfigSettingsTest {

  private static GovernanceSettings read(Map<String, ?> properties) {
    return ConfigSettings.read(Configs.of(GovernanceConfig.class, properties));
  }

  @Test
  void theConfigurationsDefaultsAreTheFactorysDefaults() {
    GovernanceSettings s = read(Map.of());
    assertThat(s).isEqualTo(GovernanceSettings.defaults());
    assertThat(s.defaultMode()).isEqualTo(RolloutMode.SHADOW);
    assertThat(s.criticalResults()).isEmpty();
  }

  @Test
  void textFormsBecomeTypedSettings() {
    GovernanceSettings s =
        read(
            Map.of(
                "rollout.rules",
                new String[] {"CT/CHEST/*=integrated", " */*/residents=shadow "},
                "user.groups",
                new String[] {"dr.res=residents"},
                "roles",
                new String[] {"dr.house=RADIOLOGIST", "dr.res=resident,viewer"},
                "review.thresholds",
                new String[] {"impression=0.65", ""},
                "critical.channel",
                "hl7",
                "critical.endpoint",
                "ris.example.org:2575",
                "critical.escalationEndpoint",
                "pager.example.org:2576",
                "critical.category1Minutes",
                30L));
    assertThat(s.rolloutRules()).hasSize(2);
    assertThat(s.userGroups()).containsEntry("dr.res", "residents");
    assertThat(s.roles()).containsEntry("dr.res", Set.of(Role.RESIDENT, Role.VIEWER));
    assertThat(s.reviewThresholds()).isEqualTo(Map.of(ItemKind.IMPRESSION, 0.65));
    CriticalResultSettings critical = s.criticalResults().orElseThrow();
    assertThat(critical.channel()).isEqualTo(CriticalResultSettings.Channel.HL7);
    assertThat(critical.timeFrames())
        .containsEntry(CriticalCategory.CATEGORY_1, Duration.ofMinutes(30))
        .containsEntry(CriticalCategory.CATEGORY_2, Duration.ofMinutes(360));
    assertThat(critical.ackTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(CriticalResultChannels.of(critical, java.time.Clock.systemUTC()))
        .extracting(c -> c.description())
        .containsExactly(
            "HL7 ORU^R01 over MLLP to RIS (ris.example.org:2575)",
            "HL7 ORU^R01 over MLLP to ESCALATION (pager.example.org:2576)");
  }

  @Test
  void invalidValuesNameTheKeyValueAndReason() {
    assertThatThrownBy(() -> read(Map.of("roles", new String[] {"dr.x=SURGEON"})))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("roles = \"dr.x=SURGEON\": unknown role \"SURGEON\"");
    assertThatThrownBy(() -> read(Map.of("critical.channel", "hl7", "critical.endpoint", "ris")))
        .hasMessage("critical.endpoint = \"ris\": expected host:port for an HL7 MLLP receiver");
    assertThatThrownBy(
            () ->
                read(
                    Map.of(
                        "critical.channel", "fhir",
                        "critical.endpoint", "https://ehr.example.org/fhir")))
        .hasMessage("critical.escalationEndpoint = \"\": required when critical.channel is fhir");
    assertThatThrownBy(() -> read(Map.of("critical.channel", "pager")))
        .hasMessage("critical.channel = \"pager\": expected none, hl7 or fhir");
    assertThatThrownBy(() -> read(Map.of("review.doubleReadBelow", 1.5)))
        .hasMessage("review.doubleReadBelow = \"1.5\": must be a probability within [0, 1]");
    assertThatThrownBy(() -> read(Map.of("review.thresholds", new String[] {"impression=1.2"})))
        .hasMessage("review.thresholds = \"impression=1.2\": must be a probability within [0, 1]");
    assertThatThrownBy(() -> read(Map.of("review.thresholds", new String[] {"finding=0.5"})))
        .hasMessageContaining("unknown kind");
    assertThatThrownBy(() -> read(Map.of("review.thresholds", new String[] {"code=high"})))
        .hasMessageContaining("not a number");
    // what SCR's typed configuration does with a text where a number is declared
    GovernanceConfig defaults = Configs.of(GovernanceConfig.class, Map.of());
    GovernanceConfig failing =
        (GovernanceConfig)
            java.lang.reflect.Proxy.newProxyInstance(
                GovernanceConfig.class.getClassLoader(),
                new Class<?>[] {GovernanceConfig.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("review_doubleReadBelow")) {
                    return Double.valueOf("lots");
                  }
                  return method.invoke(defaults, args);
                });
    assertThatThrownBy(() -> ConfigSettings.read(failing))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage("review.doubleReadBelow = \"lots\": not a number");
    assertThatThrownBy(() -> read(Map.of("user.groups", new String[] {"dr.res"})))
        .hasMessage("user.groups = \"dr.res\": expected userId=value");
    assertThatThrownBy(
            () ->
                read(
                    Map.of(
                        "critical.channel", "hl7",
                        "critical.endpoint", "ris:2575",
                        "critical.escalationEndpoint", "pager:2576",
                        "critical.retrySeconds", 0L)))
        .hasMessage("critical.retrySeconds = \"0\": must be at least 1 second");
  }
}
