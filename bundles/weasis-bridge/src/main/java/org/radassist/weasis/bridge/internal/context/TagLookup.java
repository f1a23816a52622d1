package org.radassist.weasis.bridge.internal.context;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Optional;

/**
 * The attributes of one node of a viewer's patient / study / series / instance tree, by DICOM tag.
 * Viewers hand values over in their own types (Weasis: String, String[] for multi-valued
 * attributes, LocalDate for DA, Integer for IS); the readers here normalise them and treat anything
 * unreadable as absent, because a bad header must not stop the panels.
 */
@FunctionalInterface
public interface TagLookup {

  /** The raw value of a tag, or null. */
  Object value(int tag);

  /** A lookup with no attributes (a node the viewer does not have). */
  static TagLookup empty() {
    return tag -> null;
  }

  /** The first non-blank text value, trimmed. */
  default Optional<String> text(int tag) {
    Object v = value(tag);
    if (v instanceof String[] values) {
      for (String s : values) {
        if (s != null && !s.isBlank()) {
          return Optional.of(s.trim());
        }
      }
      return Optional.empty();
    }
    if (v == null) {
      return Optional.empty();
    }
    String s = v.toString().trim();
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }

  /** A DA value given as a date or as DICOM text (yyyyMMdd, or the old yyyy.MM.dd). */
  default Optional<LocalDate> date(int tag) {
    Object v = value(tag);
    if (v instanceof LocalDate d) {
      return Optional.of(d);
    }
    if (v instanceof TemporalAccessor t) {
      try {
        return Optional.of(LocalDate.from(t));
      } catch (RuntimeException e) {
        return Optional.empty();
      }
    }
    return text(tag)
        .map(s -> s.replace(".", ""))
        .flatMap(
            s -> {
              try {
                return Optional.of(LocalDate.parse(s, DateTimeFormatter.BASIC_ISO_DATE));
              } catch (DateTimeParseException e) {
                return Optional.empty();
              }
            });
  }

  /** An IS value given as a number or as text. */
  default Optional<Integer> integer(int tag) {
    Object v = value(tag);
    if (v instanceof Number n) {
      return Optional.of(n.intValue());
    }
    if (v instanceof int[] values && values.length > 0) {
      return Optional.of(values[0]);
    }
    return text(tag)
        .flatMap(
            s -> {
              try {
                return Optional.of(Integer.parseInt(s.startsWith("+") ? s.substring(1) : s));
              } catch (NumberFormatException e) {
                return Optional.empty();
              }
            });
  }
}
