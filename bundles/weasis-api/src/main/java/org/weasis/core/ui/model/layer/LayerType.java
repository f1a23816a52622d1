// Stand-in declaration of weasis-core/src/main/java/org/weasis/core/ui/model/layer/LayerType.java
// at nroduit/Weasis tag v4.7.2 (commit d83cf2449b18c3b360ef7c0929455d87ffa4b4cb): same kind, type
// parameters, supertypes and signatures for the members declared here; only the members RadAssist
// uses are declared, with minimal bodies of our own. Compile-only, never shipped: Weasis provides
// the real type at runtime.
package org.weasis.core.ui.model.layer;

/** The kinds of graphic layers, with their default drawing level. */
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
  DICOM_SEG(95),
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
