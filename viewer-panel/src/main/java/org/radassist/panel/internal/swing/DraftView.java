package org.radassist.panel.internal.swing;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.FlowLayout;
import java.awt.Font;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.ScrollPaneConstants;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import org.radassist.model.ReviewState;
import org.radassist.model.Section;
import org.radassist.model.SectionKind;
import org.radassist.panel.internal.model.ItemKey;
import org.radassist.panel.internal.model.MutableDraftReview;
import org.radassist.panel.internal.model.MutablePanelState;

/**
 * Dictation in, draft out: the radiologist's dictation box, the "Draft report" button with the
 * streaming progress, then one card per section as it arrives. AI text that is not final is italic
 * on an amber tint under the tag "AI draft — not final"; accepted and edited text is plain.
 */
final class DraftView implements View {
  static final String NOT_FINAL = "AI draft \u2014 not final";
  static final String SHORTCUTS =
      "Alt+A accept \u00b7 Alt+R reject \u00b7 Alt+E edit \u00b7 Alt+N next \u00b7 Ctrl+Z undo";

  private final MutablePanelState state;
  private final Runnable requestDraft;
  private final Ui.Column column = new Ui.Column();
  private final JScrollPane scroll;
  private final JTextArea dictation = new JTextArea(4, 20);
  private final JButton draftButton;
  private final JProgressBar progress = new JProgressBar(0, 1);
  private final WrapLabel message;
  private final JButton undoButton;
  private final JPanel sectionsPanel = new JPanel();
  private final WrapLabel hookLine =
      Ui.text(
          "Dictation goes through the speech hook; dictation from other sources shows here.",
          Ui.small(),
          Ui.muted());
  private final JPanel heardPanel = new JPanel();
  private final WrapLabel statusLine = Ui.text("", Ui.small(), Ui.muted());
  private final WrapLabel governanceLine = Ui.text("", Ui.font(), Ui.amberText());
  private final WrapLabel unfaithful = Ui.text("", Ui.bold(), Ui.amberText());
  private final JButton approveButton;
  private final JPanel footer = new JPanel(new BorderLayout(0, 4));
  private final JPanel confirmPanel = new JPanel(new BorderLayout(0, 4));
  private final WrapLabel confirmText = Ui.text("", Ui.font(), Ui.amberText());
  private final JButton confirmApprove;
  private final JPanel root = new JPanel(new BorderLayout());
  private final java.util.function.Supplier<List<SectionKind>> pendingSections;
  private boolean confirming;
  private final JPanel autoPanel = new JPanel(new BorderLayout(0, 2));
  private final WrapLabel autoList = Ui.text("", Ui.font(), null);
  private List<Object> heardShown = List.of();
  private final Map<SectionKind, SectionCard> cards = new EnumMap<>(SectionKind.class);
  private List<SectionKind> shownKinds = List.of();
  private boolean updatingDictation;

