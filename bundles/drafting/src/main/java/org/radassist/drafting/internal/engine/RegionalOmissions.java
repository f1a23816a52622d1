package org.radassist.drafting.internal.engine;

import java.util.List;
import java.util.Locale;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.radassist.model.Flag;

/**
 * Round 30b (helper "om12"): significant findings outside the chest, by body region, that the
 * chest-centred concept table has no name for. Each concept is the clinical finding, found by its
 * diagnosis names and by the signs that make it up (a fracture by its lucent line, acute
 * cholecystitis by its sonographic signs, hydrocephalus by enlarged ventricles with transependymal
 * oedema, a carotid stenosis by its NASCET degree), and is covered by an impression sentence that
 * names it or its grouped terms, unnegated. A finding denied, said old / healed / chronic / known
 * or stable, or given as history is none.
 */
final class RegionalOmissions {
  private RegionalOmissions() {}

  private static final int FLAGS = Pattern.CASE_INSENSITIVE;

  /** One concept: where the findings assert it, and what covers it in the impression. */
  private record Concept(
      String display,
      Pattern finding,
      Pattern covers,
      BiPredicate<Report, String> applies,
      Covers coveredBy,
      boolean graded) {
    Concept(
        String display,
        Pattern finding,
        Pattern covers,
        BiPredicate<Report, String> applies,
        Covers coveredBy) {
      this(display, finding, covers, applies, coveredBy, false);
    }
  }

  /** A grade that makes hydrocephalus or a midline shift background ("mild hydrocephalus"). */
  private static final Pattern MILD_BEFORE =
      Pattern.compile(
          "\\b(?:mild|mildly|minimal|slight|subtle|minor|borderline|trace|early|\\d(?:\\.\\d)?\\s*mm)\\s+"
              + "(?:[\\w-]+\\s+)?$",
          FLAGS);

  /** Whether an impression sentence naming the concept's words covers this finding. */
  @FunctionalInterface
  private interface Covers {
    boolean test(String finding, String impressionSentence, String findings);
  }

  /**
   * Prominent ventricles with periventricular low density in a sentence about volume loss or small
   * vessel disease are the brain's age, not hydrocephalus (unless it says hydrocephalus or
   * transependymal).
   */
  private static final Pattern ATROPHY =
      Pattern.compile(
          "\\b(?:atroph\\w*|volume\\s+loss|involution\\w*|age[- ]related|age[- ]appropriate"
              + "|small\\s+vessel|microangiopath\\w*|leukoaraiosis|ex\\s+vacuo|white\\s+matter\\s+disease)\\b",
          FLAGS);

  private static final Pattern SAID_HYDROCEPHALUS =
      Pattern.compile("\\b(?:hydrocephal\\w*|transependymal)", FLAGS);

  private static BiPredicate<Report, String> notAtrophy() {
    return (r, s) -> SAID_HYDROCEPHALUS.matcher(s).find() || !ATROPHY.matcher(s).find();
  }

  private static BiPredicate<Report, String> always() {
    return (r, s) -> true;
  }

  private static Covers anyCover() {
    return (finding, impressionSentence, findings) -> true;
  }

  /** Named bones, so a fracture is covered only by an impression fracture of that bone. */
  private static final Pattern BONE =
      Pattern.compile(
          "\\b(scaphoid|lunate|triquetr\\w*|pisiform|trapezi\\w*|capitate|hamate|metacarp\\w*"
              + "|phalan\\w*|radius|radial|ulna|ulnar|humer\\w*|clavic\\w*|scapul\\w*|acromi\\w*"
              + "|olecranon|femur|femoral|patell\\w*|tibia\\w*|fibula\\w*|malleol\\w*|talus|talar"
              + "|calcane\\w*|navicular|cuboid|cuneiform|metatars\\w*|pelvi\\w*|acetabul\\w*"
              + "|pubic|ischi\\w*|ilium|iliac|sacr\\w*|coccy\\w*|vertebra\\w*|rib|ribs|sternum"
              + "|sternal|skull|mandib\\w*|maxill\\w*|orbit\\w*|zygom\\w*|nasal)\\b",
          FLAGS);

  private static final String FRACTURE_SIGN =
      "(?:fractur\\w*|(?:lucent|lucency|radiolucent)\\s+(?:line|band|cleft)"
          + "|cortical\\s+(?:break|step(?:[- ]off)?|buckl\\w*)|buckle\\s+deformity"
          + "|torus\\s+(?:fracture|deformity)|avulsion\\s+fragment)";

  private static final Pattern FRACTURE_WORDS =
      // round 32 (om15): with the shorthand "#" and "fx"
      Pattern.compile(
          "\\b(?:fractur\\w*|broken|break|avulsion|injury|injuries|flail|fx)\\b|#", FLAGS);

  /** A region's name covers its bones' fractures ("Right pelvic fractures." for the acetabulum). */
  private static final List<List<String>> REGIONS =
      List.of(
          List.of("pelv", "acet", "pubi", "isch", "iliu", "ilia", "sacr", "cocc"),
          List.of("spin", "vert", "sacr", "cocc"),
          List.of(
              "wris", "scap" + "h", "luna", "triq", "pisi", "trap", "capi", "hama", "radi", "ulna"),
          List.of("hand", "meta", "phal", "scap" + "h"),
          List.of("ankl", "mall", "talu", "tala", "fibu", "tibi"),
          List.of("foot", "meta", "phal", "calc", "navi", "cubo", "cune", "talu"),
          List.of("skul", "orbi", "zygo", "maxi", "mand", "nasa"),
          List.of("ches", "rib", "ster"));

  /** The same bone (or no bone at all: "Fracture as described.") in the impression's sentence. */
  private static boolean sameBone(String finding, String impressionSentence, String findings) {
    String f = finding.toLowerCase(Locale.ROOT);
    String t = impressionSentence.toLowerCase(Locale.ROOT);
    for (List<String> region : REGIONS) {
      String name = region.get(0);
      if (Pattern.compile("\\b" + name).matcher(t).find()
          && region.stream().skip(1).anyMatch(bone -> f.contains(bone))) {
        return true;
      }
    }
    Matcher b = BONE.matcher(impressionSentence);
    if (!b.find()) {
      return true;
    }
    b.reset();
    while (b.find()) {
      if (f.contains(stem(b.group(1)))) {
        return true;
      }
    }
    return false;
  }

