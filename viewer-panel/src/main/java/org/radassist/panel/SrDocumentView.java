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

  /** One content item: relationship, value type, concept name and value, with its children. */
  public record SrNode(
      String relationship, String valueType, String concept, String value, List<SrNode> children) {
    public SrNode {
      relationship = relationship == null ? "" : relationship;
      valueType = valueType == null ? "" : valueType;
      concept = concept == null ? "" : concept;
      value = value == null ? "" : value;
      children = children == null ? List.of() : List.copyOf(children);
    }

    /** The line a tree shows, e.g. "contains NUM Diameter = 10.0 mm". */
    public String label() {
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
