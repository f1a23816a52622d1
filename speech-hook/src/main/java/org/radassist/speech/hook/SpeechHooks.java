package org.radassist.speech.hook;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.radassist.drafting.DraftingService;
import org.radassist.speech.DictationSource;
import org.radassist.speech.ResultSender;
import org.radassist.speech.internal.PlainSpeechHook;

/**
 * Builds the speech hook for a host without OSGi: the same dictation sessions as the OSGi service
 * (durable outbox first, PHI minimised by the one request factory, debounce, retry with backoff,
 * replay after a restart), with the loopback intake for speech engines when asked for.
 *
 * <pre>{@code
 * DraftingService drafting = ...; // e.g. the embedded engine or the remote client
 * try (HostedSpeechHook speech =
 *     SpeechHooks.builder(drafting)
 *         .outbox(dataDir.resolve("outbox"))                          // required
 *         .loopbackIntake(0, dataDir.resolve("loopback.token"))       // optional; 0: any free port
 *         .fhircast(hubUrl, topic, accessToken)                      // optional: IHE IRA dictation
 *         .build()) {
 *   speech.loopback().ifPresent(e -> System.out.println("speech engines: POST " + e.http()));
 *   RadAssistTool tool =
 *       RadAssistPanels.builder(host).speechHook(() -> Optional.of(speech)).build();
 *   ...
 * }
 * }</pre>
 *
 * <p>A study's dictation is opened with {@link org.radassist.speech.SpeechHook#open} (the panel
 * does it for the study on screen); a host's own speech engine can deliver segments as a {@link
 * DictationSource} given to {@link Builder#source}.
 */
public final class SpeechHooks {
  private SpeechHooks() {}

  /**
   * @param drafting the drafting service every draft request goes to (not null)
   */
  public static Builder builder(DraftingService drafting) {
    return new Builder(Objects.requireNonNull(drafting, "drafting service"));
  }

  /** The hook's settings; {@link #outbox} is required, the rest has the OSGi service's defaults. */
  public static final class Builder {
    private final DraftingService drafting;
    private Path outbox;
    private Clock clock = Clock.systemUTC();
    private Duration debounce = Duration.ofMillis(700);
    private Duration firstRetry = Duration.ofSeconds(1);
    private Duration maxRetry = Duration.ofSeconds(60);
    private Integer loopbackPort;
    private Path loopbackTokenFile;
    private URI fhircastHub;
    private String fhircastTopic;
    private String fhircastToken;
    private final List<DictationSource> sources = new ArrayList<>();
    private final List<ResultSender> resultSenders = new ArrayList<>();

    private Builder(DraftingService drafting) {
      this.drafting = drafting;
    }

    /**
     * The directory dictation is made durable in before anything is sent (created owner-only if
     * missing). Dictation a previous hook left there is replayed when its study is opened.
     */
    public Builder outbox(Path directory) {
      this.outbox = Objects.requireNonNull(directory, "outbox directory");
      return this;
    }

    /** The clock the outbox stamps its items with (default: UTC system clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * How long to wait for the speaker to pause before drafting partial dictation (default 700 ms),
     * and the retry backoff after a retryable failure, doubling from {@code firstRetry} (default 1
     * s) up to {@code maxRetry} (default 60 s).
     */
    public Builder timing(Duration debounce, Duration firstRetry, Duration maxRetry) {
      this.debounce = Objects.requireNonNull(debounce, "debounce");
      this.firstRetry = Objects.requireNonNull(firstRetry, "firstRetry");
      this.maxRetry = Objects.requireNonNull(maxRetry, "maxRetry");
      return this;
    }

    /**
     * Runs the loopback intake (HTTP and WebSocket on 127.0.0.1 only) that speech engines push
     * dictation to, with the default limits of the OSGi component.
     *
     * @param port TCP port, 0 for any free one ({@link HostedSpeechHook#loopback} tells which)
     * @param tokenFile the per-install bearer token's file (created owner-only if missing)
     */
    public Builder loopbackIntake(int port, Path tokenFile) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("loopback port must be within 0..65535, was " + port);
      }
      this.loopbackPort = port;
      this.loopbackTokenFile = Objects.requireNonNull(tokenFile, "loopback token file");
      return this;
    }

    /**
     * Subscribes to a FHIRcast hub (IHE IRA Content Creator, WebSocket channel) and takes the
     * dictation the reporting application shares in its open DiagnosticReport (Observation {@code
     * valueString}s of DiagnosticReport-update) for the study it names, while that study's
     * dictation is open. Subscribes in the background and keeps trying (with backoff) while the hub
     * cannot be reached; the subscription is renewed before its lease (7200 s) ends.
     *
     * @param hubUrl the hub's URL (from the SMART launch: {@code hub.url})
     * @param topic the session topic ({@code hub.topic})
     * @param bearerToken the launch's access token, or null when the hub needs none
     */
    public Builder fhircast(URI hubUrl, String topic, String bearerToken) {
      if (topic == null || topic.isBlank()) {
        throw new IllegalArgumentException("the FHIRcast topic must not be blank");
      }
      this.fhircastHub = Objects.requireNonNull(hubUrl, "FHIRcast hub URL");
      this.fhircastTopic = topic;
      this.fhircastToken = bearerToken;
      return this;
    }

    /** A further dictation source (e.g. the host's own speech engine), started with the hook. */
    public Builder source(DictationSource source) {
      sources.add(Objects.requireNonNull(source, "dictation source"));
      return this;
    }

    /** A reporting system accepted content is sent to ({@code StudyDictation#sendAccepted}). */
    public Builder resultSender(ResultSender sender) {
      resultSenders.add(Objects.requireNonNull(sender, "result sender"));
      return this;
    }

    /**
     * Opens the outbox, starts the sources (the loopback intake first) and returns the running
     * hook.
     *
     * @throws IllegalStateException when no outbox directory was given
     * @throws IllegalArgumentException when the timings are negative or maxRetry < firstRetry
     * @throws IOException when the outbox directory or the token file cannot be made, or a source
     *     cannot start (e.g. the loopback port is taken); nothing is left running then
     */
    public HostedSpeechHook build() throws IOException {
      if (outbox == null) {
        throw new IllegalStateException(
            "the speech hook needs an outbox directory: SpeechHooks.builder(drafting).outbox(dir)");
      }
      return PlainSpeechHook.start(
          new PlainSpeechHook.Settings(
              drafting,
              outbox,
              clock,
              debounce,
              firstRetry,
              maxRetry,
              loopbackPort,
              loopbackTokenFile,
              fhircastHub,
              fhircastTopic,
              fhircastToken,
              List.copyOf(sources),
              List.copyOf(resultSenders)));
    }
  }
}
