// Stand-in declaration of
// weasis-core/src/main/java/org/weasis/core/api/explorer/model/TreeModelNode.java
// at nroduit/Weasis tag v4.7.2 (commit d83cf2449b18c3b360ef7c0929455d87ffa4b4cb): same kind, type
// parameters, supertypes and signatures for the members declared here; only the members RadAssist
// uses are declared, with minimal bodies of our own. Compile-only, never shipped: Weasis provides
// the real type at runtime.
package org.weasis.core.api.explorer.model;

import org.weasis.core.api.media.data.TagView;
import org.weasis.core.api.media.data.TagW;

/**
 * A level of a data model's tree (patient, study, series) and the tag that identifies its nodes.
 */
public record TreeModelNode(int depth, int nodePosition, TagW tagElement, TagView tagView) {
  public static final TreeModelNode ROOT = new TreeModelNode(0, 0, TagW.RootElement, null);
}
