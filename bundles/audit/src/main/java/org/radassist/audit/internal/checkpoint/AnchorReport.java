package org.radassist.audit.internal.checkpoint;

import java.util.List;
import java.util.Optional;
import org.radassist.audit.ChainVerification;

/**
 * A trail checked against its signed checkpoints.
 *
 * @param chain the hash chain's own verification
 * @param keyId the key the checkpoints were checked with (empty when there was none)
 * @param checkpoints how many checkpoints were read
 * @param lastAnchor the newest valid checkpoint the trail reaches
 * @param unanchored records after {@code lastAnchor} (all records when there is none): intact as a
 *     chain, but nothing signed vouches for them yet
 * @param tampering what the checkpoints or the expected head prove was removed or rewritten
 */
public record AnchorReport(
    ChainVerification chain,
    Optional<String> keyId,
    int checkpoints,
    Optional<Checkpoint> lastAnchor,
    long unanchored,
    List<String> tampering) {
  public AnchorReport {
    tampering = List.copyOf(tampering);
  }

  /** The chain verifies and no checkpoint or expected head contradicts it. */
  public boolean untampered() {
    return chain.intact() && tampering.isEmpty();
  }
}
