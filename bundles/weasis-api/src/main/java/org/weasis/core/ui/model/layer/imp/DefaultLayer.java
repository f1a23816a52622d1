// Declaration of a Weasis 4.7 type (shared/notes/weasis-api.md) for compiling the RadAssist bridge.
// Minimal body; never shipped: Weasis provides the real type at runtime.
package org.weasis.core.ui.model.layer.imp;

import org.weasis.core.ui.model.layer.GraphicLayer;
import org.weasis.core.ui.model.layer.LayerType;

/** Weasis' layer class (there it extends AbstractGraphicLayer). */
public class DefaultLayer implements GraphicLayer {
  private LayerType type;
  private String name;
  private Integer level;
  private Boolean visible = Boolean.TRUE;
  private Boolean locked = Boolean.FALSE;
  private Boolean selectable = Boolean.TRUE;
  private Boolean serializable = Boolean.TRUE;

  public DefaultLayer() {
    this(LayerType.TEMP_DRAW);
  }

  public DefaultLayer(LayerType type) {
    this.type = type;
    this.level = type.getLevel();
  }

  @Override
  public void setVisible(Boolean visible) {
    this.visible = visible;
  }

  @Override
  public Boolean getVisible() {
    return visible;
  }

  @Override
  public void setLevel(Integer level) {
    this.level = level;
  }

  @Override
  public Integer getLevel() {
    return level;
  }

  @Override
  public LayerType getType() {
    return type;
  }

  @Override
  public void setType(LayerType type) {
    this.type = type;
  }

  @Override
  public void setName(String layerName) {
    this.name = layerName;
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public Boolean getLocked() {
    return locked;
  }

  @Override
  public void setLocked(Boolean locked) {
    this.locked = locked;
  }

  @Override
  public Boolean getSelectable() {
    return selectable;
  }

  @Override
  public void setSelectable(Boolean selectable) {
    this.selectable = selectable;
  }

  @Override
  public Boolean getSerializable() {
    return serializable;
  }

  @Override
  public void setSerializable(Boolean serializable) {
    this.serializable = serializable;
  }
}
