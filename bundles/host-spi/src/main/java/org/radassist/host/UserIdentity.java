package org.radassist.host;

import java.util.EnumSet;
import java.util.Set;

/** The user the host has signed in, with the roles the host (or configuration) grants. */
public record UserIdentity(String userId, String displayName, Set<Role> roles) {
  public UserIdentity {
    if (userId == null || userId.isBlank()) {
      throw new IllegalArgumentException("userId must not be blank");
    }
    displayName = displayName == null || displayName.isBlank() ? userId : displayName;
    roles = roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }
}
