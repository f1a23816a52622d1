package org.radassist.priors.internal.dicomweb;

import java.io.IOException;

/**
 * A DICOMweb call that failed. {@code unreachable} is true when the server could not be reached or
 * did not answer in time (as opposed to answering with an error status).
 */
public final class DicomWebException extends IOException {
  private static final long serialVersionUID = 1L;
  private final boolean unreachable;

  public DicomWebException(String message, boolean unreachable, Throwable cause) {
    super(message, cause);
    this.unreachable = unreachable;
  }

  public boolean unreachable() {
    return unreachable;
  }
}
