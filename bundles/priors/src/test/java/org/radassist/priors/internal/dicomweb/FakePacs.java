package org.radassist.priors.internal.dicomweb;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 speaking just enough QIDO-RS / WADO-RS for provider tests: a
 * patient's studies (paged by limit/offset), SR series and multipart instance retrieval. Not a
 * stand-in for a PACS in end-to-end tests (those use Orthanc).
 */
final class FakePacs implements AutoCloseable {

  record Study(String uid, String patientId, LocalDate date, String modality, String description) {}

  private final HttpServer server;
  private final ObjectMapper json = new ObjectMapper();
  final List<Study> studies = new ArrayList<>();
  final Map<String, List<byte[]>> srInstances = new LinkedHashMap<>();
  final List<String> requests = new CopyOnWriteArrayList<>();
  volatile long delayMillis;

  FakePacs() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext("/dicom-web/", this::handle);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/dicom-web";
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      requests.add(exchange.getRequestURI().toString());
      if (delayMillis > 0) {
        try {
          Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      String path = exchange.getRequestURI().getPath().substring("/dicom-web/".length());
      Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
      String[] segments = path.split("/");
      if (segments.length == 1 && segments[0].equals("studies")) {
        searchStudies(exchange, query);
      } else if (segments.length == 3 && segments[2].equals("series")) {
        String study = segments[1];
        ArrayNode out = json.createArrayNode();
        if (srInstances.containsKey(study)) {
          ObjectNode series = out.addObject();
          put(series, "0020000E", "UI", study + ".99");
          put(series, "00080060", "CS", "SR");
        }
        send(exchange, out);
      } else if (segments.length == 4 && segments[2].equals("series")) {
        multipart(exchange, srInstances.getOrDefault(segments[1], List.of()));
      } else {
        exchange.sendResponseHeaders(404, -1);
      }
    }
  }

  private void searchStudies(HttpExchange exchange, Map<String, String> query) throws IOException {
    List<Study> matching = new ArrayList<>();
    for (Study s : studies) {
      if (query.containsKey("StudyInstanceUID") && !s.uid().equals(query.get("StudyInstanceUID"))) {
        continue;
      }
      if (query.containsKey("PatientID") && !s.patientId().equals(query.get("PatientID"))) {
        continue;
      }
      String range = query.get("StudyDate");
      if (range != null && range.startsWith("-")) {
        LocalDate until = LocalDate.parse(range.substring(1), DateTimeFormatter.BASIC_ISO_DATE);
        if (s.date().isAfter(until)) {
          continue;
        }
      }
      matching.add(s);
    }
    int offset = Integer.parseInt(query.getOrDefault("offset", "0"));
    int limit = Integer.parseInt(query.getOrDefault("limit", "100000"));
    List<Study> page =
        matching.subList(
            Math.min(offset, matching.size()), Math.min(offset + limit, matching.size()));
    ArrayNode out = json.createArrayNode();
    for (Study s : page) {
      ObjectNode o = out.addObject();
      put(o, "0020000D", "UI", s.uid());
      put(o, "00100020", "LO", s.patientId());
      put(o, "00080020", "DA", s.date().format(DateTimeFormatter.BASIC_ISO_DATE));
      put(o, "00080061", "CS", s.modality());
      put(o, "00081030", "LO", s.description());
    }
    send(exchange, out);
  }

  private void put(ObjectNode o, String tag, String vr, String value) {
    ObjectNode attr = o.putObject(tag);
    attr.put("vr", vr);
    attr.putArray("Value").add(value);
  }

  private void send(HttpExchange exchange, ArrayNode body) throws IOException {
    if (body.isEmpty()) {
      exchange.sendResponseHeaders(204, -1);
      return;
    }
    byte[] bytes = json.writeValueAsBytes(body);
    exchange.getResponseHeaders().add("Content-Type", "application/dicom+json");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void multipart(HttpExchange exchange, List<byte[]> parts) throws IOException {
    String boundary = "fake-pacs-boundary";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      body.write(
          ("--" + boundary + "\r\nContent-Type: application/dicom\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      body.write(part);
      body.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    exchange
        .getResponseHeaders()
        .add("Content-Type", "multipart/related; type=\"application/dicom\"; boundary=" + boundary);
    exchange.sendResponseHeaders(200, body.size());
    try (OutputStream out = exchange.getResponseBody()) {
      body.writeTo(out);
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      out.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
