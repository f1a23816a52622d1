// Declaration of a Weasis 4.7 type (shared/notes/weasis-api.md) for compiling the RadAssist bridge.
// Minimal body; never shipped: Weasis provides the real type at runtime.
package org.weasis.core.ui.model.layer;

/** A drawing layer (Weasis' interface is also Comparable and UUIDable). */
public interface Layer {

  void setVisible(Boolean visible);

  Boolean getVisible();

  void setLevel(Integer level);

  Integer getLevel();

  LayerType getType();

  void setType(LayerType type);

  void setName(String layerName);

  String getName();
}
