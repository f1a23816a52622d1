package org.radassist.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * The JSON mapping of the model: snake_case names (as the drafting contract uses), ISO-8601 dates,
 * nulls left out. Unknown properties are ignored so that newer peers can add fields.
 *
 * <p>The java.time types are mapped here rather than through jackson-datatype-jsr310 so that the
 * model needs nothing beyond the Jackson core bundles a host (Weasis ships 2.22) already has.
 */
public interface ModelJson {
  /** A new mapper configured for the model; mappers are thread-safe once configured. */
  static ObjectMapper newMapper() {
    SimpleModule time = new SimpleModule("radassist-java-time");
    iso(time, Instant.class, Instant::parse);
    iso(time, LocalDate.class, LocalDate::parse);
    iso(time, LocalTime.class, LocalTime::parse);
    iso(time, Duration.class, Duration::parse);
    return JsonMapper.builder()
        .addModule(time)
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .serializationInclusion(JsonInclude.Include.NON_NULL)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .build();
  }

  private static <T> void iso(SimpleModule module, Class<T> type, Function<String, T> parse) {
    module.addSerializer(
        type,
        new JsonSerializer<T>() {
          @Override
          public void serialize(T value, JsonGenerator gen, SerializerProvider serializers)
              throws IOException {
            gen.writeString(value.toString());
          }
        });
    module.addDeserializer(
        type,
        new JsonDeserializer<T>() {
          @Override
          public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            try {
              return parse.apply(text.trim());
            } catch (DateTimeParseException | NullPointerException e) {
              return type.cast(
                  ctxt.handleWeirdStringValue(
                      type, text, "not an ISO-8601 %s", type.getSimpleName()));
            }
          }
        });
  }
}
