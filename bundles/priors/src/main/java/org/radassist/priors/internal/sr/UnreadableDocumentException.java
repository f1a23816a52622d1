package org.radassist.priors.internal.sr;

/** An SR document that cannot be used; the message says why, in one line. */
public final class UnreadableDocumentException extends Exception {
  private static final long serialVersionUID = 1L;

  public UnreadableDocumentException(String message) {
    super(message);
  }
}
