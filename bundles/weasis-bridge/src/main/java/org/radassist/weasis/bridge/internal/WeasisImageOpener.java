package org.radassist.weasis.bridge.internal;

import java.awt.Color;
import java.awt.Shape;
import java.beans.PropertyChangeListener;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import org.radassist.host.OpenResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.weasis.core.api.explorer.model.DataExplorerModel;
import org.weasis.core.api.gui.util.ActionW;
import org.weasis.core.api.gui.util.Filter;
import org.weasis.core.api.gui.util.SliderCineListener;
import org.weasis.core.api.media.data.MediaElement;
import org.weasis.core.api.media.data.MediaSeries;
import org.weasis.core.api.media.data.TagW;
import org.weasis.core.ui.editor.ViewerOpenOptions;
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
import org.weasis.dicom.codec.TagD;
import org.weasis.dicom.viewer2d.EventManager;

/**
 * Shows a referenced image in Weasis' 2D viewer and draws its region, the way Weasis' own SR viewer
 * does: the region becomes a non-editable graphic in a locked, non-serialized layer of the image's
 * GraphicModel (tag PresentationModel). Within the series the selected view already shows, the
 * image is reached with Weasis' series scroll (ActionW.SCROLL_SERIES, 1-based over the view's
 * filtered, sorted series), because Weasis' DefaultView2d.setSeries returns early for the series on
 * screen; another series is put in the view with {@code setSeries(series, image)}; without a 2D
 * view, the series is opened in Weasis' default viewer first. OPENED is reported only once the view
 * shows the image. Only the last region stays drawn. Everything here runs on the event thread. This
 * is the one class that touches Weasis' viewer and graphic model types.
 */
final class WeasisImageOpener {
  private static final Logger LOG = LoggerFactory.getLogger(WeasisImageOpener.class);

  static final String LAYER_NAME = "RadAssist [AI]";

  /** Orange: not Weasis' yellow measurements nor its magenta SR regions. */
  static final Color REGION_COLOR = new Color(0xFF, 0x8C, 0x00);

  /** How often and how many times to look for the 2D view a just-opened viewer brings. */
  static final int VIEW_POLL_MS = 50;

  static final int VIEW_POLLS = 100;

  private final DataExplorerModel model;
  private final int viewPolls;
  private GraphicModel lastModel;
  private GraphicLayer lastLayer;

  WeasisImageOpener(DataExplorerModel model) {
    this(model, VIEW_POLLS);
  }

  WeasisImageOpener(DataExplorerModel model, int viewPolls) {
    this.model = model;
    this.viewPolls = viewPolls;
  }

