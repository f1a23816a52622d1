package org.radassist.sr;

import java.util.List;
import java.util.Optional;
import org.radassist.model.CodedConcept;

/**
 * One node of an SR content tree. {@code position} is the dotted path dsrdump prints ("1" is the
 * root, "1.2.3" the third child of the second child of the root).
 *
 * @param concept the concept name, or null when the item has none
 * @param observationDateTime (0040,A032) as written, or empty
 * @param observationUid (0040,A171), or empty
 */
public record ContentItem(
    String position,
    Relationship relationship,
    ValueType valueType,
    CodedConcept concept,
    ContentValue value,
    String observationDateTime,
    String observationUid,
    List<ContentItem> children) {

  public ContentItem {
    children = List.copyOf(children);
    observationDateTime = observationDateTime == null ? "" : observationDateTime;
    observationUid = observationUid == null ? "" : observationUid;
  }

  /** The nesting depth: 1 for the root. */
  public int depth() {
    int d = 1;
    for (int i = 0; i < position.length(); i++) {
      if (position.charAt(i) == '.') {
        d++;
      }
    }
    return d;
  }

  public boolean isByReference() {
    return valueType == ValueType.BY_REFERENCE;
  }

  /** Whether the concept name has the given code value and scheme. */
  public boolean hasConcept(String code, String scheme) {
    return concept != null && concept.sameCode(CodedConcept.of(code, scheme, ""));
  }

  /** The first direct child with the given concept name. */
  public Optional<ContentItem> child(String code, String scheme) {
    for (ContentItem c : children) {
      if (c.hasConcept(code, scheme)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** All direct children with the given concept name. */
  public List<ContentItem> children(String code, String scheme) {
    return children.stream().filter(c -> c.hasConcept(code, scheme)).toList();
  }

  /** The concept name's meaning, or "" when there is none. */
  public String conceptMeaning() {
    return concept == null ? "" : concept.meaning();
  }
}
