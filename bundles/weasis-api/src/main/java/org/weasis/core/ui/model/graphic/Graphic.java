// Stand-in declaration of weasis-core/src/main/java/org/weasis/core/ui/model/graphic/Graphic.java
// at nroduit/Weasis tag v4.7.2 (commit d83cf2449b18c3b360ef7c0929455d87ffa4b4cb): same kind, type
// parameters, supertypes and signatures for the members declared here; only the members RadAssist
// uses are declared, with minimal bodies of our own. Compile-only, never shipped: Weasis provides
// the real type at runtime.
package org.weasis.core.ui.model.graphic;

import java.awt.Color;
import java.awt.Paint;
import java.awt.Shape;
import java.beans.PropertyChangeListener;
import org.weasis.core.api.gui.util.GUIEntry;
import org.weasis.core.api.gui.util.KeyActionValue;
import org.weasis.core.api.util.Copyable;
import org.weasis.core.ui.model.layer.GraphicLayer;
import org.weasis.core.ui.model.utils.UUIDable;

/** A graphic drawn over an image, in image coordinates (only the members RadAssist uses). */
public interface Graphic extends UUIDable, GUIEntry, KeyActionValue, Copyable<Graphic> {
  Float getLineThickness();

  Paint getColorPaint();

  Boolean getFilled();

  Boolean getLabelVisible();

  void addPropertyChangeListener(PropertyChangeListener propertychangelistener);

  void removePropertyChangeListener(PropertyChangeListener propertychangelistener);

  Shape getShape();

  void setLineThickness(Float lineThickness);

  void setPaint(Color newPaintColor);

  void setLabelVisible(Boolean labelVisible);

  void setFilled(Boolean filled);

  void setLayer(GraphicLayer layer);

  GraphicLayer getLayer();
}
