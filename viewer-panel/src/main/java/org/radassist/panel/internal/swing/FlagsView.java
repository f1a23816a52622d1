package org.radassist.panel.internal.swing;

import java.awt.BorderLayout;
import java.awt.Color;
import java.util.List;
import java.util.Objects;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.JComponent;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import org.radassist.model.Evidence;
import org.radassist.model.Flag;
import org.radassist.model.FlagType;
import org.radassist.panel.internal.model.MutablePanelState;

/** Consistency and safety flags, loudest first, each with the words that raised it. */
final class FlagsView implements View {
  private final Ui.Column column = new Ui.Column();
  private final JScrollPane scroll;
  private Object shown;

  FlagsView() {
    scroll = Ui.verticalScroll(column);
  }

  @Override
  public String title() {
    return "Flags";
  }

  @Override
  public JComponent component() {
    return scroll;
  }

  @Override
  public void refresh(MutablePanelState s) {
    List<Flag> flags = s.review().flags();
    Object signature = List.of(flags, s.review().aiShown(), s.governanceMessage());
    if (Objects.equals(signature, shown)) {
      return;
    }
    shown = signature;
    if (Ui.hiddenByRollout(s, column)) {
      return;
    }
    column.removeAll();
    column.add(Ui.row(Ui.label("Consistency and safety flags", Ui.bold(), null)));
    column.add(Box.createVerticalStrut(4));
    if (flags.isEmpty()) {
      column.add(Ui.row(Ui.text("No flags raised.", Ui.font(), Ui.muted())));
    }
    flags.stream()
        .sorted((a, b) -> b.severity().compareTo(a.severity()))
        .forEach(f -> column.add(Ui.row(card(f))));
    column.revalidate();
    column.repaint();
  }

  private static JComponent card(Flag f) {
    Color edge =
        switch (f.severity()) {
          case CRITICAL -> Ui.CRITICAL;
          case WARNING -> Ui.AMBER;
          case INFO -> Ui.cardBorder();
        };
    JPanel card = new JPanel(new BorderLayout(0, 3));
    card.setOpaque(false);
    card.setBorder(
        BorderFactory.createCompoundBorder(
            BorderFactory.createCompoundBorder(
                BorderFactory.createEmptyBorder(0, 0, Ui.GAP, 0),
                BorderFactory.createCompoundBorder(
                    BorderFactory.createMatteBorder(0, 5, 0, 0, edge),
                    BorderFactory.createMatteBorder(1, 0, 1, 1, Ui.cardBorder()))),
            BorderFactory.createEmptyBorder(Ui.GAP, Ui.GAP + 2, Ui.GAP, Ui.GAP)));
    JPanel head = new JPanel(new BorderLayout(Ui.GAP, 0));
    head.setOpaque(false);
    head.add(
        Ui.label(typeName(f.type()), Ui.small().deriveFont(java.awt.Font.BOLD), Ui.muted()),
        BorderLayout.WEST);
    head.add(
        Ui.chip(
            f.severity().name(),
            edge,
            f.severity() == org.radassist.model.Severity.INFO
                ? Ui.foreground()
                : (f.severity() == org.radassist.model.Severity.WARNING
                    ? Color.BLACK
                    : Color.WHITE)),
        BorderLayout.EAST);
    card.add(head, BorderLayout.NORTH);
    card.add(Ui.text(text(f)), BorderLayout.CENTER);
    StringBuilder ev = new StringBuilder();
    for (Evidence e : f.evidence()) {
      if (!e.quote().isBlank()) {
        ev.append(ev.length() == 0 ? "" : "\n")
            .append('\u201c')
            .append(e.quote())
            .append("\u201d (")
            .append(e.section() == null ? "report" : e.section().title())
            .append(')');
      }
    }
    if (ev.length() > 0) {
      card.add(Ui.text(ev.toString(), Ui.small(), Ui.muted()), BorderLayout.SOUTH);
    }
    return card;
  }

  /**
   * A flag's card text: a critical result points to the banner; an actionable finding (ACR category
   * 3) says its communication need, which has no banner and does not hold sign-off.
   */
  static String text(Flag f) {
    StringBuilder b = new StringBuilder(f.message());
    if (f.type() == FlagType.CRITICAL_RESULT) {
      b.append("\nDocument the communication in the red banner at the top.");
    } else if (f.type() == FlagType.ACTIONABLE_FINDING) {
      b.append(
          "\nCommunicate within "
              + CriticalBanner.human(f.criticalCategory().defaultTimeFrame())
              + " (days, not minutes): document who was told, when and how, and track the"
              + " follow-up. No banner; sign-off is not held.");
    }
    return b.toString();
  }

  static String typeName(FlagType t) {
    String s = t.name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
