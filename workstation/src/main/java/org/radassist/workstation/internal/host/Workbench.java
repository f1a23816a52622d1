package org.radassist.workstation.internal.host;

import java.util.concurrent.Executor;
import org.radassist.host.UserIdentity;
import org.radassist.workstation.internal.viewer.StudyViewer;

/**
 * The parts every run of the workstation has, with or without a window: the study viewer, the host
 * around it and the dock the panels go in. Build on the event thread.
 */
public record Workbench(StudyViewer viewer, WorkstationHost host, PanelDock dock) {

  public static Workbench create(String hostName, UserIdentity user, Executor decoder) {
    StudyViewer viewer = new StudyViewer(decoder);
    WorkstationHost host = new WorkstationHost(hostName, user, viewer);
    return new Workbench(viewer, host, new PanelDock(host));
  }
}
