package org.radassist.drafting.internal.engine.frames;

import java.util.List;
import org.radassist.drafting.internal.engine.PhraseMatcher;
import org.radassist.drafting.internal.engine.Token;

/**
 * Anatomy words to normalised sites and sides. Ids are RadLex (RID) and SNOMED CT concept ids;
 * where no id is recorded here the field is "" (never a guess). Side words ("right", "L",
 * "bilateral") are read separately so "left renal" and "L kidney" give the same site and side.
 */
final class Anatomy {
  /** A site phrase, with the side it implies (lobes carry one). */
  record Hit(Site site, Side side, String location) {}

  static final Site LUNG = new Site("lung", "lung", "RID1301", "39607008", "lung");
  static final Site PLEURA = new Site("pleura", "pleura", "RID1362", "3120008", "pleura");
  static final Site HEART = new Site("heart", "heart", "RID1385", "80891009", "heart");
  static final Site PERICARDIUM = new Site("pericardium", "pericardium", "", "25489000", "heart");
  static final Site THYROID =
      new Site("thyroid", "thyroid gland", "RID7578", "69748006", "thyroid");
  static final Site PARATHYROID =
      new Site("parathyroid", "parathyroid gland", "", "", "parathyroid");
  static final Site SALIVARY =
      new Site("salivary_gland", "salivary gland", "", "", "salivary_gland");
  static final Site BREAST = new Site("breast", "breast", "RID29896", "76752008", "breast");
  static final Site LIVER = new Site("liver", "liver", "RID58", "10200004", "liver");
  static final Site KIDNEY = new Site("kidney", "kidney", "RID205", "64033007", "kidney");
  static final Site PROSTATE = new Site("prostate", "prostate", "RID343", "41216001", "prostate");
  static final Site ADRENAL = new Site("adrenal", "adrenal gland", "RID88", "23451007", "adrenal");
  static final Site PANCREAS = new Site("pancreas", "pancreas", "RID170", "15776009", "pancreas");
  static final Site SPLEEN = new Site("spleen", "spleen", "RID86", "78961009", "spleen");
  static final Site GALLBLADDER =
      new Site("gallbladder", "gallbladder", "RID187", "28231008", "gallbladder");
  static final Site BLADDER = new Site("bladder", "urinary bladder", "", "89837001", "bladder");
  static final Site URETER = new Site("ureter", "ureter", "", "87953007", "kidney");
  static final Site OVARY = new Site("ovary", "ovary", "", "15497006", "ovary");
  static final Site RIB = new Site("rib", "rib", "", "113197003", "bone");
  static final Site SPINE = new Site("spine", "vertebral column", "", "421060004", "bone");
  // the peritoneal cavity and omentum: "peritoneal nodules" are no lung nodules
  static final Site PERITONEUM = new Site("peritoneum", "peritoneum", "", "", "peritoneum");
  // the bowel and its anastomoses: "soft tissue nodule at the colorectal anastomosis" is no lung
  // nodule (round 23, helper "fnic")
  static final Site BOWEL = new Site("bowel", "bowel", "", "", "bowel");
  static final Site BONE = new Site("bone", "bone", "", "272673000", "bone");
  static final Site DIAPHRAGM = new Site("diaphragm", "diaphragm", "", "5798000", "diaphragm");
  static final Site MEDIASTINUM =
      new Site("mediastinum", "mediastinum", "", "72410000", "mediastinum");

  static final Site TESTIS = new Site("testis", "testis", "", "40689003", "testis");
  static final Site BRAIN = new Site("brain", "brain", "", "12738006", "brain");
  static final Site JOINT = new Site("joint", "joint", "", "39352004", "joint");

  static final Site LEG_VEINS =
      new Site("lower_extremity", "lower extremity", "", "", "lower_extremity");

  private static Site lobe(String key, String name, String radlex, String snomed) {
    return new Site("lung." + key, name, radlex, snomed, "lung");
  }

  static final Site RUL = lobe("right_upper_lobe", "right upper lobe", "RID1303", "45653009");
  static final Site RML = lobe("right_middle_lobe", "right middle lobe", "RID1310", "72481006");
  static final Site RLL = lobe("right_lower_lobe", "right lower lobe", "RID1315", "266005");
  static final Site LUL = lobe("left_upper_lobe", "left upper lobe", "RID1327", "44714003");
  static final Site LLL = lobe("left_lower_lobe", "left lower lobe", "RID1338", "41224006");
  static final Site LINGULA = lobe("lingula", "lingula", "", "133945003");

