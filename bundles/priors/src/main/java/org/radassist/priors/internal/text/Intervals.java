package org.radassist.priors.internal.text;

import java.time.LocalDate;
import java.time.Period;

/** Intervals as a radiologist writes them: "12 days", "6 months", "2 years", "18 months". */
public final class Intervals {
  private Intervals() {}

  public static String between(LocalDate from, LocalDate to) {
    Period period = Period.between(from, to);
    long months = period.toTotalMonths() + (period.getDays() >= 15 ? 1 : 0);
    if (months < 1) {
      long days = java.time.temporal.ChronoUnit.DAYS.between(from, to);
      return days == 1 ? "1 day" : days + " days";
    }
    if (months >= 24 && months % 12 == 0) {
      return months / 12 + " years";
    }
    return months == 1 ? "1 month" : months + " months";
  }
}
