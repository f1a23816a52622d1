package org.radassist.sr;

/** A file that cannot be read as an SR document at all; the message names the reason. */
public class SrReadException extends Exception {
  private static final long serialVersionUID = 1L;

  public SrReadException(String message) {
    super(message);
  }

  public SrReadException(String message, Throwable cause) {
    super(message, cause);
  }
}
