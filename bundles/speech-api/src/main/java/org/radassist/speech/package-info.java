/**
 * The speech hook's API, interfaces and records only: a {@link org.radassist.speech.SpeechHook}
 * opens a study's dictation ({@link org.radassist.speech.StudyDictation}); {@link
 * org.radassist.speech.DictationSource}s (FHIRcast, a loopback intake for speech engines, the
 * panel's own box, a host's own engine) deliver {@link org.radassist.speech.DictationSegment}s to a
 * {@link org.radassist.speech.DictationSink}; the study's {@link
 * org.radassist.speech.StudyDictationListener} hears the segments, the streamed draft and the
 * {@link org.radassist.speech.SessionStatus}. Nothing bound for a remote system is sent before it
 * is durable in an {@link org.radassist.speech.Outbox}; accepted content leaves through {@link
 * org.radassist.speech.ResultSender}s.
 *
 * <p>This package lives in the small, always-installed bundle {@code org.radassist.speech.api}, so
 * the panel imports it normally; the implementation (bundle {@code org.radassist.speech.hook}, with
 * Jetty and HAPI embedded) may be absent, and then no {@code SpeechHook} service is there. Hosts
 * without OSGi get one from {@code org.radassist.speech.hook.SpeechHooks}.
 *
 * <p>3.0.0: the implementations ({@code DictationSession}, {@code DictationRouter}, {@code
 * PanelDictationSource}) left this package for the speech hook's internals.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("3.0.0")
package org.radassist.speech;
