package org.radassist.drafting.internal.engine;

import static org.radassist.drafting.internal.engine.LateralityCheck.gradeLaterality;
import static org.radassist.drafting.internal.engine.LateralityCheck.sidedPlaceLaterality;
import static org.radassist.drafting.internal.engine.LateralityCheck.sizeLaterality;
import static org.radassist.drafting.internal.engine.LateralityCheck.studyLaterality;
import static org.radassist.drafting.internal.engine.MeasurementCheck.aortaSizes;
import static org.radassist.drafting.internal.engine.MeasurementCheck.ductSizes;
import static org.radassist.drafting.internal.engine.MeasurementCheck.frameMeasurements;
import static org.radassist.drafting.internal.engine.MeasurementCheck.impressionMeasurements;
import static org.radassist.drafting.internal.engine.MeasurementCheck.unframedFindingSizes;
import static org.radassist.drafting.internal.engine.OmissionCheck.findingNotInImpression;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.radassist.drafting.internal.engine.frames.Change;
import org.radassist.drafting.internal.engine.frames.LesionFrame;
import org.radassist.drafting.internal.engine.frames.Measurement;
import org.radassist.drafting.internal.engine.frames.Side;
import org.radassist.model.Flag;
import org.radassist.model.FlagType;
import org.radassist.model.SectionKind;
import org.radassist.model.Severity;
import org.radassist.model.Sex;

/**
 * Consistency flags between the parts of a report and its context: a significant positive finding
 * missing from a dictated impression, sides that disagree, organs of the other sex, and sizes the
 * impression states differently from the findings.
 */
final class ConsistencyChecker {
  private final PhraseMatcher<String> femaleOnly = new PhraseMatcher<>();
  private final PhraseMatcher<String> maleOnly = new PhraseMatcher<>();
  private final LateralityCheck laterality = new LateralityCheck();

  ConsistencyChecker(EngineTables tables) {
    tables.femaleOnlyTerms().forEach(t -> femaleOnly.add(t, t));
    tables.maleOnlyTerms().forEach(t -> maleOnly.add(t, t));
  }

  List<Flag> check(Report report) {
    List<Flag> flags = new ArrayList<>();
    TextAnalyzer.Section findings = report.findings();
    TextAnalyzer.Section impression = report.dictatedImpression();
    if (findings != null && impression != null) {
      findingNotInImpression(report, findings, impression, flags);
      // round 35 (om22): named in other clinical words, or minor by its own words
      CoverageVocabulary.dropCovered(findings, impression, flags);
      laterality.frameLaterality(report, findings, impression, flags);
      if (flags.stream().noneMatch(f -> f.type() == FlagType.LATERALITY_MISMATCH)) {
        laterality.organSideLaterality(report, findings, impression, flags);
      }
      if (flags.stream().noneMatch(f -> f.type() == FlagType.LATERALITY_MISMATCH)) {
        sizeLaterality(report, findings, impression, flags);
      }
      if (flags.stream().noneMatch(f -> f.type() == FlagType.LATERALITY_MISMATCH)) {
        sidedPlaceLaterality(findings, impression, flags);
      }
      if (flags.stream().noneMatch(f -> f.type() == FlagType.LATERALITY_MISMATCH)) {
        gradeLaterality(findings, impression, flags);
      }
      if (flags.stream().noneMatch(f -> f.type() == FlagType.LATERALITY_MISMATCH)
          && report.sections.get(SectionKind.RECOMMENDATION) != null) {
        sidedPlaceLaterality(findings, report.sections.get(SectionKind.RECOMMENDATION), flags);
      }
      if (report.impressionFrames.stream().anyMatch(f -> !f.sizes().isEmpty())
          && !unframedFindingSizes(report, findings)) {
        frameMeasurements(report, findings, impression, flags);
      } else {
        impressionMeasurements(findings, impression, flags);
      }
      // the aorta said dilated, with no aneurysm frame of its own to compare
      if (flags.stream().noneMatch(f -> f.type() == FlagType.MEASUREMENT_MISMATCH)
          && report.findingFrames.stream()
              .noneMatch(f -> f.kind().equals("aneurysm") && !f.sizes().isEmpty())) {
        aortaSizes(findings, impression, flags);
      }
      if (flags.stream().noneMatch(f -> f.type() == FlagType.MEASUREMENT_MISMATCH)) {
        ductSizes(findings, impression, flags);
      }
    }
    studyLaterality(report, flags);
    sex(report, flags);
    return flags;
  }