  /** A bone word's stem: "radial" and "radius", "femoral" and "femur" name one bone. */
  private static String stem(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    if (w.startsWith("fem")) {
      return "fem";
    }
    int n = w.startsWith("scap") ? 5 : 4;
    return w.length() > n ? w.substring(0, n) : w;
  }

  private static final Pattern SIDE = Pattern.compile("\\b(right|left|bilateral)\\b", FLAGS);

  private static String sideOf(String text) {
    Matcher m = SIDE.matcher(text);
    return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : "";
  }

  /**
   * An impression sentence on the finding's side (or either unsided, or bilateral). One on the
   * other side covers it too when the findings never name that other side: then it is the same
   * finding with its side mistaken (LATERALITY_MISMATCH's question), not another one.
   */
  private static boolean sameSide(String finding, String impressionSentence, String findings) {
    String f = sideOf(finding);
    String i = sideOf(impressionSentence);
    return f.isEmpty()
        || i.isEmpty()
        || f.equals(i)
        || i.equals("bilateral")
        || !Pattern.compile("\\b" + i + "\\b", FLAGS).matcher(findings).find();
  }

  /** An impression stenosis that is not itself graded below the finding's severe degree. */
  private static final Pattern LOW_GRADE =
      Pattern.compile(
          "(?:<|less than|under|below)\\s*\\d{1,2}\\s*%|\\b(?:mild|minimal|moderate|\\d{1,2}\\s*-\\s*69)\\b",
          FLAGS);

  private static final Pattern HIGH_GRADE_SAID =
      Pattern.compile(
          "\\b(?:severe|high[- ]grade|critical|tight|occlu\\w*|[7-9]\\d)\\b|\\b[7-9]\\d\\s*%",
          FLAGS);

  private static boolean severeStenosisCovered(
      String finding, String impressionSentence, String findings) {
    // a severe grade on the other side is the same stenosis misplaced (LATERALITY_MISMATCH's); a
    // low grade on the other side is the other artery's
    return HIGH_GRADE_SAID.matcher(impressionSentence).find()
        || sameSide(finding, impressionSentence, findings)
            && !LOW_GRADE.matcher(impressionSentence).find();
  }

  /** A deep vein above the knee: its thrombus is covered only by a proximal one or "DVT". */
  private static final Pattern PROXIMAL_VEIN =
      Pattern.compile(
          "\\b(?:femoral|popliteal|iliac|profunda|cava|ivc|subclavian|axillary|brachiocephalic"
              + "|jugular|proximal|above[- ]knee)\\b",
          FLAGS);

  private static final Pattern DISTAL_ONLY =
      Pattern.compile("\\b(?:calf|peroneal|tibial|gastrocnemius|soleal|muscular|distal)\\b", FLAGS);

  private static boolean proximalThrombusCovered(
      String finding, String impressionSentence, String findings) {
    // its side is LATERALITY_MISMATCH's question; its extent is this one's
    return PROXIMAL_VEIN.matcher(impressionSentence).find()
        || !DISTAL_ONLY.matcher(impressionSentence).find();
  }

  /**
   * Round 32 (om15): a complication the sentence gives as managed or past ("perforated appendicitis
   * managed conservatively", "repaired perforation"): history, not today's finding.
   */
  private static final Pattern TREATED_COMPLICATION =
      Pattern.compile(
          "\\b(?:managed|treated|conservativ\\w*|repair\\w*|oversewn|resolv\\w*|drained|healed"
              + "|prior|previous\\w*|history|post-?op\\w*|status\\s+post|s/p)\\b",
          FLAGS);

  /** A fistula made for dialysis access, not a complication. */
  private static final Pattern ACCESS_FISTULA =
      Pattern.compile(
          "\\b(?:arterio-?venous|av|avf|dialysis|access|brachio\\w*|radiocephalic|graft)\\b",
          FLAGS);

  /** Round 32 (om15): a stenosis its grade word calls high-grade. */
  private static final String SEVERE_STENOSIS =
      "(?:severe|critical|high[- ]grade|tight|flow[- ]limiting|pre-?occlusive"
          + "|ha?emodynamically\\s+significant)\\s+(?:[\\w-]+\\s+){0,2}?(?:stenos[ie]s|narrowing)\\b";

  private static final String VESSEL =
      "(?:ica|internal carotid|carotid|cca|common carotid|vertebral|basilar|mca|aca|pca"
          + "|middle cerebral|subclavian|renal artery|sma|superior mesenteric|coeliac|celiac"
          + "|iliac|femoral|sfa|popliteal|tibial|brachial)";

  /** The postmenopausal endometrium past its threshold (SRU: > 4 mm with bleeding, else 11 mm). */
  private static final Pattern ENDOMETRIUM_MM =
      Pattern.compile(
          "\\bendometri(?:um|al)\\b(?:[\\w\\s,-]{0,40}?)\\b(\\d{1,2}(?:\\.\\d)?)\\s*mm\\b", FLAGS);

  private static final Pattern POSTMENOPAUSAL =
      Pattern.compile("\\bpost[- ]?menopaus\\w*|\\bpmb\\b", FLAGS);

  private static final Pattern BLEEDING =
      Pattern.compile("\\b(?:bleed\\w*|pmb|spotting|haemorrhage|hemorrhage)\\b", FLAGS);

  private static boolean postmenopausal(Report report) {
    Integer age = report.request.patient().ageYears();
    return POSTMENOPAUSAL.matcher(report.contextText()).find() || age != null && age >= 55;
  }

  private static BiPredicate<Report, String> endometriumPastThreshold() {
    return (report, sentence) -> {
      if (!postmenopausal(report)) {
        return false;
      }
      Matcher m = ENDOMETRIUM_MM.matcher(sentence);
      if (!m.find()) {
        return true; // said thickened in words
      }
      double mm = Double.parseDouble(m.group(1));
      return mm >= (BLEEDING.matcher(report.contextText()).find() ? 5 : 11);
    };
  }

