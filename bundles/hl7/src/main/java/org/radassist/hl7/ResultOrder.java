package org.radassist.hl7;

import java.util.Objects;
import java.util.Optional;

/**
 * The order a result answers (ORC and OBR of the ORU^R01).
 *
 * @param orderControl ORC-1, e.g. "RE" (observations to follow); "" writes no ORC segment
 * @param placerOrderNumber ORC-2 and OBR-2, "" for none
 * @param fillerOrderNumber OBR-3 (the accession number), "" for none
 * @param service OBR-4, the universal service identifier
 * @param orderingProvider OBR-16, empty for none
 * @param resultStatus OBR-25, e.g. "P" or "F"
 */
public record ResultOrder(
    String orderControl,
    String placerOrderNumber,
    String fillerOrderNumber,
    CodedValue service,
    Optional<Provider> orderingProvider,
    String resultStatus) {
  /** OBR-4 of a diagnostic imaging report. */
  public static final CodedValue IMAGING_STUDY =
      CodedValue.loinc("18748-4", "Diagnostic imaging study");

  public ResultOrder {
    orderControl = orderControl == null ? "" : orderControl;
    placerOrderNumber = placerOrderNumber == null ? "" : placerOrderNumber;
    fillerOrderNumber = fillerOrderNumber == null ? "" : fillerOrderNumber;
    Objects.requireNonNull(service, "service");
    orderingProvider = orderingProvider == null ? Optional.empty() : orderingProvider;
    Objects.requireNonNull(resultStatus, "resultStatus");
  }
}