  private final PhraseMatcher<Hit> sites = new PhraseMatcher<>();
  private final PhraseMatcher<Side> sides = new PhraseMatcher<>();

  Anatomy() {
    lobe(
        RUL,
        Side.RIGHT,
        "right upper lobe",
        "rul",
        "right upper lung",
        "right apex",
        "right apical");
    lobe(RML, Side.RIGHT, "right middle lobe", "rml", "right mid lung", "middle lobe");
    lobe(
        RLL,
        Side.RIGHT,
        "right lower lobe",
        "rll",
        "right lower lung",
        "right base",
        "right basilar");
    lobe(LUL, Side.LEFT, "left upper lobe", "lul", "left upper lung", "left apex", "left apical");
    lobe(LLL, Side.LEFT, "left lower lobe", "lll", "left lower lung", "left base", "left basilar");
    lobe(LINGULA, Side.LEFT, "lingula", "lingular");
    site(
        LUNG,
        "lung",
        "lungs",
        "pulmonary",
        "lobe",
        "upper lobe",
        "lower lobe",
        "lung base",
        "lung bases",
        "bases",
        "basilar",
        "bibasilar",
        "apex",
        "apices",
        "perihilar",
        // the hilum is where a central lung lesion sits ("right hilar mass"; MeSH "lung/hilum")
        "hilar",
        "hila",
        "hilum",
        "parenchymal",
        "lung apex",
        "airspace",
        "interstitial");
    site(
        PLEURA,
        "pleural",
        "pleura",
        "pleural space",
        "costophrenic angle",
        "costophrenic",
        "costal pleura",
        "costal pleural surface",
        "pleural surface",
        "visceral pleura",
        "parietal pleura");
    site(HEART, "heart", "cardiac", "cardiomediastinal silhouette", "cardiac silhouette");
    site(PERICARDIUM, "pericardial", "pericardium");
    site(THYROID, "thyroid", "thyroid gland", "thyroid lobe", "isthmus", "thyroidal");
    site(PARATHYROID, "parathyroid", "parathyroids", "parathyroid gland", "parathyroid glands");
    site(
        SALIVARY,
        "salivary gland",
        "salivary glands",
        "parotid",
        "parotid gland",
        "submandibular",
        "submandibular gland",
        "sublingual gland");
    site(
        BREAST,
        "breast",
        "breasts",
        "retroareolar",
        "subareolar",
        "axillary tail",
        "upper outer quadrant",
        "upper inner quadrant",
        "lower outer quadrant",
        "lower inner quadrant",
        "uoq",
        "uiq",
        "loq",
        "liq");
    site(LIVER, "liver", "hepatic", "hepatic segment", "hepatic lobe", "caudate lobe");
    site(KIDNEY, "kidney", "kidneys", "renal", "nephric", "collecting system", "renal pelvis");
    site(
        URETER,
        "ureter",
        "ureteral",
        "ureteric",
        "mid-ureteric",
        "mid ureteric",
        "mid-ureteral",
        "distal ureteric",
        "proximal ureteric",
        "ureterovesical junction",
        "uvj",
        "ujp",
        "pelviureteric junction",
        "pelvi-ureteric junction",
        "ureteropelvic junction",
        "pyeloureteric junction",
        "puj",
        "upj");
    site(
        PROSTATE,
        "prostate",
        "prostatic",
        "peripheral zone",
        "transition zone",
        "central zone",
        "pz",
        "tz");
    // after prostatectomy the prostate bed and its vesicourethral anastomosis are where a local
    // recurrence sits, not the bowel's anastomoses (round 24, helper "fno2")
    site(
        PROSTATE,
        "prostate bed",
        "prostatic bed",
        "prostatectomy bed",
        "prostatectomy fossa",
        "vesicourethral anastomosis",
        "vesico-urethral anastomosis",
        "urethrovesical anastomosis",
        "urethro-vesical anastomosis");
    site(ADRENAL, "adrenal", "adrenal gland", "adrenals", "suprarenal", "suprarenal gland");
    site(PANCREAS, "pancreas", "pancreatic");
    site(SPLEEN, "spleen", "splenic");
    site(GALLBLADDER, "gallbladder", "gall bladder", "cholecyst");
    site(BLADDER, "urinary bladder", "bladder", "vesical");
    site(OVARY, "ovary", "ovarian", "adnexa", "adnexal");
    site(RIB, "rib", "ribs", "costal");
    site(SPINE, "spine", "vertebral", "vertebra", "vertebrae", "thoracic spine", "lumbar spine");
    site(BONE, "bone", "bones", "osseous", "clavicle", "humerus", "femur", "scapula");
    // named bones and the parts of a long bone: "distal femoral metaphysis", "sternal body"
    site(
        BONE,
        "sternum",
        "sternal",
        "manubrium",
        "ilium",
        "iliac bone",
        "iliac wing",
        "iliac crest",
        "acetabulum",
        "acetabular",
        "sacrum",
        "sacral ala",
        "pubic ramus",
        "pubic rami",
        "ischium",
        "pelvic bone",
        "pelvic bones",
        "calvarium",
        "calvarial",
        "skull",
        "tibia",
        "fibula",
        "ulna",
        "patella",
        "scapular",
        "clavicular",
        "metaphysis",
        "metaphyseal",
        "diaphysis",
        "diaphyseal",
        "epiphysis",
        "epiphyseal",
        "metadiaphysis");
    site(PERITONEUM, "peritoneum", "peritoneal", "omentum", "omental", "paracolic gutter");
    site(
        BOWEL,
        "anastomosis",
        "anastomotic",
        "colorectal anastomosis",
        "ileocolic anastomosis",
        "colon",
        "colonic",
        "rectum",
        "rectal",
        "sigmoid",
        "sigmoid colon",
        "caecum",
        "cecum",
        "small bowel",
        "bowel");
    site(DIAPHRAGM, "diaphragm", "hemidiaphragm", "diaphragmatic");
    // the mediastinal node stations: "subcarinal lymphadenopathy" is a mediastinal node
    site(
        MEDIASTINUM,
        "mediastinum",
        "mediastinal",
        "subcarinal",
        "paratracheal",
        "pretracheal",
        "prevascular",
        "aortopulmonary",
        "aortopulmonary window",
        "paraesophageal",
        "paraoesophageal");
    site(
        TESTIS,
        "testis",
        "testes",
        "testicle",
        "testicular",
        "intratesticular",
        "hemiscrotum",
        "scrotal",
        "epididymis",
        "epididymal",
        "spermatic cord");
    // brain regions and arterial territories: "right MCA territory", "left frontal lobe"
    site(
        BRAIN,
        "brain",
        "cerebral",
        "cerebral hemisphere",
        "hemisphere",
        "hemispheric",
        "mca territory",
        "mca",
        "aca territory",
        "pca territory",
        "middle cerebral artery",
        "anterior cerebral artery",
        "posterior cerebral artery",
        "frontal lobe",
        "parietal lobe",
        "temporal lobe",
        "occipital lobe",
        "basal ganglia",
        "thalamus",
        "thalamic",
        "cerebellum",
        "cerebellar",
        "cerebellar hemisphere",
        "internal capsule",
        "corona radiata",
        "centrum semiovale",
        "subdural",
        "extradural",
        // the cerebellopontine angle and the internal auditory canal hold brain tumours
        "cerebellopontine angle",
        "internal auditory canal",
        "internal auditory meatus");
    // a joint and its parts: "medial meniscus", "knee joint effusion"
    site(
        JOINT,
        "joint",
        "knee joint",
        "hip joint",
        "shoulder joint",
        "ankle joint",
        "meniscus",
        "meniscal",
        "medial meniscus",
        "lateral meniscus",
        "anterior cruciate ligament",
        "posterior cruciate ligament",
        "cruciate",
        "acl",
        "pcl",
        "rotator cuff",
        "supraspinatus",
        "labrum",
        "labral",
        "suprapatellar",
        "bursa",
        "bursal",
        "subacromial",
        "subdeltoid",
        "olecranon bursa",
        "prepatellar");
    site(
        LEG_VEINS,
        "femoral vein",
        "femoral veins",
        "common femoral vein",
        "common femoral",
        "popliteal",
        "popliteal vein",
        "popliteal veins",
        "tibial veins",
        "posterior tibial veins",
        "peroneal veins",
        "calf veins",
        "lower extremity",
        "lower extremity veins",
        "leg veins",
        "leg",
        "calf");
    side(Side.RIGHT, "right", "rt", "r", "dextro", "right-sided", "right sided", "r-sided");
    side(Side.LEFT, "left", "lt", "l", "left-sided", "left sided", "l-sided");
    side(Side.BILATERAL, "bilateral", "bilaterally", "both", "bibasilar", "biapical", "b/l");
  }

