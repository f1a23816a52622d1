// Declaration of a Weasis 4.7 type (shared/notes/weasis-api.md) for compiling the RadAssist bridge.
// Minimal body; never shipped: Weasis provides the real type at runtime.
package org.weasis.core.api.media.data;

/** A node of the patient / study / series tree. */
public interface MediaSeriesGroup extends Taggable {

  TagW getTagID();

  boolean matchIdValue(Object valueID);

  TagW getTagElement(int id);

  void dispose();
}
