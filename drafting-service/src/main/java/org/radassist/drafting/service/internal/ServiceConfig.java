package org.radassist.drafting.service.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

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
    Duration retention) {

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
        Duration.ofHours(24));
  }

  public ServiceConfig withHost(String v) {
    return new ServiceConfig(
        v,
        port,
        tokens,
        keystore,
        keystorePassword,
        heartbeat,
        maxBodyBytes,
        maxDictationChars,
        ratePerSecond,
        rateBurst,
        templates,
        replicaId,
        defaultDeadline,
        maxDeadline,
        abandonGrace,
        retention);
  }

  public ServiceConfig withPort(int v) {
    return new ServiceConfig(
        host,
        v,
        tokens,
        keystore,
        keystorePassword,
        heartbeat,
        maxBodyBytes,
        maxDictationChars,
        ratePerSecond,
        rateBurst,
        templates,
        replicaId,
        defaultDeadline,
        maxDeadline,
        abandonGrace,
        retention);
  }

  public ServiceConfig withTokens(List<String> v) {
    return new ServiceConfig(
        host,
        port,
        v,
        keystore,
        keystorePassword,
        heartbeat,
        maxBodyBytes,
        maxDictationChars,
        ratePerSecond,
        rateBurst,
        templates,
        replicaId,
        defaultDeadline,
        maxDeadline,
        abandonGrace,
        retention);
  }

  public ServiceConfig withTls(Path ks, String password) {
    return new ServiceConfig(
        host,
        port,
        tokens,
        ks,
        password,
        heartbeat,
        maxBodyBytes,
        maxDictationChars,
        ratePerSecond,
        rateBurst,
        templates,
        replicaId,
        defaultDeadline,
        maxDeadline,
        abandonGrace,
        retention);
  }

  public ServiceConfig withHeartbeat(Duration v) {
    return new ServiceConfig(
        host,
        port,
        tokens,
        keystore,
        keystorePassword,
        v,
        maxBodyBytes,
        maxDictationChars,
        ratePerSecond,
        rateBurst,
        templates,
        replicaId,
        defaultDeadline,
        maxDeadline,
        abandonGrace,
        retention);
  }

  public ServiceConfig withLimits(long body, int dictationChars) {
    return new ServiceConfig(
        host,
        port,
        tokens,
        keystore,
        keystorePassword,
        heartbeat,
        body,
        dictationChars,
        ratePerSecond,
        rateBurst,
        templates,
        replicaId,
        defaultDeadline,
        maxDeadline,
        abandonGrace,
        retention);
  }

  public ServiceConfig withRateLimit(double perSecond, double burst) {
    return new ServiceConfig(
        host,
        port,
        tokens,
        keystore,
        keystorePassword,
        heartbeat,
        maxBodyBytes,
        maxDictationChars,
        perSecond,
        burst,
        templates,
        replicaId,
        defaultDeadline,
        maxDeadline,
        abandonGrace,
        retention);
  }

  public ServiceConfig withTemplates(Set<String> v) {
    return new ServiceConfig(
        host,
        port,
        tokens,
        keystore,
        keystorePassword,
        heartbeat,
        maxBodyBytes,
        maxDictationChars,
        ratePerSecond,
        rateBurst,
        v,
        replicaId,
        defaultDeadline,
        maxDeadline,
        abandonGrace,
        retention);
  }

  public ServiceConfig withReplicaId(String v) {
    return new ServiceConfig(
        host,
        port,
        tokens,
        keystore,
        keystorePassword,
        heartbeat,
        maxBodyBytes,
        maxDictationChars,
        ratePerSecond,
        rateBurst,
        templates,
        v,
        defaultDeadline,
        maxDeadline,
        abandonGrace,
        retention);
  }

  public ServiceConfig withDeadlines(Duration byDefault, Duration max) {
    return new ServiceConfig(
        host,
        port,
        tokens,
        keystore,
        keystorePassword,
        heartbeat,
        maxBodyBytes,
        maxDictationChars,
        ratePerSecond,
        rateBurst,
        templates,
        replicaId,
        byDefault,
        max,
        abandonGrace,
        retention);
  }

  public ServiceConfig withAbandonGrace(Duration v) {
    return new ServiceConfig(
        host,
        port,
        tokens,
        keystore,
        keystorePassword,
        heartbeat,
        maxBodyBytes,
        maxDictationChars,
        ratePerSecond,
        rateBurst,
        templates,
        replicaId,
        defaultDeadline,
        maxDeadline,
        v,
        retention);
  }
}