  /** Acute cholecystitis by its signs: three of these, or two with a positive Murphy sign. */
  private static final List<Pattern> GALLBLADDER_SIGNS =
      List.of(
          Pattern.compile(
              "\\bpericholecystic\\s+(?:fluid|collection|oedema|edema|stranding)", FLAGS),
          Pattern.compile(
              "(?<!negative\\s)(?<!no\\s)\\b(?:positive\\s+(?:sonographic\\s+)?murphy|murphy'?s?\\s+sign\\s+(?:is\\s+)?positive)",
              FLAGS),
          Pattern.compile(
              "\\bwall\\s+(?:thickening|thickened|oedema|edema|\\d+(?:\\.\\d)?\\s*mm)|thick(?:ened)?\\s+wall",
              FLAGS),
          Pattern.compile("\\b(?:impacted|lodged)\\b", FLAGS),
          Pattern.compile("\\bdistended\\b", FLAGS));

  private static final Pattern WALL_MM =
      Pattern.compile("\\bwall\\s+(\\d+(?:\\.\\d)?)\\s*mm", FLAGS);

  /** A sign said, not denied ("no pericholecystic fluid"), a wall of 3 mm or more if measured. */
  private static boolean signSaid(Pattern sign, String sentence) {
    Matcher m = sign.matcher(sentence);
    while (m.find()) {
      String before = sentence.substring(Math.max(0, m.start() - 60), m.start());
      Matcher mm = WALL_MM.matcher(m.group());
      if (DENIED_BEFORE.matcher(before).find()
          || mm.find() && Double.parseDouble(mm.group(1)) < 3) {
        continue;
      }
      return true;
    }
    return false;
  }

  private static BiPredicate<Report, String> cholecystitisSigns() {
    return (report, sentence) -> {
      int n = 0;
      for (Pattern p : GALLBLADDER_SIGNS) {
        n += signSaid(p, sentence) ? 1 : 0;
      }
      // wall thickening with pericholecystic fluid alone is also cirrhosis' or heart failure's
      return n >= 3 || n >= 2 && signSaid(GALLBLADDER_SIGNS.get(1), sentence);
    };
  }

  // Round 31 (om13): concepts a radiologist acts on, read from their signs and descriptions.

  /** A bowel segment (not the bladder, the gallbladder or a sinus antrum). */
  private static final Pattern BOWEL =
      Pattern.compile(
          "\\b(?:colon\\w*|caec\\w*|cec(?:um|al)|rect(?:um|al)|rectosigmoid\\w*|sigmoid|bowel|ileum"
              + "|ileal|jejun\\w*|duoden\\w*|stomach|gastric|oesophag\\w*|esophag\\w*|flexure"
              + "|small\\s+intestin\\w*)\\b",
          FLAGS);

  /** What makes bowel-wall thickening suspicious for a tumour rather than colitis. */
  private static final Pattern FOCAL_WALL =
      Pattern.compile(
          "\\b(?:focal\\w*|circumferential|irregular\\w*|asymmetric\\w*|eccentric|mass[- ]?like"
              + "|nodular|shoulder\\w*|apple[- ]core|annular|stricturing|polypoid)\\b",
          FLAGS);

  /** Diffuse, collapsed, inflamed or ulcerated bowel: another question (colitis, peptic ulcer). */
  private static final Pattern DIFFUSE_WALL =
      Pattern.compile(
          "\\b(?:diffuse\\w*|long[- ]segment|collapsed|under-?distended|underdistension"
              + "|(?:not|poorly|incompletely|non-?)\\s*distended|contracted|peristal\\w*|colitis"
              + "|enteritis|proctitis|ileitis|inflam\\w*|o?edema\\w*|diverticul\\w*|apparent\\w*"
              + "|pseudo-?thickening|ulcer\\w*|perforat\\w*)\\b",
          FLAGS);

  /** Hilar size said of vessels (pulmonary arteries) or an old calcified hilum is no mass. */
  private static final Pattern VASCULAR_HILUM =
      Pattern.compile(
          "\\b(?:vascular|vessels?|pulmonary\\s+arter\\w*|arterial|pulmonary\\s+hypertension|venous"
              + "|congestion|calcified|calcification\\w*|normal|unchanged|stable)\\b",
          FLAGS);

  /** Benign bone lesions whose words may sit beside "lytic" (non-ossifying fibroma ...). */
  private static final Pattern BENIGN_BONE =
      Pattern.compile(
          "\\b(?:benign|fibroma|non-?ossifying|fibrous\\s+cortical\\s+defect|bone\\s+cyst"
              + "|enchondroma|ha?emangioma|bone\\s+island|geode|subchondral\\s+cyst|schmorl\\w*)\\b",
          FLAGS);

  /** Brain parenchyma, where restricted diffusion is an acute infarct's sign. */
  private static final Pattern BRAIN =
      Pattern.compile(
          "\\b(?:cortex|cortical|gyr\\w*|frontal|parietal|temporal|occipital|insula\\w*"
              + "|territory|basal\\s+ganglia|thalam\\w*|cerebell\\w*|pons|pontine|medulla|midbrain"
              + "|white\\s+matter|corona\\s+radiata|centrum|(?:internal|external)\\s+capsule|caudate|lentiform|putamen"
              + "|hemispher\\w*|periventricular|brain\\w*|splenium|corpus\\s+callosum)\\b",
          FLAGS);

  private static final Pattern RESTRICTED_DIFFUSION =
      Pattern.compile(
          "\\b(?:restrict\\w*\\s+diffusion|diffusion\\s+restrict\\w*|restriction\\s+of\\s+diffusion)\\b",
          FLAGS);

  /** Chronic small vessel change reports no acute infarct. */
  private static final Pattern CHRONIC_ISCHAEMIA =
      Pattern.compile(
          "\\b(?:small\\s+vessel|chronic|old|remote|microangiopath\\w*|leukoaraiosis)\\b", FLAGS);

  private static final Pattern ACUTE_ISCHAEMIA =
      Pattern.compile(
          "\\b(?:acute|new|early|evolving|hyperacute|subacute|aspects|occlu\\w*|thromb\\w*"
              + "|embol\\w*)\\b",
          FLAGS);

