package org.radassist.panel;

import java.util.List;
import org.radassist.model.Finding;

/**
 * What the panel shows of one SR document: its title, the template it follows, its content tree, a
 * narrative rendering and the findings read from it. All text is shown as plain text (never as
 * HTML).
 */
public record SrDocumentView(
    String sopInstanceUid,
    String title,
    String template,
    SrNode root,
    String narrative,
    List<Finding> findings) {

  public SrDocumentView {
    if (sopInstanceUid == null || sopInstanceUid.isBlank()) {
      throw new IllegalArgumentException("sopInstanceUid must not be blank");
    }
    title = title == null || title.isBlank() ? "Structured report" : title;
    template = template == null ? "" : template;
    narrative = narrative == null ? "" : narrative;
    findings = findings == null ? List.of() : List.copyOf(findings);
  }

  /**
   * One content item: relationship, value type, concept name and value, with its children, and the
   * item as a technical dump writes it (codes, relationship, value type: "show codes").
   */
  public record SrNode(
      String relationship,
      String valueType,
      String concept,
      String value,
      List<SrNode> children,
      String detail) {
    public SrNode {
      relationship = relationship == null ? "" : relationship;
      valueType = valueType == null ? "" : valueType;
      concept = concept == null ? "" : concept;
      value = value == null ? "" : value;
      children = children == null ? List.of() : List.copyOf(children);
      detail = detail == null ? "" : detail;
    }

    /** A node without a technical dump: {@link #detail()} is then made from the parts. */
    public SrNode(
        String relationship,
        String valueType,
        String concept,
        String value,
        List<SrNode> children) {
      this(relationship, valueType, concept, value, children, "");
    }

    /**
     * The line a tree shows, as a person reads it: "Diameter: 10.0 mm", "Finding: Nodule", a
     * container's title alone.
     */
    public String label() {
      if (concept.isEmpty()) {
        return value.isEmpty() ? valueType : value;
      }
      return value.isEmpty() ? concept : concept + ": " + value;
    }

    /**
     * The item with its codes, e.g. {@code contains NUM:(G-D705,SRT,"Volume")=200 mm3}; made from
     * the parts ("contains NUM Diameter = 10.0 mm") when the reader gave none.
     */
    public String detail() {
      if (!detail.isEmpty()) {
        return detail;
      }
      StringBuilder b = new StringBuilder();
      if (!relationship.isEmpty()) {
        b.append(relationship).append(' ');
      }
      b.append(valueType);
      if (!concept.isEmpty()) {
        b.append(' ').append(concept);
      }
      if (!value.isEmpty()) {
        b.append(" = ").append(value);
      }
      return b.toString().trim();
    }
  }
}
