package org.radassist.drafting.service.e2e;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * Records every {@code POST /v1/drafts} attempt the remote client makes against the real service:
 * the Idempotency-Key and Last-Event-ID sent, the status, {@code X-Draft-Id} and {@code
 * Idempotent-Replayed} answered, or the I/O failure (refused, reset, timeout). Also tells when a
 * request has been written to the socket, so a test can kill the server while the request is in
 * flight. It observes only: nothing is changed or faked.
 */
final class HttpLog implements Interceptor {

  /** One attempt; {@code status} 0 while it runs or when it failed without an answer. */
  record Attempt(
      String key,
      String lastEventId,
      int status,
      String draftId,
      boolean replayed,
      String failure) {
    boolean answered() {
      return status > 0;
    }
  }

  private final List<Attempt> attempts = new ArrayList<>();
  private int requestsWritten;

  /** A client that records into this log. */
  OkHttpClient client() {
    return new OkHttpClient.Builder()
        .addInterceptor(this)
        .eventListener(
            new EventListener() {
              @Override
              public void requestHeadersEnd(Call call, okhttp3.Request request) {
                if (request.body() == null) {
                  written();
                }
              }

              @Override
              public void requestBodyEnd(Call call, long byteCount) {
                written();
              }
            })
        .build();
  }

  private synchronized void written() {
    requestsWritten++;
    notifyAll();
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    okhttp3.Request request = chain.request();
    if (!request.url().encodedPath().startsWith("/v1/drafts")) {
      return chain.proceed(request);
    }
    String key = request.header("Idempotency-Key");
    String last = request.header("Last-Event-ID");
    try {
      Response r = chain.proceed(request);
      add(
          new Attempt(
              key,
              last,
              r.code(),
              r.header("X-Draft-Id"),
              "true".equals(r.header("Idempotent-Replayed")),
              null));
      return r;
    } catch (IOException | RuntimeException e) {
      add(
          new Attempt(
              key, last, 0, null, false, e.getClass().getSimpleName() + ": " + e.getMessage()));
      throw e;
    }
  }

  private synchronized void add(Attempt a) {
    attempts.add(a);
    notifyAll();
  }

  synchronized List<Attempt> attempts() {
    return List.copyOf(attempts);
  }

  synchronized int requestsWritten() {
    return requestsWritten;
  }

  /** Answers that replayed (or attached to) an earlier request with the same key. */
  synchronized long replayed() {
    return attempts.stream().filter(Attempt::replayed).count();
  }

  synchronized List<Integer> statuses() {
    return attempts.stream().map(Attempt::status).toList();
  }

  /** Waits until {@code count} attempts match. */
  synchronized List<Attempt> await(Predicate<Attempt> condition, int count, Duration timeout)
      throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (attempts.stream().filter(condition).count() < count) {
      long left = end - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(
            count + " matching attempts not seen within " + timeout + ": " + attempts);
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return List.copyOf(attempts);
  }

  /** Waits until at least {@code n} requests have been written out to a socket. */
  synchronized void awaitWritten(int n, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (requestsWritten < n) {
      long left = end - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(n + " requests not written within " + timeout);
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }
}
