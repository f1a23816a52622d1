// Stand-in declaration of
// weasis-core/src/main/java/org/weasis/core/ui/editor/ViewerPluginBuilder.java
// at nroduit/Weasis tag v4.7.2 (commit d83cf2449b18c3b360ef7c0929455d87ffa4b4cb): same kind, type
// parameters, supertypes and signatures for the members declared here; only the members RadAssist
// uses are declared, with minimal bodies of our own. Compile-only, never shipped: Weasis provides
// the real type at runtime.
package org.weasis.core.ui.editor;

import java.util.ArrayList;
import java.util.List;
import org.weasis.core.api.explorer.ObservableEvent;
import org.weasis.core.api.explorer.model.DataExplorerModel;
import org.weasis.core.api.media.data.MediaElement;
import org.weasis.core.api.media.data.MediaSeries;

/**
 * Opens series in a viewer: {@link #open()} fires REGISTER with the builder on the model, and
 * Weasis' main window creates or reuses the viewer. Weasis 4.7 removed 4.6's
 * openSequenceInDefaultPlugin(List, DataExplorerModel, boolean, boolean).
 */
public class ViewerPluginBuilder {
  public static final FileModel DefaultDataModel = new FileModel();

  private final SeriesViewerFactory factory;
  private final List<? extends MediaSeries<? extends MediaElement>> series;
  private final DataExplorerModel model;
  private final ViewerOpenOptions options;

  public ViewerPluginBuilder(
      SeriesViewerFactory factory,
      List<? extends MediaSeries<? extends MediaElement>> series,
      DataExplorerModel model,
      ViewerOpenOptions options) {
    if (factory == null || series == null || model == null) {
      throw new IllegalArgumentException();
    }
    this.factory = factory;
    this.series = series;
    this.model = model;
    this.options = options == null ? ViewerOpenOptions.defaults() : options;
  }

  public SeriesViewerFactory getFactory() {
    return factory;
  }

  @SuppressWarnings("unchecked")
  public List<MediaSeries<MediaElement>> getSeries() {
    return (List<MediaSeries<MediaElement>>) series;
  }

  public DataExplorerModel getModel() {
    return model;
  }

  public ViewerOpenOptions getViewerOpenOptions() {
    return options;
  }

  public void open() {
    model.firePropertyChange(
        new ObservableEvent(ObservableEvent.BasicAction.REGISTER, model, null, this));
  }

  /**
   * Opens the series in the default viewer of their MIME type. Weasis looks the factory up in its
   * UI core; this declaration has none, so it opens them with a factory that creates nothing.
   */
  public static void openInDefaultViewer(
      List<? extends MediaSeries<? extends MediaElement>> series,
      DataExplorerModel model,
      ViewerOpenOptions options) {
    if (series == null || series.isEmpty()) {
      return;
    }
    new ViewerPluginBuilder(
            NO_FACTORY, new ArrayList<>(series), model == null ? DefaultDataModel : model, options)
        .open();
  }

  private static final SeriesViewerFactory NO_FACTORY =
      new SeriesViewerFactory() {
        @Override
        public SeriesViewer<?> createSeriesViewer(
            ViewerOpenOptions options, DataExplorerModel model) {
          return null;
        }

        @Override
        public boolean canReadMimeType(String mimeType) {
          return false;
        }

        @Override
        public boolean canReadSeries(MediaSeries<?> series) {
          return false;
        }
      };
}
