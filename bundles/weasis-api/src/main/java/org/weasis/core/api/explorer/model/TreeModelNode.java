// Declaration of a Weasis 4.7 type (shared/notes/weasis-api.md) for compiling the RadAssist bridge.
// Minimal body; never shipped: Weasis provides the real type at runtime.
package org.weasis.core.api.explorer.model;

import org.weasis.core.api.media.data.TagW;

/** A level of a data model's tree (patient, study, series). */
public class TreeModelNode {
  private final int depth;
  private final int nodePosition;
  private final TagW tagElement;

  public TreeModelNode(int depth, int nodePosition, TagW tagElement) {
    this.depth = depth;
    this.nodePosition = nodePosition;
    this.tagElement = tagElement;
  }

  public int getDepth() {
    return depth;
  }

  public int getNodePosition() {
    return nodePosition;
  }

  public TagW getTagElement() {
    return tagElement;
  }
}
