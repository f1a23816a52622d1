package org.radassist.panel.internal.swing;

import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.Component;
import java.util.List;
import java.util.Objects;
import javax.swing.BorderFactory;
import javax.swing.DefaultListCellRenderer;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTextArea;
import javax.swing.JTree;
import javax.swing.ScrollPaneConstants;
import javax.swing.ToolTipManager;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.DefaultTreeCellRenderer;
import javax.swing.tree.DefaultTreeModel;
import org.radassist.panel.SrDocumentView;
import org.radassist.panel.SrDocumentView.SrNode;
import org.radassist.panel.internal.model.MutablePanelState;
import org.radassist.panel.model.SrEntry;

/**
 * Any SR of the study: pick the document, see its content tree and its narrative. A document that
 * could not be read shows why, in its place.
 */
final class SrView implements View {
  private final JPanel root = new JPanel(new BorderLayout(0, Ui.GAP));
  private final JComboBox<SrEntry> documents = new JComboBox<>();
  private final JTree tree =
      new JTree(new DefaultTreeModel(new DefaultMutableTreeNode(""))) {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean getScrollableTracksViewportWidth() {
          return true; // as wide as the view: rows are shortened to it, never cut at its edge
        }
      };
  private final JTextArea narrative = Ui.textArea("");
  private final WrapLabel message = Ui.text("");
  private final CardLayout cards = new CardLayout();
  private final JPanel center = new JPanel(cards);
  private final javax.swing.JCheckBox showCodes = new javax.swing.JCheckBox("Show codes");
  private Object shown;
  private boolean updating;

  /** A tree row: what it shows, and the item with its codes (the tooltip, or with "show codes"). */
  private record Row(String label, String detail) {
    @Override
    public String toString() {
      return label;
    }
  }

  SrView() {
    root.setBorder(BorderFactory.createEmptyBorder(Ui.GAP, Ui.GAP, Ui.GAP, Ui.GAP));
    documents.setRenderer(
        new DefaultListCellRenderer() {
          private static final long serialVersionUID = 1L;

          {
            // before any text is set: a label parses HTML when its text is set, and keeps the
            // parsed view even if html.disable comes afterwards (an SR title is untrusted)
            putClientProperty("html.disable", Boolean.TRUE);
          }

          @Override
          public Component getListCellRendererComponent(
              JList<?> list, Object value, int index, boolean selected, boolean focus) {
            // the default renderer would call toString() on a whole document: give it the line
            Object shown = value;
            if (value instanceof SrEntry e) {
              String what =
                  e.read()
                      .map(SrDocumentView::title)
                      .orElse(e.isLoading() ? "reading\u2026" : "could not be read");
              shown = what + " \u00b7 " + e.label();
            }
            JLabel l =
                (JLabel) super.getListCellRendererComponent(list, shown, index, selected, focus);
            l.putClientProperty("html.disable", Boolean.TRUE);
            return l;
          }
        });
    documents.addActionListener(
        e -> {
          if (!updating) {
            showSelected();
          }
        });
    FittingTreeRenderer renderer = new FittingTreeRenderer();
    renderer.putClientProperty("html.disable", Boolean.TRUE);
    renderer.setLeafIcon(null);
    renderer.setOpenIcon(null);
    renderer.setClosedIcon(null);
    tree.setCellRenderer(renderer);
    // one row height and a large model: the tree asks the renderer for the rows it shows only, not
    // for every node of a large SR at each layout (thousands of text measurements on the EDT)
    tree.setRowHeight(tree.getFontMetrics(tree.getFont()).getHeight() + 4);
    tree.setLargeModel(true);
    tree.setRootVisible(true);
    ToolTipManager.sharedInstance().registerComponent(tree);
    JScrollPane treeScroll = new JScrollPane(tree);
    // rows are shortened to the visible width (full text in the tooltip), never cut at the edge
    treeScroll.setHorizontalScrollBarPolicy(ScrollPaneConstants.HORIZONTAL_SCROLLBAR_NEVER);
    tree.addComponentListener(
        new java.awt.event.ComponentAdapter() {
          @Override
          public void componentResized(java.awt.event.ComponentEvent e) {
            // a new width: drop the tree's cached row sizes so rows are measured again
            tree.setCellRenderer(null);
            tree.setCellRenderer(renderer);
          }
        });
    narrative.setFocusable(true);
    narrative.setBorder(BorderFactory.createEmptyBorder(4, 4, 4, 4));
    JSplitPane split =
        new JSplitPane(
            JSplitPane.VERTICAL_SPLIT, treeScroll, titled("Narrative", new JScrollPane(narrative)));
    split.setResizeWeight(0.55);
    split.setBorder(BorderFactory.createEmptyBorder());
    center.add(split, "doc");
    JPanel msg = new JPanel(new BorderLayout());
    msg.setOpaque(false);
    msg.add(message, BorderLayout.NORTH);
    center.add(msg, "message");
    showCodes.setOpaque(false);
    showCodes.setToolTipText("Show each item's codes, relationship and value type");
    showCodes.addActionListener(e -> showSelected());
    JPanel top = new JPanel(new BorderLayout(Ui.GAP, 0));
    top.setOpaque(false);
    top.add(documents, BorderLayout.CENTER);
    top.add(showCodes, BorderLayout.EAST);
    root.add(top, BorderLayout.NORTH);
    root.add(center, BorderLayout.CENTER);
  }

