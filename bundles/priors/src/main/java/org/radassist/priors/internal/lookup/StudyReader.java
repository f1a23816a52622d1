package org.radassist.priors.internal.lookup;

import java.io.IOException;
import org.radassist.model.StudyContext;

/** Reads the SR documents of one study from wherever the provider keeps them. */
@FunctionalInterface
public interface StudyReader {
  StudyDocuments read(StudyContext study) throws IOException;
}
