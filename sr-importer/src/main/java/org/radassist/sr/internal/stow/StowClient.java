package org.radassist.sr.internal.stow;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * STOW-RS (PS3.18 10.5): POST {base}/studies with multipart/related; type="application/dicom".
 * Callers must pass only files that passed our checks (the CLI refuses the rest): a hostile file
 * can take down a PACS.
 */
public final class StowClient {
  private static final MediaType DICOM = MediaType.get("application/dicom");

  /** The PACS answer: HTTP status and the body (application/dicom+json, possibly empty). */
  public record Result(int status, String body) {
    /** 200 = all stored; 202 = stored with warnings or some failures; 409 = none stored. */
    public boolean allStored() {
      return status == 200;
    }
  }

  private final OkHttpClient http;

  public StowClient(OkHttpClient http) {
    this.http = http;
  }

  public Result store(String baseUrl, List<byte[]> instances) throws IOException {
    String url = baseUrl.endsWith("/") ? baseUrl + "studies" : baseUrl + "/studies";
    MultipartBody.Builder body =
        new MultipartBody.Builder("radassist-" + UUID.randomUUID())
            .setType(MediaType.get("multipart/related; type=\"application/dicom\""));
    for (byte[] instance : instances) {
      body.addPart(RequestBody.create(instance, DICOM));
    }
    Request request =
        new Request.Builder()
            .url(url)
            .header("Accept", "application/dicom+json")
            .post(body.build())
            .build();
    try (Response response = http.newCall(request).execute()) {
      return new Result(response.code(), response.body().string());
    }
  }

  /** WADO-RS retrieve of one instance (the first part of the multipart answer). */
  public byte[] retrieve(String baseUrl, String study, String series, String instance)
      throws IOException {
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    Request request =
        new Request.Builder()
            .url(base + "/studies/" + study + "/series/" + series + "/instances/" + instance)
            .header("Accept", "multipart/related; type=\"application/dicom\"")
            .build();
    try (Response response = http.newCall(request).execute()) {
      if (response.code() != 200) {
        throw new IOException("WADO-RS answered HTTP " + response.code() + " for " + instance);
      }
      String type = response.header("Content-Type", "");
      return MultipartParts.first(response.body().bytes(), type);
    }
  }
}
