package org.radassist.panel.internal.swing;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Font;
import java.time.Clock;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;
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

  private final JLabel title =
      Ui.label(TITLE, Ui.bold().deriveFont(Ui.font().getSize2D() + 3f), Ui.ON_CRITICAL);
  private final WrapLabel what = Ui.text("", Ui.bold(), Ui.ON_CRITICAL);
  private final CommunicationForm form;

  CriticalBanner(MutablePanelState state, Clock clock) {
    super(new BorderLayout(0, 4));
    setBackground(Ui.CRITICAL);
    setOpaque(true);
    setBorder(BorderFactory.createEmptyBorder(Ui.GAP + 2, Ui.GAP + 2, Ui.GAP + 2, Ui.GAP + 2));
    form =
        new CommunicationForm(
            state,
            state.communication(),
            clock,
            "",
            Ui.ON_CRITICAL,
            "Document who was told, when and how (required for a critical result)",
            state::recordCommunication);
    JPanel north = new JPanel(new BorderLayout(0, 2));
    north.setOpaque(false);
    north.add(title, BorderLayout.NORTH);
    north.add(what, BorderLayout.CENTER);
    add(north, BorderLayout.NORTH);
    add(form, BorderLayout.CENTER);
    setVisible(false);
  }

  void refresh(MutablePanelState s) {
    boolean visible = s.criticalBannerVisible();
    setVisible(visible);
    if (!visible) {
      return;
    }
    List<Flag> flags = s.review().criticalFlags();
    form.refresh();
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

  JButton recordButton() {
    return form.recordButton();
  }

  JTextField whoField() {
    return form.whoField();
  }

  JTextField whenField() {
    return form.whenField();
  }

  JTextField howField() {
    return form.howField();
  }
}
