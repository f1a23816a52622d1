package org.radassist.weasis.bridge.internal;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.swing.SwingUtilities;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.weasis.core.api.gui.util.ActionW;
import org.weasis.core.api.gui.util.Filter;
import org.weasis.core.api.media.data.MediaSeries;
import org.weasis.core.api.media.data.TagW;
import org.weasis.core.ui.editor.image.ViewCanvas;
import org.weasis.core.ui.model.GraphicModel;
import org.weasis.core.ui.model.layer.GraphicLayer;
import org.weasis.dicom.codec.DicomImageElement;
import org.weasis.dicom.codec.TagD;
import org.weasis.dicom.viewer2d.EventManager;

/**
 * The Weasis shell commands, for admins and the end-to-end test, both run on the event thread:
 * radassist:viewer says what Weasis' selected 2D view shows (the series, the image's position in
 * the view's order as the scroll bar shows it, its instance number and the graphic layers drawn on
 * it); radassist:tool expands the RadAssist tool out of the side bar.
 */
@Component(
    service = WeasisViewerCommand.class,
    property = {
      "osgi.command.scope=radassist",
      "osgi.command.function=viewer",
      "osgi.command.function=tool"
    })
public final class WeasisViewerCommand {
  private final WeasisPanelDockFactory tools;

  @Activate
  public WeasisViewerCommand(@Reference WeasisPanelDockFactory tools) {
    this.tools = tools;
  }

  public String viewer() {
    return onEdt("viewer", WeasisViewerCommand::describe);
  }

  public String tool() {
    return onEdt("tool", tools::expandTool);
  }

  private static String onEdt(String command, Supplier<String> work) {
    AtomicReference<String> out = new AtomicReference<>();
    try {
      if (SwingUtilities.isEventDispatchThread()) {
        out.set(work.get());
      } else {
        SwingUtilities.invokeAndWait(() -> out.set(work.get()));
      }
    } catch (InvocationTargetException e) {
      return command + ": failed: " + e.getCause();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return command + ": interrupted";
    }
    return out.get();
  }

  static String describe() {
    ViewCanvas<DicomImageElement> view = EventManager.getInstance().getSelectedViewPane();
    if (view == null || view.getSeries() == null) {
      return "viewer: no 2D view shows a series";
    }
    MediaSeries<DicomImageElement> series = view.getSeries();
    DicomImageElement image = view.getImage();
    @SuppressWarnings("unchecked")
    Filter<DicomImageElement> filter =
        view.getActionValue(ActionW.FILTERED_SERIES.cmd()) instanceof Filter<?> f
            ? (Filter<DicomImageElement>) f
            : null;
    List<DicomImageElement> order = series.copyOfMedias(filter, view.getCurrentSortComparator());
    int position = -1;
    for (int i = 0; i < order.size(); i++) {
      if (order.get(i) == image) {
        position = i + 1;
      }
    }
    List<String> layers = new ArrayList<>();
    if (image != null && image.getTagValue(TagW.PresentationModel) instanceof GraphicModel model) {
      for (GraphicLayer layer : model.getLayers()) {
        layers.add(layer.getName() == null ? String.valueOf(layer.getType()) : layer.getName());
      }
    }
    return "viewer: series "
        + TagD.getTagValue(series, 0x0020000E)
        + " ("
        + TagD.getTagValue(series, 0x0008103E)
        + ") image "
        + position
        + " of "
        + order.size()
        + ", instance number "
        + (image == null ? null : TagD.getTagValue(image, 0x00200013))
        + ", layers "
        + layers;
  }
}
