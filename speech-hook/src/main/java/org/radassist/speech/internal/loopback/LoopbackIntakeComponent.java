package org.radassist.speech.internal.loopback;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.radassist.speech.DictationSink;
import org.radassist.speech.DictationSource;
import org.radassist.speech.internal.ComponentSettings;
import org.radassist.speech.internal.DataFiles;

/**
 * The loopback intake as an OSGi service: a {@link DictationSource} named "loopback" that the
 * speech hook starts with its sink.
 */
@Component(
    service = DictationSource.class,
    configurationPid = LoopbackIntakeComponent.PID,
    configurationPolicy = ConfigurationPolicy.OPTIONAL,
    property = "dictation.source=" + LoopbackIntake.NAME)
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
                + " <radassist.data.dir>/loopback.token, else ~/.radassist/loopback.token")
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

  private final LoopbackIntake intake;

  /** Framework properties {@code radassist.speech.loopback.<key>} apply without Config Admin. */
  static final String FRAMEWORK_PREFIX = "radassist.speech.loopback.";

  @Activate
  public LoopbackIntakeComponent(BundleContext context, Map<String, Object> properties)
      throws IOException {
    org.radassist.speech.internal.QuietLibraries.quiet(); // before Jetty logs its start
    Function<String, String> setting =
        ComponentSettings.lookup(context, properties, FRAMEWORK_PREFIX);
    Path tokenFile = DataFiles.resolve(setting.apply("token.file"), context, "loopback.token");
    this.intake =
        new LoopbackIntake(
            new LoopbackConfig(
                (int) ComponentSettings.number(setting, "port", 17645),
                tokenFile,
                (int) ComponentSettings.number(setting, "max.body.bytes", 65536),
                (int) ComponentSettings.number(setting, "max.text.chars", 20000),
                new IntakeLimits(
                    Duration.ofMillis(ComponentSettings.number(setting, "header.timeout.ms", 5000)),
                    Duration.ofMillis(ComponentSettings.number(setting, "body.timeout.ms", 10000)),
                    (int) ComponentSettings.number(setting, "max.connections", 32),
                    ComponentSettings.number(setting, "segments.per.second", 50),
                    (int) ComponentSettings.number(setting, "segment.burst", 100),
                    origins(setting.apply("allowed.origins")))),
            new SecureRandom());
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
  public int port() {
    return intake.port();
  }

  @Override
  public String name() {
    return intake.name();
  }

  @Override
  public void start(DictationSink sink) throws IOException {
    intake.start(sink);
  }

  @Deactivate
  @Override
  public void close() {
    intake.close();
  }
}
