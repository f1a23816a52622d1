// Stand-in declaration of weasis-core/src/main/java/org/weasis/core/ui/model/GraphicModel.java
// at nroduit/Weasis tag v4.7.2 (commit d83cf2449b18c3b360ef7c0929455d87ffa4b4cb): same kind, type
// parameters, supertypes and signatures for the members declared here; only the members RadAssist
// uses are declared, with minimal bodies of our own. Compile-only, never shipped: Weasis provides
// the real type at runtime.
package org.weasis.core.ui.model;

import java.beans.PropertyChangeListener;
import java.util.List;
import org.weasis.core.ui.model.graphic.Graphic;
import org.weasis.core.ui.model.layer.GraphicLayer;
import org.weasis.core.ui.model.utils.UUIDable;

/**
 * The graphics of one image, kept in the image's tag TagW.PresentationModel; a view draws the model
 * of the image it shows. Only the members RadAssist uses are declared.
 */
public interface GraphicModel extends UUIDable {
  List<Graphic> getModels();

  void addGraphic(Graphic graphic);

  List<GraphicLayer> getLayers();

  void deleteByLayer(GraphicLayer layer);

  List<PropertyChangeListener> getGraphicsListeners();
}
