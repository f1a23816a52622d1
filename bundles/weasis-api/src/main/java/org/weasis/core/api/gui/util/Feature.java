// Stand-in declaration of weasis-core/src/main/java/org/weasis/core/api/gui/util/Feature.java
// at nroduit/Weasis tag v4.7.2 (commit d83cf2449b18c3b360ef7c0929455d87ffa4b4cb): same kind, type
// parameters, supertypes and signatures for the members declared here; only the members RadAssist
// uses are declared, with minimal bodies of our own. Compile-only, never shipped: Weasis provides
// the real type at runtime.
package org.weasis.core.api.gui.util;

import java.awt.Cursor;

/** The key of a viewer action; {@code T} is the action's type. */
public abstract class Feature<T> implements KeyActionValue {
  private final String title;
  private final String command;

  protected Feature(String title, String command, int keyEvent, int modifier, Cursor cursor) {
    this.title = title;
    this.command = command;
  }

  public String cmd() {
    return command;
  }

  @Override
  public String toString() {
    return title;
  }

  /** The key of a cine slider action (Weasis' series scroll). */
  public static final class SliderCineListenerValue extends Feature<SliderCineListener> {
    public SliderCineListenerValue(
        String title, String command, int keyEvent, int modifier, Cursor cursor) {
      super(title, command, keyEvent, modifier, cursor);
    }
  }
}
