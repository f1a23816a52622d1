package org.radassist.cli.eval;

/**
 * A finding RadAssist asserts as present (after its assertion context): the engine's key for it (a
 * RadLex / ICD-10-CM code today, a frame's lesion kind once the engine has frames), the side it
 * applies to ("left", "right", "bilateral" or "" when none was said) and the words it rests on.
 */
public record Observation(String key, String side, String quote) {
  public Observation {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("an observation needs a key");
    }
    side = side == null ? "" : side;
    quote = quote == null ? "" : quote;
  }
}
