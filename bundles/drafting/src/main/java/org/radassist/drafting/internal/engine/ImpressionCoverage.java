package org.radassist.drafting.internal.engine;

import static org.radassist.drafting.internal.engine.ConsistencyChecker.ATTACHED;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.DENIED_JUST_BEFORE;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.NOTHING_REPORTED;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.NOT_BEFORE;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.ORGAN_WORDS;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.covered;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.otherSideOnly;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.reportingSentenceSays;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.saidUnnegated;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.sentenceAround;
import static org.radassist.drafting.internal.engine.OmissionCheck.frameAt;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.radassist.drafting.internal.engine.frames.LesionFrame;
import org.radassist.drafting.internal.engine.frames.Side;

/**
 * What an impression covers for {@link OmissionCheck}'s FINDING_NOT_IN_IMPRESSION besides the
 * finding's own concept: the lesion, collection or disease a finding is part of (its halo, its gas,
 * a landmark, an attached finding), a related concept, the impression's own words for it (another
 * name, an interpretation, hedged alternatives, a syndrome or diagnosis that implies it, a tumour
 * at its site, an organ's unplaced lesion), and the fracture of another bone it does not cover.
 */
final class ImpressionCoverage {
  /**
   * Round 30 (om11): the finding's frame is reported by the impression's category, frames or
   * diagnosis of its organ. Not a lymph node of the breast (the axilla): BI-RADS 5, "breast mass"
   * or "malignancy" answer the breast lesion; an abnormal axillary node changes staging and is
   * sampled on its own, so it is reported only when the impression speaks of nodes.
   */
  static boolean coveredAsLesion(Report report, TextAnalyzer.Mention m, Set<String> summed) {
    LesionFrame f = frameAt(report.findingFrames, m.start(), m.end());
    if (m.concept().id().equals("lymphadenopathy") && f != null && f.organ().equals("breast")) {
      return false;
    }
    // round 32 (om15): a finding the impression denies is not covered by a frame of its group
    // ("6 mm ureteric calculus without hydronephrosis")
    if (deniedByImpression(report.dictatedImpression(), m)) {
      return false;
    }
    return covered(report, f, summed);
  }

  /** A lesion's reaction: the oedema, consolidation, collapse or haze a lesion causes around it. */
  private static final Set<String> REACTION =
      Set.of("edema", "consolidation", "atelectasis", "opacity");

  /**
   * Round 30 (om11): words that make a reaction the halo of the lesion beside it ("with surrounding
   * oedema", "Mild adjacent oedema.", "Adjacent RLL consolidation."): at most three words of the
   * same clause between them and the finding, "adjacent" not followed by "to" (that names a place).
   */
  private static final Pattern HALO_BEFORE =
      Pattern.compile(
          "\\b(?:surrounding|adjacent(?!\\s+to\\b)|perilesional|peri-lesional|perifocal"
              + "|neighbou?ring|accompanying|associated"
              // round 36 (om25): "with a thin rim of oedema", "a halo of ground-glass"
              + "|(?:rim|halo|cuff|collar|ring)\\s+of)\\s+(?:[a-z0-9-]+\\s+){0,3}$",
          Pattern.CASE_INSENSITIVE);

  /** ... or after it: "consolidation around the cavity", "oedema surrounding the mass". */
  private static final Pattern HALO_AFTER =
      Pattern.compile(
          "^\\s*(?:[a-z-]+\\s+){0,2}?(?:surrounding|around|adjacent to|abutting|next to)"
              + "\\s+(?:the|this|that|it|its|a|an)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * Round 30 (om11): the reaction around a lesion (perilesional oedema, consolidation next to an
   * empyema) is part of that lesion's description, not a finding of its own: the lesion is what the
   * impression must report, and an impression that reports something is taken to report it (the
   * lesion, when the check knows its kind, is judged on its own). Pulmonary oedema or a
   * consolidation that stands alone is still a finding.
   */
  static boolean haloOfALesion(
      TextAnalyzer.Section findings, TextAnalyzer.Mention m, TextAnalyzer.Section impression) {
    if (!REACTION.contains(m.concept().id())) {
      return false;
    }
    String sentence = findings.sentenceText(m.sentence());
    int at = m.start() - findings.sentences.get(m.sentence()).start();
    if (at < 0 || at > sentence.length()) {
      return false;
    }
    String before = sentence.substring(0, at);
    int clause = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'));
    before = before.substring(clause + 1);
    String after = sentence.substring(Math.min(sentence.length(), at + (m.end() - m.start())));
    if (!HALO_BEFORE.matcher(before).find() && !HALO_AFTER.matcher(after).find()) {
      return false;
    }
    for (int i = 0; i < impression.sentences.size(); i++) {
      if (!NOTHING_REPORTED.matcher(impression.sentenceText(i)).find()) {
        return true;
      }
    }
    return false;
  }

