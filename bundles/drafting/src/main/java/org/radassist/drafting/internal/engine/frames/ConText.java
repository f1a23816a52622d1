package org.radassist.drafting.internal.engine.frames;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.radassist.drafting.internal.engine.PhraseMatcher;
import org.radassist.drafting.internal.engine.Token;

/**
 * The ConText algorithm (Harkema, Dowling, Thornblade, Chapman; J Biomed Inform 2009) over one
 * sentence of tokens. Trigger terms open a scope for one modifier (negated, possible, historical,
 * hypothetical, other experiencer) forwards, backwards or both; the scope runs to the end of the
 * sentence unless a termination term for that modifier (or for all) comes first. Pseudo-triggers
 * ("no change", "not present on the prior", "gram negative") look like triggers but are not, and
 * are matched first so their words never trigger. A hypothetical scope also ends at a comma (a
 * conditional clause), and a trigger's scope ends at the next trigger of the same modifier.
 * Thread-safe once built.
 */
public final class ConText {
  /** The modifiers of {@link Assertion}. */
  public enum Modifier {
    NEGATED,
    POSSIBLE,
    HISTORICAL,
    HYPOTHETICAL,
    EXPERIENCER
  }

  enum Direction {
    FORWARD,
    BACKWARD,
    BOTH,
    PSEUDO,
    TERMINATE
  }

  /** A lexicon entry: what it modifies (null: every modifier, for terminations) and how. */
  record Rule(Modifier modifier, Direction direction) {}

  /** A trigger found in a sentence: tokens [from, to). */
  public record Trigger(Modifier modifier, Direction direction, int from, int to) {}

  private final PhraseMatcher<Rule> lexicon = new PhraseMatcher<>();

