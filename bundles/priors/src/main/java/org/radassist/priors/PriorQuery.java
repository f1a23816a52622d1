package org.radassist.priors;

/**
 * How many priors to keep and how relevant they must be. A patient may have hundreds of studies;
 * only the most relevant few are worth fetching documents for.
 *
 * @param maxPriors keep at most this many priors (the most relevant first)
 * @param minRelevance drop priors scoring below this, in [0, 1]
 */
public record PriorQuery(int maxPriors, double minRelevance) {
  public PriorQuery {
    if (maxPriors < 0) {
      throw new IllegalArgumentException("maxPriors must not be negative, was " + maxPriors);
    }
    if (minRelevance < 0 || minRelevance > 1) {
      throw new IllegalArgumentException("minRelevance must be in [0, 1], was " + minRelevance);
    }
  }

  /** Up to 10 priors of the same body region (or the same modality when the region is unknown). */
  public static PriorQuery defaults() {
    return new PriorQuery(10, 0.55);
  }
}
