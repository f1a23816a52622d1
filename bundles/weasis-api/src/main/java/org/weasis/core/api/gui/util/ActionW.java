// Stand-in declaration of weasis-core/src/main/java/org/weasis/core/api/gui/util/ActionW.java
// at nroduit/Weasis tag v4.7.2 (commit d83cf2449b18c3b360ef7c0929455d87ffa4b4cb): same kind, type
// parameters, supertypes and signatures for the members declared here; only the members RadAssist
// uses are declared, with minimal bodies of our own. Compile-only, never shipped: Weasis provides
// the real type at runtime.
package org.weasis.core.api.gui.util;

/** The keys of the viewers' actions (only those RadAssist uses are declared). */
public class ActionW {
  /** The 2D viewer's series scroll: its slider value is the 1-based position in the view. */
  public static final Feature.SliderCineListenerValue SCROLL_SERIES =
      new Feature.SliderCineListenerValue("Scroll", "sequence", 0, 0, null);

  /** A view's action value under this command is the Filter applied to its series. */
  @SuppressWarnings("rawtypes")
  public static final Feature FILTERED_SERIES =
      new Feature<Boolean>("", "filter_series", 0, 0, null) {};
}
