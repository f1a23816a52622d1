package org.radassist.panel.internal.swing;

import java.awt.Color;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Insets;
import java.awt.Rectangle;
import java.awt.event.ActionListener;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextArea;
import javax.swing.Scrollable;
import javax.swing.SwingConstants;
import javax.swing.UIManager;
import javax.swing.border.Border;
import org.radassist.panel.internal.model.MutableDraftReview;

/**
 * Colours, fonts and small factories shared by the views. Colours derive from the look and feel
 * (FlatLaf in Weasis, light or dark) so the panel looks at home; only the critical red and the "not
 * final" amber are fixed, because they must mean the same thing everywhere.
 */
final class Ui {
  private Ui() {}

  /** Critical result: the one colour nobody misses. */
  static final Color CRITICAL = new Color(0xC6, 0x28, 0x28);

  static final Color ON_CRITICAL = Color.WHITE;

  /** AI text that is not final yet. */
  static final Color AMBER = new Color(0xE0, 0x9A, 0x10);

  static final Color ACCEPTED = new Color(0x2E, 0x7D, 0x32);

  static final int GAP = 6;

  static Color background() {
    Color c = UIManager.getColor("Panel.background");
    return c == null ? new Color(0xF2, 0xF2, 0xF2) : c;
  }

  static Color foreground() {
    Color c = UIManager.getColor("Label.foreground");
    return c == null ? Color.BLACK : c;
  }

  static Color muted() {
    Color c = UIManager.getColor("Label.disabledForeground");
    return c == null ? Color.GRAY : c;
  }

  static boolean dark() {
    Color b = background();
    return (b.getRed() * 299 + b.getGreen() * 587 + b.getBlue() * 114) / 1000 < 128;
  }

  /**
   * The tinted background of AI text that is not final: the theme's background leaning to amber.
   */
  static Color aiTint() {
    return blend(background(), AMBER, dark() ? 0.22 : 0.18);
  }

  /** Amber readable on the theme's background (darker on light themes). */
  static Color amberText() {
    return dark() ? new Color(0xF2, 0xB8, 0x4B) : new Color(0x8A, 0x5A, 0x00);
  }

  static Color accentedBorder() {
    Color c = UIManager.getColor("Component.focusColor");
    return c == null ? new Color(0x38, 0x8E, 0xDB) : c;
  }

  static Color cardBorder() {
    Color c = UIManager.getColor("Component.borderColor");
    return c == null ? muted() : c;
  }

  static Color blend(Color a, Color b, double t) {
    return new Color(
        (int) Math.round(a.getRed() * (1 - t) + b.getRed() * t),
        (int) Math.round(a.getGreen() * (1 - t) + b.getGreen() * t),
        (int) Math.round(a.getBlue() * (1 - t) + b.getBlue() * t));
  }

  static Font font() {
    Font f = UIManager.getFont("Label.font");
    return f == null ? new Font(Font.SANS_SERIF, Font.PLAIN, 13) : f;
  }

  static Font bold() {
    return font().deriveFont(Font.BOLD);
  }

  static Font small() {
    return font().deriveFont(font().getSize2D() - 1f);
  }

  /**
   * A one-line label that never interprets its text as HTML: SR and AI text is untrusted, and Swing
   * renders any text starting with "&lt;html&gt;" (remote images included).
   */
  static JLabel label(String text) {
    JLabel l = new JLabel(text);
    l.putClientProperty("html.disable", Boolean.TRUE);
    return l;
  }

  static JLabel label(String text, Font font, Color color) {
    JLabel l = label(text);
    l.setFont(font);
    if (color != null) {
      l.setForeground(color);
    }
    return l;
  }

  /** Plain text that wraps at word boundaries: for anything that may be longer than a line. */
  /**
   * The line a list of draft items shows while empty: before any draft, while one streams, or when
   * the draft proposed none ({@code noneProposed}).
   */
  static JComponent emptyList(MutableDraftReview.Phase phase, String noneProposed) {
    String line =
        switch (phase) {
          case IDLE -> "None yet: draft the report first.";
          case STREAMING -> "Waiting for the draft\u2026";
          default -> noneProposed;
        };
    return row(text(line, font(), muted()));
  }

  static WrapLabel text(String text) {
    WrapLabel a = new WrapLabel(text);
    a.setFont(font());
    a.setForeground(foreground());
    return a;
  }

  static WrapLabel text(String text, Font font, Color color) {
    WrapLabel a = text(text);
    a.setFont(font);
    if (color != null) {
      a.setForeground(color);
    }
    return a;
  }

  /** A wrapping text area (for text the radiologist may select or edit). */
  static JTextArea textArea(String text) {
    JTextArea a = new JTextArea(text);
    a.setLineWrap(true);
    a.setWrapStyleWord(true);
    a.setEditable(false);
    a.setOpaque(false);
    a.setBorder(BorderFactory.createEmptyBorder());
    a.setFont(font());
    a.setForeground(foreground());
    a.setMargin(new Insets(0, 0, 0, 0));
    return a;
  }

  /** A small coloured tag, e.g. "AI draft — not final" or "Low confidence". */
  static JLabel chip(String text, Color fill, Color fg) {
    JLabel l = label(text, small().deriveFont(Font.BOLD), fg);
    l.setOpaque(true);
    l.setBackground(fill);
    l.setBorder(BorderFactory.createEmptyBorder(1, 6, 1, 6));
    l.setHorizontalAlignment(SwingConstants.CENTER);
    return l;
  }

