package org.radassist.panel.internal.swing;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import javax.swing.JButton;
import javax.swing.JPanel;
import javax.swing.JTextField;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import org.radassist.panel.internal.model.MutableCriticalCommunication;
import org.radassist.panel.internal.model.MutablePanelState;

/**
 * The who / when / how fields of a nonroutine communication, with "Now" and "Record communication".
 * One form for both kinds: the critical banner's (critical results) and the Flags tab's (actionable
 * findings); each binds it to its own holder in the state and its own record action.
 */
final class CommunicationForm extends JPanel {
  private static final long serialVersionUID = 1L;
  static final String RECORD = "Record communication";

  private final transient MutableCriticalCommunication holder;
  private final JTextField who = new JTextField();
  private final JTextField when = new JTextField();
  private final JTextField how = new JTextField();
  private final JButton now;
  private final JButton record;
  private final WrapLabel missing;
  private final Color labels;
  private final JPanel south = new JPanel(new BorderLayout(Ui.GAP, 0));
  private boolean updating;

  /**
   * @param subject what is documented, for the accessible names ("" for the critical banner, whose
   *     fields keep their names "Communicated to (who)" ...; "Actionable finding" gives "Actionable
   *     finding: communicated to (who)")
   * @param labels the colour of the field names and the "Still needed" line
   * @param recordTip the record button's tooltip
   * @param recordAction what the record button does (the state's record method)
   */
  CommunicationForm(
      MutablePanelState state,
      MutableCriticalCommunication holder,
      Clock clock,
      String subject,
      Color labels,
      String recordTip,
      Runnable recordAction) {
    super(new GridBagLayout());
    this.holder = holder;
    this.labels = labels;
    missing = Ui.text("", Ui.small(), labels);
    setOpaque(false);
    who.getAccessibleContext().setAccessibleName(name(subject, "ommunicated to (who)"));
    when.getAccessibleContext().setAccessibleName(name(subject, "ommunicated at (when)"));
    how.getAccessibleContext().setAccessibleName(name(subject, "ommunicated by (how)"));
    who.setToolTipText("Name and role of the person told, e.g. Dr. Lee (ordering physician)");
    when.setToolTipText("Date and time they were told");
    how.setToolTipText("Phone, in person, secure message ...");
    bind(state, who, holder::setWho);
    bind(state, when, holder::setWhen);
    bind(state, how, holder::setHow);
    now =
        Ui.button(
            "Now",
            "Fill in the current date and time",
            e ->
                when.setText(
                    LocalDateTime.now(clock)
                        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))));
    record = Ui.button(RECORD, recordTip, e -> recordAction.run());
    // Enter in any field records, once all three are filled (keyboard users need no mouse)
    for (JTextField f : List.of(who, when, how)) {
      f.addActionListener(
          e -> {
            if (holder.missingFields().isEmpty()) {
              recordAction.run();
            }
          });
    }
    addRow(0, "Who", who, null);
    addRow(1, "When", when, now);
    addRow(2, "How", how, null);
    GridBagConstraints c = new GridBagConstraints();
    c.gridx = 0;
    c.gridy = 3;
    c.gridwidth = 3;
    c.weightx = 1;
    c.fill = GridBagConstraints.HORIZONTAL;
    c.insets = new Insets(4, 0, 0, 0);
    south.setOpaque(false);
    south.add(missing, BorderLayout.CENTER);
    south.add(record, BorderLayout.EAST);
    add(south, c);
  }

  private static String name(String subject, String rest) {
    return subject.isEmpty() ? "C" + rest : subject + ": c" + rest;
  }

  private void addRow(int y, String name, JTextField field, JButton extra) {
    GridBagConstraints c = new GridBagConstraints();
    c.gridx = 0;
    c.gridy = y;
    c.anchor = GridBagConstraints.WEST;
    c.insets = new Insets(2, 0, 2, Ui.GAP);
    javax.swing.JLabel label = Ui.label(name, Ui.bold(), labels);
    label.setLabelFor(field);
    add(label, c);
    c.gridx = 1;
    c.weightx = 1;
    c.fill = GridBagConstraints.HORIZONTAL;
    c.gridwidth = extra == null ? 2 : 1;
    c.insets = new Insets(2, 0, 2, 0);
    add(field, c);
    if (extra != null) {
      c.gridx = 2;
      c.weightx = 0;
      c.gridwidth = 1;
      c.fill = GridBagConstraints.NONE;
      c.insets = new Insets(2, 4, 2, 0);
      add(extra, c);
    }
  }

  private void bind(MutablePanelState state, JTextField field, Consumer<String> setter) {
    field
        .getDocument()
        .addDocumentListener(
            new DocumentListener() {
              @Override
              public void insertUpdate(DocumentEvent e) {
                push();
              }

              @Override
              public void removeUpdate(DocumentEvent e) {
                push();
              }

              @Override
              public void changedUpdate(DocumentEvent e) {
                push();
              }

              private void push() {
                if (!updating) {
                  setter.accept(field.getText());
                  state.changed();
                }
              }
            });
  }

  /** Shows the holder's values (a new study cleared them) and what is still needed. */
  void refresh() {
    updating = true;
    try {
      sync(who, holder.who());
      sync(when, holder.when());
      sync(how, holder.how());
    } finally {
      updating = false;
    }
    List<String> miss = holder.missingFields();
    missing.setText(
        miss.isEmpty() ? "Ready to record." : "Still needed: " + String.join(", ", miss));
    record.setEnabled(miss.isEmpty());
  }

  private static void sync(JTextField f, String value) {
    if (!f.getText().equals(value)) {
      f.setText(value);
    }
  }

  /** Puts another control (e.g. "Cancel") left of the record button. */
  void addBeforeRecord(JButton button) {
    JPanel buttons = new JPanel(new java.awt.FlowLayout(java.awt.FlowLayout.RIGHT, 4, 0));
    buttons.setOpaque(false);
    south.remove(record);
    buttons.add(button);
    buttons.add(record);
    south.add(buttons, BorderLayout.EAST);
  }

  JButton recordButton() {
    return record;
  }

  JTextField whoField() {
    return who;
  }

  JTextField whenField() {
    return when;
  }

  JTextField howField() {
    return how;
  }
}