  /**
   * @param approveDraft approves the accepted and edited sections
   * @param pendingSections the sections still AI drafts, which approving would leave out
   */
  DraftView(
      MutablePanelState state,
      Runnable requestDraft,
      Runnable approveDraft,
      java.util.function.Supplier<List<SectionKind>> pendingSections) {
    this.state = state;
    this.requestDraft = requestDraft;
    this.pendingSections = pendingSections;
    approveButton =
        Ui.button(
            "Approve draft",
            "Approve the accepted and edited sections (radiologists only; recorded in the audit"
                + " trail)",
            e -> askToApprove(approveDraft));
    confirmApprove =
        Ui.button(
            "Approve accepted only",
            "Approve the accepted and edited sections; the others are left out of the report",
            e -> {
              confirming = false;
              approveDraft.run();
              state.changed();
            });
    JButton cancelApprove =
        Ui.button(
            "Cancel",
            "Go back to the sections",
            e -> {
              confirming = false;
              state.changed();
            });
    confirmPanel.setOpaque(true);
    confirmPanel.setBackground(Ui.aiTint());
    confirmPanel.setBorder(Ui.card(Ui.AMBER, 1));
    confirmPanel.add(confirmText, BorderLayout.CENTER);
    JPanel confirmButtons = new JPanel(new FlowLayout(FlowLayout.LEFT, 4, 0));
    confirmButtons.setOpaque(false);
    confirmButtons.add(confirmApprove);
    confirmButtons.add(cancelApprove);
    confirmPanel.add(confirmButtons, BorderLayout.SOUTH);
    dictation.setLineWrap(true);
    dictation.setWrapStyleWord(true);
    dictation.setFont(Ui.font());
    dictation.getAccessibleContext().setAccessibleName("Dictation");
    dictation
        .getDocument()
        .addDocumentListener(
            new DocumentListener() {
              @Override
              public void insertUpdate(DocumentEvent e) {
                changed();
              }

              @Override
              public void removeUpdate(DocumentEvent e) {
                changed();
              }

              @Override
              public void changedUpdate(DocumentEvent e) {
                changed();
              }

              private void changed() {
                if (!updatingDictation) {
                  state.setDictation(dictation.getText());
                }
              }
            });
    JScrollPane dictationScroll = new JScrollPane(dictation);
    dictationScroll.setHorizontalScrollBarPolicy(ScrollPaneConstants.HORIZONTAL_SCROLLBAR_NEVER);

    draftButton =
        Ui.button(
            "Draft report", "Send the dictation to the drafting service", e -> requestDraft.run());
    undoButton =
        Ui.button(
            "Undo",
            "Take back the last decision (Ctrl+Z)",
            e -> {
              if (state.review().undo()) {
                state.changed();
              }
            });
    progress.setStringPainted(true);
    message = Ui.text("", Ui.font(), Ui.amberText());

    column.add(Ui.row(Ui.label("Dictation", Ui.bold(), null)));
    column.add(Box.createVerticalStrut(2));
    column.add(Ui.row(dictationScroll));
    column.add(Ui.row(hookLine));
    heardPanel.setOpaque(false);
    heardPanel.setLayout(new javax.swing.BoxLayout(heardPanel, javax.swing.BoxLayout.Y_AXIS));
    column.add(Ui.row(heardPanel));
    column.add(Ui.row(statusLine));
    column.add(Box.createVerticalStrut(Ui.GAP));
    JPanel controls = new JPanel(new BorderLayout(Ui.GAP, 0));
    controls.setOpaque(false);
    controls.add(draftButton, BorderLayout.WEST);
    controls.add(progress, BorderLayout.CENTER);
    controls.add(undoButton, BorderLayout.EAST);
    column.add(Ui.row(controls));
    progress.setToolTipText(SHORTCUTS); // each button names its own key too
    column.add(Box.createVerticalStrut(Ui.GAP));
    column.add(Ui.row(message));
    unfaithful.setOpaque(true);
    unfaithful.setBackground(Ui.aiTint());
    unfaithful.setBorder(Ui.card(Ui.AMBER, 1));
    column.add(Ui.row(unfaithful));
    column.add(Ui.row(governanceLine));
    autoPanel.setOpaque(true);
    autoPanel.setBackground(Ui.aiTint());
    autoPanel.setBorder(Ui.card(Ui.AMBER, 1));
    autoPanel.add(
        Ui.text(
            "Auto-populated fields \u2014 not final until accepted (Fields tab)",
            Ui.bold(),
            Ui.amberText()),
        BorderLayout.NORTH);
    autoPanel.add(autoList, BorderLayout.CENTER);
    column.add(Ui.row(autoPanel));
    column.add(Box.createVerticalStrut(Ui.GAP));
    sectionsPanel.setOpaque(false);
    sectionsPanel.setLayout(new javax.swing.BoxLayout(sectionsPanel, javax.swing.BoxLayout.Y_AXIS));
    column.add(Ui.row(sectionsPanel));

    scroll = Ui.verticalScroll(column);
    // approving stays in reach below the sections, however long the draft
    JPanel approveRow = new JPanel(new FlowLayout(FlowLayout.LEFT, 0, 0));
    approveRow.setOpaque(false);
    approveRow.add(approveButton);
    footer.setOpaque(false);
    footer.setBorder(BorderFactory.createEmptyBorder(4, Ui.GAP, Ui.GAP, Ui.GAP));
    footer.add(confirmPanel, BorderLayout.CENTER);
    footer.add(approveRow, BorderLayout.SOUTH);
    root.setOpaque(false);
    root.add(scroll, BorderLayout.CENTER);
    root.add(footer, BorderLayout.SOUTH);
  }

