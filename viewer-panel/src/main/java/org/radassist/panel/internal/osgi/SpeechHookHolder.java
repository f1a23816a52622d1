package org.radassist.panel.internal.osgi;

import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.radassist.speech.SpeechHook;

/**
 * Holds the speech hook for the tool contribution. The contribution references this holder, not the
 * hook: SCR reflects over the contribution's fields and methods, so none of them may name a type of
 * an optional bundle; this component is only satisfied (and only loaded) where the speech bundle
 * runs.
 */
@Component(service = SpeechHookHolder.class)
public final class SpeechHookHolder {
  private final SpeechHook hook;

  @Activate
  public SpeechHookHolder(@Reference SpeechHook hook) {
    this.hook = hook;
  }

  Optional<SpeechHook> hook() {
    return Optional.of(hook);
  }
}
