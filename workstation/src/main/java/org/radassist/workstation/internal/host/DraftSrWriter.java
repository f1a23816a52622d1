package org.radassist.workstation.internal.host;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.radassist.model.DraftReport;
import org.radassist.model.Finding;
import org.radassist.model.StudyContext;

/** Writes the AI draft (and the AI findings it used) as the SR the workstation would store. */
@FunctionalInterface
public interface DraftSrWriter {
  Path write(DraftReport draft, StudyContext study, List<Finding> findings, Path file)
      throws IOException;
}
