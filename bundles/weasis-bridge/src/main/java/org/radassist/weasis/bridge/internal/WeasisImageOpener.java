package org.radassist.weasis.bridge.internal;

import java.awt.Color;
import java.awt.Shape;
import java.beans.PropertyChangeListener;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javax.swing.SwingUtilities;
import org.radassist.host.OpenResult;
import org.weasis.core.api.explorer.model.DataExplorerModel;
import org.weasis.core.api.media.data.MediaElement;
import org.weasis.core.api.media.data.MediaSeries;
import org.weasis.core.api.media.data.TagW;
import org.weasis.core.ui.editor.ViewerPluginBuilder;
import org.weasis.core.ui.editor.image.ViewCanvas;
import org.weasis.core.ui.model.GraphicModel;
import org.weasis.core.ui.model.graphic.Graphic;
import org.weasis.core.ui.model.graphic.imp.NonEditableGraphic;
import org.weasis.core.ui.model.imp.XmlGraphicModel;
import org.weasis.core.ui.model.layer.GraphicLayer;
import org.weasis.core.ui.model.layer.LayerType;
import org.weasis.core.ui.model.layer.imp.DefaultLayer;
import org.weasis.dicom.codec.DicomImageElement;
import org.weasis.dicom.viewer2d.EventManager;

/**
 * Shows a referenced image in Weasis' 2D viewer and draws its region, the way Weasis' own SR viewer
 * does: the region becomes a non-editable graphic in a locked, non-serialized layer of the image's
 * GraphicModel (tag PresentationModel), and the selected view is set to the series at that image
 * ({@code ViewCanvas.setSeries(series, image)}, which also moves the viewer's scroll slider). Only
 * the last region stays drawn. Everything here runs on the event thread. This is the one class that
 * touches Weasis' viewer and graphic model types (Weasis announced a viewport refactor, #910).
 */
final class WeasisImageOpener {
  static final String LAYER_NAME = "RadAssist [AI]";

  /** Orange: not Weasis' yellow measurements nor its magenta SR regions. */
  static final Color REGION_COLOR = new Color(0xFF, 0x8C, 0x00);

  private final DataExplorerModel model;
  private GraphicModel lastModel;
  private GraphicLayer lastLayer;

  WeasisImageOpener(DataExplorerModel model) {
    this.model = model;
  }

  /**
   * Shows {@code media} of {@code series}, with {@code region} (image coordinates) when there is
   * one. Completes on the event thread: OPENED_WITH_REGION when the region was drawn on the image
   * on screen, OPENED when the image (or, without a 2D view to put it in, its series) was shown.
   */
  CompletionStage<OpenResult> open(
      MediaSeries<?> series, MediaElement media, Optional<Shape> region) {
    CompletableFuture<OpenResult> result = new CompletableFuture<>();
    SwingUtilities.invokeLater(
        () -> {
          try {
            if (!(media instanceof DicomImageElement image)) {
              // SR, KO, video ...: Weasis' default viewer for the series' type shows it
              openSeries(series);
              result.complete(OpenResult.OPENED);
              return;
            }
            Optional<OpenResult> shown = showInSelectedView(series, image, region);
            if (shown.isPresent()) {
              result.complete(shown.get());
              return;
            }
            // No 2D view yet: open one with the series, then try once more when it is there.
            openSeries(series);
            SwingUtilities.invokeLater(
                () -> {
                  try {
                    result.complete(
                        showInSelectedView(series, image, region).orElse(OpenResult.OPENED));
                  } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                  }
                });
          } catch (RuntimeException e) {
            result.completeExceptionally(e);
          }
        });
    return result;
  }

  private void openSeries(MediaSeries<?> series) {
    @SuppressWarnings("unchecked")
    MediaSeries<? extends MediaElement> viewable = (MediaSeries<? extends MediaElement>) series;
    ViewerPluginBuilder.openSequenceInDefaultPlugin(List.of(viewable), model, true, false);
  }

  private Optional<OpenResult> showInSelectedView(
      MediaSeries<?> series, DicomImageElement image, Optional<Shape> region) {
    ViewCanvas<DicomImageElement> view = EventManager.getInstance().getSelectedViewPane();
    if (view == null) {
      return Optional.empty();
    }
    boolean drawn = region.map(shape -> draw(image, shape)).orElse(false);
    if (region.isEmpty()) {
      clearLast();
    }
    @SuppressWarnings("unchecked")
    MediaSeries<DicomImageElement> images = (MediaSeries<DicomImageElement>) series;
    view.setSeries(images, image);
    return Optional.of(drawn ? OpenResult.OPENED_WITH_REGION : OpenResult.OPENED);
  }

  /** Draws {@code shape} on {@code image}, replacing the region drawn last (on any image). */
  private boolean draw(DicomImageElement image, Shape shape) {
    clearLast();
    GraphicModel graphics = (GraphicModel) image.getTagValue(TagW.PresentationModel);
    if (graphics == null) {
      graphics = new XmlGraphicModel(image);
      image.setTag(TagW.PresentationModel, graphics);
    }
    GraphicLayer layer = new DefaultLayer(LayerType.DICOM_SR);
    layer.setName(LAYER_NAME);
    layer.setSerializable(false); // AI output is never saved with the user's measurements
    layer.setLocked(true);
    layer.setSelectable(false);
    Graphic graphic = new NonEditableGraphic(shape);
    graphic.setPaint(REGION_COLOR);
    graphic.setLineThickness(2f);
    graphic.setFilled(false);
    graphic.setLabelVisible(false);
    graphic.setLayer(layer);
    for (PropertyChangeListener listener : graphics.getGraphicsListeners()) {
      graphic.addPropertyChangeListener(listener);
    }
    graphics.addGraphic(graphic);
    lastModel = graphics;
    lastLayer = layer;
    return true;
  }

  /** Removes the region drawn last, if any (the user moved on to another finding). */
  void clearLast() {
    if (lastModel != null) {
      lastModel.deleteByLayer(lastLayer);
      lastModel = null;
      lastLayer = null;
    }
  }
}
