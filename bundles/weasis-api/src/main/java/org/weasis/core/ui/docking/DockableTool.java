// Declaration of a Weasis 4.7 type (shared/notes/weasis-api.md) for compiling the RadAssist bridge.
// Minimal body; never shipped: Weasis provides the real type at runtime.
package org.weasis.core.ui.docking;

import bibliothek.gui.dock.common.DefaultSingleCDockable;
import java.awt.Component;
import org.weasis.core.api.gui.Insertable;

/** An Insertable shown in a DockingFrames dockable. */
public interface DockableTool extends Insertable {

  DefaultSingleCDockable getDockable();

  void showDockable();

  void closeDockable();

  Component getToolComponent();

  int getDockableWidth();
}
