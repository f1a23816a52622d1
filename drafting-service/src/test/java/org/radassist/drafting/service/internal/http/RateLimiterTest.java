package org.radassist.drafting.service.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private final AtomicLong now = new AtomicLong();
  private final RateLimiter limiter = new RateLimiter(2, 3, now::get);

  @Test
  void aClientMayBurstItsCapacityAndIsThenToldHowLongToWait() {
    assertThat(limiter.acquire("a")).isZero();
    assertThat(limiter.acquire("a")).isZero();
    assertThat(limiter.acquire("a")).isZero();

    assertThat(limiter.acquire("a")).isEqualTo(1);
  }

  @Test
  void tokensComeBackAtTheConfiguredRate() {
    for (int i = 0; i < 3; i++) {
      limiter.acquire("a");
    }
    now.addAndGet(TimeUnit.MILLISECONDS.toNanos(500)); // 2/s: one token back

    assertThat(limiter.acquire("a")).isZero();
    assertThat(limiter.acquire("a")).isEqualTo(1);
  }

  @Test
  void clientsHaveSeparateBuckets() {
    for (int i = 0; i < 3; i++) {
      limiter.acquire("a");
    }
    assertThat(limiter.acquire("a")).isPositive();
    assertThat(limiter.acquire("b")).isZero();
  }

  @Test
  void aRateOfZeroLetsEverythingThrough() {
    RateLimiter off = new RateLimiter(0, 0, now::get);
    for (int i = 0; i < 1000; i++) {
      assertThat(off.acquire("a")).isZero();
    }
    assertThat(off.enabled()).isFalse();
  }
}
