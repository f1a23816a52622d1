package org.radassist.panel;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.radassist.host.LoadedInstance;
import org.radassist.panel.SrDocumentView.SrNode;
import org.radassist.sr.ContentItem;
import org.radassist.sr.Narrative;
import org.radassist.sr.ReportView;
import org.radassist.sr.SrDocument;
import org.radassist.sr.StructuredReportReader;
import org.radassist.sr.TreeViewNode;

/**
 * {@link SrDocumentReader}s backed by RadAssist's SR importer (org.radassist.sr): any SR IOD, TID
 * 1500 / CAD findings, key objects, dose reports, a plain-text narrative and the content tree.
 */
public final class SrDocumentReaders {
  /** Deeper trees are cut here in the panel's tree (the importer has its own limits too). */
  static final int MAX_TREE_DEPTH = 64;

  private SrDocumentReaders() {}

  /** Reads instances the host has as local files ({@code file:} URIs) with the default limits. */
  public static SrDocumentReader srImporter() {
    return srImporter(StructuredReportReader.create());
  }

  public static SrDocumentReader srImporter(StructuredReportReader reader) {
    Objects.requireNonNull(reader, "reader");
    return instance -> view(reader.read(path(instance)), instance);
  }

  private static Path path(LoadedInstance instance) {
    URI uri = instance.location();
    if (!"file".equalsIgnoreCase(uri.getScheme())) {
      throw new IllegalArgumentException(
          "reading SRs from " + uri.getScheme() + " locations is not supported by this reader");
    }
    return Path.of(uri);
  }

  /** The panel's view of a read document. */
  public static SrDocumentView view(SrDocument doc, LoadedInstance instance) {
    ReportView report = ReportView.of(doc);
    List<String> lines = new ArrayList<>(Narrative.lines(report));
    for (String note : report.notes()) {
      lines.add("Note: " + note);
    }
    String uid =
        doc.sopInstanceUid() == null || doc.sopInstanceUid().isBlank()
            ? instance.sopInstanceUid()
            : doc.sopInstanceUid();
    return new SrDocumentView(
        uid,
        doc.title(),
        report.template(),
        node(TreeViewNode.of(doc), doc.root(), 0),
        String.join("\n", lines),
        report.findings());
  }

  /**
   * The panel's node of a content item: its relationship, value type, concept meaning and value as
   * a person reads them, and the item as dsrdump prints it (codes included) for "show codes". The
   * view tree has the content tree's shape, so both are walked together.
   */
  private static SrNode node(TreeViewNode n, ContentItem item, int depth) {
    List<SrNode> children = new ArrayList<>();
    if (depth < MAX_TREE_DEPTH) {
      int count = Math.min(n.children().size(), item.children().size());
      for (int i = 0; i < count; i++) {
        children.add(node(n.children().get(i), item.children().get(i), depth + 1));
      }
    } else if (!n.children().isEmpty()) {
      String cut = "\u2026 " + n.children().size() + " more levels not shown";
      children.add(new SrNode("", "", cut, "", List.of(), cut));
    }
    String value = item.value() == null ? "" : item.value().words();
    if (n.reference()) {
      value = value.isEmpty() ? "(reference)" : value + " (reference)";
    }
    String detail = n.reference() ? n.label() + " (reference)" : n.label();
    return new SrNode(
        item.relationship() == null ? "" : item.relationship().label(),
        item.valueType() == null ? "" : item.valueType().name(),
        item.conceptMeaning(),
        value,
        children,
        detail);
  }
}
