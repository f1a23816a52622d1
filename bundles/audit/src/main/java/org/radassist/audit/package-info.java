/**
 * The audit trail: an append-only, hash-chained JSON-lines log of what users did with AI output
 * ({@link org.radassist.audit.AuditTrail}), the records it holds ({@link
 * org.radassist.audit.AuditRecord}), verification of a chain across rotated files ({@link
 * org.radassist.audit.AuditFiles}), RFC 8785 canonical JSON and its SHA-256 ({@link
 * org.radassist.audit.CanonicalJson}), and the agreed detail keys ({@link
 * org.radassist.audit.AuditDetails}) and section diff format ({@link
 * org.radassist.audit.SectionDiff}) that writers of audit events share.
 *
 * <p>2.0.0: {@code AuditFiles}, {@code CanonicalJson} and {@code AuditDetails} are interfaces
 * (static functions and constants; binary change), the canonical JSON implementation internal.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.0.0")
package org.radassist.audit;
