package org.radassist.audit.internal.checkpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.radassist.audit.AuditRecord;
import org.radassist.audit.ChainVerification;
import org.radassist.audit.internal.ChainVerifier;

/**
 * Checks a trail against its signed checkpoints, as an RFC 9162 client checks a log against signed
 * tree heads: every checkpoint's signature, that the trail still reaches every signed head (the
 * record at the checkpoint's seq carries the signed hash), and that nothing follows a clean
 * shutdown's checkpoint. Optionally also a head seen elsewhere ({@code --expect-head}), which
 * catches even a rewrite re-signed with the local key.
 */
public final class AnchorVerifier {
  /** A head someone saw: the trail must still hold record {@code seq} with this hash. */
  public record ExpectedHead(long seq, String hash) {
    /** Parses {@code SEQ:HASH}. */
    public static ExpectedHead parse(String text) {
      int colon = text.indexOf(':');
      try {
        long seq = Long.parseLong(text.substring(0, Math.max(colon, 0)));
        String hash = text.substring(colon + 1);
        if (seq < 0 || !hash.matches("[0-9a-f]{64}")) {
          throw new NumberFormatException();
        }
        return new ExpectedHead(seq, hash);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "'" + text + "' is not SEQ:HASH (a record number, ':', 64 lower-case hex digits)");
      }
    }
  }

  /**
   * Verifies {@code files} as one chain against the checkpoints.
   *
   * @param checkpointsFile the trail's {@code checkpoints.jsonl} (may not exist; null: none)
   * @param publicKeyFile the key to trust; null: {@code checkpoint-key.pub} beside the checkpoints
   * @param expected a head seen elsewhere, or null
   */
  public AnchorReport verify(
      List<Path> files, Path checkpointsFile, Path publicKeyFile, ExpectedHead expected)
      throws IOException {
    List<String> tampering = new ArrayList<>();
    Path keyFile =
        publicKeyFile != null
            ? publicKeyFile
            : checkpointsFile == null
                ? null
                : checkpointsFile.resolveSibling(CheckpointKey.PUBLIC_FILE);
    PublicKey key =
        keyFile != null && Files.exists(keyFile) ? CheckpointKey.readPublic(keyFile) : null;
    if (key == null && publicKeyFile != null) {
      throw new IOException(publicKeyFile + ": no such key file");
    }
    List<Checkpoint> all =
        checkpointsFile == null ? List.of() : CheckpointLog.read(checkpointsFile);
    if (key != null && checkpointsFile != null && all.isEmpty()) {
      tampering.add(
          checkpointsFile
              + ": no checkpoints although the trail has a signing key (the checkpoint file was"
              + " removed or emptied)");
    }
    if (key == null && !all.isEmpty()) {
      tampering.add(keyFile + ": missing, so no checkpoint signature can be checked");
    }
    String keyId = key == null ? null : CheckpointKey.id(key);
    List<Checkpoint> valid = new ArrayList<>();
    Checkpoint previous = null;
    for (int i = 0; i < all.size() && key != null; i++) {
      Checkpoint c = all.get(i);
      String where = checkpointsFile + ":" + (i + 1) + ": checkpoint seq " + c.seq() + ": ";
      if (!c.keyId().equals(keyId)) {
        tampering.add(where + "signed by key " + c.keyId() + ", not the trail's key " + keyId);
      } else if (!CheckpointKey.verify(key, c.statement(), c.signatureBytes())) {
        tampering.add(where + "signature does not verify (checkpoint altered or forged)");
      } else if (previous != null
          && (c.seq() < previous.seq() || c.time().isBefore(previous.time()))) {
        tampering.add(where + "goes back before the checkpoint above it (seq or time)");
      } else {
        valid.add(c);
        previous = c;
      }
    }
    Map<Long, List<Checkpoint>> bySeq = new HashMap<>();
    for (Checkpoint c : valid) {
      bySeq.computeIfAbsent(c.seq(), s -> new ArrayList<>()).add(c);
      if (c.seq() == 0 && !c.head().equals(AuditRecord.GENESIS)) {
        tampering.add("checkpoint seq 0 signed at " + c.time() + " has a head other than genesis");
      }
    }
    String[] expectedSeen = {null};
    ChainVerification chain =
        new ChainVerifier()
            .verify(
                files,
                record -> {
                  for (Checkpoint c : bySeq.getOrDefault(record.seq(), List.of())) {
                    if (!c.head().equals(record.hash())) {
                      tampering.add(
                          "seq "
                              + record.seq()
                              + " has hash "
                              + record.hash()
                              + " but the checkpoint signed at "
                              + c.time()
                              + " says "
                              + c.head()
                              + " (records up to it were rewritten)");
                    }
                  }
                  if (expected != null && record.seq() == expected.seq()) {
                    expectedSeen[0] = record.hash();
                  }
                });
    Checkpoint lastAnchor = null;
    if (chain.intact()) {
      for (Checkpoint c : valid) {
        if (c.seq() > chain.lastSeq()) {
          tampering.add(
              "the trail ends at seq "
                  + chain.lastSeq()
                  + " but the checkpoint signed at "
                  + c.time()
                  + " covers seq "
                  + c.seq()
                  + " (records removed from the end)");
        } else if (c.seq() >= chain.firstSeq() || (c.seq() == 0 && chain.anchored())) {
          lastAnchor = c;
        }
      }
      if (!valid.isEmpty()) {
        Checkpoint newest = valid.get(valid.size() - 1);
        if (newest.kind().equals(Checkpoint.CLOSE) && chain.lastSeq() > newest.seq()) {
          tampering.add(
              (chain.lastSeq() - newest.seq())
                  + " record(s) follow the checkpoint of the writer's clean shutdown at "
                  + newest.time()
                  + " (seq "
                  + (newest.seq() + 1)
                  + ".."
                  + chain.lastSeq()
                  + "): the trail's writer did not append them");
        }
      }
      if (expected != null) {
        if (expected.seq() == 0) {
          expectedSeen[0] = chain.anchored() || chain.records() == 0 ? AuditRecord.GENESIS : null;
        }
        if (expected.seq() > chain.lastSeq()) {
          tampering.add(
              "the trail no longer reaches the expected head seq "
                  + expected.seq()
                  + " (it ends at seq "
                  + chain.lastSeq()
                  + ")");
        } else if (expectedSeen[0] == null) {
          tampering.add(
              "the expected head seq " + expected.seq() + " is before the files given: unchecked");
        } else if (!expectedSeen[0].equals(expected.hash())) {
          tampering.add(
              "seq "
                  + expected.seq()
                  + " has hash "
                  + expectedSeen[0]
                  + ", not the expected head "
                  + expected.hash()
                  + " (the trail was rewritten)");
        }
      }
    }
    long unanchored =
        lastAnchor == null ? chain.records() : chain.lastSeq() - Math.max(lastAnchor.seq(), 0);
    return new AnchorReport(
        chain,
        Optional.ofNullable(keyId),
        all.size(),
        Optional.ofNullable(lastAnchor),
        unanchored,
        tampering);
  }
}
