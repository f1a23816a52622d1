package org.radassist.drafting.wire;

/**
 * A request body or event data that does not follow the drafting contract. The message names the
 * offending field by its JSON path (e.g. {@code dictation[2].text}) and says what is wrong, so that
 * a server can return it as the detail of a 400/422 problem.
 */
public class WireFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String field;

  public WireFormatException(String field, String message, Throwable cause) {
    super(field == null || field.isEmpty() ? message : field + ": " + message, cause);
    this.field = field == null ? "" : field;
  }

  public WireFormatException(String field, String message) {
    this(field, message, null);
  }

  /** The JSON path of the offending field, or "" when the document as a whole is bad. */
  public String field() {
    return field;
  }
}
