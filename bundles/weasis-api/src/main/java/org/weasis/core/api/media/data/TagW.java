// Stand-in declaration of weasis-core/src/main/java/org/weasis/core/api/media/data/TagW.java
// at nroduit/Weasis tag v4.7.2 (commit d83cf2449b18c3b360ef7c0929455d87ffa4b4cb): same kind, type
// parameters, supertypes and signatures for the members declared here; only the members RadAssist
// uses are declared, with minimal bodies of our own. Compile-only, never shipped: Weasis provides
// the real type at runtime.
package org.weasis.core.api.media.data;

import java.awt.Color;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;

/**
 * A tag key of Weasis' media model (a DICOM attribute or a Weasis-specific value). Every
 * constructor takes a {@link TagType}; tags made from a keyword alone have id 0.
 */
public class TagW {
  /** The value types of tags. */
  public enum TagType {
    STRING(String.class),
    TEXT(String.class),
    URI(String.class),
    DATE(LocalDate.class),
    DATETIME(LocalDateTime.class),
    TIME(LocalTime.class),
    BOOLEAN(Boolean.class),
    BYTE(Byte.class),
    INTEGER(Integer.class),
    FLOAT(Float.class),
    DOUBLE(Double.class),
    COLOR(Color.class),
    LIST(List.class),
    OBJECT(Object.class);

    private final Class<?> clazz;

    TagType(Class<?> clazz) {
      this.clazz = clazz;
    }

    public Class<?> getClazz() {
      return clazz;
    }
  }

  public static final TagW PatientPseudoUID = new TagW("PatientPseudoUID", TagType.STRING);

  /** The image's GraphicModel (Weasis spells the keyword "PesentationModel"). */
  public static final TagW PresentationModel = new TagW("PesentationModel", TagType.OBJECT);

  /** A series' DICOM special elements (SR, KO, PR ...): a List of DicomSpecialElement. */
  public static final TagW DicomSpecialElementList =
      new TagW("DicomSpecialElementList", TagType.LIST);

  public static final TagW RootElement = new TagW("RootElement", TagType.STRING);

  public static final TagW SubseriesInstanceUID = new TagW("SubseriesInstanceUID", TagType.STRING);

  protected final int id;
  protected final String keyword;
  protected final TagType type;

  public TagW(int id, String keyword, TagType type) {
    this.id = id;
    this.keyword = keyword;
    this.type = type == null ? TagType.STRING : type;
  }

  public TagW(String keyword, TagType type) {
    this(0, keyword, type);
  }

  public int getId() {
    return id;
  }

  public String getKeyword() {
    return keyword;
  }

  public TagType getType() {
    return type;
  }

  @Override
  public boolean equals(Object obj) {
    return obj != null
        && obj.getClass() == getClass()
        && ((TagW) obj).id == id
        && Objects.equals(((TagW) obj).keyword, keyword);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, keyword);
  }

  @Override
  public String toString() {
    return keyword;
  }
}
