/**
 * Adoption and editing metrics computed from audit records: what share of AI suggestions users
 * adopted, how much they edited AI sections (word edit distance), and how long from draft request
 * to signed report, per modality. Plain Java, for the {@code radassist metrics} command and for a
 * viewer panel.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.radassist.audit.metrics;
