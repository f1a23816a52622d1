// Declaration of a Weasis 4.7 type (shared/notes/weasis-api.md) for compiling the RadAssist bridge.
// Minimal body; never shipped: Weasis provides the real type at runtime.
package org.weasis.core.api.gui;

/** A component Weasis inserts into its UI (explorer, tool, toolbar ...). */
public interface Insertable {

  enum Type {
    EXPLORER,
    TOOL,
    TOOL_EXT,
    TOOLBAR,
    EMPTY,
    LICENSE,
    PREFERENCES
  }

  String getComponentName();

  Type getType();

  boolean isComponentEnabled();

  void setComponentEnabled(boolean enabled);

  int getComponentPosition();

  void setComponentPosition(int position);
}
