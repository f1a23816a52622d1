package org.radassist.panel.internal.swing;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.FlowLayout;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import org.radassist.model.CodeSuggestion;
import org.radassist.model.Evidence;
import org.radassist.model.ReviewState;
import org.radassist.panel.internal.model.ItemKey;
import org.radassist.panel.internal.model.MutableDraftReview;
import org.radassist.panel.internal.model.MutablePanelState;

/**
 * Suggested codes (RadLex, ICD-10-CM, CPT) from the draft, most confident first, with their
 * confidence and reason; approve / reject each. Approval goes through the approval gate where
 * governance runs (the controller's {@code approveCode}).
 */
final class CodesView implements View {
  static final String NOT_FINAL = "AI code \u2014 not final";
  private final MutablePanelState state;
  private final Consumer<ItemKey> approve;
  private final Ui.Column column = new Ui.Column();
  private final JScrollPane scroll;
  private Object shown;

  CodesView(MutablePanelState state, Consumer<ItemKey> approve) {
    this.state = state;
    this.approve = approve;
    scroll = Ui.verticalScroll(column);
  }

  @Override
  public String title() {
    return "Codes";
  }

  @Override
  public JComponent component() {
    return scroll;
  }

  @Override
  public void refresh(MutablePanelState s) {
    MutableDraftReview r = s.review();
    Object signature = List.of(r.codes(), r.phase(), r.aiShown(), s.governanceMessage());
    if (Objects.equals(signature, shown)) {
      return;
    }
    shown = signature;
    if (Ui.hiddenByRollout(s, column)) {
      return;
    }
    column.removeAll();
    column.add(Ui.row(Ui.label("Suggested codes", Ui.bold(), null)));
    column.add(
        Ui.row(
            Ui.text(
                "RadLex, ICD-10-CM and CPT codes proposed from the draft; each needs approval.",
                Ui.small(),
                Ui.muted())));
    column.add(Box.createVerticalStrut(4));
    if (r.codes().isEmpty()) {
      column.add(Ui.emptyList(r.phase(), "No code suggested."));
    }
    for (CodeSuggestion c : r.codes()) {
      column.add(Ui.row(card(c, r)));
    }
    column.revalidate();
    column.repaint();
  }

  private JComponent card(CodeSuggestion c, MutableDraftReview r) {
    ItemKey key = ItemKey.code(c);
    JPanel card = new JPanel(new BorderLayout(0, 4));
    card.setOpaque(false);
    card.setBorder(Ui.card(Ui.cardBorder(), 1));
    JPanel head = new JPanel(new BorderLayout(Ui.GAP, 0));
    head.setOpaque(false);
    head.add(Ui.text(c.system() + " \u00b7 " + c.code(), Ui.bold(), null), BorderLayout.CENTER);
    head.add(
        switch (c.state()) {
          case PENDING -> Ui.chip(NOT_FINAL, Ui.AMBER, Color.BLACK);
          case ACCEPTED, EDITED -> Ui.chip("Approved", Ui.ACCEPTED, Color.WHITE);
          case REJECTED -> Ui.chip("Rejected", Ui.muted(), Color.WHITE);
        },
        BorderLayout.EAST);
    card.add(head, BorderLayout.NORTH);
    String line =
        (c.display().isEmpty() ? "(no display name)" : c.display())
            + String.format(Locale.ROOT, "   \u00b7 %.0f%% confidence", c.confidence() * 100);
    boolean pending = c.state() == ReviewState.PENDING;
    var value =
        Ui.text(
            line, Ui.font().deriveFont(pending ? java.awt.Font.ITALIC : java.awt.Font.PLAIN), null);
    if (pending) {
      value.setOpaque(true);
      value.setBackground(Ui.aiTint());
      value.setBorder(BorderFactory.createEmptyBorder(3, 4, 3, 4));
    }
    StringBuilder why = new StringBuilder("Why: ").append(c.reason());
    for (Evidence e : c.evidence()) {
      if (!e.quote().isBlank()) {
        why.append("\n\u201c")
            .append(e.quote())
            .append("\u201d (")
            .append(e.section() == null ? "report" : e.section().title())
            .append(')');
      }
    }
    JPanel body = new JPanel(new BorderLayout(0, 2));
    body.setOpaque(false);
    body.add(value, BorderLayout.NORTH);
    body.add(Ui.text(why.toString(), Ui.small(), Ui.muted()), BorderLayout.CENTER);
    card.add(body, BorderLayout.CENTER);
    JButton approveButton =
        Ui.button("Approve", "Approve this code for the report", e -> approve.accept(key));
    JButton reject =
        Ui.button(
            "Reject",
            "Leave this code out",
            e -> {
              if (state.review().reject(key)) {
                state.changed();
              }
            });
    boolean decidable = r.canDecide(key);
    approveButton.setEnabled(decidable);
    reject.setEnabled(decidable);
    JPanel buttons = new JPanel(new FlowLayout(FlowLayout.LEFT, 4, 0));
    buttons.setOpaque(false);
    buttons.add(approveButton);
    buttons.add(reject);
    card.add(buttons, BorderLayout.SOUTH);
    return card;
  }
}
