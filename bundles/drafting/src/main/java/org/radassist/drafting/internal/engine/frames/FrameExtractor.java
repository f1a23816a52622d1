package org.radassist.drafting.internal.engine.frames;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.radassist.drafting.AiResult;
import org.radassist.drafting.internal.engine.PhraseMatcher;
import org.radassist.drafting.internal.engine.Sentences;
import org.radassist.drafting.internal.engine.Token;

/**
 * Turns report text (and AI results) into {@link LesionFrame}s: one frame per finding word of a
 * sentence, with the site, side, sizes, composition, features and change words of the sentence
 * bound to the nearest finding word, and its assertion read with {@link ConText}. A sentence that
 * names no finding but describes one ("Solid, hypoechoic, taller than wide.", "It measures 8 mm.")
 * adds to the frame before it. Deterministic and thread-safe once built.
 */
public final class FrameExtractor {
  /**
   * Where the text comes from, to place findings that name no organ ("5 mm nodule" on a CT chest).
   */
  public record ExamContext(String modality, String bodyPart) {
    public static final ExamContext NONE = new ExamContext("", "");

    public ExamContext {
      modality = modality == null ? "" : modality.toUpperCase(Locale.ROOT);
      bodyPart = bodyPart == null ? "" : bodyPart.toUpperCase(Locale.ROOT);
    }
  }

  /** Lesion kinds: key to display name. */
  public static final Map<String, String> KINDS;

  /** The organ a kind implies when the text names none ("" for kinds found in many organs). */
  private static final Map<String, Site> KIND_ORGAN = new LinkedHashMap<>();

  private record Feature(String group, String value) {}

  private static final PhraseMatcher<String> KIND_WORDS = new PhraseMatcher<>();
  private static final PhraseMatcher<Feature> FEATURE_WORDS = new PhraseMatcher<>();
  private static final PhraseMatcher<Change.Status> CHANGE_WORDS = new PhraseMatcher<>();