  public ConText() {
    Modifier n = Modifier.NEGATED;
    forward(
        n,
        "no",
        "not",
        "without",
        "negative for",
        "no evidence of",
        "no evidence for",
        "no signs of",
        "no sign of",
        "free of",
        "absence of",
        "no findings of",
        "no findings to suggest",
        "rules out",
        "ruled out",
        "clear of",
        "nor",
        "denies",
        "never",
        "none",
        "neither",
        "no radiographic evidence of",
        "no definite",
        "no acute",
        "no significant",
        "no focal",
        "no large",
        "no visible",
        "removal of",
        "interval removal of",
        "resolution of",
        "interval resolution of",
        "there is no",
        "there are no",
        "without evidence of",
        "no suspicious",
        "no longer");
    backward(
        n,
        "is not seen",
        "are not seen",
        "not seen",
        "not identified",
        "is not identified",
        "are not identified",
        "not present",
        "absent",
        "is absent",
        "are absent",
        "not visualized",
        "not evident",
        "not demonstrated",
        "not appreciated",
        "is ruled out",
        "unlikely",
        "no longer seen",
        "no longer present",
        "no longer visualized",
        "no longer identified",
        "no longer visible",
        "has been removed",
        "have been removed",
        "is excluded",
        "not detected");
    Modifier p = Modifier.POSSIBLE;
    forward(
        p,
        "possible",
        "possibly",
        "probable",
        "probably",
        "likely",
        "may represent",
        "may be",
        "might be",
        "could represent",
        "could be",
        "suspicious for",
        "concerning for",
        "suggestive of",
        "suggesting",
        "suggests",
        "questionable",
        "question of",
        "cannot exclude",
        "can not exclude",
        "cannot rule out",
        "can not rule out",
        "difficult to exclude",
        "equivocal",
        "differential",
        "differential includes",
        "consider",
        "considered",
        "presumed",
        "presumably",
        "suspected",
        "suspect",
        "indeterminate",
        "borderline for",
        "raises the possibility of",
        "worrisome for",
        "compatible with",
        "favored",
        "favor",
        "may reflect",
        "may relate to",
        "could reflect");
    backward(
        p,
        "cannot be excluded",
        "can not be excluded",
        "not excluded",
        "is not excluded",
        "cannot be ruled out",
        "can not be ruled out",
        "is possible",
        "is suspected",
        "is questioned",
        "is not entirely excluded",
        "not entirely excluded",
        "is considered",
        "is likely",
        "is favored");
    both(p, "versus", "vs", "or");
    both(Modifier.HISTORICAL, "resolved"); // an old healed fracture is still seen: not historical
    Modifier h = Modifier.HISTORICAL;
    forward(
        h,
        "history of",
        "h/o",
        "hx of",
        "status post",
        "s/p",
        "prior history of",
        "known history of",
        "remote history of",
        "past history of",
        "previous history of",
        "history of prior",
        "sequela of",
        "sequelae of",
        "post-surgical",
        "previously treated",
        "post-treatment",
        // a finding the patient was treated for is past ("coil mass from treatment of
        // subarachnoid haemorrhage in 2019")
        "treatment of",
        "treated for",
        "coiling of",
        "clipping of",
        "repair of",
        "surgery for");
    backward(
        h,
        "has resolved",
        "have resolved",
        "since resolved",
        "has since resolved",
        "in the past",
        "was seen on the prior",
        "was present on the prior",
        "were present on the prior",
        "seen previously and now resolved");
    Modifier y = Modifier.HYPOTHETICAL;
    forward(
        y,
        "if",
        "to exclude",
        "to rule out",
        "rule out",
        "r/o",
        "evaluate for",
        "evaluation for",
        "assess for",
        "assessment for",
        "in case of",
        "should there be",
        "return if",
        "screen for",
        "to evaluate for",
        "to assess for",
        "in the event of",
        "looking for");
    Modifier e = Modifier.EXPERIENCER;
    forward(
        e,
        "family history of",
        "family history",
        "fhx",
        "mother",
        "mother's",
        "father",
        "father's",
        "sister",
        "sister's",
        "brother",
        "brother's",
        "maternal",
        "paternal",
        "aunt",
        "uncle",
        "grandmother",
        "grandfather",
        "first-degree relative",
        "first degree relative",
        "relative",
        "relatives",
        "sibling",
        "siblings",
        "parent",
        "parents");
    // pseudo-triggers: words of a trigger that do not modify here
    pseudo(
        n,
        "no change",
        "no interval change",
        "no significant change",
        "no significant interval change",
        "not only",
        "no increase",
        "no decrease",
        "without change",
        "not necessarily",
        "not certain if",
        "not certain whether",
        "gram negative",
        "no further",
        "not changed",
        "not significantly changed",
        "not appreciably changed",
        "not substantially changed",
        "without interval change",
        "no appreciable change",
        "no definite change");
    pseudo(n, ABSENT_ON_PRIOR.toArray(String[]::new));
    pseudo(
        n,
        "not appreciated on the prior",
        "not demonstrated on the prior",
        "was not present",
        "were not present",
        "no longer than",
        // a prognosis of the finding, not its absence: "calculus, unlikely to pass spontaneously"
        "unlikely to pass",
        "unlikely to resolve",
        "unlikely to respond",
        "unlikely to be passed");
    pseudo(p, "or more", "or less", "or greater", "either");
    pseudo(h, "history of present illness", "clinical history", "history:");
    pseudo(y, "if needed", "if necessary", "if clinically indicated", "as if");
    pseudo(e, "family history negative", "mother tongue");
    // terminations: "but" and the like end every scope; clause breaks end some
    terminate(
        null,
        "but",
        "however",
        "although",
        "though",
        "except",
        "aside from",
        "apart from",
        "which",
        "otherwise",
        "with the exception of",
        ";",
        "while",
        "whereas",
        "and there is",
        "and there are",
        // a spoken self-correction starts over: "no echogenic foci ... wait, punctate foci"
        "wait",
        "scratch that",
        "i mean");
    terminate(
        n,
        "there is",
        "there are",
        "there has been",
        "is seen",
        "are seen",
        "is present",
        "are present",
        "is noted",
        "are noted",
        "is identified",
        "are identified",
        "consistent with",
        "secondary to",
        "due to",
        ":",
        "reflecting",
        "representing",
        "with");
    terminate(p, "consistent with", "no", "not", "without", "there is", "there are", ":");
    terminate(h, "now", "currently", "presents", "presenting", "today", "new", "again", ":");
    terminate(y, ",", ":");
    terminate(e, "patient", "the patient", "patient's", ":");
    chestRadiographPhrasings();
    otherEnglishes();
    quotedQuestions();
  }

  /**
   * "Not present on the prior" and its variants: a finding new since the prior. Pseudo-triggers
   * here (they negate nothing) and the NEW change of {@link FrameLexicon}.
   */
  static final List<String> ABSENT_ON_PRIOR =
      List.of(
          "not present on the prior",
          "not present on prior",
          "not present on the previous",
          "not present previously",
          "not previously present",
          "not previously seen",
          "not previously identified",
          "not seen previously",
          "not seen on the prior",
          "not seen on prior",
          "not visualized on the prior",
          "not identified on the prior",
          "not evident on the prior");

  /** Who asks the question a report may quote ("the request mentions", "the referrer queried"). */
  private static final List<String> ASKERS =
      List.of(
          "indication",
          "request",
          "request form",
          "requisition",
          "referral",
          "referrer",
          "referring clinician",
          "referring physician",
          "referring doctor",
          "referring team",
          "clinician",
          "clinical team",
          "clinical history",
          "clinical details",
          "ed",
          "emergency department",
          "emergency physician",
          "referring surgeon",
          "surgical team",
          "team");