  /**
   * Approves at once when every section is decided; otherwise says which sections are still AI
   * drafts and asks whether to approve the accepted ones only (no modal dialog: the viewer keeps
   * running).
   */
  private void askToApprove(Runnable approveDraft) {
    List<SectionKind> pending = pendingSections.get();
    if (pending.isEmpty()) {
      confirming = false;
      approveDraft.run();
    } else {
      confirming = true;
    }
    state.changed();
  }

  @Override
  public String title() {
    return "Draft";
  }

  @Override
  public JComponent component() {
    return root;
  }

  JTextArea dictationArea() {
    return dictation;
  }

  /** Starts editing the selected section (Alt+E). */
  void editSelected() {
    state
        .review()
        .selected()
        .filter(k -> k.target() == org.radassist.panel.Decision.Target.SECTION)
        .ifPresent(
            k -> {
              SectionCard card = cards.get(k.sectionKind());
              if (card != null && state.review().canEdit(k.sectionKind())) {
                card.beginEdit();
              }
            });
  }

  @Override
  public void refresh(MutablePanelState s) {
    MutableDraftReview r = s.review();
    // a draft that does not say what was dictated is never shown as a clean one
    long unfaithfulFlags = r.flags().stream().filter(f -> f.type().faithfulness()).count();
    if (!dictation.getText().equals(s.dictation())) {
      updatingDictation = true;
      try {
        dictation.setText(s.dictation());
      } finally {
        updatingDictation = false;
      }
    }
    boolean hasStudy = s.study().isPresent();
    draftButton.setEnabled(hasStudy && r.phase() != MutableDraftReview.Phase.STREAMING);
    draftButton.setText(
        switch (r.phase()) {
          case IDLE, UNAVAILABLE -> "Draft report";
          case STREAMING -> "Drafting\u2026";
          default -> "Draft again";
        });
    undoButton.setEnabled(r.canUndo());
    int expected = Math.max(1, r.expectedSectionCount());
    progress.setMaximum(expected);
    progress.setValue(r.completeSectionCount());
    progress.setIndeterminate(false);
    progress.setString(
        switch (r.phase()) {
          case IDLE -> hasStudy ? "No draft yet" : "No study open";
          case STREAMING -> r.completeSectionCount() + " of " + expected + " sections\u2026";
          case COMPLETE ->
              !r.aiShown()
                  ? "Draft made \u00b7 not shown"
                  : unfaithfulFlags > 0
                      ? "Draft complete \u00b7 see the warning"
                      : "Draft complete \u00b7 " + r.sections().size() + " sections";
          case FAILED -> "Draft stopped at " + r.completeSectionCount() + " of " + expected;
          case UNAVAILABLE -> "No draft";
        });
    message.setText(r.message());
    message.setVisible(!r.message().isEmpty());
    unfaithful.setText(
        unfaithfulFlags == 0
            ? ""
            : "This draft does not say what was dictated ("
                + unfaithfulFlags
                + (unfaithfulFlags == 1 ? " finding" : " findings")
                + " left out, altered or added: see Flags). Check every section against your"
                + " dictation before accepting.");
    unfaithful.setVisible(unfaithfulFlags > 0 && r.aiShown());
    renderDictation(s);
    renderGovernance(s, r);

    List<SectionKind> kinds = new ArrayList<>();
    for (Section sec : r.sections()) {
      kinds.add(sec.kind());
      cards.computeIfAbsent(sec.kind(), k -> new SectionCard(k)).update(sec, r);
    }
    cards.keySet().retainAll(kinds);
    if (!kinds.equals(shownKinds)) {
      shownKinds = List.copyOf(kinds);
      sectionsPanel.removeAll();
      for (SectionKind k : kinds) {
        sectionsPanel.add(cards.get(k));
      }
    }
    column.revalidate();
    column.repaint();
  }

