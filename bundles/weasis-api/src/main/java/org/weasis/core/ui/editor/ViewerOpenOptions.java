// Stand-in declaration of
// weasis-core/src/main/java/org/weasis/core/ui/editor/ViewerOpenOptions.java
// at nroduit/Weasis tag v4.7.2 (commit d83cf2449b18c3b360ef7c0929455d87ffa4b4cb): same kind, type
// parameters, supertypes and signatures for the members declared here; only the members RadAssist
// uses are declared, with minimal bodies of our own. Compile-only, never shipped: Weasis provides
// the real type at runtime.
package org.weasis.core.ui.editor;

import javax.swing.Icon;

/** How a viewer opens series (Weasis 4.7 replaced the boolean flags of 4.6 with this record). */
public record ViewerOpenOptions(
    ViewerPlacement placement,
    TabFocusPolicy tabFocusPolicy,
    Icon icon,
    String uid,
    int seriesCount) {
  public static ViewerOpenOptions defaults() {
    return new ViewerOpenOptions(
        ViewerPlacement.reuseViewer(), TabFocusPolicy.foreground(), null, null, 1);
  }
}