  /** A collection or a leak that holds the gas ("collection containing extraluminal gas"). */
  private static final Pattern COLLECTION_HOLDS_BEFORE =
      Pattern.compile(
          "\\b(?:collections?|abscess\\w*|cavity|leak|fluid)\\b[^.;]{0,40}?"
              + "\\b(?:containing|contains|with|holding)\\s+(?:[\\w-]+\\s+){0,3}$",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern GAS_WITHIN_AFTER =
      Pattern.compile(
          "^\\s*(?:is\\s+|are\\s+)?(?:within|in|inside)\\s+(?:it|them|the (?:[\\w-]+\\s+)?"
              + "(?:collection|abscess|cavity))\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern COLLECTION_REPORTED =
      Pattern.compile(
          "\\b(?:collections?|abscess\\w*|leak\\w*|dehiscence|perforat\\w*|fistula\\w*)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * Gas inside a collection ("a collection containing extraluminal gas", "with gas within it") is a
   * sign of that collection, reported when the impression reports the collection, the abscess or
   * the leak (round 28, helper "fn9"); free gas outside it is its own finding.
   */
  static boolean gasOfAReportedCollection(
      TextAnalyzer.Section findings, TextAnalyzer.Mention m, TextAnalyzer.Section impression) {
    if (!m.concept().id().equals("free_air")) {
      return false;
    }
    int from = findings.sentences.get(m.sentence()).start();
    String before = findings.text.substring(Math.max(from, m.start() - 80), m.start());
    String after = findings.text.substring(m.end(), Math.min(findings.text.length(), m.end() + 40));
    return (COLLECTION_HOLDS_BEFORE.matcher(before).find()
            || GAS_WITHIN_AFTER.matcher(after).find())
        && saidUnnegated(COLLECTION_REPORTED, impression);
  }

  /** Bones by the words that name them, for fractures the impression names at another bone. */
  private static final Map<String, Pattern> BONE_NAMES =
      Map.ofEntries(
          Map.entry("sternum", bone("stern(?:um|al)|manubri\\w*")),
          Map.entry("rib", bone("ribs?|costal")),
          Map.entry("scapula", bone("scapula\\w*|glenoid|acromi\\w*|coracoid|bankart")),
          Map.entry("clavicle", bone("clavic\\w*")),
          Map.entry(
              "spine",
              bone(
                  "vertebra\\w*|spin(?:e|al)|[ctl]\\d{1,2}|sacr\\w*|coccy\\w*|odontoid|pars"
                      + "|spinous|transverse process\\w*|endplate")),
          Map.entry(
              "pelvis", bone("pelvi\\w*|iliac|ilium|acetabul\\w*|pubic|rami|ramus|ischi\\w*")),
          Map.entry("femur", bone("femo\\w*|femur|hip|trochant\\w*|subcapital|nof")),
          Map.entry("humerus", bone("humer\\w*|shoulder|hill[- ]?sachs")),
          Map.entry(
              "forearm",
              bone(
                  "radius|radial|ulna\\w*|colles|forearm|wrist|scaphoid|(?:smith|barton)'?s?(?=\\s+(?:fractur\\w*|type|lesion))|monteggia|galeazzi")),
          Map.entry(
              "hand",
              bone(
                  "metacarp\\w*|phalan\\w*|fingers?|hand|thumb|(?:bennett|boxer)'?s?(?=\\s+(?:fractur\\w*|type|lesion))|rolando")),
          Map.entry(
              "tibia",
              bone("tibi\\w*|medial malleol\\w*|plafond|pilon|knee|ankle|(?:bi|tri)malleolar")),
          Map.entry(
              "fibula", bone("fibul\\w*|lateral malleol\\w*|weber|ankle|(?:bi|tri)malleolar")),
          Map.entry("patella", bone("patell\\w*")),
          Map.entry(
              "foot",
              bone(
                  "calcane\\w*|talus|talar|metatars\\w*|navicular|cuboid|foot|toes?|jones(?=\\s+(?:fractur\\w*|type|lesion))|lisfranc")),
          Map.entry("skull", bone("skull|calvari\\w*|occipital|parietal|facial")),
          // the face's bones are separate fractures (round 22); "facial", "ZMC", "Le Fort"
          // name them all
          Map.entry("orbit", bone("orbit\\w*")),
          Map.entry("zygoma", bone("zygom\\w*|malar")),
          Map.entry("maxilla", bone("maxill(?!ary\\s+(?:sinus|antrum|haemosinus|hemosinus))\\w*")),
          Map.entry("mandible", bone("mandib\\w*")),
          Map.entry("nasal", bone("nasal")));

  /**
   * Round 36 (om25): a region named for its fractures names each of its bones ("multiple chest wall
   * fractures" covers the ribs and the sternum, "pelvic ring fractures" the rami).
   */
  private static final Map<Pattern, Set<String>> REGION_BONES =
      Map.of(
          bone("chest\\s+wall|rib\\s+cage|thoracic\\s+cage|flail\\s+(?:chest|segment)"),
          Set.of("rib", "sternum"),
          bone("shoulder\\s+girdle"),
          Set.of("scapula", "clavicle", "humerus"),
          bone("pelvic\\s+(?:ring|girdle)"),
          Set.of("pelvis"),
          bone("hind\\s?foot|mid\\s?foot|fore\\s?foot|tarsal|tarsus"),
          Set.of("foot"));

  private static final Pattern JOINT =
      Pattern.compile(
          "\\b(?:ankle|knee|hip|shoulder|wrist|(?:bi|tri)malleolar)\\b", Pattern.CASE_INSENSITIVE);

  private static final Set<String> FACE_BONES =
      Set.of("skull", "orbit", "zygoma", "maxilla", "mandible", "nasal");

  private static final Pattern FACE_GENERIC =
      Pattern.compile(
          "\\b(?:facial|face|midface|zmc|zygomaticomaxillary|tripod|le\\s*fort)\\b",
          Pattern.CASE_INSENSITIVE);

  private static Pattern bone(String words) {
    return Pattern.compile("\\b(?:" + words + ")\\b", Pattern.CASE_INSENSITIVE);
  }

  private static final Pattern FRACTURE_WORD =
      // round 32 (om15): the shorthand "#" and "fx" name a fracture too
      Pattern.compile("\\bfractur\\w*|#|\\bfx\\b", Pattern.CASE_INSENSITIVE);

  private static Set<String> bonesIn(String text) {
    return namesFound(BONE_NAMES, text);
  }

  /** The names of a table whose pattern the text holds. */
  private static Set<String> namesFound(Map<String, Pattern> table, String text) {
    Set<String> out = new HashSet<>();
    table.forEach(
        (name, p) -> {
          if (p.matcher(text).find()) {
            out.add(name);
          }
        });
    return out;
  }

  /**
   * A fracture whose sentence names a bone that no impression sentence about fractures names
   * ("displaced fracture of the sternal body" beside "right 5th rib fracture"): the impression's
   * fracture is another one. A generic impression ("multiple fractures") covers every bone.
   */
  static boolean fractureOfAnotherBone(
      TextAnalyzer.Section findings, TextAnalyzer.Mention m, TextAnalyzer.Section impression) {
    if (!m.concept().id().equals("fracture")) {
      return false;
    }
    Set<String> bones = bonesIn(findings.sentenceText(m.sentence()));
    if (bones.isEmpty()) {
      return false;
    }
    Set<String> reported = new HashSet<>();
    for (int i = 0; i < impression.sentences.size(); i++) {
      String t = impression.sentenceText(i);
      if (FRACTURE_WORD.matcher(t).find()) {
        reported.addAll(bonesIn(t));
        REGION_BONES.forEach(
            (region, regionBones) -> {
              if (region.matcher(t).find()) {
                reported.addAll(regionBones);
              }
            });
        if (FACE_GENERIC.matcher(t).find()) {
          reported.addAll(FACE_BONES);
        }
      }
    }
    if (reported.isEmpty()) {
      return false;
    }
    // every bone the sentence names by itself is a fracture of its own ("fractures of the left
    // zygomatic arch and left orbital floor"); a joint ("of the left ankle") names no bone more
    Set<String> named = bonesIn(JOINT.matcher(fractureClause(findings, m)).replaceAll(" "));
    if (!named.isEmpty()) {
      named.removeAll(reported);
      return !named.isEmpty();
    }
    bones.retainAll(reported);
    return bones.isEmpty();
  }

  /** A size that starts the next finding ("3 cm lytic lesion") after the fracture's words. */
  private static final Pattern NEXT_SIZED_FINDING =
      Pattern.compile(
          "\\b\\d+(?:\\.\\d+)?\\s*(?:mm|cm|centimet\\w*|millimet\\w*)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * The fracture's own words: its sentence up to the size that starts another finding (a dictated
   * run-on "right clavicle fracture 3 cm lytic lesion in the L1 vertebral body" names the vertebra
   * for the lesion, not for a fracture; round 28, helper "fn9").
   */
  private static String fractureClause(TextAnalyzer.Section findings, TextAnalyzer.Mention m) {
    Sentences.Span span = findings.sentences.get(m.sentence());
    String rest = findings.text.substring(m.end(), span.end());
    Matcher next = NEXT_SIZED_FINDING.matcher(rest);
    int end = next.find() ? m.end() + next.start() : span.end();
    return findings.text.substring(span.start(), end);
  }

  /** "the side-wall mass", "the pancreatic head lesion": a lesion named again by its place. */
  private static final Pattern PLACED_AGAIN =
      Pattern.compile("\\bthe\\s+((?:[a-z][\\w-]*\\s+){1,3})$", Pattern.CASE_INSENSITIVE);

  private static final Pattern NOT_A_LANDMARK_PLACE =
      Pattern.compile(
          "^(?:left|right|large|small|known|same|above|index|dominant|primary|mass|lesion|solid"
              + "|cystic|soft|tissue|new|enlarging|growing|residual)$",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern REPORTED_AS_DISEASE =
      Pattern.compile(
          "\\b(?:disease|deposits?|tumou?rs?|lesions?|mass(?:es)?|recurrence|metasta\\w*"
              + "|malignan\\w*|cancer|carcinoma|primary)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * A mass named again as a landmark ("hydroureter to the level of the side-wall mass") whose place
   * an impression sentence reports as disease ("Stable right pelvic side-wall disease") is that
   * disease, reported in other words (round 28, helper "fn9").
   */
  static boolean landmarkOfReportedDisease(
      TextAnalyzer.Section findings, TextAnalyzer.Mention m, TextAnalyzer.Section impression) {
    String term = findings.text.substring(m.start(), m.end()).toLowerCase(Locale.ROOT);
    if (!term.equals("mass") && !term.equals("masses")) {
      return false;
    }
    int from = findings.sentences.get(m.sentence()).start();
    Matcher the =
        PLACED_AGAIN.matcher(findings.text.substring(Math.max(from, m.start() - 40), m.start()));
    if (!the.find()) {
      return false;
    }
    for (String word : the.group(1).trim().split("\\s+")) {
      if (word.length() < 4 || NOT_A_LANDMARK_PLACE.matcher(word).matches()) {
        continue;
      }
      Pattern place =
          Pattern.compile("\\b" + Pattern.quote(word) + "\\b", Pattern.CASE_INSENSITIVE);
      for (int i = 0; i < impression.sentences.size(); i++) {
        String t = impression.sentenceText(i);
        if (!NOTHING_REPORTED.matcher(t).find()
            && place.matcher(t).find()
            && REPORTED_AS_DISEASE.matcher(t).find()) {
          return true;
        }
      }
    }
    return false;
  }

  private static final String HEART_FAILURE =
      "\\b(?:(?:congestive\\s+)?(?:heart|cardiac)\\s+failure|ccf|chf|fluid overload"
          + "|cardiac decompensation|decompensated heart)\\b";

  /**
   * Signs an impression sums up by the condition they make up: cardiomegaly, oedema and effusions
   * as heart failure; hydronephrosis as obstruction.
   */
  private static final Map<String, Pattern> SYNDROME_WORDS =
      Map.of(
          "cardiomegaly", Pattern.compile(HEART_FAILURE, Pattern.CASE_INSENSITIVE),
          "edema", Pattern.compile(HEART_FAILURE, Pattern.CASE_INSENSITIVE),
          "pleural_effusion", Pattern.compile(HEART_FAILURE, Pattern.CASE_INSENSITIVE),
          "hydronephrosis",
              Pattern.compile(
                  "\\b(?:obstruct\\w*|obstructive uropathy|hydro\\w*"
                      // round 29 (fn10): "calculus with mild upstream dilation"
                      + "|(?:upstream|proximal|ureter\\w*|ureteric|collecting system|pelvi\\w*"
                      + "|calyc\\w*|calic\\w*)\\s+(?:dilat\\w*|distension|distention))\\b",
                  Pattern.CASE_INSENSITIVE),
          // free air is the sign of the perforation the impression names
          "free_air", Pattern.compile("\\bperforat\\w*", Pattern.CASE_INSENSITIVE),
          "opacity", Pattern.compile(HEART_FAILURE, Pattern.CASE_INSENSITIVE),
          // bowel ischaemia is what pneumatosis and portal venous gas are the signs of
          "pneumatosis",
              Pattern.compile("\\b(?:isch\\w*|infarct\\w*|necro\\w*)", Pattern.CASE_INSENSITIVE),
          // a flail chest is its segmental rib fractures
          "fracture", Pattern.compile("\\bflail\\b", Pattern.CASE_INSENSITIVE),
          // a type A dissection reaches the pericardium: its effusion is the dissection's
          // "adhesional obstruction", "obstructing hernia" name the bowel obstruction
          "bowel_obstruction", Pattern.compile("\\bobstruct\\w*", Pattern.CASE_INSENSITIVE),
          "pericardial_effusion",
              Pattern.compile(
                  "\\b(?:tamponade|ha?emopericardium|dissection)\\b", Pattern.CASE_INSENSITIVE));

  /** Opacities heart failure sums up: diffuse or interstitial ones, not a focal one. */
  private static final Pattern DIFFUSE_OPACITY =
      Pattern.compile(
          "\\b(?:bilateral|diffuse|interstitial|perihilar|bat-?wing|kerley)\\b",
          Pattern.CASE_INSENSITIVE);

  /** Cirrhosis or portal hypertension. */
  private static final Pattern CIRRHOSIS =
      Pattern.compile("\\b(?:cirrho\\w*|portal\\s+hypertens\\w*)", Pattern.CASE_INSENSITIVE);

  /**
   * Denied: "no cirrhosis", "non-cirrhotic", "without evidence of cirrhosis or portal
   * hypertension".
   */
  private static final Pattern NO_CIRRHOSIS =
      Pattern.compile(
          "\\b(?:no|not|non-?|without|absence\\s+of)\\s*(?:evidence\\s+of\\s+|signs?\\s+of\\s+)?"
              + "(?:cirrho\\w*|portal\\s+hypertens\\w*)"
              + "(?:\\s*(?:,|or|and|nor)\\s*(?:cirrho\\w*|portal\\s+hypertens\\w*))*",
          Pattern.CASE_INSENSITIVE);

  /**
   * Splenomegaly in a patient with cirrhosis or portal hypertension (indication, findings or
   * impression) is the expected sign of the portal hypertension the surveillance exam is about, not
   * an unexpected finding the impression must name; splenomegaly without it (r8-fnii) still is.
   */
  static boolean portalHypertensionSign(Report report, TextAnalyzer.Mention m) {
    return m.concept().id().equals("splenomegaly")
        && CIRRHOSIS.matcher(NO_CIRRHOSIS.matcher(report.contextText()).replaceAll(" ")).find();
  }

  static boolean syndromeReported(
      TextAnalyzer.Section findings, TextAnalyzer.Mention m, String impression) {
    Pattern words = SYNDROME_WORDS.get(m.concept().id());
    if (words == null
        || m.concept().id().equals("opacity")
            && !DIFFUSE_OPACITY.matcher(findings.sentenceText(m.sentence())).find()) {
      return false;
    }
    Matcher w = words.matcher(impression);
    while (w.find()) {
      if (!NOT_BEFORE
          .matcher(impression.substring(Math.max(0, w.start() - 30), w.start()))
          .find()) {
        return true;
      }
    }
    return false;
  }

  private static final Pattern ORGAN_WORD =
      Pattern.compile(
          "\\b(?:breasts?|kidneys?|renal|liver|hepatic|adrenals?|ovar(?:y|ies|ian)|adnex\\w*|thyroid"
              + "|spleen|splenic|pancrea\\w*|bladder|uter\\w*|test[ie]s|prostat\\w*|brain|bones?)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern COMPOSITION =
      Pattern.compile(
          "\\b(?:composition|dense breasts?|fibroglandular|breast density\\s*:|density\\s+(?:is\\s+)?[a-d]\\b)",
          Pattern.CASE_INSENSITIVE);

  /**
   * An impression sentence that names the finding by the findings' own head word at the same organ
   * ("1.5 cm nodular density in the left breast" reported as "Left breast density; recommend
   * diagnostic mammography") reports it, whatever concept the head word alone would code.
   */
  static boolean namedInItsOwnWords(
      TextAnalyzer.Section findings, TextAnalyzer.Mention m, TextAnalyzer.Section impression) {
    if (fractureNamedByEquivalent(findings, m, impression)) {
      return true;
    }
    String[] words =
        findings.text.substring(m.start(), m.end()).toLowerCase(Locale.ROOT).split("\\W+");
    String head = words[words.length - 1].replaceAll("(?:ies|s)$", "");
    if (head.length() < 4) {
      return false;
    }
    Set<String> organs = new HashSet<>();
    Matcher o = ORGAN_WORD.matcher(findings.sentenceText(m.sentence()));
    while (o.find()) {
      organs.add(o.group().toLowerCase(Locale.ROOT).substring(0, 4));
    }
    Pattern headWord =
        Pattern.compile("\\b" + Pattern.quote(head) + "\\w*", Pattern.CASE_INSENSITIVE);
    for (int i = 0; i < impression.sentences.size(); i++) {
      String t = impression.sentenceText(i);
      Matcher hm = headWord.matcher(t);
      if (NOTHING_REPORTED.matcher(t).find()
          || COMPOSITION.matcher(t).find()
          || !hm.find()
          // "Kidneys: no mass." denies the head word
          || NOT_BEFORE.matcher(t.substring(0, hm.start())).find()) {
        continue;
      }
      Matcher io = ORGAN_WORD.matcher(t);
      while (io.find()) {
        if (organs.contains(io.group().toLowerCase(Locale.ROOT).substring(0, 4))) {
          return true;
        }
      }
    }
    return false;
  }

  static final Pattern TUMOUR =
      Pattern.compile(
          "\\b(?:primary|tumou?r|cancer|carcinoma|malignan\\w*|neoplasm|neoplastic|metasta\\w*"
              + "|lymphoma|sarcoma|hamartoma|granuloma|carcinoid)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * An impression sentence that names the lesion's lobe or segment as a tumour ("partial response
   * of the right upper lobe primary" for "the right upper lobe mass") reports it.
   */
  static boolean tumourAtItsSite(LesionFrame f, TextAnalyzer.Section impression) {
    if (f == null || f.location().isBlank()) {
      return false;
    }
    String where = f.location().toLowerCase(Locale.ROOT);
    for (int i = 0; i < impression.sentences.size(); i++) {
      String t = impression.sentenceText(i);
      if (t.toLowerCase(Locale.ROOT).contains(where) && TUMOUR.matcher(t).find()) {
        return true;
      }
    }
    return false;
  }

  /** "with an overlying / associated / adjacent ..." attaches a finding to the sentence's head. */
  private static final Pattern ATTACHED_HERE =
      Pattern.compile(
          "(?:\\b(?:with|and)\\s+(?:an?\\s+|the\\s+)?(?:overlying|underlying|adjacent|associated"
              + "|surrounding)"
              // round 36 (om25): the head lesion "..., overlying a hairline fracture"
              + "|,\\s*(?:overlying|underlying|over|beneath|deep to)\\s+(?:an?|the)\\s)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern SIDED_SITE =
      Pattern.compile("\\b(right|left)\\s+([a-z]{4,})\\b", Pattern.CASE_INSENSITIVE);

  /**
   * A finding attached to the sentence's head ("collection ... in the right temporal region with an
   * overlying skull fracture") when the impression reports something at the head's sided site
   * ("Acute right temporal epidural haematoma."): the impression's finding there covers it.
   */
  static boolean attachedAtReportedPlace(
      TextAnalyzer.Section findings, TextAnalyzer.Mention m, TextAnalyzer.Section impression) {
    int sentenceStart = findings.sentences.get(m.sentence()).start();
    String before = findings.text.substring(sentenceStart, m.start());
    Matcher a = ATTACHED_HERE.matcher(before);
    int at = -1;
    while (a.find()) {
      at = a.start();
    }
    if (at < 0) {
      return false;
    }
    Matcher site = SIDED_SITE.matcher(before.substring(0, at));
    while (site.find()) {
      if (reportingSentenceSays(impression, site.group().toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Round 26 (helper "om4"): an organ's lesion (a liver observation, a renal mass) the impression
   * reports as a "nodule" or "mass" its frames could not place ("Cirrhotic liver with 12 mm right
   * lobe nodule"): covered when that impression sentence names the organ, or the exam is of that
   * organ.
   */
  static boolean organLesionUnplaced(
      Report report, TextAnalyzer.Mention m, TextAnalyzer.Section impression) {
    String organ =
        switch (m.concept().id()) {
          case "liver_observation" -> "liver";
          case "renal_mass" -> "kidney";
          case "thyroid_nodule" -> "thyroid";
          case "prostate_lesion" -> "prostate";
          default -> "";
        };
    Pattern words = ORGAN_WORDS.get(organ);
    if (words == null) {
      return false;
    }
    for (TextAnalyzer.Mention i : impression.mentions) {
      String id = i.concept().id();
      if ((id.equals("lung_nodule") || id.equals("lung_mass"))
          && i.certainty() == Certainty.PRESENT
          && (words.matcher(impression.sentenceText(i.sentence())).find()
              || report.bodyPart().equals(organ.toUpperCase(Locale.ROOT)))) {
        return true;
      }
    }
    return false;
  }

  /**
   * A sign the findings go on to read as hedged alternatives ("patchy opacity, atelectasis or
   * scarring"): the reading, not the sign, is what the impression reports or leaves out.
   */
  static boolean readAsHedgedAlternatives(TextAnalyzer.Section findings, TextAnalyzer.Mention m) {
    if (!m.concept().id().equals("opacity")) {
      return false;
    }
    for (TextAnalyzer.Mention other : findings.mentions) {
      if (other.sentence() == m.sentence()
          && other.start() > m.end()
          && other.certainty() == Certainty.UNCERTAIN
          && !other.concept().id().equals(m.concept().id())) {
        return true;
      }
    }
    return false;
  }

  /**
   * A finding attached to another one the impression reports ("large left pleural effusion with
   * compressive atelectasis"): the impression's word for the head finding covers it.
   */
  static boolean partOfReported(
      Report report,
      TextAnalyzer.Section findings,
      TextAnalyzer.Mention m,
      Set<String> inImpression,
      Set<String> summed) {
    if (deniedByImpression(report.dictatedImpression(), m)) {
      return false;
    }
    for (TextAnalyzer.Mention head : findings.mentions) {
      if (head.sentence() == m.sentence()
          && head.end() <= m.start()
          && head.certainty() == Certainty.PRESENT
          // round 32 (om15): a complication that changes management (abscess, free air,
          // pneumatosis, obstruction, empyema) is not covered by the disease it complicates
          && !complicationOf(m, head)
          // a background head ("disc osteophyte complex") does not carry a significant finding
          // attached to it ("with severe left foraminal stenosis") into "spondylosis"
          && (head.concept().significant() || !m.concept().significant())
          // reported by its concept, a related one, or its frame in other words ("tension
          // pneumothorax" for "large left pneumothorax with complete collapse of the left lung")
          && (inImpression.contains(head.concept().id())
              || inImpression.contains(relatedOf(head.concept().id()))
              || covered(report, frameAt(report.findingFrames, head.start(), head.end()), summed))
          && ATTACHED.matcher(findings.text.substring(head.end(), m.start())).find()) {
        return true;
      }
    }
    return false;
  }

  private static final Pattern INTERPRETED =
      Pattern.compile(
          "\\b(?:consistent with|compatible with|in keeping with|representing|reflecting"
              + "|suggestive of|concerning for|suspicious for|likely|may represent|due to"
              // "15 mm nodule containing fat, typical of a hamartoma"
              + "|typical of|characteristic of|diagnostic of|indicative of)\\b"
              // an appositive names it too: "6 mm calcified nodule in the left lower lobe, a
              // granuloma"
              + "|,\\s+(?:probably\\s+|likely\\s+)?an?\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern WORD = Pattern.compile("[a-z]{5,}");

  private static final Set<String> PLAIN =
      Set.of(
          "right",
          "left",
          "upper",
          "lower",
          "middle",
          "small",
          "large",
          "bilateral",
          "there",
          "which",
          "these",
          "those",
          "disease",
          "process",
          "change",
          "changes",
          "finding",
          "findings",
          "prior",
          "lobes");

  /**
   * The impression reports the finding as what the findings sentence interprets it to be ("nodules
   * ... consistent with metastases" and "progression of metastatic disease").
   */
  static boolean interpretationReported(
      TextAnalyzer.Section findings, TextAnalyzer.Mention m, String impression) {
    String sentence = findings.sentenceText(m.sentence());
    Matcher c = INTERPRETED.matcher(sentence);
    if (!c.find()) {
      return false;
    }
    String said = impression.toLowerCase(Locale.ROOT);
    Matcher w = WORD.matcher(sentence.substring(c.end()).toLowerCase(Locale.ROOT));
    while (w.find()) {
      String word = w.group();
      if (PLAIN.contains(word)) {
        continue;
      }
      String stem = word.substring(0, Math.min(6, word.length()));
      if (Pattern.compile("\\b" + stem).matcher(said).find()) {
        return true;
      }
    }
    return false;
  }

  static final Pattern LUNG_WORDS =
      Pattern.compile(
          "\\b(?:lungs?|lobes?|lobar|segment\\w*|lingul\\w*|basal|bibasal|bibasilar|basilar|apical"
              + "|apex|bases?|airspace|pulmonary|subpleural|interstitial|hilar|perihilar|zones?|volume loss)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * Concepts an impression reports by a diagnosis that implies them: canal stenosis by the cord
   * compression it causes, a lung opacity by what it is read as (pneumonitis, infection, a mass
   * lesion of the same side), the fibrosis of a treated tract by "healed" (round 27, helper "fn8").
   */
  private static final Map<String, Pattern> IMPLIED_BY =
      Map.of(
          "spinal_stenosis",
          Pattern.compile(
              "\\b(?:cord compression|compression of the (?:spinal )?cord|compressi\\w+ myelopathy"
                  + "|cauda equina (?:compression|syndrome)|compressing the (?:spinal )?cord)\\b",
              Pattern.CASE_INSENSITIVE),
          "opacity",
          Pattern.compile(
              "\\b(?:pneumonitis|organi[sz]ing pneumonia|infection|infective|inflammat\\w*"
                  + "|mass(?: lesion)?|tumou?r|neoplas\\w*|carcinoma|malignan\\w*)\\b",
              Pattern.CASE_INSENSITIVE),
          "fibrosis",
          Pattern.compile(
              "\\b(?:healed|healing|post-?(?:surgical|operative|inflammatory|infective|treatment)"
                  + "|sequela\\w*)\\b",
              Pattern.CASE_INSENSITIVE),
          // round 28 (fn9): consolidation read as a pneumonitis or an aspiration is reported by it
          "consolidation",
          Pattern.compile(
              "\\b(?:pneumonitis|organi[sz]ing pneumonia|aspiration|infection|infective"
                  + "|alveolar ha?emorrhage)\\b",
              Pattern.CASE_INSENSITIVE));

  static boolean impliedByDiagnosis(
      TextAnalyzer.Section findings, TextAnalyzer.Mention m, TextAnalyzer.Section impression) {
    Pattern p = IMPLIED_BY.get(m.concept().id());
    if (p == null) {
      return false;
    }
    String own = findings.sentenceText(m.sentence());
    if (m.concept().id().equals("fibrosis") && LUNG_WORDS.matcher(own).find()) {
      return false; // lung fibrosis is not what "healed" reports
    }
    String lower = own.toLowerCase(Locale.ROOT);
    boolean left = lower.matches("(?s).*\\bleft\\b.*");
    boolean right = lower.matches("(?s).*\\bright\\b.*");
    Side side = left == right ? Side.NONE : left ? Side.LEFT : Side.RIGHT;
    for (Matcher d = p.matcher(impression.text); d.find(); ) {
      String before = impression.text.substring(Math.max(0, d.start() - 30), d.start());
      if (!DENIED_JUST_BEFORE.matcher(before).find()
          && !otherSideOnly(sentenceAround(impression.text, d.start()), side)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Concepts an impression may name in other words (an impression "pneumonia" covers
   * consolidation).
   */
  static String relatedOf(String id) {
    return switch (id) {
      case "consolidation", "opacity" -> "pneumonia";
      case "pneumonia" -> "consolidation";
      case "tension_pneumothorax" -> "pneumothorax";
      case "lung_mass" -> "lung_nodule";
      case "edema" -> "cardiomegaly";
      // blood in the pleural space is an effusion an impression may call so
      case "hemothorax" -> "pleural_effusion";
      // an infected effusion is an empyema an impression names so
      case "pleural_effusion" -> "empyema";
      default -> id;
    };
  }

  /**
   * Round 32 (om15): complications that change the management of the disease they complicate (an
   * abscess, perforation's free gas, pneumatosis, an obstruction, an empyema, a pathological
   * fracture): attached to that disease in the findings ("appendicitis with a periappendiceal
   * abscess"), they are not covered by the uncomplicated diagnosis.
   */
  private static final Set<String> COMPLICATIONS =
      Set.of(
          "abscess",
          "free_air",
          "pneumatosis",
          "bowel_obstruction",
          "empyema",
          "pathologic_fracture");

  static boolean complicationOf(TextAnalyzer.Mention m, TextAnalyzer.Mention head) {
    return COMPLICATIONS.contains(m.concept().id())
        && !m.concept().id().equals(head.concept().id());
  }

  /**
   * Round 32 (om15): what an impression may call a fracture instead: the shorthand ("#", "fx",
   * "broken") anywhere, and a vertebra's anatomical result (height loss, collapse, wedging, crush)
   * in a sentence that names a vertebra. Synonym groups as data: a word belongs here when a
   * radiologist reads it as "fracture" whatever bone it names.
   */
  private static final Pattern FRACTURE_SHORTHAND =
      Pattern.compile("#|\\b(?:fx|broken|fractur\\w*)\\b", Pattern.CASE_INSENSITIVE);

  private static final Pattern VERTEBRAL_RESULT =
      Pattern.compile(
          "\\b(?:height\\s+loss|loss\\s+of\\s+(?:vertebral\\s+(?:body\\s+)?)?height|collapse[ds]?"
              + "|wedg\\w*|crush\\w*|compression(?:\\s+deformit\\w*)?)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern VERTEBRA =
      Pattern.compile(
          "\\b(?:vertebra\\w*|spin(?:e|al)|[ctl]\\d{1,2}|sacr\\w*|endplate)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * A fracture the impression names by an equivalent word at the same bone (or with no bone named
   * on either side): "Undisplaced scaphoid waist #." for a fracture through the scaphoid waist,
   * "New T12 vertebral body height loss" for a T12 compression deformity.
   */
  static boolean fractureNamedByEquivalent(
      TextAnalyzer.Section findings, TextAnalyzer.Mention m, TextAnalyzer.Section impression) {
    if (!m.concept().id().equals("fracture")) {
      return false;
    }
    Set<String> bones = bonesIn(JOINT.matcher(fractureClause(findings, m)).replaceAll(" "));
    if (bones.isEmpty()) {
      bones = bonesIn(findings.sentenceText(m.sentence()));
    }
    for (int i = 0; i < impression.sentences.size(); i++) {
      String t = impression.sentenceText(i);
      if (NOTHING_REPORTED.matcher(t).find()) {
        continue;
      }
      Matcher e = FRACTURE_SHORTHAND.matcher(t);
      boolean said = false;
      while (!said && e.find()) {
        said = !NOT_BEFORE.matcher(t.substring(0, e.start())).find();
      }
      if (!said && VERTEBRA.matcher(t).find()) {
        Matcher v = VERTEBRAL_RESULT.matcher(t);
        while (!said && v.find()) {
          said = !NOT_BEFORE.matcher(t.substring(0, v.start())).find();
        }
      }
      if (!said || onlySide(t).contradicts(onlySide(findings.sentenceText(m.sentence())))) {
        continue;
      }
      Set<String> there = bonesIn(t);
      if (bones.isEmpty() && there.isEmpty()) {
        return true;
      }
      there.retainAll(bones);
      if (!there.isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Round 32 (om15): the impression denies the finding ("calculus without hydronephrosis", "No
   * pneumothorax or pleural effusion") and nowhere reports it: a denial covers nothing, not even by
   * the finding's attachment to a reported one.
   */
  static boolean deniedByImpression(TextAnalyzer.Section impression, TextAnalyzer.Mention m) {
    if (impression == null) {
      return false;
    }
    boolean denied = false;
    for (TextAnalyzer.Mention i : impression.mentions) {
      if (i.concept().id().equals(m.concept().id())) {
        if (i.certainty() != Certainty.NEGATED) {
          return false;
        }
        denied = true;
      }
    }
    return denied;
  }

  private static final Pattern LEFT =
      Pattern.compile("\\b(?:left|lt)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern RIGHT =
      Pattern.compile("\\b(?:right|rt)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern BOTH =
      Pattern.compile("\\b(?:bilateral\\w*|both|bibasal|bibasilar)\\b", Pattern.CASE_INSENSITIVE);

  private static final Set<String> LESION_CONCEPTS =
      Set.of(
          "thyroid_nodule",
          "breast_mass",
          "lung_nodule",
          "lung_mass",
          "liver_observation",
          "renal_mass",
          "prostate_lesion",
          "lymphadenopathy");

  /** The one side a sentence speaks of, or NONE (no side, both, or bilateral). */
  private static Side onlySide(String sentence) {
    if (BOTH.matcher(sentence).find()) {
      return Side.NONE;
    }
    boolean left = LEFT.matcher(sentence).find();
    boolean right = RIGHT.matcher(sentence).find();
    return left == right ? Side.NONE : left ? Side.LEFT : Side.RIGHT;
  }

  /**
   * Round 32 (om15): side-specific coverage. The findings report the concept on both sides in
   * sentences of one side each ("Large right pleural effusion. Small left pleural effusion.") and
   * every impression mention of it is in a sentence of the other side only ("Small left pleural
   * effusion."): the impression reports the other side's finding, not this one. When the findings
   * name the concept on one side only, an impression of the other side is a LATERALITY_MISMATCH,
   * not an omission, and stays covered.
   */
  static boolean otherSideReportedOnly(
      TextAnalyzer.Section findings, TextAnalyzer.Mention m, TextAnalyzer.Section impression) {
    String id = m.concept().id();
    Side side = onlySide(findings.sentenceText(m.sentence()));
    // lesions have their own side rules (frames, incidental lesions, categories)
    if (side == Side.NONE || LESION_CONCEPTS.contains(id)) {
      return false;
    }
    boolean otherSideInFindings = false;
    for (TextAnalyzer.Mention o : findings.mentions) {
      if (o.certainty() == Certainty.PRESENT
          && o.concept().id().equals(id)
          && o.sentence() != m.sentence()
          && onlySide(findings.sentenceText(o.sentence())).contradicts(side)) {
        otherSideInFindings = true;
      }
    }
    if (!otherSideInFindings) {
      return false;
    }
    boolean reported = false;
    for (TextAnalyzer.Mention i : impression.mentions) {
      if (i.certainty() != Certainty.PRESENT
          || !(i.concept().id().equals(id) || i.concept().id().equals(relatedOf(id)))) {
        continue;
      }
      if (!onlySide(impression.sentenceText(i.sentence())).contradicts(side)) {
        return false;
      }
      reported = true;
    }
    return reported;
  }

  /** A spinal level ("L3-4", "C5/6", "T12") or a liver segment ("segment 6", "seg IVa"). */
  private static final Pattern LEVEL =
      Pattern.compile(
          "\\b([CTLS])\\s?(\\d{1,2})(?:\\s*[-/]\\s*[CTLS]?\\s?(\\d{1,2}))?\\b"
              // not an MR sequence ("T2 bright") or a TNM stage ("T2 N0")
              + "(?![*]|\\s*(?:-?\\s*weighted|w\\b|hyper|hypo|bright|dark|signal|flair|sequence"
              + "|images?|post|pre|n\\d|m\\d))"
              + "|\\bseg(?:ment)?\\.?\\s*(viii|vii|vi|iv[ab]?|v|iii|ii|i|[1-8][ab]?)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final List<String> ROMAN =
      List.of("i", "ii", "iii", "iv", "v", "vi", "vii", "viii");

  /** Abdominal organs by the words that name them. */
  private static final Map<String, Pattern> ORGANS =
      Map.of(
          "liver", bone("liver|hepat\\w*"),
          "kidney", bone("kidneys?|renal|perinephric|nephr\\w*"),
          "spleen", bone("spleen|splenic"),
          "pancreas", bone("pancrea\\w*"),
          "adrenal", bone("adrenals?"));

  /** The places of a text: its levels and segments, else the organs it names. */
  private static Set<String> placesOf(String text) {
    Set<String> out = new HashSet<>();
    Matcher l = LEVEL.matcher(text);
    while (l.find()) {
      if (l.group(1) != null) {
        String level = l.group(1).toUpperCase(Locale.ROOT) + Integer.parseInt(l.group(2));
        out.add(l.group(3) == null ? level : level + "-" + Integer.parseInt(l.group(3)));
      } else {
        String seg = l.group(4).toLowerCase(Locale.ROOT).replaceAll("[ab]$", "");
        int roman = ROMAN.indexOf(seg);
        out.add("seg" + (roman >= 0 ? roman + 1 : Integer.parseInt(seg)));
      }
    }
    if (out.isEmpty()) {
      out.addAll(namesFound(ORGANS, text));
    }
    return out;
  }

  /**
   * Round 36 (om25): the impression names the finding's concept only at another place (another
   * spinal level, liver segment or organ) that another findings item of the same concept has ("L4-5
   * foraminal narrowing" beside a severe L3-4 canal stenosis, "liver laceration" beside a renal
   * one): that impression line is the other item's line, not this finding's coverage. The side
   * version of this is {@link #otherSideReportedOnly}.
   */
  static boolean anotherPlaceReportedOnly(
      TextAnalyzer.Section findings, TextAnalyzer.Mention m, TextAnalyzer.Section impression) {
    String id = m.concept().id();
    if (m.certainty() != Certainty.PRESENT || LESION_CONCEPTS.contains(id)) {
      return false;
    }
    Set<String> here = placesOf(findings.sentenceText(m.sentence()));
    if (here.isEmpty()) {
      return false;
    }
    Set<String> elsewhere = new HashSet<>();
    for (TextAnalyzer.Mention o : findings.mentions) {
      if (o.certainty() == Certainty.PRESENT
          && o.sentence() != m.sentence()
          && (o.concept().id().equals(id) || o.concept().id().equals(relatedOf(id)))) {
        elsewhere.addAll(placesOf(findings.sentenceText(o.sentence())));
      }
    }
    elsewhere.removeAll(here);
    if (elsewhere.isEmpty()) {
      return false;
    }
    boolean reported = false;
    for (TextAnalyzer.Mention i : impression.mentions) {
      if (i.certainty() != Certainty.PRESENT
          || !(i.concept().id().equals(id) || i.concept().id().equals(relatedOf(id)))) {
        continue;
      }
      Set<String> there = placesOf(impression.sentenceText(i.sentence()));
      if (there.isEmpty() || there.stream().anyMatch(here::contains)) {
        return false;
      }
      if (there.stream().noneMatch(elsewhere::contains)) {
        return false;
      }
      reported = true;
    }
    return reported;
  }

  // Round 35 (om21): coverage of the general abnormality classes needs the impression to name THIS
  // finding, not merely the place it shares with another finding of the report.

  /** Words that name a finding (a diagnosis, a degenerative or background change), not a place. */
  private static final Pattern FINDING_NAME =
      Pattern.compile(
          "\\b(?:\\w+osis|\\w+itis|\\w+iasis|disease|plaques?|atherom\\w*|atheroscleros\\w*"
              + "|calcif\\w*|bruis\\w*|contusions?|effusions?|o?edema|degenerat\\w*|arthros\\w*"
              + "|spondyl\\w*|cysts?|hernia\\w*)\\b",
          Pattern.CASE_INSENSITIVE);

  /** Atheroma: the substrate of a stenosis or occlusion, which names neither. */
  private static final Pattern ATHEROMA =
      Pattern.compile(
          "^(?:plaques?|atherom\\w*|atheroscleros\\w*|(?:non-?)?calcif\\w*)$",
          Pattern.CASE_INSENSITIVE);

  /** A clause of an impression sentence: up to a comma, semicolon, colon, bracket or "and". */
  private static final Pattern CLAUSE_BREAK = Pattern.compile("[,;:()]|\\band\\b");

  private static String clauseAt(String sentence, int at) {
    int start = 0;
    int end = sentence.length();
    Matcher b = CLAUSE_BREAK.matcher(sentence);
    while (b.find()) {
      if (b.end() <= at) {
        start = b.end();
      } else if (b.start() >= at) {
        end = b.start();
        break;
      }
    }
    return sentence.substring(start, end);
  }

  private static String stem5(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    return w.substring(0, Math.min(5, w.length()));
  }

  /**
   * Whether a word the impression shares with a findings sentence places THIS finding: the word is
   * a place, not the name of a finding ("plaque" is the stenosis's cause, not its site), and its
   * clause names no other finding: a finding word the finding's own sentence does not hold ("Lumbar
   * spondylosis" for an L2 intradural lesion, "terminal ileal Crohn's disease" for the fistula from
   * the ileum) or only the atheroma ("carotid atherosclerotic plaque" for a 70-99% stenosis) makes
   * the shared word that other finding's place.
   */
  static boolean placesThisFinding(
      String findingSentence, String impressionSentence, int at, String word) {
    if (FINDING_NAME.matcher(word).find()) {
      return false;
    }
    String own = findingSentence.toLowerCase(Locale.ROOT);
    Matcher n = FINDING_NAME.matcher(clauseAt(impressionSentence, at));
    while (n.find()) {
      if (ATHEROMA.matcher(n.group()).matches() || !own.contains(stem5(n.group()))) {
        return false;
      }
    }
    return true;
  }

  private static final Pattern SIZE_MM =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(mm|cm)\\b", Pattern.CASE_INSENSITIVE);

  private static Set<Double> sizesIn(String text) {
    Set<Double> sizes = new HashSet<>();
    Matcher m = SIZE_MM.matcher(text);
    while (m.find()) {
      double v = Double.parseDouble(m.group(1));
      sizes.add(m.group(2).equalsIgnoreCase("cm") ? v * 10 : v);
    }
    return sizes;
  }

  private static final Pattern SENTENCE_BREAK = Pattern.compile("[.;\\n]\\s");

  /**
   * Whether the impression clause at {@code at}, where {@code word} covers, is about another item
   * of the findings: it gives a size this finding's sentence does not have and another findings
   * sentence gives with that word ("4 mm bladder dome polyp" is the dome's 4 mm polyp, not the 15
   * mm wall lesion; a size of another structure, "CBD: 4 mm", is no such item). Only a finding with
   * a size of its own is told apart this way.
   */
  static boolean clauseOfAnotherItem(
      String findingSentence, String findingsText, String impressionSentence, int at, String word) {
    Set<Double> said = sizesIn(clauseAt(impressionSentence, at));
    Set<Double> own = sizesIn(findingSentence);
    // a finding without a size of its own (the thrombus lining a measured aneurysm sac) is told
    // apart by its words, not by a size
    if (said.isEmpty() || own.isEmpty() || said.stream().anyMatch(own::contains)) {
      return false;
    }
    String stem = stem5(word);
    for (String other : SENTENCE_BREAK.split(findingsText.replace(findingSentence, " . "))) {
      if (other.toLowerCase(Locale.ROOT).contains(stem)
          && sizesIn(other).stream().anyMatch(said::contains)) {
        return true;
      }
    }
    return false;
  }

  /** A collection or abscess head: a complication of the inflammation it lies beside. */
  private static final Pattern COLLECTION_HEAD =
      Pattern.compile(
          "\\b(?:abscess\\w*|collections?|phlegmon\\w*|empyema\\w*|pyo\\w+)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * Whether a cover word is the inflamed organ's diagnosis ("appendicitis", "cholecystitis") said
   * for a collection beside it: the uncomplicated disease does not report its abscess (as round 32
   * for the concept table's complications).
   */
  static boolean diseaseWithoutItsCollection(String head, String coverWord) {
    return COLLECTION_HEAD.matcher(head).find()
        && coverWord.toLowerCase(Locale.ROOT).endsWith("itis");
  }
}