  /** Dictation from other sources (partials replaced by finals) and the hook's session status. */
  private void renderDictation(MutablePanelState s) {
    hookLine.setVisible(s.speechHook());
    List<Object> heard = List.copyOf(s.dictationLines());
    if (!heard.equals(heardShown)) {
      heardShown = heard;
      heardPanel.removeAll();
      for (var line : s.dictationLines()) {
        heardPanel.add(
            Ui.text(
                line.display(),
                line.partial() ? Ui.font().deriveFont(Font.ITALIC) : Ui.font(),
                Ui.foreground()));
      }
    }
    heardPanel.setVisible(!heard.isEmpty());
    var status = s.dictationStatus();
    statusLine.setText(status.map(DictationStatusText::display).orElse(""));
    statusLine.setForeground(
        status.map(DictationStatusText::isProblem).orElse(false) ? Ui.amberText() : Ui.muted());
    statusLine.setVisible(status.isPresent());
  }

  /** Shadow hides the sections; integrated lists the auto-populated fields; approvals. */
  private void renderGovernance(MutablePanelState s, MutableDraftReview r) {
    governanceLine.setText(s.governanceMessage());
    governanceLine.setVisible(!s.governanceMessage().isEmpty());
    sectionsPanel.setVisible(r.aiShown());
    boolean approvable =
        s.governed() && r.aiShown() && r.phase() == MutableDraftReview.Phase.COMPLETE;
    List<SectionKind> pending = approvable ? pendingSections.get() : List.of();
    confirming = confirming && !pending.isEmpty();
    long decided = r.sections().stream().filter(x -> x.state().isFinal()).count();
    if (confirming) {
      confirmText.setText(
          pending.size()
              + " of "
              + r.sections().size()
              + " sections are still AI drafts, not final ("
              + String.join(", ", pending.stream().map(SectionKind::title).toList())
              + "). "
              + (decided == 0
                  ? "Accept or edit a section first: nothing would be approved."
                  : "Approve only the accepted and edited ones? The others are left out of the"
                      + " report."));
      confirmApprove.setEnabled(decided > 0);
    }
    confirmPanel.setVisible(confirming);
    approveButton.setVisible(approvable && !confirming);
    var auto =
        r.aiShown()
            ? r.autoPopulatedFields().stream()
                .filter(f -> f.state() == ReviewState.PENDING)
                .map(f -> "\u2022 " + f.system().label() + " " + f.field() + ": " + f.value())
                .toList()
            : List.<String>of();
    autoList.setText(String.join("\n", auto));
    autoPanel.setVisible(!auto.isEmpty());
  }

  /** One section: heading, status tag, text, and accept / edit / reject. */
  private final class SectionCard extends Ui.Block {
    private static final long serialVersionUID = 1L;
    private final SectionKind kind;
    private final JLabel tag = Ui.chip("", Ui.AMBER, Color.BLACK);
    private final JTextArea body = Ui.textArea("");
    private final JButton accept;
    private final JButton edit;
    private final JButton reject;
    private final JButton save;
    private final JButton cancel;
    private final JPanel inner = new JPanel(new BorderLayout(0, 4));
    private boolean editing;

