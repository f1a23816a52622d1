// Declaration of a Weasis 4.7 type (shared/notes/weasis-api.md) for compiling the RadAssist bridge.
// Minimal body; never shipped: Weasis provides the real type at runtime.
package org.weasis.core.api.explorer.model;

/** The model behind a data explorer (the DICOM explorer's is DicomModel). */
public interface DataExplorerModel {}
