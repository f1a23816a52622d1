package org.radassist.model.files;

import java.nio.file.Path;

/**
 * RadAssist's data directory, the one rule every bundle and host follows: the framework property
 * {@value #PROPERTY} when it is set (Weasis' extension JSON, the workstation's launcher), else
 * {@code ~/.radassist}; never the host's working directory. What RadAssist keeps there (audit
 * trail, outboxes, the loopback token) is written through {@link OwnerOnlyFiles}: owner-only.
 */
public interface DataDirectory {
  /** The framework property naming the data directory. */
  String PROPERTY = "radassist.data.dir";

  /**
   * The data directory.
   *
   * @param property the value of the framework property {@value #PROPERTY}, null when unset
   */
  static Path of(String property) {
    return property != null && !property.isBlank()
        ? Path.of(property.trim())
        : Path.of(System.getProperty("user.home"), ".radassist");
  }

  /**
   * Where a component keeps something: the configured path when there is one (a relative one
   * resolves against the data directory), else {@code name} in the data directory.
   *
   * @param configured the component's configured path, blank or null for the default
   * @param property the value of the framework property {@value #PROPERTY}, null when unset
   * @param name the default's name inside the data directory
   */
  static Path resolve(String configured, String property, String name) {
    Path data = of(property);
    return configured != null && !configured.isBlank()
        ? data.resolve(configured.trim())
        : data.resolve(name);
  }
}
