package org.radassist.drafting.internal.engine;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.radassist.model.SectionKind;

/**
 * Splits dictation at spoken or typed section headers ("impression colon ...", "Findings: ..."). A
 * header counts only when "colon" or ':' follows it, so "the colon is unremarkable" stays text.
 * Text before the first header belongs to the findings.
 */
final class Sectioner {
  private final PhraseMatcher<SectionKind> headers = new PhraseMatcher<>();

  Sectioner() {
    add(
        SectionKind.CLINICAL_HISTORY,
        "clinical history",
        "history",
        "indication",
        "indications",
        "clinical indication",
        "clinical information",
        "reason for exam",
        "reason for examination");
    add(SectionKind.COMPARISON, "comparison", "comparisons", "prior studies", "priors");
    add(SectionKind.PROCEDURE, "technique", "procedure", "exam", "examination");
    add(SectionKind.FINDINGS, "findings", "finding");
    add(SectionKind.IMPRESSION, "impression", "impressions", "conclusion", "conclusions");
    // telegraphic reports abbreviate it, always with its colon ("Imp: left inguinal hernia.")
    add(SectionKind.IMPRESSION, "imp", "impr");
    // British reports close with "Comment:" or "Opinion:"
    add(SectionKind.IMPRESSION, "comment", "comments", "opinion");
    add(SectionKind.RECOMMENDATION, "recommendation", "recommendations");
    add(
        SectionKind.COMMUNICATION,
        "communication",
        "critical result communication",
        "critical results");
  }

  /**
   * Organ headers of templated reports ("LUNGS:", "PLEURA:", "LIVER:"): what follows them is
   * findings, and the header word stays in the text (it names the organ).
   */
  private final PhraseMatcher<SectionKind> organHeaders = new PhraseMatcher<>();

  {
    for (String organ :
        List.of(
            "lungs",
            "lung",
            "lungs and airways",
            "lungs and pleura",
            "airways",
            "pleura",
            "pleural spaces",
            "mediastinum",
            "mediastinum and hila",
            "hila",
            "heart",
            "heart and vessels",
            "heart and great vessels",
            "chest wall",
            "thyroid",
            "thyroid gland",
            "liver",
            "biliary",
            "gallbladder",
            "spleen",
            "pancreas",
            "adrenals",
            "adrenal glands",
            "kidneys",
            "bowel",
            "prostate",
            "bones",
            "osseous structures",
            "musculoskeletal",
            "soft tissues",
            "upper abdomen",
            "lymph nodes")) {
      organHeaders.add(organ, SectionKind.FINDINGS);
    }
  }

  private void add(SectionKind kind, String... phrases) {
    for (String p : phrases) {
      headers.add(p, kind);
    }
  }