  /** How a report quotes the question it was asked. */
  private static final List<String> ASKING =
      List.of(
          "mentions",
          "mentioned",
          "states",
          "stated",
          "says",
          "said",
          "notes",
          "noted",
          "raises",
          "raised",
          "suggests",
          "suggested",
          "reports",
          "reported",
          "queries",
          "queried",
          "asks about",
          "asked about",
          "asks to exclude",
          "asked to exclude",
          "asks whether",
          "asked whether",
          "questions",
          "questioned");

  /**
   * A report that quotes its indication, request or referrer ("the indication mentions subarachnoid
   * haemorrhage", "clinical question of pulmonary embolism", "the referrer queried cord
   * compression") names the question, not a finding of this exam: hypothetical, like "to exclude".
   */
  private void quotedQuestions() {
    List<String> phrases = new ArrayList<>();
    for (String who : ASKERS) {
      for (String how : ASKING) {
        phrases.add(who + " " + how);
        phrases.add("the " + who + " " + how);
      }
    }
    phrases.addAll(
        List.of(
            "clinical question of",
            "clinical question",
            "the clinical question of",
            "clinical query of",
            "clinical query",
            "clinical concern for",
            "clinical concern of",
            "clinical suspicion of",
            "clinical suspicion for",
            "referred with a question of",
            "referred with query",
            "referred with suspected",
            "referred with suspicion of",
            "referred with possible",
            "referred with a query of",
            "requested for suspected",
            "requested for possible",
            "requested for query",
            "requested for a question of",
            "requested with suspected",
            "performed for suspected",
            "performed for possible",
            "performed for query"));
    forward(Modifier.HYPOTHETICAL, phrases.toArray(String[]::new));
    // the answer ends the question: "performed for suspected appendicitis confirms appendicitis"
    // (finite verbs only: a participle after a comma opens an asserted clause of its own, see
    // affirmedListItems)
    terminate(Modifier.HYPOTHETICAL, "confirms", "confirmed", "shows", "demonstrates", "reveals");
  }

  /**
   * Negatives of British, Australian and Indian English: "Nil pleural effusion", "nil acute". The
   * postposed "PE excluded." / "ectopic ruled out." is read at the clause end (see
   * clauseFinalNegations): "excluded from the field of view" is not a negation.
   */
  private void otherEnglishes() {
    forward(Modifier.NEGATED, "nil", "nil evidence of", "nil sign of", "nil signs of");
  }

  /** Phrasings of chest radiograph reports (the IU reports of eval mesh). */
  private void chestRadiographPhrasings() {
    // "the previously seen nodular density is not well seen today": no longer there
    backward(
        Modifier.NEGATED,
        "not well seen",
        "not well-seen",
        "not definitely seen",
        "not clearly seen",
        "not definitely identified",
        "not clearly identified",
        "not definitely visualized");
    forward(Modifier.NEGATED, "interval clearing of", "clearing of");
    // "consolidation and atelectasis have cleared in the interval"
    backward(
        Modifier.HISTORICAL,
        "has cleared",
        "have cleared",
        "has since cleared",
        "have since cleared");
    // differentials and questions: "question pericardial effusion", "considerations include"
    forward(
        Modifier.POSSIBLE,
        "question",
        "differential diagnosis includes",
        "differential diagnosis would include",
        "differential considerations include",
        "differential considerations",
        "considerations include",
        "considerations would include",
        "suspicion for",
        "suspicion of");
    // "atelectasis and/or infection" hedges like "or" (one word: it never matched "or")
    both(Modifier.POSSIBLE, "and/or");
    forward(
        Modifier.POSSIBLE,
        "may also be",
        "may also represent",
        "may also reflect",
        "could also be",
        "could also represent",
        // a partial alternative hedges as much: "could partly be atelectasis"
        "could partly be",
        "could partially be",
        "could in part be",
        "may partly be",
        "may partly represent",
        "may in part be",
        "might partly be");
    backward(
        Modifier.POSSIBLE,
        "are suspected",
        "would be a consideration",
        "is a consideration",
        "is another consideration",
        "another consideration");
    forward(Modifier.HYPOTHETICAL, "correlation for", "clinical correlation for", "correlate for");
    pseudo(Modifier.POSSIBLE, "in question");
    // what an exam could miss or find is not a finding: "could obscure a small nodule", "CT is
    // more sensitive in detecting small nodules"
    forward(
        Modifier.HYPOTHETICAL,
        "could obscure",
        "may obscure",
        "might obscure",
        "could hide",
        "in detecting",
        "to identify",
        "to detect",
        "more sensitive for",
        "for evaluation of");
    // the radiograph's disclaimer: "fractures may not be demonstrated"
    backward(
        Modifier.HYPOTHETICAL,
        "may not be demonstrated",
        "may not be seen",
        "may not be visible",
        "may not be detected",
        "may be occult",
        "are not always visible");
    // "echogenic thrombus, absent flow": the flow is what is absent; "partial clearing of the
    // consolidation": some of it is still there
    pseudo(
        Modifier.NEGATED,
        "absent flow",
        "absent color flow",
        "absent colour flow",
        "absent doppler flow",
        "partial clearing of",
        "incomplete clearing of");
  }