  private static final List<Concept> CONCEPTS =
      List.of(
          // MSK
          new Concept(
              "Fracture",
              Pattern.compile(
                  "\\b"
                      + FRACTURE_SIGN
                      + "\\b[^.;]{0,40}?\\b(?:of|through|across|in|at|involving)\\s+(?:the\\s+)?"
                      + "(?:[\\w-]+\\s+){0,3}?"
                      + BONE.pattern()
                      + "|"
                      + BONE.pattern()
                      + "(?:\\s+[\\w-]+){0,3}?\\s+"
                      + FRACTURE_SIGN
                      + "\\b",
                  FLAGS),
              FRACTURE_WORDS,
              always(),
              RegionalOmissions::sameBone),
          new Concept(
              "Dislocation",
              Pattern.compile("\\b(?:dislocation|dislocated|fracture[- ]dislocation)\\b", FLAGS),
              Pattern.compile("\\b(?:dislocat\\w*|subluxat\\w*)", FLAGS),
              always(),
              anyCover()),
          new Concept(
              "Full-thickness tendon tear",
              Pattern.compile(
                  "\\b(?:full[- ]thickness|complete|transmural)(?:[\\s,-]+(?:full[- ]width|[\\w-]+)){0,3}?"
                      + "\\s+(?:tear|rupture)\\b|\\b(?:tendon|tendons)\\s+(?:is\\s+|are\\s+)?"
                      + "(?:ruptured|torn|completely torn)\\b|\\bruptured\\s+(?:[\\w-]+\\s+)?tendon\\b",
                  FLAGS),
              Pattern.compile("\\b(?:tear|tears|torn|rupture\\w*|disrupt\\w*)\\b", FLAGS),
              always(),
              anyCover()),
          new Concept(
              "Meniscal or ligament tear",
              Pattern.compile(
                  "\\bbucket[- ]handle\\b|\\b(?:meniscal|meniscus|menisci|labral|labrum|acl|pcl"
                      + "|cruciate|collateral|ligament|tfcc|scapholunate)\\b(?:\\s+[\\w-]+){0,4}?"
                      + "\\s+(?:tear|torn|rupture|ruptured|disrupted)\\b"
                      + "|\\b(?:tear|rupture)\\s+of\\s+the\\s+(?:[\\w-]+\\s+){0,3}?"
                      + "(?:meniscus|labrum|acl|pcl|cruciate|collateral|ligament)\\b",
                  FLAGS),
              Pattern.compile("\\b(?:tear|tears|torn|rupture\\w*|bucket[- ]handle)\\b", FLAGS),
              always(),
              anyCover()),
          // neuro
          new Concept(
              "Hydrocephalus",
              Pattern.compile(
                  "\\bhydrocephal\\w*|\\b(?:ventric\\w*|ventriculomegaly)\\b[^.;]{0,80}?"
                      + "\\b(?:transependymal|periventricular\\s+(?:low\\s+density|lucency|hypodensity"
                      + "|oedema|edema|csf)|effaced\\s+sulci|sulcal\\s+effacement"
                      + "|out\\s+of\\s+proportion)"
                      + "|\\btransependymal\\s+(?:oedema|edema|flow|csf|resorption|seepage)",
                  FLAGS),
              Pattern.compile(
                  "\\b(?:hydrocephal\\w*|ventric\\w*|ventriculomegaly|shunt|csf|aqueduct\\w*"
                      + "|obstruct\\w*|nph"
                      // its cause reported: a haemorrhage or a mass (h13-cr-03, h26-cr-03)
                      + "|ha?emorrhage|sah|sdh|ivh|bleed\\w*|mass|tumou?r|cyst|lesion|metasta\\w*)\\b",
                  FLAGS),
              notAtrophy(),
              anyCover(),
              true),
          new Concept(
              "Midline shift / brain herniation",
              Pattern.compile(
                  "\\bmidline\\s+shift\\b|\\b(?:subfalcine|subfalcial|uncal|transtentorial"
                      + "|tonsillar|transalar|downward|descending)\\s+herniation\\b",
                  FLAGS),
              Pattern.compile(
                  "\\b(?:shift|herniation|mass effect|ha?emorrhage|ha?ematoma|sdh|edh|sah|bleed\\w*"
                      + "|mass|tumou?r|lesion|metasta\\w*|infarct\\w*|stroke|abscess|contusion"
                      + "|o?edema|glio\\w*|hydrocephal\\w*|collection)\\b",
                  FLAGS),
              always(),
              anyCover(),
              true),
          // vascular
          new Concept(
              "High-grade arterial stenosis",
              Pattern.compile(
                  "\\b"
                      + VESSEL
                      // round 32 (om15): a decimal ("ICA/CCA ratio 4.6") does not end the clause
                      + "\\b(?:[^.;]|\\.(?=\\d)){0,80}?\\b(?:[7-9]\\d|100)\\s*(?:-\\s*\\d{2,3}\\s*)?%"
                      // round 32 (om15): a stenosis graded in words, before or after its vessel
                      + "|\\b"
                      + SEVERE_STENOSIS
                      + "[^.;]{0,40}?\\b"
                      + VESSEL
                      + "\\b|\\b"
                      + VESSEL
                      + "\\b[^.;]{0,40}?\\b"
                      + SEVERE_STENOSIS
                      + "|\\b(?:[7-9]\\d)\\s*(?:-\\s*\\d{2,3}\\s*)?%\\s*(?:nascet\\s+)?"
                      + "(?:stenosis|narrowing)\\b[^.;]{0,40}?\\b"
                      + VESSEL
                      + "\\b|\\b"
                      + VESSEL
                      + "\\b[^.;]{0,40}?\\b(?:occluded|occlusion)\\b",
                  FLAGS),
              Pattern.compile("\\b(?:stenos\\w*|narrow\\w*|occlu\\w*|nascet)\\b", FLAGS),
              (report, sentence) ->
                  Pattern.compile("\\b(?:stenos\\w*|narrow\\w*|occlu\\w*)", FLAGS)
                      .matcher(sentence)
                      .find(),
              RegionalOmissions::severeStenosisCovered),
          new Concept(
              "Proximal deep vein thrombosis",
              Pattern.compile(
                  "\\b(?:thromb\\w*|clot)\\b[^.;]{0,50}?\\b(?:common\\s+femoral|femoral|popliteal"
                      + "|iliac|profunda)\\s+veins?\\b"
                      + "|\\b(?:common\\s+femoral|femoral|popliteal|iliac)\\s+veins?\\s+"
                      + "(?:is\\s+|are\\s+)?(?:thrombosed|non-?compressible|occluded)\\b",
                  FLAGS),
              Pattern.compile("\\b(?:thromb\\w*|dvt|clot)\\b", FLAGS),
              always(),
              RegionalOmissions::proximalThrombusCovered),
          // abdomen
          new Concept(
              "Acute cholecystitis",
              Pattern.compile("\\bgallbladder\\b", FLAGS),
              Pattern.compile("\\b(?:cholecystitis|gallbladder|cholecyst\\w*)\\b", FLAGS),
              cholecystitisSigns(),
              anyCover()),
          new Concept(
              "Acute cholecystitis",
              Pattern.compile("\\bcholecystitis\\b", FLAGS),
              Pattern.compile("\\b(?:cholecystitis|gallbladder|cholecyst\\w*)\\b", FLAGS),
              always(),
              anyCover()),
          new Concept(
              "Solid organ injury",
              Pattern.compile(
                  "\\b(?:splenic|spleen|hepatic|liver|renal|kidney|pancreatic)\\s+"
                      + "(?:laceration|lacerations|rupture|fracture|contusion)\\b"
                      + "|\\blaceration\\s+of\\s+the\\s+(?:\\w+\\s+)?(?:spleen|liver|kidney|pancreas)\\b"
                      + "|\\bha?emoperitoneum\\b|\\bperisplenic\\s+(?:ha?ematoma|blood|ha?emorrhage)\\b",
                  FLAGS),
              Pattern.compile(
                  "\\b(?:laceration\\w*|injur\\w*|rupture\\w*|ha?emoperitoneum|ha?ematoma|contusion"
                      + "|bleed\\w*|ha?emorrhage|extravasation|aast)\\b",
                  FLAGS),
              always(),
              anyCover()),
          new Concept(
              "Intussusception",
              Pattern.compile("\\bintussuscept\\w*", FLAGS),
              Pattern.compile("\\bintussuscept\\w*", FLAGS),
              always(),
              anyCover()),
          new Concept(
              "Volvulus",
              Pattern.compile("\\bvolvulus\\b|\\bwhirl(?:pool)?\\s+sign\\b", FLAGS),
              Pattern.compile("\\b(?:volvulus|torsion|twist\\w*|whirl\\w*|obstruct\\w*)\\b", FLAGS),
              always(),
              anyCover()),
          new Concept(
              "Bowel ischaemia",
              Pattern.compile(
                  "\\b(?:bowel|mesenteric|intestinal|colonic|small\\s+bowel)\\s+isch(?:a)?emi\\w*"
                      + "|\\bischemic\\s+(?:bowel|colitis|enteritis)\\b|\\bischaemic\\s+(?:bowel|colitis)\\b"
                      + "|\\bnon-?enhancing\\s+(?:small\\s+)?bowel\\b",
                  FLAGS),
              Pattern.compile("\\b(?:isch\\w*|infarct\\w*|necro\\w*|gangren\\w*)\\b", FLAGS),
              always(),
              anyCover()),
          // round 32 (om15): a complication that changes management is not covered by the
          // uncomplicated diagnosis ("Acute cholecystitis" for a perforated gallbladder)
          new Concept(
              "Perforation or gangrene",
              Pattern.compile(
                  "\\b(?:perforat(?:ed|ion)|gangren\\w*|emphysematous\\s+(?:cholecystitis|pyelonephritis"
                      + "|cystitis|gastritis))\\b",
                  FLAGS),
              Pattern.compile(
                  "\\b(?:perforat\\w*|ruptur\\w*|gangren\\w*|emphysematous|free\\s+(?:air|gas)"
                      + "|pneumoperitoneum|leak\\w*|complicated|necro\\w*)\\b",
                  FLAGS),
              (report, sentence) -> !TREATED_COMPLICATION.matcher(sentence).find(),
              anyCover()),
          new Concept(
              "Fistula",
              Pattern.compile("\\bfistula(?:e|s)?\\b", FLAGS),
              // round 35 (om21): "penetrating" disease is the fistulising phenotype (Montreal B3)
              Pattern.compile("\\b(?:fistul\\w*|complicated|penetrating)\\b", FLAGS),
              (report, sentence) ->
                  !TREATED_COMPLICATION.matcher(sentence).find()
                      && !ACCESS_FISTULA.matcher(sentence).find(),
              anyCover()),
          new Concept(
              "Necrosis",
              Pattern.compile(
                  "\\b(?:(?:pancreatic|peripancreatic|parenchymal|walled-?off)\\s+necrosis"
                      + "|necroti[sz]ing\\s+(?:pancreatitis|fasciitis|enterocolitis|pneumonia))\\b",
                  FLAGS),
              Pattern.compile("\\b(?:necro\\w*|walled-?off|won|complicated)\\b", FLAGS),
              (report, sentence) -> !TREATED_COMPLICATION.matcher(sentence).find(),
              anyCover()),
          new Concept(
              "Pseudoaneurysm",
              Pattern.compile("\\bpseudo-?\\s?aneurysm\\w*", FLAGS),
              Pattern.compile("\\b(?:pseudo-?\\s?)?aneurysm\\w*", FLAGS),
              (report, sentence) -> !TREATED_COMPLICATION.matcher(sentence).find(),
              anyCover()),
          new Concept(
              "Pancreatitis",
              Pattern.compile(
                  "\\bpancreatitis\\b|\\bperipancreatic\\s+(?:fat\\s+)?(?:stranding|inflammat\\w*"
                      + "|fluid|collection|oedema|edema)\\b",
                  FLAGS),
              Pattern.compile("\\bpancrea\\w*", FLAGS),
              always(),
              anyCover()),
          new Concept(
              "Diverticulitis",
              Pattern.compile(
                  "\\bdiverticulitis\\b|\\binflamed\\s+diverticul\\w*|\\bpericolic\\s+(?:fat\\s+)?"
                      + "(?:stranding|inflammat\\w*|abscess|collection)",
                  FLAGS),
              Pattern.compile("\\b(?:diverticul\\w*|colitis|inflam\\w*)", FLAGS),
              always(),
              anyCover()),
          new Concept(
              "Organ wall mass",
              Pattern.compile(
                  "\\b(?:mass(?!\\s+effect)|tumou?r|polypoid\\s+lesion|soft[- ]tissue\\s+lesion)\\b[^.;]{0,30}?"
                      + "\\b(?:along|in|of|within|from|arising\\s+from|involving)\\s+the\\s+"
                      + "(?:\\w+\\s+){0,2}?(?:bladder|caecum|cecum|colon|rectum|sigmoid|stomach"
                      + "|gastric|duodenum|oesophagus|esophagus)(?:\\s+wall)?\\b"
                      + "|\\b(?:bladder|caecal|cecal|colonic|rectal|gastric|duodenal|oesophageal"
                      + "|esophageal)\\s+(?:wall\\s+)?(?:mass|tumou?r)\\b",
                  FLAGS),
              Pattern.compile(
                  "\\b(?:mass|tumou?r|neoplas\\w*|malignan\\w*|carcinoma|cancer|polyp\\w*|lesion"
                      + "|bladder|colon\\w*|rectal|rectum|gastric|stomach|caec\\w*|cec\\w*"
                      + "|sigmoid|duoden\\w*|oesophag\\w*|esophag\\w*)\\b",
                  FLAGS),
              always(),
              anyCover()),
          // gynaecology / urology
          new Concept(
              "Endometrial thickening",
              Pattern.compile(
                  "\\bendometri(?:um|al)\\b[\\w\\s,-]{0,30}?\\b(?:thickened|thickening|measur\\w*"
                      + "|\\d{1,2}(?:\\.\\d)?\\s*mm)\\b|\\bthickened\\s+endometri\\w*",
                  FLAGS),
              Pattern.compile("\\bendometri\\w*", FLAGS),
              endometriumPastThreshold(),
              anyCover()),
          new Concept(
              "Torsion",
              Pattern.compile(
                  "\\b(?:ovarian|adnexal|testicular|spermatic\\s+cord)\\s+torsion\\b"
                      + "|\\btorsion\\s+of\\s+the\\s+(?:\\w+\\s+)?(?:ovary|adnexa|testis|testicle"
                      + "|spermatic\\s+cord)\\b|\\btorsed\\b",
                  FLAGS),
              Pattern.compile("\\b(?:torsion|torsed|twist\\w*)\\b", FLAGS),
              always(),
              anyCover()),
          // Round 31 (om13): biliary dilatation by words or by a common duct of 10 mm or more
          new Concept(
              "Biliary dilatation",
              Pattern.compile(
                  "\\b(?:biliary|bile\\s+ducts?|cbd|common\\s+duct|(?:intra|extra)-?hepatic\\s+(?:bile\\s+)?ducts?)"
                      + "\\s+(?:ductal\\s+)?(?:dilatation|dilation)\\b"
                      + "|\\bdilat(?:ed|ation|ion)\\s+(?:of\\s+the\\s+)?(?:[\\w-]+\\s+){0,4}?"
                      + "(?:bile\\s+ducts?|biliary\\s+(?:tree|ducts?|radicles|system)"
                      + "|common\\s+(?:bile\\s+)?duct|cbd|(?:intra-?)?hepatic\\s+ducts?)\\b"
                      + "|\\b(?:bile\\s+ducts?|biliary\\s+(?:tree|ducts?)|cbd|common\\s+(?:bile\\s+)?duct"
                      + "|intrahepatic\\s+ducts?)\\s+(?:is\\s+|are\\s+|appears?\\s+)?(?:markedly\\s+"
                      + "|moderately\\s+|severely\\s+)?dilated\\b"
                      + "|\\b(?:cbd|common\\s+bile\\s+duct|common\\s+duct|bile\\s+duct)\\b[^.;\\d]{0,25}?"
                      + "(?:\\b(?:1\\d|[2-9]\\d)(?:\\.\\d)?\\s*mm|\\b(?:1\\.\\d|[2-9](?:\\.\\d)?)\\s*cm)\\b",
                  FLAGS),
              Pattern.compile(
                  "\\b(?:duct\\w*|biliary|bile|cbd|choledoch\\w*|cholangi\\w*|mrcp|ercp|ampull\\w*"
                      + "|periampullary|jaundice|pancreatic\\s+head)\\b",
                  FLAGS),
              (report, sentence) ->
                  !Pattern.compile(
                          "\\bcholecystectom\\w*|\\bstent\\w*|\\b(?:wharton\\w*|stensen\\w*|salivary"
                              + "|submandibular|parotid|pancreatic\\s+duct|wirsung|lacrimal|thoracic\\s+duct)\\b",
                          FLAGS)
                      .matcher(sentence)
                      .find(),
              anyCover(),
              true),
          // suspicious (focal, shouldered, apple-core, mass-like) bowel-wall thickening
          new Concept(
              "Focal bowel wall thickening",
              Pattern.compile(
                  "\\b(?:thickening|thickened|apple[- ]core|shouldered|shouldering"
                      + "|annular\\s+(?:lesion|constriction|narrowing))\\b",
                  FLAGS),
              Pattern.compile(
                  "\\b(?:thicken\\w*|mass(?!\\s+effect)|tumou?r|neoplas\\w*|malignan\\w*|carcinoma"
                      + "|cancer|lesion|stricture|ulcer\\w*|perforat\\w*|apple[- ]core|colonoscopy|endoscopy|ogd|colon\\w*"
                      + "|caec\\w*|cec(?:um|al)|rect(?:um|al)|sigmoid|gastric|stomach|duoden\\w*"
                      + "|oesophag\\w*|esophag\\w*|ileum|ileal|jejun\\w*)\\b",
                  FLAGS),
              (report, sentence) ->
                  BOWEL.matcher(sentence).find()
                      && FOCAL_WALL.matcher(sentence).find()
                      && !DIFFUSE_WALL.matcher(sentence).find(),
              anyCover()),
          // an enlarged, bulky or lobulated hilum or a hilar mass (a radiograph's central tumour)
          new Concept(
              "Hilar enlargement",
              Pattern.compile(
                  "\\bhil(?:um|a|ar)\\b(?:\\s+[\\w-]+){0,3}?\\s+(?:is\\s+|are\\s+|appears?\\s+)?"
                      + "(?:enlarged|bulky|lobulated|expanded)\\b"
                      + "|\\b(?:enlarged|bulky|lobulated|expanded)\\s+(?:(?:right|left)\\s+)?hil(?:um|a|ar)\\b"
                      + "|\\bhilar\\s+(?:mass|masses|enlargement)\\b"
                      + "|\\benlargement\\s+of\\s+the\\s+(?:\\w+\\s+){0,2}?hil(?:um|a|ar)\\b",
                  FLAGS),
              Pattern.compile(
                  "\\bhil(?:um|a|ar)\\b|\\b(?:mass(?!\\s+effect)|neoplas\\w*|malignan\\w*|carcinoma"
                      + "|cancer|tumou?r|lymphadenopathy|adenopathy|nodes?|lymphoma|sarcoid\\w*)\\b",
                  FLAGS),
              (report, sentence) ->
                  !VASCULAR_HILUM.matcher(sentence).find()
                      && !Pattern.compile("\\b(?:lymph|nodes?|nodal|adenopathy)\\b", FLAGS)
                          .matcher(sentence)
                          .find(),
              anyCover()),
          // intracranial extra-axial and sellar masses (macroadenoma, meningioma, schwannoma ...)
          new Concept(
              "Intracranial extra-axial or sellar mass",
              Pattern.compile(
                  "\\b(?:macroadenoma|meningioma\\w*|schwannoma\\w*|craniopharyngioma\\w*|chordoma"
                      + "|pituitary\\s+(?:mass|tumou?r|adenoma|lesion)"
                      + "|(?:sellar|suprasellar|parasellar|extra-?axial|dural[- ]based"
                      + "|cerebellopontine\\s+angle|cpa|skull\\s+base|clival|parafalcine|convexity)"
                      + "\\s+(?:[\\w-]+\\s+){0,2}?(?:mass|tumou?r|lesion)"
                      + "|(?:mass(?!\\s+effect)|tumou?r)\\b[^.;]{0,40}?\\b(?:sella|sellar|suprasellar"
                      + "|cerebellopontine\\s+angle|internal\\s+auditory\\s+canal|extra-?axial|dural[- ]based))\\b",
                  FLAGS),
              Pattern.compile(
                  "\\b(?:mass(?!\\s+effect)|tumou?r|lesion|neoplas\\w*|adenoma|macroadenoma|meningioma\\w*"
                      + "|schwannoma\\w*|craniopharyngioma\\w*|chordoma|pituitar\\w*|sella\\w*|suprasellar"
                      + "|extra-?axial|cpa|cerebellopontine|acoustic|vestibular|chiasm\\w*)\\b",
                  FLAGS),
              // a resected or operated tumour is treatment's question (post-operative check)
              (report, sentence) ->
                  !Pattern.compile(
                          "\\b(?:resect\\w*|craniotomy|craniectomy|excision|excised|post-?op\\w*"
                              + "|operat\\w*|debulk\\w*|surgical\\s+bed|cavity)\\b",
                          FLAGS)
                      .matcher(sentence)
                      .find(),
              anyCover()),
          // aggressive bone lesions: marrow-replacing, lytic, destructive, permeative
          new Concept(
              "Aggressive bone lesion",
              Pattern.compile(
                  "\\bmarrow[- ]replac\\w*|\\breplac(?:es|ed|ing|ement)\\s+(?:of\\s+)?(?:the\\s+)?"
                      + "(?:normal\\s+)?(?:fatty\\s+)?(?:bone\\s+)?marrow\\b"
                      + "|\\b(?:lytic|osteolytic|destructive|permeative|moth[- ]eaten)\\s+(?:[\\w-]+\\s+){0,2}?"
                      + "(?:lesions?|mass|process|focus|foci|metastas\\w*|deposits?|areas?)\\b"
                      + "|\\bcortical\\s+(?:destruction|breach|breakthrough)\\b",
                  FLAGS),
              Pattern.compile(
                  "\\b(?:lesion\\w*|mass(?!\\s+effect)|tumou?r|metasta\\w*|neoplas\\w*|malignan\\w*"
                      + "|myeloma|plasmacytoma|lymphoma|sarcoma|lytic|destructi\\w*|marrow|infiltrat\\w*"
                      + "|deposit\\w*|aggressive|pathologic\\w*)\\b",
                  FLAGS),
              (report, sentence) -> !BENIGN_BONE.matcher(sentence).find(),
              anyCover()),
          // acute ischaemic stroke by its signs, whatever the word "infarct"
          new Concept(
              "Acute ischaemic stroke signs",
              Pattern.compile(
                  "\\bloss\\s+of\\s+(?:the\\s+)?(?:normal\\s+)?(?:(?:left|right)\\s+)?(?:grey|gray)[- ]white"
                      + "(?:\\s+matter)?\\s+(?:differentiation|distinction|junction|interface|definition)\\b"
                      + "|\\bloss\\s+of\\s+(?:the\\s+)?(?:(?:left|right)\\s+)?insular\\s+ribbon\\b"
                      + "|\\binsular\\s+ribbon\\s+sign\\b"
                      + "|\\b(?:hyperdense|dense)\\s+(?:(?:left|right)\\s+)?(?:mca|ica|basilar|middle\\s+cerebral"
                      + "\\s+artery|vessel|artery)(?:\\s+sign)?\\b"
                      + "|\\baspects\\s+(?:score\\s+)?(?:of\\s+|is\\s+|=\\s*|:\\s*)?[0-9](?![\\d.])"
                      + "|"
                      + RESTRICTED_DIFFUSION.pattern(),
                  FLAGS),
              Pattern.compile(
                  "\\b(?:infarct\\w*|stroke|cva|aspects|occlu\\w*|thromb\\w*|embol\\w*|lvo"
                      + "|isch(?:a)?emi\\w*|cytotoxic|territory|hyperdense|penumbra)\\b",
                  FLAGS),
              (report, sentence) ->
                  !RESTRICTED_DIFFUSION.matcher(sentence).find()
                      || BRAIN.matcher(sentence).find()
                          && !Pattern.compile(
                                  "\\b(?:prostat\\w*|pz|tz|peripheral\\s+zone)\\b", FLAGS)
                              .matcher(sentence)
                              .find(),
              (finding, impressionSentence, findings) ->
                  !CHRONIC_ISCHAEMIA.matcher(impressionSentence).find()
                      || ACUTE_ISCHAEMIA.matcher(impressionSentence).find()));

