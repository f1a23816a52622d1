package org.radassist.examples.swinghost;

import java.awt.Component;
import java.awt.Container;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.accessibility.AccessibleContext;
import javax.accessibility.AccessibleRole;
import javax.swing.AbstractButton;
import javax.swing.JLabel;
import javax.swing.JProgressBar;
import javax.swing.JTabbedPane;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import javax.swing.text.JTextComponent;

/**
 * Works the RadAssist tool the way a radiologist does — tab titles, button texts, the dictation box
 * — with JDK types only, for an automated check of a port (headless: no window needed). Every
 * action runs on the event thread; the waits poll from the caller's thread, never the EDT.
 */
public final class PanelRobot {
  private final Component root;

  public PanelRobot(Component root) {
    this.root = root;
  }

  /** The title of the first tab starting with {@code prefix} (e.g. "Findings (1)"), or "". */
  public String tabTitle(String prefix) throws Exception {
    return onEdt(
        () -> {
          for (JTabbedPane tabs : all(JTabbedPane.class, t -> true)) {
            for (int i = 0; i < tabs.getTabCount(); i++) {
              if (tabs.getTitleAt(i).startsWith(prefix)) {
                return tabs.getTitleAt(i);
              }
            }
          }
          return "";
        });
  }

  /** Selects the first tab whose title starts with {@code prefix}. */
  public boolean selectTab(String prefix) throws Exception {
    return onEdt(
        () -> {
          for (JTabbedPane tabs : all(JTabbedPane.class, t -> true)) {
            for (int i = 0; i < tabs.getTabCount(); i++) {
              if (tabs.getTitleAt(i).startsWith(prefix)) {
                tabs.setSelectedIndex(i);
                return true;
              }
            }
          }
          return false;
        });
  }

  /** Types into the dictation box (the first editable text area). */
  public boolean dictate(String text) throws Exception {
    return onEdt(
        () -> {
          List<JTextArea> areas = all(JTextArea.class, JTextArea::isEditable);
          if (areas.isEmpty()) {
            return false;
          }
          areas.get(0).setText(text);
          return true;
        });
  }

  /** Clicks the first enabled, visible button with exactly this text. */
  public boolean click(String text) throws Exception {
    return onEdt(
        () -> {
          List<AbstractButton> buttons = buttons(text);
          if (buttons.isEmpty()) {
            return false;
          }
          buttons.get(0).doClick();
          return true;
        });
  }

  public int countEnabled(String text) throws Exception {
    return onEdt(() -> buttons(text).size());
  }

  /** True when some label, text component or labelled component shows {@code text}. */
  public boolean shows(String text) throws Exception {
    return onEdt(() -> !all(Component.class, c -> textOf(c).contains(text)).isEmpty());
  }

  /** Polls until the condition holds or the timeout passes; returns whether it held. */
  public static boolean await(Callable<Boolean> condition, long timeout, TimeUnit unit)
      throws Exception {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    while (System.nanoTime() < deadline) {
      if (condition.call()) {
        return true;
      }
      Thread.sleep(50);
    }
    return condition.call();
  }

  private static String textOf(Component c) {
    if (c instanceof JLabel l) {
      return l.getText() == null ? "" : l.getText();
    }
    if (c instanceof JTextComponent t) {
      return t.getText() == null ? "" : t.getText();
    }
    if (c instanceof JProgressBar p) {
      return p.getString() == null ? "" : p.getString(); // e.g. "Draft complete · 4 sections"
    }
    AccessibleContext a = c.getAccessibleContext();
    if (a != null
        && a.getAccessibleRole() == AccessibleRole.LABEL
        && a.getAccessibleName() != null) {
      return a.getAccessibleName();
    }
    return "";
  }

  private List<AbstractButton> buttons(String text) {
    return all(AbstractButton.class, b -> b.isEnabled() && visible(b) && text.equals(b.getText()));
  }

  private boolean visible(Component c) {
    for (Component at = c; at != null && at != root; at = at.getParent()) {
      if (!at.isVisible()) {
        return false;
      }
    }
    return true;
  }

  private <T extends Component> List<T> all(Class<T> type, Predicate<T> test) {
    List<T> found = new ArrayList<>();
    List<Component> todo = new ArrayList<>(List.of(root));
    while (!todo.isEmpty()) {
      Component c = todo.remove(todo.size() - 1);
      if (type.isInstance(c) && test.test(type.cast(c))) {
        found.add(type.cast(c));
      }
      if (c instanceof Container container) {
        Component[] children = container.getComponents();
        for (int i = children.length - 1; i >= 0; i--) {
          todo.add(children[i]);
        }
      }
    }
    return found;
  }

  static <T> T onEdt(Callable<T> work) throws Exception {
    if (SwingUtilities.isEventDispatchThread()) {
      return work.call();
    }
    CompletableFuture<T> result = new CompletableFuture<>();
    SwingUtilities.invokeLater(
        () -> {
          try {
            result.complete(work.call());
          } catch (Exception | Error e) {
            result.completeExceptionally(e);
          }
        });
    return result.get(30, TimeUnit.SECONDS);
  }
}
