/**
 * Privacy rules that hold wherever RadAssist text leaves the workstation or the hospital: the one
 * set of free-text scrubbing rules ({@link org.radassist.model.privacy.TextScrubber}), used by the
 * speech hook's PHI minimiser and by the audit trail's feedback export. Pure functions, no I/O.
 *
 * <p>2.0.0: {@code TextScrubber} is an interface of static functions over an internal
 * implementation (binary change).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.0.0")
package org.radassist.model.privacy;
