// Declaration of a Weasis 4.7 type (shared/notes/weasis-api.md) for compiling the RadAssist bridge.
// Minimal body; never shipped: Weasis provides the real type at runtime.
package org.weasis.core.api.gui;

import java.util.Hashtable;

/**
 * Registered as an OSGi service; Weasis asks it for its components. For the 2D viewer the service
 * carries the String property {@code org.weasis.dicom.viewer2d.View2dContainer=true}.
 */
public interface InsertableFactory {

  Insertable createInstance(Hashtable<String, Object> properties);

  void dispose(Insertable component);

  boolean isComponentCreatedByThisFactory(Insertable component);

  Insertable.Type getType();
}
