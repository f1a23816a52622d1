package org.radassist.workstation.internal;

/**
 * Names of the framework properties the launcher hands to the host bundle, and the service property
 * of the exit handle. Only JDK types cross the framework boundary: the launcher and the host share
 * no class.
 */
public final class FrameworkProperties {
  private FrameworkProperties() {}

  /** Absolute path of the folder to open. */
  public static final String STUDY = "radassist.workstation.study";

  /** "true" for the headless run. */
  public static final String HEADLESS = "radassist.workstation.headless";

  /** Absolute path where the headless run writes its results. */
  public static final String OUT = "radassist.workstation.out";

  /** Absolute path of a dictation text file for the headless run (optional). */
  public static final String DICTATION = "radassist.workstation.dictation";

  /**
   * RadAssist's data directory (speech-hook outbox, loopback token): the one rule is {@link
   * org.radassist.model.files.DataDirectory}'s (a compile-time constant: no class crosses).
   */
  public static final String DATA_DIR = org.radassist.model.files.DataDirectory.PROPERTY;

  /** Absolute path of the audit trail directory. */
  public static final String AUDIT_DIR = "radassist.workstation.audit.dir";

  /**
   * Service property of the {@code java.util.function.IntConsumer} the launcher registers: the host
   * calls it with the process exit code when the workstation is done.
   */
  public static final String EXIT_HANDLE = "radassist.workstation.exit";

  /**
   * Packages of the launcher's class path the system bundle exports, unversioned, as Weasis does: a
   * bundle that resolves here resolves in Weasis.
   */
  public static final String SYSTEM_PACKAGES_EXTRA =
      String.join(
          ",",
          "org.slf4j",
          "org.slf4j.event",
          "org.slf4j.helpers",
          "org.slf4j.spi",
          "com.formdev.flatlaf",
          "com.formdev.flatlaf.icons",
          "com.formdev.flatlaf.themes",
          "com.formdev.flatlaf.ui",
          "com.formdev.flatlaf.util");
}
