package org.radassist.drafting.service.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;

/** A test client of the drafting service on the JDK's HTTP client. */
final class ServiceClient {
  static final String LUNG_NODULE =
      """
      {"schema_version":"1.0","session":"sess-1",
       "study":{"token":"st-3f9a","modality":"CT","body_part":"CHEST",
                "procedure":{"system":"http://www.ama-assn.org/go/cpt","code":"71271"}},
       "patient":{"age_years":67,"sex":"F"},
       "indication":"annual lung cancer screening, 30 pack-years",
       "dictation":[{"seq":1,"final":true,"text":"findings: new eight point two mm solid nodule rul series three image forty five. impression: new solid nodule."}],
       "template":{"id":"radassist:default"}}
      """;

  private final URI base;
  private final HttpClient http;
  private final String token;

  ServiceClient(URI base, String token) {
    this(base, token, null);
  }

  ServiceClient(URI base, String token, SSLContext tls) {
    this.base = base;
    this.token = token;
    HttpClient.Builder b =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(3))
            .version(HttpClient.Version.HTTP_1_1);
    if (tls != null) {
      b.sslContext(tls);
    }
    this.http = b.build();
  }

  ServiceClient withToken(String other) {
    return new ServiceClient(base, other);
  }

  HttpRequest.Builder request(String path) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  HttpRequest.Builder post(String body, String... headers) {
    HttpRequest.Builder b =
        request("/v1/drafts")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return b;
  }

  HttpResponse<String> send(HttpRequest.Builder b) {
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> get(String path, String... headers) {
    HttpRequest.Builder b = request(path).GET();
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return send(b);
  }

  /** Sends and reads SSE lines until {@code events} events were read, then drops the connection. */
  PartialStream readEventsThenDisconnect(HttpRequest.Builder b, int events) {
    try {
      HttpResponse<InputStream> r = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
      List<String> lines = new ArrayList<>();
      int seen = 0;
      try (InputStream in = r.body();
          BufferedReader reader =
              new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        String line;
        while (seen < events && (line = reader.readLine()) != null) {
          lines.add(line);
          if (line.isEmpty()
              && lines.size() > 1
              && lines.get(lines.size() - 2).startsWith("data: ")) {
            seen++;
          }
        }
      }
      return new PartialStream(
          r.headers().firstValue("X-Draft-Id").orElse(null),
          SseEvents.parse(String.join("\n", lines) + "\n"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  record PartialStream(String draftId, SseEvents events) {}
}
