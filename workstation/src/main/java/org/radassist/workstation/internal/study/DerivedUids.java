package org.radassist.workstation.internal.study;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * UIDs derived from names under the "2.25" root (ISO/IEC 9834-8: a UUID as a decimal integer). The
 * same name always gives the same UID, which makes the synthetic study reproducible byte for byte;
 * the name-based UUID keeps UIDs of different names apart.
 */
public final class DerivedUids {
  private final String namespace;

  /** UIDs of one namespace, e.g. "radassist-phantom-chest-v1". */
  public DerivedUids(String namespace) {
    this.namespace = namespace;
  }

  public String uid(String name) {
    UUID uuid = UUID.nameUUIDFromBytes((namespace + ":" + name).getBytes(StandardCharsets.UTF_8));
    ByteBuffer bytes = ByteBuffer.allocate(16);
    bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
    return "2.25." + new BigInteger(1, bytes.array());
  }
}