  private void forward(Modifier m, String... phrases) {
    add(new Rule(m, Direction.FORWARD), phrases);
  }

  private void backward(Modifier m, String... phrases) {
    add(new Rule(m, Direction.BACKWARD), phrases);
  }

  private void both(Modifier m, String... phrases) {
    add(new Rule(m, Direction.BOTH), phrases);
  }

  private void pseudo(Modifier m, String... phrases) {
    add(new Rule(m, Direction.PSEUDO), phrases);
  }

  private void terminate(Modifier m, String... phrases) {
    add(new Rule(m, Direction.TERMINATE), phrases);
  }

  private void add(Rule rule, String... phrases) {
    for (String phrase : phrases) {
      lexicon.add(phrase, rule);
    }
  }

  /** The lexicon terms of a sentence, longest match first, without overlaps. */
  public List<Trigger> triggers(List<Token> sentence) {
    List<Trigger> out = new ArrayList<>();
    boolean[] covered = new boolean[sentence.size()];
    for (PhraseMatcher.Match<Rule> m : lexicon.findAll(sentence)) {
      Rule r = m.value();
      Direction d = r.direction();
      if (r.modifier() == Modifier.NEGATED
          && d == Direction.BACKWARD
          && aboutThePast(sentence, m.to())) {
        // "absent previously", "not seen on the last CT": said of the prior, not of today
        d = Direction.PSEUDO;
      }
      // "or" hedges only between two findings ("effusion or atelectasis"): kept as a weak trigger
      out.add(new Trigger(r.modifier(), d, m.from(), m.to()));
      for (int k = m.from(); k < m.to(); k++) {
        covered[k] = true;
      }
    }
    affirmedListItems(sentence, covered, out);
    experiencersNamedAfter(sentence, out);
    ownSubjects(sentence, out);
    clauseFinalNegations(sentence, covered, out);
    measuredFindingsStartOver(sentence, out);
    return out;
  }

  /** Kin a finding can belong to when named after it ("subarachnoid haemorrhage in his mother"). */
  private static final Set<String> KIN =
      Set.of(
          "mother",
          "father",
          "sister",
          "sisters",
          "brother",
          "brothers",
          "sibling",
          "siblings",
          "parent",
          "parents",
          "aunt",
          "aunts",
          "uncle",
          "uncles",
          "grandmother",
          "grandfather",
          "grandparent",
          "grandparents",
          "cousin",
          "cousins",
          "son",
          "sons",
          "daughter",
          "daughters",
          "relative",
          "relatives",
          "twin",
          "members",
          "member",
          "family",
          "kindred");

  /** Words between "in" and the kin: determiners, counts, kinds of kin ("in two of her ..."). */
  private static final Set<String> BEFORE_KIN =
      Set.of(
          "the",
          "a",
          "an",
          "his",
          "her",
          "their",
          "patient's",
          "pt's",
          "one",
          "two",
          "three",
          "several",
          "multiple",
          "both",
          "of",
          "older",
          "younger",
          "elder",
          "identical",
          "maternal",
          "paternal",
          "first-degree",
          "second-degree",
          "first",
          "second",
          "degree",
          "family",
          "close");

  /** Words that may follow the kin and end its phrase ("in his father at age 45", "... who"). */
  private static final Set<String> AFTER_KIN =
      Set.of(
          "who",
          "which",
          "that",
          "with",
          "at",
          "aged",
          "age",
          "and",
          "or",
          "had",
          "has",
          "was",
          "were",
          "is",
          "are",
          "diagnosed",
          "in",
          "on",
          "when",
          "from",
          "before",
          "after",
          "last",
          "previously",
          "recently",
          "years",
          "as",
          "of");

  /** Words that close the noun phrase a kin phrase can reach back to. */
  private static final Set<String> PHRASE_BREAK = Set.of("with", "without");

