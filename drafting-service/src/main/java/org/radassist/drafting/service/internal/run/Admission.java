package org.radassist.drafting.service.internal.run;

/**
 * What {@link DraftCoordinator#admit} decided for a POST: the draft to answer from, and whether it
 * is a replay or attach of an earlier request with the same Idempotency-Key.
 */
public record Admission(DraftSource source, boolean replayed) {}
