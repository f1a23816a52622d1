/**
 * Adoption and editing metrics computed from audit records: what share of AI suggestions users
 * adopted, how much they edited AI sections (word edit distance), and how long from draft request
 * to signed report, per modality. Plain Java, for the {@code radassist metrics} command and for a
 * viewer panel.
 *
 * <p>2.0.0: {@code AuditMetrics} is an interface with the static {@code compute} (was an instance
 * method of a class).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.0.0")
package org.radassist.audit.metrics;
