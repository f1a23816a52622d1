// Stand-in declaration of
// weasis-core/src/main/java/org/weasis/core/ui/model/graphic/AbstractGraphic.java
// at nroduit/Weasis tag v4.7.2 (commit d83cf2449b18c3b360ef7c0929455d87ffa4b4cb): same kind, type
// parameters, supertypes and signatures for the members declared here; only the members RadAssist
// uses are declared, with minimal bodies of our own. Compile-only, never shipped: Weasis provides
// the real type at runtime.
package org.weasis.core.ui.model.graphic;

import java.awt.Color;
import java.awt.Paint;
import java.awt.Shape;
import java.beans.PropertyChangeListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.weasis.core.ui.model.layer.GraphicLayer;
import org.weasis.core.ui.model.utils.imp.DefaultUUID;

/** The base of Weasis' graphics: paint, thickness, label, layer and listeners. */
public abstract class AbstractGraphic extends DefaultUUID implements Graphic {
  private final List<PropertyChangeListener> listeners = new CopyOnWriteArrayList<>();
  private Float lineThickness = 1f;
  private Paint colorPaint = Color.YELLOW;
  private Boolean labelVisible = Boolean.TRUE;
  private Boolean filled = Boolean.FALSE;
  private GraphicLayer layer;
  protected Shape shape;

  protected AbstractGraphic(Integer pointNumber) {}

  @Override
  public Float getLineThickness() {
    return lineThickness;
  }

  @Override
  public Paint getColorPaint() {
    return colorPaint;
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
  public void addPropertyChangeListener(PropertyChangeListener listener) {
    listeners.add(listener);
  }

  @Override
  public void removePropertyChangeListener(PropertyChangeListener listener) {
    listeners.remove(listener);
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
    this.colorPaint = newPaintColor;
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
  public void setLayer(GraphicLayer layer) {
    this.layer = layer;
  }

  @Override
  public GraphicLayer getLayer() {
    return layer;
  }
}