  private static JComponent titled(String title, JComponent c) {
    JPanel p = new JPanel(new BorderLayout(0, 2));
    p.setOpaque(false);
    p.add(Ui.label(title, Ui.bold(), null), BorderLayout.NORTH);
    p.add(c, BorderLayout.CENTER);
    return p;
  }

  @Override
  public String title() {
    return "SR";
  }

  @Override
  public JComponent component() {
    return root;
  }

  @Override
  public void refresh(MutablePanelState s) {
    List<SrEntry> entries = s.srEntries();
    Object signature = List.of(entries, s.srLoad(), s.srMessage());
    if (Objects.equals(signature, shown)) {
      return;
    }
    shown = signature;
    Object previous = documents.getSelectedItem();
    updating = true;
    try {
      documents.removeAllItems();
      for (SrEntry e : entries) {
        documents.addItem(e);
      }
      documents.setVisible(!entries.isEmpty());
      showCodes.setVisible(!entries.isEmpty());
      int keep = previous instanceof SrEntry p ? indexOf(entries, p.sopInstanceUid()) : -1;
      if (!entries.isEmpty()) {
        documents.setSelectedIndex(Math.max(0, keep));
      }
    } finally {
      updating = false;
    }
    switch (s.srLoad()) {
      case UNAVAILABLE, FAILED -> showMessage(s.srMessage());
      case NOT_STARTED -> showMessage("No study open.");
      default -> {
        if (entries.isEmpty()) {
          showMessage(s.srMessage().isEmpty() ? "No SR in this study." : s.srMessage());
        } else {
          showSelected();
        }
      }
    }
  }

  private static int indexOf(List<SrEntry> entries, String uid) {
    for (int i = 0; i < entries.size(); i++) {
      if (entries.get(i).sopInstanceUid().equals(uid)) {
        return i;
      }
    }
    return -1;
  }

  private void showSelected() {
    if (!(documents.getSelectedItem() instanceof SrEntry e)) {
      return;
    }
    if (e.isLoading()) {
      showMessage("Reading " + e.label() + "\u2026");
    } else if (e.failure().isPresent()) {
      showMessage(e.label() + ": " + e.failure().get());
    } else {
      SrDocumentView doc = e.read().orElseThrow();
      DefaultMutableTreeNode top =
          node(
              doc.root() == null
                  ? new SrNode("", "CONTAINER", doc.title(), "", List.of())
                  : doc.root(),
              showCodes.isSelected());
      tree.setModel(new DefaultTreeModel(top));
      for (int i = 0; i < Math.min(tree.getRowCount(), 200); i++) {
        tree.expandRow(i);
      }
      narrative.setText(doc.narrative().isEmpty() ? "(no narrative)" : doc.narrative());
      narrative.setCaretPosition(0);
      cards.show(center, "doc");
    }
  }

