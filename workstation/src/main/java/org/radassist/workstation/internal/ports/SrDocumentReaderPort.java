package org.radassist.workstation.internal.ports;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.radassist.host.LoadedInstance;
import org.radassist.panel.SrDocumentReader;
import org.radassist.panel.SrDocumentView;
import org.radassist.sr.Narrative;
import org.radassist.sr.ReportView;
import org.radassist.sr.SrDocument;
import org.radassist.sr.StructuredReportReader;
import org.radassist.sr.TreeViewNode;

/**
 * Plugs the SR importer into the panel's SR port for the workstation, whose instances are local
 * files. Registered by the host because neither the panel nor the importer depends on the other.
 */
@Component(service = SrDocumentReader.class)
public final class SrDocumentReaderPort implements SrDocumentReader {
  private final StructuredReportReader reader = StructuredReportReader.create();

  @Override
  public SrDocumentView read(LoadedInstance instance) throws Exception {
    if (!"file".equals(instance.location().getScheme())) {
      throw new IllegalArgumentException(
          "the workstation reads local files only, not " + instance.location());
    }
    SrDocument document = reader.read(Path.of(instance.location()));
    ReportView view = ReportView.of(document);
    return new SrDocumentView(
        document.sopInstanceUid().isBlank() ? instance.sopInstanceUid() : document.sopInstanceUid(),
        document.root() == null ? null : document.root().conceptMeaning(),
        view.template(),
        document.root() == null ? null : tree(TreeViewNode.of(document)),
        String.join("\n", Narrative.lines(view)),
        view.findings());
  }

  /** The importer's tree as the panel's, without recursion (SR trees can be deep). */
  static SrDocumentView.SrNode tree(TreeViewNode root) {
    List<TreeViewNode> preorder = new ArrayList<>();
    Deque<TreeViewNode> stack = new ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      TreeViewNode n = stack.pop();
      preorder.add(n);
      for (int i = n.children().size() - 1; i >= 0; i--) {
        stack.push(n.children().get(i));
      }
    }
    Map<TreeViewNode, SrDocumentView.SrNode> built = new IdentityHashMap<>();
    for (int i = preorder.size() - 1; i >= 0; i--) {
      TreeViewNode n = preorder.get(i);
      List<SrDocumentView.SrNode> kids = new ArrayList<>();
      for (TreeViewNode c : n.children()) {
        kids.add(built.remove(c));
      }
      built.put(n, new SrDocumentView.SrNode("", "", n.label(), "", kids));
    }
    return built.get(root);
  }
}
