package org.radassist.workstation.internal.host;

import java.awt.Component;
import java.awt.Container;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.swing.AbstractButton;
import javax.swing.JTabbedPane;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;

/**
 * Drives a panel the way a radiologist does, through what is on screen (tab titles, button texts,
 * the dictation box), with JDK types only: it works on a panel built by any bundle and from a test
 * running outside the framework. Every action runs on the event thread; waits poll from the
 * caller's thread.
 */
public final class PanelDriver {
  private final Component root;

  public PanelDriver(Component root) {
    this.root = root;
  }

  /** Selects the first tab whose title starts with {@code prefix}; false when there is none. */
  public boolean selectTab(String prefix) throws Exception {
    return onEdt(
        () -> {
          for (JTabbedPane tabs : all(root, JTabbedPane.class, t -> true)) {
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

  /** The title of the first tab starting with {@code prefix}, e.g. "Findings (1)". */
  public Optional<String> tabTitle(String prefix) throws Exception {
    return onEdt(
        () -> {
          for (JTabbedPane tabs : all(root, JTabbedPane.class, t -> true)) {
            for (int i = 0; i < tabs.getTabCount(); i++) {
              if (tabs.getTitleAt(i).startsWith(prefix)) {
                return Optional.of(tabs.getTitleAt(i));
              }
            }
          }
          return Optional.<String>empty();
        });
  }

  /**
   * The draft as the radiologist reviewed it in this panel (the panel's {@link
   * org.radassist.panel.RadAssistTool#REVIEWED_DRAFT}), empty when the panel has none.
   */
  @SuppressWarnings("unchecked")
  public Optional<org.radassist.model.DraftReport> reviewedDraft() throws Exception {
    return onEdt(
        () -> {
          for (javax.swing.JComponent c :
              all(
                  root,
                  javax.swing.JComponent.class,
                  j ->
                      j.getClientProperty(org.radassist.panel.RadAssistTool.REVIEWED_DRAFT)
                          != null)) {
            Object p = c.getClientProperty(org.radassist.panel.RadAssistTool.REVIEWED_DRAFT);
            if (p instanceof java.util.function.Supplier<?> s) {
              return ((java.util.function.Supplier<Optional<org.radassist.model.DraftReport>>) s)
                  .get();
            }
          }
          return Optional.<org.radassist.model.DraftReport>empty();
        });
  }

  /** Types the text into the first editable text area (the dictation box). */
  public boolean dictate(String text) throws Exception {
    return onEdt(
        () -> {
          List<JTextArea> areas = all(root, JTextArea.class, JTextArea::isEditable);
          if (areas.isEmpty()) {
            return false;
          }
          areas.get(0).setText(text);
          return true;
        });
  }

  /** Clicks the first enabled button with exactly this text; false when there is none. */
  public boolean click(String text) throws Exception {
    return onEdt(
        () -> {
          List<AbstractButton> buttons = enabledButtons(text);
          if (buttons.isEmpty()) {
            return false;
          }
          buttons.get(0).doClick();
          return true;
        });
  }

  public int countEnabled(String text) throws Exception {
    return onEdt(() -> enabledButtons(text).size());
  }

  /** True when some visible text (a label, a button, a text area) contains {@code text}. */
  public boolean shows(String text) throws Exception {
    return onEdt(
        () ->
            !all(
                    root,
                    Component.class,
                    c ->
                        (c instanceof javax.swing.JLabel l
                                && l.getText() != null
                                && l.getText().contains(text))
                            || (c instanceof javax.swing.text.JTextComponent t
                                && t.getText() != null
                                && t.getText().contains(text))
                            || (c instanceof javax.swing.JProgressBar p
                                && p.getString() != null
                                && p.getString().contains(text))
                            || accessibleLabel(c).contains(text))
                .isEmpty());
  }

  /** The name of a component that says it is a label (custom text components, e.g. wrapping). */
  private static String accessibleLabel(Component c) {
    javax.accessibility.AccessibleContext a = c.getAccessibleContext();
    if (a == null
        || c instanceof javax.swing.JLabel
        || a.getAccessibleRole() != javax.accessibility.AccessibleRole.LABEL
        || a.getAccessibleName() == null) {
      return "";
    }
    return a.getAccessibleName();
  }

  /** Polls {@code condition} until it holds or the timeout passes. */
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

  private List<AbstractButton> enabledButtons(String text) {
    return all(
        root,
        AbstractButton.class,
        b -> b.isEnabled() && visibleUpTo(b, root) && text.equals(b.getText()));
  }

  /** Visible on the selected tab: the component and every parent up to the root are visible. */
  private static boolean visibleUpTo(Component c, Component root) {
    for (Component at = c; at != null && at != root; at = at.getParent()) {
      if (!at.isVisible()) {
        return false;
      }
    }
    return true;
  }

  static <T extends Component> List<T> all(Component from, Class<T> type, Predicate<T> test) {
    List<T> found = new ArrayList<>();
    List<Component> todo = new ArrayList<>(List.of(from));
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
