package org.radassist.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * RFC 8785 JSON Canonicalization Scheme (JCS) and the SHA-256 over it: object members sorted by
 * their names' UTF-16 code units, numbers in ECMAScript form, strings with the minimal escaping of
 * ECMAScript {@code JSON.stringify}, no whitespace, UTF-8. Request and response hashes in audit
 * events and the audit trail's record hashes are computed with this class, so any party can
 * recompute them from the JSON whatever its member order or number spelling.
 *
 * <p>Static functions only; the implementation is internal to the bundle.
 */
public interface CanonicalJson {
  /**
   * A JSON reader suited to canonicalisation: duplicate member names are refused (RFC 8785 needs
   * I-JSON), and numbers are read as IEEE-754 doubles as JCS prescribes.
   */
  static ObjectMapper newReader() {
    return org.radassist.audit.internal.json.CanonicalJsonCodec.newReader();
  }

  /**
   * The canonical text of a JSON document.
   *
   * @throws IllegalArgumentException when the text is not JSON or not I-JSON (duplicate names, lone
   *     surrogates, non-finite numbers)
   */
  static String canonicalize(String json) {
    return org.radassist.audit.internal.json.CanonicalJsonCodec.canonicalize(json);
  }

  /** The canonical text of a JSON tree. */
  static String canonicalize(JsonNode node) {
    return org.radassist.audit.internal.json.CanonicalJsonCodec.canonicalize(node);
  }

  /** The canonical UTF-8 bytes of a JSON tree. */
  static byte[] canonicalBytes(JsonNode node) {
    return org.radassist.audit.internal.json.CanonicalJsonCodec.canonicalBytes(node);
  }

  /** Lower-case hex SHA-256 of the canonical form of a JSON tree. */
  static String sha256Hex(JsonNode node) {
    return org.radassist.audit.internal.json.CanonicalJsonCodec.sha256Hex(node);
  }

  /** Lower-case hex SHA-256 of the canonical form of a JSON text. */
  static String sha256Hex(String json) {
    return org.radassist.audit.internal.json.CanonicalJsonCodec.sha256Hex(json);
  }

  /** Lower-case hex SHA-256 of raw bytes. */
  static String sha256Hex(byte[] bytes) {
    return org.radassist.audit.internal.json.CanonicalJsonCodec.sha256Hex(bytes);
  }
}
