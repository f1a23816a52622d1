package org.radassist.panel.model;

import java.util.Optional;
import org.radassist.panel.SrDocumentView;

/**
 * One SR instance of the study as the panel knows it: still loading, read, or failed (with the
 * reason shown in its place).
 */
public record SrEntry(String sopInstanceUid, String label, SrDocumentView document, String error) {
  public SrEntry {
    if (sopInstanceUid == null || sopInstanceUid.isBlank()) {
      throw new IllegalArgumentException("sopInstanceUid must not be blank");
    }
    label = label == null || label.isBlank() ? sopInstanceUid : label;
  }

  public static SrEntry loading(String sopInstanceUid, String label) {
    return new SrEntry(sopInstanceUid, label, null, null);
  }

  public boolean isLoading() {
    return document == null && error == null;
  }

  public Optional<SrDocumentView> read() {
    return Optional.ofNullable(document);
  }

  public Optional<String> failure() {
    return Optional.ofNullable(error);
  }
}
