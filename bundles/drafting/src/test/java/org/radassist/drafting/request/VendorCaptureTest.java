package org.radassist.drafting.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.radassist.drafting.DictationChunk;
import org.radassist.drafting.DraftRequest;
import org.radassist.drafting.remote.RemoteConfig;
import org.radassist.drafting.remote.RemoteDraftingService;
import org.radassist.drafting.testing.CapturingDraftServer;
import org.radassist.drafting.testing.IdentifierDictation;
import org.radassist.model.DraftReport;

/**
 * A vendor's host without OSGi, as porting.md shows it: the public request factory and the public
 * remote client, sending the dictation full of identifiers to a real capturing server on loopback.
 */
class VendorCaptureTest {

  @Test
  void aVendorsRequestThroughTheFactoryCarriesNoIdentifier() throws Exception {
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    OkHttpClient http = new OkHttpClient();
    try (CapturingDraftServer server = new CapturingDraftServer()) {
      RemoteDraftingService drafting =
          RemoteDraftingService.create(
              RemoteConfig.defaults(server.uri(), "vendor-token"),
              http,
              scheduler,
              new Random(),
              Clock.systemUTC());
      DraftRequestFactory requests = DraftRequestFactory.newSession();
      DraftRequest request =
          requests.request(
              IdentifierDictation.STUDY,
              new RequestContent(
                  "Follow-up for Mrs. Annie Oakley, DOB 05/02/1958",
                  List.of(new DictationChunk(0, true, IdentifierDictation.TEXT)),
                  null,
                  null,
                  null,
                  null,
                  java.util.Map.of("profile", "Dr. Alan Grant")));
      DraftReport report =
          drafting
              .draft(request, "vendor-1", e -> {})
              .result()
              .toCompletableFuture()
              .get(20, TimeUnit.SECONDS);

      assertThat(report.sections()).isNotEmpty();
      assertThat(server.captured()).hasSize(1);
      IdentifierDictation.assertNoneLeaves(server.captured().get(0).everything());
      IdentifierDictation.assertFindingsSent(server.draftBodies().get(0));
      // the bearer token goes to loopback over plain http (this machine): allowed
      assertThat(server.captured().get(0).headers().get("Authorization"))
          .containsExactly("Bearer vendor-token");
    } finally {
      scheduler.shutdownNow();
      http.dispatcher().executorService().shutdownNow();
    }
  }
}
