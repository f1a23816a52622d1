/**
 * RadAssist's domain records: what a study is, what an AI found, what a draft report holds, and
 * what an audit event says. Immutable, validated on construction, mapped to JSON by {@link
 * org.radassist.model.ModelJson}. No OSGi, no Swing, no I/O.
 *
 * <p>2.0.0: {@code ModelJson} is an interface (binary change for callers). 2.1.0: {@code
 * FlagType.ACTIONABLE_FINDING} (ACR category 3) beside {@code CRITICAL_RESULT} (categories 1-2),
 * and {@code AuditAction.ACTIONABLE_FINDING_COMMUNICATED}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.1.0")
package org.radassist.model;
