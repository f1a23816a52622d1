package org.radassist.sr;

import java.util.ArrayList;
import java.util.List;
import org.radassist.sr.internal.render.TextDump;

/**
 * The content tree as a viewer's tree widget shows it: a plain-text label per item, its position,
 * and whether it is a reference back into the tree (cycles are shown, never expanded).
 */
public record TreeViewNode(
    String position, String label, boolean reference, List<TreeViewNode> children) {

  public TreeViewNode {
    children = List.copyOf(children);
  }

  /** The label escaped for a Swing/HTML cell renderer. */
  public String htmlLabel() {
    return "<html>" + Narrative.escapeHtml(label) + "</html>";
  }

  /** Builds the view model bottom-up, without recursion. */
  public static TreeViewNode of(SrDocument doc) {
    List<ContentItem> preorder = doc.items();
    java.util.IdentityHashMap<ContentItem, TreeViewNode> built = new java.util.IdentityHashMap<>();
    StringBuilder line = new StringBuilder();
    for (int i = preorder.size() - 1; i >= 0; i--) {
      ContentItem item = preorder.get(i);
      List<TreeViewNode> kids = new ArrayList<>(item.children().size());
      for (ContentItem c : item.children()) {
        kids.add(built.remove(c));
      }
      line.setLength(0);
      TextDump.item(item, line);
      String label = line.substring(1, line.length() - 1);
      built.put(item, new TreeViewNode(item.position(), label, item.isByReference(), kids));
    }
    return built.get(doc.root());
  }
}
