package org.radassist.drafting;

/** A draft could not be made; the code and retryability travel as in the contract's error event. */
public class DraftingException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String code;
  private final boolean retryable;

  public DraftingException(String code, boolean retryable, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
    this.retryable = retryable;
  }

  public DraftingException(String code, boolean retryable, String message) {
    this(code, retryable, message, null);
  }

  public String code() {
    return code;
  }

  public boolean retryable() {
    return retryable;
  }
}
