package org.radassist.priors.internal.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.radassist.host.LoadedInstance;
import org.radassist.host.ViewerHost;
import org.radassist.model.StudyContext;
import org.radassist.priors.LookupStatus;
import org.radassist.priors.PriorLookup;
import org.radassist.priors.PriorQuery;
import org.radassist.priors.PriorStudyProvider;
import org.radassist.priors.internal.lookup.LookupFlow;
import org.radassist.priors.internal.lookup.RelevanceRanker;
import org.radassist.priors.internal.lookup.StudyDocuments;
import org.radassist.priors.internal.sr.SrContentReader;
import org.radassist.priors.internal.sr.StudyDocumentsBuilder;

/**
 * Priors the viewer has already loaded: the patient's studies as the host lists them, and the SR
 * instances it loaded for each, read from their file locations. Instances the host only knows by a
 * remote URI are skipped with a note (the DICOMweb provider fetches those).
 */
public final class HostPriorProvider implements PriorStudyProvider {

  private final ViewerHost host;
  private final SrContentReader srReader;
  private final LookupFlow flow;

  public HostPriorProvider(ViewerHost host, SrContentReader srReader) {
    this.host = host;
    this.srReader = srReader;
    this.flow = new LookupFlow(new RelevanceRanker(), Runnable::run, Duration.ofMinutes(1));
  }

  @Override
  public String name() {
    return "viewer " + host.hostName();
  }

  @Override
  public PriorLookup lookup(String studyInstanceUid, PriorQuery query) {
    List<StudyContext> studies = host.loadedStudiesOfPatient(studyInstanceUid);
    Optional<StudyContext> current =
        studies.stream().filter(s -> s.studyInstanceUid().equals(studyInstanceUid)).findFirst();
    if (current.isEmpty()) {
      return PriorLookup.failed(
          LookupStatus.NOT_FOUND, "study " + studyInstanceUid + " is not loaded in the viewer");
    }
    return flow.run(current.get(), studies, query, this::read, List.of());
  }

  private StudyDocuments read(StudyContext study) {
    StudyDocumentsBuilder documents = new StudyDocumentsBuilder(srReader);
    for (LoadedInstance instance : host.loadedInstances(study.studyInstanceUid())) {
      if (!instance.isStructuredReport()) {
        continue;
      }
      if (!"file".equalsIgnoreCase(instance.location().getScheme())) {
        documents.note(
            "SR "
                + instance.sopInstanceUid()
                + " skipped: only file locations are read here ("
                + instance.location().getScheme()
                + ")");
        continue;
      }
      Path file = Path.of(instance.location());
      try {
        documents.add(Files.readAllBytes(file), file.toString());
      } catch (IOException e) {
        documents.note("SR " + file + " skipped: cannot read (" + e.getMessage() + ")");
      }
    }
    return documents.build();
  }
}
