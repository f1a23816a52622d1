package org.radassist.drafting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.drafting.request.DraftRequestFactory;
import org.radassist.drafting.request.RequestContent;
import org.radassist.drafting.testing.IdentifierDictation;
import org.radassist.model.DraftReport;
import org.radassist.model.SectionKind;

/** The embedded engine as a host without OSGi gets it: through the public factory only. */
class EmbeddedDraftingTest {

  private static DraftRequest request(String text) {
    return DraftRequestFactory.newSession()
        .request(IdentifierDictation.STUDY, RequestContent.dictation(text));
  }

  private static DraftReport draft(DraftingService engine, String text) throws Exception {
    return engine
        .draft(request(text), "k-" + text.hashCode(), e -> {})
        .result()
        .toCompletableFuture()
        .get(20, TimeUnit.SECONDS);
  }

  @Test
  void theDefaultEngineDraftsSectionsFromDictation() throws Exception {
    DraftingService engine = EmbeddedDrafting.create();
    List<DraftEvent> events = new CopyOnWriteArrayList<>();
    DraftReport report =
        engine
            .draft(
                request(
                    "Findings: 8 mm solid nodule in the right upper lobe. Impression: pulmonary"
                        + " nodule."),
                "k1",
                events::add)
            .result()
            .toCompletableFuture()
            .get(20, TimeUnit.SECONDS);

    assertThat(engine.model().provider()).isEqualTo("embedded");
    assertThat(report.section(SectionKind.FINDINGS).orElseThrow().text())
        .contains("8 mm")
        .containsIgnoringCase("right upper lobe");
    assertThat(events).isNotEmpty();
  }

  @Test
  void builderSettingsReachTheEngine(@TempDir Path dir) throws Exception {
    Path lexicon = dir.resolve("lexicon.json");
    Files.writeString(lexicon, "{\"phrases\":{\"nml\":\"normal\"}}");
    List<String> threads = new CopyOnWriteArrayList<>();
    DraftingService engine =
        EmbeddedDrafting.builder()
            .lexicon(lexicon)
            .executor(
                r ->
                    new Thread(
                            () -> {
                              threads.add(Thread.currentThread().getName());
                              r.run();
                            },
                            "host-thread")
                        .start())
            .build();

    assertThat(draft(engine, "heart nml").section(SectionKind.FINDINGS).orElseThrow().text())
        .isEqualTo("Heart normal.");
    assertThat(threads).containsExactly("host-thread");
  }

  @Test
  void tooLongDictationIsRefusedByTheConfiguredLimit() {
    DraftingService engine = EmbeddedDrafting.builder().maxDictationChars(20).build();
    assertThatThrownBy(() -> draft(engine, "Heart normal. Lungs clear. No effusion seen today."))
        .hasMessageContaining("20");
  }

  @Test
  void badSettingsAreRefusedNamingTheInputAndReason(@TempDir Path dir) {
    assertThatThrownBy(() -> EmbeddedDrafting.builder().lexicon(dir.resolve("none.json")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("none.json: table file not found");
    assertThatThrownBy(
            () -> EmbeddedDrafting.builder().templatesDirectory(dir.resolve("nope")).build())
        .hasMessageContaining("nope: template directory not found");
    assertThatThrownBy(() -> EmbeddedDrafting.builder().workerThreads(0))
        .hasMessage("workerThreads must be at least 1, was 0");
  }
}
