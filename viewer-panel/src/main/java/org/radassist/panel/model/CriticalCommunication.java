package org.radassist.panel.model;

import java.util.List;
import org.radassist.model.Flag;

/**
 * The documentation a critical result needs: who was told, when and how (ACR practice parameter on
 * communication). The banner stays until all three are filled and recorded for every critical flag
 * on screen; a new critical flag raises it again. Read-only: the panel's banner fills it in.
 */
public interface CriticalCommunication {

  /** Who was told ("" while blank). */
  String who();

  /** When ("" while blank). */
  String when();

  /** How: phone, in person ... ("" while blank). */
  String how();

  /** The names of the fields still blank, in the order shown ("who", "when", "how"). */
  List<String> missingFields();

  /** True when every one of these critical flags has a recorded communication. */
  boolean covers(List<Flag> criticalFlags);

  /** The sentence documented in the report's Communication section. */
  String sentence(List<Flag> criticalFlags);
}
