package org.radassist.panel.internal.swing;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.swing.Box;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JScrollPane;
import org.radassist.panel.internal.model.MutablePanelState;
import org.radassist.panel.model.UsageMetrics;

/**
 * Adoption figures from the audit trail for the study's modality: how much AI output was adopted,
 * how much edited, and the time from draft request to signed report.
 */
final class MetricsView implements View {
  private final Runnable refresh;
  private final Ui.Column column = new Ui.Column();
  private final JScrollPane scroll;
  private Object shown;

  MetricsView(Runnable refresh) {
    this.refresh = refresh;
    scroll = Ui.verticalScroll(column);
  }

  @Override
  public String title() {
    return "Metrics";
  }

  @Override
  public JComponent component() {
    return scroll;
  }

  @Override
  public void refresh(MutablePanelState s) {
    Object signature =
        List.of(s.metricsLoad(), s.metrics().map(Object::toString).orElse(""), s.metricsMessage());
    if (Objects.equals(signature, shown)) {
      return;
    }
    shown = signature;
    column.removeAll();
    column.add(Ui.row(Ui.label("AI adoption (from the audit trail)", Ui.bold(), null)));
    column.add(Box.createVerticalStrut(4));
    switch (s.metricsLoad()) {
      case NOT_STARTED -> column.add(Ui.row(Ui.text("No study open.", Ui.font(), Ui.muted())));
      case LOADING ->
          column.add(Ui.row(Ui.text("Reading the audit trail\u2026", Ui.font(), Ui.muted())));
      case UNAVAILABLE -> column.add(Ui.row(Ui.text(s.metricsMessage(), Ui.font(), Ui.muted())));
      case FAILED -> column.add(Ui.row(Ui.text(s.metricsMessage(), Ui.font(), Ui.amberText())));
      case DONE -> s.metrics().ifPresent(this::figures);
    }
    if (s.metricsLoad() == MutablePanelState.Load.DONE
        || s.metricsLoad() == MutablePanelState.Load.FAILED) {
      column.add(Box.createVerticalStrut(Ui.GAP));
      JButton again = Ui.button("Refresh", "Read the audit trail again", e -> refresh.run());
      javax.swing.JPanel holder =
          new javax.swing.JPanel(new java.awt.FlowLayout(java.awt.FlowLayout.LEFT, 0, 0));
      holder.setOpaque(false);
      holder.add(again);
      column.add(Ui.row(holder));
    }
    column.revalidate();
    column.repaint();
  }

  private void figures(UsageMetrics m) {
    for (String line : lines(m)) {
      column.add(Ui.row(Ui.text(line)));
    }
    column.add(
        Ui.row(
            Ui.text("From " + m.records() + " audit records, all users.", Ui.small(), Ui.muted())));
  }

  /** The figures as shown, one line each. */
  static List<String> lines(UsageMetrics m) {
    int decisions = m.accepted() + m.edited() + m.rejected();
    return List.of(
        "Modality: "
            + m.modality()
            + " \u00b7 "
            + m.studies()
            + (m.studies() == 1 ? " study" : " studies")
            + " with a draft",
        "Adoption rate: "
            + (m.adoptionRate().isPresent()
                ? String.format(
                    Locale.ROOT,
                    "%.0f%% (%d of %d decisions)",
                    m.adoptionRate().getAsDouble() * 100,
                    m.accepted() + m.edited(),
                    decisions)
                : "no decisions yet"),
        "Accepted unchanged "
            + m.accepted()
            + " \u00b7 edited "
            + m.edited()
            + " \u00b7 rejected "
            + m.rejected(),
        "Edits: "
            + (m.meanWordEditDistance().isPresent()
                ? String.format(
                    Locale.ROOT,
                    "%.1f words changed per edited section",
                    m.meanWordEditDistance().getAsDouble())
                : "no edited section"),
        "Time to report (median): "
            + m.medianTimeToReport().map(MetricsView::duration).orElse("no signed report")
            + " \u00b7 "
            + m.reportsSigned()
            + " signed");
  }

  static String duration(Duration d) {
    long seconds = d.toSeconds();
    if (seconds < 60) {
      return seconds + " s";
    }
    if (seconds < 3600) {
      return (seconds / 60) + " min " + (seconds % 60) + " s";
    }
    return (seconds / 3600) + " h " + ((seconds % 3600) / 60) + " min";
  }
}
