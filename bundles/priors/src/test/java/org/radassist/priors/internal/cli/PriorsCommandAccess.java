package org.radassist.priors.internal.cli;

import java.io.PrintStream;

/** Lets tests in other packages run the command in process. */
public final class PriorsCommandAccess {
  private PriorsCommandAccess() {}

  public static int run(String[] args, PrintStream out, PrintStream err) {
    return PriorsCommand.run(args, out, err);
  }
}
