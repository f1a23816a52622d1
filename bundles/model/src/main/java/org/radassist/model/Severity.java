package org.radassist.model;

/** How loudly a flag must be shown. */
public enum Severity {
  INFO,
  WARNING,
  CRITICAL
}