  /**
   * The other experiencer named after the finding ("subarachnoid haemorrhage in the patient's
   * mother", "pulmonary embolism in two first-degree relatives"): "in" + kin that ends its phrase
   * is a backward experiencer trigger whose scope is the phrase before it, at most six words back
   * and not past a comma or "with" ("acute PE, and a similar history in his brother" keeps the PE
   * the patient's). "in the daughter cysts" or "in the parent artery" go on with a noun: no kin.
   */
  private static void experiencersNamedAfter(List<Token> s, List<Trigger> out) {
    List<Trigger> added = new ArrayList<>();
    for (int i = 1; i + 1 < s.size(); i++) {
      if (!s.get(i).norm().equals("in")) {
        continue;
      }
      int k = i + 1;
      while (k < s.size() && k - i <= 4 && beforeKin(s.get(k).norm())) {
        k++;
      }
      if (k >= s.size() || !KIN.contains(s.get(k).norm())) {
        // "in the family": the last skipped word was the kin itself
        if (k - 1 > i && s.get(k - 1).norm().equals("family") && phraseEnds(s, k)) {
          k--;
        } else {
          continue;
        }
      }
      while (k + 1 < s.size() && KIN.contains(s.get(k + 1).norm())) {
        k++; // "his twin brother", "two family members"
      }
      if (!phraseEnds(s, k + 1)) {
        continue;
      }
      int at = i;
      boolean forwardBefore =
          out.stream()
              .anyMatch(
                  t ->
                      t.modifier() == Modifier.EXPERIENCER
                          && t.direction() == Direction.FORWARD
                          && t.from() < at);
      if (forwardBefore) {
        continue; // "family history of aneurysm in his mother": the forward trigger has it
      }
      added.add(new Trigger(Modifier.EXPERIENCER, Direction.BACKWARD, i, k + 1));
      // "aortic dissection, in his father": the comma right before "in" sets the kin apart
      int last = i > 1 && s.get(i - 1).norm().equals(",") ? i - 2 : i - 1;
      int bound = Math.max(-1, last - 6);
      for (int j = last; j > bound; j--) {
        if (s.get(j).isPunctuation() || PHRASE_BREAK.contains(s.get(j).norm())) {
          bound = j;
          break;
        }
      }
      if (bound >= 0) {
        added.add(new Trigger(Modifier.EXPERIENCER, Direction.TERMINATE, bound, bound + 1));
      }
    }
    if (!added.isEmpty()) {
      out.addAll(added);
      out.sort(java.util.Comparator.comparingInt(Trigger::from));
    }
  }

  /** A word of {@link #BEFORE_KIN} or a count as digits (speech: "in 2 of her sisters"). */
  private static boolean beforeKin(String w) {
    return BEFORE_KIN.contains(w) || w.chars().allMatch(Character::isDigit);
  }

  private static boolean phraseEnds(List<Token> s, int at) {
    return at >= s.size() || s.get(at).isPunctuation() || AFTER_KIN.contains(s.get(at).norm());
  }

  /** Units of a size said before its finding ("4 mm solid nodule"). */
  private static final Set<String> SIZE_UNITS =
      Set.of(
          "mm",
          "cm",
          "millimeter",
          "millimeters",
          "millimetre",
          "millimetres",
          "centimeter",
          "centimeters",
          "centimetre",
          "centimetres");

  /**
   * Words before a size that keep it in the negated phrase: a bound, a measuring verb, a list ("no
   * nodule larger than 4 mm", "no nodule measuring 5 mm", "no effusion or 5 mm nodule").
   */
  private static final Set<String> SIZE_IN_PHRASE =
      Set.of(
          "than",
          "over",
          "under",
          "above",
          "below",
          "exceeding",
          "measuring",
          "measures",
          "measure",
          "of",
          "to",
          "x",
          "by",
          "and",
          "or",
          "nor",
          "up",
          "from",
          "at",
          "about",
          "approximately",
          "around",
          "within",
          "new",
          "greater",
          "larger",
          "smaller",
          ">",
          "<",
          ",");

  /**
   * Unpunctuated speech, "no pulmonary embolism incidental 4 mm solid nodule": a size said before
   * its finding, after the negated finding, starts a finding of its own (a negated finding is not
   * measured first), so the negation's forward scope ends there.
   */
  private static void measuredFindingsStartOver(List<Token> s, List<Trigger> out) {
    List<Trigger> added = new ArrayList<>();
    for (int k = 1; k + 1 < s.size(); k++) {
      if (!SIZE_UNITS.contains(s.get(k + 1).norm())
          || !s.get(k).norm().matches("\\d+(?:\\.\\d+)?")
          || SIZE_IN_PHRASE.contains(s.get(k - 1).norm())
          || s.get(k - 1).norm().matches("[\\d.]+")) {
        continue;
      }
      int at = k;
      boolean negatedBefore =
          out.stream()
              .anyMatch(
                  t ->
                      t.modifier() == Modifier.NEGATED
                          && t.direction() == Direction.FORWARD
                          // "no 5 mm nodule": a size right after the negation is its finding's
                          && t.to() + 1 < at);
      if (negatedBefore) {
        added.add(new Trigger(Modifier.NEGATED, Direction.TERMINATE, k, k + 1));
      }
    }
    if (!added.isEmpty()) {
      out.addAll(added);
      out.sort(java.util.Comparator.comparingInt(Trigger::from));
    }
  }

