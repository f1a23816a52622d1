package org.radassist.drafting.internal.engine.frames;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.radassist.drafting.internal.engine.PhraseMatcher;

/**
 * The words {@link FrameExtractor} reads: lesion kinds with the organ each implies, feature words
 * (composition, margin, echogenicity, TI-RADS points ...) and change words, each registered in a
 * {@link PhraseMatcher} in a fixed order (a match can depend on the order of registration).
 */
final class FrameLexicon {
  /** Lesion kinds: key to display name. */
  static final Map<String, String> KINDS;

  /** The organ a kind implies when the text names none ("" for kinds found in many organs). */
  static final Map<String, Site> KIND_ORGAN = new LinkedHashMap<>();

  record Feature(String group, String value) {}

  static final PhraseMatcher<String> KIND_WORDS = new PhraseMatcher<>();
  static final PhraseMatcher<Feature> FEATURE_WORDS = new PhraseMatcher<>();
  static final PhraseMatcher<Change.Status> CHANGE_WORDS = new PhraseMatcher<>();

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
        "newly seen");
    change(Change.Status.NEW, ConText.ABSENT_ON_PRIOR.toArray(String[]::new));
    change(
        Change.Status.NEW,
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
}
