package org.radassist.priors;

/** Why two findings from different studies were taken to be the same lesion, strongest first. */
public enum MatchBasis {
  /** The same TID 1500 Tracking Unique Identifier. */
  TRACKING_UID,
  /** The same TID 1500 Tracking Identifier (human readable, e.g. "Nodule 1"). */
  TRACKING_IDENTIFIER,
  /** Same finding type, site and laterality, and close in patient coordinates. */
  TYPE_SITE_POSITION,
  /** Same finding type, site and laterality; the only candidate, or the closest in size. */
  TYPE_SITE
}
