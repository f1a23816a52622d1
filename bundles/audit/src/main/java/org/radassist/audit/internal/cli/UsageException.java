package org.radassist.audit.internal.cli;

/** A command line the command cannot run; the message says what to change. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
