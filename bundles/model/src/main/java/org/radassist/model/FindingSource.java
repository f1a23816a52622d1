package org.radassist.model;

/**
 * Where a finding was read: the SR document, the template it followed and the content item position
 * (e.g. {@code 1.5.2}).
 */
public record FindingSource(String sopInstanceUid, String template, String position) {
  public FindingSource {
    Checks.requireText(sopInstanceUid, "sopInstanceUid");
    template = template == null ? "" : template;
    position = position == null ? "" : position;
  }
}
