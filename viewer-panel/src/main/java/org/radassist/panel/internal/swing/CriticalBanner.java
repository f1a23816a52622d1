package org.radassist.panel.internal.swing;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import org.radassist.model.Flag;
import org.radassist.panel.internal.model.MutablePanelState;

/**
 * The critical-result banner: red, at the top of the tool, above every tab, with the communication
 * fields (who / when / how). It stays red until all three are filled and recorded; then it shrinks
 * to one line saying what was documented.
 */
final class CriticalBanner extends JPanel {
  private static final long serialVersionUID = 1L;
  static final String TITLE = "CRITICAL RESULT";

  private final MutablePanelState state;
  private final JLabel title =
      Ui.label(TITLE, Ui.bold().deriveFont(Ui.font().getSize2D() + 3f), Ui.ON_CRITICAL);
  private final WrapLabel what = Ui.text("", Ui.bold(), Ui.ON_CRITICAL);
  private final JTextField who = new JTextField();
  private final JTextField when = new JTextField();
  private final JTextField how = new JTextField();
  private final JButton now;
  private final JButton record;
  private final WrapLabel missing = Ui.text("", Ui.small(), Ui.ON_CRITICAL);
  private final JPanel form = new JPanel(new GridBagLayout());
  private boolean updating;

  CriticalBanner(MutablePanelState state, Clock clock) {
    super(new BorderLayout(0, 4));
    this.state = state;
    setBackground(Ui.CRITICAL);
    setOpaque(true);
    setBorder(BorderFactory.createEmptyBorder(Ui.GAP + 2, Ui.GAP + 2, Ui.GAP + 2, Ui.GAP + 2));
    who.getAccessibleContext().setAccessibleName("Communicated to (who)");
    when.getAccessibleContext().setAccessibleName("Communicated at (when)");
    how.getAccessibleContext().setAccessibleName("Communicated by (how)");
    who.setToolTipText("Name and role of the person told, e.g. Dr. Lee (ordering physician)");
    when.setToolTipText("Date and time they were told");
    how.setToolTipText("Phone, in person, secure message ...");
    bind(who, state.communication()::setWho);
    bind(when, state.communication()::setWhen);
    bind(how, state.communication()::setHow);
    now =
        Ui.button(
            "Now",
            "Fill in the current date and time",
            e ->
                when.setText(
                    LocalDateTime.now(clock)
                        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))));
    record =
        Ui.button(
            "Record communication",
            "Document who was told, when and how (required for a critical result)",
            e -> state.recordCommunication());
    form.setOpaque(false);
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
    JPanel south = new JPanel(new BorderLayout(Ui.GAP, 0));
    south.setOpaque(false);
    south.add(missing, BorderLayout.CENTER);
    south.add(record, BorderLayout.EAST);
    form.add(south, c);
    JPanel north = new JPanel(new BorderLayout(0, 2));
    north.setOpaque(false);
    north.add(title, BorderLayout.NORTH);
    north.add(what, BorderLayout.CENTER);
    add(north, BorderLayout.NORTH);
    add(form, BorderLayout.CENTER);
    setVisible(false);
  }

  private void addRow(int y, String name, JTextField field, JButton extra) {
    GridBagConstraints c = new GridBagConstraints();
    c.gridx = 0;
    c.gridy = y;
    c.anchor = GridBagConstraints.WEST;
    c.insets = new Insets(2, 0, 2, Ui.GAP);
    form.add(Ui.label(name, Ui.bold(), Ui.ON_CRITICAL), c);
    c.gridx = 1;
    c.weightx = 1;
    c.fill = GridBagConstraints.HORIZONTAL;
    c.gridwidth = extra == null ? 2 : 1;
    c.insets = new Insets(2, 0, 2, 0);
    form.add(field, c);
    if (extra != null) {
      c.gridx = 2;
      c.weightx = 0;
      c.gridwidth = 1;
      c.fill = GridBagConstraints.NONE;
      c.insets = new Insets(2, 4, 2, 0);
      form.add(extra, c);
    }
  }

  private void bind(JTextField field, Consumer<String> setter) {
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

  void refresh(MutablePanelState s) {
    boolean visible = s.criticalBannerVisible();
    setVisible(visible);
    if (!visible) {
      return;
    }
    List<Flag> flags = s.review().criticalFlags();
    updating = true;
    try {
      sync(who, s.communication().who());
      sync(when, s.communication().when());
      sync(how, s.communication().how());
    } finally {
      updating = false;
    }
    if (s.criticalUnresolved()) {
      setBackground(Ui.CRITICAL);
      title.setText(TITLE);
      title.setVisible(true);
      StringBuilder b = new StringBuilder();
      for (Flag f : flags) {
        b.append(b.length() == 0 ? "" : "\n").append(f.message());
        if (f.criticalCategory() != null) {
          b.append("\nACR category ")
              .append(f.criticalCategory().number())
              .append(" \u2014 communicate within ")
              .append(human(f.criticalCategory().defaultTimeFrame()));
        }
      }
      b.append("\nDocument who was told, when and how.");
      what.setText(b.toString());
      what.setFont(Ui.bold());
      List<String> miss = s.communication().missingFields();
      missing.setText(
          miss.isEmpty() ? "Ready to record." : "Still needed: " + String.join(", ", miss));
      record.setEnabled(miss.isEmpty());
      form.setVisible(true);
    } else {
      setBackground(new Color(0x8E, 0x1B, 0x1B));
      title.setText("Critical result communicated");
      what.setText(
          s.review()
              .section(org.radassist.model.SectionKind.COMMUNICATION)
              .map(org.radassist.model.Section::text)
              .orElse(""));
      what.setFont(Ui.font().deriveFont(Font.PLAIN));
      form.setVisible(false);
    }
  }

  static String human(java.time.Duration d) {
    if (d.toDays() >= 1) {
      return d.toDays() + (d.toDays() == 1 ? " day" : " days");
    }
    if (d.toHours() >= 2) {
      return d.toHours() + " hours";
    }
    return d.toMinutes() + " minutes";
  }

  private static void sync(JTextField f, String value) {
    if (!f.getText().equals(value)) {
      f.setText(value);
    }
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
