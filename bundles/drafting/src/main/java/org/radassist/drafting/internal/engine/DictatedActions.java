package org.radassist.drafting.internal.engine;

import static org.radassist.drafting.internal.engine.ExtractorSupport.NOT_ASKED_AFTER;
import static org.radassist.drafting.internal.engine.ExtractorSupport.clause;
import static org.radassist.drafting.internal.engine.ExtractorSupport.tokenAt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the follow-up a report dictates (imaging, PET/CT, tissue sampling, no follow-up) and its
 * intervals, so each scoring system can compare them with what its category asks.
 */
final class DictatedActions {

  /**
   * Words that make a sentence ask for something ("recommend", "consider", "should", "is needed",
   * "return to", "continue"): a procedure or exam named elsewhere describes, it does not recommend.
   */
  static final Pattern RECOMMENDATION_CUE =
      Pattern.compile(
          "\\b(?:recommend\\w*|suggest\\w*|advis\\w*|consider\\w*|should|warrant\\w*|indicated|needed|"
              + "necessary|required|requested|advocated|follow[- ]?up|return\\w*|recall\\w*|obtain\\w*|"
              + "referr?\\w*|continue|resume|schedul\\w*|could be|may be|would be|to be performed|"
              // "Proceed to FNA", "Rec: core biopsy", "Next screening mammogram in 1 year", "due
              // in"
              + "proceed(?:s|ing)?\\s+(?:to|with)|recs?(?=\\.?\\s*:)|due\\s+in|"
              // "Repeat ultrasound in 12 months": the imperative with the time it is asked for, not
              // the noun of an exam done ("on repeat CT at 3 months the nodule resolved")
              + "(?<!\\bon\\s)(?<!\\bthe\\s)(?<!\\ba\\s)(?<!\\bat\\s)(?<!\\bof\\s)(?<!\\bthis\\s)"
              + "(?<!\\bwith\\s)(?<!\\bfrom\\s)(?<!\\bafter\\s)(?<!\\bby\\s)repeat\\s+(?:[a-z/-]+\\s+){0,3}?(?:in|at)\\s+(?:\\d+|one|two|three|four|six|twelve|a\\s+year)|"
              // "Surveillance ultrasound in 6 months": asked with the time it is due
              + "surveillance\\s+(?:[a-z/-]+\\s+){0,2}?(?:in|at)\\s+(?:\\d+|one|two|three|four|six|twelve|a\\s+year)|"
              + "next\\s+(?:(?:annual|routine|yearly|screening|diagnostic|bilateral)\\s+)*"
              + "(?:screening|mammogra\\w*|follow[- ]?up|exam\\w*|study|imaging|ultrasound|mri))\\b",
          Pattern.CASE_INSENSITIVE);

  /** Whether the words at this offset are asked for: a Recommendation section, or a cue. */
  static boolean recommends(TextAnalyzer.Section s, int offset) {
    if (s.kind == org.radassist.model.SectionKind.RECOMMENDATION) {
      return true;
    }
    int sentence = s.sentenceAt(offset);
    if (sentence < 0) {
      return false;
    }
    if (RECOMMENDATION_CUE.matcher(s.sentenceText(sentence)).find()) {
      return true;
    }
    // an impression sentence that is only the action ("Routine annual mammography.") asks for it
    int leadFrom = s.sentences.get(sentence).start();
    int semicolon = s.text.lastIndexOf(';', offset - 1);
    if (semicolon >= leadFrom) {
      leadFrom =
          semicolon + 1; // "FNA not required; repeat ultrasound in 1 year": a clause of its own
    }
    int dash =
        Math.max(s.text.lastIndexOf(" - ", offset - 1), s.text.lastIndexOf(" \u2013 ", offset - 1));
    if (dash >= leadFrom) {
      leadFrom = dash + 3; // "TR4 nodule right lobe 14 mm - FNA.": the plan after a dash
    }
    String lead = s.text.substring(leadFrom, offset);
    return s.kind != org.radassist.model.SectionKind.FINDINGS
        && lead.matches(
            // "birads 0 routine screening in one year": a run-on category before the action
            "(?is)[\\s\\d.)(*-]*(?:(?:bi|ti|pi|li|lung)[- ]?rads\\s*(?:category\\s*)?[0-6][a-c]?[\\s,:;-]+)?"
                + "(?:(?:us|mri?|routine|annual|repeat|short[- ]interval|stereotactic|core|needle|"
                + "targeted|percutaneous|[a-z/]*[- ]?guided)[\\s-]+)*");
  }