  /**
   * Shows {@code media} of {@code series}, with {@code region} (image coordinates) when there is
   * one. Completes on the event thread: OPENED_WITH_REGION when the view shows the image with the
   * region drawn, OPENED when it shows the image (or a non-image object's series was handed to
   * Weasis' default viewer); exceptionally, naming the instance, when the view did not get there.
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
            if (EventManager.getInstance().getSelectedViewPane() != null) {
              result.complete(show(series, image, region));
              return;
            }
            // No 2D view yet: open one with the series, then move once its view is there.
            openSeries(series);
            awaitView(series, image, region, result, viewPolls);
          } catch (RuntimeException e) {
            result.completeExceptionally(e);
          }
        });
    return result;
  }

  private void awaitView(
      MediaSeries<?> series,
      DicomImageElement image,
      Optional<Shape> region,
      CompletableFuture<OpenResult> result,
      int pollsLeft) {
    ViewCanvas<DicomImageElement> view = EventManager.getInstance().getSelectedViewPane();
    if (view != null && view.getSeries() == series) {
      try {
        result.complete(show(series, image, region));
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
      }
      return;
    }
    if (pollsLeft <= 0) {
      result.completeExceptionally(
          new IllegalStateException(
              "Weasis opened no 2D view of the series of " + describe(image) + " in time"));
      return;
    }
    Timer next =
        new Timer(VIEW_POLL_MS, e -> awaitView(series, image, region, result, pollsLeft - 1));
    next.setRepeats(false);
    next.start();
  }

  private void openSeries(MediaSeries<?> series) {
    @SuppressWarnings("unchecked")
    MediaSeries<? extends MediaElement> viewable = (MediaSeries<? extends MediaElement>) series;
    ViewerPluginBuilder.openInDefaultViewer(List.of(viewable), model, ViewerOpenOptions.defaults());
  }

  /** Moves the selected view to {@code image} and draws the region; throws if it did not move. */
  private OpenResult show(MediaSeries<?> series, DicomImageElement image, Optional<Shape> region) {
    EventManager events = EventManager.getInstance();
    ViewCanvas<DicomImageElement> view = events.getSelectedViewPane();
    if (view == null) {
      throw new IllegalStateException("Weasis has no 2D view to show " + describe(image));
    }
    boolean drawn = region.map(shape -> draw(image, shape)).orElse(false);
    if (region.isEmpty()) {
      clearLast();
    }
    @SuppressWarnings("unchecked")
    MediaSeries<DicomImageElement> images = (MediaSeries<DicomImageElement>) series;
    try {
      RuntimeException weasisFailure = null;
      try {
        if (view.getSeries() == images) {
          scrollTo(events, view, images, image);
        } else {
          view.setSeries(images, image);
        }
      } catch (MoveRefused e) {
        throw e;
      } catch (RuntimeException e) {
        // Weasis' own listeners can fail after the view moved (e.g. an image it cannot decode):
        // what the view shows decides, and the failure is logged
        weasisFailure = e;
        LOG.warn("Weasis failed while moving its view to {}", describe(image), e);
      }
      if (view.getImage() != image) {
        IllegalStateException notMoved =
            new IllegalStateException(
                "Weasis' view did not move to "
                    + describe(image)
                    + " (it shows "
                    + describe(view.getImage())
                    + ")"
                    + (weasisFailure == null ? "" : ": " + weasisFailure));
        if (weasisFailure != null) {
          notMoved.initCause(weasisFailure);
        }
        throw notMoved;
      }
    } catch (RuntimeException e) {
      clearLast(); // nothing drawn stays on an image the user was not taken to
      throw e;
    }
    return drawn ? OpenResult.OPENED_WITH_REGION : OpenResult.OPENED;
  }

  /**
   * Weasis' own way within the series on screen: its series scroll, 1-based in the view's order.
   */
  private static void scrollTo(
      EventManager events,
      ViewCanvas<DicomImageElement> view,
      MediaSeries<DicomImageElement> series,
      DicomImageElement image) {
    Optional<SliderCineListener> scroll = events.getAction(ActionW.SCROLL_SERIES);
    if (scroll.isEmpty()) {
      throw new MoveRefused("Weasis' 2D viewer has no series scroll action");
    }
    @SuppressWarnings("unchecked")
    Filter<DicomImageElement> filter =
        view.getActionValue(ActionW.FILTERED_SERIES.cmd()) instanceof Filter<?> f
            ? (Filter<DicomImageElement>) f
            : null;
    List<DicomImageElement> order = series.copyOfMedias(filter, view.getCurrentSortComparator());
    for (int i = 0; i < order.size(); i++) {
      if (order.get(i) == image) {
        scroll.get().setSliderValue(i + 1);
        return;
      }
    }
    throw new MoveRefused(
        describe(image) + " is not among the images the view shows (filtered out)");
  }

  /** The view cannot be moved to the image at all (as opposed to Weasis failing while moving). */
  static final class MoveRefused extends IllegalStateException {
    MoveRefused(String message) {
      super(message);
    }
  }

  private static String describe(MediaElement image) {
    if (image == null) {
      return "no image";
    }
    Object sop = TagD.getTagValue(image, 0x00080018);
    Object key = image.getKey();
    return "instance " + sop + (key == null ? "" : " frame index " + key);
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
