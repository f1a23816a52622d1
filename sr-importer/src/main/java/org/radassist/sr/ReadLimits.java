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

  /**
   * Caps that fit a Java heap of {@code maxHeapBytes}: a content item costs about 1.2 KB once
   * parsed (attributes, strings, tree), so a 35 MB report of 200,000 items needs far more than a
   * 256 MB heap. Items are capped at one per 4 KB of heap (about 63,000 at the CLI's 256 MB; NUM
   * items cost more than TEXT), the file at a quarter of the heap (64 MB), and never above {@link
   * #defaults()}; a file over either cap is refused before it is parsed.
   */
  public static ReadLimits forHeap(long maxHeapBytes) {
    ReadLimits d = defaults();
    int items = (int) Math.max(1_000, Math.min(d.maxItems(), maxHeapBytes / 4096));
    long bytes = Math.max(1L << 20, Math.min(d.maxBytes(), maxHeapBytes / 4));
    return new ReadLimits(d.maxDepth(), items, bytes);
  }

  /** Generous for real reports: RDSRs of fluoroscopy runs hold tens of thousands of items. */
  public static ReadLimits defaults() {
    return new ReadLimits(64, 500_000, 256L * 1024 * 1024);
  }
}
