/**
 * The one contract a viewer implements to host RadAssist, and the one RadAssist uses to contribute
 * to it. A host registers a {@link org.radassist.host.ViewerHost} service; RadAssist registers
 * {@link org.radassist.host.PanelContribution} services that the host places in its UI (whiteboard
 * pattern). Nothing here depends on a particular viewer.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.radassist.host;
