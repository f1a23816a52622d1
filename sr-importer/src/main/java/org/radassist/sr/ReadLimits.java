package org.radassist.sr;

/**
 * Caps that keep a hostile file from hanging or exhausting the viewer.
 *
 * @param maxDepth deepest content tree nesting walked (deeper items are dropped and reported)
 * @param maxItems most content items kept (the rest are dropped and reported)
 * @param maxBytes largest file accepted
 */
public record ReadLimits(int maxDepth, int maxItems, long maxBytes) {
  public ReadLimits {
    if (maxDepth < 1 || maxItems < 1 || maxBytes < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  /** Generous for real reports: RDSRs of fluoroscopy runs hold tens of thousands of items. */
  public static ReadLimits defaults() {
    return new ReadLimits(64, 500_000, 256L * 1024 * 1024);
  }
}
