package org.radassist.panel.internal.swing;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.swing.Box;
import javax.swing.JComponent;
import javax.swing.JScrollPane;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.radassist.panel.PriorComparison;
import org.radassist.panel.PriorComparison.MeasurementTrend;
import org.radassist.panel.PriorComparison.TrendPoint;
import org.radassist.panel.internal.model.MutablePanelState;

/** The comparison with prior studies: the summary paragraph and a trend chart per unit. */
final class PriorsView implements View {
  private final Ui.Column column = new Ui.Column();
  private final JScrollPane scroll;
  private Object shown;

  PriorsView() {
    scroll = Ui.verticalScroll(column);
  }

  @Override
  public String title() {
    return "Priors";
  }

  @Override
  public JComponent component() {
    return scroll;
  }

  @Override
  public void refresh(MutablePanelState s) {
    Object signature =
        List.of(s.priorsLoad(), s.priorsMessage(), s.priors().map(Object.class::cast).orElse(""));
    if (Objects.equals(signature, shown)) {
      return;
    }
    shown = signature;
    column.removeAll();
    column.add(Ui.row(Ui.label("Comparison with prior studies", Ui.bold(), null)));
    column.add(Box.createVerticalStrut(4));
    switch (s.priorsLoad()) {
      case NOT_STARTED -> column.add(Ui.row(Ui.text("No study open.", Ui.font(), Ui.muted())));
      case LOADING ->
          column.add(Ui.row(Ui.text("Looking for prior studies\u2026", Ui.font(), Ui.muted())));
      case UNAVAILABLE, FAILED ->
          column.add(Ui.row(Ui.text(s.priorsMessage(), Ui.font(), Ui.amberText())));
      case DONE ->
          s.priors()
              .ifPresentOrElse(
                  this::show,
                  () -> column.add(Ui.row(Ui.text(s.priorsMessage(), Ui.font(), Ui.muted()))));
    }
    column.revalidate();
    column.repaint();
  }

  private void show(PriorComparison p) {
    column.add(Ui.row(Ui.text(p.summary())));
    Map<String, List<MeasurementTrend>> byUnit = new LinkedHashMap<>();
    for (MeasurementTrend t : p.trends()) {
      if (!t.points().isEmpty()) {
        byUnit.computeIfAbsent(t.unit(), k -> new ArrayList<>()).add(t);
      }
    }
    byUnit.forEach(
        (unit, trends) -> {
          column.add(Box.createVerticalStrut(Ui.GAP * 2));
          ChartPanel chart = new ChartPanel(chart(unit, trends), false, false, false, false, true);
          chart.setPreferredSize(new Dimension(360, 260));
          chart.setMinimumDrawWidth(200);
          chart.setMinimumDrawHeight(150);
          chart.setMouseZoomable(false);
          column.add(Ui.row(chart));
        });
  }

  static JFreeChart chart(String unit, List<MeasurementTrend> trends) {
    TimeSeriesCollection data = new TimeSeriesCollection();
    for (MeasurementTrend t : trends) {
      TimeSeries series = new TimeSeries(t.label());
      for (TrendPoint point : t.points()) {
        series.addOrUpdate(
            new Day(
                point.date().getDayOfMonth(), point.date().getMonthValue(), point.date().getYear()),
            point.value());
      }
      data.addSeries(series);
    }
    DateAxis time = new DateAxis(null);
    time.setDateFormatOverride(new java.text.SimpleDateFormat("yyyy-MM-dd", java.util.Locale.ROOT));
    NumberAxis value = new NumberAxis(unit.isEmpty() ? "value" : unit);
    value.setAutoRangeIncludesZero(true);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    Color[] palette =
        Ui.dark()
            ? new Color[] {
              new Color(0x64, 0xB5, 0xF6),
              Ui.AMBER,
              new Color(0x81, 0xC7, 0x84),
              new Color(0xCE, 0x93, 0xD8)
            }
            : new Color[] {
              new Color(0x15, 0x65, 0xC0),
              new Color(0xC7, 0x7C, 0x00),
              Ui.ACCEPTED,
              new Color(0x8E, 0x24, 0xAA)
            };
    for (int i = 0; i < trends.size(); i++) {
      renderer.setSeriesPaint(i, palette[i % palette.length]);
      renderer.setSeriesStroke(i, new BasicStroke(2f));
    }
    XYPlot plot = new XYPlot(data, time, value, renderer);
    Color bg = Ui.background();
    Color fg = Ui.foreground();
    Color grid = Ui.blend(bg, fg, 0.2);
    plot.setBackgroundPaint(Ui.blend(bg, fg, 0.04));
    plot.setDomainGridlinePaint(grid);
    plot.setRangeGridlinePaint(grid);
    plot.setOutlineVisible(false);
    for (var axis : List.of(time, value)) {
      axis.setLabelPaint(fg);
      axis.setTickLabelPaint(fg);
      axis.setAxisLinePaint(grid);
      axis.setTickMarkPaint(grid);
      axis.setLabelFont(Ui.small());
      axis.setTickLabelFont(Ui.small());
    }
    JFreeChart chart = new JFreeChart("Measurement trend", Ui.bold(), plot, true);
    chart.getTitle().setPaint(fg);
    chart.setBackgroundPaint(bg);
    LegendTitle legend = chart.getLegend();
    legend.setBackgroundPaint(bg);
    legend.setItemPaint(fg);
    legend.setItemFont(Ui.small());
    legend.setPosition(RectangleEdge.BOTTOM);
    return chart;
  }
}
