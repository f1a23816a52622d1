package org.radassist.priors.internal.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.host.LoadedInstance;
import org.radassist.host.OpenResult;
import org.radassist.host.StudyContextListener;
import org.radassist.host.UserIdentity;
import org.radassist.host.ViewerHost;
import org.radassist.model.ImageReference;
import org.radassist.model.StudyContext;
import org.radassist.priors.ComparisonSummary;
import org.radassist.priors.LookupStatus;
import org.radassist.priors.PriorLookup;
import org.radassist.priors.PriorQuery;
import org.radassist.priors.internal.compare.ComparisonEngine;
import org.radassist.priors.internal.folder.FolderIndex;
import org.radassist.priors.internal.service.DefaultPriorComparisonService;
import org.radassist.priors.internal.sr.RadAssistSrContentReader;
import org.radassist.priors.testing.ScreeningHistory;
import org.radassist.priors.testing.SyntheticHistory;

class HostPriorProviderTest {

  @TempDir static Path folder;
  static List<SyntheticHistory.WrittenStudy> written;
  static LoadedStudies host;

  /** A viewer that has loaded the synthetic history from files, as a host would. */
  static final class LoadedStudies implements ViewerHost {
    final List<StudyContext> studies = new ArrayList<>();
    final Map<String, List<LoadedInstance>> instances = new java.util.HashMap<>();

    @Override
    public String hostName() {
      return "test viewer";
    }

    @Override
    public Optional<StudyContext> currentStudy() {
      return Optional.empty();
    }

    @Override
    public List<LoadedInstance> loadedInstances(String studyInstanceUid) {
      return instances.getOrDefault(studyInstanceUid, List.of());
    }

    @Override
    public List<StudyContext> loadedStudiesOfPatient(String studyInstanceUid) {
      return studies.stream().anyMatch(s -> s.studyInstanceUid().equals(studyInstanceUid))
          ? studies
          : List.of();
    }

    @Override
    public CompletionStage<OpenResult> openImage(ImageReference reference) {
      return CompletableFuture.failedFuture(new UnsupportedOperationException("no display"));
    }

    @Override
    public UserIdentity currentUser() {
      return null;
    }

    @Override
    public void addStudyContextListener(StudyContextListener listener) {}

    @Override
    public void removeStudyContextListener(StudyContextListener listener) {}
  }

  @BeforeAll
  static void loadHistory() throws Exception {
    written = SyntheticHistory.write(folder, ScreeningHistory.studies());
    FolderIndex index = FolderIndex.scan(folder);
    host = new LoadedStudies();
    for (SyntheticHistory.WrittenStudy w : written) {
      FolderIndex.IndexedStudy study = index.study(w.studyInstanceUid());
      host.studies.add(study.study());
      List<LoadedInstance> loaded = new ArrayList<>();
      for (Path sr : study.srFiles()) {
        loaded.add(
            new LoadedInstance(
                w.studyInstanceUid(),
                "1.2.3",
                "1.2.840.10008.5.1.4.1.1.88.34",
                "2.25." + Math.abs(sr.hashCode()),
                "SR",
                sr.toUri()));
      }
      host.instances.put(w.studyInstanceUid(), loaded);
    }
  }

  private String current() {
    return written.get(written.size() - 1).studyInstanceUid();
  }

  @Test
  void comparesWithTheStudiesTheViewerHasLoaded() {
    HostPriorProvider provider = new HostPriorProvider(host, RadAssistSrContentReader.create());

    ComparisonSummary summary =
        new DefaultPriorComparisonService(
                provider, ComparisonEngine.defaults(), PriorQuery.defaults())
            .summarize(current());

    assertThat(provider.name()).isEqualTo("viewer test viewer");
    assertThat(summary.paragraph()).isEqualTo(ScreeningHistory.EXPECTED_PARAGRAPH);
  }

  @Test
  void instancesOnlyKnownByARemoteUriAreSkippedWithANote() {
    String prior = written.get(2).studyInstanceUid();
    List<LoadedInstance> saved = host.instances.get(prior);
    try {
      host.instances.put(
          prior,
          List.of(
              new LoadedInstance(
                  prior,
                  "1.2.3",
                  "1.2.840.10008.5.1.4.1.1.88.34",
                  "2.25.77",
                  "SR",
                  URI.create("http://pacs/dicom-web/studies/" + prior))));
      PriorLookup lookup =
          new HostPriorProvider(host, RadAssistSrContentReader.create())
              .lookup(current(), PriorQuery.defaults());

      assertThat(lookup.status()).isEqualTo(LookupStatus.PARTIAL);
      assertThat(lookup.notes())
          .anySatisfy(n -> assertThat(n).contains("2.25.77 skipped: only file locations"));
    } finally {
      host.instances.put(prior, saved);
    }
  }

  @Test
  void aStudyTheViewerHasNotLoadedIsNotFound() {
    assertThat(
            new HostPriorProvider(host, RadAssistSrContentReader.create())
                .lookup("1.2.3", PriorQuery.defaults())
                .status())
        .isEqualTo(LookupStatus.NOT_FOUND);
  }
}
