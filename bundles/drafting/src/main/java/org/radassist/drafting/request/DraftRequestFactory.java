package org.radassist.drafting.request;

import java.security.SecureRandom;
import org.radassist.drafting.AiResult;
import org.radassist.drafting.DraftRequest;
import org.radassist.drafting.internal.request.SessionRequestFactory;
import org.radassist.model.Finding;
import org.radassist.model.StudyContext;
import org.radassist.model.privacy.TextScrubber;

/**
 * The only way to build a {@link DraftRequest}, with the one PHI minimiser inside it (HIPAA Safe
 * Harbor, 45 CFR 164.514(b)(2)): UIDs, accession numbers and MRNs become opaque tokens that are
 * stable within this session and unlinkable across sessions (HMAC-SHA256 under a per-session random
 * key that never leaves the workstation); dates become whole days relative to the study; age is
 * sent in years with 90 and over collapsed; every free text (dictation, indication, prior reports,
 * AI finding labels, style values) is scrubbed by {@link TextScrubber} with the study's own
 * identifiers and name parts. One factory per session (a study opened for dictation, one CLI run).
 *
 * <p>Thread-safe: the factories return immutable instances.
 */
public interface DraftRequestFactory {

  /** A factory for a new session with a fresh random key. */
  static DraftRequestFactory newSession() {
    return newSession(new SecureRandom());
  }

  /** A factory for a new session with a key drawn from {@code random}. */
  static DraftRequestFactory newSession(SecureRandom random) {
    byte[] key = new byte[SessionRequestFactory.KEY_BYTES];
    random.nextBytes(key);
    return new SessionRequestFactory(key);
  }

  /**
   * The factory of a session resumed after a restart: the same key gives the same tokens, so
   * replayed dictation makes byte-identical requests (same idempotency key, same body). Only the
   * local outbox keeps the key, next to the dictation it protects.
   *
   * @throws IllegalArgumentException when the key is not 32 bytes
   */
  static DraftRequestFactory resumed(byte[] sessionKey) {
    return new SessionRequestFactory(sessionKey);
  }

  /** The key, for the local outbox only (see {@link #resumed}); never part of a request. */
  byte[] sessionKey();

  /**
   * The minimised request for {@code study}: session token, study token, modality, body part, age
   * band and sex, and the content scrubbed. Dictation chunks keep their sequence numbers and
   * finality.
   */
  DraftRequest request(StudyContext study, RequestContent content);

  /**
   * An opaque token for an identifier, e.g. {@code st-3f9a0c...}: same input, same token, this
   * session only. Also the way to derive idempotency keys that must not reveal what they cover.
   */
  String token(String prefix, String identifier);

  /**
   * Free text as it may leave: the study's UID, accession number, patient ID and name parts first,
   * then every pattern of {@link TextScrubber} with dates relative to the study date.
   */
  String scrub(String text, StudyContext study);

  /**
   * The one mapping from an AI finding to what the drafting service may see: no UIDs, no
   * references; source {@code "sr:TID1500"} (the contract's spelling: "TID" and the number, no
   * space), {@code "sr"} when the template is unknown; labels scrubbed.
   */
  AiResult aiResult(Finding finding, StudyContext study);
}
