package org.radassist.weasis.bridge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Shape;
import java.awt.event.FocusEvent;
import java.awt.event.KeyEvent;
import java.awt.geom.Ellipse2D;
import java.beans.PropertyChangeEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.swing.BoundedRangeModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.radassist.host.OpenResult;
import org.weasis.core.api.explorer.ObservableEvent;
import org.weasis.core.api.gui.util.ActionW;
import org.weasis.core.api.gui.util.SliderCineListener;
import org.weasis.core.api.media.data.MediaSeries;
import org.weasis.core.api.media.data.TagW;
import org.weasis.core.ui.editor.ViewerPluginBuilder;
import org.weasis.core.ui.editor.image.ImageViewerPlugin;
import org.weasis.core.ui.editor.image.ViewCanvas;
import org.weasis.core.ui.model.GraphicModel;
import org.weasis.core.ui.model.graphic.Graphic;
import org.weasis.dicom.codec.DicomImageElement;
import org.weasis.dicom.codec.DicomSeries;
import org.weasis.dicom.codec.TagD;
import org.weasis.dicom.explorer.DicomModel;
import org.weasis.dicom.viewer2d.EventManager;

/**
 * The opener against the Weasis 4.7.2 declarations. The view behaves as Weasis' DefaultView2d:
 * {@code setSeries} with the series already shown does nothing, and within that series only the
 * series scroll (ActionW.SCROLL_SERIES, 1-based in the view's sorted order) moves the view.
 */
class WeasisImageOpenerTest {
  private final DicomModel model = new DicomModel();
  private final WeasisImageOpener opener = new WeasisImageOpener(model, 10);
  private final View view = new View();
  private final Scroll scroll = new Scroll(view);

  /** Weasis' DefaultView2d as far as moving goes. */
  static final class View implements ViewCanvas<DicomImageElement> {
    MediaSeries<DicomImageElement> series;
    DicomImageElement image;
    Comparator<DicomImageElement> order;
    int setSeriesCalls;

    @Override
    public MediaSeries<DicomImageElement> getSeries() {
      return series;
    }

    @Override
    public DicomImageElement getImage() {
      return image;
    }

    @Override
    public Object getActionValue(String action) {
      return null;
    }

    @Override
    public void setSeries(MediaSeries<DicomImageElement> newSeries) {
      setSeries(newSeries, null);
    }

    @Override
    public void setSeries(MediaSeries<DicomImageElement> newSeries, DicomImageElement media) {
      setSeriesCalls++;
      if (newSeries == series) {
        return; // DefaultView2d: the series on screen stays where it is
      }
      series = newSeries;
      image = media != null ? media : newSeries.getMedia(0, null, order);
    }

    @Override
    public Comparator<DicomImageElement> getCurrentSortComparator() {
      return order;
    }

    @Override
    public void propertyChange(PropertyChangeEvent evt) {}

    @Override
    public void focusGained(FocusEvent e) {}

    @Override
    public void focusLost(FocusEvent e) {}

    @Override
    public void keyTyped(KeyEvent e) {}

    @Override
    public void keyPressed(KeyEvent e) {}

    @Override
    public void keyReleased(KeyEvent e) {}
  }

  /** The 2D viewer's series scroll: its value picks the image in the view's order. */
  static final class Scroll extends SliderCineListener {
    final View view;
    final List<Integer> values = new ArrayList<>();
    RuntimeException failBeforeMoving;
    RuntimeException failAfterMoving;

    Scroll(View view) {
      super(ActionW.SCROLL_SERIES, 1, 100, 1, 10, TIME.SECOND);
      this.view = view;
    }

    @Override
    public void stateChanged(BoundedRangeModel m) {
      values.add(m.getValue());
      if (failBeforeMoving != null) {
        throw failBeforeMoving;
      }
      if (view.series != null) {
        view.image = view.series.getMedia(m.getValue() - 1, null, view.order);
      }
      if (failAfterMoving != null) {
        throw failAfterMoving; // Weasis' window/level update on an image it cannot decode
      }
    }
  }

