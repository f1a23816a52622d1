package org.radassist.panel.testing;

import java.awt.Component;
import java.awt.Container;
import java.awt.EventQueue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javax.swing.AbstractButton;
import javax.swing.JLabel;
import javax.swing.JTabbedPane;
import javax.swing.JTextArea;
import javax.swing.UIManager;

/** Helpers for driving and inspecting Swing components with no display. */
public final class Headless {
  private Headless() {}

  public interface EdtWork {
    void run() throws Exception;
  }

  public static void onEdt(EdtWork work) throws Exception {
    onEdt(
        () -> {
          work.run();
          return null;
        });
  }

  public static <T> T onEdt(Callable<T> work) throws Exception {
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Exception> failure = new AtomicReference<>();
    EventQueue.invokeAndWait(
        () -> {
          try {
            result.set(work.call());
          } catch (Exception e) {
            failure.set(e);
          }
        });
    if (failure.get() != null) {
      throw failure.get();
    }
    return result.get();
  }

  /** Polls the condition on the event thread until it holds (fails after the timeout). */
  public static void awaitOnEdt(BooleanSupplier condition, long timeoutMillis) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (!onEdt(condition::getAsBoolean)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + timeoutMillis + " ms");
      }
      Thread.sleep(10);
    }
    onEdt(() -> {}); // let coalesced refreshes run
  }

  /** FlatLaf, as Weasis uses it (dark is Weasis' default theme). */
  public static void lookAndFeel(boolean dark) throws Exception {
    onEdt(
        () -> {
          if (dark) {
            com.formdev.flatlaf.FlatDarkLaf.setup();
          } else {
            com.formdev.flatlaf.FlatLightLaf.setup();
          }
          UIManager.put("TabbedPane.showTabSeparators", Boolean.TRUE);
        });
  }

  public static Path pngDir() throws Exception {
    Path dir = Path.of(System.getProperty("radassist.png.dir", "target/panel-png"));
    Files.createDirectories(dir);
    return dir;
  }

  /** True when the component and every ancestor up to root are visible. */
  public static boolean visibleWithin(Component c, Component root) {
    for (Component at = c; at != null; at = at.getParent()) {
      if (!at.isVisible()) {
        return false;
      }
      if (at == root) {
        return true;
      }
    }
    return true;
  }

  /**
   * Every visible text that does not fit its component: a label or button narrower than its text, a
   * wrapping text area shorter than its lines, a tree row running past the tree's visible width, a
   * tab outside its tab strip.
   */
  public static List<String> clippedTexts(Component root) {
    List<String> out = new ArrayList<>();
    collect(root, root, out);
    return out;
  }

  private static void collect(Component c, Component root, List<String> out) {
    if (!visibleWithin(c, root)) {
      return;
    }
    if (c instanceof JLabel l && l.getText() != null && !l.getText().isEmpty()) {
      if (l.getWidth() + 1 < l.getPreferredSize().width) {
        out.add(
            "label \""
                + l.getText()
                + "\" is "
                + l.getWidth()
                + " px wide, needs "
                + l.getPreferredSize().width);
      }
    } else if (c instanceof AbstractButton b && b.getText() != null && !b.getText().isEmpty()) {
      if (b.getWidth() + 1 < b.getPreferredSize().width) {
        out.add(
            "button \""
                + b.getText()
                + "\" is "
                + b.getWidth()
                + " px wide, needs "
                + b.getPreferredSize().width);
      }
    } else if (c instanceof JTextArea a && a.getLineWrap() && !a.getText().isEmpty()) {
      if (a.getHeight() + 1 < a.getPreferredSize().height) {
        out.add(
            "text \""
                + abbreviate(a.getText())
                + "\" is "
                + a.getHeight()
                + " px high, needs "
                + a.getPreferredSize().height);
      }
    } else if (c instanceof org.radassist.panel.internal.swing.WrapLabel w
        && !w.getText().isEmpty()) {
      if (w.getHeight() + 1 < w.getPreferredSize().height) {
        out.add(
            "text \""
                + abbreviate(w.getText())
                + "\" is "
                + w.getHeight()
                + " px high, needs "
                + w.getPreferredSize().height);
      }
    } else if (c instanceof javax.swing.JTree tree && tree.getWidth() > 0) {
      // a row whose rendered text runs past the tree's visible width is cut at the edge
      java.awt.Rectangle visible = tree.getVisibleRect();
      for (int row = 0; row < tree.getRowCount(); row++) {
        java.awt.Rectangle bounds = tree.getRowBounds(row);
        javax.swing.tree.TreePath path = tree.getPathForRow(row);
        if (bounds == null || path == null) {
          continue;
        }
        Component r =
            tree.getCellRenderer()
                .getTreeCellRendererComponent(
                    tree,
                    path.getLastPathComponent(),
                    false,
                    tree.isExpanded(row),
                    tree.getModel().isLeaf(path.getLastPathComponent()),
                    row,
                    false);
        int right = bounds.x + r.getPreferredSize().width;
        if (right > visible.x + visible.width + 1) {
          out.add(
              "tree row \""
                  + abbreviate(String.valueOf(path.getLastPathComponent()))
                  + "\" ends at "
                  + right
                  + " px, the tree shows "
                  + (visible.x + visible.width));
        }
      }
    } else if (c instanceof JTabbedPane t) {
      for (int i = 0; i < t.getTabCount(); i++) {
        var r = t.getBoundsAt(i);
        if (r == null || r.x < 0 || r.x + r.width > t.getWidth()) {
          out.add("tab \"" + t.getTitleAt(i) + "\" is outside the tab strip");
        }
      }
    }
    if (c instanceof Container container) {
      for (Component child : container.getComponents()) {
        collect(child, root, out);
      }
    }
  }

  /** All visible labels' texts under root, for "is it shown" checks. */
  public static List<String> visibleLabelTexts(Component root) {
    List<String> out = new ArrayList<>();
    labels(root, root, out);
    return out;
  }

  private static void labels(Component c, Component root, List<String> out) {
    if (!visibleWithin(c, root)) {
      return;
    }
    if (c instanceof JLabel l && l.getText() != null) {
      out.add(l.getText());
    }
    if (c instanceof Container container) {
      for (Component child : container.getComponents()) {
        labels(child, root, out);
      }
    }
  }

  /** The visible text component (wrapping label or text area) showing exactly this text. */
  public static javax.swing.JComponent text(Component root, String text) {
    for (javax.swing.JComponent c : find(root, javax.swing.JComponent.class)) {
      if ((c instanceof JTextArea a && a.getText().equals(text))
          || (c instanceof org.radassist.panel.internal.swing.WrapLabel w
              && w.getText().equals(text))) {
        return c;
      }
    }
    throw new AssertionError("no visible text showing: " + text);
  }

  /** The texts of every visible wrapping label and text area under root. */
  public static List<String> texts(Component root) {
    List<String> out = new ArrayList<>();
    for (javax.swing.JComponent c : find(root, javax.swing.JComponent.class)) {
      if (c instanceof JTextArea a) {
        out.add(a.getText());
      } else if (c instanceof org.radassist.panel.internal.swing.WrapLabel w) {
        out.add(w.getText());
      }
    }
    return out;
  }

  /** Visible components of a type under root, in tree order. */
  public static <T extends Component> List<T> find(Component root, Class<T> type) {
    List<T> out = new ArrayList<>();
    find(root, root, type, out);
    return out;
  }

  private static <T extends Component> void find(
      Component c, Component root, Class<T> type, List<T> out) {
    if (!visibleWithin(c, root)) {
      return;
    }
    if (type.isInstance(c)) {
      out.add(type.cast(c));
    }
    if (c instanceof Container container) {
      for (Component child : container.getComponents()) {
        find(child, root, type, out);
      }
    }
  }

  private static String abbreviate(String s) {
    String one = s.replace('\n', ' ');
    return one.length() > 50 ? one.substring(0, 50) + "\u2026" : one;
  }
}
