package org.radassist.drafting.service.internal.llm;

/** The model's output is not the JSON the schema asks for; the message names the path. */
public final class ModelOutputException extends Exception {
  private static final long serialVersionUID = 1L;

  public ModelOutputException(String message, Throwable cause) {
    super(message, cause);
  }

  public ModelOutputException(String message) {
    super(message);
  }
}
