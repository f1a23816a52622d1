// Stand-in declaration of weasis-core/src/main/java/org/weasis/core/ui/docking/PluginTool.java
// at nroduit/Weasis tag v4.7.2 (commit d83cf2449b18c3b360ef7c0929455d87ffa4b4cb): same kind, type
// parameters, supertypes and signatures for the members declared here; only the members RadAssist
// uses are declared, with minimal bodies of our own. Compile-only, never shipped: Weasis provides
// the real type at runtime.
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
  public final DefaultSingleCDockable getDockable() {
    return null;
  }

  @Override
  public void showDockable() {}

  @Override
  public void closeDockable() {}
}