  /** Denied up to four words before: "no", "without", "negative for", "ruled out". */
  private static final Pattern DENIED_BEFORE =
      Pattern.compile(
          "\\b(?:no|not|nil|without|negative\\s+for|nor|free\\s+of|rule\\s+out|r/o|exclude|excluding"
              + "|assess(?:ment)?\\s+for|evaluat\\w*\\s+for|query|suspected|\\?)\\s*\\b\\s*"
              // a denied list: "No intracranial hemorrhage, mass effect or hydrocephalus."
              + "(?:[\\w'/-]+,?\\s+){0,6}$",
          FLAGS);

  private static final Pattern DENIED_AFTER =
      Pattern.compile(
          "^\\s*(?:(?:is|are|was|were|has|have)\\s+)?(?:been\\s+)?(?:not\\s+(?:seen|identified"
              + "|present|demonstrated|visuali[sz]ed)|excluded|ruled\\s+out|absent|resolved)\\b",
          FLAGS);

  /** Old, healed, chronic, known, repaired, treated, or history. */
  private static final Pattern KNOWN_BEFORE =
      Pattern.compile(
          "\\b(?:old|healed|healing|chronic|remote|prior|previous|previously|known|history\\s+of|ununited"
              + "|stable|unchanged|longstanding|established"
              + "|h/o|treated|repaired|status\\s+post|s/p|post|united|ununited|reduced)\\b\\s*"
              + "(?:[\\w'/-]+\\s+){0,4}$",
          FLAGS);

