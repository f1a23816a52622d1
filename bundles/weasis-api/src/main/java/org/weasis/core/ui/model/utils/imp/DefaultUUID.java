// Stand-in declaration of
// weasis-core/src/main/java/org/weasis/core/ui/model/utils/imp/DefaultUUID.java
// at nroduit/Weasis tag v4.7.2 (commit d83cf2449b18c3b360ef7c0929455d87ffa4b4cb): same kind, type
// parameters, supertypes and signatures for the members declared here; only the members RadAssist
// uses are declared, with minimal bodies of our own. Compile-only, never shipped: Weasis provides
// the real type at runtime.
package org.weasis.core.ui.model.utils.imp;

import java.util.UUID;
import org.weasis.core.ui.model.utils.UUIDable;

/** A random UUID holder, the base of Weasis' graphics, models and layers. */
public class DefaultUUID implements UUIDable {
  private String uuid;

  public DefaultUUID() {
    this.uuid = UUID.randomUUID().toString();
  }

  @Override
  public String getUuid() {
    return uuid;
  }

  @Override
  public void setUuid(String uuid) {
    this.uuid = uuid == null ? UUID.randomUUID().toString() : uuid;
  }
}