  private void lobe(Site site, Side side, String... phrases) {
    for (String p : phrases) {
      sites.add(p, new Hit(site, side, site.name()));
    }
  }

  private void site(Site site, String... phrases) {
    for (String p : phrases) {
      sites.add(p, new Hit(site, Side.NONE, ""));
    }
  }

  private void side(Side side, String... phrases) {
    for (String p : phrases) {
      sides.add(p, side);
    }
  }

  List<PhraseMatcher.Match<Hit>> sites(List<Token> tokens) {
    return sites.findAll(tokens);
  }

  private static final java.util.Set<String> PLACE_WORDS =
      java.util.Set.of(
          "apical",
          "basal",
          "upper",
          "lower",
          "mid",
          "middle",
          "sided",
          "side",
          "lateral",
          "medial",
          "anterior",
          "posterior",
          "inferior",
          "superior",
          "lobe",
          "pole",
          // limbs and paired parts telegraphic reports put after the letter: "L femoral neck",
          // "R subcapital fracture", "R hip normal"
          "femoral",
          "subcapital",
          "intertrochanteric",
          "hip",
          "knee",
          "ankle",
          "wrist",
          "elbow",
          "shoulder",
          "humeral",
          "tibial",
          "fibular",
          "radial",
          "ulnar",
          "hemithorax",
          "breast",
          "axilla",
          "axillary",
          "adnexa",
          "adnexal",
          "ovary",
          "ovarian",
          "testis",
          "testicular",
          "inguinal",
          "groin",
          "thigh",
          "foot",
          "hand",
          "arm",
          "forearm",
          "hemisphere",
          "frontal",
          "parietal",
          "temporal",
          "occipital");

