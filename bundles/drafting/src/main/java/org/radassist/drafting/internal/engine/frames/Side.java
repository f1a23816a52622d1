package org.radassist.drafting.internal.engine.frames;

/** Laterality of a frame. */
public enum Side {
  RIGHT,
  LEFT,
  BILATERAL,
  MIDLINE,
  NONE;

  /** True when the two sides contradict each other (right vs left; bilateral covers both). */
  public boolean contradicts(Side other) {
    return (this == RIGHT && other == LEFT) || (this == LEFT && other == RIGHT);
  }
}
