package org.radassist.model.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DataDirectoryTest {
  private static final Path HOME_DATA = Path.of(System.getProperty("user.home"), ".radassist");

  @Test
  void theFrameworkPropertyNamesTheDataDirectory() {
    assertThat(DataDirectory.of("/srv/radassist ")).isEqualTo(Path.of("/srv/radassist"));
  }

  @Test
  void unsetOrBlankItIsDotRadassistInTheUsersHome() {
    assertThat(DataDirectory.of(null)).isEqualTo(HOME_DATA);
    assertThat(DataDirectory.of("  ")).isEqualTo(HOME_DATA);
  }

  @Test
  void aComponentsDefaultIsItsNameInTheDataDirectory() {
    assertThat(DataDirectory.resolve("", "/srv/radassist", "outbox"))
        .isEqualTo(Path.of("/srv/radassist/outbox"));
    assertThat(DataDirectory.resolve(null, null, "loopback.token"))
        .isEqualTo(HOME_DATA.resolve("loopback.token"));
  }

  @Test
  void aConfiguredPathWinsAndARelativeOneStaysInTheDataDirectory() {
    assertThat(DataDirectory.resolve("/var/outbox", "/srv/radassist", "outbox"))
        .isEqualTo(Path.of("/var/outbox"));
    assertThat(DataDirectory.resolve(" spool/outbox ", "/srv/radassist", "outbox"))
        .isEqualTo(Path.of("/srv/radassist/spool/outbox"));
  }
}