  /** The text of each dictated section (raw, untidied), in dictation order of first appearance. */
  Map<SectionKind, String> split(String text) {
    List<Token> tokens = Token.tokenize(text);
    boolean unpunctuated = unpunctuated(text);
    boolean noLayout = text.indexOf(':') < 0 && text.indexOf('\n') < 0;
    java.util.Set<SectionKind> seen = java.util.EnumSet.noneOf(SectionKind.class);
    Map<SectionKind, StringBuilder> parts = new EnumMap<>(SectionKind.class);
    SectionKind current = SectionKind.FINDINGS;
    int bodyStart = 0;
    int i = 0;
    while (i < tokens.size()) {
      PhraseMatcher.Entry<SectionKind> h = headers.longestAt(tokens, i);
      int after = h == null ? -1 : i + h.words().size();
      boolean colon =
          h != null
              && after < tokens.size()
              && (tokens.get(after).norm().equals(":") || tokens.get(after).norm().equals("colon"));
      if (h != null && colon && startsClause(text, tokens.get(i).start())) {
        append(parts, current, text.substring(bodyStart, tokens.get(i).start()));
        current = h.value();
        seen.add(current);
        bodyStart = tokens.get(after).end();
        i = after + 1;
      } else if (h != null
          && noLayout
          && !unpunctuated
          && (h.value() == SectionKind.IMPRESSION
              || h.value() == SectionKind.RECOMMENDATION
              || (h.value() == SectionKind.FINDINGS && i == 0))
          && BARE_HEADERS.contains(h.words().get(0))
          && !seen.contains(h.value())
          && after < tokens.size()
          && afterSentenceEnd(text, tokens.get(i).start())
          && !VERB_AFTER.contains(tokens.get(after).norm())
          && !tokens.get(after).norm().equals(".")
          && !tokens.get(after).norm().equals(",")) {
        // speech with spoken periods only: "... no solid component. impression 6 mm nodule ..."
        append(parts, current, text.substring(bodyStart, tokens.get(i).start()));
        current = h.value();
        seen.add(current);
        bodyStart = tokens.get(after - 1).end();
        i = after;
      } else if (h == null
          && (organHeaderAt(text, tokens, i, current)
              || regionHeaderAt(text, tokens, i, current))) {
        // "EXAM: CT chest\nLUNGS: 7 mm nodule": the templated body is the findings
        append(parts, current, text.substring(bodyStart, tokens.get(i).start()));
        current = SectionKind.FINDINGS;
        seen.add(current);
        bodyStart = tokens.get(i).start();
        i++;
      } else if (h != null
          // raw recogniser output, or a header word opening a spoken paragraph ("... period new
          // paragraph impression ...")
          && (unpunctuated
              || (paragraphStart(text, tokens.get(i).start())
                  && PARAGRAPH_HEADERS.contains(h.words().get(0))
                  && after < tokens.size()
                  && !VERB_AFTER.contains(tokens.get(after).norm())))
          && BARE_HEADERS.contains(h.words().get(0))
          && !seen.contains(h.value())
          && after < tokens.size()
          // findings open the dictation; "no acute findings" keeps its word
          && (h.value() != SectionKind.FINDINGS || i == 0)
          && (i == 0 || !NOT_A_HEADER_AFTER.contains(tokens.get(i - 1).norm()))) {
        // raw recogniser output without any punctuation: "findings ... impression ..."
        append(parts, current, text.substring(bodyStart, tokens.get(i).start()));
        current = h.value();
        seen.add(current);
        bodyStart = tokens.get(after - 1).end();
        i = after;
      } else if (h == null
          && current == SectionKind.COMPARISON
          && !seen.contains(SectionKind.FINDINGS)
          && comparisonEndsBefore(text, tokens, i, bodyStart, unpunctuated)) {
        // "Comparison: LDCT 12 months ago.\nThe nodule now measures ...": the comparison names
        // the prior study; the body after it is the findings
        append(parts, current, text.substring(bodyStart, tokens.get(i).start()));
        current = SectionKind.FINDINGS;
        seen.add(current);
        bodyStart = tokens.get(i).start();
        i++;
      } else {
        i++;
      }
    }
    append(parts, current, text.substring(bodyStart));
    Map<SectionKind, String> out = new EnumMap<>(SectionKind.class);
    parts.forEach((k, v) -> out.put(k, v.toString().trim()));
    out.values().removeIf(String::isEmpty);
    return out;
  }

  /**
   * Where a comparison without a findings header ends: at a new line after the comparison's own
   * line ("Comparison: LDCT 12 months ago.\nThe left lower lobe nodule ..."), or, in speech without
   * punctuation, after the word that dates the prior study ("comparison one year prior new solid
   * nodule ..."); not when a findings header follows later.
   */
  private static boolean comparisonEndsBefore(
      String text, List<Token> tokens, int i, int bodyStart, boolean unpunctuated) {
    int at = tokens.get(i).start();
    if (at <= bodyStart || text.substring(bodyStart, at).isBlank()) {
      return false;
    }
    if (FINDINGS_HEADER_LATER.matcher(text.substring(at)).find()) {
      return false;
    }
    if (unpunctuated) {
      if (i == 0 || !PRIOR_DATED.contains(tokens.get(i - 1).norm())) {
        return false;
      }
      int words = 0;
      for (int k = i - 1; k >= 0 && tokens.get(k).end() > bodyStart; k--) {
        words++;
      }
      return words <= 6
          && !PRIOR_DATED.contains(tokens.get(i).norm())
          && !STUDY_WORDS.contains(tokens.get(i).norm());
    }
    return paragraphStart(text, at);
  }

  private static final java.util.regex.Pattern FINDINGS_HEADER_LATER =
      java.util.regex.Pattern.compile(
          "\\b(?:findings|lungs(?:/airways)?)\\s*:", java.util.regex.Pattern.CASE_INSENSITIVE);

