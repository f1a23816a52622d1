package org.radassist.workstation.internal.host;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.radassist.model.Finding;

/** Reads the AI findings of one SR file (the SR importer, when it is in the build). */
@FunctionalInterface
public interface FindingsReader {
  List<Finding> read(Path srFile) throws IOException;
}
