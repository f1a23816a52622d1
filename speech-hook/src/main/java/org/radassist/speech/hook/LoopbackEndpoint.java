package org.radassist.speech.hook;

import java.net.URI;
import java.nio.file.Path;

/**
 * Where a speech engine on this machine pushes dictation: {@code POST} one segment as JSON to
 * {@code http}, or send one segment per text message over the WebSocket at {@code webSocket}; both
 * with {@code Authorization: Bearer <token>}, the token being the content of {@code tokenFile}
 * (created owner-only on first start, kept across restarts).
 *
 * @param http e.g. {@code http://127.0.0.1:17645/v1/dictation}
 * @param webSocket e.g. {@code ws://127.0.0.1:17645/v1/dictation/ws}
 * @param tokenFile the per-install bearer token's file
 */
public record LoopbackEndpoint(URI http, URI webSocket, Path tokenFile) {
  public LoopbackEndpoint {
    if (http == null || webSocket == null || tokenFile == null) {
      throw new IllegalArgumentException("http, webSocket and tokenFile must be set");
    }
  }
}
