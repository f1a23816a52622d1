package org.radassist.governance.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrameworkPropertyValuesTest {

  /** The shape bnd writes from an @ObjectClassDefinition + @Designate. */
  static final String METATYPE =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <metatype:MetaData xmlns:metatype="http://www.osgi.org/xmlns/metatype/v1.2.0">
        <OCD id="org.radassist.drafting.internal.component.RemoteConfig" name="Remote">
          <AD id="base.uri" type="String" name="Base URI"/>
          <AD id="max.retries" type="Integer" name="Retries" min="0" max="10" default="2"/>
          <AD id="mode" type="String" name="Mode" default="shadow">
            <Option label="Shadow" value="shadow"/>
            <Option label="Assistive" value="assistive"/>
          </AD>
          <AD id="first.event.seconds" type="Double" name="First event" default="10"/>
          <AD id="verify.tls" type="Boolean" name="Verify TLS" default="true"/>
          <AD id="ports" type="Integer" cardinality="2147483647" name="Ports"/>
          <AD id="roles" type="String" cardinality="-2147483648" name="Roles"/>
        </OCD>
        <Designate pid="org.radassist.drafting.remote">
          <Object ocdref="org.radassist.drafting.internal.component.RemoteConfig"/>
        </Designate>
      </metatype:MetaData>
      """;

  static Map<String, MetatypeAttributes.Attribute> remote() throws Exception {
    return MetatypeAttributes.read(
            new ByteArrayInputStream(METATYPE.strip().getBytes(StandardCharsets.UTF_8)))
        .get("org.radassist.drafting.remote");
  }

  @Test
  void metatypeGivesEachDesignatedPidItsTypedAttributes() throws Exception {
    Map<String, MetatypeAttributes.Attribute> a = remote();
    assertThat(a.keySet())
        .containsExactly(
            "base.uri",
            "max.retries",
            "mode",
            "first.event.seconds",
            "verify.tls",
            "ports",
            "roles");
    assertThat(a.get("max.retries"))
        .isEqualTo(
            new MetatypeAttributes.Attribute(
                "max.retries", "Integer", false, "0", "10", List.of(), false));
    assertThat(a.get("base.uri").required()).as("no default").isTrue();
    assertThat(a.get("mode").options()).containsExactly("shadow", "assistive");
    assertThat(a.get("ports").multiple()).isTrue();
    assertThat(a.get("roles").multiple()).isTrue();
  }

  @Test
  void frameworkPropertiesNamedAfterThePidBecomeATypedConfiguration() throws Exception {
    Map<String, String> props =
        Map.of(
            "radassist.drafting.remote.base.uri", "https://drafts.example.org",
            "radassist.drafting.remote.max.retries", " 4 ",
            "radassist.drafting.remote.verify.tls", "false",
            "radassist.drafting.remote.ports", "443|8443",
            "radassist.drafting.remote.roles", "dr.a=RADIOLOGIST | dr.b=RESIDENT",
            "radassist.drafting.remoteX.base.uri", "ignored: another prefix");
    Dictionary<String, Object> d =
        FrameworkPropertyValues.of("org.radassist.drafting.remote", remote(), props::get);

    assertThat(d.get("base.uri")).isEqualTo("https://drafts.example.org");
    assertThat(d.get("max.retries")).isEqualTo(4);
    assertThat(d.get("verify.tls")).isEqualTo(false);
    assertThat((int[]) d.get("ports")).containsExactly(443, 8443);
    assertThat((String[]) d.get("roles")).containsExactly("dr.a=RADIOLOGIST", "dr.b=RESIDENT");
    assertThat(d.get("first.event.seconds")).isNull(); // not given: the Metatype default applies
    assertThat(d.get(FrameworkPropertyValues.SOURCE))
        .isEqualTo(FrameworkPropertyValues.FROM_FRAMEWORK_PROPERTIES);
  }

  @Test
  void noPropertyForThePidGivesNoConfiguration() throws Exception {
    assertThat(
            FrameworkPropertyValues.of(
                    "org.radassist.drafting.remote", remote(), Map.<String, String>of()::get)
                .isEmpty())
        .isTrue();
  }

  @Test
  void aValueThatDoesNotFitItsTypeIsRefusedNamingThePropertyAndTheReason() throws Exception {
    Map<String, String> props = Map.of("radassist.drafting.remote.max.retries", "three");
    assertThatThrownBy(
            () -> FrameworkPropertyValues.of("org.radassist.drafting.remote", remote(), props::get))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "framework property radassist.drafting.remote.max.retries=three: not an integer number");
    Map<String, String> bool = Map.of("radassist.drafting.remote.verify.tls", "yes");
    assertThatThrownBy(
            () -> FrameworkPropertyValues.of("org.radassist.drafting.remote", remote(), bool::get))
        .hasMessageContaining("verify.tls=yes: not true or false");
  }

  @Test
  void aConfigurationBreakingItsMetatypeIsNamedWithTheKeyAndTheReason() throws Exception {
    Dictionary<String, Object> ok = new Hashtable<>(Map.of("max.retries", 3, "mode", "shadow"));
    assertThat(FrameworkPropertyValues.problem(ok, remote())).isEmpty();
    Dictionary<String, Object> tooMany = new Hashtable<>(Map.of("max.retries", 11));
    assertThat(FrameworkPropertyValues.problem(tooMany, remote()))
        .contains("max.retries=11: above the maximum 10");
    Dictionary<String, Object> notAnOption = new Hashtable<>(Map.of("mode", "live"));
    assertThat(FrameworkPropertyValues.problem(notAnOption, remote()))
        .contains("mode=live: not one of shadow, assistive");
    Dictionary<String, Object> blank = new Hashtable<>(Map.of("base.uri", " "));
    assertThat(FrameworkPropertyValues.problem(blank, remote()))
        .contains("base.uri= : required, must not be blank");
    Dictionary<String, Object> text = new Hashtable<>(Map.of("max.retries", "many"));
    assertThat(FrameworkPropertyValues.problem(text, remote()))
        .contains("max.retries=many: not an integer number");
    Map<String, String> props = Map.of("radassist.drafting.remote.max.retries", "-1");
    assertThatThrownBy(
            () -> FrameworkPropertyValues.of("org.radassist.drafting.remote", remote(), props::get))
        .hasMessage(
            "framework property radassist.drafting.remote.max.retries=-1: below the minimum 0");
  }

  @Test
  void aConfigurationIsTheSameWhenItsValuesAreEvenWithWhatConfigAdminAdds() {
    Dictionary<String, Object> wanted = new Hashtable<>(Map.of("a", new int[] {1, 2}, "b", "x"));
    Dictionary<String, Object> existing =
        new Hashtable<>(
            Collections.list(wanted.keys()).stream()
                .collect(java.util.stream.Collectors.toMap(k -> k, wanted::get)));
    existing.put("service.pid", "org.radassist.x");
    assertThat(FrameworkPropertyConfigurations.same(existing, wanted)).isTrue();
    existing.put("a", new int[] {1, 3});
    assertThat(FrameworkPropertyConfigurations.same(existing, wanted)).isFalse();
    existing.put("a", new int[] {1, 2});
    existing.put("c", "left over from an older property");
    assertThat(FrameworkPropertyConfigurations.same(existing, wanted)).isFalse();
  }

  @Test
  void thePrefixIsThePidWithoutOrg() {
    assertThat(FrameworkPropertyValues.prefix("org.radassist.speech.loopback"))
        .isEqualTo("radassist.speech.loopback.");
  }
}
