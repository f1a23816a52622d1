package org.radassist.weasis.bridge.internal;

import bibliothek.gui.dock.common.DefaultSingleCDockable;
import bibliothek.gui.dock.common.mode.ExtendedMode;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import javax.swing.SwingUtilities;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.radassist.host.PanelContribution;
import org.radassist.host.ViewerHost;
import org.weasis.core.api.gui.Insertable;
import org.weasis.core.api.gui.InsertableFactory;
import org.weasis.core.ui.editor.SeriesViewerListener;
import org.weasis.dicom.viewer2d.EventManager;

/**
 * Gives Weasis' 2D viewer the RadAssist {@link WeasisPanelDock}. Weasis creates a TOOL once, on the
 * event thread, with null properties; the tool then subscribes the Weasis host to the viewer's
 * series selection and hosts every {@link PanelContribution} service, following them as they come
 * and go.
 */
@Component(
    service = {InsertableFactory.class, WeasisPanelDockFactory.class},
    property = WeasisPanelDockFactory.VIEW2D_CONTAINER + "=true")
public final class WeasisPanelDockFactory implements InsertableFactory {
  /** The service property Weasis' 2D viewer selects its tool factories by (a String "true"). */
  static final String VIEW2D_CONTAINER = "org.weasis.dicom.viewer2d.View2dContainer";

  private final ViewerHost host;
  private final SeriesViewerListener selection;

  /** Guarded by this; the tool itself is touched only on the event thread. */
  private final List<PanelContribution> contributions = new ArrayList<>();

  private WeasisPanelDock tool;

  @Activate
  public WeasisPanelDockFactory(
      @Reference(name = "host", target = WeasisViewerHost.TARGET) ViewerHost host,
      @Reference(name = "selection", target = WeasisViewerHost.TARGET)
          SeriesViewerListener selection) {
    this.host = host;
    this.selection = selection;
  }

  @Reference(
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY,
      unbind = "removePanel")
  void addPanel(PanelContribution contribution) {
    WeasisPanelDock current;
    synchronized (this) {
      contributions.add(contribution);
      current = tool;
    }
    if (current != null) {
      SwingUtilities.invokeLater(() -> current.addPanel(contribution));
    }
  }

  void removePanel(PanelContribution contribution) {
    WeasisPanelDock current;
    synchronized (this) {
      contributions.remove(contribution);
      current = tool;
    }
    if (current != null) {
      SwingUtilities.invokeLater(() -> current.removePanel(contribution));
    }
  }

  /** Called by Weasis on the event thread; a TOOL exists once, so later calls return it again. */
  @Override
  public Insertable createInstance(Hashtable<String, Object> properties) {
    List<PanelContribution> initial;
    WeasisPanelDock created;
    synchronized (this) {
      if (tool != null) {
        return tool;
      }
      created = new WeasisPanelDock(host);
      tool = created;
      initial = List.copyOf(contributions);
    }
    initial.forEach(created::addPanel);
    EventManager.getInstance().addSeriesViewerListener(selection);
    return created;
  }

  @Override
  public void dispose(Insertable component) {
    WeasisPanelDock disposed;
    synchronized (this) {
      if (component == null || component != tool) {
        return;
      }
      disposed = tool;
      tool = null;
    }
    // Weasis fires and keeps its listeners on the event thread (a plain list): unsubscribe there.
    onEdt(
        () -> {
          EventManager.getInstance().removeSeriesViewerListener(selection);
          // no longer following the viewer: the panels must not keep a study Weasis may close
          if (selection instanceof WeasisViewerHost followed) {
            followed.stopFollowing();
          }
          disposed.removeAllPanels();
        });
  }

  @Override
  public boolean isComponentCreatedByThisFactory(Insertable component) {
    synchronized (this) {
      return component != null && component == tool;
    }
  }

  @Override
  public Insertable.Type getType() {
    return Insertable.Type.TOOL;
  }

  /**
   * Expands the tool out of Weasis' side bar, as a click on its tab does (Weasis docks tools
   * minimised). Call on the event thread. Says what it did, for the shell.
   */
  String expandTool() {
    WeasisPanelDock current;
    synchronized (this) {
      current = tool;
    }
    if (current == null) {
      return "tool: not created yet (Weasis creates it with its first 2D viewer)";
    }
    DefaultSingleCDockable dockable = current.getDockable();
    if (dockable == null) {
      return "tool: this Weasis gives the tool no dockable";
    }
    current.showDockable();
    dockable.setExtendedMode(ExtendedMode.NORMALIZED);
    return "tool: RadAssist expanded";
  }

  /** The bundle is stopping: unsubscribe and release the panels even if Weasis never disposed. */
  @Deactivate
  void deactivate() {
    WeasisPanelDock current;
    synchronized (this) {
      current = tool;
    }
    if (current != null) {
      dispose(current);
    }
  }

  private static void onEdt(Runnable r) {
    if (SwingUtilities.isEventDispatchThread()) {
      r.run();
    } else {
      SwingUtilities.invokeLater(r);
    }
  }
}
