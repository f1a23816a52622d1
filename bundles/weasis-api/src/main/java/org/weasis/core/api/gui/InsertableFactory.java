// Stand-in declaration of weasis-core/src/main/java/org/weasis/core/api/gui/InsertableFactory.java
// at nroduit/Weasis tag v4.7.2 (commit d83cf2449b18c3b360ef7c0929455d87ffa4b4cb): same kind, type
// parameters, supertypes and signatures for the members declared here; only the members RadAssist
// uses are declared, with minimal bodies of our own. Compile-only, never shipped: Weasis provides
// the real type at runtime.
package org.weasis.core.api.gui;

import java.util.Hashtable;
import org.weasis.core.api.gui.Insertable.Type;

/**
 * Registered as an OSGi service; Weasis asks it for its components. For the 2D viewer the service
 * carries the String property {@code org.weasis.dicom.viewer2d.View2dContainer=true}.
 */
public interface InsertableFactory {
  Insertable createInstance(Hashtable<String, Object> properties);

  void dispose(Insertable component);

  boolean isComponentCreatedByThisFactory(Insertable component);

  Type getType();
}
