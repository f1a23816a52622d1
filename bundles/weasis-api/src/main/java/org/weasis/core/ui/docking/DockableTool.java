// Stand-in declaration of weasis-core/src/main/java/org/weasis/core/ui/docking/DockableTool.java
// at nroduit/Weasis tag v4.7.2 (commit d83cf2449b18c3b360ef7c0929455d87ffa4b4cb): same kind, type
// parameters, supertypes and signatures for the members declared here; only the members RadAssist
// uses are declared, with minimal bodies of our own. Compile-only, never shipped: Weasis provides
// the real type at runtime.
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
