package org.radassist.model;

import java.time.Duration;

/**
 * ACR Actionable Reporting Work Group categories (Larson et al., JACR 2014) with the default time
 * frame for communication; institutions configure their own.
 */
public enum CriticalCategory {
  /** Could lead to death or significant morbidity: communicate within minutes, directly. */
  CATEGORY_1(Duration.ofMinutes(60)),
  /** Clinically significant, needs specific treatment: within hours. */
  CATEGORY_2(Duration.ofHours(6)),
  /** Significant but not immediately dangerous: within days. */
  CATEGORY_3(Duration.ofDays(3));

  private final Duration defaultTimeFrame;

  CriticalCategory(Duration defaultTimeFrame) {
    this.defaultTimeFrame = defaultTimeFrame;
  }

  public Duration defaultTimeFrame() {
    return defaultTimeFrame;
  }

  public int number() {
    return ordinal() + 1;
  }
}
