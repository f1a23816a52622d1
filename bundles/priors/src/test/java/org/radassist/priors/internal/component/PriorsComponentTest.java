package org.radassist.priors.internal.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.priors.LookupStatus;
import org.radassist.priors.PriorQuery;

class PriorsComponentTest {

  @TempDir Path folder;

  /** The configuration as Config Admin would hand it over (defaults from the annotation). */
  private static PriorsConfiguration config(String url, String localFolder) {
    return new PriorsConfiguration() {
      @Override
      public Class<? extends Annotation> annotationType() {
        return PriorsConfiguration.class;
      }

      @Override
      public String dicomweb_url() {
        return url;
      }

      @Override
      public long connect_timeout_ms() {
        return 500;
      }

      @Override
      public long read_timeout_ms() {
        return 500;
      }

      @Override
      public long deadline_ms() {
        return 1000;
      }

      @Override
      public int page_size() {
        return 100;
      }

      @Override
      public String local_folder() {
        return localFolder;
      }

      @Override
      public int max_priors() {
        return 10;
      }

      @Override
      public double min_relevance() {
        return 0.55;
      }
    };
  }

  @Test
  void aDicomwebUrlWins() throws Exception {
    PriorsComponent component =
        new PriorsComponent(config("http://127.0.0.1:1/dicom-web", folder.toString()), null);
    try {
      assertThat(component.name()).isEqualTo("DICOMweb http://127.0.0.1:1/dicom-web");
      assertThat(component.summarize("1.2.3").paragraph())
          .startsWith("Comparison: prior studies could not be retrieved (PACS unreachable: ");
    } finally {
      component.deactivate();
    }
  }

  @Test
  void theLocalFolderIsTheEmbeddedDefault() throws Exception {
    PriorsComponent component = new PriorsComponent(config("", folder.toString()), null);

    assertThat(component.name()).isEqualTo("folder " + folder);
    assertThat(component.lookup("1.2.3", PriorQuery.defaults()).status())
        .isEqualTo(LookupStatus.NOT_FOUND);
    component.deactivate();
  }

  @Test
  void withNothingConfiguredItSaysSo() throws Exception {
    PriorsComponent component = new PriorsComponent(config("", ""), null);

    assertThat(component.lookup("1.2.3", PriorQuery.defaults()).statusMessage())
        .isEqualTo("no prior source configured (set a DICOMweb URL or a local folder)");
    component.deactivate();
  }
}
