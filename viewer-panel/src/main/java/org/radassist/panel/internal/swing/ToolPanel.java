package org.radassist.panel.internal.swing;

import java.awt.BorderLayout;
import java.awt.EventQueue;
import java.awt.KeyboardFocusManager;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.JComponent;
import javax.swing.JPanel;
import javax.swing.JTabbedPane;
import javax.swing.JTextArea;
import javax.swing.KeyStroke;
import javax.swing.text.JTextComponent;
import org.radassist.panel.internal.PanelController;
import org.radassist.panel.internal.model.MutableDraftReview;
import org.radassist.panel.internal.model.MutablePanelState;

/**
 * The whole tool: the critical banner on top of every tab, the tabs (all in sight, in rows that
 * stay where they are: Swing's default moves the selected tab's row next to the content, so the tab
 * under the pointer changed on a click), and the notice line at the bottom, where it comes and goes
 * without moving any control. It re-renders at most once per event-queue turn however many state
 * changes arrive (a streaming draft sends many).
 */
public final class ToolPanel extends JPanel {
  private static final long serialVersionUID = 1L;

  private final MutablePanelState state;
  private final CriticalBanner banner;
  private final WrapLabel notice = Ui.text("", Ui.font(), null);
  private final JPanel noticeBar = new JPanel(new BorderLayout());
  private final JTabbedPane tabs = new JTabbedPane(JTabbedPane.TOP, JTabbedPane.WRAP_TAB_LAYOUT);
  static final List<String> TITLES =
      List.of(
          "Findings",
          "Draft",
          "Impressions",
          "Fields",
          "Codes",
          "Flags",
          "Priors",
          "SR",
          "Metrics");
  private final List<LazyView> views;
  private final DraftView draftView;
  private final Runnable listener = this::scheduleRefresh;
  private boolean refreshPending;

  public ToolPanel(MutablePanelState state, PanelController controller, Clock clock) {
    super(new BorderLayout());
    this.state = state;
    setName("radassist.tool");
    banner = new CriticalBanner(state, clock);
    draftView =
        new DraftView(
            state, controller::requestDraft, controller::approveDraft, controller::pendingSections);
    List<Supplier<View>> factories =
        List.of(
            () -> new FindingsView(controller::openImage),
            () -> draftView,
            () -> new SuggestionsView(state),
            () -> new FieldsView(state),
            () -> new CodesView(state, controller::approveCode),
            () -> new FlagsView(state, clock),
            PriorsView::new,
            SrView::new,
            () -> new MetricsView(controller::refreshMetrics));
    views = new ArrayList<>();
    for (int i = 0; i < factories.size(); i++) {
      views.add(new LazyView(TITLES.get(i), factories.get(i)));
      tabs.addTab(TITLES.get(i), views.get(i).component());
    }
    // FlatLaf (Weasis' and the workstation's look and feel) keeps the rows in place when told so;
    // other looks and feels ignore the property
    tabs.putClientProperty("FlatLaf.style", "rotateTabRuns: false");
    tabs.addChangeListener(
        e -> {
          int i = tabs.getSelectedIndex();
          if (i >= 0) {
            views.get(i).refresh(state);
            if ("Metrics".equals(TITLES.get(i))) {
              // decisions taken since the study opened count: read the trail again (off the EDT)
              controller.refreshMetrics();
            }
          }
        });
    noticeBar.setOpaque(true);
    noticeBar.setBorder(BorderFactory.createEmptyBorder(4, Ui.GAP + 2, 4, Ui.GAP));
    noticeBar.add(notice, BorderLayout.CENTER);
    add(banner, BorderLayout.NORTH);
    add(tabs, BorderLayout.CENTER);
    add(noticeBar, BorderLayout.SOUTH);
    bindKeys();
    state.addChangeListener(listener);
    refresh();
  }

  /** Stops listening to the state (the host removed the tool). */
  public void detach() {
    state.removeChangeListener(listener);
  }

  public JTabbedPane tabs() {
    return tabs;
  }

  /** Selects the tab with this title prefix (e.g. "Draft"); false when there is none. */
  public boolean selectTab(String title) {
    for (int i = 0; i < views.size(); i++) {
      if (views.get(i).title().equals(title)) {
        tabs.setSelectedIndex(i);
        return true;
      }
    }
    return false;
  }