  /**
   * The side words of tokens. Single letters ("R", "L") count only right before an anatomy word ("L
   * kidney"), so the unit "l" or an initial never reads as a side.
   */
  List<PhraseMatcher.Match<Side>> sides(List<Token> tokens) {
    // "R apical PTX", "L sided effusion": a place word after the letter makes it a side too
    List<PhraseMatcher.Match<Side>> out = new java.util.ArrayList<>();
    for (PhraseMatcher.Match<Side> m : sides.findAll(tokens)) {
      String w = tokens.get(m.from()).norm();
      if ((w.equals("r") || w.equals("l"))
          && (m.to() >= tokens.size()
              || (sites.longestAt(tokens, m.to()) == null
                  && !PLACE_WORDS.contains(tokens.get(m.to()).norm())
                  && !placeAfterModifiers(tokens, m.to())))) {
        continue;
      }
      if (w.equals("both") && pronoun(tokens, m.to())) {
        continue; // "metastasis 6 mm, both with ring enhancement": the lesions, no side
      }
      out.add(m);
    }
    return out;
  }

  /** Words that may stand between a side letter and its place ("L proximal ureter"). */
  private static final java.util.Set<String> LETTER_MODIFIERS =
      java.util.Set.of(
          "proximal",
          "distal",
          "mid",
          "upper",
          "lower",
          "middle",
          "anterior",
          "posterior",
          "medial",
          "lateral",
          "inferior",
          "superior",
          "main",
          "common",
          "internal",
          "external");

  /**
   * Round 30 (helper "cx12"): "L proximal ureter", "R distal radius", "L common iliac": one or two
   * position words between the letter and an anatomy word still make the letter a side.
   */
  private boolean placeAfterModifiers(List<Token> tokens, int at) {
    int i = at;
    while (i < tokens.size() && i < at + 2 && LETTER_MODIFIERS.contains(tokens.get(i).norm())) {
      i++;
    }
    return i > at
        && i < tokens.size()
        && (sites.longestAt(tokens, i) != null || PLACE_WORDS.contains(tokens.get(i).norm()));
  }

