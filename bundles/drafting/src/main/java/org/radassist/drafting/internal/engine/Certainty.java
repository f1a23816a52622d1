package org.radassist.drafting.internal.engine;

/** How a sentence states a finding. */
enum Certainty {
  PRESENT,
  UNCERTAIN,
  NEGATED
}
