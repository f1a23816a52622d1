package org.radassist.priors;

/** How a prior lookup went, as the panel shows it. */
public enum LookupStatus {
  /** Every source answered. */
  OK,
  /** The study was found but some priors or documents could not be read (see the notes). */
  PARTIAL,
  /** The source could not be reached or did not answer in time (PACS down or slow). */
  UNAVAILABLE,
  /** The source answered but does not know the study. */
  NOT_FOUND
}
