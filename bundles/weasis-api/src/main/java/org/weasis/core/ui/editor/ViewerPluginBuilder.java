// Declaration of a Weasis 4.7 type (shared/notes/weasis-api.md) for compiling the RadAssist bridge.
// Minimal body; never shipped: Weasis provides the real type at runtime.
package org.weasis.core.ui.editor;

import java.util.List;
import org.weasis.core.api.explorer.model.DataExplorerModel;
import org.weasis.core.api.media.data.MediaElement;
import org.weasis.core.api.media.data.MediaSeries;

/** Opens series in a viewer. */
public class ViewerPluginBuilder {

  /** The model of files opened outside the DICOM explorer; viewers also signal on it. */
  public static final FileModel DefaultDataModel = new FileModel();

  /** Opens the series in the default viewer of their MIME type (asynchronously, on the EDT). */
  public static void openSequenceInDefaultPlugin(
      List<? extends MediaSeries<? extends MediaElement>> series,
      DataExplorerModel model,
      boolean compareEntryToBuildNewViewer,
      boolean removeOldSeries) {
    // Weasis registers a ViewerPluginBuilder with the model; nothing to do without a UI.
  }
}
