package org.radassist.drafting.service.internal.store;

import java.time.Instant;

/**
 * The answer of {@link DraftStore#claim}: either this replica now owns the key for {@code draftId},
 * or the key was already held, by the request whose hash and draft are given.
 */
public record KeyClaim(
    boolean claimed, String draftId, String requestHash, String owner, Instant leaseUntil) {}
