package org.radassist.panel.internal.swing;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import org.radassist.model.Suggestion;
import org.radassist.panel.internal.model.ItemKey;
import org.radassist.panel.internal.model.MutableDraftReview;
import org.radassist.panel.internal.model.MutablePanelState;

/**
 * Impressions and differentials, ranked by confidence, each with its reason and evidence. Accepting
 * one inserts it into the draft's Impression section.
 */
final class SuggestionsView implements View {
  static final String NOT_FINAL = "AI suggestion \u2014 not final";
  private final MutablePanelState state;
  private final Ui.Column column = new Ui.Column();
  private final JScrollPane scroll;
  private Object shown;

  SuggestionsView(MutablePanelState state) {
    this.state = state;
    scroll = Ui.verticalScroll(column);
  }

  @Override
  public String title() {
    return "Impressions";
  }

  @Override
  public JComponent component() {
    return scroll;
  }

  @Override
  public void refresh(MutablePanelState s) {
    MutableDraftReview r = s.review();
    Object signature =
        List.of(
            r.impressions(),
            r.differentials(),
            r.selected().map(Object::toString).orElse(""),
            r.phase(),
            r.aiShown(),
            s.governanceMessage());
    if (Objects.equals(signature, shown)) {
      return;
    }
    shown = signature;
    if (Ui.hiddenByRollout(s, column)) {
      return;
    }
    column.removeAll();
    group(
        "Impressions",
        "Accept inserts it into the Impression section.",
        r.impressions(),
        ItemKey::impression,
        r);
    column.add(Box.createVerticalStrut(Ui.GAP * 2));
    group(
        "Differentials",
        "Accept adds it to the Impression section.",
        r.differentials(),
        ItemKey::differential,
        r);
    column.revalidate();
    column.repaint();
  }

  private void group(
      String title,
      String hint,
      List<Suggestion> items,
      Function<String, ItemKey> key,
      MutableDraftReview r) {
    column.add(Ui.row(Ui.label(title + " (ranked)", Ui.bold(), null)));
    column.add(Ui.row(Ui.text(hint, Ui.small(), Ui.muted())));
    column.add(Box.createVerticalStrut(4));
    if (items.isEmpty()) {
      column.add(Ui.emptyList(r.phase(), "None proposed."));
      return;
    }
    int rank = 1;
    for (Suggestion s : items) {
      column.add(Ui.row(card(rank++, s, key.apply(s.id()), r)));
    }
  }

  private JComponent card(int rank, Suggestion s, ItemKey key, MutableDraftReview r) {
    boolean selected = r.selected().map(key::equals).orElse(false);
    JPanel card = new JPanel(new BorderLayout(0, 4));
    card.setOpaque(false);
    card.setBorder(Ui.card(selected ? Ui.accentedBorder() : Ui.cardBorder(), selected ? 2 : 1));
    JPanel head = new JPanel(new BorderLayout(Ui.GAP, 0));
    head.setOpaque(false);
    head.add(
        Ui.label(
            "#" + rank + "  \u00b7  " + String.format(Locale.ROOT, "%.0f%%", s.confidence() * 100),
            Ui.bold(),
            null),
        BorderLayout.WEST);
    head.add(stateTag(s), BorderLayout.EAST);
    card.add(head, BorderLayout.NORTH);
    JPanel body = new JPanel(new BorderLayout(0, 2));
    body.setOpaque(false);
    WrapLabel text = Ui.text(s.text());
    if (s.state() == org.radassist.model.ReviewState.PENDING) {
      text.setFont(Ui.font().deriveFont(Font.ITALIC));
      text.setOpaque(true);
      text.setBackground(Ui.aiTint());
      text.setBorder(BorderFactory.createEmptyBorder(3, 4, 3, 4));
    } else if (s.state() == org.radassist.model.ReviewState.REJECTED) {
      text.setForeground(Ui.muted());
    }
    body.add(text, BorderLayout.NORTH);
    Ui.finishDecisionCard(
        card,
        body,
        s.reason(),
        s.evidence(),
        state,
        key,
        r.canDecide(key),
        "Insert into the Impression section (Alt+A)",
        "Dismiss this suggestion (Alt+R)");
    return card;
  }

  static JLabel stateTag(Suggestion s) {
    return switch (s.state()) {
      case PENDING -> Ui.chip(NOT_FINAL, Ui.AMBER, Color.BLACK);
      case ACCEPTED, EDITED -> Ui.chip("Accepted \u00b7 in Impression", Ui.ACCEPTED, Color.WHITE);
      case REJECTED -> Ui.chip("Rejected", Ui.muted(), Color.WHITE);
    };
  }
}
