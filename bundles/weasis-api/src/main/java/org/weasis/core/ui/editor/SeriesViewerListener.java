// Declaration of a Weasis 4.7 type (shared/notes/weasis-api.md) for compiling the RadAssist bridge.
// Minimal body; never shipped: Weasis provides the real type at runtime.
package org.weasis.core.ui.editor;

/** Told when a viewer's content changes (series selected, added, layout changed ...). */
public interface SeriesViewerListener {
  void changingViewContentEvent(SeriesViewerEvent event);
}
