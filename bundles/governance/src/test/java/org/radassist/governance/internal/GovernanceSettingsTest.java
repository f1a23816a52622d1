package org.radassist.governance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.radassist.governance.InvalidConfigurationException;
import org.radassist.governance.RolloutMode;
import org.radassist.host.Role;
import org.radassist.model.CriticalCategory;

class GovernanceSettingsTest {

  @Test
  void withoutConfigurationRolloutStartsInShadowWithNoCriticalChannel() {
    GovernanceSettings s = GovernanceSettings.read(key -> null);
    assertThat(s.rollout().defaultMode()).isEqualTo(RolloutMode.SHADOW);
    assertThat(s.criticalChannel()).isEqualTo("none");
    assertThat(s.timeFrames()).containsEntry(CriticalCategory.CATEGORY_1, Duration.ofMinutes(60));
  }

  @Test
  void frameworkPropertyStringsCarryListsSeparatedByBars() {
    Map<String, Object> framework =
        Map.of(
            "rollout.rules", "CT/CHEST/*=integrated | */*/residents=shadow",
            "roles", "dr.house=RADIOLOGIST|dr.res=resident",
            "critical.channel", "hl7",
            "critical.endpoint", "ris.example.org:2575",
            "critical.escalationEndpoint", "pager.example.org:2576",
            "critical.category1Minutes", "30");
    GovernanceSettings s = GovernanceSettings.read(framework::get);
    assertThat(s.rollout().modeFor("CT", "CHEST", null)).isEqualTo(RolloutMode.INTEGRATED);
    assertThat(s.roles()).containsEntry("dr.res", Set.of(Role.RESIDENT));
    assertThat(s.timeFrames()).containsEntry(CriticalCategory.CATEGORY_1, Duration.ofMinutes(30));
    assertThat(s.channels(java.time.Clock.systemUTC())).hasSize(2);
  }

  @Test
  void invalidValuesNameTheKeyValueAndReason() {
    assertThatThrownBy(
            () -> GovernanceSettings.read(Map.<String, Object>of("roles", "dr.x=SURGEON")::get))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("roles = \"dr.x=SURGEON\": unknown role \"SURGEON\"");
    assertThatThrownBy(
            () ->
                GovernanceSettings.read(
                    Map.<String, Object>of("critical.channel", "hl7", "critical.endpoint", "ris")
                        ::get))
        .hasMessage("critical.endpoint = \"ris\": expected host:port for an HL7 MLLP receiver");
    assertThatThrownBy(
            () -> GovernanceSettings.read(Map.<String, Object>of("critical.channel", "pager")::get))
        .hasMessageContaining("expected none, hl7 or fhir");
    assertThatThrownBy(
            () ->
                GovernanceSettings.read(
                    Map.<String, Object>of("review.doubleReadBelow", "lots")::get))
        .hasMessage("review.doubleReadBelow = \"lots\": not a number");
  }
}