  static {
    Map<String, String> k = new LinkedHashMap<>();
    kind(
        k,
        "nodule",
        "nodule",
        null,
        "nodule",
        "nodules",
        "nodular opacity",
        "nodular density",
        "micronodule",
        "micronodules",
        "pulmonary nodule",
        "lung nodule",
        "nodular focus",
        "nodular foci",
        "airway nodule",
        "endobronchial nodule",
        // telegraphic shorthand ("LLL solid nod 11 x 9 mm")
        "nod",
        "nods");
    kind(k, "mass", "mass", null, "mass", "masses", "mass lesion");
    // a focal "hypodensity" / "hypoattenuating focus" of a solid organ is a lesion in other words
    kind(
        k,
        "lesion",
        "lesion",
        null,
        "lesion",
        "lesions",
        "hypodensity",
        "hypodensities",
        "hypoattenuating focus",
        "hypoenhancing focus",
        // round 26 (om4): a bone's "sclerotic focus" is its lesion (a prostate MRI's metastasis)
        "sclerotic focus",
        "sclerotic foci",
        "sclerotic-appearing focus",
        "sclerotic appearing focus",
        "lytic focus",
        "lytic foci",
        "blastic focus",
        "blastic foci");
    kind(k, "observation", "observation", Anatomy.LIVER, "observation", "observations");
    kind(
        k,
        "cyst",
        "cyst",
        null,
        "cyst",
        "cysts",
        "cystic airspace",
        "cystic airspaces",
        "cystic lucency",
        "cystic space");
    kind(
        k,
        "hemangioma",
        "hemangioma",
        null,
        "hemangioma",
        "hemangiomas",
        "haemangioma",
        "haemangiomas");
    kind(
        k,
        "calculus",
        "calculus",
        null,
        "stone",
        "stones",
        "calculus",
        "calculi",
        "nephrolithiasis",
        "urolithiasis",
        "nephrolith",
        "ureterolithiasis",
        // a salivary duct stone ("right parotid sialolithiasis")
        "sialolith",
        "sialoliths",
        "sialolithiasis");
    kind(
        k,
        "gallstone",
        "gallstone",
        Anatomy.GALLBLADDER,
        "gallstone",
        "gallstones",
        "cholelithiasis");
    kind(
        k,
        "effusion",
        "effusion",
        Anatomy.PLEURA,
        "effusion",
        "effusions",
        "hydrothorax",
        "pleural fluid",
        // the radiograph's sign of a small effusion: "blunting of the left costophrenic angle"
        "blunting",
        "blunted",
        // pleural fluid named by what it is (round 31, helper "sys13"): a "left pleural
        // collection" and a "right empyema" are the same fluid on opposite sides
        "empyema",
        "empyemas",
        "pyothorax",
        "hemothorax",
        "haemothorax",
        "pleural collection",
        "pleural collections");
    kind(
        k, "pneumothorax", "pneumothorax", Anatomy.PLEURA, "pneumothorax", "pneumothoraces", "ptx");
    kind(
        k,
        "consolidation",
        "consolidation",
        Anatomy.LUNG,
        "consolidation",
        "consolidations",
        "consolidative opacity",
        "consolidative opacities",
        "consolidative change");
    kind(
        k,
        "airspace_disease",
        "airspace disease",
        Anatomy.LUNG,
        "airspace disease",
        "air space disease",
        "airspace opacity",
        "airspace opacities",
        "air space opacity",
        "alveolar opacity",
        "alveolar opacities");
    kind(
        k,
        "opacity",
        "opacity",
        Anatomy.LUNG,
        "opacity",
        "opacities",
        "opacification",
        "infiltrate",
        "infiltrates",
        "density",
        "densities");
    kind(k, "pneumonia", "pneumonia", Anatomy.LUNG, "pneumonia", "pneumonias", "bronchopneumonia");
    kind(
        k,
        "atelectasis",
        "atelectasis",
        Anatomy.LUNG,
        "atelectasis",
        "atelectatic",
        "atelectatic change",
        "atelectatic changes",
        "collapse",
        "subsegmental atelectasis");
    kind(
        k,
        "cardiomegaly",
        "cardiomegaly",
        Anatomy.HEART,
        "cardiomegaly",
        "enlarged heart",
        "cardiac enlargement",
        "heart is enlarged",
        "heart size is enlarged",
        "enlarged cardiac silhouette",
        "cardiac silhouette is enlarged",
        "heart is mildly enlarged",
        "enlarged cardiomediastinal silhouette");
    kind(
        k,
        "edema",
        "edema",
        Anatomy.LUNG,
        "edema",
        "oedema",
        "pulmonary edema",
        "vascular congestion",
        "pulmonary vascular congestion",
        "interstitial edema");
    kind(k, "emphysema", "emphysema", Anatomy.LUNG, "emphysema", "emphysematous", "copd");
    // large lungs are a sign, not emphysema; gas in the chest wall is not lung disease
    kind(
        k,
        "hyperinflation",
        "hyperinflation",
        Anatomy.LUNG,
        "hyperinflation",
        "hyperinflated",
        "hyperexpanded",
        "hyperexpansion",
        "overexpanded",
        "overinflated");
    kind(
        k,
        "subcutaneous_emphysema",
        "subcutaneous emphysema",
        null,
        "subcutaneous emphysema",
        "soft tissue emphysema",
        "subcutaneous air",
        "subcutaneous gas");
    kind(k, "fracture", "fracture", Anatomy.BONE, "fracture", "fractures", "fractured");
    kind(
        k,
        "granuloma",
        "granuloma",
        null, // mostly lung, but also spleen, liver and lymph nodes: the words place it
        "granuloma",
        "granulomas",
        "granulomata",
        "calcified granuloma",
        "calcified granulomas",
        "granulomatous disease");
    kind(k, "hernia", "hernia", null, "hernia", "hiatal hernia", "hiatus hernia");
    kind(
        k,
        "lymphadenopathy",
        "lymphadenopathy",
        null,
        "lymphadenopathy",
        "adenopathy",
        "enlarged lymph node",
        "enlarged lymph nodes",
        "lymph node",
        "lymph nodes",
        // radiologists say "node" alone ("Right axilla: 9 mm node with cortical thickening")
        "node",
        "nodes");
    kind(k, "adenoma", "adenoma", null, "adenoma", "adenomas");
    // venous thrombosis: the vein words place it and carry the side ("left popliteal vein")
    kind(
        k,
        "thrombus",
        "thrombus",
        null,
        "thrombus",
        "thrombi",
        "thrombosis",
        "deep vein thrombosis",
        "deep venous thrombosis",
        "dvt",
        "clot",
        "intraluminal thrombus",
        "occlusive thrombus",
        "nonocclusive thrombus");
    kind(
        k,
        "aneurysm",
        "aneurysm",
        null,
        "aneurysm",
        "aneurysms",
        "aneurysmal",
        "aaa",
        "aortic aneurysm",
        "abdominal aortic aneurysm");
    kind(
        k,
        "metastasis",
        "metastasis",
        null,
        "metastasis",
        "metastases",
        "metastatic disease",
        "metastatic lesions",
        "metastatic deposits");
    kind(
        k,
        "bph",
        "benign prostatic hyperplasia",
        Anatomy.PROSTATE,
        "bph",
        "benign prostatic hyperplasia",
        "bph nodules",
        "bph nodule",
        "prostatic hyperplasia");
    kind(
        k,
        "scarring",
        "scarring",
        Anatomy.LUNG,
        "scar",
        "scarring",
        "fibrosis",
        "fibrotic",
        "fibrotic changes");
    kind(k, "thickening", "thickening", null, "thickening");
    kind(
        k,
        "hydronephrosis",
        "hydronephrosis",
        Anatomy.KIDNEY,
        "hydronephrosis",
        "hydroureteronephrosis",
        "pelvicaliectasis");
    kind(
        k,
        "calcification",
        "calcification",
        null,
        "calcification",
        "calcifications",
        "microcalcifications",
        "microcalcification");
    kind(k, "distortion", "architectural distortion", Anatomy.BREAST, "architectural distortion");
    kind(
        k,
        "asymmetry",
        "asymmetry",
        Anatomy.BREAST,
        "asymmetry",
        "focal asymmetry",
        "global asymmetry",
        "developing asymmetry");
    // Acute findings the faithfulness guard must see survive into a model's draft (issue 18)
    kind(
        k,
        "embolism",
        "embolism",
        null,
        "embolism",
        "embolus",
        "emboli",
        "pulmonary embolism",
        "pulmonary emboli",
        "filling defect",
        "filling defects");
    kind(k, "heart_strain", "right heart strain", Anatomy.HEART, "right heart strain", "rv strain");
    kind(k, "hemorrhage", "hemorrhage", null, "hemorrhage", "haemorrhage", "hematoma", "haematoma");
    kind(k, "dissection", "dissection", null, "dissection");
    kind(k, "infarct", "infarct", null, "infarct", "infarction", "infarcts");
    // scrotal findings: the testis words place them and carry the side ("left testicular torsion")
    kind(k, "torsion", "torsion", null, "torsion");
    kind(k, "hydrocele", "hydrocele", Anatomy.TESTIS, "hydrocele", "hydroceles");
    kind(
        k,
        "epididymitis",
        "epididymitis",
        Anatomy.TESTIS,
        "epididymitis",
        "epididymo-orchitis",
        "epididymoorchitis",
        "orchitis",
        "orchiepididymitis");
    // a varicocele described by its veins: "dilated veins of the left pampiniform plexus"
    kind(
        k,
        "varicocele",
        "varicocele",
        Anatomy.TESTIS,
        "varicocele",
        "varicoceles",
        "pampiniform plexus",
        "pampiniform venous plexus",
        "pampiniform veins");
    // a dural-based brain tumour an impression names for the findings' "extra-axial mass"
    kind(k, "meningioma", "meningioma", Anatomy.BRAIN, "meningioma", "meningiomas");
    // round 30 (cx11): the tumour of the internal auditory canal an impression names for the
    // findings' "enhancing lesion in the left internal auditory canal"
    kind(
        k,
        "schwannoma",
        "vestibular schwannoma",
        Anatomy.BRAIN,
        "vestibular schwannoma",
        "vestibular schwannomas",
        "acoustic neuroma",
        "acoustic neuromas");
    // a torn meniscus, ligament or tendon: the joint words place it and carry the side
    kind(k, "tear", "tear", null, "tear", "tears", "torn");
    // a tendon or ligament torn through: "Achilles tendon rupture", "ruptured ACL"
    kind(
        k,
        "tear",
        "tear",
        null,
        "tendon rupture",
        "ruptured tendon",
        "ligament rupture",
        "ruptured ligament");
    KINDS = java.util.Collections.unmodifiableMap(k);

    // Lung-RADS / Fleischner nodule composition and features
    feature(
        "composition",
        "part-solid",
        "part-solid",
        "part solid",
        "partly solid",
        "semisolid",
        "semi-solid",
        "subsolid");
    feature(
        "composition",
        "ground-glass",
        "ground-glass",
        "ground glass",
        "nonsolid",
        "non-solid",
        "non solid", // speech recognition writes the prefix apart
        "pure ground-glass",
        "ground-glass opacity");
    feature(
        "composition",
        "solid",
        "solid",
        "almost completely solid",
        "entirely solid",
        "completely solid");
    feature(
        "perifissural",
        "present",
        "perifissural",
        "juxtafissural",
        "juxtapleural",
        "subpleural perifissural");
    feature(
        "benign_calcification",
        "present",
        "calcified",
        "benign calcification",
        "popcorn calcification",
        "central calcification",
        "diffuse calcification",
        "laminated calcification",
        "densely calcified");
    // calcification that is not a benign pattern (Lung-RADS v2022: only complete, central,
    // popcorn or concentric calcification is benign): longer phrases than "calcified" win
    feature(
        "indeterminate_calcification",
        "present",
        "partially calcified",
        "partly calcified",
        "minimally calcified",
        "focally calcified",
        "eccentrically calcified",
        "eccentric calcification",
        "eccentric calcifications",
        "stippled calcification",
        "stippled calcifications",
        "non-calcified",
        "noncalcified",
        "uncalcified");
    feature(
        "fat",
        "present",
        "fat-containing",
        "contains fat",
        "macroscopic fat",
        "fat containing",
        "intralesional fat");
    feature("spiculated", "present", "spiculated", "spiculation", "spiculations");
    // atypical pulmonary cysts (Lung-RADS v2022): the wall and the loculation, and their change
    feature(
        "cyst_wall",
        "thick",
        "thick-walled",
        "thick walled",
        "thick wall",
        "thickened wall",
        "wall thickening",
        "nodular wall",
        "nodular wall thickening",
        "wall nodularity",
        "mural nodule",
        "mural nodularity",
        "irregular wall",
        "irregular wall thickening",
        "asymmetric wall thickening");
    feature(
        "cyst_wall",
        "thin",
        "thin-walled",
        "thin walled",
        "thin wall",
        "imperceptible wall",
        "hairline wall",
        "thin-wall");
    feature(
        "loculation",
        "multilocular",
        "multilocular",
        "multiloculated",
        "multiloculate",
        "septated",
        "septations",
        "septation",
        "internal septations",
        "internal septa",
        "multiple locules",
        "loculated");
    feature("loculation", "unilocular", "unilocular", "simple");
    feature(
        "cyst_change",
        "wall growing",
        "increased wall thickness",
        "increasing wall thickness",
        "increase in wall thickness",
        "thicker wall",
        "wall has thickened",
        "wall is thicker",
        "wall thickness has increased",
        "increased wall thickening",
        "increased nodularity",
        "increasing nodularity",
        "new mural nodule",
        "new wall nodularity",
        "new nodularity",
        "enlarging mural nodule",
        "growing mural nodule",
        "increased mural nodularity");
    feature(
        "cyst_change",
        "became multilocular",
        "now multilocular",
        "now multiloculated",
        "now septated",
        "new septation",
        "new septations",
        "new internal septations",
        "newly septated",
        "has become multilocular",
        "become multilocular",
        "become multiloculated",
        "developed septations");
    feature(
        "cyst_change",
        "more loculation or opacity",
        "increased loculation",
        "increasing loculation",
        "more septations",
        "additional septations",
        "increased septations",
        "increased number of septations",
        "more loculated",
        "new nodular component",
        "new ground-glass component",
        "new ground glass component",
        "new consolidation",
        "increased opacity",
        "new opacity",
        "increasing opacity");
    // the benign shapes of a juxtapleural nodule (Lung-RADS v2022: oval, lentiform, triangular)
    feature(
        "benign_shape",
        "present",
        "lentiform",
        "lenticular",
        "ovoid",
        "triangular",
        "elliptical",
        "elliptic",
        "flat",
        "flattened",
        "polygonal",
        "intrapulmonary lymph node",
        "intrapulmonary lymph nodes",
        "intrapulmonary node",
        "intraparenchymal lymph node");
    // an aneurysm that bleeds: ruptured, leaking, contained rupture (ACR category 1)
    feature("rupture", "present", "ruptured", "rupture", "leaking", "leak", "contained rupture");
    // ACR TI-RADS (five feature groups)
    feature("composition", "spongiform", "spongiform");
    feature(
        "composition",
        "part-solid",
        "mixed solid and ground-glass",
        "mixed solid and ground glass",
        "mixed ground-glass and solid",
        "mixed ground glass and solid");
    feature(
        "echogenic_foci",
        "peripheral rim",
        "peripheral rim calcifications",
        "rim calcifications",
        "peripheral calcifications",
        "eggshell calcifications");
    feature(
        "composition",
        "mixed",
        "predominantly cystic",
        "predominantly solid",
        "mostly cystic",
        "mostly solid");
    feature(
        "composition",
        "mixed",
        "mixed cystic and solid",
        "mixed solid and cystic",
        "partially cystic",
        "mixed");
    feature("composition", "cystic", "cystic", "almost completely cystic", "purely cystic");
    feature(
        "echogenicity",
        "very hypoechoic",
        "very hypoechoic",
        "markedly hypoechoic",
        "very hypo-echoic",
        "markedly hypo-echoic");
    feature(
        "echogenicity",
        "hypoechoic",
        "hypoechoic",
        "mildly hypoechoic",
        "hypo-echoic",
        "hypoechogenic");
    feature(
        "echogenicity",
        "hyperechoic or isoechoic",
        "hyperechoic",
        "isoechoic",
        "hyper-echoic",
        "iso-echoic",
        "hyperechogenic",
        "isoechogenic");
    feature("echogenicity", "anechoic", "anechoic", "an-echoic");
    feature(
        "shape",
        "taller-than-wide",
        "taller-than-wide",
        "taller than wide",
        "taller than it is wide");
    feature(
        "shape", "wider-than-tall", "wider-than-tall", "wider than tall", "wider than it is tall");
    feature(
        "margin",
        "extrathyroidal extension",
        "extrathyroidal extension",
        "extra-thyroidal extension");
    feature(
        "margin",
        "lobulated or irregular",
        "lobulated",
        "irregular margins",
        "lobulated margins",
        "irregular margin",
        "lobulated margin");
    feature(
        "margin",
        "ill-defined",
        "ill-defined",
        "ill defined",
        "ill-defined margins",
        "indistinct margins");
    feature(
        "margin",
        "smooth",
        "smooth",
        "smooth margins",
        "smooth margin",
        "well-defined",
        "well defined",
        "well-circumscribed",
        "circumscribed margins");
    feature(
        "echogenic_foci",
        "punctate",
        "punctate echogenic foci",
        "microcalcifications",
        "microcalcification",
        "punctate calcifications",
        "punctate calcification",
        "punctate foci",
        "punctate echogenic focus",
        // speech recognition splits or hyphenates the prefix
        "micro calcifications",
        "micro calcification",
        "micro-calcifications",
        "micro-calcification");
    // two kinds said together: each counts (ACR TI-RADS echogenic foci add up)
    feature(
        "echogenic_foci",
        "peripheral rim+punctate",
        "rim and punctate calcifications",
        "peripheral and punctate calcifications",
        "rim and punctate echogenic foci");
    feature(
        "echogenic_foci",
        "macrocalcification+punctate",
        "macro- and microcalcifications",
        "macro and microcalcifications",
        "coarse and punctate calcifications",
        "coarse and fine calcifications");
    feature(
        "echogenic_foci",
        "peripheral rim",
        "peripheral calcification",
        "rim calcification",
        "eggshell calcification",
        "peripheral rim calcification",
        "peripheral (rim) calcification",
        "peripheral (rim) calcifications",
        "rim of calcification",
        "peripheral rim of calcification",
        "calcified rim");
    feature(
        "echogenic_foci",
        "macrocalcification",
        "macrocalcification",
        "macrocalcifications",
        "coarse calcification",
        "coarse calcifications",
        "macro calcifications",
        "macro calcification",
        "macro-calcifications",
        "macro-calcification");
    feature(
        "echogenic_foci",
        "none",
        "comet-tail",
        "comet tail",
        "comet-tail artifacts",
        "large comet-tail artifacts");
    feature("echogenic_foci", "present", "echogenic foci", "echogenic focus");
    // "no calcifications" on a thyroid nodule: no echogenic foci of any kind
    feature(
        "echogenic_foci",
        "none",
        "no calcifications",
        "no calcification",
        "without calcifications",
        "without calcification",
        "no internal calcifications",
        "no calcified foci",
        "no foci",
        "without foci",
        "no calcific foci");
    // telegraphic thyroid shorthand ("1.3 cm solid, iso, W>T, smooth, punctate EF"): the groups'
    // usual abbreviations; the bare sign words bind only to the frame of their sentence
    feature("echogenicity", "hyperechoic or isoechoic", "iso", "hyper", "isoecho", "hyperecho");
    feature("echogenicity", "hypoechoic", "hypo", "hypoecho");
    feature("echogenicity", "very hypoechoic", "very hypo", "markedly hypo");
    // ("W>T" / "T>W" are expanded by the lexicon: "w" alone is its "with")
    feature("shape", "wider-than-tall", "wtt");
    feature("shape", "taller-than-wide", "ttw");
    feature("margin", "extrathyroidal extension", "ete");
    feature("echogenic_foci", "punctate", "punctate ef", "punctate efs", "punctate echogenic");
    feature("echogenic_foci", "macrocalcification", "macro ef", "coarse ef");
    feature("echogenic_foci", "peripheral rim", "rim ef", "peripheral ef");
    feature("echogenic_foci", "none", "no ef", "no efs", "ef none", "efs none", "ef: none");
    // ACR TI-RADS points said per group instead of the feature ("composition 2, echogenicity 2,
    // shape 0, margin 0, echogenic foci 0"): each group's points name its feature
    tiRadsPoints("composition", "cystic", "mixed", "solid", null);
    tiRadsPoints(
        "echogenicity", "anechoic", "hyperechoic or isoechoic", "hypoechoic", "very hypoechoic");
    tiRadsPoints("shape", "wider-than-tall", null, null, "taller-than-wide");
    tiRadsPoints("margin", "smooth", null, "lobulated or irregular", "extrathyroidal extension");
    tiRadsPoints("echogenic foci", "none", "macrocalcification", "peripheral rim", "punctate");
    // BI-RADS mass and calcification descriptors
    feature("mass_shape", "oval", "oval");
    feature("mass_shape", "round", "round");
    feature("mass_shape", "irregular", "irregular", "irregularly shaped", "irregular shape");
    feature("mass_margin", "circumscribed", "circumscribed", "circumscribed margins");
    feature("mass_margin", "obscured", "obscured");
    feature("mass_margin", "microlobulated", "microlobulated");
    feature("mass_margin", "indistinct", "indistinct");
    feature("calc_morphology", "amorphous", "amorphous");
    feature("calc_morphology", "coarse heterogeneous", "coarse heterogeneous");
    feature("calc_morphology", "fine pleomorphic", "fine pleomorphic", "pleomorphic");
    feature(
        "calc_morphology",
        "fine linear",
        "fine linear",
        "fine-linear",
        "linear branching",
        "fine linear branching");
    // LI-RADS major features
    feature(
        "rim_aphe",
        "present",
        "rim arterial phase hyperenhancement",
        "rim aphe",
        "rim enhancement",
        "rim hyperenhancement");
    feature(
        "aphe",
        "present",
        "arterial phase hyperenhancement",
        "aphe",
        "arterial hyperenhancement",
        "arterial enhancement",
        "arterial phase enhancement",
        "hyperenhancement",
        "hyperenhancing",
        "arterially enhancing",
        "nonrim aphe",
        "non-rim aphe",
        "nonrim arterial phase hyperenhancement");
    feature(
        "washout",
        "present",
        "washout",
        "wash-out",
        "washes out",
        "nonperipheral washout",
        "non-peripheral washout");
    feature(
        "capsule",
        "present",
        "capsule",
        "enhancing capsule",
        "capsular enhancement",
        "pseudocapsule");
    feature("threshold_growth", "present", "threshold growth");
    // extent words an impression keeps ("small", "large")
    feature("extent", "trace", "trace");
    feature("extent", "tiny", "tiny");
    feature("extent", "minimal", "minimal");
    feature("extent", "small", "small", "small-volume", "small volume");
    feature("extent", "mild", "mild", "mildly");
    feature("extent", "moderate", "moderate", "moderate-sized", "moderately");
    feature("extent", "small to moderate", "small to moderate", "small-to-moderate");
    feature("extent", "large", "large", "large-volume");
    feature("extent", "severe", "severe", "marked", "markedly");
    feature("extent", "massive", "massive");
    feature(
        "aphe",
        "present",
        "enhancing on arterial phase",
        "enhancing on the arterial phase",
        "enhancing in the arterial phase",
        "enhances in the arterial phase",
        "arterial phase enhancing",
        "arterially hyperenhancing");
    feature("washout", "present", "washing out", "washes out on", "washout appearance");
    feature("echogenic_foci", "present", "calcification", "calcifications");
    // PI-RADS zone
    feature("zone", "peripheral", "peripheral zone", "pz");
    feature("zone", "transition", "transition zone", "tz");

    change(
        Change.Status.NEW,
        "new",
        "newly",
        "interval development",
        "interval appearance",
        "developed",
        "newly developed",
        "newly seen",
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
        "not evident on the prior",
        "was not present",
        "were not present",
        "previously absent",
        "absent previously",
        "has appeared",
        "have appeared",
        "newly appeared",
        "incident");
    change(
        Change.Status.GROWING,
        "enlarging",
        "increased",
        "increasing",
        "grown",
        "growing",
        "larger",
        "growth",
        "interval increase",
        "interval growth",
        "increased in size",
        "has grown",
        "has enlarged",
        "enlarged since",
        "slowly growing",
        "slow growth");
    change(
        Change.Status.STABLE,
        "stable",
        "unchanged",
        "no change",
        "no interval change",
        "similar",
        "no significant change",
        "not changed",
        "not significantly changed",
        "not appreciably changed",
        "not substantially changed",
        "no significant interval change",
        "no definite change",
        "without change",
        "without interval change",
        "no appreciable change",
        "again seen",
        "again noted",
        "redemonstrated",
        "persistent");
    change(
        Change.Status.DECREASED,
        "decreased",
        "smaller",
        "decreasing",
        "shrinking",
        "regressed",
        "interval decrease",
        "decreased in size",
        "improved",
        "improving");
    change(
        Change.Status.RESOLVED,
        "resolved",
        "has resolved",
        "have resolved",
        "no longer seen",
        "no longer present",
        "no longer visualized",
        "no longer identified",
        "interval resolution");
  }

