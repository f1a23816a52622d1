package org.radassist.weasis.bridge.internal.context;

/** Where a referenced image was found in the viewer's tree. */
public record LocatedImage<N, M>(N series, M instance) {}
