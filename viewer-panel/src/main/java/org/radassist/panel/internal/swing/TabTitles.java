package org.radassist.panel.internal.swing;

import org.radassist.panel.internal.model.MutablePanelState;

/** Tab titles with a count or a mark, so the radiologist sees from any tab where to look. */
final class TabTitles {
  private TabTitles() {}

  static String of(String title, MutablePanelState state) {
    return switch (title) {
      case "Findings" -> {
        int n = state.findingRows().size();
        yield n == 0 ? title : title + " (" + n + ")";
      }
      case "Draft" ->
          switch (state.review().phase()) {
            case STREAMING -> "Draft \u2026";
            case UNAVAILABLE, FAILED -> "Draft !";
            default -> title;
          };
      case "Fields" ->
          !state.review().aiShown() || state.review().disagreements().isEmpty()
              ? title
              : "Fields !";
      case "Codes" -> {
        long n =
            state.review().aiShown()
                ? state.review().codes().stream()
                    .filter(c -> c.state() == org.radassist.model.ReviewState.PENDING)
                    .count()
                : 0;
        yield n == 0 ? title : title + " (" + n + ")";
      }
      case "Flags" -> {
        int n = state.review().aiShown() ? state.review().flags().size() : 0;
        yield n == 0 ? title : title + " (" + n + ")";
      }
      default -> title;
    };
  }
}
