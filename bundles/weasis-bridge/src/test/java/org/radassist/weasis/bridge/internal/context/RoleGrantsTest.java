package org.radassist.weasis.bridge.internal.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.radassist.host.Role;

class RoleGrantsTest {
  @Test
  void rolesAreReadCaseInsensitivelyAndUnknownNamesAreReportedNotGranted() {
    List<String> unknown = new ArrayList<>();
    assertThat(
            RoleGrants.parse(new String[] {" resident", "Radiologist", "", "radiologst"}, unknown))
        .containsExactlyInAnyOrder(Role.RESIDENT, Role.RADIOLOGIST);
    assertThat(unknown).containsExactly("radiologst");
  }

  @Test
  void noNamesGrantNothing() {
    assertThat(RoleGrants.parse(null, new ArrayList<>())).isEmpty();
  }
}