  private static final Pattern KNOWN_AFTER =
      Pattern.compile(
          "^[^.;]{0,40}?\\b(?:unchanged|stable|healed|healing|united|ununited|non-?union|callus|old"
              + "|reduced|relocated"
              + "|chronic|known|again\\s+seen"
              + "|as\\s+before|previously\\s+(?:seen|noted|treated))\\b",
          FLAGS);

  /**
   * A fracture or dislocation in a sentence about its fixation or a prosthesis ("ORIF of the distal
   * radius fracture", "lucent line around the femoral stem": loosening) is treated or another
   * question, not an omitted injury.
   */
  private static final Pattern HARDWARE =
      Pattern.compile(
          "\\b(?:orif|fixation|fixated|fixed|plates?|screws?|nails?|k-?wires?|wires|cast|splint"
              + "|prosthe\\w*|arthroplasty|stem|components?|cement\\w*|hardware|post-?op\\w*)\\b",
          FLAGS);

  /** A new injury around hardware is one: "periprosthetic fracture", "new fracture". */
  private static final Pattern NEW_AT_HARDWARE =
      Pattern.compile(
          "\\b(?:peri-?prosthetic|new|acute|fresh|hardware\\s+failure|broken|fractured\\s+(?:plate|screw|nail))\\b",
          FLAGS);