  /** Words that go on naming the prior study ("prior ct from march"). */
  private static final java.util.Set<String> STUDY_WORDS =
      java.util.Set.of(
          "ct",
          "ldct",
          "study",
          "studies",
          "exam",
          "examination",
          "scan",
          "scans",
          "imaging",
          "chest",
          "from",
          "of",
          "dated",
          "on",
          "in",
          "at",
          "and",
          "x-ray",
          "radiograph");

  /** Words that close a spoken comparison by dating or denying the prior study. */
  private static final java.util.Set<String> PRIOR_DATED =
      java.util.Set.of("prior", "ago", "earlier", "previously", "before", "none", "available");

  /** An organ header with its colon opening a line while the text is still outside the body. */
  private boolean organHeaderAt(String text, List<Token> tokens, int i, SectionKind current) {
    if (current != SectionKind.PROCEDURE
        && current != SectionKind.COMPARISON
        && current != SectionKind.CLINICAL_HISTORY) {
      return false;
    }
    PhraseMatcher.Entry<SectionKind> o = organHeaders.longestAt(tokens, i);
    int after = o == null ? -1 : i + o.words().size();
    if (o == null && slashedOrganHeader(tokens.get(i).norm())) {
      after = i + 1; // "LUNGS/AIRWAYS:", "HEART/MEDIASTINUM:"
    }
    if (after < 0 || after >= tokens.size() || !tokens.get(after).norm().equals(":")) {
      return false;
    }
    int k = tokens.get(i).start() - 1;
    while (k >= 0 && text.charAt(k) == ' ') {
      k--;
    }
    return k < 0 || text.charAt(k) == '\n' || text.charAt(k) == '\r';
  }

  /** Body-region headers of reports that give no Findings header ("Chest:", "ABDOMEN -"). */
  private final PhraseMatcher<SectionKind> regionHeaders = new PhraseMatcher<>();

  {
    for (String region :
        List.of(
            "chest",
            "thorax",
            "abdomen",
            "pelvis",
            "abdomen and pelvis",
            "abdomen / pelvis",
            "neck",
            "lower chest",
            "lung bases",
            "lower thorax")) {
      regionHeaders.add(region, SectionKind.FINDINGS);
    }
  }

  private static final java.util.regex.Pattern FINDINGS_HEADER =
      java.util.regex.Pattern.compile(
          "\\bfindings?\\s*:", java.util.regex.Pattern.CASE_INSENSITIVE);

  /**
   * What a header line says when it is no finding: a cross-reference ("Chest: see indication", "as
   * above") or the complaint the history gives for that region ("Chest: pain on inspiration").
   */
  private static final java.util.regex.Pattern NOT_FINDINGS_LINE =
      java.util.regex.Pattern.compile(
          "^\\s*(?:see\\b|as (?:above|below|per)\\b|per\\b|refer\\w*|n/a\\b|none\\b|nil\\b"
              + "|(?:[\\w-]+\\s+){0,2}(?:pain|painful|ache|aching|tightness|discomfort|tenderness"
              + "|trauma|injury|swelling|lump|symptoms?|complaints?)\\b)",
          java.util.regex.Pattern.CASE_INSENSITIVE);

  /**
   * A body-region header ("Chest:", "Abdomen:", "CHEST -") or an organ header with a dash ("LUNGS -
   * clear") opening a line while the text is still in the history, technique or comparison, in a
   * report with no Findings header: the regions' findings start there (without it everything after
   * "Indication:" was history). Not a line that only refers back or names a complaint.
   */
  private boolean regionHeaderAt(String text, List<Token> tokens, int i, SectionKind current) {
    if (current != SectionKind.PROCEDURE
        && current != SectionKind.COMPARISON
        && current != SectionKind.CLINICAL_HISTORY) {
      return false;
    }
    PhraseMatcher.Entry<SectionKind> r = regionHeaders.longestAt(tokens, i);
    boolean region = r != null;
    if (r == null) {
      r = organHeaders.longestAt(tokens, i);
    }
    if (r == null) {
      return false;
    }
    int after = i + r.words().size();
    if (after >= tokens.size()) {
      return false;
    }
    int k = tokens.get(i).start() - 1;
    while (k >= 0 && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) {
      k--;
    }
    if (k >= 0 && text.charAt(k) != '\n' && text.charAt(k) != '\r') {
      return false; // only a header that opens its line
    }
    int at = tokens.get(after - 1).end();
    while (at < text.length() && text.charAt(at) == ' ') {
      at++;
    }
    if (at >= text.length()) {
      return false;
    }
    char sep = text.charAt(at);
    boolean colon = sep == ':';
    boolean dash =
        (sep == '-' || sep == '\u2013' || sep == '\u2014')
            && at + 1 < text.length()
            && text.charAt(at + 1) == ' ';
    if (!(colon && region) && !dash) {
      return false; // an organ header with its colon is organHeaderAt's
    }
    if (FINDINGS_HEADER.matcher(text).find()) {
      return false;
    }
    int eol = text.indexOf('\n', at);
    String rest = text.substring(at + 1, eol < 0 ? text.length() : eol);
    return !rest.isBlank() && !NOT_FINDINGS_LINE.matcher(rest).find();
  }

