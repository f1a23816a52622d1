package org.radassist.priors.internal.service;

import java.util.List;
import org.radassist.model.Finding;
import org.radassist.model.StudyContext;
import org.radassist.priors.ComparisonSummary;
import org.radassist.priors.PriorComparisonService;
import org.radassist.priors.PriorLookup;
import org.radassist.priors.PriorQuery;
import org.radassist.priors.PriorStudy;
import org.radassist.priors.PriorStudyProvider;
import org.radassist.priors.internal.compare.ComparisonEngine;

/** Looks priors up in one provider and compares; plain Java, used by the CLI and the component. */
public final class DefaultPriorComparisonService implements PriorComparisonService {

  private final PriorStudyProvider provider;
  private final ComparisonEngine engine;
  private final PriorQuery query;

  public DefaultPriorComparisonService(
      PriorStudyProvider provider, ComparisonEngine engine, PriorQuery query) {
    this.provider = provider;
    this.engine = engine;
    this.query = query;
  }

  @Override
  public ComparisonSummary summarize(String studyInstanceUid) {
    return summarize(provider.lookup(studyInstanceUid, query), studyInstanceUid);
  }

  /** The comparison for a lookup already made (the CLI prints both). */
  public ComparisonSummary summarize(PriorLookup lookup, String studyInstanceUid) {
    StudyContext current = lookup.currentStudy().orElse(StudyContext.ofStudy(studyInstanceUid));
    return engine.compare(
        current,
        lookup.currentFindings(),
        lookup.priors(),
        lookup.status(),
        lookup.statusMessage(),
        lookup.notes());
  }

  @Override
  public ComparisonSummary compare(
      StudyContext current, List<Finding> currentFindings, List<PriorStudy> priors) {
    return engine.compare(current, currentFindings, priors);
  }
}
