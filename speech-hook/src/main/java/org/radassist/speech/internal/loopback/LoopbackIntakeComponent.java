package org.radassist.speech.internal.loopback;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.radassist.model.files.DataDirectory;
import org.radassist.speech.DictationSink;
import org.radassist.speech.DictationSource;
import org.radassist.speech.internal.SpeechHookComponent;

/**
 * The loopback intake as an OSGi service: a {@link DictationSource} named "loopback" that the
 * speech hook starts with its sink (in the background: Jetty starts off the activation thread).
 * Settings from Config Admin (PID {@value #PID}); the framework properties {@code
 * radassist.speech.loopback.<key>} reach it through the governance bundle's framework-property
 * bridge.
 */
@Component(
    service = DictationSource.class,
    configurationPid = LoopbackIntakeComponent.PID,
    configurationPolicy = ConfigurationPolicy.OPTIONAL,
    property = {
      "dictation.source=" + LoopbackIntake.NAME,
      // it refuses dictation for a study not open: no listener before the first study opens
      SpeechHookComponent.START + "=" + SpeechHookComponent.ON_FIRST_STUDY
    })
@Designate(ocd = LoopbackIntakeComponent.Config.class)
public final class LoopbackIntakeComponent implements DictationSource {
  public static final String PID = "org.radassist.speech.loopback";

  @ObjectClassDefinition(
      name = "RadAssist loopback dictation intake",
      description =
          "HTTP POST and WebSocket on 127.0.0.1 where speech engines push partial and final"
              + " transcripts, guarded by a per-install bearer token")
  public @interface Config {
    @AttributeDefinition(name = "Port", description = "TCP port on 127.0.0.1 (0: any free port)")
    int port() default 17645;

    @AttributeDefinition(
        name = "Token file",
        description =
            "File holding the per-install bearer token (created 0600 if missing); empty:"
                + " loopback.token in RadAssist's data directory (framework property"
                + " radassist.data.dir, else ~/.radassist), where a relative path resolves too")
    String token_file() default "";

    @AttributeDefinition(name = "Largest body or message (bytes)", min = "256")
    int max_body_bytes() default 65536;

    @AttributeDefinition(name = "Longest dictation text of one segment (characters)", min = "1")
    int max_text_chars() default 20000;

    @AttributeDefinition(
        name = "Request head deadline (ms)",
        description = "a socket that has not sent a whole request head this long is closed",
        min = "100")
    int header_timeout_ms() default 5000;

    @AttributeDefinition(
        name = "Request body deadline (ms)",
        description = "a socket that has not sent a whole request body this long is closed",
        min = "100")
    int body_timeout_ms() default 10000;

    @AttributeDefinition(name = "Open sockets at most", min = "1")
    int max_connections() default 32;

    @AttributeDefinition(
        name = "Segments per second",
        description = "sustained rate over HTTP and WebSocket together; beyond it: 429",
        min = "1")
    int segments_per_second() default 50;

    @AttributeDefinition(name = "Segment burst", min = "1")
    int segment_burst() default 100;

    @AttributeDefinition(
        name = "Allowed web origins",
        description =
            "comma-separated Origin values a browser page may connect from; empty: none (speech"
                + " engines send no Origin)")
    String allowed_origins() default "";
  }

  private final LoopbackConfig config;
  private LoopbackIntake intake;

  /**
   * Takes the settings only: the intake (its token file, JSON reader and Jetty) is made when the
   * speech hook starts it, off the activation thread.
   */
  @Activate
  public LoopbackIntakeComponent(BundleContext context, Config config) {
    org.radassist.speech.internal.QuietLibraries.quiet(); // before Jetty logs its start
    Path tokenFile =
        DataDirectory.resolve(
            config.token_file(), context.getProperty(DataDirectory.PROPERTY), "loopback.token");
    this.config =
        new LoopbackConfig(
            config.port(),
            tokenFile,
            config.max_body_bytes(),
            config.max_text_chars(),
            new IntakeLimits(
                Duration.ofMillis(config.header_timeout_ms()),
                Duration.ofMillis(config.body_timeout_ms()),
                config.max_connections(),
                config.segments_per_second(),
                config.segment_burst(),
                origins(config.allowed_origins())));
  }

  private static Set<String> origins(String list) {
    if (list == null || list.isBlank()) {
      return Set.of();
    }
    return Arrays.stream(list.split(","))
        .map(String::trim)
        .filter(o -> !o.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }

  /** The port listened on, once started (tests and the setup dialog). */
  public synchronized int port() {
    if (intake == null) {
      throw new IllegalStateException("the loopback intake is not started");
    }
    return intake.port();
  }

  @Override
  public String name() {
    return LoopbackIntake.NAME;
  }

  /**
   * Makes the intake (reading or creating the token file) and listens.
   *
   * @throws IOException naming the token file or the port when either is unusable
   */
  @Override
  public synchronized void start(DictationSink sink) throws IOException {
    if (intake != null) {
      throw new IllegalStateException("the loopback intake is already started");
    }
    LoopbackIntake made = new LoopbackIntake(config, new SecureRandom());
    made.start(sink);
    intake = made;
  }

  @Deactivate
  @Override
  public synchronized void close() {
    if (intake != null) {
      intake.close();
      intake = null;
    }
  }
}
