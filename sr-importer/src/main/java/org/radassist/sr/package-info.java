/**
 * DICOM Structured Report import: the content tree of any SR document ({@link
 * org.radassist.sr.SrDocument}), read by a {@link org.radassist.sr.StructuredReportReader}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.radassist.sr;
