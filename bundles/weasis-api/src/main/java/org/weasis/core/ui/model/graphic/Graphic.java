// Declaration of a Weasis 4.7 type (shared/notes/weasis-api.md) for compiling the RadAssist bridge.
// Minimal body; never shipped: Weasis provides the real type at runtime.
package org.weasis.core.ui.model.graphic;

import java.awt.Color;
import java.awt.Paint;
import java.awt.Shape;
import java.beans.PropertyChangeListener;
import org.weasis.core.ui.model.layer.GraphicLayer;

/** A graphic drawn over an image, in image coordinates (only the members the bridge uses). */
public interface Graphic {

  Float getLineThickness();

  Paint getColorPaint();

  Boolean getFilled();

  Boolean getLabelVisible();

  Shape getShape();

  void setLineThickness(Float lineThickness);

  void setPaint(Color newPaintColor);

  void setLabelVisible(Boolean labelVisible);

  void setFilled(Boolean filled);

  void addPropertyChangeListener(PropertyChangeListener propertychangelistener);

  void removePropertyChangeListener(PropertyChangeListener propertychangelistener);

  void setLayer(GraphicLayer layer);

  GraphicLayer getLayer();
}
