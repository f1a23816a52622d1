package org.radassist.model;

/** Where an AI-made item stands with the radiologist. Only ACCEPTED and EDITED items are final. */
public enum ReviewState {
  PENDING,
  ACCEPTED,
  EDITED,
  REJECTED;

  public boolean isFinal() {
    return this == ACCEPTED || this == EDITED;
  }
}
