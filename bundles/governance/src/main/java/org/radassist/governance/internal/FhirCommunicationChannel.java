package org.radassist.governance.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.radassist.governance.CriticalResultNotice;
import org.radassist.model.CriticalCategory;

/**
 * Sends a critical result as a FHIR R4 Communication to the EHR's FHIR endpoint; a 2xx answer is
 * the acknowledgement.
 */
public final class FhirCommunicationChannel implements CriticalResultChannel {
  private static final MediaType FHIR_JSON = MediaType.get("application/fhir+json; charset=utf-8");
  private final String baseUrl;
  private final OkHttpClient http;
  private final ObjectMapper json = new ObjectMapper();
  private final Clock clock;

  public FhirCommunicationChannel(
      String baseUrl, String bearerToken, Duration timeout, Clock clock) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.clock = clock;
    OkHttpClient.Builder builder = new OkHttpClient.Builder().callTimeout(timeout);
    if (bearerToken != null && !bearerToken.isBlank()) {
      builder.addInterceptor(
          chain ->
              chain.proceed(
                  chain
                      .request()
                      .newBuilder()
                      .header("Authorization", "Bearer " + bearerToken)
                      .build()));
    }
    this.http = builder.build();
  }

  @Override
  public String description() {
    return "FHIR Communication to " + baseUrl;
  }

  @Override
  public Acknowledgement send(CriticalResultNotice notice) throws IOException {
    Request request =
        new Request.Builder()
            .url(baseUrl + "/Communication")
            .header("Accept", "application/fhir+json")
            .post(RequestBody.create(json.writeValueAsString(communication(notice)), FHIR_JSON))
            .build();
    try (Response response = http.newCall(request).execute()) {
      String location = response.header("Location", "");
      return new Acknowledgement(
          response.isSuccessful(), Integer.toString(response.code()), location);
    }
  }

  ObjectNode communication(CriticalResultNotice notice) {
    ObjectNode c = json.createObjectNode();
    c.put("resourceType", "Communication");
    c.putArray("identifier")
        .addObject()
        .put("system", "urn:radassist:trace")
        .put("value", notice.traceId());
    c.put("status", "completed");
    c.putArray("category")
        .addObject()
        .putArray("coding")
        .addObject()
        .put("system", "http://terminology.hl7.org/CodeSystem/communication-category")
        .put("code", "alert");
    c.put(
        "priority",
        notice.category() == CriticalCategory.CATEGORY_1
            ? "stat"
            : notice.category() == CriticalCategory.CATEGORY_2 ? "urgent" : "routine");
    c.putObject("subject").putObject("identifier").put("value", notice.patientId());
    ArrayNode recipients = c.putArray("recipient");
    recipients.addObject().putObject("identifier").put("value", notice.orderingClinician());
    c.putArray("about")
        .addObject()
        .putObject("identifier")
        .put("system", "urn:radassist:accession")
        .put("value", notice.accessionNumber());
    c.put("sent", clock.instant().toString());
    c.putArray("payload")
        .addObject()
        .put(
            "contentString",
            "ACR actionable finding category "
                + notice.category().number()
                + ": "
                + notice.finding());
    return c;
  }
}
