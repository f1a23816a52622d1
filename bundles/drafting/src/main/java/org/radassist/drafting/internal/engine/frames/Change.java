package org.radassist.drafting.internal.engine.frames;

/**
 * Change of a lesion against the prior study, as the text states it.
 *
 * @param status what the words say (or the sizes, when a prior size is given)
 * @param priorMm the size on the prior study in mm, or null
 * @param start offset of the words or prior size that say so, -1 when not stated
 * @param end end offset, -1 when not stated
 */
public record Change(Status status, Double priorMm, int start, int end) {
  public static final Change NOT_STATED = new Change(Status.NOT_STATED, null, -1, -1);

  /** How a lesion compares with the prior. */
  public enum Status {
    NOT_STATED,
    NEW,
    GROWING,
    STABLE,
    DECREASED,
    RESOLVED
  }
}