  private static final java.util.Set<String> AFTER_PRONOUN_BOTH =
      java.util.Set.of(
          "with",
          "of",
          "are",
          "were",
          "is",
          "show",
          "shows",
          "showing",
          "have",
          "has",
          "having",
          "measuring",
          "measure",
          "being",
          "appear",
          "appearing",
          "demonstrate",
          "demonstrating",
          "containing",
          "unchanged",
          "stable",
          "similar",
          "likely",
          "in",
          "on",
          "at",
          "and",
          "enhance",
          "enhancing",
          "benign",
          "simple");

  /** "both" said of the things before it ("both with ring enhancement"), not of two sides. */
  private static boolean pronoun(List<Token> tokens, int next) {
    if (next >= tokens.size()) {
      return true;
    }
    String w = tokens.get(next).norm();
    return !Character.isLetterOrDigit(w.charAt(0)) || AFTER_PRONOUN_BOTH.contains(w);
  }

  /**
   * The side of a heading sentence that names only a side and a place ("Left knee.", "R groin:",
   * "Right kidney:"), which findings after it without a side of their own share; NONE otherwise.
   */
  Side heading(List<Token> tokens) {
    List<Token> words = new java.util.ArrayList<>();
    for (Token t : tokens) {
      if (Character.isLetterOrDigit(t.norm().charAt(0))) {
        words.add(t);
      }
    }
    words = titleWords(words);
    if (words.size() < 2 || words.size() > 4) {
      return Side.NONE;
    }
    List<PhraseMatcher.Match<Side>> side = sides(words);
    if (side.size() != 1 || side.get(0).from() != 0 || side.get(0).value() == Side.BILATERAL) {
      return Side.NONE;
    }
    for (int i = side.get(0).to(); i < words.size(); ) {
      PhraseMatcher.Entry<Hit> e = sites.longestAt(words, i);
      if (e != null) {
        i += e.words().size();
      } else if (PLACE_WORDS.contains(words.get(i).norm())) {
        i++;
      } else {
        return Side.NONE;
      }
    }
    return side.get(0).value();
  }

  private static final java.util.Set<String> TITLE_WORDS =
      java.util.Set.of(
          "views",
          "view",
          "series",
          "radiograph",
          "radiographs",
          "xr",
          "x-ray",
          "ultrasound",
          "us",
          "duplex",
          "doppler",
          "venous",
          "arterial",
          "ct",
          "mri",
          "mr",
          "study",
          "exam",
          "examination",
          "scan",
          "measures",
          "measuring",
          "length",
          // round 35 (sys16): "Left ovary: 2.9 x 1.8 cm" gives the organ's dimensions
          "x",
          "cm",
          "mm",
          "limb",
          "extremity");

  private static final java.util.Set<String> TITLE_GLUE = java.util.Set.of("of", "the", "in");

  /**
   * A heading's words without those of an exam title or an organ's length ("Left knee, 2 views",
   * "Venous duplex of the left lower limb", "Right kidney: 11.2 cm"), so its side reaches the
   * findings after it; unchanged when the words are not all of that kind.
   */
  private List<Token> titleWords(List<Token> words) {
    List<Token> out = new java.util.ArrayList<>();
    boolean dropped = false;
    for (Token t : words) {
      String w = t.norm();
      if (TITLE_WORDS.contains(w) || TITLE_GLUE.contains(w) || Character.isDigit(w.charAt(0))) {
        dropped = true;
      } else {
        out.add(t);
      }
    }
    if (!dropped || out.size() == words.size()) {
      return words;
    }
    // a title must still name a side and a place of its own ("left lower", "right kidney")
    return out.size() >= 2 ? out : words;
  }

  /** Reads a free-text location (e.g. an AI result's "right upper lobe"). */
  Hit read(String text) {
    List<Token> tokens = Token.tokenize(text);
    Hit best = null;
    for (PhraseMatcher.Match<Hit> m : sites(tokens)) {
      best = m.value();
      if (!best.location().isEmpty()) {
        break;
      }
    }
    Side side = Side.NONE;
    for (PhraseMatcher.Match<Side> m : sides(tokens)) {
      side = m.value();
    }
    if (best == null) {
      return new Hit(Site.UNKNOWN, side, text.trim());
    }
    return new Hit(best.site(), best.side() != Side.NONE ? best.side() : side, best.location());
  }
}
