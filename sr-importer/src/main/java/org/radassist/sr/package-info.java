/**
 * DICOM Structured Report import: the content tree of any SR document ({@link
 * org.radassist.sr.SrDocument}), read by a {@link org.radassist.sr.StructuredReportReader}.
 *
 * <p>2.0.0: {@code Narrative}, {@code SrValidation} and {@code SrWriter} are interfaces of static
 * functions over internal implementations (binary change).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.0.0")
package org.radassist.sr;