  static JButton button(String text, String tooltip, ActionListener action) {
    JButton b = new JButton(text);
    b.putClientProperty("html.disable", Boolean.TRUE);
    b.setToolTipText(tooltip);
    b.addActionListener(action);
    b.setMargin(new Insets(2, 8, 2, 8));
    return b;
  }

  static Border card(Color edge, int thickness) {
    return BorderFactory.createCompoundBorder(
        BorderFactory.createCompoundBorder(
            BorderFactory.createEmptyBorder(0, 0, GAP, 0),
            BorderFactory.createMatteBorder(thickness, thickness, thickness, thickness, edge)),
        BorderFactory.createEmptyBorder(GAP, GAP + 2, GAP, GAP));
  }

  /**
   * Wraps a component for a {@link Column}: full width, left-aligned, never taller than it needs
   * (so a short list stays at the top instead of stretching).
   */
  static Block row(JComponent c) {
    Block b = new Block();
    b.add(c, java.awt.BorderLayout.CENTER);
    return b;
  }

  /** A full-width panel of its preferred height, for stacking in a {@link Column}. */
  static class Block extends JPanel {
    private static final long serialVersionUID = 1L;

    Block() {
      super(new java.awt.BorderLayout());
      setOpaque(false);
      setAlignmentX(Component.LEFT_ALIGNMENT);
    }

    @Override
    public Dimension getMaximumSize() {
      return new Dimension(Integer.MAX_VALUE, getPreferredSize().height);
    }
  }

  /** A vertical panel that follows the width of the scroll pane it sits in, so text wraps. */
  static final class Column extends JPanel implements Scrollable {
    private static final long serialVersionUID = 1L;

    Column() {
      setLayout(new javax.swing.BoxLayout(this, javax.swing.BoxLayout.Y_AXIS));
      setBorder(BorderFactory.createEmptyBorder(GAP, GAP, GAP, GAP));
    }

    @Override
    public Dimension getPreferredScrollableViewportSize() {
      return getPreferredSize();
    }

    @Override
    public int getScrollableUnitIncrement(Rectangle visibleRect, int orientation, int direction) {
      return 16;
    }

    @Override
    public int getScrollableBlockIncrement(Rectangle visibleRect, int orientation, int direction) {
      return Math.max(16, visibleRect.height - 32);
    }

    @Override
    public boolean getScrollableTracksViewportWidth() {
      return true;
    }

    @Override
    public boolean getScrollableTracksViewportHeight() {
      return false;
    }
  }

  /**
   * Completes a card of an AI item that takes a decision (a structured field, a suggestion): the
   * "why" text with the quoted evidence under the body, accept / reject buttons, and selection on
   * click.
   */
  static void finishDecisionCard(
      JPanel card,
      JPanel body,
      String reason,
      java.util.List<org.radassist.model.Evidence> evidence,
      org.radassist.panel.internal.model.MutablePanelState state,
      org.radassist.panel.internal.model.ItemKey key,
      boolean decidable,
      String acceptTip,
      String rejectTip) {
    StringBuilder why = new StringBuilder("Why: ").append(reason);
    for (org.radassist.model.Evidence e : evidence) {
      if (!e.quote().isBlank()) {
        why.append("\n\u201c")
            .append(e.quote())
            .append("\u201d (")
            .append(e.section() == null ? "report" : e.section().title())
            .append(')');
      }
    }
    body.add(text(why.toString(), small(), muted()), java.awt.BorderLayout.CENTER);
    card.add(body, java.awt.BorderLayout.CENTER);
    JPanel buttons = new JPanel(new java.awt.FlowLayout(java.awt.FlowLayout.LEFT, 4, 0));
    buttons.setOpaque(false);
    JButton accept =
        button(
            "Accept",
            acceptTip,
            e -> {
              if (state.review().accept(key)) {
                state.changed();
              }
            });
    JButton reject =
        button(
            "Reject",
            rejectTip,
            e -> {
              if (state.review().reject(key)) {
                state.changed();
              }
            });
    accept.setEnabled(decidable);
    reject.setEnabled(decidable);
    buttons.add(accept);
    buttons.add(reject);
    card.add(buttons, java.awt.BorderLayout.SOUTH);
    card.addMouseListener(
        new java.awt.event.MouseAdapter() {
          @Override
          public void mousePressed(java.awt.event.MouseEvent e) {
            state.review().select(key);
            state.changed();
          }
        });
  }

  /**
   * In shadow rollout (or while governance has not decided), replaces a tab's AI content with what
   * governance says; true when it did, and the view shows nothing else.
   */
  static boolean hiddenByRollout(
      org.radassist.panel.internal.model.MutablePanelState s, Column column) {
    if (s.review().aiShown()) {
      return false;
    }
    column.removeAll();
    String message = s.governanceMessage();
    column.add(
        row(
            text(
                message.isEmpty()
                    ? org.radassist.panel.internal.model.MutablePanelState.SHADOW_MESSAGE
                    : message,
                font(),
                muted())));
    column.revalidate();
    column.repaint();
    return true;
  }

  /** A borderless scroll pane for a tab's column: vertical scrolling only, at a readable step. */
  static javax.swing.JScrollPane verticalScroll(JComponent content) {
    javax.swing.JScrollPane scroll =
        new javax.swing.JScrollPane(
            content,
            javax.swing.ScrollPaneConstants.VERTICAL_SCROLLBAR_AS_NEEDED,
            javax.swing.ScrollPaneConstants.HORIZONTAL_SCROLLBAR_NEVER);
    scroll.setBorder(javax.swing.BorderFactory.createEmptyBorder());
    scroll.getVerticalScrollBar().setUnitIncrement(16);
    return scroll;
  }
}
