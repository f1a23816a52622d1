package org.radassist.panel;

import java.util.Optional;
import org.radassist.model.StudyContext;

/**
 * Compares a study with the patient's priors (the priors bundle provides the real one). Called on a
 * background thread; may do network I/O.
 */
@FunctionalInterface
public interface PriorComparisonSource {
  /** The comparison, or empty when the patient has no usable prior. */
  Optional<PriorComparison> compare(StudyContext study) throws Exception;
}
