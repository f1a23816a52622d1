package org.radassist.workstation.internal.load;

import java.util.List;
import java.util.stream.Stream;
import org.radassist.model.StudyContext;

/** A loaded study: what the host tells RadAssist about it, and its series. */
public record DicomStudy(StudyContext context, List<DicomSeries> series) {
  public DicomStudy {
    series = List.copyOf(series);
  }

  public String studyInstanceUid() {
    return context.studyInstanceUid();
  }

  public Stream<DicomInstance> instances() {
    return series.stream().flatMap(s -> s.instances().stream());
  }
}