  public List<String> tabNames() {
    return TITLES;
  }

  /**
   * A tab whose view is built the first time it is shown, so that creating the tool (on the event
   * thread, by the host) stays short; its title follows the state from the start.
   */
  private static final class LazyView {
    private final String title;
    private final Supplier<View> factory;
    private final JPanel holder = new JPanel(new BorderLayout());
    private View view;

    LazyView(String title, Supplier<View> factory) {
      this.title = title;
      this.factory = factory;
      holder.setOpaque(false);
    }

    String title() {
      return title;
    }

    JComponent component() {
      return holder;
    }

    String tabTitle(MutablePanelState state) {
      return view != null ? view.tabTitle(state) : TabTitles.of(title, state);
    }

    void refresh(MutablePanelState state) {
      if (view == null) {
        view = factory.get();
        holder.add(view.component(), BorderLayout.CENTER);
      }
      view.refresh(state);
    }
  }

  /** The component the critical banner is (for the host's and the tests' eyes). */
  public JComponent criticalBanner() {
    return banner;
  }

  public JTextArea dictationArea() {
    return draftView.dictationArea();
  }

  private void scheduleRefresh() {
    if (refreshPending) {
      return;
    }
    refreshPending = true;
    EventQueue.invokeLater(this::refresh);
  }

  /** Renders the state now (call on the event thread). */
  public void refresh() {
    refreshPending = false;
    banner.refresh(state);
    MutableDraftReview r = state.review();
    String text = state.notice();
    boolean draftProblem =
        r.phase() == MutableDraftReview.Phase.UNAVAILABLE
            || r.phase() == MutableDraftReview.Phase.FAILED;
    if (draftProblem) {
      text = text.isEmpty() ? r.message() : r.message() + "\n" + text;
    }
    // a refused approval must not look like a routine notice
    draftProblem = draftProblem || state.notice().startsWith("Refused:");
    notice.setText(text);
    noticeBar.setVisible(!text.isEmpty());
    noticeBar.setBackground(draftProblem ? Ui.aiTint() : Ui.background());
    notice.setForeground(draftProblem ? Ui.amberText() : Ui.foreground());
    // only the tab on screen is rendered; the others catch up when selected
    int selected = tabs.getSelectedIndex();
    if (selected >= 0) {
      views.get(selected).refresh(state);
    }
    for (int i = 0; i < views.size(); i++) {
      LazyView v = views.get(i);
      String title = v.tabTitle(state);
      if (!title.equals(tabs.getTitleAt(i))) {
        tabs.setTitleAt(i, title);
      }
    }
    revalidate();
    repaint();
  }

  private void bindKeys() {
    bind(
        KeyStroke.getKeyStroke(KeyEvent.VK_A, InputEvent.ALT_DOWN_MASK),
        "radassist.accept",
        () -> act(state.review().acceptSelected()));
    bind(
        KeyStroke.getKeyStroke(KeyEvent.VK_R, InputEvent.ALT_DOWN_MASK),
        "radassist.reject",
        () -> act(state.review().rejectSelected()));
    bind(
        KeyStroke.getKeyStroke(KeyEvent.VK_E, InputEvent.ALT_DOWN_MASK),
        "radassist.edit",
        draftView::editSelected);
    bind(
        KeyStroke.getKeyStroke(KeyEvent.VK_N, InputEvent.ALT_DOWN_MASK),
        "radassist.next",
        () -> {
          state.review().selectNextPending();
          state.changed();
        });
    bind(
        KeyStroke.getKeyStroke(KeyEvent.VK_Z, InputEvent.CTRL_DOWN_MASK),
        "radassist.undo",
        () -> {
          // inside a text being typed, Ctrl+Z belongs to the text, not to the review
          if (KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner()
                  instanceof JTextComponent t
              && t.isEditable()) {
            return;
          }
          act(state.review().undo());
        });
  }

  private void act(boolean changed) {
    if (changed) {
      state.changed();
    }
  }

  private void bind(KeyStroke key, String name, Runnable action) {
    getInputMap(WHEN_ANCESTOR_OF_FOCUSED_COMPONENT).put(key, name);
    getActionMap()
        .put(
            name,
            new AbstractAction(name) {
              private static final long serialVersionUID = 1L;

              @Override
              public void actionPerformed(ActionEvent e) {
                action.run();
              }
            });
  }
}
