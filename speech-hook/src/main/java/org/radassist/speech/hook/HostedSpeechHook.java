package org.radassist.speech.hook;

import java.io.IOException;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.radassist.speech.SpeechHook;

/**
 * A speech hook a host without OSGi owns (built by {@link SpeechHooks}): the {@link SpeechHook} API
 * plus what OSGi would otherwise give it (an HL7 order's indication, the loopback address) and its
 * end. Close it when the host shuts down; the dictation not yet drafted stays in the outbox and is
 * replayed when the study is opened again, by this or a later hook on the same outbox directory.
 */
@ProviderType
public interface HostedSpeechHook extends SpeechHook, AutoCloseable {

  /**
   * Remembers the reason for the study (e.g. the RIS order's) as the indication sent with its draft
   * requests; blank text forgets it.
   */
  void rememberIndication(String studyInstanceUid, String indication);

  /**
   * Remembers the RIS placer order number accepted content answers ({@link
   * org.radassist.speech.StudyDictation#sendAccepted}); blank forgets it (the study's accession
   * number is used then).
   */
  void rememberOrder(String studyInstanceUid, String placerOrderNumber);

  /** Where speech engines push dictation, when the loopback intake was asked for and is running. */
  Optional<LoopbackEndpoint> loopback();

  /**
   * How many dictation items the outbox holds that no completed draft has included yet (kept for a
   * retry or, after a restart, a replay). Reads the outbox directory: also after {@link #close}.
   *
   * @throws IOException when the outbox directory cannot be read
   */
  int unsentItems() throws IOException;

  /**
   * Closes every open study's dictation (cancelling drafts in flight), stops the sources and the
   * loopback intake, and releases the outbox; what it holds stays on disk.
   */
  @Override
  void close();
}
