package org.radassist.weasis.bridge.internal;

import java.util.ArrayList;
import java.util.List;
import javax.swing.JComponent;
import javax.swing.JLabel;
import org.radassist.host.PanelContribution;
import org.radassist.host.ViewerHost;

/** A panel contribution that records what the host does with it. */
final class RecordingPanel implements PanelContribution {
  final String id;
  final int position;
  final List<String> calls = new ArrayList<>();
  ViewerHost hostSeen;
  boolean failOnCreate;

  RecordingPanel(String id, int position) {
    this.id = id;
    this.position = position;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String title() {
    return "T-" + id;
  }

  @Override
  public int position() {
    return position;
  }

  @Override
  public JComponent createComponent(ViewerHost host) {
    if (failOnCreate) {
      throw new IllegalStateException("cannot build " + id);
    }
    hostSeen = host;
    calls.add("create");
    return new JLabel(id);
  }

  @Override
  public void dispose(JComponent component) {
    calls.add("dispose " + ((JLabel) component).getText());
  }
}
