package org.radassist.weasis.bridge.internal.context;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.radassist.host.Role;

/**
 * Reads the roles an administrator grants to Weasis users (Weasis itself has no roles). Unknown
 * names are reported, not guessed: a typo must not grant or silently drop a right.
 */
public final class RoleGrants {
  private RoleGrants() {}

  /** The roles named in {@code names}, case-insensitively; unknown names go to {@code unknown}. */
  public static Set<Role> parse(String[] names, List<String> unknown) {
    EnumSet<Role> roles = EnumSet.noneOf(Role.class);
    if (names == null) {
      return roles;
    }
    for (String name : names) {
      if (name == null || name.isBlank()) {
        continue;
      }
      try {
        roles.add(Role.valueOf(name.trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        unknown.add(name.trim());
      }
    }
    return roles;
  }
}