  /**
   * Verbs of a negated test result that follow their finding: "PE excluded", "ectopic ruled out".
   */
  private static final Set<String> EXCLUDING = Set.of("excluded", "out");

  /**
   * A postposed negation at the end of its clause ("PE excluded.", "Peritonsillar abscess excluded;
   * ...", "ectopic ruled out") negates the finding before it. Only at the clause end: "excluded
   * from the scan range" places, and "ruled out PE" negates forward; "cannot be excluded" is a
   * longer (possible) trigger already.
   */
  private static void clauseFinalNegations(List<Token> s, boolean[] covered, List<Trigger> out) {
    List<Trigger> added = new ArrayList<>();
    for (int k = 0; k < s.size(); k++) {
      String w = s.get(k).norm();
      if (!EXCLUDING.contains(w)) {
        continue;
      }
      int from = k;
      if (w.equals("out")) {
        if (k == 0 || !s.get(k - 1).norm().equals("ruled")) {
          continue;
        }
        from = k - 1;
      }
      boolean clauseEnd =
          k + 1 == s.size() || !Character.isLetterOrDigit(s.get(k + 1).norm().charAt(0));
      boolean ownTrigger = false;
      for (Trigger t : out) {
        ownTrigger |= t.from() <= from && t.to() > k && t.modifier() != Modifier.NEGATED;
      }
      if (clauseEnd && !ownTrigger && from > 0) {
        // the forward "ruled out" of "ruled out PE" has nothing after it here: it turns backward
        int f = from;
        out.removeIf(t -> t.from() == f && t.modifier() == Modifier.NEGATED);
        added.add(new Trigger(Modifier.NEGATED, Direction.BACKWARD, from, k + 1));
      }
    }
    if (!added.isEmpty()) {
      out.addAll(added);
      out.sort(java.util.Comparator.comparingInt(Trigger::from));
    }
  }

  /** Nouns that name what a finding comes from, not a finding: "cause not seen". */
  private static final Set<String> CAUSE_WORDS =
      Set.of("cause", "causes", "source", "etiology", "aetiology", "origin", "reason", "culprit");

  private static final Set<String> AUXILIARY =
      Set.of("is", "was", "are", "were", "been", "has", "have", "be", "being");

  /**
   * A backward negation with a subject of its own ("moderate right hydronephrosis, cause not seen")
   * negates that subject, not the finding before it: the scope ends at the subject.
   */
  private static void ownSubjects(List<Token> s, List<Trigger> out) {
    List<Trigger> added = new ArrayList<>();
    for (Trigger t : out) {
      if (t.modifier() != Modifier.NEGATED || t.direction() != Direction.BACKWARD) {
        continue;
      }
      int k = t.from() - 1;
      while (k >= 0 && AUXILIARY.contains(s.get(k).norm())) {
        k--;
      }
      if (k >= 0 && CAUSE_WORDS.contains(s.get(k).norm())) {
        added.add(new Trigger(Modifier.NEGATED, Direction.TERMINATE, k, k + 1));
      }
    }
    if (!added.isEmpty()) {
      out.addAll(added);
      out.sort(java.util.Comparator.comparingInt(Trigger::from));
    }
  }

  /** Words that name an exam before this one ("on the prior", "12 months ago", "at baseline"). */
  private static final Set<String> PAST =
      Set.of(
          "previously",
          "before",
          "earlier",
          "prior",
          "previous",
          "last",
          "preceding",
          "baseline",
          "ago",
          "comparison",
          "initial",
          "old",
          "outside");

  private static final Set<String> AFFIRM =
      Set.of("present", "seen", "noted", "identified", "demonstrated", "evident", "visible");

  /** Participles that open an asserted clause after a comma ("..., showing washout"). */
  private static final Set<String> AFFIRM_LEADING =
      Set.of("showing", "demonstrating", "displaying", "exhibiting");

  private static final Set<String> CONJUNCTION = Set.of("or", "and", "nor");

