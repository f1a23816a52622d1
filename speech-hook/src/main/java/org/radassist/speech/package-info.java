/**
 * Dictation in, drafts out: {@link org.radassist.speech.DictationSource}s (FHIRcast, a loopback
 * intake for speech engines, the panel's own box) feed {@link
 * org.radassist.speech.DictationSegment}s to a {@link org.radassist.speech.DictationSession}, which
 * asks the DraftingService for a draft. Every request is built, and identifying data minimised, by
 * the one {@link org.radassist.drafting.request.DraftRequestFactory}, and nothing bound for a
 * remote system is sent before it is durable in the {@link org.radassist.speech.Outbox}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.0.0")
package org.radassist.speech;
