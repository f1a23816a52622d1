package org.radassist.priors;

import java.util.List;
import org.radassist.model.Finding;
import org.radassist.model.StudyContext;

/** Compares a study with its priors: the Comparison paragraph, change records and trends. */
@org.osgi.annotation.versioning.ProviderType
public interface PriorComparisonService {

  /** Looks the study and its priors up in the configured source and compares them. */
  ComparisonSummary summarize(String studyInstanceUid);

  /** Compares findings already at hand (pure computation, no I/O). */
  ComparisonSummary compare(
      StudyContext current, List<Finding> currentFindings, List<PriorStudy> priors);
}