  /** A trigger followed by "previously" / "on the prior" / "at baseline" speaks of the past. */
  private static boolean aboutThePast(List<Token> s, int at) {
    return pastExamAt(s, at) >= 0;
  }

  /**
   * The index of the word from {@code at} on that names an earlier exam ("on the prior", "on the CT
   * of 2024", "12 months ago", "on last year's screen"), or -1 when the words there say something
   * else. Shared by ConText (a negation said of the prior is no negation of today's finding) and
   * the frames (a finding the prior did not show is new).
   */
  public static int pastExamAt(List<Token> s, int at) {
    for (int k = at; k < Math.min(s.size(), at + 8); k++) {
      String w = s.get(k).norm();
      if (PAST.contains(w) || isYear(w)) {
        return k; // "not seen on the CT of 2024": a year names an earlier study
      }
      if (!BEFORE_THE_PAST_WORD.contains(w) && !w.chars().allMatch(Character::isDigit)) {
        return -1;
      }
    }
    return -1;
  }

  /** A word that names an exam before this one ("previously", "prior", "baseline", "ago"). */
  public static boolean pastWord(String w) {
    return PAST.contains(w);
  }

  /** A year of this century or the last ("2025"), without a regular expression per token. */
  public static boolean isYear(String w) {
    return w.length() == 4
        && (w.startsWith("19") || w.startsWith("20"))
        && Character.isDigit(w.charAt(2))
        && Character.isDigit(w.charAt(3));
  }

  /** Words between a "not seen" and the word naming the earlier exam: exams, elapsed times. */
  private static final Set<String> BEFORE_THE_PAST_WORD =
      Set.of(
          "on",
          "in",
          "at",
          "the",
          "a",
          "an",
          "this",
          "that",
          "of",
          "from",
          "dated",
          "year's",
          "ct",
          "scan",
          "exam",
          "examination",
          "study",
          "screen",
          "screening",
          "ldct",
          "chest",
          "mri",
          "mr",
          "ultrasound",
          "mammogram",
          "radiograph",
          "imaging",
          "one",
          "two",
          "three",
          "four",
          "five",
          "six",
          "nine",
          "twelve",
          "eighteen",
          "day",
          "days",
          "week",
          "weeks",
          "month",
          "months",
          "year",
          "years");

  /**
   * A list item after a comma that asserts itself ("no APHE, washout present, no capsule") is a
   * clause of its own: a negation before it does not reach into it, nor one after it back over it.
   * The item must be free of conjunctions ("no X, Y or Z seen" stays one negated list).
   */
  private static void affirmedListItems(List<Token> s, boolean[] covered, List<Trigger> out) {
    boolean added = false;
    for (int i = 0; i < s.size(); i++) {
      if (!s.get(i).norm().equals(",")) {
        continue;
      }
      int end = i + 1;
      int affirm = -1;
      boolean conjunction = false;
      boolean leading = false;
      while (end < s.size() && !s.get(end).isPunctuation()) {
        String w = s.get(end).norm();
        conjunction |= CONJUNCTION.contains(w);
        if (affirm < 0 && !covered[end] && AFFIRM.contains(w)) {
          affirm = end;
        }
        if (end == i + 1 && !covered[end] && AFFIRM_LEADING.contains(w)) {
          leading = true; // "without APHE, showing nonperipheral washout": a clause of its own
        }
        end++;
      }
      // the comma must close an item of its own ("no APHE,"), not an adjective ("no acute,")
      boolean itemBefore = i > 0 && !covered[i - 1] && !s.get(i - 1).isPunctuation();
      if (affirm > i + 1 && itemBefore && !conjunction && !anyTriggerIn(out, i + 1, end)) {
        out.add(new Trigger(Modifier.NEGATED, Direction.TERMINATE, i, i + 1));
        out.add(new Trigger(Modifier.NEGATED, Direction.TERMINATE, affirm, affirm + 1));
        added = true;
      } else if (leading && itemBefore && !anyTriggerIn(out, i + 1, end)) {
        // the participle governs the whole clause: "showing a capsule and washout"
        out.add(new Trigger(Modifier.NEGATED, Direction.TERMINATE, i, i + 1));
        added = true;
      }
    }
    if (added) {
      out.sort(java.util.Comparator.comparingInt(Trigger::from));
    }
  }

  private static boolean anyTriggerIn(List<Trigger> triggers, int from, int to) {
    for (Trigger t : triggers) {
      if (t.from() >= from && t.from() < to && t.direction() != Direction.TERMINATE) {
        return true;
      }
    }
    return false;
  }

