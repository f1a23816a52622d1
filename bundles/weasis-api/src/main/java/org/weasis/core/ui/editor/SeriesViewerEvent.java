// Declaration of a Weasis 4.7 type (shared/notes/weasis-api.md) for compiling the RadAssist bridge.
// Minimal body; never shipped: Weasis provides the real type at runtime.
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
