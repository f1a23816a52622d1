package org.radassist.drafting.internal.engine;

import java.nio.file.Path;

/** shared/ for tests of other packages. */
public final class SharedData {
  private SharedData() {}

  public static Path dir() {
    return Fixtures.shared();
  }
}
