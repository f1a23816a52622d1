package org.radassist.model;

/** One section of a draft report, with who wrote it and where its review stands. */
public record Section(SectionKind kind, String text, Authorship authorship, ReviewState state) {
  public Section {
    Checks.requireValue(kind, "kind");
    text = text == null ? "" : text;
    authorship = authorship == null ? Authorship.AI : authorship;
    state = state == null ? ReviewState.PENDING : state;
  }

  public static Section drafted(SectionKind kind, String text) {
    return new Section(kind, text, Authorship.AI, ReviewState.PENDING);
  }

  public Section withState(ReviewState newState) {
    return new Section(kind, text, authorship, newState);
  }

  public Section withText(String newText) {
    return new Section(kind, newText, authorship, state);
  }
}
