package org.radassist.panel.internal.speech;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.radassist.drafting.DraftEvent;
import org.radassist.model.Finding;
import org.radassist.model.SectionKind;
import org.radassist.model.StudyContext;
import org.radassist.panel.internal.DictationPort;
import org.radassist.panel.model.DictationStatus;
import org.radassist.panel.model.HeardSegment;
import org.radassist.speech.DictationSegment;
import org.radassist.speech.SessionStatus;
import org.radassist.speech.SpeechHook;
import org.radassist.speech.StudyDictation;
import org.radassist.speech.StudyDictationListener;

/** Adapts the speech bundle's {@link SpeechHook} to the panel's {@link DictationPort}. */
public final class SpeechHookPort implements DictationPort {
  private final SpeechHook hook;

  public SpeechHookPort(SpeechHook hook) {
    this.hook = hook;
  }

  /**
   * Adapts a service object known to be of the adapted type. Takes Object so that callers need not
   * name the optional bundle's types: see {@link org.radassist.panel.internal.OptionalPorts}.
   */
  public static DictationPort adapt(Object service) {
    return new SpeechHookPort((org.radassist.speech.SpeechHook) service);
  }

  @Override
  public Session open(StudyContext study, Supplier<List<Finding>> findings, Listener listener) {
    StudyDictation dictation =
        hook.open(
            study,
            findings,
            new StudyDictationListener() {
              @Override
              public void onSegment(DictationSegment s) {
                listener.segment(new HeardSegment(s.source(), s.seq(), s.isFinal(), s.text()));
              }

              @Override
              public void onDraftEvent(DraftEvent event) {
                listener.draftEvent(event);
              }

              @Override
              public void onStatus(SessionStatus status) {
                listener.status(
                    new DictationStatus(
                        status.state() == null ? null : status.state().name(),
                        status.message(),
                        status.unsentItems()));
              }
            });
    return new Session() {
      @Override
      public void typed(boolean isFinal, String text) {
        dictation.typed(isFinal, text);
      }

      @Override
      public List<String> sendAccepted(Map<SectionKind, String> sections) {
        return dictation.sendAccepted(sections);
      }

      @Override
      public void priors(List<org.radassist.panel.PriorComparison.ComparedPrior> priors) {
        dictation.priors(
            priors.stream()
                .map(p -> new org.radassist.speech.PriorReport(p.study(), p.impression()))
                .toList());
      }

      @Override
      public void close() {
        dictation.close();
      }
    };
  }
}
