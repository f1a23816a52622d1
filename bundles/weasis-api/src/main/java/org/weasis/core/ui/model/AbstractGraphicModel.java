// Stand-in declaration of
// weasis-core/src/main/java/org/weasis/core/ui/model/AbstractGraphicModel.java
// at nroduit/Weasis tag v4.7.2 (commit d83cf2449b18c3b360ef7c0929455d87ffa4b4cb): same kind, type
// parameters, supertypes and signatures for the members declared here; only the members RadAssist
// uses are declared, with minimal bodies of our own. Compile-only, never shipped: Weasis provides
// the real type at runtime.
package org.weasis.core.ui.model;

import java.beans.PropertyChangeListener;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.weasis.core.ui.model.graphic.Graphic;
import org.weasis.core.ui.model.layer.GraphicLayer;
import org.weasis.core.ui.model.utils.imp.DefaultUUID;

/** The base of Weasis' graphic models: graphics, their layers and listeners. */
public abstract class AbstractGraphicModel extends DefaultUUID implements GraphicModel {
  private final List<GraphicLayer> layers = Collections.synchronizedList(new ArrayList<>());
  private final List<Graphic> models = Collections.synchronizedList(new ArrayList<>());
  private final List<PropertyChangeListener> graphicsListeners = new ArrayList<>();

  protected AbstractGraphicModel() {}

  @Override
  public List<Graphic> getModels() {
    return models;
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
  public List<GraphicLayer> getLayers() {
    return layers;
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
