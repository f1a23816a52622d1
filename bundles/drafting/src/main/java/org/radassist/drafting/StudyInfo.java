package org.radassist.drafting;

import org.radassist.model.CodedConcept;

/** What the drafting service may know of the study: an opaque token, never a UID or accession. */
public record StudyInfo(
    String token,
    String modality,
    String bodyPart,
    CodedConcept procedure,
    String contrast,
    String laterality) {
  public StudyInfo {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("token must not be blank");
    }
  }
}
