// Stand-in declaration of
// weasis-core/src/main/java/org/weasis/core/api/gui/util/SliderChangeListener.java
// at nroduit/Weasis tag v4.7.2 (commit d83cf2449b18c3b360ef7c0929455d87ffa4b4cb): same kind, type
// parameters, supertypes and signatures for the members declared here; only the members RadAssist
// uses are declared, with minimal bodies of our own. Compile-only, never shipped: Weasis provides
// the real type at runtime.
package org.weasis.core.api.gui.util;

import javax.swing.BoundedRangeModel;
import javax.swing.DefaultBoundedRangeModel;
import javax.swing.event.ChangeEvent;
import javax.swing.event.ChangeListener;

/**
 * A slider action: setting its value changes its model, whose change calls {@link
 * #stateChanged(BoundedRangeModel)} (in the 2D viewer's scroll: shows that image in the view).
 */
public abstract class SliderChangeListener extends MouseActionAdapter
    implements ChangeListener, ActionState {
  private final Feature<? extends ActionState> action;
  private final DefaultBoundedRangeModel model;
  private boolean enabled = true;

  protected SliderChangeListener(
      Feature<? extends ActionState> action, int min, int max, int value) {
    this.action = action;
    this.model = new DefaultBoundedRangeModel(value, 0, min, max);
    model.addChangeListener(this);
  }

  @Override
  public void enableAction(boolean enabled) {
    this.enabled = enabled;
  }

  @Override
  public boolean isActionEnabled() {
    return enabled;
  }

  @Override
  public Feature<? extends ActionState> getActionW() {
    return action;
  }

  public void setSliderMinMaxValue(int min, int max, int value) {
    model.setRangeProperties(value, 0, min, max, false);
  }

  public void setSliderValue(int value) {
    model.setValue(value);
  }

  public int getSliderMin() {
    return model.getMinimum();
  }

  public int getSliderMax() {
    return model.getMaximum();
  }

  public int getSliderValue() {
    return model.getValue();
  }

  @Override
  public void stateChanged(ChangeEvent evt) {
    stateChanged(model);
  }

  public abstract void stateChanged(BoundedRangeModel model);
}