    SectionCard(SectionKind kind) {
      this.kind = kind;
      ItemKey key = ItemKey.section(kind);
      accept =
          Ui.button(
              "Accept",
              "Accept this section as written (Alt+A)",
              e -> decide(() -> state.review().accept(key)));
      edit = Ui.button("Edit", "Edit this section (Alt+E)", e -> beginEdit());
      reject =
          Ui.button(
              "Reject",
              "Leave this section out of the report (Alt+R)",
              e -> decide(() -> state.review().reject(key)));
      save =
          Ui.button(
              "Save edit",
              "Keep your text (it becomes final)",
              e -> {
                editing = false;
                decide(() -> state.review().edit(kind, body.getText()));
              });
      cancel =
          Ui.button(
              "Cancel",
              "Discard your changes",
              e -> {
                editing = false;
                state.changed();
              });
      body.setBorder(BorderFactory.createEmptyBorder(4, 4, 4, 4));
      inner.setOpaque(false);
      JPanel head = new JPanel(new BorderLayout(Ui.GAP, 0));
      head.setOpaque(false);
      head.add(Ui.label(kind.title(), Ui.bold(), null), BorderLayout.WEST);
      head.add(tag, BorderLayout.EAST);
      inner.add(head, BorderLayout.NORTH);
      inner.add(body, BorderLayout.CENTER);
      JPanel buttons = new JPanel(new FlowLayout(FlowLayout.LEFT, 4, 0));
      buttons.setOpaque(false);
      buttons.add(accept);
      buttons.add(edit);
      buttons.add(reject);
      buttons.add(save);
      buttons.add(cancel);
      inner.add(buttons, BorderLayout.SOUTH);
      add(inner, BorderLayout.CENTER);
      java.awt.event.MouseAdapter select =
          new java.awt.event.MouseAdapter() {
            @Override
            public void mousePressed(java.awt.event.MouseEvent e) {
              state.review().select(key);
              state.changed();
            }
          };
      addMouseListener(select);
      body.addMouseListener(select);
    }

    private void decide(java.util.function.BooleanSupplier action) {
      if (action.getAsBoolean()) {
        state.changed();
      }
    }

    void beginEdit() {
      editing = true;
      state.review().select(ItemKey.section(kind));
      state.changed();
      body.requestFocusInWindow();
    }

    void update(Section sec, MutableDraftReview r) {
      boolean complete = r.isComplete(kind);
      boolean selected = r.selected().map(k -> k.equals(ItemKey.section(kind))).orElse(false);
      ReviewState st = sec.state();
      if (!editing && !body.getText().equals(sec.text())) {
        body.setText(sec.text());
      }
      body.setEditable(editing);
      body.setFocusable(editing);
      boolean aiPending = st == ReviewState.PENDING && !editing;
      body.setOpaque(aiPending || editing);
      body.setBackground(
          editing ? javax.swing.UIManager.getColor("TextArea.background") : Ui.aiTint());
      body.setFont(aiPending ? Ui.font().deriveFont(Font.ITALIC) : Ui.font());
      body.setForeground(st == ReviewState.REJECTED ? Ui.muted() : Ui.foreground());
      if (editing) {
        setTag("Editing", Ui.accentedBorder(), Color.WHITE);
      } else if (!complete) {
        setTag(NOT_FINAL + " \u00b7 streaming", Ui.AMBER, Color.BLACK);
      } else {
        switch (st) {
          case PENDING -> setTag(NOT_FINAL, Ui.AMBER, Color.BLACK);
          case ACCEPTED -> setTag("Accepted", Ui.ACCEPTED, Color.WHITE);
          case EDITED -> setTag("Edited \u00b7 final", Ui.ACCEPTED, Color.WHITE);
          case REJECTED -> setTag("Rejected", Ui.muted(), Color.WHITE);
        }
      }
      boolean decidable = r.canDecide(ItemKey.section(kind));
      accept.setVisible(!editing);
      reject.setVisible(!editing);
      edit.setVisible(!editing);
      save.setVisible(editing);
      cancel.setVisible(editing);
      accept.setEnabled(decidable);
      reject.setEnabled(decidable);
      edit.setEnabled(r.canEdit(kind));
      setBorder(Ui.card(selected ? Ui.accentedBorder() : Ui.cardBorder(), selected ? 2 : 1));
    }

    private void setTag(String text, Color fill, Color fg) {
      tag.setText(text);
      tag.setBackground(fill);
      tag.setForeground(fg);
    }
  }
}
