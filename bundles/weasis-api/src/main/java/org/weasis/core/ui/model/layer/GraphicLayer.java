// Declaration of a Weasis 4.7 type (shared/notes/weasis-api.md) for compiling the RadAssist bridge.
// Minimal body; never shipped: Weasis provides the real type at runtime.
package org.weasis.core.ui.model.layer;

/** A layer holding graphics. */
public interface GraphicLayer extends Layer {

  Boolean getLocked();

  void setLocked(Boolean locked);

  Boolean getSelectable();

  void setSelectable(Boolean selectable);

  Boolean getSerializable();

  void setSerializable(Boolean serializable);
}
