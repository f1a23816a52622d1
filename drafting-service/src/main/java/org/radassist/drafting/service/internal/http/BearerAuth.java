package org.radassist.drafting.service.internal.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Bearer-token authentication (RFC 6750) against a fixed list of tokens. Tokens are compared as
 * SHA-256 digests in constant time, and a client is known by a digest prefix, never by its token
 * (so logs, rate-limit keys and idempotency keys hold no secret).
 */
public final class BearerAuth {
  private final List<byte[]> digests;

  /** Accepts any of {@code tokens}; an empty list turns authentication off. */
  public BearerAuth(List<String> tokens) {
    this.digests = tokens.stream().map(BearerAuth::sha256).toList();
  }

  public boolean enabled() {
    return !digests.isEmpty();
  }

  /**
   * The client id for an {@code Authorization} header value.
   *
   * @throws ProblemException 401 when the header is missing, not a bearer token, or unknown
   */
  public String authenticate(String authorization, String remoteAddress) {
    if (!enabled()) {
      return "ip:" + remoteAddress;
    }
    if (authorization == null || authorization.isBlank()) {
      throw Problem.of(
              "unauthorized",
              401,
              "Authentication required",
              "send the service token as 'Authorization: Bearer <token>'")
          .withHeader("WWW-Authenticate", "Bearer realm=\"radassist\"")
          .exception();
    }
    String[] parts = authorization.trim().split("\\s+", 2);
    if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer") || parts[1].isBlank()) {
      throw Problem.of(
              "unauthorized",
              401,
              "Authentication required",
              "the Authorization header must use the Bearer scheme")
          .withHeader("WWW-Authenticate", "Bearer realm=\"radassist\", error=\"invalid_request\"")
          .exception();
    }
    byte[] given = sha256(parts[1].trim());
    boolean known = false;
    for (byte[] d : digests) {
      known |= MessageDigest.isEqual(d, given); // no early exit: timing says nothing
    }
    if (!known) {
      throw Problem.of("invalid-token", 401, "Invalid token", "the bearer token is not accepted")
          .withHeader("WWW-Authenticate", "Bearer realm=\"radassist\", error=\"invalid_token\"")
          .exception();
    }
    return "tok:" + HexFormat.of().formatHex(given, 0, 8);
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
