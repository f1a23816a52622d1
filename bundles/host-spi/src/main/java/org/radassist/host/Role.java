package org.radassist.host;

/**
 * What a user may do with AI output. Only {@link #RADIOLOGIST} approves drafts and codes and signs;
 * a {@link #RESIDENT}'s draft needs an attending radiologist's approval.
 */
public enum Role {
  RADIOLOGIST,
  RESIDENT,
  TECHNOLOGIST,
  ADMINISTRATOR,
  VIEWER
}
