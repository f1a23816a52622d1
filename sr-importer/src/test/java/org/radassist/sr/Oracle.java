package org.radassist.sr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Written files must pass dsrdump (strict but for the DT check 3.6.7 gets wrong). */
final class Oracle {
  /** dcmtk 3.6.7 notes what it cannot check (UTF-8 text, CAD template constraints): not defects. */
  private static final List<String> NOTES =
      List.of(
          "W: The VR checker does not support this Specific Character Set: ISO_IR 192",
          "W: Check for template constraints not yet supported");

  private Oracle() {}

  static Dsrdump.Run passes(byte[] sr, Path dir, String name) throws Exception {
    Path f = dir.resolve(name);
    Files.write(f, sr);
    Dsrdump.Run run = Dsrdump.strict(f);
    assertThat(run.exitCode()).as("dsrdump exit code, stderr: %s", run.stderr()).isZero();
    String messages = run.stderr();
    for (String note : NOTES) {
      messages = messages.replace(note, "");
    }
    assertThat(messages).as("dsrdump messages").doesNotContain("E: ").doesNotContain("W: ");
    return run;
  }
}
