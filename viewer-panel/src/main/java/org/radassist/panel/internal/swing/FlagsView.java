package org.radassist.panel.internal.swing;

import java.awt.BorderLayout;
import java.awt.Color;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import org.radassist.model.Evidence;
import org.radassist.model.Flag;
import org.radassist.model.FlagType;
import org.radassist.panel.internal.model.MutableCriticalCommunication;
import org.radassist.panel.internal.model.MutablePanelState;

/**
 * Consistency and safety flags, loudest first, each with the words that raised it. Actionable
 * findings (ACR category 3) get one "Record communication…" box above the cards: it opens the same
 * who / when / how form as the critical banner, never holds sign-off, and once recorded each of
 * their cards says who was told, when and how.
 */
final class FlagsView implements View {
  static final String OPEN = "Record communication\u2026";
  private final MutablePanelState state;
  private final Ui.Column column = new Ui.Column();
  private final JScrollPane scroll;
  private final CommunicationForm form;
  private final JButton open;
  private final JButton cancel;
  private final WrapLabel pendingLine = Ui.text("", Ui.font(), null);
  private final JPanel box = new JPanel(new BorderLayout(0, 4));
  private boolean formOpen;
  private Object shown;

  FlagsView(MutablePanelState state, Clock clock) {
    this.state = state;
    scroll = Ui.verticalScroll(column);
    form =
        new CommunicationForm(
            state,
            state.actionableCommunication(),
            clock,
            "Actionable finding",
            null,
            "Document who was told of the actionable findings, when and how (sign-off is not held)",
            state::recordActionableCommunication);
    open = Ui.button(OPEN, "Open the who / when / how fields", e -> setFormOpen(true));
    open.getAccessibleContext()
        .setAccessibleName("Record communication of the actionable findings");
    cancel =
        Ui.button("Cancel", "Close the fields; what was typed is kept", e -> setFormOpen(false));
    form.addBeforeRecord(cancel);
    box.setOpaque(false);
    box.setBorder(Ui.card(Ui.AMBER, 1));
    box.getAccessibleContext().setAccessibleName("Communication of actionable findings");
  }

  private void setFormOpen(boolean value) {
    formOpen = value;
    shown = null; // rebuild: the box changes
    refresh(state);
    (value ? form.whoField() : open).requestFocusInWindow();
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
    List<Flag> actionable = s.review().actionableFlags();
    var communication = s.actionableCommunication();
    List<Flag> pending = communication.pending(actionable);
    if (pending.isEmpty()) {
      formOpen = false;
    }
    form.refresh(); // typed values and "Still needed" change without a rebuild
    Object signature =
        List.of(
            flags,
            s.review().aiShown(),
            s.governanceMessage(),
            actionable.stream().map(f -> communication.recorded(f).toString()).toList(),
            formOpen);
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
    if (!pending.isEmpty()) {
      column.add(Ui.row(communicationBox(pending)));
    }
    flags.stream()
        .sorted((a, b) -> b.severity().compareTo(a.severity()))
        .forEach(
            f ->
                column.add(
                    Ui.row(
                        card(
                            f,
                            f.type() == FlagType.ACTIONABLE_FINDING
                                ? communicationLine(communication.recorded(f))
                                : ""))));
    column.revalidate();
    column.repaint();
  }

  /** The one box for the actionable findings not communicated yet: a button, or the form. */
  private JComponent communicationBox(List<Flag> pending) {
    box.removeAll();
    pendingLine.setText(pendingText(pending));
    box.add(pendingLine, BorderLayout.NORTH);
    if (formOpen) {
      box.add(form, BorderLayout.CENTER);
    } else {
      JPanel line = new JPanel(new java.awt.FlowLayout(java.awt.FlowLayout.LEFT, 0, 0));
      line.setOpaque(false);
      line.add(open);
      box.add(line, BorderLayout.CENTER);
    }
    return box;
  }

  /**
   * "2 actionable findings to communicate: renal mass; BI-RADS 5 / One record covers them all;
   * sign-off is not held."
   */
  static String pendingText(List<Flag> pending) {
    String what = pending.stream().map(Flag::message).reduce((a, b) -> a + "; " + b).orElse("");
    return (pending.size() == 1
            ? "1 actionable finding to communicate"
            : pending.size() + " actionable findings to communicate")
        + ": "
        + what
        + "\nOne record covers "
        + (pending.size() == 1 ? "it" : "them all")
        + "; sign-off is not held.";
  }

  /** What an actionable finding's card says of its communication. */
  static String communicationLine(Optional<MutableCriticalCommunication.Recorded> recorded) {
    return recorded
        .map(MutableCriticalCommunication.Recorded::line)
        .map(l -> l + ".")
        .orElse("Communication not recorded yet.");
  }

  private static JComponent card(Flag f, String status) {
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
    WrapLabel body = Ui.text(status.isEmpty() ? text(f) : text(f) + "\n" + status);
    card.add(body, BorderLayout.CENTER);
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
