package org.radassist.drafting.service.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.radassist.drafting.service.internal.http.ConnectionLimits;

/**
 * How a drafting-service replica runs. {@link #defaults()} gives the documented defaults
 * (docs/drafting-service.md); the {@code with...} methods change one setting.
 *
 * @param tokens accepted bearer tokens; empty turns authentication off (loopback only)
 * @param keystore a PKCS12 keystore for TLS, or null for plain HTTP
 * @param heartbeat interval of {@code : ping} comments on an idle stream
 * @param maxBodyBytes largest accepted request body
 * @param maxDictationChars longest accepted dictation (after joining its chunks)
 * @param ratePerSecond sustained requests per second per client (0 = no limit)
 * @param rateBurst requests a client may send at once
 * @param templates template ids a request may name
 * @param defaultDeadline how long a draft may run when the client sends no X-Request-Deadline-Ms
 * @param maxDeadline the longest deadline a client may ask for
 * @param abandonGrace how long a draft nobody reads keeps running before it is cancelled
 * @param retention how long drafts and idempotency keys are kept
 * @param connectionLimits header and body deadlines, sockets per client address
 */
public record ServiceConfig(
    String host,
    int port,
    List<String> tokens,
    Path keystore,
    String keystorePassword,
    Duration heartbeat,
    long maxBodyBytes,
    int maxDictationChars,
    double ratePerSecond,
    double rateBurst,
    Set<String> templates,
    String replicaId,
    Duration defaultDeadline,
    Duration maxDeadline,
    Duration abandonGrace,
    Duration retention,
    ConnectionLimits connectionLimits) {

  public static final String DEFAULT_TEMPLATE = "radassist:default";

  public ServiceConfig {
    tokens = List.copyOf(tokens);
    templates = Set.copyOf(templates);
  }

  public static ServiceConfig defaults() {
    return new ServiceConfig(
        "127.0.0.1",
        8080,
        List.of(),
        null,
        null,
        Duration.ofSeconds(15),
        256 * 1024,
        20_000,
        20,
        40,
        Set.of(DEFAULT_TEMPLATE),
        "replica-" + ProcessHandle.current().pid(),
        Duration.ofSeconds(60),
        Duration.ofMinutes(5),
        Duration.ofSeconds(10),
        Duration.ofHours(24),
        ConnectionLimits.defaults());
  }

  public ServiceConfig withHost(String v) {
    return with(b -> b.host = v);
  }

  public ServiceConfig withPort(int v) {
    return with(b -> b.port = v);
  }

  public ServiceConfig withTokens(List<String> v) {
    return with(b -> b.tokens = v);
  }

  public ServiceConfig withTls(Path ks, String password) {
    return with(
        b -> {
          b.keystore = ks;
          b.keystorePassword = password;
        });
  }

  public ServiceConfig withHeartbeat(Duration v) {
    return with(b -> b.heartbeat = v);
  }

  public ServiceConfig withLimits(long body, int dictationChars) {
    return with(
        b -> {
          b.maxBodyBytes = body;
          b.maxDictationChars = dictationChars;
        });
  }

  public ServiceConfig withRateLimit(double perSecond, double burst) {
    return with(
        b -> {
          b.ratePerSecond = perSecond;
          b.rateBurst = burst;
        });
  }

  public ServiceConfig withTemplates(Set<String> v) {
    return with(b -> b.templates = v);
  }

  public ServiceConfig withReplicaId(String v) {
    return with(b -> b.replicaId = v);
  }

  public ServiceConfig withDeadlines(Duration byDefault, Duration max) {
    return with(
        b -> {
          b.defaultDeadline = byDefault;
          b.maxDeadline = max;
        });
  }

  public ServiceConfig withAbandonGrace(Duration v) {
    return with(b -> b.abandonGrace = v);
  }

  public ServiceConfig withConnectionLimits(ConnectionLimits v) {
    return with(b -> b.connectionLimits = v);
  }

  /** A copy with {@code change} applied: one place that lists every component. */
  private ServiceConfig with(Consumer<Copy> change) {
    Copy b = new Copy(this);
    change.accept(b);
    return new ServiceConfig(
        b.host,
        b.port,
        b.tokens,
        b.keystore,
        b.keystorePassword,
        b.heartbeat,
        b.maxBodyBytes,
        b.maxDictationChars,
        b.ratePerSecond,
        b.rateBurst,
        b.templates,
        b.replicaId,
        b.defaultDeadline,
        b.maxDeadline,
        b.abandonGrace,
        b.retention,
        b.connectionLimits);
  }

  /** The components of a config being changed. */
  private static final class Copy {
    String host;
    int port;
    List<String> tokens;
    Path keystore;
    String keystorePassword;
    Duration heartbeat;
    long maxBodyBytes;
    int maxDictationChars;
    double ratePerSecond;
    double rateBurst;
    Set<String> templates;
    String replicaId;
    Duration defaultDeadline;
    Duration maxDeadline;
    Duration abandonGrace;
    Duration retention;
    ConnectionLimits connectionLimits;

    Copy(ServiceConfig c) {
      host = c.host;
      port = c.port;
      tokens = c.tokens;
      keystore = c.keystore;
      keystorePassword = c.keystorePassword;
      heartbeat = c.heartbeat;
      maxBodyBytes = c.maxBodyBytes;
      maxDictationChars = c.maxDictationChars;
      ratePerSecond = c.ratePerSecond;
      rateBurst = c.rateBurst;
      templates = c.templates;
      replicaId = c.replicaId;
      defaultDeadline = c.defaultDeadline;
      maxDeadline = c.maxDeadline;
      abandonGrace = c.abandonGrace;
      retention = c.retention;
      connectionLimits = c.connectionLimits;
    }
  }
}
