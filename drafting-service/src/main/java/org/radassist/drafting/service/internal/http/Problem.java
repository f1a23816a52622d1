package org.radassist.drafting.service.internal.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 problem: {@code type} (a URN naming the kind of problem, stable for clients to switch
 * on), {@code title}, {@code status}, {@code detail} and extension members (e.g. {@code field}).
 * Thrown as a {@link ProblemException} anywhere in request handling; the handler writes it as
 * {@code application/problem+json}.
 */
public record Problem(
    String slug,
    int status,
    String title,
    String detail,
    Map<String, Object> extensions,
    Map<String, String> headers) {

  public static final String MEDIA_TYPE = "application/problem+json";
  public static final String TYPE_PREFIX = "urn:radassist:problem:";

  public Problem {
    // insertion order is body order
    extensions =
        extensions == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    headers =
        headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  public static Problem of(String slug, int status, String title, String detail) {
    return new Problem(slug, status, title, detail, Map.of(), Map.of());
  }

  /** Adds an extension member; a null value adds nothing. */
  public Problem with(String member, Object value) {
    if (value == null) {
      return this;
    }
    Map<String, Object> m = new LinkedHashMap<>(extensions);
    m.put(member, value);
    return new Problem(slug, status, title, detail, m, headers);
  }

  public Problem withHeader(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new Problem(slug, status, title, detail, extensions, h);
  }

  public String type() {
    return TYPE_PREFIX + slug;
  }

  public ProblemException exception() {
    return new ProblemException(this);
  }

  /** The body members in RFC 9457 order, then the extensions. */
  public Map<String, Object> body(String instance) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("type", type());
    b.put("title", title);
    b.put("status", status);
    b.put("detail", detail);
    if (instance != null) {
      b.put("instance", instance);
    }
    b.putAll(extensions);
    return b;
  }
}
