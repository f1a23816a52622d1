package org.radassist.sr;

/**
 * Something wrong with an SR document: where ({@code position} "1.2", or "" for the document) and
 * what. ERROR problems make the document a partial result.
 */
public record Problem(Level level, String position, String message) {
  public enum Level {
    ERROR,
    WARNING
  }

  public Problem {
    position = position == null ? "" : position;
  }

  public static Problem error(String position, String message) {
    return new Problem(Level.ERROR, position, message);
  }

  public static Problem warning(String position, String message) {
    return new Problem(Level.WARNING, position, message);
  }

  @Override
  public String toString() {
    return (position.isEmpty() ? "" : position + ": ") + message;
  }
}
