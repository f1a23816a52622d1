package org.radassist.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether a structured field could be filled from what was said and measured. */
public enum FieldStatus {
  COMPLETE,
  INCOMPLETE;

  @JsonValue
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static FieldStatus fromJson(String value) {
    return valueOf(value.trim().toUpperCase(Locale.ROOT));
  }
}
