package org.radassist.speech;

import java.io.IOException;

/**
 * A source of dictation: a FHIRcast subscription, the loopback intake speech engines push to, or
 * the panel's own dictation box. Register implementations as OSGi services, or give them to {@code
 * org.radassist.speech.hook.SpeechHooks.Builder#source} without OSGi; the speech hook starts them.
 */
public interface DictationSource extends AutoCloseable {

  /** Short name used in segments and logs, e.g. "loopback". */
  String name();

  /** Starts delivering segments to the sink. */
  void start(DictationSink sink) throws IOException;

  /** Stops delivering and releases sockets and threads. */
  @Override
  void close();
}
