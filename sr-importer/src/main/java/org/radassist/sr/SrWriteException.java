package org.radassist.sr;

/** A report that cannot be written (bad input values, encoder failure); the message says why. */
public class SrWriteException extends Exception {
  private static final long serialVersionUID = 1L;

  public SrWriteException(String message) {
    super(message);
  }

  public SrWriteException(String message, Throwable cause) {
    super(message, cause);
  }
}
