package org.radassist.model;

import java.util.List;
import java.util.Optional;

/**
 * One finding, usually made by an AI algorithm and read from a DICOM SR: what it is, where, how
 * big, by which algorithm, how sure, and on which images.
 *
 * @param id stable within one document (e.g. the measurement group's position)
 * @param trackingUid TID 1500 Tracking Unique Identifier, if any: the same lesion across studies
 * @param trackingIdentifier TID 1500 Tracking Identifier (human readable), if any
 * @param confidence probability in [0, 1], or null when the producer gave none
 */
public record Finding(
    String id,
    CodedConcept type,
    CodedConcept site,
    CodedConcept laterality,
    String trackingUid,
    String trackingIdentifier,
    List<Measurement> measurements,
    List<QualitativeEvaluation> evaluations,
    AlgorithmIdentification algorithm,
    Double confidence,
    List<ImageReference> references,
    FindingSource source) {

  public Finding {
    Checks.requireText(id, "id");
    measurements = Checks.copy(measurements, "measurements");
    evaluations = Checks.copy(evaluations, "evaluations");
    references = Checks.copy(references, "references");
    Checks.requireProbabilityOrNull(confidence, "confidence");
  }

  /** The largest length measurement in millimetres (long axis, diameter), if any. */
  public Optional<Double> largestLengthMillimetres() {
    return measurements.stream()
        .map(Measurement::lengthInMillimetres)
        .flatMap(Optional::stream)
        .max(Double::compare);
  }

  /** The first evaluation with this name (by code), if any. */
  public Optional<QualitativeEvaluation> evaluation(CodedConcept name) {
    return evaluations.stream().filter(e -> e.name().sameCode(name)).findFirst();
  }
}
