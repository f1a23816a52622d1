package org.radassist.hl7;

/**
 * A study order from the RIS as an ORM^O01 (Study Instance UID in ZDS-1, IHE SWF) or OMI^O23 (IPC)
 * announces it. Fields the message lacks are "".
 *
 * @param orderControl ORC-1 (NW new, XO changed, CA / DC cancelled ...)
 * @param placerOrderNumber ORC-2.1
 * @param accessionNumber OBR-18 (ORM) or IPC-1 (OMI)
 * @param studyInstanceUid ZDS-1.1 (ORM) or IPC-3 (OMI)
 * @param modality OBR-24 (ORM) or IPC-5 (OMI)
 * @param procedureCode OBR-4.1
 * @param procedureText OBR-4.2
 * @param reason the reason for the study: OBR-31 text, else its code, else OBR-13 (relevant
 *     clinical information)
 */
public record ScheduledOrder(
    String orderControl,
    String placerOrderNumber,
    String accessionNumber,
    String studyInstanceUid,
    String modality,
    String procedureCode,
    String procedureText,
    String reason) {

  /** True for CA / DC: the order was cancelled or discontinued. */
  public boolean cancelled() {
    return "CA".equals(orderControl) || "DC".equals(orderControl);
  }
}
