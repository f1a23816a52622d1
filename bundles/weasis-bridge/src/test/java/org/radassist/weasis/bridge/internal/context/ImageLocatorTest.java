package org.radassist.weasis.bridge.internal.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImageLocatorTest {
  /** An element as Weasis holds it: one per frame, the frame index from 0 as key. */
  record Element(String sop, Object key) {}

  private static final List<Element> SERIES =
      List.of(
          new Element("1.1", null), // a single-frame instance (no frame key)
          new Element("1.2", 0), // a three-frame instance, one element per frame
          new Element("1.2", 1),
          new Element("1.2", 2),
          new Element("1.3", "not-a-frame"));

  private static int find(String sop, Integer frame) {
    return ImageLocator.indexOf(SERIES, Element::sop, Element::key, sop, frame).orElse(-1);
  }

  @Test
  void aFrameNumberedFromOneIsTheElementKeyedByItsIndexFromZero() {
    assertThat(find("1.2", 1)).isEqualTo(1);
    assertThat(find("1.2", 3)).isEqualTo(3);
  }

  @Test
  void withoutAFrameTheInstanceIsItsFirstElement() {
    assertThat(find("1.2", null)).isEqualTo(1);
    assertThat(find("1.1", null)).isZero();
  }

  @Test
  void anElementWithoutANumericKeyHoldsFrameOneOnly() {
    assertThat(find("1.1", 1)).isZero();
    assertThat(find("1.3", 1)).isEqualTo(4);
    assertThat(find("1.1", 2)).isEqualTo(-1);
  }

  @Test
  void anUnknownInstanceOrAFrameNotLoadedIsNotFound() {
    assertThat(find("9.9", null)).isEqualTo(-1);
    assertThat(find("1.2", 4)).isEqualTo(-1);
    assertThat(ImageLocator.indexOf(List.<Element>of(), Element::sop, Element::key, "1.1", null))
        .isEmpty();
  }

  @Test
  void theSopInstanceUidIsRequired() {
    assertThatThrownBy(() -> find(null, 1)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void frameOfMapsKeysToFrameNumbers() {
    assertThat(ImageLocator.frameOf(0)).isEqualTo(1);
    assertThat(ImageLocator.frameOf(41L)).isEqualTo(42);
    assertThat(ImageLocator.frameOf(null)).isEqualTo(1);
  }
}
