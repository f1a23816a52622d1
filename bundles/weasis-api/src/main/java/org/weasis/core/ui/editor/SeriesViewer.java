// Declaration of a Weasis 4.7 type (shared/notes/weasis-api.md) for compiling the RadAssist bridge.
// Minimal body; never shipped: Weasis provides the real type at runtime.
package org.weasis.core.ui.editor;

/** A viewer of series (only what the bridge and its tests need is declared). */
public interface SeriesViewer<E> {
  String getPluginName();
}
