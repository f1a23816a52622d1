// Declaration of a Weasis 4.7 type (shared/notes/weasis-api.md) for compiling the RadAssist bridge.
// Minimal body; never shipped: Weasis provides the real type at runtime.
package org.weasis.core.ui.model.imp;

import java.beans.PropertyChangeListener;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.weasis.core.api.media.data.ImageElement;
import org.weasis.core.ui.model.GraphicModel;
import org.weasis.core.ui.model.graphic.Graphic;
import org.weasis.core.ui.model.layer.GraphicLayer;

/** Weasis' graphic model of an image (there it extends AbstractGraphicModel). */
public class XmlGraphicModel implements GraphicModel {
  private final List<GraphicLayer> layers = Collections.synchronizedList(new ArrayList<>());
  private final List<Graphic> models = Collections.synchronizedList(new ArrayList<>());
  private final List<PropertyChangeListener> graphicsListeners = new ArrayList<>();

  public XmlGraphicModel() {}

  public XmlGraphicModel(ImageElement img) {}

  @Override
  public List<Graphic> getModels() {
    return models;
  }

  @Override
  public List<GraphicLayer> getLayers() {
    return layers;
  }

  @Override
  public void addGraphic(Graphic graphic) {
    if (graphic != null) {
      GraphicLayer layer = graphic.getLayer();
      if (layer != null && !layers.contains(layer)) {
        layers.add(layer);
      }
      models.add(graphic);
    }
  }

  @Override
  public void deleteByLayer(GraphicLayer layer) {
    synchronized (models) {
      models.removeIf(g -> layer.equals(g.getLayer()));
      layers.removeIf(l -> l.equals(layer));
    }
  }

  @Override
  public List<PropertyChangeListener> getGraphicsListeners() {
    return graphicsListeners;
  }
}
