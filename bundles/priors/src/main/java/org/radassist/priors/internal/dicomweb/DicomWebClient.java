package org.radassist.priors.internal.dicomweb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.MultipartReader;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** The few DICOMweb calls prior lookup needs: QIDO-RS searches and WADO-RS retrieves. */
public final class DicomWebClient {

  /** One retrieved instance: its bytes and where it came from (for notes). */
  public record Part10(byte[] bytes, String source) {}

  private final OkHttpClient http;
  private final HttpUrl base;
  private final ObjectMapper json = new ObjectMapper();

  public DicomWebClient(OkHttpClient http, HttpUrl base) {
    this.http = http;
    this.base = base;
  }

  public HttpUrl base() {
    return base;
  }

  /**
   * QIDO-RS: GET base/path?params, Accept application/dicom+json; 204 = no matches. Parameters may
   * repeat (one {@code includefield} per attribute: some servers, Orthanc among them, do not split
   * an encoded comma list).
   */
  public List<JsonNode> search(String path, List<Map.Entry<String, String>> params)
      throws DicomWebException {
    HttpUrl.Builder url = url(path);
    params.forEach(p -> url.addQueryParameter(p.getKey(), p.getValue()));
    Request request =
        new Request.Builder().url(url.build()).header("Accept", "application/dicom+json").build();
    try (Response response = http.newCall(request).execute()) {
      if (response.code() == 204) {
        return List.of();
      }
      requireSuccess(response, request);
      JsonNode body = json.readTree(response.body().byteStream());
      List<JsonNode> out = new ArrayList<>();
      if (body != null && body.isArray()) {
        body.forEach(out::add);
      }
      return out;
    } catch (DicomWebException e) {
      throw e;
    } catch (IOException e) {
      throw failure(request, e);
    }
  }

  /** WADO-RS: every instance under base/path as multipart/related; type="application/dicom". */
  public List<Part10> retrieve(String path) throws DicomWebException {
    Request request = retrieveRequest(path);
    try (Response response = http.newCall(request).execute()) {
      return parts(response, request, path);
    } catch (DicomWebException e) {
      throw e;
    } catch (IOException e) {
      throw failure(request, e);
    }
  }

  /**
   * As {@link #retrieve}, on OkHttp's dispatcher (bounded per host), so that the series of one
   * study are fetched at the same time without tying up the caller's threads.
   */
  public CompletableFuture<List<Part10>> retrieveAsync(String path) {
    Request request = retrieveRequest(path);
    CompletableFuture<List<Part10>> result = new CompletableFuture<>();
    http.newCall(request)
        .enqueue(
            new Callback() {
              @Override
              public void onFailure(Call call, IOException e) {
                result.completeExceptionally(failure(request, e));
              }

              @Override
              public void onResponse(Call call, Response response) {
                try (response) {
                  result.complete(parts(response, request, path));
                } catch (DicomWebException e) {
                  result.completeExceptionally(e);
                } catch (IOException e) {
                  result.completeExceptionally(failure(request, e));
                }
              }
            });
    return result;
  }

  private Request retrieveRequest(String path) {
    return new Request.Builder()
        .url(url(path).build())
        .header("Accept", "multipart/related; type=\"application/dicom\"")
        .build();
  }

  private static List<Part10> parts(Response response, Request request, String path)
      throws IOException {
    if (response.code() == 204 || response.code() == 404) {
      return List.of();
    }
    requireSuccess(response, request);
    List<Part10> parts = new ArrayList<>();
    try (MultipartReader reader = new MultipartReader(response.body())) {
      int n = 0;
      for (MultipartReader.Part part = reader.nextPart(); part != null; part = reader.nextPart()) {
        try (MultipartReader.Part current = part) {
          parts.add(new Part10(current.body().readByteArray(), path + "#" + (++n)));
        }
      }
    }
    return parts;
  }

  private HttpUrl.Builder url(String path) {
    HttpUrl.Builder url = base.newBuilder();
    for (String segment : path.split("/")) {
      if (!segment.isEmpty()) {
        url.addPathSegment(segment);
      }
    }
    return url;
  }

  private static void requireSuccess(Response response, Request request) throws DicomWebException {
    if (!response.isSuccessful()) {
      throw new DicomWebException(
          "PACS answered HTTP " + response.code() + " to GET " + request.url().encodedPath(),
          response.code() >= 500,
          null);
    }
  }

  private DicomWebException failure(Request request, IOException e) {
    String reason;
    if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
      reason = "no answer in time (" + e.getMessage() + ")";
    } else if (e instanceof ConnectException) {
      reason = "connection refused";
    } else if (e instanceof UnknownHostException) {
      reason = "unknown host " + base.host();
    } else {
      // the server answered, but not with what DICOMweb promises (e.g. a broken multipart body)
      return new DicomWebException(
          "PACS error: " + e.getMessage() + " in GET " + request.url().encodedPath(), false, e);
    }
    return new DicomWebException("PACS unreachable: " + reason + " (" + base + ")", true, e);
  }
}
