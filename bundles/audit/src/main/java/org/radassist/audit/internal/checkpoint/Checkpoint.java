package org.radassist.audit.internal.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.radassist.audit.CanonicalJson;

/**
 * A signed statement "the trail had {@code seq} records and its head hash was {@code head} at
 * {@code time}", the audit trail's counterpart of an RFC 6962 / RFC 9162 signed tree head. Because
 * every record's hash covers the one before it, a checkpoint fixes every record up to {@code seq}:
 * cutting, editing or re-hashing any of them makes the trail miss the signed head.
 *
 * @param seq records in the trail when signed (0: an empty trail)
 * @param head hash of record {@code seq} (the genesis value for an empty trail)
 * @param time when it was signed
 * @param kind {@code open}, {@code interval} or {@code close}; after a {@code close} checkpoint the
 *     writer appends nothing until it signs the next {@code open}
 * @param keyId SHA-256 (hex) of the signing key's X.509 SubjectPublicKeyInfo
 * @param signature Ed25519 signature of {@link #statement()}, base64
 */
public record Checkpoint(
    long seq, String head, Instant time, String kind, String keyId, String signature) {
  public static final String OPEN = "open";
  public static final String INTERVAL = "interval";
  public static final String CLOSE = "close";

  /** What is signed: a versioned text, one field per line (as RFC 9162 checkpoints do). */
  public static byte[] statement(long seq, String head, Instant time, String kind) {
    return ("radassist-audit-checkpoint v1\n"
            + kind
            + "\n"
            + seq
            + "\n"
            + head
            + "\n"
            + time
            + "\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  public byte[] statement() {
    return statement(seq, head, time, kind);
  }

  public byte[] signatureBytes() {
    return Base64.getDecoder().decode(signature);
  }

  /** The stored form: one RFC 8785 canonical JSON line (without the line feed). */
  public String toJson() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("seq", seq);
    node.put("head", head);
    node.put("time", time.toString());
    node.put("kind", kind);
    node.put("key_id", keyId);
    node.put("signature", signature);
    return CanonicalJson.canonicalize(node);
  }

  /**
   * Reads the stored form.
   *
   * @throws IllegalArgumentException naming what is missing or malformed
   */
  public static Checkpoint fromJson(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    JsonNode seq = node.get("seq");
    if (seq == null || !seq.canConvertToLong() || seq.longValue() < 0) {
      throw new IllegalArgumentException("seq missing or not a whole number >= 0");
    }
    String head = text(node, "head");
    if (!head.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("head is not 64 lower-case hex digits");
    }
    String kind = text(node, "kind");
    if (!kind.equals(OPEN) && !kind.equals(INTERVAL) && !kind.equals(CLOSE)) {
      throw new IllegalArgumentException("kind '" + kind + "' is not open, interval or close");
    }
    Instant time;
    try {
      time = Instant.parse(text(node, "time"));
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("time is not an ISO-8601 instant");
    }
    String signature = text(node, "signature");
    try {
      Base64.getDecoder().decode(signature);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("signature is not base64");
    }
    return new Checkpoint(seq.longValue(), head, time, kind, text(node, "key_id"), signature);
  }

  private static String text(JsonNode node, String member) {
    JsonNode value = node.get(member);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException(member + " missing or not a string");
    }
    return value.asText();
  }
}
