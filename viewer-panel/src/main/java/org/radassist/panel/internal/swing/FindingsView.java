package org.radassist.panel.internal.swing;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Cursor;
import java.awt.FlowLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import org.radassist.model.ImageReference;
import org.radassist.panel.internal.model.FindingRow;
import org.radassist.panel.internal.model.MutablePanelState;
import org.radassist.panel.model.SrEntry;

/**
 * AI findings read from the study's SRs: what, where, how big, by which algorithm and version, how
 * sure. Low-confidence findings carry an amber bar and tag. A click asks the viewer to open the
 * referenced image with the region.
 */
final class FindingsView implements View {
  private final Consumer<ImageReference> open;
  private final Ui.Column column = new Ui.Column();
  private final JScrollPane scroll;
  private Object shown;

  FindingsView(Consumer<ImageReference> open) {
    this.open = open;
    scroll = Ui.verticalScroll(column);
  }

  @Override
  public String title() {
    return "Findings";
  }

  @Override
  public JComponent component() {
    return scroll;
  }

  @Override
  public void refresh(MutablePanelState state) {
    List<SrEntry> entries = state.srEntries();
    Object signature = List.of(entries, state.srLoad(), state.srMessage());
    if (Objects.equals(signature, shown)) {
      return;
    }
    shown = signature;
    column.removeAll();
    List<FindingRow> rows = state.findingRows();
    long docs = entries.stream().filter(e -> e.read().isPresent()).count();
    String header =
        switch (state.srLoad()) {
          case NOT_STARTED -> "No study open";
          case LOADING ->
              "Reading "
                  + entries.size()
                  + " SR document"
                  + (entries.size() == 1 ? "" : "s")
                  + "\u2026";
          case UNAVAILABLE, FAILED -> state.srMessage();
          case DONE ->
              entries.isEmpty()
                  ? state.srMessage()
                  : rows.size()
                      + " AI finding"
                      + (rows.size() == 1 ? "" : "s")
                      + " from "
                      + docs
                      + " SR document"
                      + (docs == 1 ? "" : "s");
        };
    column.add(Ui.row(Ui.text(header, Ui.bold(), null)));
    if (rows.stream().anyMatch(FindingRow::lowConfidence)) {
      column.add(
          Ui.row(
              Ui.text(
                  String.format(
                      java.util.Locale.ROOT,
                      "Amber: confidence below %.0f%% \u2014 check on the image before relying on it.",
                      state.lowConfidenceThreshold() * 100),
                  Ui.small(),
                  Ui.amberText())));
    }
    column.add(javax.swing.Box.createVerticalStrut(Ui.GAP));
    for (FindingRow row : rows) {
      column.add(Ui.row(card(row)));
    }
    for (SrEntry e : entries) {
      e.failure().ifPresent(err -> column.add(Ui.row(failure(e.label(), err))));
    }
    column.revalidate();
    column.repaint();
  }

  private JComponent card(FindingRow row) {
    JPanel card = new JPanel(new GridBagLayout());
    card.setOpaque(false);
    Color edge = row.lowConfidence() ? Ui.AMBER : Ui.cardBorder();
    card.setBorder(
        BorderFactory.createCompoundBorder(
            BorderFactory.createCompoundBorder(
                BorderFactory.createEmptyBorder(0, 0, Ui.GAP, 0),
                BorderFactory.createCompoundBorder(
                    BorderFactory.createMatteBorder(0, row.lowConfidence() ? 5 : 3, 0, 0, edge),
                    BorderFactory.createMatteBorder(1, 0, 1, 1, Ui.cardBorder()))),
            BorderFactory.createEmptyBorder(Ui.GAP, Ui.GAP + 2, Ui.GAP, Ui.GAP)));
    GridBagConstraints c = new GridBagConstraints();
    c.gridx = 0;
    c.gridy = 0;
    c.gridwidth = 2;
    c.weightx = 1;
    c.fill = GridBagConstraints.HORIZONTAL;
    c.anchor = GridBagConstraints.WEST;
    JPanel titleRow = new JPanel(new BorderLayout(Ui.GAP, 0));
    titleRow.setOpaque(false);
    titleRow.add(Ui.text(row.title(), Ui.bold(), null), BorderLayout.CENTER);
    if (row.lowConfidence()) {
      titleRow.add(Ui.chip("Low confidence", Ui.AMBER, Color.BLACK), BorderLayout.EAST);
    }
    card.add(titleRow, c);
    addField(card, 1, "Site", row.site());
    addField(card, 2, "Size", row.size());
    addField(card, 3, "Algorithm", row.algorithm());
    addField(card, 4, "Confidence", row.confidence());
    addField(card, 5, "Source", row.source());
    JPanel actions = new JPanel(new FlowLayout(FlowLayout.LEFT, 0, 0));
    actions.setOpaque(false);
    JButton show =
        Ui.button(
            row.reference().isPresent() ? "Show on image" : "No image reference",
            "Ask the viewer to open the image this finding was made on",
            e -> row.reference().ifPresent(open));
    show.setEnabled(row.reference().isPresent());
    actions.add(show);
    c.gridy = 6;
    c.gridx = 0;
    c.gridwidth = 2;
    c.insets = new Insets(Ui.GAP, 0, 0, 0);
    card.add(actions, c);
    if (row.reference().isPresent()) {
      card.setCursor(Cursor.getPredefinedCursor(Cursor.HAND_CURSOR));
      card.setToolTipText("Click to open the image");
      card.addMouseListener(
          new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
              row.reference().ifPresent(open);
            }
          });
    }
    return card;
  }

  private static void addField(JPanel card, int y, String name, String value) {
    GridBagConstraints c = new GridBagConstraints();
    c.gridx = 0;
    c.gridy = y;
    c.anchor = GridBagConstraints.NORTHWEST;
    c.insets = new Insets(2, 0, 0, Ui.GAP * 2);
    card.add(Ui.label(name, Ui.small(), Ui.muted()), c);
    c.gridx = 1;
    c.weightx = 1;
    c.fill = GridBagConstraints.HORIZONTAL;
    c.insets = new Insets(2, 0, 0, 0);
    card.add(Ui.text(value), c);
  }

  private static JComponent failure(String label, String error) {
    JPanel p = new JPanel(new BorderLayout(0, 2));
    p.setOpaque(false);
    p.setBorder(Ui.card(Ui.CRITICAL, 1));
    p.add(Ui.text(label, Ui.bold(), null), BorderLayout.NORTH);
    p.add(
        Ui.text(error, Ui.font(), Ui.dark() ? new Color(0xFF, 0x8A, 0x80) : Ui.CRITICAL),
        BorderLayout.CENTER);
    return p;
  }
}
