package org.radassist.drafting;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a draft request asks for; an empty set means all of them. */
public enum DraftTask {
  DRAFT,
  EXPAND_SHORTHAND,
  IMPRESSION,
  DIFFERENTIALS,
  STRUCTURED_FIELDS,
  CODES,
  CONSISTENCY,
  CRITICAL;

  @JsonValue
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static DraftTask fromJson(String value) {
    return valueOf(value.trim().toUpperCase(Locale.ROOT));
  }
}
