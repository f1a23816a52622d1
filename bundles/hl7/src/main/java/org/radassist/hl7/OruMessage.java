package org.radassist.hl7;

import java.util.List;
import java.util.Objects;

/**
 * An ORU^R01 result message (v2.5.1): one order with its text observations.
 *
 * @param header the MSH fields
 * @param patientId PID-3.1; "" writes no PID segment (a RIS that matches results by order)
 * @param order ORC / OBR
 * @param observations one OBX each, in order; at least one
 */
public record OruMessage(
    MessageHeader header,
    String patientId,
    ResultOrder order,
    List<ObservationResult> observations) {
  public OruMessage {
    Objects.requireNonNull(header, "header");
    patientId = patientId == null ? "" : patientId;
    Objects.requireNonNull(order, "order");
    observations = List.copyOf(observations);
    if (observations.isEmpty()) {
      throw new IllegalArgumentException("an ORU^R01 needs at least one observation (OBX)");
    }
  }
}
