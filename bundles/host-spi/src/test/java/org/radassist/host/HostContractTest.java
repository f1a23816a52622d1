package org.radassist.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HostContractTest {

  @Test
  void userIdentityCopiesRolesAndFallsBackToTheIdForItsName() {
    EnumSet<Role> roles = EnumSet.of(Role.RESIDENT);
    UserIdentity user = new UserIdentity("jdoe", " ", roles);
    roles.add(Role.RADIOLOGIST);
    assertThat(user.displayName()).isEqualTo("jdoe");
    assertThat(user.has(Role.RESIDENT)).isTrue();
    assertThat(user.has(Role.RADIOLOGIST)).isFalse();
    assertThat(new UserIdentity("x", null, null).roles()).isEmpty();
    assertThatThrownBy(() -> new UserIdentity("", "n", Set.of()))
        .hasMessageContaining("userId must not be blank");
  }

  @Test
  void structuredReportsAreRecognisedByModalityOrSopClass() {
    URI file = URI.create("file:///tmp/x.dcm");
    assertThat(
            new LoadedInstance("1", "2", "1.2.840.10008.5.1.4.1.1.88.33", "3", "OT", file)
                .isStructuredReport())
        .isTrue();
    assertThat(
            new LoadedInstance("1", "2", "1.2.840.10008.5.1.4.1.1.88.59", "3", "KO", file)
                .isStructuredReport())
        .isTrue();
    assertThat(
            new LoadedInstance("1", "2", "1.2.840.10008.5.1.4.1.1.2", "3", "CT", file)
                .isStructuredReport())
        .isFalse();
  }

  @Test
  void contextsRefuseMissingIdentifiers() {
    assertThatThrownBy(() -> new SeriesContext("1", null, "CT", null, null))
        .hasMessageContaining("seriesInstanceUid");
    assertThatThrownBy(() -> new LoadedInstance("1", "2", null, "3", "CT", null))
        .hasMessageContaining("location");
  }
}
