// Declaration of a Weasis 4.7 type (shared/notes/weasis-api.md) for compiling the RadAssist bridge.
// Minimal body; never shipped: Weasis provides the real type at runtime.
package org.weasis.core.ui.docking;

import bibliothek.gui.dock.common.CLocation;
import bibliothek.gui.dock.common.DefaultSingleCDockable;
import java.awt.Component;
import javax.swing.JPanel;

/**
 * A side tool of a Weasis viewer. Weasis' constructor also builds the DockingFrames dockable; this
 * declaration does not (no docking control exists outside Weasis), so {@link #getDockable()} is
 * null here.
 */
public abstract class PluginTool extends JPanel implements DockableTool {
  private final Type type;
  private final String toolName;
  private int toolPosition;
  private int dockableWidth = -1;

  protected PluginTool(String toolName, Type type, int position) {
    this.toolName = toolName;
    this.type = type;
    this.toolPosition = position;
  }

  protected abstract void changeToolWindowAnchor(CLocation clocation);

  @Override
  public Type getType() {
    return type;
  }

  @Override
  public String getComponentName() {
    return toolName;
  }

  @Override
  public int getComponentPosition() {
    return toolPosition;
  }

  @Override
  public void setComponentPosition(int position) {
    toolPosition = position;
  }

  @Override
  public Component getToolComponent() {
    return this;
  }

  @Override
  public boolean isComponentEnabled() {
    return isEnabled();
  }

  @Override
  public void setComponentEnabled(boolean enabled) {
    setEnabled(enabled);
  }

  protected void setDockableWidth(int width) {
    this.dockableWidth = width;
  }

  @Override
  public int getDockableWidth() {
    return dockableWidth;
  }

  @Override
  public DefaultSingleCDockable getDockable() {
    return null;
  }

  @Override
  public void showDockable() {}

  @Override
  public void closeDockable() {}
}
