package org.radassist.workstation.internal.load;

import java.nio.file.Path;

/** One DICOM file of a loaded folder, as its header describes it. */
public record DicomInstance(
    Path file,
    String studyInstanceUid,
    String seriesInstanceUid,
    String sopClassUid,
    String sopInstanceUid,
    String modality,
    int instanceNumber,
    int frames,
    double sliceLocation,
    boolean hasPixels) {}
