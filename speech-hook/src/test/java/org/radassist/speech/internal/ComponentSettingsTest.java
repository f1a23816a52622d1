package org.radassist.speech.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ComponentSettingsTest {
  @Test
  void aMalformedNumberIsRefusedAndTheDefaultApplies() {
    Map<String, String> settings = Map.of("debounce.ms", "soon", "first.retry.ms", " 250 ");

    assertThat(ComponentSettings.number(settings::get, "debounce.ms", 700)).isEqualTo(700);
    assertThat(ComponentSettings.number(settings::get, "first.retry.ms", 1000)).isEqualTo(250);
    assertThat(ComponentSettings.number(settings::get, "max.retry.ms", 60000)).isEqualTo(60000);
  }
}
