/**
 * The DraftingService API: a request of dictation chunks with a PHI-free study context, priors and
 * AI results goes in; a stream of {@link org.radassist.drafting.DraftEvent}s comes back and folds
 * into a {@link org.radassist.model.DraftReport}. The embedded rules engine and the remote client
 * both implement it.
 *
 * <p>2.0.0: {@code DraftAssembler} is an interface ({@code DraftAssembler.create(studyToken,
 * clock)} instead of its constructor; the implementation is internal).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.0.0")
package org.radassist.drafting;
