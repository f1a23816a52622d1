package org.radassist.cli.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.radassist.drafting.DraftRequest;
import org.radassist.drafting.DraftingService;
import org.radassist.model.CodeSuggestion;
import org.radassist.model.DraftReport;
import org.radassist.model.Evidence;
import org.radassist.model.Section;

/**
 * Positive findings as the draft reports them: its RadLex and ICD-10-CM code suggestions (the
 * engine codes only findings it asserts as present), each with the side said in the sentence its
 * evidence points at. The draft codes a concept once, so only its first mention gives the side.
 */
public final class DraftCodeObservations implements ObservationSource {
  private static final String CPT = "http://www.ama-assn.org/go/cpt";
  private static final Pattern SIDE =
      Pattern.compile(
          "\\b(left|right|bilateral(?:ly)?|both|bibasilar|bibasal|l|r)\\b",
          Pattern.CASE_INSENSITIVE);
  private final DraftingService backend;

  public DraftCodeObservations(DraftingService backend) {
    this.backend = backend;
  }

  @Override
  public List<Observation> positives(DraftRequest request) {
    DraftReport draft = Drafts.draft(backend, request);
    List<Observation> out = new ArrayList<>();
    for (CodeSuggestion c : draft.codes()) {
      if (c.system().equals(CPT)) {
        continue;
      }
      String side = "";
      String quote = "";
      if (!c.evidence().isEmpty()) {
        Evidence e = c.evidence().get(0);
        String text = draft.section(e.section()).map(Section::text).orElse("");
        quote = e.quote();
        if (e.end() <= text.length()) {
          String sentence = sentence(text, e.start(), e.end());
          quote = sentence;
          side = side(sentence, e.start() - sentenceStart(text, e.start()));
        }
      }
      out.add(new Observation(c.code(), side, quote));
    }
    return out;
  }

  @Override
  public String describe() {
    return "the draft's RadLex / ICD-10-CM code suggestions (positive findings), side from the"
        + " sentence of each code's evidence";
  }

  private static int sentenceStart(String text, int start) {
    int s = text.lastIndexOf('.', Math.max(0, start - 1));
    int nl = text.lastIndexOf('\n', Math.max(0, start - 1));
    return Math.max(s, nl) + 1;
  }

  private static String sentence(String text, int start, int end) {
    int from = sentenceStart(text, start);
    int to = end;
    while (to < text.length() && text.charAt(to) != '.' && text.charAt(to) != '\n') {
      to++;
    }
    return text.substring(from, Math.min(text.length(), to + 1)).trim();
  }

  /** The side word nearest the finding's words in its sentence (before them when tied). */
  static String side(String sentence, int at) {
    Matcher m = SIDE.matcher(sentence);
    String best = "";
    int bestDistance = Integer.MAX_VALUE;
    while (m.find()) {
      int d = Math.abs(m.start() - at);
      if (d < bestDistance) {
        bestDistance = d;
        best = m.group(1).toLowerCase(Locale.ROOT);
      }
    }
    return switch (best) {
      case "left", "l" -> "left";
      case "right", "r" -> "right";
      case "" -> "";
      default -> "bilateral";
    };
  }
}