  private static final Pattern THRESHOLD_AFTER =
      Pattern.compile(
          // "below FNA size": the size the table asks FNA from, not an FNA asked for
          "\\s*(?:size\\s+)?(?:thresholds?|cut-?offs?|criteri\\w*|sizes?|limits?)\\b",
          Pattern.CASE_INSENSITIVE);

  /** "below the 1 cm FNA threshold": the action word names the table's threshold, asks nothing. */
  static boolean namesThreshold(String text, int end) {
    return THRESHOLD_AFTER.matcher(text).region(end, text.length()).lookingAt();
  }

  private static final Pattern THRESHOLD_BEFORE =
      Pattern.compile(
          // "below the size threshold for follow-up or FNA": the table's threshold names the action
          "\\b(?:thresholds?|cut-?offs?|criteria|size)\\s+(?:for|of)\\s+"
              + "(?:[a-z-]+\\s+(?:or|and|nor)\\s+)?$",
          Pattern.CASE_INSENSITIVE);

  /** "below the size threshold for FNA": the action word follows the threshold it names. */
  static boolean thresholdBefore(String text, int start) {
    return THRESHOLD_BEFORE.matcher(text.substring(Math.max(0, start - 60), start)).find();
  }

  /**
   * The action named as the alternative the report turns down ("follow-up in 1 year rather than
   * FNA", "surveillance instead of biopsy", "MRI in lieu of CT"): not asked for.
   */
  private static final Pattern DECLINED_BEFORE =
      Pattern.compile(
          "\\b(?:rather\\s+than|instead\\s+of|in\\s+lieu\\s+of|in\\s+place\\s+of|as\\s+opposed\\s+to"
              + "|in\\s+preference\\s+to)\\s+(?:(?:an?|the|any|immediate|further|repeat|routine|"
              + "ultrasound[- ]guided|us[- ]guided|ct[- ]guided|image[- ]guided|tissue|needle)\\s+){0,3}$",
          Pattern.CASE_INSENSITIVE);

  /** True when the action at start is the alternative turned down: "... rather than FNA". */
  static boolean declinedBefore(String text, int start) {
    return DECLINED_BEFORE.matcher(text.substring(Math.max(0, start - 60), start)).find();
  }

  /** A follow-up action read as a type: what is asked for, whatever the words. */
  enum Action {
    PET_CT,
    TISSUE_SAMPLING,
    NO_FOLLOW_UP,
    /** More imaging or an imaging follow-up: "breast MRI", "follow-up ultrasound in 12 months". */
    IMAGING
  }

  record SaidAction(Action action, TextAnalyzer.Section section, int start, int end) {}