  private static void kind(
      Map<String, String> kinds, String key, String display, Site organ, String... phrases) {
    kinds.put(key, display);
    if (organ != null) {
      KIND_ORGAN.put(key, organ);
    }
    for (String p : phrases) {
      KIND_WORDS.add(p, key);
    }
  }

  /** "composition 2", "composition: 2", "composition 2 points": points 0..3 -> the feature. */
  private static void tiRadsPoints(String said, String... byPoints) {
    String group = said.equals("echogenic foci") ? "echogenic_foci" : said;
    for (int points = 0; points < byPoints.length; points++) {
      if (byPoints[points] == null) {
        continue;
      }
      for (String form :
          List.of("%s %d", "%s: %d", "%s %d points", "%s: %d points", "%s %d point")) {
        feature(group, byPoints[points], String.format(java.util.Locale.ROOT, form, said, points));
      }
    }
  }

  private static void feature(String group, String value, String... phrases) {
    for (String p : phrases) {
      FEATURE_WORDS.add(p, new Feature(group, value));
    }
  }

  private static void change(Change.Status status, String... phrases) {
    for (String p : phrases) {
      CHANGE_WORDS.add(p, status);
    }
  }

  private static final String NUM = "(\\d{1,3}(?:\\.\\d{1,2})?)";
  private static final String UNIT = "(mm|cm|millimet(?:er|re)s?|centimet(?:er|re)s?)";

  /** A number with a decimal point or a decimal comma ("1,1 cm", as several languages write it). */
  private static final String SIZE_NUM = "(\\d{1,3}(?:\\.\\d{1,2}|,\\d{1,2}(?!\\d))?)";

  private static final Pattern SIZE =
      Pattern.compile(
          "(?<![\\d.])"
              + SIZE_NUM
              + "(?:\\s*(?:mm|cm)?\\s*(?:x|by|\\u00d7)\\s*"
              + NUM
              + ")?(?:\\s*(?:mm|cm)?\\s*(?:x|by|\\u00d7)\\s*"
              + NUM
              + ")?\\s*-?\\s*" // "a 6-mm nodule"
              + UNIT
              + "\\b(?![\\u00b3^])",
          Pattern.CASE_INSENSITIVE);

  /** Words that make the size after them a bound, not a measurement: "all under 6 mm". */
  private static final Pattern BOUND_BEFORE =
      Pattern.compile(
          "\\b(?:under|below|less than|smaller than|no larger than|not exceeding)\\s*$|<\\s*$",
          Pattern.CASE_INSENSITIVE);

  /** A volume: "180 mm3", "1,767 mm³", "90 cubic millimetres" (volumetry). */
  private static final Pattern VOLUME =
      Pattern.compile(
          "(?<![\\d.,])(\\d{1,3}(?:,\\d{3})+|\\d{1,6})(?:\\.\\d{1,2})?\\s*"
              + "(?:mm\\s?(?:3\\b|\\^\\s?3\\b|\\u00b3)|(?:cubic|cu\\.?)\\s?(?:mm|millimet(?:er|re)s?)\\b)",
          Pattern.CASE_INSENSITIVE);

