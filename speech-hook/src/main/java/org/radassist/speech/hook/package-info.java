/**
 * The speech hook for hosts without OSGi: {@link org.radassist.speech.hook.SpeechHooks} builds a
 * running {@link org.radassist.speech.hook.HostedSpeechHook} (the {@link
 * org.radassist.speech.SpeechHook} API with its durable file outbox and, when asked, the loopback
 * intake speech engines push to). In OSGi the same hook is a DS service of this bundle; nothing
 * here is needed there.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.radassist.speech.hook;