  /** Kinds an impression may name in other words: pneumonia for consolidation, mass for nodule. */
  static String group(String kind) {
    return switch (kind) {
      case "consolidation", "pneumonia", "opacity", "airspace_disease", "atelectasis" -> "airspace";
      case "nodule",
          "mass",
          "lesion",
          "observation",
          "cyst",
          "distortion",
          "asymmetry",
          "adenoma",
          "hemangioma",
          "meningioma",
          "schwannoma" ->
          "lesion";
      case "calculus", "hydronephrosis" -> "calculus";
      default -> kind;
    };
  }

  static boolean sameOrgan(LesionFrame a, LesionFrame b) {
    return a.organ().isEmpty() || b.organ().isEmpty() || a.organ().equals(b.organ());
  }

  static final Pattern LUNG_LOBE =
      Pattern.compile(
          "\\b(?:(?:upper|lower|middle)\\s+lobe|[rl][ulm]l|lingula\\w*|lung|pulmonary)\\b",
          Pattern.CASE_INSENSITIVE);

  /** An impression sentence says the words, not under a denial ("No tamponade."). */
  static boolean saidUnnegated(Pattern words, TextAnalyzer.Section impression) {
    for (int i = 0; i < impression.sentences.size(); i++) {
      String t = impression.sentenceText(i);
      Matcher w = words.matcher(t);
      while (w.find()) {
        if (!NOT_BEFORE.matcher(t.substring(0, w.start())).find()) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * A finding word that names what the exam screens for or asks ("AAA screening ultrasound",
   * "screening for aneurysm", "to exclude pneumothorax"): the question, not a finding.
   */
  private static final Pattern QUESTION_AFTER =
      Pattern.compile(
          "^\\s*(?:screening|surveillance|protocol|survey)\\b", Pattern.CASE_INSENSITIVE);

  private static final Pattern QUESTION_BEFORE =
      Pattern.compile(
          "(?:\\b(?:screening for|to exclude|to rule out|rule out|r/o|query)|\\?)\\s*(?:an?\\s+)?$",
          Pattern.CASE_INSENSITIVE);

  static boolean examQuestion(String text, int start, int end) {
    return QUESTION_AFTER.matcher(text.substring(end, Math.min(text.length(), end + 14))).find()
        || QUESTION_BEFORE.matcher(text.substring(Math.max(0, start - 20), start)).find();
  }

  static boolean stable(LesionFrame f) {
    return f.change().status() == Change.Status.STABLE;
  }

  /** Treatment material read as a lesion: "coil mass", "clip artefact", "embolisation glue". */
  private static final Pattern TREATMENT_MATERIAL =
      Pattern.compile(
          "\\b(?:coil|coils|clip|clips|embolic|emboli[sz]ation|glue|onyx|packing|gauze|cement)"
              + "\\s+$",
          Pattern.CASE_INSENSITIVE);

  static boolean treatmentMaterial(TextAnalyzer.Section findings, TextAnalyzer.Mention m) {
    return treatmentMaterial(findings.text, m.start());
  }

  /** The finding word at {@code start} names treatment material ("coil mass"). */
  static boolean treatmentMaterial(String text, int start) {
    String before = text.substring(Math.max(0, start - 20), start);
    return TREATMENT_MATERIAL.matcher(before).find();
  }

  /** A place only one lesion has: a Couinaud segment ("segment 4b") or a clock face. */
  private static final Pattern LESION_PLACE =
      Pattern.compile(
          "\\b(?:(?:hepatic |liver )?segments? ?(?:[1-8]|i{1,3}|iv|v|vi{1,3})[ab]?\\b"
              + "|\\d{1,2}(?::\\d{2})? ?o'?\\s?clock)",
          Pattern.CASE_INSENSITIVE);

  /**
   * An impression sentence that reports something at the lesion's own segment or clock face
   * ("Segment 4b focal nodular hyperplasia." for "3 cm segment 4b lesion, ... central scar") names
   * it by its diagnosis.
   */
  static boolean namedAtItsPlace(String sentence, TextAnalyzer.Section impression) {
    Matcher place = LESION_PLACE.matcher(sentence);
    while (place.find()) {
      String where = place.group().toLowerCase(Locale.ROOT).replaceAll("^(?:hepatic|liver) ", "");
      if (reportingSentenceSays(impression, where)) {
        return true;
      }
    }
    return false;
  }

  /** An impression sentence that reports something says {@code where} (spacing aside). */
  static boolean reportingSentenceSays(TextAnalyzer.Section impression, String where) {
    String said = where.replace("o' clock", "o'clock").replaceAll("\\s+", " ");
    for (int i = 0; i < impression.sentences.size(); i++) {
      String t = impression.sentenceText(i);
      if (!NOTHING_REPORTED.matcher(t).find()
          && t.toLowerCase(Locale.ROOT)
              .replace("o' clock", "o'clock")
              .replaceAll("\\s+", " ")
              .contains(said)) {
        return true;
      }
    }
    return false;
  }

  /** Organ words an impression may use for a lesion it reports. */
  static final Map<String, Pattern> ORGAN_WORDS =
      Map.ofEntries(
          Map.entry("adrenal", Pattern.compile("\\badrenal", Pattern.CASE_INSENSITIVE)),
          Map.entry(
              "kidney", Pattern.compile("\\b(?:renal|kidney|nephr)", Pattern.CASE_INSENSITIVE)),
          Map.entry("liver", Pattern.compile("\\b(?:liver|hepat)", Pattern.CASE_INSENSITIVE)),
          Map.entry("pancreas", Pattern.compile("\\bpancrea", Pattern.CASE_INSENSITIVE)),
          Map.entry("spleen", Pattern.compile("\\b(?:spleen|splen)", Pattern.CASE_INSENSITIVE)),
          Map.entry("ovary", Pattern.compile("\\b(?:ovar|adnex)", Pattern.CASE_INSENSITIVE)),
          Map.entry("thyroid", Pattern.compile("\\bthyroid", Pattern.CASE_INSENSITIVE)),
          Map.entry(
              "testis",
              Pattern.compile(
                  "\\b(?:test[ie]s|testic\\w*|intratesticular|scrot\\w*|orchi\\w*)",
                  Pattern.CASE_INSENSITIVE)),
          Map.entry(
              "prostate",
              Pattern.compile("\\b(?:prostat|pz\\b|tz\\b|pi-?rads)", Pattern.CASE_INSENSITIVE)),
          Map.entry(
              "bone",
              Pattern.compile(
                  "\\b(?:bone|osseous|lytic|sclerotic|metasta)", Pattern.CASE_INSENSITIVE)),
          // a brain mass needs work-up whatever else the impression reports (round 22)
          Map.entry(
              "brain",
              Pattern.compile(
                  "\\b(?:brain|cerebr\\w*|cerebell\\w*|intracranial|(?:intra|extra)-?axial"
                      // a lobe's adjective names the brain, not the scalp or skull over it
                      // ("Left parietal scalp haematoma.")
                      + "|(?:frontal|parietal|temporal|occipital)(?!\\s+(?:scalp|bone|skull"
                      + "|calvari\\w*|soft|subgaleal|sinus\\w*))"
                      + "|pons|pontine|thalam\\w*"
                      + "|posterior fossa|glioma|meningioma|metasta\\w*|neoplas\\w*|tumou?r)",
                  Pattern.CASE_INSENSITIVE)));

  private static final Pattern BENIGN_INCIDENTAL =
      Pattern.compile(
          "\\b(?:benign|simple|cysts?|cystic|ha?emangioma\\w*|lipoma|angiomyolipoma|lipid-rich"
              + "|fat-containing|myelolipoma|too small to characteri[sz]e|bone island|enostos[ie]s"
              + "|bosniak (?:1|2|i|ii)(?![\\w-]))\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern DENIED_BEFORE =
      Pattern.compile(
          "\\b(?:not|no|non|without|atypical|unlikely)\\b[^,;:]{0,40}$", Pattern.CASE_INSENSITIVE);

  /** A benign word not under a denial of its own clause ("not typical for angiomyolipoma"). */
  static boolean benignSaid(String text) {
    Matcher b = BENIGN_INCIDENTAL.matcher(text);
    while (b.find()) {
      if (!DENIED_BEFORE.matcher(text.substring(0, b.start())).find()) {
        return true;
      }
    }
    return false;
  }

  /** Skeletal sites whose lesions the impression reports in bone words. */
  static final Set<String> BONES = Set.of("bone", "rib", "spine");

  static final Pattern CYST_WORDS =
      Pattern.compile("\\b(?:cysts?|cystic|simple)\\b", Pattern.CASE_INSENSITIVE);

  static final Pattern CENTIMETRES =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(cm|mm)\\b", Pattern.CASE_INSENSITIVE);

  static double mm(Matcher c) {
    double v = Double.parseDouble(c.group(1));
    return c.group(2).equalsIgnoreCase("cm") ? v * 10 : v;
  }

  static final Pattern LESION_WORDS =
      Pattern.compile(
          "\\b(?:lesions?|mass(?:es)?|nodules?|observations?|cysts?|cystic|tumou?rs?|carcinoma|hcc"
              + "|metasta\\w*|\\w+omas?|neoplas\\w*|malignan\\w*|incidentaloma|lr-?\\w+|focal)\\b",
          Pattern.CASE_INSENSITIVE);
  static final Pattern DIFFUSE_DISEASE =
      Pattern.compile(
          "\\b(?:cirrho\\w*|steatosis|fatty|hepatomegaly|splenomegaly|atroph\\w*|ascites"
              + "|portal hypertension|morphology|hydronephrosis|medical renal disease"
              // benign prostatic enlargement reports no focal lesion
              + "|hyperplasia|bph|volume)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * The impression names the organ where it may report the lesion: a sentence with the organ's word
   * that speaks of a lesion, or one that is not only about diffuse disease ("Cirrhotic liver with
   * moderate ascites." reports no observation).
   */
  static boolean organNamedForLesion(TextAnalyzer.Section impression, Pattern organWords) {
    for (int i = 0; i < impression.sentences.size(); i++) {
      String t = impression.sentenceText(i);
      // "Normal kidneys." or "No renal mass." does not report the renal mass either
      if (organWords.matcher(t).find()
          && !NOTHING_REPORTED.matcher(t).find()
          && (LESION_WORDS.matcher(t).find() || !DIFFUSE_DISEASE.matcher(t).find())) {
        return true;
      }
    }
    return false;
  }

  static final Pattern COMPLEX_CYST =
      Pattern.compile(
          "\\b(?:complex|multilocular|multiloculated|septat\\w*|thick(?:ened)? (?:wall|septa)\\w*"
              + "|solid component|mural nodul\\w*|papillary|papillae|vascular|nodular"
              + "|enhancing|bosniak (?:3|4|iii|iv|iif|2f))\\b",
          Pattern.CASE_INSENSITIVE);

  static final Pattern INDETERMINATE =
      Pattern.compile(
          "\\b(?:indeterminate|suspicious|concerning|worrisome|too large to characteri[sz]e"
              + "|cannot be characteri[sz]ed|not (?:a )?simple)\\b",
          Pattern.CASE_INSENSITIVE);

  static final Pattern NOT_BEFORE =
      Pattern.compile(
          "\\b(?:not|non|no|none|nil|without)\\b[\\s-]*(?:\\w+\\s+){0,3}$",
          Pattern.CASE_INSENSITIVE);

  /** An impression sentence that reports nothing: "No acute abnormality.", "Otherwise normal." */
  static final Pattern NOTHING_REPORTED =
      Pattern.compile(
          "^\\W*(?:no\\b|nothing\\b|negative\\b|normal\\b|unremarkable\\b|otherwise\\b)"
              + "|\\b(?:normal|unremarkable|negative)\\W*$|^\\W*$",
          Pattern.CASE_INSENSITIVE);

  static final Pattern ATTACHED =
      Pattern.compile(
          "\\b(?:with|causing|resulting in|and associated|associated with|adjacent)\\b",
          Pattern.CASE_INSENSITIVE);

  /** The impression names the finding's frame in other words, or sums up its organ's category. */
  static boolean covered(Report report, LesionFrame f, Set<String> summed) {
    if (f == null) {
      return false;
    }
    if (summed.contains(f.organ())) {
      return true;
    }
    for (LesionFrame i : report.impressionFrames) {
      if (i.assertion().positive()
          && group(i.kind()).equals(group(f.kind()))
          && i.organ().equals(f.organ())
          && !f.organ().isEmpty()
          && !coronaryLad(report, i)) {
        return true;
      }
    }
    return sameLesionMeasured(report, f) || diagnosisNamed(report, f) || readingReported(report, f);
  }

  /** What a lesion is read as, by the stem both sections would use. */
  private static final Pattern READING =
      Pattern.compile(
          "\\b(metasta|carcinom|lymphom|myelom|sarcom|abscess|recurren|fibroadenom|hamartom"
              + "|papillom|angiomyolipom|oncocytom|adenom|haemangiom|hemangiom|meningiom|schwannom)"
              + "\\w*",
          Pattern.CASE_INSENSITIVE);

  /**
   * The findings read the lesion as something ("epidural mass from a vertebral body metastasis")
   * and the impression reports that reading ("metastatic epidural disease at T8"): the lesion is
   * reported by its interpretation (round 27, helper "fn8").
   */
  static boolean readingReported(Report report, LesionFrame f) {
    TextAnalyzer.Section findings = report.findings();
    TextAnalyzer.Section impression = report.dictatedImpression();
    if (findings == null || impression == null || f.sentenceStart() < 0) {
      return false;
    }
    String own = findings.text.substring(f.sentenceStart(), f.sentenceEnd());
    for (Matcher r = READING.matcher(own); r.find(); ) {
      String before = own.substring(Math.max(0, r.start() - 30), r.start());
      if (DENIED_JUST_BEFORE.matcher(before).find()) {
        continue;
      }
      String stem = r.group(1).toLowerCase(Locale.ROOT);
      for (Matcher i = READING.matcher(impression.text); i.find(); ) {
        String ib = impression.text.substring(Math.max(0, i.start() - 30), i.start());
        if (i.group(1).toLowerCase(Locale.ROOT).equals(stem)
            && !DENIED_JUST_BEFORE.matcher(ib).find()
            && !otherSideOnly(sentenceAround(impression.text, i.start()), f.side())) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The impression measures a lesion of the same kind group with the same size as this one: the
   * same lesion said twice, whatever organ each section's words place it in ("right upper pole
   * solid mass 3.4 cm" and "3.4 cm solid right renal mass"; round 27, helper "fn8").
   */
  static boolean sameLesionMeasured(Report report, LesionFrame f) {
    if (f.overall().isEmpty() || f.overall().get().longMm() < 5) {
      return false;
    }
    double mm = f.overall().get().longMm();
    for (LesionFrame i : report.impressionFrames) {
      if (i.assertion().positive()
          && group(i.kind()).equals(group(f.kind()))
          && i.overall().isPresent()
          && Math.abs(i.overall().get().longMm() - mm) < 0.6) {
        return true;
      }
    }
    return false;
  }

  /**
   * Diagnoses that name an organ's lesion without the organ's or the lesion's word: an impression
   * "probably benign fibroadenoma" reports the breast mass, "metastatic epidural disease" or
   * "pathological fracture" the bone lesion, "local recurrence" the nodule in the prostate bed,
   * "iliofemoral DVT" the venous thrombus (round 27, helper "fn8").
   */
  private static final Map<String, Pattern> DIAGNOSIS_OF =
      Map.of(
          "breast",
          Pattern.compile(
              "\\b(?:fibroadenomas?|papillomas?|phyllodes|fat necrosis|galactocele|carcinoma|cancer"
                  + "|malignan\\w*|hamartoma)\\b",
              Pattern.CASE_INSENSITIVE),
          "kidney",
          Pattern.compile(
              "\\b(?:renal cell carcinoma|rcc|oncocytoma|angiomyolipoma|urothelial\\s+\\w+"
                  + "|renal\\s+(?:[\\w-]+\\s+){0,2}?(?:mass|tumou?r|neoplasm|lesion|carcinoma))\\b",
              Pattern.CASE_INSENSITIVE),
          "bone",
          Pattern.compile(
              "\\b(?:metasta\\w*|myeloma|plasmacytoma|patholog\\w* fractures?|lytic|sclerotic"
                  + "|enchondroma|chondrosarcoma|osteosarcoma)\\b",
              Pattern.CASE_INSENSITIVE),
          "prostate",
          Pattern.compile(
              "\\b(?:recurren\\w*|carcinoma|cancer|malignan\\w*|tumou?r)\\b",
              Pattern.CASE_INSENSITIVE),
          "lower_extremity",
          Pattern.compile(
              "\\b(?:dvt|deep vein thrombos[ie]s|deep venous thrombos[ie]s|thrombos[ie]s|thrombus"
                  + "|thrombi|clots?)\\b",
              Pattern.CASE_INSENSITIVE));

  static final Pattern DENIED_JUST_BEFORE =
      Pattern.compile(
          "\\b(?:no|not|without|negative for|nor)\\s+(?:[\\w-]+\\s+){0,2}$",
          Pattern.CASE_INSENSITIVE);

  /** "Known left breast carcinoma" does not report a right breast mass. */
  static boolean otherSideOnly(String sentence, Side side) {
    String t = sentence.toLowerCase(Locale.ROOT);
    boolean left = t.matches("(?s).*\\bleft\\b.*");
    boolean right = t.matches("(?s).*\\bright\\b.*");
    return side == Side.LEFT && right && !left || side == Side.RIGHT && left && !right;
  }

  static String sentenceAround(String text, int at) {
    int from = Math.max(text.lastIndexOf('.', at - 1), text.lastIndexOf('\n', at - 1)) + 1;
    int to = text.indexOf('.', at);
    return text.substring(from, to < 0 ? text.length() : to);
  }

  static boolean diagnosisNamed(Report report, LesionFrame f) {
    TextAnalyzer.Section impression = report.dictatedImpression();
    Pattern p = DIAGNOSIS_OF.get(f.organ());
    if (impression == null || p == null) {
      return false;
    }
    for (Matcher m = p.matcher(impression.text); m.find(); ) {
      String before = impression.text.substring(Math.max(0, m.start() - 30), m.start());
      if (!DENIED_JUST_BEFORE.matcher(before).find()
          && !otherSideOnly(sentenceAround(impression.text, m.start()), f.side())) {
        return true;
      }
    }
    return false;
  }

  /** An impression "LAD" frame beside coronary words names the artery, not nodes (round 24). */
  private static boolean coronaryLad(Report report, LesionFrame i) {
    TextAnalyzer.Section impression = report.dictatedImpression();
    return i.kind().equals("lymphadenopathy")
        && impression != null
        && ChestSignificance.coronaryArtery(impression.text, i.start(), i.end());
  }

  /** Paired organs whose side an impression finding can contradict by the organ alone. */
  static final Set<String> PAIRED =
      Set.of("kidney", "ovary", "adrenal", "testis", "breast", "salivary_gland");

  /**
   * A stone the impression names without its organ ("Cholelithiasis, the largest stone 1.2 cm") is
   * the gallstone of the findings; otherwise the kind groups must agree.
   */
  static boolean sameKind(LesionFrame fm, LesionFrame im) {
    if (group(fm.kind()).equals(group(im.kind()))) {
      return true;
    }
    boolean stones =
        Set.of(fm.kind(), im.kind()).equals(Set.of("gallstone", "calculus"))
            // round 29 (fn10): "Gallbladder contains a 2.1 cm stone" is a gallstone too
            && Set.of("", "gallbladder").contains((fm.kind().equals("calculus") ? fm : im).organ());
    return stones;
  }

  /**
   * The impression gives exactly the size of the same kind of finding on the other side and of none
   * on its own side ("9 mm obstructing left UVJ calculus" for the right kidney's 9 mm calculus
   * beside a left 4 mm one): the side is what is wrong, which LATERALITY_MISMATCH says.
   */
  static boolean otherSidesSize(List<LesionFrame> findingFrames, LesionFrame im, Measurement said) {
    if (im.side() != Side.LEFT && im.side() != Side.RIGHT) {
      return false;
    }
    boolean other = false;
    for (LesionFrame fm : findingFrames) {
      if (!sameKind(fm, im) || !sameTract(fm, im)) {
        continue;
      }
      boolean has =
          fm.sizes().stream()
              .filter(m -> !m.role().prior() && m.role() != Measurement.Role.DELTA)
              .flatMap(m -> m.axesMm().stream())
              .anyMatch(a -> Math.abs(a - said.longMm()) < 0.05);
      if (has && fm.side().contradicts(im.side())) {
        other = true;
      } else if (has) {
        return false;
      }
    }
    return other;
  }

  private static final Set<String> URINARY_TRACT = Set.of("kidney", "ureter", "bladder");

  /** The same organ, or both of the urinary tract (a stone moves from the kidney to the UVJ). */
  private static boolean sameTract(LesionFrame a, LesionFrame b) {
    return sameOrgan(a, b)
        || (URINARY_TRACT.contains(a.organ()) && URINARY_TRACT.contains(b.organ()));
  }

  /**
   * The most a rounding may move a size: 1.5 mm, the smallest change Lung-RADS counts as growth
   * (below it, two readings of one nodule differ by measurement noise).
   */
  static final double ROUNDING_TOLERANCE_MM = 1.5;

  /**
   * The share of a size a rounding may move it when that is more than 1.5 mm (6.2 cm to "6 cm").
   */
  static final double ROUNDING_SHARE = 0.05;

  static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.(\\d+))?");

  /** The precision a size is written with, in mm: "6 mm" 1, "6.8 mm" 0.1, "1 cm" 10, "1.4 cm" 1. */
  static double precisionMm(String sizeText) {
    int decimals = 0;
    Matcher m = NUMBER.matcher(sizeText);
    while (m.find()) {
      decimals = Math.max(decimals, m.group(1) == null ? 0 : m.group(1).length());
    }
    double unit = sizeText.toLowerCase(Locale.ROOT).contains("cm") ? 10 : 1;
    return unit / Math.pow(10, decimals);
  }

  /**
   * A findings size the impression gives rounded to the precision it writes ("6 mm" for a mean of
   * 5.8 mm, "1 cm" for 9 mm): the same size, within {@link #ROUNDING_TOLERANCE_MM}. "1 cm" for 14
   * mm rounds too, but moves it 4 mm: that is a different size.
   */
  static boolean roundsTo(double findingsMm, double saidMm, double precisionMm) {
    double rounded = Math.round(findingsMm / precisionMm) * precisionMm;
    // "6 cm" for a 6.2 cm abscess: whole centimetres of a large lesion move it by a few percent
    double tolerance = Math.max(ROUNDING_TOLERANCE_MM, ROUNDING_SHARE * findingsMm);
    // a size exactly halfway ("12 mm" for a mean of 12.5) rounds down as rightly as up
    boolean halfway = Math.abs(Math.abs(findingsMm - saidMm) - precisionMm / 2) < 1e-9;
    return (Math.abs(rounded - saidMm) < 0.05 || halfway)
        && Math.abs(findingsMm - saidMm) <= tolerance + 1e-9;
  }

  private void sex(Report report, List<Flag> flags) {
    Sex sex = report.request.patient().sex();
    if (sex != Sex.F && sex != Sex.M) {
      return;
    }
    PhraseMatcher<String> wrong = sex == Sex.F ? maleOnly : femaleOnly;
    for (TextAnalyzer.Section s : report.dictatedBody()) {
      for (List<Token> sentence : s.tokens) {
        for (PhraseMatcher.Match<String> m : wrong.findAll(sentence)) {
          Token a = sentence.get(m.from());
          Token b = sentence.get(m.to() - 1);
          flags.add(
              Flag.of(
                  FlagType.SEX_MISMATCH,
                  Severity.WARNING,
                  "\""
                      + s.text.substring(a.start(), b.end())
                      + "\" in a report for a patient of sex "
                      + sex,
                  List.of(s.evidence(a.start(), b.end()))));
          return;
        }
      }
    }
  }
}