  /**
   * Shortens a row's text with an ellipsis to what the viewport shows at the row's depth; the full
   * text is the tooltip.
   */
  static final class FittingTreeRenderer extends DefaultTreeCellRenderer {
    private static final long serialVersionUID = 1L;

    /** Shortened labels by available width and text: a repaint measures nothing again. */
    private final transient java.util.Map<String, String> fitted = new java.util.HashMap<>();

    @Override
    public Component getTreeCellRendererComponent(
        JTree tree,
        Object value,
        boolean selected,
        boolean expanded,
        boolean leaf,
        int row,
        boolean focus) {
      super.getTreeCellRendererComponent(tree, value, selected, expanded, leaf, row, focus);
      String full = String.valueOf(value);
      setToolTipText(
          value instanceof DefaultMutableTreeNode n && n.getUserObject() instanceof Row r
              ? r.detail()
              : full);
      int viewportWidth = tree.getWidth();
      if (viewportWidth <= 0 || !(value instanceof DefaultMutableTreeNode node)) {
        return this;
      }
      int indent = 20;
      if (tree.getUI() instanceof javax.swing.plaf.basic.BasicTreeUI ui) {
        indent = ui.getLeftChildIndent() + ui.getRightChildIndent();
      }
      int depth = node.getLevel() + (tree.getShowsRootHandles() ? 1 : 0);
      int insets = getInsets().left + getInsets().right + getIconTextGap() + 6;
      int available = viewportWidth - depth * indent - insets;
      String key = available + "\u0000" + full;
      String shortened = fitted.get(key);
      if (shortened == null) {
        if (fitted.size() > 4096) {
          fitted.clear(); // widths change with the panel: old entries are of no further use
        }
        shortened = fit(full, getFontMetrics(getFont()), available);
        fitted.put(key, shortened);
      }
      setText(shortened);
      return this;
    }

    /**
     * The longest prefix (plus "…") that fits. The prefix is found by adding up character advances
     * (table look-ups), not by measuring strings: the EDT watchdog caught the former binary search
     * of string measurements at 17 ms CPU for a freshly opened SR tree. Kerning can make the whole
     * slightly wider than the sum, so the result is measured once and shortened while too wide.
     */
    static String fit(String text, java.awt.FontMetrics fm, int width) {
      if (width <= 0 || fm.stringWidth(text) <= width) {
        return text;
      }
      String ellipsis = "\u2026";
      int budget = width - fm.stringWidth(ellipsis);
      int used = 0;
      int end = 0;
      while (end < text.length()) {
        int cp = text.codePointAt(end);
        int w = fm.charWidth(cp);
        if (used + w > budget) {
          break;
        }
        used += w;
        end += Character.charCount(cp);
      }
      String fitted = text.substring(0, end).stripTrailing() + ellipsis;
      while (end > 0 && fm.stringWidth(fitted) > width) {
        end = text.offsetByCodePoints(end, -1);
        fitted = text.substring(0, end).stripTrailing() + ellipsis;
      }
      return fitted;
    }
  }

  private static DefaultMutableTreeNode node(SrNode n, boolean codes) {
    DefaultMutableTreeNode t =
        new DefaultMutableTreeNode(new Row(codes ? n.detail() : n.label(), n.detail()));
    for (SrNode c : n.children()) {
      t.add(node(c, codes));
    }
    return t;
  }

  private void showMessage(String text) {
    message.setText(text);
    message.setForeground(Ui.amberText());
    cards.show(center, "message");
  }
}
