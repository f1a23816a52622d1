package org.radassist.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.model.StudyContext;
import org.radassist.priors.Priors;

/** The priors bundle's comparison reaching the panel outside OSGi, through public API only. */
class PriorComparisonsTest {

  @Test
  void aLookupThatCannotRunReachesTheTabAsItsReason(@TempDir Path dir) throws Exception {
    Path missing = dir.resolve("no-such-pacs-folder");
    PriorComparisonSource source =
        PriorComparisons.of(Priors.comparison(Priors.fromFolder(missing)));

    PriorComparison shown = source.compare(StudyContext.ofStudy("2.25.7")).orElseThrow();

    assertThat(shown.summary()).contains(missing.toString()).contains("does not exist");
    assertThat(shown.trends()).isEmpty();
  }

  @Test
  void aMissingServiceIsRefusedAtOnce() {
    assertThatThrownBy(() -> PriorComparisons.of(null)).hasMessage("service");
  }
}
