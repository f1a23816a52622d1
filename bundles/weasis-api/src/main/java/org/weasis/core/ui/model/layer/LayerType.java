// Declaration of a Weasis 4.7 type (shared/notes/weasis-api.md) for compiling the RadAssist bridge.
// Minimal body; never shipped: Weasis provides the real type at runtime.
package org.weasis.core.ui.model.layer;

/** The kinds of graphic layers, with their default drawing level (Weasis' enum has more flags). */
public enum LayerType {
  IMAGE(10),
  CROSSLINES(20),
  IMAGE_ANNOTATION(10_000),
  ANNOTATION(31),
  DRAW(40),
  MEASURE(50),
  TEMP_DRAW(60),
  ACQUIRE(70),
  BLOB(80),
  POINTS(90),
  DICOM_SR(100),
  DICOM_RT(110),
  DICOM_PR(120);

  private final Integer level;

  LayerType(Integer level) {
    this.level = level;
  }

  public Integer getLevel() {
    return level;
  }
}
