package org.radassist.panel.internal.swing;

import java.awt.BorderLayout;
import java.awt.Color;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.JComponent;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import org.radassist.model.FieldStatus;
import org.radassist.model.ReviewState;
import org.radassist.model.StructuredField;
import org.radassist.panel.internal.model.ItemKey;
import org.radassist.panel.internal.model.MutableDraftReview;
import org.radassist.panel.internal.model.MutablePanelState;

/**
 * Structured fields (Lung-RADS, BI-RADS, ...) with the words they rest on; where the model and the
 * deterministic rules disagree, an amber box says so above them.
 */
final class FieldsView implements View {
  static final String AUTO_POPULATED_LINE = "Auto-populated \u2014 not final until accepted";
  private final MutablePanelState state;
  private final Ui.Column column = new Ui.Column();
  private final JScrollPane scroll;
  private Object shown;

  FieldsView(MutablePanelState state) {
    this.state = state;
    scroll = Ui.verticalScroll(column);
  }

  @Override
  public String title() {
    return "Fields";
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
            r.fields(),
            r.disagreements(),
            r.selected().map(Object::toString).orElse(""),
            r.phase(),
            r.aiShown(),
            r.autoPopulatedFields(),
            s.governanceMessage());
    if (Objects.equals(signature, shown)) {
      return;
    }
    shown = signature;
    if (Ui.hiddenByRollout(s, column)) {
      return;
    }
    column.removeAll();
    column.add(Ui.row(Ui.label("Structured fields", Ui.bold(), null)));
    column.add(Box.createVerticalStrut(4));
    List<String> disagreements = r.disagreements();
    if (!disagreements.isEmpty()) {
      JPanel box = new JPanel(new BorderLayout(0, 2));
      box.setOpaque(true);
      box.setBackground(Ui.aiTint());
      box.setBorder(Ui.card(Ui.AMBER, 2));
      box.add(Ui.label("Model and rules disagree", Ui.bold(), Ui.amberText()), BorderLayout.NORTH);
      box.add(Ui.text("\u2022 " + String.join("\n\u2022 ", disagreements)), BorderLayout.CENTER);
      column.add(Ui.row(box));
    }
    if (r.fields().isEmpty()) {
      column.add(Ui.emptyList(r.phase(), "No structured field proposed."));
    }
    for (StructuredField f : r.fields()) {
      column.add(Ui.row(card(f, r)));
    }
    column.revalidate();
    column.repaint();
  }

  private JComponent card(StructuredField f, MutableDraftReview r) {
    ItemKey key = ItemKey.field(f);
    boolean selected = r.selected().map(key::equals).orElse(false);
    JPanel card = new JPanel(new BorderLayout(0, 4));
    card.setOpaque(false);
    card.setBorder(Ui.card(selected ? Ui.accentedBorder() : Ui.cardBorder(), selected ? 2 : 1));
    JPanel head = new JPanel(new BorderLayout(Ui.GAP, 0));
    head.setOpaque(false);
    String system = f.system().label() + (f.version().isEmpty() ? "" : " v" + f.version());
    head.add(Ui.text(system + " \u00b7 " + f.field(), Ui.bold(), null), BorderLayout.CENTER);
    head.add(
        switch (f.state()) {
          case PENDING -> Ui.chip("AI \u2014 not final", Ui.AMBER, Color.BLACK);
          case ACCEPTED, EDITED -> Ui.chip("Accepted", Ui.ACCEPTED, Color.WHITE);
          case REJECTED -> Ui.chip("Rejected", Ui.muted(), Color.WHITE);
        },
        BorderLayout.EAST);
    card.add(head, BorderLayout.NORTH);
    StringBuilder b = new StringBuilder();
    b.append(f.value().isEmpty() ? "(no value)" : f.value())
        .append(String.format(Locale.ROOT, "   \u00b7 %.0f%% confidence", f.confidence() * 100));
    if (f.status() == FieldStatus.INCOMPLETE) {
      b.append("\nIncomplete \u2014 needs: ").append(String.join(", ", f.missing()));
    }
    var value =
        Ui.text(
            b.toString(),
            Ui.font()
                .deriveFont(
                    f.state() == ReviewState.PENDING ? java.awt.Font.ITALIC : java.awt.Font.PLAIN),
            null);
    if (f.state() == ReviewState.PENDING) {
      value.setOpaque(true);
      value.setBackground(Ui.aiTint());
      value.setBorder(BorderFactory.createEmptyBorder(3, 4, 3, 4));
    }
    JPanel body = new JPanel(new BorderLayout(0, 2));
    body.setOpaque(false);
    if (r.isAutoPopulated(key) && f.state() == ReviewState.PENDING) {
      // integrated rollout: governance filled it in; it stays pending until accepted
      JPanel filled = new JPanel(new BorderLayout(0, 2));
      filled.setOpaque(false);
      filled.add(value, BorderLayout.CENTER);
      filled.add(
          Ui.text(AUTO_POPULATED_LINE, Ui.small().deriveFont(java.awt.Font.BOLD), Ui.amberText()),
          BorderLayout.SOUTH);
      body.add(filled, BorderLayout.NORTH);
    } else {
      body.add(value, BorderLayout.NORTH);
    }
    Ui.finishDecisionCard(
        card,
        body,
        f.reason(),
        f.evidence(),
        state,
        key,
        r.canDecide(key),
        "Accept this value (Alt+A)",
        "Reject this value (Alt+R)");
    return card;
  }
}
