package org.radassist.speech.internal.loopback;

import java.nio.file.Path;

/**
 * The loopback intake's settings. It always binds 127.0.0.1: speech engines push from the same
 * workstation, nothing else may reach it.
 *
 * @param port TCP port, 0 for an ephemeral one
 * @param tokenFile the per-install bearer token file (0600)
 * @param maxBodyBytes largest HTTP body or WebSocket message accepted
 * @param maxTextChars longest dictation text in one segment
 * @param limits deadlines, socket cap, segment rate and allowed origins
 */
public record LoopbackConfig(
    int port, Path tokenFile, int maxBodyBytes, int maxTextChars, IntakeLimits limits) {
  public static final String HOST = "127.0.0.1";

  /** With the default {@link IntakeLimits}. */
  public LoopbackConfig(int port, Path tokenFile, int maxBodyBytes, int maxTextChars) {
    this(port, tokenFile, maxBodyBytes, maxTextChars, IntakeLimits.defaults());
  }

  public LoopbackConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be within 0..65535, was " + port);
    }
    if (tokenFile == null) {
      throw new IllegalArgumentException("tokenFile must be set");
    }
    if (limits == null) {
      throw new IllegalArgumentException("limits must be set");
    }
    if (maxBodyBytes < 256 || maxTextChars < 1) {
      throw new IllegalArgumentException("maxBodyBytes must be >= 256 and maxTextChars >= 1");
    }
  }
}
