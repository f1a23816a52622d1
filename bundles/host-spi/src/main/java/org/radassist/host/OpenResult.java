package org.radassist.host;

/** What the host did with a request to open an image reference. */
public enum OpenResult {
  /** Shown, with the region drawn if one was given. */
  OPENED_WITH_REGION,
  /** Shown; the host cannot draw the region. */
  OPENED,
  /** The referenced instance is not loaded in this host. */
  NOT_LOADED,
  /** The host cannot show this kind of object (e.g. a waveform). */
  UNSUPPORTED
}
