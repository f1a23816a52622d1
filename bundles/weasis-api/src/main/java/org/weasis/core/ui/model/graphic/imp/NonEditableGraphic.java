// Declaration of a Weasis 4.7 type (shared/notes/weasis-api.md) for compiling the RadAssist bridge.
// Minimal body; never shipped: Weasis provides the real type at runtime.
package org.weasis.core.ui.model.graphic.imp;

import java.awt.Color;
import java.awt.Paint;
import java.awt.Shape;
import java.beans.PropertyChangeListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.weasis.core.ui.model.graphic.Graphic;
import org.weasis.core.ui.model.layer.GraphicLayer;

/** A graphic of any shape the user cannot edit (in Weasis it extends AbstractGraphic). */
public class NonEditableGraphic implements Graphic {
  private final Shape shape;
  private final List<PropertyChangeListener> listeners = new CopyOnWriteArrayList<>();
  private Float lineThickness = 1f;
  private Color paint = Color.YELLOW;
  private Boolean labelVisible = Boolean.TRUE;
  private Boolean filled = Boolean.FALSE;
  private GraphicLayer layer;

  public NonEditableGraphic(Shape path) {
    this.shape = path;
  }

  @Override
  public Float getLineThickness() {
    return lineThickness;
  }

  @Override
  public Boolean getFilled() {
    return filled;
  }

  @Override
  public Boolean getLabelVisible() {
    return labelVisible;
  }

  @Override
  public Shape getShape() {
    return shape;
  }

  @Override
  public void setLineThickness(Float lineThickness) {
    this.lineThickness = lineThickness;
  }

  @Override
  public void setPaint(Color newPaintColor) {
    this.paint = newPaintColor;
  }

  @Override
  public Paint getColorPaint() {
    return paint;
  }

  @Override
  public void setLabelVisible(Boolean labelVisible) {
    this.labelVisible = labelVisible;
  }

  @Override
  public void setFilled(Boolean filled) {
    this.filled = filled;
  }

  @Override
  public void addPropertyChangeListener(PropertyChangeListener listener) {
    listeners.add(listener);
  }

  @Override
  public void removePropertyChangeListener(PropertyChangeListener listener) {
    listeners.remove(listener);
  }

  @Override
  public void setLayer(GraphicLayer layer) {
    this.layer = layer;
  }

  @Override
  public GraphicLayer getLayer() {
    return layer;
  }
}
