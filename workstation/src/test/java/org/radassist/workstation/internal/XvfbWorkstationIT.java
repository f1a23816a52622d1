package org.radassist.workstation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The workstation with its window, under Xvfb (xvfb-run picks a free display): open a study,
 * findings listed, a finding shown on its image, dictate, the draft streams in, accept, an audit
 * record exists; a Robot screenshot lands in target/xvfb-workstation.png.
 */
class XvfbWorkstationIT {

  @Test
  void aRadiologistsPathThroughTheWorkstationUnderXvfb() throws Exception {
    Path home = Files.createTempDirectory(ChildJvm.target(), "xvfb-home-");
    Path screenshot = ChildJvm.target().resolve("xvfb-workstation.png");
    Files.deleteIfExists(screenshot);
    String classPath =
        Path.of(System.getProperty("workstation.target"), "test-classes")
            + File.pathSeparator
            + ChildJvm.launcherClassPath();
    ChildJvm.Result r =
        ChildJvm.run(
            List.of("xvfb-run", "-a", "-s", "-screen 0 1600x1000x24"),
            classPath,
            XvfbDriver.class.getName(),
            List.of(screenshot.toString(), home.resolve("audit").toString()),
            Map.of("RADASSIST_HOME", home.toString()),
            300);
    assertThat(r.exitCode()).as(r.output()).isZero();
    assertThat(XvfbDriver.steps(r.output()))
        .as(r.output())
        .contains(
            "step: study open, first image shown ok",
            "step: findings listed ok",
            "step: finding shown on its image ok",
            "step: draft streams in ok",
            "step: audit record of the accept exists ok",
            "step: workstation exited with 0 ok");
    assertThat(ImageIO.read(screenshot.toFile()).getWidth()).isGreaterThan(1000);
  }
}
