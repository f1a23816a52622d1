// Stand-in declaration of
// weasis-core/src/main/java/org/weasis/core/ui/model/graphic/imp/NonEditableGraphic.java
// at nroduit/Weasis tag v4.7.2 (commit d83cf2449b18c3b360ef7c0929455d87ffa4b4cb): same kind, type
// parameters, supertypes and signatures for the members declared here; only the members RadAssist
// uses are declared, with minimal bodies of our own. Compile-only, never shipped: Weasis provides
// the real type at runtime.
package org.weasis.core.ui.model.graphic.imp;

import java.awt.Shape;
import org.weasis.core.ui.model.graphic.AbstractGraphic;
import org.weasis.core.ui.model.graphic.Graphic;

/** A graphic of any shape the user cannot edit (Weasis' SR and RT regions use it). */
public class NonEditableGraphic extends AbstractGraphic {
  public NonEditableGraphic(Shape path) {
    super(0);
    this.shape = path;
  }

  @Override
  public Graphic copy() {
    NonEditableGraphic copy = new NonEditableGraphic(shape);
    copy.setLayer(getLayer());
    return copy;
  }
}