  /** The assertion of the target at tokens [from, to) of a sentence whose triggers are given. */
  public static Assertion assertion(List<Trigger> triggers, int from, int to) {
    boolean[] on = new boolean[Modifier.values().length];
    for (int t = 0; t < triggers.size(); t++) {
      Trigger tr = triggers.get(t);
      Direction d = tr.direction();
      if (d == Direction.PSEUDO || d == Direction.TERMINATE) {
        continue;
      }
      boolean hit = false;
      // a forward trigger may share its last words with the target: "no suspicious" before
      // "suspicious calcifications"
      if ((d == Direction.FORWARD || d == Direction.BOTH) && tr.from() < from && tr.to() <= to) {
        hit = forwardEnd(triggers, t) >= to;
      }
      if (!hit && (d == Direction.BACKWARD || d == Direction.BOTH) && tr.from() >= to) {
        hit = backwardStart(triggers, t) <= from;
      }
      if (hit && tr.modifier() == Modifier.POSSIBLE && isOr(tr) && tr.from() - to > 3) {
        hit = false; // "or" hedges only its neighbours
      }
      if (hit && tr.modifier() == Modifier.POSSIBLE && isOr(tr) && from - tr.to() > 3) {
        hit = false;
      }
      on[tr.modifier().ordinal()] |= hit;
    }
    return new Assertion(
        on[Modifier.NEGATED.ordinal()],
        on[Modifier.POSSIBLE.ordinal()],
        on[Modifier.HISTORICAL.ordinal()],
        on[Modifier.HYPOTHETICAL.ordinal()],
        on[Modifier.EXPERIENCER.ordinal()]);
  }

  /**
   * The assertion of a finding that is the residue of past disease (granuloma, scar): in "sequela
   * of old granulomatous disease" the disease is past but its residue is on today's image, so a
   * forward "sequela(e) of" does not make the residue historical. Other triggers apply as usual.
   */
  public static Assertion residueAssertion(
      List<Token> sentence, List<Trigger> triggers, int from, int to) {
    List<Trigger> kept = new ArrayList<>();
    for (Trigger tr : triggers) {
      boolean sequela =
          tr.modifier() == Modifier.HISTORICAL
              && tr.direction() == Direction.FORWARD
              && sentence.get(tr.from()).norm().startsWith("sequela");
      if (!sequela) {
        kept.add(tr);
      }
    }
    return assertion(kept, from, to);
  }

  /**
   * The assertion of an observed sign (an opacity) that the radiologist then reads: in "patchy
   * opacity, atelectasis or scarring" the alternatives are hedged, the opacity is seen. An "or" /
   * "versus" after a comma that sets the sign apart does not hedge it; every other trigger does
   * ("possible opacity", "opacity or effusion").
   */
  public static Assertion signAssertion(
      List<Token> sentence, List<Trigger> triggers, int from, int to) {
    List<Trigger> kept = new ArrayList<>();
    for (Trigger tr : triggers) {
      boolean apart = false;
      if (tr.modifier() == Modifier.POSSIBLE && isOr(tr) && tr.from() >= to) {
        for (int k = to; k < tr.from() && !apart; k++) {
          apart = sentence.get(k).norm().equals(",");
        }
      }
      if (!apart) {
        kept.add(tr);
      }
    }
    return assertion(kept, from, to);
  }

  private static boolean isOr(Trigger tr) {
    return tr.direction() == Direction.BOTH && tr.to() - tr.from() == 1;
  }

  /** A forward scope ends at a termination of its modifier or at the next trigger like it. */
  private static int forwardEnd(List<Trigger> triggers, int t) {
    Trigger self = triggers.get(t);
    for (int k = t + 1; k < triggers.size(); k++) {
      Trigger next = triggers.get(k);
      if (ends(next, self)) {
        return next.from();
      }
    }
    return Integer.MAX_VALUE;
  }

  /**
   * A backward scope starts after a termination of its modifier or the previous trigger like it.
   */
  private static int backwardStart(List<Trigger> triggers, int t) {
    Trigger self = triggers.get(t);
    for (int k = t - 1; k >= 0; k--) {
      Trigger prev = triggers.get(k);
      if (ends(prev, self)) {
        return prev.to();
      }
    }
    return 0;
  }

  private static boolean ends(Trigger other, Trigger self) {
    if (other.direction() == Direction.TERMINATE) {
      return other.modifier() == null || other.modifier() == self.modifier();
    }
    if (other.direction() == Direction.PSEUDO) {
      // a pseudo-trigger's words are a clause of their own ("not present on the prior") for its
      // kind
      return other.modifier() == self.modifier();
    }
    // a backward trigger of the same kind closes a forward scope ("no X ... Y is not seen")
    return other.modifier() == self.modifier() && other.direction() != self.direction();
  }
}
