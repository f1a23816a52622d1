/**
 * How RadAssist writes files that hold patient data or secrets (reports, AI SR, audit trail, outbox
 * slots, keys, the draft store): owner-only, {@code 0600} files in {@code 0700} directories,
 * whatever the process umask ({@link org.radassist.model.files.OwnerOnlyFiles}), under RadAssist's
 * data directory ({@link org.radassist.model.files.DataDirectory}: one rule for every bundle).
 *
 * <p>2.0.0: {@code OwnerOnlyFiles} is an interface of static functions (binary change); {@code
 * DataDirectory} added.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.0.0")
package org.radassist.model.files;