  /** A fracture or dislocation sentence about its fixation or a prosthesis, nothing new. */
  static boolean fixedFracture(String sentence) {
    return HARDWARE.matcher(sentence).find() && !NEW_AT_HARDWARE.matcher(sentence).find();
  }

  /** A denial inside the match ("lumbar vertebrae without fracture"). */
  private static final Pattern DENIAL_WITHIN =
      Pattern.compile("\\b(?:no|not|nil|without)\\b", FLAGS);

  /** Attached to another finding of its sentence ("EDH with an overlying skull fracture"). */
  private static final Pattern ATTACHED_BEFORE =
      Pattern.compile(
          "\\b(?:associated|overlying|underlying|adjacent|accompanying|resulting|causing"
              + "|secondary\\s+to|due\\s+to)\\b(?:\\s+[\\w-]+){0,2}\\s*$",
          FLAGS);

  private static boolean denied(String sentence, int start, int end) {
    String before = sentence.substring(Math.max(0, start - 60), start);
    String after = sentence.substring(end, Math.min(sentence.length(), end + 60));
    return DENIED_BEFORE.matcher(before).find()
        || DENIAL_WITHIN.matcher(sentence.substring(start, end)).find()
        || DENIED_AFTER.matcher(after).find()
        || KNOWN_BEFORE.matcher(before).find()
        || KNOWN_AFTER.matcher(after).find();
  }