  static final Pattern PET_CT =
      Pattern.compile(
          "\\b(?:pet(?:\\s*[/-]?\\s*ct)?|fdg[- ]pet|positron emission)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern TISSUE =
      Pattern.compile(
          "\\b(?:biopsy|biopsies|bx|tissue (?:sampling|diagnosis)|fna|fine[- ]needle aspiration|"
              + "needle aspiration|bronchoscop\\w*|resection|(?:surgical|thoracic surgery) (?:consult\\w*|referral))\\b",
          Pattern.CASE_INSENSITIVE);

  /** Words before a procedure that make it one already done: "prior PET/CT", "benign FNA". */
  private static final Pattern PAST_BEFORE =
      Pattern.compile(
          "\\b(?:prior|previous(?:ly)?|earlier|recent|benign|negative|non-?diagnostic|"
              + "status post|s/p|post|history of|since(?: the)?)"
              + "\\s+(?:(?:19|20)\\d\\d\\s+)?(?:[a-z-]+\\s+)?$",
          Pattern.CASE_INSENSITIVE);

  /** Words after a procedure that date or report it: "FNA in 2023", "biopsy-proven". */
  private static final Pattern PAST_AFTER =
      Pattern.compile(
          "^(?:-proven|\\s+(?:in|on|of|from)\\s+(?:\\w+\\s+)?(?:19|20)\\d\\d\\b|"
              + "\\s+(?:was|were|has been|had been|showed|performed|done)\\b)",
          Pattern.CASE_INSENSITIVE);

  /** Whether the procedure at [start, end) is named as done before, not asked for. */
  static boolean pastProcedure(String text, int start, int end) {
    int clauseStart =
        Math.max(
                Math.max(text.lastIndexOf(';', start - 1), text.lastIndexOf(". ", start - 1)),
                text.lastIndexOf('\n', start - 1))
            + 1;
    String before = text.substring(Math.max(clauseStart, start - 40), start);
    String after = text.substring(end, Math.min(text.length(), end + 30));
    return PAST_BEFORE.matcher(before).find() || PAST_AFTER.matcher(after).find();
  }

  /** Whether the clause around [start, end) carries a condition ("if it grows", "unless"). */
  static boolean conditional(String text, int start, int end) {
    return CONDITION.matcher(clause(text, start, end)).find();
  }

  /**
   * A size threshold the action waits for: "biopsy only if it reaches 1.5 cm", "FNA if it grows to
   * 2.5 cm", "no FNA unless it exceeds 1 cm". It asks for nothing now and sizes no lesion.
   */
  static boolean sizeConditional(String text, int start, int end) {
    return SIZE_CONDITION.matcher(clause(text, start, end)).find();
  }

  private static final Pattern SIZE_CONDITION =
      Pattern.compile(
          "\\b(?:if|unless|once|when|should\\s+(?:it|this|they|the\\s+nodule|the\\s+lesion))\\b[^.;]{0,40}?"
              + "(?:\\b(?:grow\\w*|enlarg\\w*|reach\\w*|exceed\\w*|increas\\w*|larger|bigger)\\b"
              + "|\\d+(?:\\.\\d+)?\\s*(?:mm|cm)\\b)",
          Pattern.CASE_INSENSITIVE);

  /** A condition in the action's clause: "if it grows", "should it enlarge", "unless". */
  private static final Pattern CONDITION =
      Pattern.compile(
          "\\b(?:if|unless|in case|should (?:it|this|they|there|the nodule|the lesion))\\b",
          Pattern.CASE_INSENSITIVE);

  static final Pattern IMAGING =
      Pattern.compile(
          // "US" only in capitals: "follow-up US in 6 months", not the pronoun
          "\\b(?:mri|magnetic resonance|ultrasound|sonograph\\w*|mammogra\\w*|ct|ldct|imaging|(?-i:US))\\b",
          Pattern.CASE_INSENSITIVE);

  static final Pattern NO_FOLLOW_UP =
      Pattern.compile(
          "\\b(?:no|without|neither)\\s+(?:(?:fna|biopsy|tissue sampling)\\s+(?:or|nor|and)\\s+)?"
              // "no FNA or follow-up required", "neither FNA nor follow-up"
              + "(?:(?:further|additional|routine|specific|imaging|sonographic|ultrasound|"
              + "dedicated|other)\\s+)*(?:follow[- ]?up|imaging|work[- ]?up|evaluation|surveillance|intervention)\\b"
              + "|\\b(?:(?:fna|biopsy) (?:or|and|nor) )?(?:follow[- ]?up|work[- ]?up|further (?:imaging|evaluation))"
              + "(?:\\s+(?:ultrasound|sonography|imaging|ct|mri|us|scan))?\\s+(?:is\\s+)?"
              + "(?:not\\s+(?:needed|necessary|required|indicated|recommended|warranted)|unnecessary)\\b"
              // "no further action needed", "no further management required": nothing asked for
              + "|\\bno\\s+(?:further\\s+|additional\\s+)?(?:action|management)\\s+(?:is\\s+)?"
              + "(?:needed|necessary|required|indicated|recommended|warranted)\\b"
              + "|\\bno\\s+further\\s+(?:action|management)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * The actions the report asks for, typed: PET/CT and tissue sampling said as a recommendation and
   * not negated ("no PET/CT is needed" asks for none), and "no (further) follow-up" in the
   * impression or recommendation.
   */
  static List<SaidAction> actions(Report report) {
    List<SaidAction> out = new ArrayList<>();
    for (TextAnalyzer.Section s : report.dictatedBody()) {
      for (var e :
          List.of(
              java.util.Map.entry(Action.PET_CT, PET_CT),
              java.util.Map.entry(Action.TISSUE_SAMPLING, TISSUE),
              java.util.Map.entry(Action.IMAGING, IMAGING))) {
        Matcher m = e.getValue().matcher(s.text);
        while (m.find()) {
          int sentence = s.sentenceAt(m.start());
          int from = tokenAt(s, sentence, m.start());
          boolean conditional = conditional(s.text, m.start(), m.end());
          boolean guide =
              e.getKey() == Action.IMAGING
                  && s.text.substring(m.end()).matches("(?is)^[- ]?guided\\b.*");
          boolean threshold = namesThreshold(s.text, m.end()) || thresholdBefore(s.text, m.start());
          if (e.getKey() != Action.IMAGING && pastProcedure(s.text, m.start(), m.end())) {
            continue; // "benign FNA in 2023", "stable since the bronchoscopy": done, not asked
          }
          if (sentence < 0
              || from < 0
              || threshold
              || declinedBefore(s.text, m.start()) // "ultrasound rather than FNA"
              // "FNA not required", "biopsy is not needed": denied after its name
              || NOT_ASKED_AFTER.matcher(s.text).region(m.end(), s.text.length()).lookingAt()
              || guide // "ultrasound-guided biopsy" is the biopsy, not more imaging
              || conditional // "consider PET/CT if it grows" is a next step, not asked now
              || s.certainty(sentence, from, from + 1) == Certainty.NEGATED
              || !recommends(s, m.start())) {
            continue;
          }
          out.add(new SaidAction(e.getKey(), s, m.start(), m.end()));
        }
      }
      if (s.kind != org.radassist.model.SectionKind.FINDINGS) {
        Matcher m = NO_FOLLOW_UP.matcher(s.text);
        while (m.find()) {
          out.add(new SaidAction(Action.NO_FOLLOW_UP, s, m.start(), m.end()));
        }
      }
    }
    out.sort(java.util.Comparator.comparingInt(SaidAction::start));
    return out;
  }

  /** A follow-up interval the text recommends: months and where it is said. */
  record Interval(int months, int start, int end) {}

  /** Intervals said in words ("six-month follow-up", "in two years"), not after "sixty-". */
  private static final String NUMBER_WORDS =
      "(?<!-)(?:one|two|three|four|six|nine|twelve|eighteen|twenty[- ]four)";

  private static int count(String said) {
    return switch (said.toLowerCase(Locale.ROOT).replace('-', ' ')) {
      case "one" -> 1;
      case "two" -> 2;
      case "three" -> 3;
      case "four" -> 4;
      case "six" -> 6;
      case "nine" -> 9;
      case "twelve" -> 12;
      case "eighteen" -> 18;
      case "twenty four" -> 24;
      default -> Integer.parseInt(said);
    };
  }

  private static final Pattern INTERVAL =
      Pattern.compile(
          "\\b(?:(\\d{1,2}|"
              + NUMBER_WORDS
              + ")[- ]?(?:months?|mos?)|(\\d|"
              + NUMBER_WORDS
              + ")[- ]?(?:years?|yrs?)|(annual(?:ly)?|yearly))\\b"
              // "6/12 follow-up": months written over twelve (British usage), not a date
              + "|(?<![/\\d.])(\\d{1,2})/12(?![/\\d])",
          Pattern.CASE_INSENSITIVE);

  /**
   * The follow-up intervals a text states ("6-month LDCT", "in 1 year", "continue annual
   * screening"), leaving out those that date a prior ("12 months ago", "over 12 months") and those
   * of a conditional next step ("if stable, return to annual screening").
   */
  static List<Interval> intervals(String text) {
    List<Interval> out = new ArrayList<>();
    Matcher m = INTERVAL.matcher(text);
    while (m.find()) {
      if (m.group(4) != null
          && text.substring(0, m.start())
              .matches("(?is).*\\b(?:on|dated|from|since|of|the)\\s*$")) {
        continue; // "seen on 6/12": a date
      }
      int months =
          m.group(1) != null
              ? count(m.group(1))
              : m.group(2) != null
                  ? 12 * count(m.group(2))
                  : m.group(4) != null ? Integer.parseInt(m.group(4)) : 12;
      String after = text.substring(m.end(), Math.min(text.length(), m.end() + 10));
      if (after.matches("(?is)\\s*(ago|earlier|prior|before|previously|old\\b).*")) {
        continue; // "6.0 mm 12 months ago" dates the prior, it is no follow-up interval
      }
      int sentenceStart = Math.max(text.lastIndexOf(". ", m.start()) + 1, 0);
      String before = text.substring(sentenceStart, m.start()).toLowerCase(Locale.ROOT);
      if (before.matches(
              "(?s).*\\b(?:if|then|thereafter|over|during|within the (?:last|past)|in the (?:last|past)|pack)\\b.*")
          // "this 6-month follow-up CT shows": the interval names the present exam
          || before.matches("(?s).*\\b(?:this|the present|the current|today's)\\s*$")
          || CHANGE_TIME.matcher(before).find()
          || before.matches("(?s).*\\b(?:ct|exam|study|scan|screening) of\\s*$")) {
        continue;
      }
      out.add(new Interval(months, m.start(), m.end()));
    }
    return out;
  }

  /**
   * "increase of 1.6 mm in 12 months", "stable for 2 years", "stable ... at 3 months": the time of
   * a change, no follow-up.
   */
  private static final Pattern CHANGE_TIME =
      Pattern.compile(
          "\\b(?:increas|grow|grew|enlarg|decreas|shrun|stab|unchang|chang)\\w*\\b(?:[^.;,]|\\.(?=\\d))*"
              + "\\b(?:in|over|for|since|across|at|after)\\s+(?:the\\s+)?(?:last\\s+|past\\s+|prior\\s+)?$",
          Pattern.CASE_INSENSITIVE);
}
