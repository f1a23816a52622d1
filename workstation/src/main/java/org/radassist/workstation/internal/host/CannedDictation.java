package org.radassist.workstation.internal.host;

/**
 * The dictation the headless run drafts from when none is given: a CT chest follow-up, one
 * paragraph as a speech engine delivers it (the line ends are only in the source).
 */
final class CannedDictation {
  private CannedDictation() {}

  static final String CT_CHEST_NODULE =
      """
      CT chest without contrast. Indication: follow-up of a right upper lobe pulmonary nodule. \
      Comparison is made with the CT chest from March 2025. \
      Technique: axial images of the chest at 2.5 millimetre slice thickness without intravenous \
      contrast. \
      Findings: there is a solid nodule in the right upper lobe measuring 8.2 millimetres, previously \
      6.0 millimetres, with smooth margins. No other pulmonary nodules. No consolidation, no pleural \
      effusion, no pneumothorax. The central airways are patent. Heart size is normal. No \
      mediastinal or hilar lymphadenopathy. The visualised osseous structures are unremarkable. \
      Impression: growing solid right upper lobe nodule, now 8.2 millimetres, previously 6.0 \
      millimetres. Recommend further evaluation with PET-CT or tissue sampling as appropriate.
      """;
}
