// Declaration of a Weasis 4.7 type (shared/notes/weasis-api.md) for compiling the RadAssist bridge.
// Minimal body; never shipped: Weasis provides the real type at runtime.
package org.weasis.core.api.media.data;

import java.util.Objects;

/** A tag key of Weasis' media model (a DICOM attribute or a Weasis-specific value). */
public class TagW {
  /** The image's GraphicModel (Weasis spells the keyword "PesentationModel"). */
  public static final TagW PresentationModel = new TagW(0, "PesentationModel");

  protected final int id;
  protected final String keyword;

  public TagW(int id, String keyword) {
    this.id = id;
    this.keyword = keyword;
  }

  public int getId() {
    return id;
  }

  public String getKeyword() {
    return keyword;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TagW t && t.id == id && Objects.equals(t.keyword, keyword);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, keyword);
  }
}
