/**
 * Prior comparison: find a patient's relevant earlier studies ({@link
 * org.radassist.priors.PriorStudyProvider}), match their findings to the current study's ({@link
 * org.radassist.priors.FindingMatch}) and say what changed ({@link
 * org.radassist.priors.ComparisonSummary}: the Comparison paragraph, {@link
 * org.radassist.priors.ChangeRecord}s and a {@link org.radassist.priors.TrendSeries} per finding).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.radassist.priors;
