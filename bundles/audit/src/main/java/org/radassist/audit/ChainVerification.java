package org.radassist.audit;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of verifying a chain of audit files.
 *
 * @param files the files, in chain order
 * @param records how many records verified (the whole chain up to a break or torn tail)
 * @param firstSeq seq of the first record (0 when there were none)
 * @param lastSeq seq of the last record that verified (0 when none did)
 * @param lastHash hash of the last record that verified ({@link AuditRecord#GENESIS} when none)
 * @param anchored whether the chain starts at seq 1 with the genesis prev_hash; a chain checked
 *     from a later rotated file on its own is not anchored
 * @param broken the first record that is not what the chain says it must be
 * @param tornTail an incomplete last line of the last file: an interrupted write, not tampering
 */
public record ChainVerification(
    List<Path> files,
    long records,
    long firstSeq,
    long lastSeq,
    String lastHash,
    boolean anchored,
    Optional<ChainBreak> broken,
    Optional<TornRecord> tornTail) {
  public ChainVerification {
    files = List.copyOf(files);
  }

  /** True when every record verified (a torn tail does not break the chain). */
  public boolean intact() {
    return broken.isEmpty();
  }

  /**
   * Where the chain breaks.
   *
   * @param file the file
   * @param line 1-based line number in that file
   * @param seq the record's seq when it could be read, else the seq the chain expected there
   * @param reason what is wrong, e.g. "hash mismatch" or "prev_hash does not match"
   */
  public record ChainBreak(Path file, long line, long seq, String reason) {}

  /**
   * An incomplete last record.
   *
   * @param file the file
   * @param line 1-based line number of the torn record
   * @param offset byte offset where the torn record starts (the length of the whole part)
   * @param length how many bytes of it were written
   */
  public record TornRecord(Path file, long line, long offset, long length) {}
}