  /** A number without a unit after prior-size words: "previously 6.0", "from 6 to 8 mm". */
  private static final Pattern UNITLESS_PRIOR =
      Pattern.compile(
          "\\b(?:previously|prior(?:ly)?|formerly|from|was|compared (?:to|with))\\s+(?:measuring\\s+|measured\\s+)?"
              + NUM
              + "(?!\\d|\\.\\d|\\s*(?:x|by|mm|cm|millimet|centimet|months?|years?|days?|weeks?|%)"
              // round 30 (cx11): attenuation, not a size: "enhancing from 25 to 110 HU"
              + "|(?:\\s*(?:-|\u2013|to)\\s*\\d{1,4}(?:\\.\\d{1,2})?)?\\s*(?:hu\\b|hounsfield))",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern PRIOR_BEFORE =
      Pattern.compile(
          "(?:previously|prior(?:ly)?|formerly|from|compared (?:to|with)|[,;(]\\s*(?:it\\s+)?was|"
              + "(?:on|in) (?:the )?(?:prior|previous)(?: (?:exam|examination|study|ct|scan))?|"
              + "(?:up )?from"
              // "...; last year 5.4 x 4.6 mm", "a year ago 5 mm": the earlier screen first
              + "|[,;]\\s*(?:last|the previous|the prior) year|[,;]\\s*(?:a|one) year ago)"
              + "\\s*(?:measuring\\s+|measured\\s+|of\\s+|it\\s+was\\s+)?[(]?$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern PRIOR_AFTER =
      Pattern.compile(
          "^[)]?\\s*(?:(?:on|in) (?:the )?(?:prior|previous)|previously|->|\\u2192|=>|"
              + "\\d{1,2} (?:months?|years?) (?:ago|earlier|prior)"
              // "5.6 mm last year", "4.8 mm the year before", "5.4 mm on the 2023 screen"
              + "|(?:last|the previous) year\\b|the year before|a year (?:ago|earlier|before)"
              + "|\\d{1,2} (?:months?|years?) before"
              + "|(?:on|in|at) (?:the )?(?:(?:19|20)\\d\\d|first|initial|earlier|last)"
              + " (?:screen|screening|scan|ct|ldct|study|exam|examination)\\b)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern SOLID_BEFORE =
      Pattern.compile(
          "solid (?:component|portion|part|core|centre|center)\\s*,?\\s*(?:now\\s*|currently\\s*)?"
              // "solid component mean 4.0 mm", "solid portion average diameter 5 mm"
              + "(?:(?:mean|average)(?:\\s+(?:diameter|size))?\\s*(?:of\\s*)?)?(?:of|measuring|measures|measured|which measures|"
              + "that measures|is|=|:)?\\s*(?:up to\\s*|approximately\\s*|about\\s*)?$",
          Pattern.CASE_INSENSITIVE);

  /** Words that make the size after them an amount of change: "grown by 1.6 mm". */
  private static final Pattern DELTA_BEFORE =
      Pattern.compile(
          "(?:\\b(?:increase[ds]?|increasing|growth|grew|grown|decrease[ds]?|decreasing|shrunk|shrank|"
              + "(?<!follow[ -])up|down)"
              + "(?:\\s+in\\s+size)?(?:\\s+(?:by|of))?"
              + "|\\b(?:enlarged|enlargement|reduced|reduction|change[ds]?|difference|larger|smaller)"
              + "(?:\\s+in\\s+size)?\\s+(?:by|of))"
              + "(?:\\s+(?:approximately|about|only|just|another|a further))?\\s*$",
          Pattern.CASE_INSENSITIVE);

  /** Words that make the size before them an amount of change: "3 mm larger", "2 mm of growth". */
  private static final Pattern DELTA_AFTER =
      Pattern.compile(
          "^\\s*(?:larger|smaller|bigger|greater|increase|decrease|"
              + "interval (?:increase|decrease|growth|enlargement|change)|"
              + "of (?:interval )?(?:growth|increase|decrease)|growth|"
              + "(?:increase|decrease) in (?:size|diameter))\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern SOLID_AFTER =
      Pattern.compile(
          "^\\s*(?:solid (?:component|portion|part|core|centre|center)|solid$)",
          Pattern.CASE_INSENSITIVE);

  private final ConText conText = new ConText();
  private final Anatomy anatomy = new Anatomy();

  /** Frames of a text with no exam context. */
  public List<LesionFrame> extract(String text) {
    return extract(text, ExamContext.NONE);
  }

  /** Frames of a text (findings or impression) read in the given exam context. */
  public List<LesionFrame> extract(String text, ExamContext exam) {
    List<LesionFrame> out = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    Side heading = Side.NONE;
    for (Sentences.Span span : Sentences.split(text)) {
      int before = out.size();
      sentence(text, span.start(), span.end(), exam, out);
      List<Token> tokens = Token.tokenize(text.substring(span.start(), span.end()));
      Side said = anatomy.heading(tokens);
      if (said != Side.NONE && out.size() == before) {
        heading = said; // "Left knee." heads the findings after it
      } else if (!anatomy.sides(tokens).isEmpty()) {
        heading = Side.NONE; // a sentence that names its own side ends the heading's reach
      } else if (heading != Side.NONE) {
        for (int i = 0; i < out.size(); i++) {
          LesionFrame f = out.get(i);
          if (f.sentenceStart() >= span.start() && f.side() == Side.NONE) {
            out.set(i, withSide(f, heading));
          }
        }
      }
    }
    return out;
  }

  private static LesionFrame withSide(LesionFrame f, Side side) {
    return new LesionFrame(
        f.kind(),
        f.site(),
        side,
        f.location(),
        f.sizes(),
        f.composition(),
        f.features(),
        f.assertion(),
        f.change(),
        f.source(),
        f.start(),
        f.end(),
        f.sentenceStart(),
        f.sentenceEnd());
  }

  /** Frames of AI results: present, with the AI's size, location and coded composition. */
  public List<LesionFrame> fromAi(List<AiResult> results) {
    List<LesionFrame> out = new ArrayList<>();
    for (AiResult ai : results) {
      String finding = ai.finding().toLowerCase(Locale.ROOT);
      List<Token> words = Token.tokenize(finding);
      String kind = "";
      for (PhraseMatcher.Match<String> m : KIND_WORDS.findAll(words)) {
        kind = m.value();
      }
      if (kind.isEmpty()) {
        kind = finding.trim().replace(' ', '_');
      }
      Anatomy.Hit where =
          anatomy.read((ai.location() == null ? "" : ai.location()) + " " + ai.finding());
      Site site = where.site().known() ? where.site() : KIND_ORGAN.getOrDefault(kind, Site.UNKNOWN);
      if (!site.known() && finding.contains("lung")) {
        site = Anatomy.LUNG;
      }
      List<Measurement> sizes = new ArrayList<>();
      if (ai.sizeMm() != null) {
        sizes.add(new Measurement(List.of(ai.sizeMm()), "mm", Measurement.Role.OVERALL, -1, -1));
      }
      Map<String, String> features = new TreeMap<>();
      String composition = "";
      if (ai.composition() != null && !ai.composition().isBlank()) {
        for (PhraseMatcher.Match<Feature> m :
            FEATURE_WORDS.findAll(Token.tokenize(ai.composition()))) {
          Feature f = m.value();
          if (f.group().equals("composition")) {
            composition = composition.isEmpty() ? f.value() : composition;
          } else {
            features.putIfAbsent(f.group(), f.value());
          }
        }
      }
      String source = "AI: " + (ai.algorithm() == null ? ai.source() : ai.algorithm().toString());
      out.add(
          new LesionFrame(
              kind,
              site,
              where.side(),
              where.location(),
              sizes,
              composition,
              features,
              Assertion.PRESENT,
              Change.NOT_STATED,
              source,
              -1,
              -1,
              -1,
              -1));
    }
    return out;
  }

  /**
   * The sides at which a sentence names an organ ("Right testis normal." names the testis on the
   * right), from a side word right before the organ's words or a side the words carry.
   */
  public java.util.Set<Side> sidesOf(String sentence, String organ) {
    List<Token> tokens = Token.tokenize(sentence);
    java.util.Set<Side> out = java.util.EnumSet.noneOf(Side.class);
    List<PhraseMatcher.Match<Side>> sides = anatomy.sides(tokens);
    for (PhraseMatcher.Match<Anatomy.Hit> m : anatomy.sites(tokens)) {
      if (!m.value().site().organ().equals(organ)) {
        continue;
      }
      Side s = m.value().side();
      for (PhraseMatcher.Match<Side> sm : sides) {
        if (sm.to() == m.from()) {
          s = sm.value();
        }
      }
      if (s != Side.NONE) {
        out.add(s);
      }
    }
    return out;
  }

  /** Reads a free-text location ("right upper lobe") to a site and side. */
  public Site site(String location) {
    return anatomy.read(location == null ? "" : location).site();
  }

  // ------------------------------------------------------------------ one sentence

  /** A frame being built: its kind words and what binds to it. */
  private static final class Draft {
    String kind;
    final int from;
    final int to;
    final int start;
    final int end;
    Site site = Site.UNKNOWN;
    Side side = Side.NONE;
    String location = "";
    final List<Measurement> sizes = new ArrayList<>();
    // where a size of this finding the speaker took back ends: the correction after it is its size
    int takenBackEnd = -1;
    String composition = "";
    final Map<String, String> features = new TreeMap<>();
    Change change = Change.NOT_STATED;
    Assertion assertion;
    int sentenceStart = -1;
    // the site came from a bare "lobe", which is the lung's only on a chest exam
    boolean bareLobe;
    // unplaced when the thyroid was named as its landmark: "posterior to the thyroid lobe"
    boolean outsideThyroid;

    Draft(String kind, int from, int to, int start, int end) {
      this.kind = kind;
      this.from = from;
      this.to = to;
      this.start = start;
      this.end = end;
    }
  }

  private void sentence(
      String text, int sStart, int sEnd, ExamContext exam, List<LesionFrame> out) {
    String sentence = text.substring(sStart, sEnd);
    List<Token> tokens = new ArrayList<>();
    for (Token t : Token.tokenize(sentence)) {
      tokens.add(new Token(t.norm(), t.start() + sStart, t.end() + sStart));
    }
    if (tokens.isEmpty()) {
      return;
    }
    List<ConText.Trigger> triggers = conText.triggers(tokens);
    List<Draft> drafts = new ArrayList<>();
    List<PhraseMatcher.Match<String>> kinds = KIND_WORDS.findAll(tokens);
    for (PhraseMatcher.Match<String> m : kinds) {
      if (m.value().equals("mass")
          && m.to() < tokens.size()
          && tokens.get(m.to()).norm().equals("effect")) {
        continue; // "without mass effect": a sign of the lesion, no mass of its own
      }
      Draft d =
          new Draft(
              m.value(),
              m.from(),
              m.to(),
              tokens.get(m.from()).start(),
              tokens.get(m.to() - 1).end());
      // residues of past disease are seen today; an opacity is seen whatever it is read as
      d.assertion =
          switch (m.value()) {
            case "granuloma", "scarring" ->
                ConText.residueAssertion(tokens, triggers, m.from(), m.to());
            case "opacity" -> ConText.signAssertion(tokens, triggers, m.from(), m.to());
            default -> ConText.assertion(triggers, m.from(), m.to());
          };
      drafts.add(d);
    }
    // "ground glass opacity nodule", "density mass": the last noun is the lesion, the first
    // describes it
    for (int i = drafts.size() - 1; i > 0; i--) {
      Draft head = drafts.get(i);
      Draft before = drafts.get(i - 1);
      if (before.to == head.from
          && (before.kind.equals("opacity") || before.kind.equals("lesion"))
          && (head.kind.equals("nodule") || head.kind.equals("mass"))) {
        Draft merged = new Draft(head.kind, before.from, head.to, before.start, head.end);
        merged.assertion = head.assertion;
        drafts.set(i, merged);
        drafts.remove(i - 1);
      }
    }
    // "a cyst with a mural nodule / wall thickening": its wall's nodule or thickening is the
    // cyst's feature
    int cystAt = -1;
    for (Draft d : drafts) {
      boolean cystic =
          d.kind.equals("cyst")
              || (d.kind.equals("lesion")
                  && d.from > 0
                  && tokens.get(d.from - 1).norm().equals("cystic"));
      if (cystic && cystAt < 0) {
        cystAt = d.to;
      }
    }
    if (cystAt >= 0) {
      int after = cystAt;
      drafts.removeIf(
          d ->
              (d.kind.equals("nodule") || d.kind.equals("thickening"))
                  && d.from >= after
                  && List.of("mural", "wall").contains(tokens.get(d.from - 1).norm()));
    }
    // calcifications described with a nodule or mass are its feature, not a lesion of their own
    if (drafts.size() > 1) {
      drafts.removeIf(
          d ->
              d.kind.equals("calcification")
                  && drafts.stream().anyMatch(o -> o != d && !o.kind.equals("calcification")));
    }
    // a sentence without a finding word describes the frame before it, when that one is near
    if (!drafts.isEmpty()
        && drafts.stream().allMatch(d -> d.kind.equals("calcification"))
        && !out.isEmpty()
        && out.get(out.size() - 1).fromText()
        && out.get(out.size() - 1).organ().equals("thyroid")) {
      drafts.clear(); // "Echogenic foci: peripheral rim calcification." describes the nodule before
    }
    boolean orphan = drafts.isEmpty();
    if (orphan && (out.isEmpty() || !out.get(out.size() - 1).fromText())) {
      Draft implied = impliedLesion(sentence, tokens);
      if (implied == null) {
        return;
      }
      drafts.add(implied); // "Right lobe: 1.5 cm solid, hypoechoic, wider than tall, smooth."
      orphan = false;
    } else if (orphan) {
      LesionFrame last = out.get(out.size() - 1);
      boolean adjacent =
          last.sentenceEnd() >= 0
              && last.sentenceEnd() <= sStart
              && text.substring(last.sentenceEnd(), sStart).isBlank();
      boolean elsewhere =
          !last.organ().isEmpty()
              && anatomy.sites(tokens).stream()
                  .anyMatch(h -> !h.value().site().organ().equals(last.organ()));
      if (!describes(sentence, tokens) || !adjacent || elsewhere || namesOtherStructure(sentence)) {
        return; // a size two sentences on, or of another organ, is not this lesion's
      }
      LesionFrame prev = out.remove(out.size() - 1);
      drafts.add(reopen(prev));
    }
    bindSites(tokens, drafts, orphan);
    organRightBefore(tokens, drafts);
    boneMatrix(tokens, drafts);
    couinaud(sentence, drafts);
    parathyroid(tokens, triggers, drafts);
    cerebralLobe(tokens, drafts, exam);
    prostateAnastomosis(tokens, drafts, exam);
    bindSizes(text, sStart, sEnd, tokens, drafts);
    bindFeatures(tokens, triggers, drafts);
    bindChange(tokens, triggers, drafts);
    newAgainstPrior(tokens, drafts);
    juxtapleural(tokens, drafts);
    airway(tokens, drafts);
    for (Draft d : drafts) {
      focalOpacity(text, sentence, d);
      finish(d, exam);
      out.add(
          new LesionFrame(
              d.kind,
              d.site,
              d.side,
              d.location,
              d.sizes,
              d.composition,
              d.features,
              d.assertion,
              d.change,
              "dictation",
              d.start,
              d.end,
              orphan ? d.sentenceStart : sStart,
              sEnd));
    }
  }

  /** Whether a phrase is one of the finding words ("nodule", "renal stone"), not a feature. */
  public static boolean namesAFinding(String phrase) {
    List<Token> t = Token.tokenize(phrase);
    return !t.isEmpty() && KIND_WORDS.longestAt(t, 0) != null;
  }

  /**
   * A lesion described without its noun: a size and at least three feature groups of the lexicon
   * (composition, echogenicity, shape, margin, ...) make it a nodule at its first feature word.
   */
  private static Draft impliedLesion(String sentence, List<Token> tokens) {
    if (!SIZE.matcher(sentence).find()) {
      return null;
    }
    List<PhraseMatcher.Match<Feature>> features = FEATURE_WORDS.findAll(tokens);
    java.util.Set<String> groups = new java.util.HashSet<>();
    features.forEach(f -> groups.add(f.value().group()));
    if (groups.size() < 3) {
      return null;
    }
    PhraseMatcher.Match<Feature> first = features.get(0);
    Draft d =
        new Draft(
            "nodule",
            first.from(),
            first.to(),
            tokens.get(first.from()).start(),
            tokens.get(first.to() - 1).end());
    d.assertion = Assertion.PRESENT;
    return d;
  }

  /** A sentence without a finding word that still describes one: a size, a feature, a change. */
  private static boolean describes(String sentence, List<Token> tokens) {
    return SIZE.matcher(sentence).find()
        || !FEATURE_WORDS.findAll(tokens).isEmpty()
        || !CHANGE_WORDS.findAll(tokens).isEmpty();
  }

  private static Draft reopen(LesionFrame f) {
    Draft d = new Draft(f.kind(), Integer.MIN_VALUE / 2, Integer.MIN_VALUE / 2, f.start(), f.end());
    d.site = f.site();
    d.side = f.side();
    d.location = f.location();
    d.sizes.addAll(f.sizes());
    d.composition = f.composition();
    d.features.putAll(f.features());
    d.change = f.change();
    d.assertion = f.assertion();
    d.sentenceStart = f.sentenceStart();
    return d;
  }

  /**
   * The draft nearest tokens [from, to); a word before a finding binds to the one after it, and a
   * ';' or ':' between them (another clause) counts as far.
   */
  private static Draft nearest(List<Token> tokens, List<Draft> drafts, int from, int to) {
    Draft best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (Draft d : drafts) {
      int distance;
      if (d.from == Integer.MIN_VALUE / 2) {
        distance = 1000; // a reopened frame takes what nothing else in the sentence claims
      } else if (to <= d.from) {
        distance = d.from - to + breaks(tokens, to, d.from);
      } else if (from >= d.to) {
        distance = from - d.to + 1 + breaks(tokens, d.to, from);
      } else {
        distance = 0;
      }
      if (distance < bestDistance) {
        best = d;
        bestDistance = distance;
      }
    }
    return best;
  }

  private static int breaks(List<Token> tokens, int from, int to) {
    int n = 0;
    for (int i = Math.max(0, from); i < Math.min(to, tokens.size()); i++) {
      String w = tokens.get(i).norm();
      n += w.equals(";") || w.equals(":") ? 100 : w.equals(",") ? 2 : 0;
    }
    return n;
  }

  private void bindSites(List<Token> tokens, List<Draft> drafts, boolean orphan) {
    if (orphan && drafts.get(0).site.known()) {
      return; // "Left lobe unremarkable." says nothing more about where the lesion before is
    }
    // "lobe of the right parotid gland": a site said "of" the one before belongs to the same
    // lesion, and a side word right before a site ("the right parotid") is that site's side
    Map<Integer, Draft> siteOwner = new java.util.HashMap<>();
    int prevTo = -1;
    Draft prevOwner = null;
    for (PhraseMatcher.Match<Anatomy.Hit> m : anatomy.sites(tokens)) {
      Draft d = nearestThatCanBeThere(tokens, drafts, m.from(), m.to(), m.value().site());
      if (prevOwner != null && ofTheSite(tokens, prevTo, m.from())) {
        d = prevOwner;
      }
      siteOwner.put(m.from(), d);
      prevTo = m.to();
      prevOwner = d;
      Anatomy.Hit h = m.value();
      Draft lobed =
          h.site() == Anatomy.LIVER || h.site() == Anatomy.THYROID || h.site() == Anatomy.SALIVARY
              ? lobeOf(tokens, drafts, m.from())
              : null;
      if (lobed != null && lobed != d) {
        // "lesion in the superficial lobe of the right parotid gland, likely pleomorphic adenoma":
        // the gland owns the lobe, so the lesion in the lobe is the gland's too
        lobed.site = h.site();
        lobed.bareLobe = false;
      }
      boolean thyroidLobe = // "behind the left lobe of the thyroid"
          m.to() - m.from() == 1
              && tokens.get(m.from()).norm().equals("lobe")
              && lobeOfThyroid(tokens, m.to());
      if ((h.site() == Anatomy.THYROID || thyroidLobe)
          && (landmark(tokens, d, m.from()) || landmarkBefore(tokens, d, m.from()))) {
        d.outsideThyroid |= !d.site.known();
        continue; // "nodule posterior to the right thyroid lobe": the thyroid is where it is not
      }
      if (d.bareLobe
          && (h.site() == Anatomy.LIVER
              || h.site() == Anatomy.THYROID
              || h.site() == Anatomy.SALIVARY)) {
        d.site = h.site(); // "right lobe of the liver", "superficial lobe of the parotid"
        d.bareLobe = false;
        continue;
      }
      Site implied = KIND_ORGAN.get(d.kind);
      if (implied != null
          && !implied.organ().equals(h.site().organ())
          && !(implied == Anatomy.PLEURA && h.site().organ().equals("lung"))
          && !(implied == Anatomy.LUNG && h.site().organ().equals("pleura"))
          && !(implied == Anatomy.PLEURA && h.site() == Anatomy.JOINT)) {
        continue; // "pneumothorax with mediastinal shift": the shift is not where the air is
      }
      // a lobe is more precise than the organ: keep the most specific site
      if (!d.site.known()
          || (d.location.isEmpty() && !h.location().isEmpty())
          || (orphan && !h.location().isEmpty())) {
        d.site = h.site();
        d.bareLobe = m.to() - m.from() == 1 && tokens.get(m.from()).norm().equals("lobe");
        if (!h.location().isEmpty()) {
          d.location = h.location();
        }
      }
      if (h.side() != Side.NONE && d.side == Side.NONE) {
        d.side = h.side();
      }
    }
    adjacentSite(tokens, drafts);
    for (PhraseMatcher.Match<Side> m : anatomy.sides(tokens)) {
      Draft d = siteOwner.getOrDefault(m.to(), nearest(tokens, drafts, m.from(), m.to()));
      Draft before = position(tokens, drafts, m.from());
      if (before != null) {
        d = before;
      }
      if (d.side == Side.NONE) {
        d.side = m.value();
      } else if (d.side != m.value()
          && m.value() != Side.BILATERAL
          && d.side != Side.BILATERAL
          && !d.location.contains(sideWord(m.value()))) {
        d.side = Side.BILATERAL;
      } else if (m.value() == Side.BILATERAL) {
        d.side = Side.BILATERAL;
      }
    }
    regionSide(tokens, drafts);
    locationDetail(tokens, drafts);
    // "meniscal tear with effusion": beside a joint finding the effusion is the joint's
    if (drafts.stream().anyMatch(d -> d.site == Anatomy.JOINT)) {
      for (Draft d : drafts) {
        if (d.kind.equals("effusion") && !d.site.known()) {
          d.site = Anatomy.JOINT;
        }
      }
    }
  }

  /**
   * "liver spleen pancreas normal left adrenal nodule" (dictated without stops): the organ said
   * right before a finding's words is its organ, over one said earlier in the run-on sentence.
   */
  private static final java.util.Set<String> SIDE_TOKENS =
      java.util.Set.of("right", "left", "bilateral", "rt", "lt", "r", "l");

  private static final java.util.Set<String> LIST_JOINS =
      java.util.Set.of("and", "or", ",", "/", "&", "-", "to", "of", "the", "in");

  private void adjacentSite(List<Token> tokens, List<Draft> drafts) {
    for (PhraseMatcher.Match<Anatomy.Hit> m : anatomy.sites(tokens)) {
      Site site = m.value().site();
      int before = m.from() - 1;
      while (before >= 0 && SIDE_TOKENS.contains(tokens.get(before).norm())) {
        before--;
      }
      if (before >= 0 && LIST_JOINS.contains(tokens.get(before).norm())) {
        continue; // "mediastinal and hilar lymphadenopathy": one finding at both sites
      }
      for (Draft d : drafts) {
        Site implied = KIND_ORGAN.get(d.kind);
        if (d.from == m.to()
            && d.site.known()
            && !d.site.organ().equals(site.organ())
            && m.value().location().isEmpty()
            && d.location.isEmpty()
            && (implied == null || implied.organ().equals(site.organ()))) {
          d.site = site;
          d.bareLobe = false;
        }
      }
    }
  }

  /**
   * The nearest finding that can lie at {@code site}: "mass in the left frontal lobe with vasogenic
   * oedema" places the mass, since the oedema's kind implies the lung. The nearest one when none
   * can.
   */
  private static Draft nearestThatCanBeThere(
      List<Token> tokens, List<Draft> drafts, int from, int to, Site site) {
    List<Draft> can = new ArrayList<>();
    for (Draft d : drafts) {
      Site implied = KIND_ORGAN.get(d.kind);
      if (implied == null
          || implied.organ().equals(site.organ())
          || (implied == Anatomy.PLEURA && site.organ().equals("lung"))
          || (implied == Anatomy.LUNG && site.organ().equals("pleura"))
          || (implied == Anatomy.PLEURA && site == Anatomy.JOINT)) {
        can.add(d);
      }
    }
    return nearest(tokens, can.isEmpty() ? drafts : can, from, to);
  }

  /**
   * A side said as a position after a finding ("calculus at the pelviureteric junction on the left
   * with hydronephrosis") is that finding's: the finding before it nearest, or null when the side
   * is not said as "on the left" / "on the right side".
   */
  private static Draft position(List<Token> tokens, List<Draft> drafts, int at) {
    if (at < 2
        || !tokens.get(at - 1).norm().equals("the")
        || !tokens.get(at - 2).norm().equals("on")) {
      return null;
    }
    Draft best = null;
    for (Draft d : drafts) {
      if (d.to >= 0 && d.to <= at - 2 && (best == null || d.to > best.to)) {
        best = d;
      }
    }
    return best;
  }

  /** Limbs, joints and regions: a side said of one covers every finding of its sentence. */
  private static final java.util.Set<String> REGIONS =
      java.util.Set.of(
          "knee",
          "hip",
          "shoulder",
          "ankle",
          "elbow",
          "wrist",
          "groin",
          "thigh",
          "leg",
          "arm",
          "forearm",
          "foot",
          "hand",
          "hemithorax",
          "calf");

  /**
   * "Tear of the medial meniscus of the left knee with effusion": the side of a limb or joint is
   * that of every finding of the sentence that has none of its own (only when one side is said).
   */
  private void regionSide(List<Token> tokens, List<Draft> drafts) {
    List<PhraseMatcher.Match<Side>> sides = anatomy.sides(tokens);
    Side region = Side.NONE;
    for (PhraseMatcher.Match<Side> m : sides) {
      if (m.to() < tokens.size() && REGIONS.contains(tokens.get(m.to()).norm())) {
        region = m.value();
      }
    }
    if (region == Side.NONE || region == Side.BILATERAL) {
      return;
    }
    for (PhraseMatcher.Match<Side> m : sides) {
      if (m.value() != region) {
        return; // another side in the sentence: each finding keeps its own
      }
    }
    for (Draft d : drafts) {
      if (d.side == Side.NONE) {
        d.side = region;
      }
    }
  }

  /** Whether the tokens from {@code prevTo} to {@code at} read "of (the) (side)". */
  private boolean ofTheSite(List<Token> tokens, int prevTo, int at) {
    if (prevTo < 0 || prevTo >= at || !tokens.get(prevTo).norm().equals("of")) {
      return false;
    }
    int i = prevTo + 1;
    if (i < at && tokens.get(i).norm().equals("the")) {
      i++;
    }
    if (i < at) {
      List<Token> rest = tokens.subList(i, at);
      return rest.size() == 1 && !anatomy.sides(tokens.subList(i, at + 1)).isEmpty();
    }
    return true;
  }

  /**
   * The draft placed in a bare "lobe" that the organ at {@code at} owns: "lobe of the (right) X".
   */
  private static Draft lobeOf(List<Token> tokens, List<Draft> drafts, int at) {
    int i = at - 1;
    while (i >= 0 && java.util.Set.of("the", "right", "left").contains(tokens.get(i).norm())) {
      i--;
    }
    if (i < 1 || !tokens.get(i).norm().equals("of") || !tokens.get(i - 1).norm().equals("lobe")) {
      return null;
    }
    for (Draft d : drafts) {
      if (d.bareLobe && d.to <= i - 1) {
        return d;
      }
    }
    return null;
  }

  /** "lobe of the (right) thyroid" from {@code at}, just after the word "lobe". */
  private static boolean lobeOfThyroid(List<Token> tokens, int at) {
    int i = at;
    if (i >= tokens.size() || !tokens.get(i).norm().equals("of")) {
      return false;
    }
    i++;
    while (i < tokens.size()
        && java.util.Set.of("the", "right", "left").contains(tokens.get(i).norm())) {
      i++;
    }
    return i < tokens.size() && tokens.get(i).norm().startsWith("thyroid");
  }

  /** Words that make the site after them a landmark next to the lesion, not its site. */
  private static final java.util.Set<String> LANDMARK_WORDS =
      java.util.Set.of(
          "posterior to",
          "behind",
          "deep to",
          "inferior to",
          "below",
          "beneath",
          "adjacent to",
          "separate from",
          "abutting",
          "outside",
          "next to",
          "exophytic from");

  /** Whether a relation word stands between the lesion word and the site at {@code at}. */
  private static boolean landmark(List<Token> tokens, Draft d, int at) {
    if (d.to > at || d.to < 0) {
      return false;
    }
    for (int i = d.to; i < at; i++) {
      String w = tokens.get(i).norm();
      String two = i + 1 < at ? w + " " + tokens.get(i + 1).norm() : "";
      if (LANDMARK_WORDS.contains(w) || LANDMARK_WORDS.contains(two)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The relation said before the site when the site comes first ("Posterior to the lower pole of
   * the left thyroid lobe there is a 12 mm hypoechoic lesion"): the thyroid is the landmark there
   * too (round 24, helper "fno2"). Looks back a few words from the site, not past a clause break.
   */
  private static boolean landmarkBefore(List<Token> tokens, Draft d, int at) {
    if (d.from < at) {
      return false;
    }
    for (int i = at - 1; i >= Math.max(0, at - 10); i--) {
      String w = tokens.get(i).norm();
      if (w.equals(",") || w.equals(";") || w.equals(":") || w.equals(".")) {
        return false;
      }
      String two = w + " " + (i + 1 < at ? tokens.get(i + 1).norm() : "");
      if (LANDMARK_WORDS.contains(w) || LANDMARK_WORDS.contains(two)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A sentence that names the parathyroid is about it: a lesion the sentence leaves unplaced ("9 mm
   * hypoechoic nodule posterior to the right thyroid lobe, likely a parathyroid adenoma") is the
   * parathyroid's, not the thyroid's.
   */
  private void parathyroid(List<Token> tokens, List<ConText.Trigger> triggers, List<Draft> drafts) {
    // "no parathyroid adenoma seen" does not make the nodule of its sentence a parathyroid one
    boolean named =
        anatomy.sites(tokens).stream()
            .anyMatch(
                h ->
                    h.value().site() == Anatomy.PARATHYROID
                        && ConText.assertion(triggers, h.from(), h.to()).positive());
    if (!named) {
      return;
    }
    for (Draft d : drafts) {
      if (!d.site.known()) {
        d.site = Anatomy.PARATHYROID;
      }
    }
  }

  private static String sideWord(Side s) {
    return s.name().toLowerCase(Locale.ROOT);
  }

  private static final Pattern CLOCK =
      Pattern.compile(
          "\\b(1[0-2]|[1-9])(?::00|:30)?\\s*(?:o'?clock|o’clock)", Pattern.CASE_INSENSITIVE);
  private static final Pattern SEGMENT =
      Pattern.compile(
          "\\bsegment\\s+([1-8]|[ivx]{1,4})\\b|\\b(?:hepatic )?(?:segment|s)([1-8])\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern POLE =
      Pattern.compile(
          "\\b(upper|lower|mid|inferior|superior) pole\\b|\\binterpolar\\b",
          Pattern.CASE_INSENSITIVE);

  private static void locationDetail(List<Token> tokens, List<Draft> drafts) {
    if (tokens.isEmpty()) {
      return;
    }
    // the sentence's text from its tokens' span is enough for these short patterns
    StringBuilder b = new StringBuilder();
    List<Integer> tokenAt = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      if (i > 0) {
        b.append(' ');
        tokenAt.add(i);
      }
      for (int c = 0; c < tokens.get(i).norm().length(); c++) {
        tokenAt.add(i);
      }
      b.append(tokens.get(i).norm());
    }
    String s = b.toString();
    for (Pattern p : List.of(CLOCK, SEGMENT, POLE)) {
      Matcher m = p.matcher(s);
      while (m.find()) {
        int from = tokenAt.get(m.start());
        int to = tokenAt.get(Math.max(m.start(), m.end() - 1)) + 1;
        Draft d = nearest(tokens, drafts, from, to);
        String detail = m.group().replace(" o'clock", " o'clock").trim();
        d.location = d.location.isEmpty() ? detail : d.location + ", " + detail;
      }
    }
  }

  private void bindSizes(
      String text, int sStart, int sEnd, List<Token> tokens, List<Draft> drafts) {
    String sentence = text.substring(sStart, sEnd);
    Matcher m = SIZE.matcher(sentence);
    String lastUnit = "mm";
    List<int[]> taken = new ArrayList<>();
    Measurement.Role lastRole = null;
    int lastEnd = -100;
    int sizes = 0;
    while (m.find()) {
      sizes++;
    }
    m.reset();
    while (m.find()) {
      if (sizes > 1 && BOUND_BEFORE.matcher(sentence.substring(0, m.start())).find()) {
        continue; // "all under 6 mm, the largest 4 mm": a bound, the size is the other one
      }
      String unit = m.group(4).toLowerCase(Locale.ROOT);
      double factor = unit.startsWith("c") ? 10 : 1;
      List<Double> axes = new ArrayList<>();
      for (int g = 1; g <= 3; g++) {
        if (m.group(g) != null) {
          axes.add(
              Math.round(Double.parseDouble(m.group(g).replace(',', '.')) * factor * 100) / 100.0);
        }
      }
      int start = m.start() + sStart;
      int end = m.end() + sStart;
      Measurement.Role role = role(sentence, m.start(), m.end());
      if (role == Measurement.Role.PRIOR
          && lastRole == Measurement.Role.SOLID_COMPONENT
          && m.start() - lastEnd < 20) {
        role = Measurement.Role.PRIOR_SOLID_COMPONENT; // "solid component 5 mm, previously 2 mm"
      }
      lastRole = role;
      lastEnd = m.end();
      lastUnit = unit.startsWith("c") ? "cm" : "mm";
      add(tokens, drafts, new Measurement(axes, lastUnit, role, start, end));
      taken.add(new int[] {m.start(), m.end()});
    }
    Matcher vol = VOLUME.matcher(sentence);
    while (vol.find()) {
      double mm3 = Double.parseDouble(vol.group(1).replace(",", ""));
      add(
          tokens,
          drafts,
          new Measurement(
              List.of(mm3),
              "mm3",
              Measurement.Role.VOLUME,
              vol.start() + sStart,
              vol.end() + sStart));
    }
    Matcher u = UNITLESS_PRIOR.matcher(sentence);
    while (u.find()) {
      int at = u.start(1);
      boolean inside = taken.stream().anyMatch(r -> at >= r[0] && at < r[1]);
      if (inside || taken.isEmpty()) {
        continue; // a bare number is a size only next to a measured one
      }
      double factor = lastUnit.equals("cm") ? 10 : 1;
      double v = Math.round(Double.parseDouble(u.group(1)) * factor * 100) / 100.0;
      boolean ofSolid = lastRole == Measurement.Role.SOLID_COMPONENT && u.start(1) - lastEnd < 20;
      add(
          tokens,
          drafts,
          new Measurement(
              List.of(v),
              lastUnit,
              ofSolid ? Measurement.Role.PRIOR_SOLID_COMPONENT : Measurement.Role.PRIOR,
              u.start(1) + sStart,
              u.end(1) + sStart));
    }
  }

  private static void add(List<Token> tokens, List<Draft> drafts, Measurement size) {
    int from = tokenIndex(tokens, size.start());
    for (Draft corrected : drafts) {
      if (corrected.takenBackEnd >= 0
          && corrected.takenBackEnd <= size.start()
          && size.start() - corrected.takenBackEnd < 40) {
        corrected.takenBackEnd = -1;
        corrected.sizes.add(size);
        return;
      }
    }
    List<Draft> before = measuredBefore(tokens, drafts, from);
    if (before.isEmpty()) {
      before = deniedAfter(tokens, drafts, from);
    }
    Draft d = nearest(tokens, before.isEmpty() ? drafts : before, from, from + 1);
    Draft named = namedAfter(tokens, drafts, size);
    if (before.isEmpty() && named != null) {
      d = named;
    }
    if (takenBack(tokens, size)) {
      // "6 by 5 mm scratch that 9 by 8 mm": the correction is the size
      d.takenBackEnd = size.end();
      return;
    }
    d.sizes.add(size);
  }

  /** Spoken corrections: what follows replaces what came before. */
  private static final List<List<String>> CORRECTIONS =
      List.of(
          List.of("scratch", "that"),
          List.of("strike", "that"),
          List.of("make", "that"),
          List.of("i", "mean"),
          List.of("correction"));

  /**
   * A size the speaker takes back at once for another ("6 by 5 mm scratch that 9 by 8 mm", "4 mm,
   * correction, 5 mm"): a correction right after its unit, then a number.
   */
  private static boolean takenBack(List<Token> tokens, Measurement size) {
    int k = tokenIndex(tokens, size.end());
    while (k < tokens.size() && tokens.get(k).start() < size.end()) {
      k++;
    }
    while (k < tokens.size() && tokens.get(k).isPunctuation()) {
      k++;
    }
    for (List<String> c : CORRECTIONS) {
      boolean said = k + c.size() <= tokens.size();
      for (int j = 0; said && j < c.size(); j++) {
        said = tokens.get(k + j).norm().equals(c.get(j));
      }
      if (!said) {
        continue;
      }
      for (int j = k + c.size(); j < Math.min(tokens.size(), k + c.size() + 3); j++) {
        if (tokens.get(j).norm().matches("\\d+(?:\\.\\d+)?")) {
          return true;
        }
      }
    }
    return false;
  }

  private static final java.util.Set<String> CLAUSE_WORDS =
      java.util.Set.of(
          "and",
          "or",
          "but",
          "with",
          "without",
          "in",
          "of",
          "at",
          "on",
          "from",
          "is",
          "are",
          "was",
          "were",
          "measuring",
          "measures",
          "measured",
          "than",
          "to",
          "previously",
          "prior",
          "no",
          "not",
          "nor",
          "none",
          "other",
          "another",
          "impression",
          "findings");

  /**
   * "a stable 4 mm left upper lobe nodule": a size written before its lesion's words, with only the
   * lesion's own modifiers (site, side, composition) between, is that lesion's, however far an
   * earlier finding of the sentence is.
   */
  private static Draft namedAfter(List<Token> tokens, List<Draft> drafts, Measurement size) {
    int i = tokenIndex(tokens, size.end() - 1) + 1;
    for (int n = 0; i < tokens.size() && n < 5; i++, n++) {
      for (Draft d : drafts) {
        if (d.from == i) {
          // right after the size nearest() already binds it; a denied finding has no size
          return n == 0 || (d.assertion != null && d.assertion.negated()) ? null : d;
        }
      }
      String w = tokens.get(i).norm();
      if (!Character.isLetter(w.charAt(0)) || CLAUSE_WORDS.contains(w)) {
        return null;
      }
    }
    return null;
  }

  /**
   * "enhancing mass with a dural tail, 1.9 cm, no adjacent oedema": a size the clause break
   * separates from a denied finding after it is the present finding's before it; the drafts other
   * than those denied ones, or none when nothing present comes before the size.
   */
  private static List<Draft> deniedAfter(List<Token> tokens, List<Draft> drafts, int at) {
    List<Draft> denied = new ArrayList<>();
    boolean presentBefore = false;
    for (Draft d : drafts) {
      if (d.from == Integer.MIN_VALUE / 2) {
        continue;
      }
      if (d.to <= at && d.assertion != null && !d.assertion.negated()) {
        presentBefore = true;
      } else if (d.from > at
          && d.assertion != null
          && d.assertion.negated()
          && breaks(tokens, at, d.from) > 0) {
        denied.add(d);
      }
    }
    if (!presentBefore || denied.isEmpty()) {
      return List.of();
    }
    return drafts.stream().filter(d -> !denied.contains(d)).toList();
  }

  private static final java.util.Set<String> MEASURE_VERBS =
      java.util.Set.of("measuring", "measures", "measured", "measure", "spanning", "spans");
  private static final java.util.Set<String> MEASURE_HEDGES =
      java.util.Set.of("approximately", "about", "up", "to", "roughly", "~", "maximally", "max");

  /**
   * "mass ... measuring 3.2 x 2.8 cm with surrounding oedema": a size after a measuring verb is the
   * size of the finding before the verb (its subject), not of one named after it.
   */
  private static List<Draft> measuredBefore(List<Token> tokens, List<Draft> drafts, int at) {
    int i = at - 1;
    while (i >= 0 && MEASURE_HEDGES.contains(tokens.get(i).norm())) {
      i--;
    }
    if (i < 0 || !MEASURE_VERBS.contains(tokens.get(i).norm())) {
      return List.of();
    }
    int verb = i;
    return drafts.stream().filter(d -> d.from != Integer.MIN_VALUE / 2 && d.to <= verb).toList();
  }

  private static int tokenIndex(List<Token> tokens, int offset) {
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).end() > offset) {
        return i;
      }
    }
    return tokens.size() - 1;
  }

  /** The solid component's change said as sizes: "solid component increased from 2 mm to ...". */
  private static final Pattern SOLID_FROM =
      Pattern.compile(
          "solid (?:component|portion|part)s?\\b[^.;]{0,45}?\\bfrom\\s*(?:approximately\\s*|about\\s*)?$",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern SOLID_TO =
      Pattern.compile(
          "solid (?:component|portion|part)s?\\b[^.;]{0,45}?\\b(?:from\\s+\\d{1,3}(?:\\.\\d{1,2})?\\s*"
              + "(?:mm|cm)?\\s*|(?:increased|grown|grew|enlarged|progressed|decreased|shrunk|"
              + "increasing|growing))\\s*(?:up\\s*)?to\\s*(?:approximately\\s*|about\\s*)?$",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern WALL_BEFORE =
      Pattern.compile(
          "\\bwalls?(?:\\s+thickness|\\s+thickening)?\\s*(?:of|measuring|measures|measured|"
              + "which measures|that measures|is|=|:)?\\s*(?:up to\\s*|approximately\\s*|about\\s*)?$",
          Pattern.CASE_INSENSITIVE);

  /**
   * Round 30 (cx11): a hollow organ's wall named as where a lesion sits ("polypoid lesion on the
   * left bladder wall measuring 2.2 cm", "mass in the posterior gastric wall measuring 3.5 cm"):
   * the size is the lesion's, not a wall thickness ("the cyst wall measuring 3 mm" still is).
   */
  private static final Pattern ORGAN_WALL_PLACE =
      Pattern.compile(
          "\\b(?:on|in|along|within|involving|arising from|from|at)\\s+(?:the\\s+)?(?:[\\w-]+\\s+){0,3}?"
              + "(?:bladder|gallbladder|gastric|stomach|bowel|colonic|colon|rectal|caecal|cecal"
              + "|jejunal|ileal|duodenal|o?esophageal|vaginal|uterine|chest|abdominal)\\s+walls?"
              + "\\s+(?:measuring|measures|measured|which measures|that measures)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern WALL_AFTER =
      Pattern.compile("^\\s*-?\\s*(?:thick\\s*-?\\s*)?wall(?:ed)?\\b", Pattern.CASE_INSENSITIVE);

  private static Measurement.Role role(String sentence, int start, int end) {
    String near =
        sentence
            .substring(Math.max(0, start - 80), Math.min(sentence.length(), end + 16))
            .toLowerCase(Locale.ROOT);
    if (near.contains("wall")) {
      String wallBefore = sentence.substring(Math.max(0, start - 40), start);
      String wallAfter = sentence.substring(end, Math.min(sentence.length(), end + 16));
      if ((WALL_BEFORE.matcher(wallBefore).find() && !ORGAN_WALL_PLACE.matcher(near).find())
          || WALL_AFTER.matcher(wallAfter).find()) {
        return Measurement.Role.WALL;
      }
    }
    if (near.contains("solid")) {
      String longBefore = sentence.substring(Math.max(0, start - 80), start);
      if (SOLID_FROM.matcher(longBefore).find()) {
        return Measurement.Role.PRIOR_SOLID_COMPONENT;
      }
      if (SOLID_TO.matcher(longBefore).find()) {
        return Measurement.Role.SOLID_COMPONENT;
      }
    }
    String before = sentence.substring(Math.max(0, start - 40), start);
    String after = sentence.substring(end, Math.min(sentence.length(), end + 24));
    if (DELTA_BEFORE.matcher(before).find() || DELTA_AFTER.matcher(after).find()) {
      return Measurement.Role.DELTA;
    }
    if (SOLID_BEFORE.matcher(before).find() || SOLID_AFTER.matcher(after).find()) {
      return Measurement.Role.SOLID_COMPONENT;
    }
    if (PRIOR_BEFORE.matcher(before).find() || PRIOR_AFTER.matcher(after).find()) {
      return Measurement.Role.PRIOR;
    }
    return Measurement.Role.OVERALL;
  }

  private static void bindFeatures(
      List<Token> tokens, List<ConText.Trigger> triggers, List<Draft> drafts) {
    for (PhraseMatcher.Match<Feature> m : FEATURE_WORDS.findAll(tokens)) {
      Feature f = m.value();
      Draft d = nearest(tokens, drafts, m.from(), m.to());
      Assertion a = ConText.assertion(triggers, m.from(), m.to());
      if (f.group().equals("composition")) {
        // "solid component" is part of a part-solid nodule, not its composition
        boolean component =
            m.to() < tokens.size()
                && List.of("component", "portion", "part", "core", "centre", "center")
                    .contains(tokens.get(m.to()).norm());
        if (component) {
          if (!a.positive()) {
            // "without a solid component": no part-solid nodule; a "subsolid nodule with no solid
            // component" is a ground-glass one
            if (d.composition.equals("part-solid")) {
              d.composition = "ground-glass";
            }
            continue;
          }
          if (d.composition.isEmpty()
              || d.composition.equals("solid")
              || d.composition.equals("ground-glass")) {
            // a ground-glass nodule "now with a 4 mm solid component" is part-solid
            d.composition = "part-solid";
          }
          continue;
        }
        if (a.positive() && (d.composition.isEmpty() || moreSpecific(f.value(), d.composition))) {
          d.composition = f.value();
        }
        continue;
      }
      if (f.group().equals("calc_morphology")
          && m.to() < tokens.size()
          && TUMOUR_NAMES.contains(tokens.get(m.to()).norm())) {
        continue; // "pleomorphic adenoma" names a tumour, no calcification
      }
      String value = f.value();
      if (a.negated()
          && (f.group().equals("shape") || f.group().equals("echogenicity"))
          && !a.possible()
          && !a.historical()
          && !a.hypothetical()
          && !a.otherExperiencer()
          && ownListItem(tokens, triggers, m.from())) {
        // "no echogenic foci, wider than tall": a shape or echogenicity item after a comma states
        // itself; the negation before it was of the item before
        a = Assertion.PRESENT;
      }
      if (!a.positive() || a.negated()) {
        value =
            switch (f.group()) {
              case "echogenic_foci" -> "none";
              case "shape" -> f.value().equals("taller-than-wide") ? "wider-than-tall" : "";
              case "margin", "mass_shape", "mass_margin", "calc_morphology", "zone", "extent" -> "";
              default -> "absent";
            };
        if (value.isEmpty()) {
          continue;
        }
        if (d.features.containsKey(f.group()) && !value.equals("absent")) {
          continue; // a positive statement wins over a negated one
        }
        d.features.putIfAbsent(f.group(), value);
        continue;
      }
      String old = d.features.get(f.group());
      if (f.group().equals("echogenic_foci")
          && ECHOGENIC_FOCUS_KINDS.contains(value.split("\\+")[0])) {
        // ACR TI-RADS echogenic foci add up: "a macrocalcification and punctate echogenic foci"
        java.util.Set<String> kinds = new java.util.TreeSet<>();
        for (String k : ((old == null ? "" : old) + "+" + value).split("\\+")) {
          if (ECHOGENIC_FOCUS_KINDS.contains(k)) {
            kinds.add(k);
          }
        }
        d.features.put(f.group(), String.join("+", kinds));
        continue;
      }
      if (old == null
          || f.group().equals("cyst_wall") && value.equals("thick") // a mural nodule outweighs
          || old.equals("unilocular") && value.equals("multilocular")
          || old.equals("absent")
          || old.equals("none")
          || old.equals("present") && !value.equals("present")
          || f.group().equals("margin") && marginRank(value) > marginRank(old)) {
        d.features.put(f.group(), value);
      }
    }
  }

  private static final java.util.Set<String> TUMOUR_NAMES =
      java.util.Set.of("adenoma", "adenomas", "sarcoma", "xanthoastrocytoma", "carcinoma");

  /** The ACR TI-RADS echogenic foci that score points; a frame keeps each it is said to have. */
  private static final java.util.Set<String> ECHOGENIC_FOCUS_KINDS =
      java.util.Set.of("macrocalcification", "peripheral rim", "punctate");

  /** Whether a comma stands between the last negation trigger before {@code at} and it. */
  private static boolean ownListItem(List<Token> tokens, List<ConText.Trigger> triggers, int at) {
    int end = -1;
    for (ConText.Trigger t : triggers) {
      if (t.modifier() == ConText.Modifier.NEGATED && t.to() <= at) {
        end = Math.max(end, t.to());
      }
    }
    for (int i = Math.max(0, end); end >= 0 && i < at; i++) {
      if (tokens.get(i).norm().equals(",")) {
        return true;
      }
    }
    return false;
  }

  private static boolean moreSpecific(String candidate, String current) {
    // "solid" is often said of the component of a part-solid nodule or inside "mixed cystic and
    // solid"
    return current.equals("solid") && !candidate.equals("solid");
  }

  private static int marginRank(String margin) {
    return switch (margin) {
      case "extrathyroidal extension" -> 3;
      case "lobulated or irregular" -> 2;
      case "ill-defined" -> 1;
      default -> 0;
    };
  }

  private static void bindChange(
      List<Token> tokens, List<ConText.Trigger> triggers, List<Draft> drafts) {
    for (PhraseMatcher.Match<Change.Status> m : CHANGE_WORDS.findAll(tokens)) {
      Draft d = nearest(tokens, drafts, m.from(), m.to());
      Assertion a = ConText.assertion(triggers, m.from(), m.to());
      Change.Status s = m.value();
      if (comparesLesions(tokens, m.from(), m.to())) {
        continue;
      }
      if (a.negated()) {
        // "no new nodules" negates the finding; "not enlarged" or "no growth" means stable
        if (s == Change.Status.GROWING) {
          s = Change.Status.STABLE;
        } else {
          continue;
        }
      }
      if (d.change.status() == Change.Status.NOT_STATED
          || (d.change.status() == Change.Status.STABLE && s != Change.Status.STABLE)) {
        d.change =
            new Change(
                s, d.change.priorMm(), tokens.get(m.from()).start(), tokens.get(m.to() - 1).end());
      }
    }
  }

  /**
   * "the larger (one) measures 6 mm", "the smaller in the left upper lobe": a comparison between
   * two lesions of this exam, not a change since a prior study.
   */
  private static boolean comparesLesions(List<Token> tokens, int from, int to) {
    String word = tokens.get(from).norm();
    return to - from == 1
        && from > 0
        && (word.equals("larger") || word.equals("smaller"))
        && tokens.get(from - 1).norm().equals("the");
  }

  private static final java.util.Set<String> NOT =
      java.util.Set.of("not", "never", "wasn't", "weren't", "isn't", "aren't");
  private static final java.util.Set<String> SEEN =
      java.util.Set.of(
          "seen",
          "present",
          "visible",
          "visualized",
          "visualised",
          "identified",
          "evident",
          "demonstrated",
          "apparent",
          "appreciated",
          "detected",
          "detectable",
          "there",
          "noted",
          "shown",
          "described",
          "reported",
          "mentioned",
          "documented",
          "exist",
          "existed");
  private static final Pattern DIFFUSE =
      Pattern.compile(
          "\\b(?:patchy|diffuse|scattered|multifocal|bilateral|extensive|confluent|mosaic|"
              + "widespread|geographic|peribronchovascular|centrilobular)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * One measured ground-glass or part-solid "opacity" ("3.2 cm ground-glass opacity in the right
   * lower lobe") is a subsolid nodule whatever its size (Lung-RADS v2022 rates GGNs of 30 mm or
   * more); patchy, diffuse or multifocal opacities are not.
   */
  private static void focalOpacity(String text, String sentence, Draft d) {
    if (!d.kind.equals("opacity")
        || !(d.composition.equals("ground-glass") || d.composition.equals("part-solid"))
        || text.substring(d.start, d.end).toLowerCase(Locale.ROOT).endsWith("s")
        || d.sizes.stream().filter(m -> m.role() == Measurement.Role.OVERALL).count() != 1
        || DIFFUSE.matcher(sentence).find()) {
      return;
    }
    d.kind = "nodule";
  }

  /**
   * "was not seen on the previous study", "not visible on last year's CT", "absent on the prior": a
   * finding that the prior did not show is new (the negation is about the past, ConText leaves the
   * finding positive). The words may be far from the change lexicon's fixed phrases.
   */
  private static void newAgainstPrior(List<Token> tokens, List<Draft> drafts) {
    for (int i = 0; i < tokens.size(); i++) {
      String w = tokens.get(i).norm();
      int verb = -1;
      if (w.equals("absent") || w.equals("missing")) {
        verb = i;
      } else if (NOT.contains(w)) {
        for (int k = i + 1; k < Math.min(tokens.size(), i + 4); k++) {
          if (SEEN.contains(tokens.get(k).norm())) {
            verb = k;
            break;
          }
        }
      }
      if (verb < 0) {
        continue;
      }
      boolean pastBetween = false; // "not previously described"
      for (int k = i + 1; k < verb; k++) {
        pastBetween |= ConText.pastWord(tokens.get(k).norm());
      }
      if (pastBetween) {
        Draft d = nearest(tokens, drafts, i, verb + 1);
        if (d != null && !d.assertion.negated() && d.change.status() != Change.Status.NEW) {
          d.change =
              new Change(
                  Change.Status.NEW,
                  d.change.priorMm(),
                  tokens.get(i).start(),
                  tokens.get(verb).end());
        }
        i = verb;
        continue;
      }
      int k = ConText.pastExamAt(tokens, verb + 1);
      if (k >= 0) {
        Draft d = nearest(tokens, drafts, i, k + 1);
        if (d != null && !d.assertion.negated() && d.change.status() != Change.Status.NEW) {
          d.change =
              new Change(
                  Change.Status.NEW,
                  d.change.priorMm(),
                  tokens.get(i).start(),
                  tokens.get(k).end());
        }
        i = k;
      }
    }
  }

  private static final java.util.Set<String> CONTACT =
      java.util.Set.of(
          "abutting",
          "abuts",
          "abut",
          "along",
          "contacting",
          "contacts",
          "touching",
          "touches",
          "attached",
          "adjacent",
          "against",
          "tethered",
          "arising",
          "based",
          "on",
          "adherent",
          "bordering");

  /**
   * "abutting the right major fissure", "along the costal pleura", "pleural-based": a nodule
   * attached to a fissure or the pleura is juxtapleural (Lung-RADS v2022).
   */
  private static void juxtapleural(List<Token> tokens, List<Draft> drafts) {
    for (int i = 0; i < tokens.size(); i++) {
      String w = tokens.get(i).norm();
      boolean at = w.equals("pleural-based") || w.equals("fissural") || w.equals("juxtapleural");
      if (!at && (w.startsWith("fissure") || w.equals("pleura") || w.equals("pleural"))) {
        for (int k = i - 1; k >= Math.max(0, i - 5) && !at; k--) {
          if (tokens.get(k).isPunctuation()) {
            break; // "nodule on the left, no pleural effusion": another clause
          }
          at = CONTACT.contains(tokens.get(k).norm());
        }
      }
      if (at) {
        Draft d = nearest(tokens, drafts, i, i + 1);
        if (d != null && (d.kind.equals("nodule") || d.kind.equals("lesion"))) {
          d.features.put("juxtapleural", "present");
        }
      }
    }
  }

  private static final java.util.Set<String> AIRWAY =
      java.util.Set.of("bronchus", "bronchi", "airway", "airways", "trachea", "carina");

  /** Words that may stand between "within" and the airway ("within the anterior segmental"). */
  private static final java.util.Set<String> AIRWAY_NAME =
      java.util.Set.of(
          "the",
          "a",
          "an",
          "its",
          "left",
          "right",
          "anterior",
          "posterior",
          "apical",
          "lateral",
          "medial",
          "superior",
          "inferior",
          "basal",
          "basilar",
          "subsegmental",
          "segmental",
          "lobar",
          "main",
          "mainstem",
          "main-stem",
          "upper",
          "middle",
          "lower",
          "lobe",
          "lingular",
          "distal",
          "proximal",
          "small",
          "central",
          "apicoposterior",
          "anteromedial",
          "posterolateral",
          "intermediate",
          "of",
          "lumen");

  private static final java.util.Set<String> INSIDE =
      java.util.Set.of(
          "within",
          "in",
          "inside",
          "into",
          "filling",
          "occluding",
          "obstructing",
          "endobronchial",
          "intrabronchial",
          "endoluminal",
          "intraluminal",
          "airway");

  /**
   * A nodule in an airway ("within a subsegmental bronchus", "endobronchial nodule in the anterior
   * segmental bronchus", "in the left main bronchus"): feature "airway" with its level,
   * "subsegmental", "segmental or proximal" (segmental, lobar, main, intermedius, trachea) or
   * "present" when the text does not say.
   */
  private static void airway(List<Token> tokens, List<Draft> drafts) {
    for (int i = 0; i < tokens.size(); i++) {
      String w = tokens.get(i).norm();
      boolean word =
          w.equals("endobronchial")
              || w.equals("intrabronchial")
              || ((w.equals("endoluminal") || w.equals("intraluminal"))
                  && tokens.subList(i, Math.min(tokens.size(), i + 12)).stream()
                      .anyMatch(t -> AIRWAY.contains(t.norm())));
      boolean noun = AIRWAY.contains(w);
      if (!word && !noun) {
        continue;
      }
      boolean inside =
          word
              || (w.equals("airway")
                  && i + 1 < tokens.size()
                  && tokens.get(i + 1).norm().startsWith("nodul"));
      // the walk stops at the first word that is no part of an airway's name, so the bound only
      // has to fit the longest names ("the lumen of the right lower lobe posterior basal
      // segmental")
      for (int k = i - 1; k >= Math.max(0, i - 14) && !inside; k--) {
        String v = tokens.get(k).norm();
        if (INSIDE.contains(v)) {
          inside = true;
        } else if (!AIRWAY_NAME.contains(v)) {
          break;
        }
      }
      String level = "present";
      for (int k = Math.max(0, i - 3); k < Math.min(tokens.size(), i + 3); k++) {
        String v = tokens.get(k).norm();
        if (v.equals("subsegmental")) {
          level = "subsegmental";
        } else if (!level.equals("subsegmental")
            && (v.equals("segmental")
                || v.equals("lobar")
                || v.equals("main")
                || v.equals("mainstem")
                || v.equals("main-stem")
                || v.equals("intermedius")
                || v.equals("lobe")
                || v.equals("trachea")
                || v.equals("tracheal")
                || v.equals("carina")
                || v.equals("central"))) {
          level = "segmental or proximal";
        }
      }
      if (w.equals("trachea") || w.equals("tracheal") || w.equals("carina")) {
        level = "segmental or proximal";
      }
      if (!inside) {
        continue;
      }
      // the nearest nodule, lesion or mass: "lesion obstructing the bronchus with atelectasis"
      Draft d =
          nearest(
              tokens,
              drafts.stream()
                  .filter(
                      o ->
                          o.kind.equals("nodule")
                              || o.kind.equals("lesion")
                              || o.kind.equals("mass"))
                  .toList(),
              i,
              i + 1);
      if (d != null
          && !d.features.getOrDefault("airway", "present").equals("subsegmental")
          && !d.features.getOrDefault("airway", "present").equals("segmental or proximal")) {
        d.features.put("airway", level);
      }
    }
  }

  /** Words that describe bone matrix: a lesion so described is a bone lesion. */
  private static final java.util.Set<String> BONE_MATRIX =
      java.util.Set.of(
          "sclerotic",
          "lytic",
          "osteolytic",
          "blastic",
          "osteoblastic",
          "osteosclerotic",
          "permeative",
          "lucent",
          "lytic-sclerotic");

  /**
   * An unplaced lesion its own words call sclerotic, lytic or blastic ("right iliac sclerotic
   * lesion" on a prostate MRI) is the skeleton's, not the exam's organ.
   */
  private static void boneMatrix(List<Token> tokens, List<Draft> drafts) {
    for (Draft d : drafts) {
      if (d.site.known()
          || !(d.kind.equals("lesion") || d.kind.equals("mass") || d.kind.equals("nodule"))) {
        continue;
      }
      for (int k = Math.max(0, d.from - 3); k < d.from; k++) {
        if (BONE_MATRIX.contains(tokens.get(k).norm())) {
          d.site = Anatomy.BONE;
          break;
        }
      }
    }
  }

  /**
   * An organ word right before the lesion word ("left adrenal nodule") is where the lesion is, over
   * an organ said further off in a run-on dictation ("liver spleen pancreas normal left adrenal
   * nodule ..."); not for kinds that carry their own organ (effusion, pneumothorax). Round 24,
   * helper "fno2".
   */
  private void organRightBefore(List<Token> tokens, List<Draft> drafts) {
    for (PhraseMatcher.Match<Anatomy.Hit> m : anatomy.sites(tokens)) {
      Site site = m.value().site();
      for (Draft d : drafts) {
        if (m.to() == d.from
            && d.site.known()
            && !d.site.organ().equals(site.organ())
            && KIND_ORGAN.get(d.kind) == null
            && !site.organ().isEmpty()
            && !(site == Anatomy.THYROID && d.outsideThyroid)) {
          d.site = site;
          d.location = m.value().location();
          d.bareLobe = false;
        }
      }
    }
  }

  /**
   * On a prostate exam "the anastomosis" / "anastomotic nodule" is the vesicourethral anastomosis
   * of a prostatectomy, where a local recurrence sits, unless the sentence names the bowel (round
   * 24, helper "fno2").
   */
  private static void prostateAnastomosis(
      List<Token> tokens, List<Draft> drafts, ExamContext exam) {
    if (!exam.bodyPart().contains("PROSTATE")) {
      return;
    }
    boolean anastomosis = false;
    boolean bowel = false;
    for (Token t : tokens) {
      String w = t.norm();
      anastomosis |= w.startsWith("anastomo");
      bowel |=
          w.startsWith("colorectal")
              || w.startsWith("ileocolic")
              || w.startsWith("bowel")
              || w.startsWith("rect")
              || w.startsWith("colo")
              || w.startsWith("sigmoid");
    }
    if (!anastomosis || bowel) {
      return;
    }
    for (Draft d : drafts) {
      if (d.site == Anatomy.BOWEL) {
        d.site = Anatomy.PROSTATE;
      }
    }
  }

  private static final java.util.Set<String> CEREBRAL_LOBE_WORDS =
      java.util.Set.of(
          "frontal",
          "parietal",
          "temporal",
          "occipital",
          "frontoparietal",
          "temporoparietal",
          "parieto-occipital",
          "parietooccipital",
          "frontotemporal");

  private static final java.util.Set<String> NOT_BRAIN_WORDS =
      java.util.Set.of("scalp", "bone", "skull", "calvarial", "subgaleal", "subcutaneous", "soft");

  /**
   * On a head CT / MRI an unplaced lesion its own words put in a cerebral lobe ("2.2 cm right
   * temporal mass", "left frontal lesion") is the brain's, not the lung's nor nowhere (round 24,
   * helper "fno2"); "temporal scalp" / "parietal bone" keep their own place.
   */
  private static void cerebralLobe(List<Token> tokens, List<Draft> drafts, ExamContext exam) {
    String body = exam.bodyPart();
    if (!(body.contains("HEAD") || body.contains("BRAIN"))) {
      return;
    }
    for (Draft d : drafts) {
      if (d.site.known()
          || !(d.kind.equals("lesion") || d.kind.equals("mass") || d.kind.equals("nodule"))) {
        continue;
      }
      boolean lobe = false;
      boolean other = false;
      for (int k = Math.max(0, d.from - 3); k < d.from; k++) {
        String w = tokens.get(k).norm();
        lobe |= CEREBRAL_LOBE_WORDS.contains(w);
        other |= NOT_BRAIN_WORDS.contains(w);
      }
      if (lobe && !other || meningealPlace(tokens, d)) {
        d.site = Anatomy.BRAIN;
      }
    }
  }

  private static final java.util.Set<String> MENINGEAL_WORDS =
      java.util.Set.of(
          "extra-axial",
          "extraaxial",
          "intra-axial",
          "intraaxial",
          "dural-based",
          "convexity",
          "parafalcine",
          "falcine");

  /**
   * Round 26 (helper "om4"): on a head exam a lesion said extra- / intra-axial, dural-based or
   * along a convexity / the falx ("2.5 cm extra-axial mass along the left frontal convexity") is
   * intracranial (the brain's site), unless its words name the scalp or skull.
   */
  private static boolean meningealPlace(List<Token> tokens, Draft d) {
    boolean place = false;
    for (int k = Math.max(0, d.from - 4); k < Math.min(tokens.size(), d.to + 6); k++) {
      String w = tokens.get(k).norm();
      if (NOT_BRAIN_WORDS.contains(w)) {
        return false;
      }
      place |= MENINGEAL_WORDS.contains(w);
    }
    return place;
  }

  private static final Pattern COUINAUD =
      Pattern.compile(
          "\\bsegments?\\s+(?:[1-8]|i{1,3}|iv|v|vi{1,3})[ab]?\\b", Pattern.CASE_INSENSITIVE);

  private static final Pattern LUNG_WORDS =
      Pattern.compile(
          "\\b(?:(?:upper|lower|middle)\\s+lobe|lingula\\w*|lungs?|pulmonary|[rl][ulm]l|bronch\\w*)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * An unplaced lesion in a sentence that names a Couinaud segment and nothing of the lung ("new
   * 1.6 cm hypoenhancing lesion in segment 8") is the liver's.
   */
  private static void couinaud(String sentence, List<Draft> drafts) {
    if (!COUINAUD.matcher(sentence).find() || LUNG_WORDS.matcher(sentence).find()) {
      return;
    }
    for (Draft d : drafts) {
      if (!d.site.known()
          && (d.kind.equals("lesion")
              || d.kind.equals("mass")
              || d.kind.equals("nodule")
              || d.kind.equals("cyst")
              || d.kind.equals("metastasis"))) {
        d.site = Anatomy.LIVER;
      }
    }
  }

  /** Organ from context, change from prior sizes. */
  private static void finish(Draft d, ExamContext exam) {
    for (Measurement m : d.sizes) {
      if (m.role() == Measurement.Role.WALL && !d.features.containsKey("cyst_wall")) {
        // Lung-RADS v2022: a wall of 2 mm or more makes a thick-walled cyst
        d.features.put("cyst_wall", m.longMm() >= 2 ? "thick" : "thin");
      }
    }
    if (!d.site.known() && d.kind.equals("effusion") && jointExam(exam)) {
      d.site = Anatomy.JOINT; // an effusion on a knee MRI is the knee's
    }
    if (!d.site.known()) {
      Site implied = KIND_ORGAN.get(d.kind);
      if (implied != null) {
        d.site = implied;
      } else {
        d.site = fromFeatures(d, exam);
      }
      if (d.outsideThyroid && d.site == Anatomy.THYROID) {
        d.site = Site.UNKNOWN; // "separate from the thyroid": its ultrasound words place it nowhere
      }
    }
    if (d.site.organ().equals("lung")
        && (d.features.containsKey("zone") || exam.bodyPart().contains("PROSTATE"))) {
      d.site = Anatomy.PROSTATE; // "left apex peripheral zone lesion": the prostate's apex
    }
    if (d.bareLobe && d.site == Anatomy.LUNG && d.location.isEmpty() && abdominal(exam)) {
      d.site = Anatomy.LIVER; // "nodule in the left lobe" on an abdominal exam is a liver lobe
    }
    if (d.site == Anatomy.LUNG
        && (d.location.isEmpty() || d.bareLobe || POLE.matcher(d.location).find())
        && !d.outsideThyroid
        && thyroidExam(d, exam)) {
      // "left lobe nodule", "right lobe lower pole nodule" on a neck ultrasound: a thyroid lobe
      d.site = Anatomy.THYROID;
    }
    if (d.kind.equals("nodule")
        && d.site.organ().equals("pleura")
        && (d.features.getOrDefault("perifissural", "").equals("present")
            || d.features.getOrDefault("juxtapleural", "").equals("present"))) {
      d.site = Anatomy.LUNG; // a juxtapleural nodule "along the costal pleura" is a lung nodule
    }
    if (KIND_ORGAN.get(d.kind) == Anatomy.PLEURA && d.site.organ().equals("lung")) {
      d.site = Anatomy.PLEURA; // "effusion at the right lung base" is pleural
    }
    if (d.kind.equals("opacity")
        && (d.composition.equals("ground-glass") || d.composition.equals("part-solid"))
        && d.sizes.stream()
            .anyMatch(m -> m.role() == Measurement.Role.OVERALL && m.longMm() < 30)) {
      d.kind = "nodule"; // an 11 mm ground-glass opacity is a ground-glass nodule
    }
    Measurement overall = null;
    Measurement prior = null;
    for (Measurement m : d.sizes) {
      if (m.role() == Measurement.Role.OVERALL && overall == null) {
        overall = m;
      } else if (m.role() == Measurement.Role.PRIOR && prior == null) {
        prior = m;
      }
    }
    if (prior != null) {
      Change.Status s = d.change.status();
      if (s == Change.Status.NOT_STATED && overall != null) {
        double delta = overall.meanMm() - prior.meanMm();
        s =
            delta > 1.5
                ? Change.Status.GROWING
                : delta < -1.5 ? Change.Status.DECREASED : Change.Status.STABLE;
      }
      d.change =
          new Change(
              s,
              prior.meanMm(),
              d.change.start() >= 0 ? d.change.start() : prior.start(),
              d.change.end() >= 0 ? d.change.end() : prior.end());
    }
    if (d.change.status() == Change.Status.RESOLVED && !d.assertion.historical()) {
      d.assertion =
          new Assertion(
              d.assertion.negated(),
              d.assertion.possible(),
              true,
              d.assertion.hypothetical(),
              d.assertion.otherExperiencer());
    }
  }

  private static boolean jointExam(ExamContext exam) {
    return java.util.stream.Stream.of(
            "KNEE", "SHOULDER", "HIP", "ANKLE", "ELBOW", "WRIST", "JOINT", "EXTREMITY")
        .anyMatch(exam.bodyPart()::contains);
  }

  private static boolean abdominal(ExamContext exam) {
    String b = exam.bodyPart();
    return b.contains("ABDOMEN") || b.contains("ABD") || b.contains("LIVER");
  }

  /** An exam of a region other than the neck: ultrasound words there do not mean the thyroid. */
  private static boolean otherRegion(ExamContext exam) {
    String b = exam.bodyPart();
    return exam.modality().equals("MG")
        || abdominal(exam)
        || java.util.stream.Stream.of(
                "BREAST", "PELVIS", "KIDNEY", "RENAL", "PROSTATE", "CHEST", "SCROTUM", "TESTIS")
            .anyMatch(b::contains)
        || SOFT_TISSUE_REGION.matcher(b).find();
  }

  /**
   * A superficial soft-tissue or limb exam ("SOFT_TISSUE", "EXTREMITY", "BACK", "AXILLA"): an
   * isoechoic lump there is the subcutis's, not a thyroid nodule (round 24, helper "fno2").
   */
  private static final Pattern SOFT_TISSUE_REGION =
      Pattern.compile(
          "SOFT|SUBCUT|SKIN|MSK|MUSCUL|EXTREMIT|\\b(?:ARM|LEG|BACK|THIGH|CALF|FOREARM|AXILLA|GROIN"
              + "|SHOULDER|ELBOW|WRIST|HAND|KNEE|ANKLE|FOOT|HIP|SCALP|ABDOMINAL_WALL|CHEST_WALL)\\b");

  private static boolean thyroidExam(Draft d, ExamContext exam) {
    Map<String, String> f = d.features;
    if (otherRegion(exam)) {
      return false;
    }
    return f.containsKey("echogenicity")
        || f.containsKey("echogenic_foci") && !chestExam(exam)
        || d.composition.equals("spongiform")
        || exam.bodyPart().contains("THYROID")
        || (exam.modality().equals("US") && exam.bodyPart().contains("NECK"));
  }

  /**
   * A chest exam: there "calcification" is a calcification (hilar, granulomatous, vascular), not a
   * thyroid nodule's echogenic focus.
   */
  private static boolean chestExam(ExamContext exam) {
    String body = exam.bodyPart();
    return body.contains("CHEST") || body.contains("LUNG") || body.contains("THORAX");
  }

  private static Site fromFeatures(Draft d, ExamContext exam) {
    Map<String, String> f = d.features;
    if (d.location.contains("o'clock")
        || f.containsKey("calc_morphology")
        || exam.bodyPart().contains("BREAST")
        || exam.modality().equals("MG")) {
      return Anatomy.BREAST; // a hypoechoic mass on a breast ultrasound is the breast's
    }
    if (otherRegion(exam) && !exam.bodyPart().contains("CHEST")) {
      // ultrasound words on an abdominal or pelvic exam place nothing in the thyroid
      String body = exam.bodyPart();
      if (f.containsKey("aphe") || f.containsKey("washout") || f.containsKey("rim_aphe")) {
        return Anatomy.LIVER;
      }
      if (f.containsKey("zone") || body.contains("PROSTATE")) {
        return Anatomy.PROSTATE;
      }
      if (d.composition.equals("part-solid")
          || d.composition.equals("ground-glass")
          || f.containsKey("perifissural")) {
        return Anatomy.LUNG; // a ground-glass nodule at the edge of an abdominal CT
      }
      return body.contains("LIVER") ? Anatomy.LIVER : Site.UNKNOWN;
    }
    if (f.containsKey("echogenicity")
        || f.containsKey("shape")
        || f.containsKey("echogenic_foci") && !chestExam(exam)
        || d.composition.equals("spongiform")) {
      return Anatomy.THYROID;
    }
    if (f.containsKey("aphe") || f.containsKey("washout") || f.containsKey("rim_aphe")) {
      return Anatomy.LIVER;
    }
    if (d.location.contains("o'clock") || f.containsKey("calc_morphology")) {
      return Anatomy.BREAST;
    }
    if (f.containsKey("zone")) {
      return Anatomy.PROSTATE;
    }
    if (d.composition.equals("part-solid")
        || d.composition.equals("ground-glass")
        || f.containsKey("perifissural")) {
      return Anatomy.LUNG;
    }
    String body = exam.bodyPart();
    String mod = exam.modality();
    if (body.contains("CHEST") || body.contains("LUNG") || body.contains("THORAX")) {
      return Anatomy.LUNG;
    }
    if (body.contains("THYROID") || body.contains("NECK") && mod.equals("US")) {
      return Anatomy.THYROID;
    }
    if (body.contains("BREAST") || mod.equals("MG")) {
      return Anatomy.BREAST;
    }
    if (body.contains("PROSTATE")) {
      return Anatomy.PROSTATE;
    }
    if (body.contains("LIVER")) {
      return Anatomy.LIVER;
    }
    return Site.UNKNOWN;
  }

  /** A sentence about a vessel or organ of its own ("The ascending aorta measures 4.6 cm."). */
  private static final Pattern OTHER_STRUCTURE =
      Pattern.compile(
          "^\\W*(?:the\\s+)?(?:(?:ascending|descending|thoracic|abdominal|main|proximal|distal)\\s+)?"
              + "(?:aort\\w*|pulmonary (?:arter\\w*|trunk|veins?)|heart|cardiac silhouette|trachea|"
              + "(?:o)?esophag\\w*|thymus|pericardi\\w*|svc|ivc|superior vena cava|inferior vena cava)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * Whether a sentence opens with a vessel or organ of its own: its size is that structure's, not
   * the lesion's of the sentence before.
   */
  private static boolean namesOtherStructure(String sentence) {
    return OTHER_STRUCTURE.matcher(sentence).find();
  }
}
