package org.radassist.drafting.internal.rules;

import java.util.Locale;
import java.util.Optional;
import org.radassist.model.ScoringSystem;

/**
 * BI-RADS (ACR Atlas, 5th edition 2013): assessment categories, their management, breast
 * composition, and the consistency check between a category and the recommendation given.
 */
public final class BiRads {
  public static final String VERSION = "5th edition";

  private BiRads() {}

  /** What a recommendation asks for, coarsely. */
  public enum Management {
    ADDITIONAL_IMAGING,
    ROUTINE_SCREENING,
    SHORT_INTERVAL_FOLLOW_UP,
    TISSUE_DIAGNOSIS,
    SURGICAL_EXCISION
  }

  /** Normalises "4a", "4 A", "iv" etc.? Only digits and an optional A/B/C are accepted. */
  public static Optional<String> parseCategory(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.trim().toUpperCase(Locale.ROOT).replace(" ", "");
    return t.matches("[0-6]|4[ABC]") ? Optional.of(t) : Optional.empty();
  }

  /** The management the atlas gives for a category. */
  public static Management management(String category) {
    return switch (category.charAt(0)) {
      case '0' -> Management.ADDITIONAL_IMAGING;
      case '1', '2' -> Management.ROUTINE_SCREENING;
      case '3' -> Management.SHORT_INTERVAL_FOLLOW_UP;
      case '4', '5' -> Management.TISSUE_DIAGNOSIS;
      case '6' -> Management.SURGICAL_EXCISION;
      default -> throw new IllegalArgumentException("not a BI-RADS category: " + category);
    };
  }

  public static Assessment assess(String category) {
    String c =
        parseCategory(category)
            .orElseThrow(() -> new IllegalArgumentException("not a BI-RADS category: " + category));
    String management =
        switch (management(c)) {
          case ADDITIONAL_IMAGING ->
              "recall for additional imaging and/or comparison with prior exams";
          case ROUTINE_SCREENING -> "routine screening";
          case SHORT_INTERVAL_FOLLOW_UP ->
              "short-interval (6-month) follow-up or continued surveillance";
          case TISSUE_DIAGNOSIS -> "tissue diagnosis";
          case SURGICAL_EXCISION -> "surgical excision when clinically appropriate";
        };
    String likelihood =
        switch (c.charAt(0)) {
          case '1', '2' -> "essentially 0% likelihood of malignancy";
          case '3' -> "> 0% but <= 2% likelihood of malignancy";
          case '4' ->
              switch (c) {
                case "4A" -> "> 2% to <= 10% likelihood of malignancy";
                case "4B" -> "> 10% to <= 50% likelihood of malignancy";
                case "4C" -> "> 50% to < 95% likelihood of malignancy";
                default -> "> 2% but < 95% likelihood of malignancy";
              };
          case '5' -> ">= 95% likelihood of malignancy";
          case '6' -> "known biopsy-proven malignancy";
          default -> "incomplete: needs additional imaging and/or prior exams";
        };
    return new Assessment(ScoringSystem.BI_RADS, VERSION, c, management, likelihood);
  }

  /** True when the category and the recommendation agree (4 with routine screening does not). */
  public static boolean consistent(String category, Management recommended) {
    Management expected = management(category);
    return expected == recommended
        // a 6 may also be followed by treatment other than excision; a 3 by surveillance
        || (expected == Management.SURGICAL_EXCISION && recommended == Management.TISSUE_DIAGNOSIS);
  }

  /** Screening mammography is assessed 0, 1 or 2 only. */
  public static boolean allowedOnScreening(String category) {
    return category.equals("0") || category.equals("1") || category.equals("2");
  }

  /** Breast composition a-d from its letter or its words, if the text names one. */
  public static Optional<String> composition(String text) {
    String t = text.toLowerCase(Locale.ROOT);
    if (t.contains("almost entirely fatty") || t.contains("entirely fatty")) {
      return Optional.of("a");
    } else if (t.contains("scattered") && t.contains("fibroglandular")) {
      return Optional.of("b");
    } else if (t.contains("heterogeneously dense")) {
      return Optional.of("c");
    } else if (t.contains("extremely dense")) {
      return Optional.of("d");
    }
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "\\b(?:composition|density)\\s*(?:category\\s*)?([abcd])\\b")
            .matcher(t);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
