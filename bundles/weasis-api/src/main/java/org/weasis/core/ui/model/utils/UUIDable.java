// Stand-in declaration of weasis-core/src/main/java/org/weasis/core/ui/model/utils/UUIDable.java
// at nroduit/Weasis tag v4.7.2 (commit d83cf2449b18c3b360ef7c0929455d87ffa4b4cb): same kind, type
// parameters, supertypes and signatures for the members declared here; only the members RadAssist
// uses are declared, with minimal bodies of our own. Compile-only, never shipped: Weasis provides
// the real type at runtime.
package org.weasis.core.ui.model.utils;

/** Has a UUID. */
public interface UUIDable {
  String getUuid();

  void setUuid(String uuid);
}
