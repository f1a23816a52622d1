package org.radassist.weasis.bridge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.radassist.host.OpenResult;
import org.weasis.core.api.media.data.MediaSeries;
import org.weasis.core.api.media.data.TagW;
import org.weasis.core.ui.editor.image.ImageViewerPlugin;
import org.weasis.core.ui.editor.image.ViewCanvas;
import org.weasis.core.ui.model.GraphicModel;
import org.weasis.core.ui.model.graphic.Graphic;
import org.weasis.dicom.codec.DicomImageElement;
import org.weasis.dicom.explorer.DicomModel;
import org.weasis.dicom.viewer2d.EventManager;

/**
 * The opener against the Weasis 4.7 declarations: the selected 2D view is set to the referenced
 * image and the region lands in the image's graphic model, in RadAssist's own locked layer.
 */
class WeasisImageOpenerTest {
  private final WeasisImageOpener opener = new WeasisImageOpener(new DicomModel());

  static final class Image extends DicomImageElement {}

  static final class Series implements MediaSeries<DicomImageElement> {
    final List<DicomImageElement> images = new ArrayList<>();
    final Map<TagW, Object> tags = new HashMap<>();

    @Override
    public List<DicomImageElement> getSortedMedias(Comparator<DicomImageElement> comparator) {
      return images;
    }

    @Override
    public String getMimeType() {
      return "image/dicom";
    }

    @Override
    public TagW getTagID() {
      return null;
    }

    @Override
    public boolean matchIdValue(Object valueID) {
      return false;
    }

    @Override
    public TagW getTagElement(int id) {
      return null;
    }

    @Override
    public void dispose() {}

    @Override
    public void setTag(TagW tag, Object value) {
      tags.put(tag, value);
    }

    @Override
    public void setTagNoNull(TagW tag, Object value) {
      if (value != null) {
        tags.put(tag, value);
      }
    }

    @Override
    public boolean containTagKey(TagW tag) {
      return tags.containsKey(tag);
    }

    @Override
    public Object getTagValue(TagW tag) {
      return tags.get(tag);
    }

    @Override
    public Iterator<Entry<TagW, Object>> getTagEntrySetIterator() {
      return Collections.unmodifiableMap(tags).entrySet().iterator();
    }
  }

  /** A view recording what the viewer was asked to show. */
  static final class View implements ViewCanvas<DicomImageElement> {
    MediaSeries<DicomImageElement> series;
    DicomImageElement image;

    @Override
    public MediaSeries<DicomImageElement> getSeries() {
      return series;
    }

    @Override
    public DicomImageElement getImage() {
      return image;
    }

    @Override
    public void setSeries(MediaSeries<DicomImageElement> newSeries, DicomImageElement media) {
      series = newSeries;
      image = media;
    }
  }

  private final View view = new View();

  private void aViewerIsOpen() {
    EventManager.getInstance()
        .setSelectedView2dContainer(
            new ImageViewerPlugin<>() {
              @Override
              public ViewCanvas<DicomImageElement> getSelectedImagePane() {
                return view;
              }

              @Override
              public String getPluginName() {
                return "2D";
              }
            });
  }

  @AfterEach
  void noViewerLeftOpen() {
    EventManager.getInstance().setSelectedView2dContainer(null); // Weasis' singleton
  }

  private OpenResult open(Series series, Image image, Optional<Shape> region) throws Exception {
    return opener.open(series, image, region).toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  private static List<Graphic> graphicsOf(Image image) {
    GraphicModel model = (GraphicModel) image.getTagValue(TagW.PresentationModel);
    return model == null ? List.of() : model.getModels();
  }

  @Test
  void theImageIsShownInTheSelectedViewWithItsRegionInALockedUnsavedLayer() throws Exception {
    aViewerIsOpen();
    Series series = new Series();
    Image first = new Image();
    Image target = new Image();
    series.images.addAll(List.of(first, target));
    Shape region = new Ellipse2D.Double(10, 10, 20, 20);

    assertThat(open(series, target, Optional.of(region))).isEqualTo(OpenResult.OPENED_WITH_REGION);

    assertThat(view.series).isSameAs(series);
    assertThat(view.image).isSameAs(target);
    List<Graphic> drawn = graphicsOf(target);
    assertThat(drawn).hasSize(1);
    Graphic g = drawn.get(0);
    assertThat(g.getShape()).isSameAs(region);
    assertThat(g.getColorPaint()).isEqualTo(WeasisImageOpener.REGION_COLOR);
    assertThat(g.getLayer().getName()).isEqualTo(WeasisImageOpener.LAYER_NAME);
    assertThat(g.getLayer().getSerializable()).isFalse();
    assertThat(g.getLayer().getLocked()).isTrue();
    assertThat(graphicsOf(first)).isEmpty();
  }

  @Test
  void onlyTheLastRegionStaysDrawn() throws Exception {
    aViewerIsOpen();
    Series series = new Series();
    Image a = new Image();
    Image b = new Image();
    series.images.addAll(List.of(a, b));

    open(series, a, Optional.of(new Ellipse2D.Double(0, 0, 4, 4)));
    open(series, b, Optional.of(new Ellipse2D.Double(5, 5, 4, 4)));
    assertThat(graphicsOf(a)).isEmpty();
    assertThat(graphicsOf(b)).hasSize(1);

    assertThat(open(series, a, Optional.empty())).isEqualTo(OpenResult.OPENED);
    assertThat(graphicsOf(b)).isEmpty();
    assertThat(view.image).isSameAs(a);
  }

  @Test
  void withoutAnOpenViewerTheSeriesIsOpenedButNothingIsDrawn() throws Exception {
    Series series = new Series();
    Image image = new Image();
    series.images.add(image);

    assertThat(open(series, image, Optional.of(new Ellipse2D.Double(0, 0, 4, 4))))
        .isEqualTo(OpenResult.OPENED);
    assertThat(graphicsOf(image)).isEmpty();
    assertThat(view.series).isNull();
  }
}
