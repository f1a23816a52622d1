// Stand-in declaration of
// weasis-core/src/main/java/org/weasis/core/ui/editor/SeriesViewerEvent.java
// at nroduit/Weasis tag v4.7.2 (commit d83cf2449b18c3b360ef7c0929455d87ffa4b4cb): same kind, type
// parameters, supertypes and signatures for the members declared here; only the members RadAssist
// uses are declared, with minimal bodies of our own. Compile-only, never shipped: Weasis provides
// the real type at runtime.
package org.weasis.core.ui.editor;

import org.weasis.core.api.media.data.MediaElement;
import org.weasis.core.api.media.data.MediaSeries;

/** What changed in a viewer. */
public class SeriesViewerEvent {
  public enum EVENT {
    SELECT,
    ADD,
    LAYOUT,
    SELECT_VIEW,
    ANONYM,
    TOGGLE_INFO,
    WIN_LEVEL,
    LUT
  }

  private final SeriesViewer<? extends MediaElement> seriesViewer;
  private final MediaSeries<? extends MediaElement> series;
  private final MediaElement mediaElement;
  private final EVENT eventType;

  public SeriesViewerEvent(
      SeriesViewer<? extends MediaElement> seriesViewer,
      MediaSeries<? extends MediaElement> series,
      MediaElement mediaElement,
      EVENT eventType) {
    if (seriesViewer == null) {
      throw new IllegalArgumentException("SeriesViewer parameter cannot be null");
    }
    this.seriesViewer = seriesViewer;
    this.series = series;
    this.mediaElement = mediaElement;
    this.eventType = eventType;
  }

  public SeriesViewer<? extends MediaElement> getSeriesViewer() {
    return seriesViewer;
  }

  public MediaSeries<? extends MediaElement> getSeries() {
    return series;
  }

  public MediaElement getMediaElement() {
    return mediaElement;
  }

  public EVENT getEventType() {
    return eventType;
  }
}
