package org.radassist.governance;

/** A configuration value was refused; the message names the key, the value and the reason. */
public class InvalidConfigurationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidConfigurationException(String key, String value, String reason) {
    super(key + " = \"" + value + "\": " + reason);
  }
}
