package org.radassist.speech;

import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;
import org.radassist.model.SectionKind;

/** One open study's dictation, as the panel holds it; closing it cancels the draft in flight. */
@ProviderType
public interface StudyDictation extends AutoCloseable {

  String studyInstanceUid();

  /**
   * The panel's dictation box: its whole text as the panel's one segment, replacing what the box
   * sent before. A final segment is made durable and drafted at once; a partial one is drafted when
   * the typing pauses.
   */
  void typed(boolean isFinal, String text);

  /**
   * Sends the sections the radiologist accepted to the reporting systems configured (each a {@link
   * ResultSender}: e.g. HL7 v2 ORU^R01 to the RIS), durable in their outboxes first. The order
   * answered is the RIS order received for the study, else its accession number.
   *
   * @return one line per reporting system saying what happened (acknowledged, kept to be sent
   *     again, not applicable and why, e.g. FHIRcast with no report open for the study, refused and
   *     why); empty when no reporting system is configured
   */
  List<String> sendAccepted(Map<SectionKind, String> sections);

  /**
   * Gives the session the prior studies of this study (e.g. those of the panel's prior comparison),
   * replacing those given before; the next draft request carries them minimised (see {@link
   * PriorReport}). A request already sent is not repeated for them.
   *
   * @since 1.2
   */
  void priors(List<PriorReport> priors);

  /** Stops taking segments for the study and cancels its draft; stored dictation stays. */
  @Override
  void close();
}
