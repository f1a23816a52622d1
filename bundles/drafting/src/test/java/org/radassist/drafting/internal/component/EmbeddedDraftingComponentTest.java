package org.radassist.drafting.internal.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.drafting.DictationChunk;
import org.radassist.drafting.DraftRequest;
import org.radassist.drafting.StudyInfo;
import org.radassist.model.DraftReport;
import org.radassist.model.SectionKind;

class EmbeddedDraftingComponentTest {

  /** The configuration as Config Admin would hand it over. */
  static EmbeddedDraftingComponent.Config config(String lexicon, String templates, int maxChars) {
    return new EmbeddedDraftingComponent.Config() {
      public Class<? extends Annotation> annotationType() {
        return EmbeddedDraftingComponent.Config.class;
      }

      public String lexicon_path() {
        return lexicon;
      }

      public String findings_path() {
        return "";
      }

      public String differentials_path() {
        return "";
      }

      public String critical_path() {
        return "";
      }

      public String codes_path() {
        return "";
      }

      public String templates_directory() {
        return templates;
      }

      public int max_dictation_chars() {
        return maxChars;
      }

      public int max_impression_items() {
        return 5;
      }

      public int worker_threads() {
        return 1;
      }
    };
  }

  private static DraftRequest request(String text) {
    return new DraftRequest(
        null,
        "s",
        new StudyInfo("st", "CT", "CHEST", null, null, null),
        null,
        null,
        List.of(new DictationChunk(1, true, text)),
        null,
        null,
        null,
        null,
        null);
  }

  @Test
  void draftsWithTheConfiguredTables(@TempDir Path dir) throws Exception {
    Path lexicon = dir.resolve("lexicon.json");
    Files.writeString(lexicon, "{\"phrases\":{\"nml\":\"normal\"}}");
    EmbeddedDraftingComponent c =
        new EmbeddedDraftingComponent(config(lexicon.toString(), "", 1000));
    try {
      DraftReport r =
          c.draft(request("heart nml"), "k", e -> {})
              .result()
              .toCompletableFuture()
              .get(10, TimeUnit.SECONDS);
      assertThat(r.section(SectionKind.FINDINGS).orElseThrow().text()).isEqualTo("Heart normal.");
      assertThat(c.model().provider()).isEqualTo("embedded");
    } finally {
      c.deactivate();
    }
  }

  @Test
  void withTheBundledTablesADraftAskedForAtOnceWaitsForThemLoadingInTheBackground()
      throws Exception {
    EmbeddedDraftingComponent c = new EmbeddedDraftingComponent(config("", "", 1000));
    try {
      assertThat(c.model().provider()).isEqualTo("embedded");
      DraftReport r =
          c.draft(request("heart nml"), "k", e -> {})
              .result()
              .toCompletableFuture()
              .get(20, TimeUnit.SECONDS);
      assertThat(r.section(SectionKind.FINDINGS).orElseThrow().text()).startsWith("Heart");
    } finally {
      c.deactivate();
    }
  }

  @Test
  void aBadConfigurationFailsActivationNamingThePath(@TempDir Path dir) {
    assertThatThrownBy(
            () ->
                new EmbeddedDraftingComponent(config(dir.resolve("none.json").toString(), "", 10)))
        .hasMessageContaining("none.json: table file not found");
    assertThatThrownBy(
            () -> new EmbeddedDraftingComponent(config("", dir.resolve("nope").toString(), 10)))
        .hasMessageContaining("template directory not found");
  }
}
