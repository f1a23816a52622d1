package org.radassist.drafting.service.internal.store;

/** The store could not be reached or refused a statement; the server answers 503. */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