  /**
   * Adds a FINDING_NOT_IN_IMPRESSION for the first regional concept the findings assert and no
   * impression sentence covers; called only when no other omission was found, so it never doubles a
   * flag the concept table already raised.
   */
  static void regionalFindingOmitted(
      Report report,
      TextAnalyzer.Section findings,
      TextAnalyzer.Section impression,
      List<Flag> flags) {
    for (Concept c : CONCEPTS) {
      for (int i = 0; i < findings.sentences.size(); i++) {
        String sentence = findings.sentenceText(i);
        Matcher m = c.finding().matcher(sentence);
        while (m.find()) {
          if (denied(sentence, m.start(), m.end())
              || !c.applies().test(report, sentence)
              || attachedToReported(sentence, m.start(), impression)
              || (c.display().equals("Fracture") || c.display().equals("Dislocation"))
                  && fixedFracture(sentence)
              || c.graded() && MILD_BEFORE.matcher(sentence.substring(0, m.start())).find()) {
            continue;
          }
          // the finding with the words just before it, which often give its side ("Right ICA: ...")
          String found = sentence.substring(Math.max(0, m.start() - 20), m.end());
          if (!covered(c, found, findings.text, impression)) {
            flags.add(OmissionCheck.omitted(c.display(), findings, i, m));
            return;
          }
          break;
        }
      }
    }
  }

  /**
   * A finding attached to the one its sentence is about ("epidural haematoma with an overlying
   * skull fracture") goes with it when the impression reports something.
   */
  private static boolean attachedToReported(
      String sentence, int start, TextAnalyzer.Section impression) {
    if (!ATTACHED_BEFORE.matcher(sentence.substring(Math.max(0, start - 40), start)).find()) {
      return false;
    }
    for (int i = 0; i < impression.sentences.size(); i++) {
      if (!ConsistencyChecker.NOTHING_REPORTED.matcher(impression.sentenceText(i)).find()) {
        return true;
      }
    }
    return false;
  }

  private static boolean covered(
      Concept c, String found, String findingsText, TextAnalyzer.Section impression) {
    for (int i = 0; i < impression.sentences.size(); i++) {
      String t = impression.sentenceText(i);
      Matcher w = c.covers().matcher(t);
      while (w.find()) {
        String before = t.substring(Math.max(0, w.start() - 60), w.start());
        if (!DENIED_BEFORE.matcher(before).find() && c.coveredBy().test(found, t, findingsText)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Round 32 (om14): the denial / old-or-known test of the regional concepts, for {@link
   * UnreportedAbnormality} (one ConText reading for both fallbacks).
   */
  static boolean deniedOrKnown(String sentence, int start, int end) {
    return denied(sentence, start, end);
  }
}
