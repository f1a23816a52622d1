// Stand-in declaration of
// weasis-core/src/main/java/org/weasis/core/ui/model/layer/AbstractGraphicLayer.java
// at nroduit/Weasis tag v4.7.2 (commit d83cf2449b18c3b360ef7c0929455d87ffa4b4cb): same kind, type
// parameters, supertypes and signatures for the members declared here; only the members RadAssist
// uses are declared, with minimal bodies of our own. Compile-only, never shipped: Weasis provides
// the real type at runtime.
package org.weasis.core.ui.model.layer;

import java.util.Objects;
import org.weasis.core.ui.model.utils.imp.DefaultUUID;

/** The base of Weasis' graphic layers. */
public abstract class AbstractGraphicLayer extends DefaultUUID implements GraphicLayer {
  private LayerType type;
  private String name;
  private Integer level;
  private Boolean visible = Boolean.TRUE;
  private Boolean locked = Boolean.FALSE;
  private Boolean selectable = Boolean.TRUE;
  private Boolean serializable = Boolean.TRUE;

  protected AbstractGraphicLayer(LayerType type) {
    this.type = Objects.requireNonNull(type);
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

  @Override
  public int compareTo(Layer obj) {
    return obj == null ? 1 : Integer.compare(level, obj.getLevel());
  }
}