  /** The text before this offset ends a sentence ('.') or there is none. */
  private static boolean afterSentenceEnd(String text, int at) {
    int k = at - 1;
    while (k >= 0 && text.charAt(k) == ' ') {
      k--;
    }
    return k < 0 || text.charAt(k) == '.';
  }

  /** Header words that open a section on their own in dictation without any punctuation. */
  private static final java.util.Set<String> BARE_HEADERS =
      java.util.Set.of("findings", "impression", "conclusion", "recommendation", "comparison");

  /**
   * Header words that open a section at the start of a line without a colon (a spoken "new
   * paragraph impression ..."); not "comparison" ("Comparison is made with ...").
   */
  private static final java.util.Set<String> PARAGRAPH_HEADERS =
      java.util.Set.of("findings", "impression", "conclusion");

  /**
   * Words after a header word that make it a word of a sentence ("Impression is of ...", "Findings
   * are ...", "the impression given ..."): not a header.
   */
  private static final java.util.Set<String> VERB_AFTER =
      java.util.Set.of(
          "is", "was", "are", "were", "made", "of", "that", "remain", "remains", "include",
          "suggest", "given");

  private static final java.util.Set<String> NOT_A_HEADER_AFTER =
      java.util.Set.of("no", "the", "a", "an", "my", "of", "for", "in", "on", "without", "and");

  /** Speech recogniser output with no sentence or clause punctuation at all. */
  private static boolean unpunctuated(String text) {
    for (int k = 0; k < text.length(); k++) {
      char c = text.charAt(k);
      if (c == '.' && (k + 1 >= text.length() || !Character.isDigit(text.charAt(k + 1)))
          || c == ':'
          || c == ';'
          || c == '\n') {
        return false;
      }
    }
    return text.length() > 0;
  }

  /** The word at {@code at} opens the text or a line. */
  private static boolean paragraphStart(String text, int at) {
    int k = at - 1;
    while (k >= 0 && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) {
      k--;
    }
    return k < 0 || text.charAt(k) == '\n' || text.charAt(k) == '\r';
  }

  /** A header starts the text or follows a sentence/clause end or a line break. */
  private static boolean startsClause(String text, int at) {
    int k = at - 1;
    while (k >= 0 && text.charAt(k) == ' ') {
      k--;
    }
    if (k < 0) {
      return true;
    }
    char c = text.charAt(k);
    // speech recognisers rarely punctuate: a header word followed by "colon" is enough on its own
    return c == '.'
        || c == '\n'
        || c == '\r'
        || c == ';'
        || c == ':'
        || Character.isLetterOrDigit(c);
  }

  private static void append(Map<SectionKind, StringBuilder> parts, SectionKind kind, String text) {
    if (text.isBlank()) {
      return;
    }
    StringBuilder b = parts.computeIfAbsent(kind, k -> new StringBuilder());
    if (b.length() > 0) {
      b.append(' ');
    }
    b.append(text.trim());
  }

  /**
   * Organ headers joined by a slash in one word ("lungs/airways", "heart/mediastinum"): a header
   * when every part is an organ header of its own.
   */
  private boolean slashedOrganHeader(String word) {
    if (word.indexOf('/') <= 0 || word.endsWith("/")) {
      return false;
    }
    for (String part : word.split("/")) {
      List<Token> t = Token.tokenize(part);
      PhraseMatcher.Entry<SectionKind> o = t.isEmpty() ? null : organHeaders.longestAt(t, 0);
      if (o == null || o.words().size() != t.size()) {
        return false;
      }
    }
    return true;
  }
}
