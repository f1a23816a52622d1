package org.radassist.priors.internal.folder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * The embedded default: a local folder of DICOM files is the PACS. Each lookup scans the folder's
 * headers afresh (a folder is small and may change between studies), groups files by study, and
 * reads the SR files of the current study and of its relevant priors.
 */
public final class FolderPriorProvider implements PriorStudyProvider {

  private final Path folder;
  private final SrContentReader srReader;
  private final LookupFlow flow;

  public FolderPriorProvider(Path folder, SrContentReader srReader) {
    this.folder = folder;
    this.srReader = srReader;
    // local files: read on the calling thread
    this.flow = new LookupFlow(new RelevanceRanker(), Runnable::run, Duration.ofMinutes(5));
  }

  @Override
  public String name() {
    return "folder " + folder;
  }

  @Override
  public PriorLookup lookup(String studyInstanceUid, PriorQuery query) {
    if (!Files.isDirectory(folder)) {
      return PriorLookup.failed(LookupStatus.UNAVAILABLE, "folder " + folder + " does not exist");
    }
    FolderIndex index;
    try {
      index = FolderIndex.scan(folder);
    } catch (IOException e) {
      return PriorLookup.failed(
          LookupStatus.UNAVAILABLE, "folder " + folder + " cannot be read: " + e.getMessage());
    }
    FolderIndex.IndexedStudy current = index.study(studyInstanceUid);
    if (current == null) {
      return PriorLookup.failed(
          LookupStatus.NOT_FOUND,
          "study "
              + studyInstanceUid
              + " is not in "
              + folder
              + " ("
              + index.studyCount()
              + " studies found)");
    }
    List<String> notes = new ArrayList<>();
    if (current.study().patientId() == null) {
      notes.add("the current study has no PatientID: no priors can be searched");
    }
    return flow.run(
        current.study(),
        index.studiesOfPatient(current.study()),
        query,
        study -> read(index.study(study.studyInstanceUid())),
        notes);
  }

  private StudyDocuments read(FolderIndex.IndexedStudy study) {
    StudyDocumentsBuilder documents = new StudyDocumentsBuilder(srReader);
    for (Path file : study.srFiles()) {
      try {
        documents.add(Files.readAllBytes(file), file.toString());
      } catch (IOException e) {
        documents.note("SR " + file + " skipped: cannot read (" + e.getMessage() + ")");
      }
    }
    return documents.build();
  }
}