  private void aViewerShows(DicomSeries series) {
    view.setSeries(series, null);
    EventManager events = EventManager.getInstance();
    events.setAction(scroll);
    events.setSelectedView2dContainer(
        new ImageViewerPlugin<DicomImageElement>(events, "2D") {
          {
            selectedImagePane = view;
          }
        });
  }

  @AfterEach
  void noViewerLeftOpen() {
    EventManager.getInstance().setSelectedView2dContainer(null); // Weasis' singleton
    EventManager.getInstance().removeAction(ActionW.SCROLL_SERIES);
  }

  private static DicomSeries ct(int slices) {
    DicomSeries series = new DicomSeries("1.2.3.4");
    for (int i = 1; i <= slices; i++) {
      DicomImageElement slice = new DicomImageElement(null, 0);
      slice.setTag(TagD.get(0x00080018), "1.2.3.4." + i);
      slice.setTag(TagD.get(0x00200013), i);
      series.addMedia(slice);
    }
    return series;
  }

  private static DicomImageElement slice(DicomSeries series, int number) {
    return series.getSortedMedias(null).get(number - 1);
  }

  private OpenResult open(MediaSeries<?> series, DicomImageElement image, Optional<Shape> region)
      throws Exception {
    return opener.open(series, image, region).toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  private static List<Graphic> graphicsOf(DicomImageElement image) {
    GraphicModel model = (GraphicModel) image.getTagValue(TagW.PresentationModel);
    return model == null ? List.of() : model.getModels();
  }

  @Test
  void withinTheDisplayedSeriesTheSeriesScrollMovesTheViewToTheSlice() throws Exception {
    DicomSeries series = ct(24);
    aViewerShows(series);
    assertThat(view.image).isSameAs(slice(series, 1));
    DicomImageElement nine = slice(series, 9);
    Shape region = new Ellipse2D.Double(10, 10, 20, 20);

    assertThat(open(series, nine, Optional.of(region))).isEqualTo(OpenResult.OPENED_WITH_REGION);

    assertThat(view.image).isSameAs(nine);
    assertThat(scroll.values).containsExactly(9);
    List<Graphic> drawn = graphicsOf(nine);
    assertThat(drawn).hasSize(1);
    Graphic g = drawn.get(0);
    assertThat(g.getShape()).isSameAs(region);
    assertThat(g.getColorPaint()).isEqualTo(WeasisImageOpener.REGION_COLOR);
    assertThat(g.getLayer().getName()).isEqualTo(WeasisImageOpener.LAYER_NAME);
    assertThat(g.getLayer().getSerializable()).isFalse();
    assertThat(g.getLayer().getLocked()).isTrue();
    assertThat(graphicsOf(slice(series, 1))).isEmpty();
    // what radassist:viewer tells an admin or the end-to-end test
    assertThat(WeasisViewerCommand.describe())
        .endsWith("image 9 of 24, instance number 9, layers [RadAssist [AI]]");
  }

  @Test
  void theScrollPositionFollowsTheViewsOrderNotTheSeriesList() throws Exception {
    DicomSeries series = ct(24);
    view.order = Comparator.comparing(i -> -(Integer) i.getTagValue(TagD.get(0x00200013)));
    aViewerShows(series);
    assertThat(view.image).isSameAs(slice(series, 24));

    assertThat(open(series, slice(series, 9), Optional.empty())).isEqualTo(OpenResult.OPENED);

    assertThat(scroll.values).containsExactly(16); // 24, 23, ... 9 is the 16th
    assertThat(view.image).isSameAs(slice(series, 9));
  }

  @Test
  void anotherSeriesIsPutInTheViewAtTheImage() throws Exception {
    DicomSeries prior = ct(5);
    DicomSeries current = ct(24);
    aViewerShows(prior);

    assertThat(open(current, slice(current, 9), Optional.empty())).isEqualTo(OpenResult.OPENED);

    assertThat(view.series).isSameAs(current);
    assertThat(view.image).isSameAs(slice(current, 9));
    assertThat(scroll.values).isEmpty();
  }

  @Test
  void whenTheViewDoesNotMoveTheOpenFailsNamingTheInstanceAndDrawsNothing() {
    DicomSeries series = ct(24);
    aViewerShows(series);
    EventManager.getInstance().removeAction(ActionW.SCROLL_SERIES); // a viewer without a scroll
    DicomImageElement nine = slice(series, 9);

    assertThatThrownBy(() -> open(series, nine, Optional.of(new Ellipse2D.Double(0, 0, 4, 4))))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .hasMessageContaining("series scroll");
    assertThat(view.image).isSameAs(slice(series, 1));
    assertThat(graphicsOf(nine)).isEmpty();
  }

  @Test
  void weasisFailingAfterTheViewMovedStillCountsAsShownBecauseTheViewShowsTheSlice()
      throws Exception {
    DicomSeries series = ct(24);
    aViewerShows(series);
    scroll.failAfterMoving = new NullPointerException("PlanarImage.type() on an undecodable image");

    assertThat(open(series, slice(series, 9), Optional.of(new Ellipse2D.Double(0, 0, 4, 4))))
        .isEqualTo(OpenResult.OPENED_WITH_REGION);
    assertThat(view.image).isSameAs(slice(series, 9));
  }

  @Test
  void weasisFailingBeforeTheViewMovedFailsTheOpenWithWeasisReason() {
    DicomSeries series = ct(24);
    aViewerShows(series);
    scroll.failBeforeMoving = new IllegalArgumentException("boom in Weasis");
    DicomImageElement nine = slice(series, 9);

    assertThatThrownBy(() -> open(series, nine, Optional.of(new Ellipse2D.Double(0, 0, 4, 4))))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .hasMessageContaining("did not move to instance 1.2.3.4.9")
        .hasMessageContaining("boom in Weasis");
    assertThat(graphicsOf(nine)).isEmpty();
  }

  @Test
  void onlyTheLastRegionStaysDrawn() throws Exception {
    DicomSeries series = ct(3);
    aViewerShows(series);
    DicomImageElement a = slice(series, 2);
    DicomImageElement b = slice(series, 3);

    open(series, a, Optional.of(new Ellipse2D.Double(0, 0, 4, 4)));
    open(series, b, Optional.of(new Ellipse2D.Double(5, 5, 4, 4)));
    assertThat(graphicsOf(a)).isEmpty();
    assertThat(graphicsOf(b)).hasSize(1);

    assertThat(open(series, a, Optional.empty())).isEqualTo(OpenResult.OPENED);
    assertThat(graphicsOf(b)).isEmpty();
    assertThat(view.image).isSameAs(a);
  }

  @Test
  void withoutAViewerTheSeriesGoesToWeasisDefaultViewerAndTheSliceIsShownOnceItsViewIsThere()
      throws Exception {
    DicomSeries series = ct(24);
    List<Object> registered = new ArrayList<>();
    // Weasis' main window: a REGISTER of a ViewerPluginBuilder opens a viewer with the series
    model.addPropertyChangeListener(
        e -> {
          if (e instanceof ObservableEvent o
              && o.getActionCommand() == ObservableEvent.BasicAction.REGISTER
              && o.getNewValue() instanceof ViewerPluginBuilder builder) {
            registered.addAll(builder.getSeries());
            aViewerShows(series);
          }
        });

    assertThat(open(series, slice(series, 9), Optional.of(new Ellipse2D.Double(0, 0, 4, 4))))
        .isEqualTo(OpenResult.OPENED_WITH_REGION);

    assertThat(registered).containsExactly(series);
    assertThat(view.image).isSameAs(slice(series, 9));
  }

  @Test
  void theViewerCommandSaysWhenNoViewShowsASeries() {
    assertThat(WeasisViewerCommand.describe()).isEqualTo("viewer: no 2D view shows a series");
  }

  @Test
  void whenNoViewerComesTheOpenFailsInsteadOfClaimingSuccess() {
    DicomSeries series = ct(3);

    assertThatThrownBy(() -> open(series, slice(series, 2), Optional.empty()))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .hasMessageContaining("no 2D view");
  }
}
