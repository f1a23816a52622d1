// Stand-in declaration of
// weasis-core/src/main/java/org/weasis/core/ui/editor/SeriesViewerFactory.java
// at nroduit/Weasis tag v4.7.2 (commit d83cf2449b18c3b360ef7c0929455d87ffa4b4cb): same kind, type
// parameters, supertypes and signatures for the members declared here; only the members RadAssist
// uses are declared, with minimal bodies of our own. Compile-only, never shipped: Weasis provides
// the real type at runtime.
package org.weasis.core.ui.editor;

import org.weasis.core.api.explorer.model.DataExplorerModel;
import org.weasis.core.api.gui.util.GUIEntry;
import org.weasis.core.api.media.data.MediaSeries;

/** Builds a viewer for the series' MIME type (only the members RadAssist's tests use). */
public interface SeriesViewerFactory extends GUIEntry {
  SeriesViewer<?> createSeriesViewer(ViewerOpenOptions options, DataExplorerModel model);

  boolean canReadMimeType(String mimeType);

  boolean canReadSeries(MediaSeries<?> series);
}
