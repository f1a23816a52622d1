package org.radassist.panel.internal.swing;

import java.awt.Dimension;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Insets;
import java.awt.RenderingHints;
import java.awt.Toolkit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.accessibility.AccessibleContext;
import javax.accessibility.AccessibleRole;
import javax.swing.JComponent;

/**
 * Read-only text that wraps at word boundaries: a label for anything longer than a line. Much
 * lighter than a non-editable JTextArea (no document, caret or text UI), which keeps rebuilding a
 * list of cards well under a frame's time. Never interprets HTML.
 *
 * <p>Like a wrapping JTextArea, its preferred height follows its current width: containers lay it
 * out twice when the width changes.
 */
public final class WrapLabel extends JComponent {
  private static final long serialVersionUID = 1L;
  private String text;
  private transient List<String> lines;
  private int linesWidth = -1;

  public WrapLabel(String text) {
    this.text = text == null ? "" : text;
    setOpaque(false);
  }

  public String getText() {
    return text;
  }

  public void setText(String value) {
    String v = value == null ? "" : value;
    if (!v.equals(text)) {
      text = v;
      lines = null;
      revalidate();
      repaint();
    }
  }

  @Override
  public void setFont(java.awt.Font font) {
    lines = null;
    super.setFont(font);
  }

  @Override
  public void setBounds(int x, int y, int width, int height) {
    int old = getWidth();
    super.setBounds(x, y, width, height);
    if (old != width && isShowing() && getPreferredSize().height != height) {
      revalidate(); // the wrap changed with the width: ask for the height it needs now
    }
  }

  private List<String> lines(int width) {
    if (lines == null || linesWidth != width) {
      lines = wrap(text, getFontMetrics(getFont()), width);
      linesWidth = width;
    }
    return lines;
  }

  /** Greedy word wrap; a word wider than the line is broken between characters. */
  static List<String> wrap(String text, FontMetrics fm, int width) {
    List<String> out = new ArrayList<>();
    for (String paragraph : text.split("\n", -1)) {
      if (width <= 0) {
        out.add(paragraph);
        continue;
      }
      StringBuilder line = new StringBuilder();
      for (String word : paragraph.split(" ", -1)) {
        String candidate = line.length() == 0 ? word : line + " " + word;
        if (fm.stringWidth(candidate) <= width) {
          line.setLength(0);
          line.append(candidate);
          continue;
        }
        if (line.length() > 0) {
          out.add(line.toString());
          line.setLength(0);
        }
        String rest = word;
        while (fm.stringWidth(rest) > width && rest.length() > 1) {
          int n = rest.length() - 1;
          while (n > 1 && fm.stringWidth(rest.substring(0, n)) > width) {
            n--;
          }
          out.add(rest.substring(0, n));
          rest = rest.substring(n);
        }
        line.append(rest);
      }
      out.add(line.toString());
    }
    return out;
  }

  private int naturalWidth(FontMetrics fm) {
    int w = 0;
    for (String p : text.split("\n", -1)) {
      w = Math.max(w, fm.stringWidth(p));
    }
    return w;
  }

  @Override
  public Dimension getPreferredSize() {
    if (isPreferredSizeSet()) {
      return super.getPreferredSize();
    }
    Insets in = getInsets();
    FontMetrics fm = getFontMetrics(getFont());
    int inner = getWidth() > 0 ? getWidth() - in.left - in.right : Math.min(naturalWidth(fm), 360);
    int height = lines(Math.max(1, inner)).size() * fm.getHeight();
    int width = getWidth() > 0 ? getWidth() : inner + in.left + in.right;
    return new Dimension(width, height + in.top + in.bottom);
  }

  @Override
  public Dimension getMinimumSize() {
    if (isMinimumSizeSet()) {
      return super.getMinimumSize();
    }
    return new Dimension(16, getPreferredSize().height);
  }

  @Override
  public Dimension getMaximumSize() {
    return new Dimension(Integer.MAX_VALUE, getPreferredSize().height);
  }

  @Override
  protected void paintComponent(Graphics g) {
    Graphics2D g2 = (Graphics2D) g.create();
    try {
      if (isOpaque()) {
        g2.setColor(getBackground());
        g2.fillRect(0, 0, getWidth(), getHeight());
      }
      Object hints = Toolkit.getDefaultToolkit().getDesktopProperty("awt.font.desktophints");
      if (hints instanceof Map<?, ?> map) {
        g2.addRenderingHints(map);
      } else {
        g2.setRenderingHint(
            RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      }
      g2.setFont(getFont());
      g2.setColor(getForeground());
      Insets in = getInsets();
      FontMetrics fm = g2.getFontMetrics();
      int y = in.top + fm.getAscent();
      for (String line : lines(Math.max(1, getWidth() - in.left - in.right))) {
        g2.drawString(line, in.left, y);
        y += fm.getHeight();
      }
    } finally {
      g2.dispose();
    }
  }

  @Override
  public AccessibleContext getAccessibleContext() {
    if (accessibleContext == null) {
      accessibleContext =
          new AccessibleJComponent() {
            private static final long serialVersionUID = 1L;

            @Override
            public String getAccessibleName() {
              return text;
            }

            @Override
            public AccessibleRole getAccessibleRole() {
              return AccessibleRole.LABEL;
            }
          };
    }
    return accessibleContext;
  }
}
