// Declaration of a Weasis 4.7 type (shared/notes/weasis-api.md) for compiling the RadAssist bridge.
// Minimal body; never shipped: Weasis provides the real type at runtime.
package org.weasis.core.ui.model;

import java.beans.PropertyChangeListener;
import java.util.List;
import org.weasis.core.ui.model.graphic.Graphic;
import org.weasis.core.ui.model.layer.GraphicLayer;

/**
 * The graphics of one image, kept in the image's tag TagW.PresentationModel; a view draws the model
 * of the image it shows. Only the members the bridge uses are declared.
 */
public interface GraphicModel {

  List<Graphic> getModels();

  List<GraphicLayer> getLayers();

  void addGraphic(Graphic graphic);

  void deleteByLayer(GraphicLayer layer);

  List<PropertyChangeListener> getGraphicsListeners();
}
