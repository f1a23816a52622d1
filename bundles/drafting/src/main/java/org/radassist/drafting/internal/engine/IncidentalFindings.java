package org.radassist.drafting.internal.engine;

import static org.radassist.drafting.internal.engine.ConsistencyChecker.ATTACHED;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.BONES;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.COMPLEX_CYST;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.CYST_WORDS;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.DIFFUSE_DISEASE;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.INDETERMINATE;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.LESION_WORDS;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.LUNG_LOBE;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.NOTHING_REPORTED;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.NOT_BEFORE;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.ORGAN_WORDS;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.PAIRED;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.benignSaid;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.covered;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.diagnosisNamed;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.examQuestion;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.namedAtItsPlace;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.organNamedForLesion;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.readingReported;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.saidUnnegated;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.sameLesionMeasured;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.stable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.radassist.drafting.internal.engine.frames.Change;
import org.radassist.drafting.internal.engine.frames.LesionFrame;
import org.radassist.drafting.internal.engine.frames.Side;

/**
 * The incidental-finding rules of the FINDING_NOT_IN_IMPRESSION check of {@link
 * ConsistencyChecker}: lesion frames the findings report that the impression leaves out, unless
 * benign, small, named in other words or summed up by the impression.
 */
final class IncidentalFindings {
  private static final Pattern MURAL =
      Pattern.compile("\\b(?:mural|intramural|laminated|eccentric)\\b", Pattern.CASE_INSENSITIVE);

  /** A coiled or clipped vascular finding. */
  private static final Pattern TREATED_VASCULAR =
      Pattern.compile(
          "\\b(?:coil|coils|coiled|coil mass|clip|clips|clipped|post-?coiling|post-?clipping)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * Nodes the findings attach to a lesion the impression reports ("mass ... with ipsilateral hilar
   * lymphadenopathy"): they stage it, the impression's word for the lesion covers them.
   */
  private static boolean stagedWithReported(
      Report report, TextAnalyzer.Section findings, LesionFrame node, Set<String> summed) {
    for (LesionFrame h : report.findingFrames) {
      if (h != node
          && h.sentenceStart() == node.sentenceStart()
          && h.end() <= node.start()
          && !h.kind().equals("lymphadenopathy")
          && h.assertion().positive()
          && (covered(report, h, summed)
              // an unplaced head the impression reports by its kind ("antral wall thickening")
              || h.organ().isEmpty()
                  && report.impressionFrames.stream()
                      .anyMatch(i -> i.assertion().positive() && i.kind().equals(h.kind())))
          && ATTACHED.matcher(findings.text.substring(h.end(), node.start())).find()) {
        return true;
      }
    }
    return false;
  }

  /**
   * A finding word that only says what the material treated: "aneurysm clips", "aneurysm coils".
   */
  private static final Pattern NAMES_MATERIAL =
      Pattern.compile("^\\s*(?:clips?|coils?|coiling|clipping)\\b", Pattern.CASE_INSENSITIVE);

  static boolean namesTreatmentMaterial(String text, int end) {
    return NAMES_MATERIAL.matcher(text.substring(end, Math.min(text.length(), end + 12))).find();
  }

  /** A positive TNM nodal stage, on its own or after a T stage ("T3b N1", "ypN2a", "N1c"). */
  private static final Pattern NODAL_STAGE =
      Pattern.compile("(?<![A-Za-z])(?:[cpy]{0,2}(?:mr|ct|us)?)N[1-3][a-c]?\\b");

  private static final Pattern NODE_WORDS =
      Pattern.compile(
          // sarcoidosis is the reading of its hilar nodes (round 23)
          "\\b(?:node|nodes|nodal|lymphadenopathy|adenopathy|lymphoma|sarcoid\\w*"
              // nodes read as inflamed ("cervical lymphadenitis") are reported by that reading
              + "|(?:lymph)?adenitis)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern ENLARGED =
      Pattern.compile(
          "\\b(?:enlarged|lymphadenopathy|adenopathy|bulky|necrotic|pathologic(?:al)?(?:ly)?)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * Actionable incidental findings an impression about something else leaves out: a mass or a
   * nodule / lesion of 1 cm or more in a solid organ outside the lung (adrenal, kidney, liver,
   * pancreas, spleen, ovary, bone; ACR incidental-findings work-up starts at 1 cm), and an enlarged
   * lymph node (said enlarged, or >= 10 mm short axis). Not when the impression names the organ (or
   * nodes) at all: it may interpret the lesion in its own words.
   */
  static List<LesionFrame> unreportedIncidentals(
      Report report,
      TextAnalyzer.Section impression,
      java.util.Collection<TextAnalyzer.Mention> alreadyMissing,
      Set<String> summed) {
    List<LesionFrame> out = new ArrayList<>();
    TextAnalyzer.Section findings = report.findings();
    for (LesionFrame f : report.findingFrames) {
      if (!f.assertion().positive()
          || Expectation.expected(
              findings.text.substring(f.sentenceStart(), f.sentenceEnd()),
              findings.text.substring(f.start(), f.end()))
          || examQuestion(findings.text, f.start(), f.end())
          || alreadyMissing.stream().anyMatch(m -> m.start() < f.end() && f.start() < m.end())
          // round 27 (fn8): reported by its diagnosis, its size or its reading
          // round 30 (om11): not an axillary node: the breast lesion's diagnosis does not report it
          || !axillaryNode(f)
              && (sameLesionMeasured(report, f)
                  || diagnosisNamed(report, f)
                  || readingReported(report, f))) {
        continue;
      }
      String sentence = findings.text.substring(f.sentenceStart(), f.sentenceEnd());
      Pattern vascularWords = VASCULAR_WORDS.get(f.kind());
      if (vascularWords != null && !namesTreatmentMaterial(findings.text, f.end())) {
        // a known one followed over time (sac "5.1 cm, previously 5.3 cm"), or the mural thrombus
        // of an aneurysm, is no new finding to report
        boolean followed =
            f.change().status() == Change.Status.DECREASED
                || f.change().status() == Change.Status.STABLE
                || f.change().status() == Change.Status.RESOLVED;
        boolean mural =
            f.kind().equals("thrombus")
                && report.findingFrames.stream()
                    .anyMatch(
                        a ->
                            a.kind().equals("aneurysm")
                                && (a.sentenceStart() == f.sentenceStart()
                                    // round 29 (fn10): "AAA 5.4 cm ... Mural thrombus."
                                    || MURAL.matcher(sentence).find()));
        // a coiled or clipped aneurysm ("coil mass in the ACom aneurysm") is treated, not new
        boolean treated = TREATED_VASCULAR.matcher(sentence).find();
        if (followed || mural || treated || ductFillingDefect(findings.text, f, sentence)) {
          continue;
        }
        // round 26 (om4): "no femoral DVT" denies, it does not report, the calf veins' thrombus
        boolean named =
            saidUnnegated(vascularWords, impression)
                || report.impressionFrames.stream()
                    .anyMatch(i -> i.assertion().positive() && i.kind().equals(f.kind()));
        if (!named && out.stream().noneMatch(o -> o.kind().equals(f.kind()))) {
          out.add(f);
        }
        continue;
      }
      boolean node = f.kind().equals("lymphadenopathy");
      if (node && ChestSignificance.coronaryArtery(findings.text, f.start(), f.end())) {
        continue; // "plaque in the proximal LAD" names an artery
      }
      if (node) {
        boolean enlarged =
            saysEnlarged(sentence)
                || ABNORMAL_NODE.matcher(sentence).find()
                || f.overall().map(m -> m.shortMm() >= 10).orElse(false)
                    && !fewUnsizedNodes(sentence);
        // Lung-RADS 4X is the category of suspicious nodes among other features
        boolean named =
            NODE_WORDS.matcher(impression.text).find()
                || LUNG_RADS_4X.matcher(impression.text).find()
                // round 28 (fn9): a positive nodal stage ("mrT3b N1", "cN2") reports the nodes
                || NODAL_STAGE.matcher(impression.text).find()
                || report.impressionFrames.stream()
                    .anyMatch(
                        i ->
                            i.kind().equals("lymphadenopathy")
                                && !ChestSignificance.coronaryArtery(
                                    impression.text, i.start(), i.end()));
        if (enlarged
            && !named
            && !nodeReactive(sentence)
            && !stagedWithReported(report, findings, f, summed)
            && !ChestSignificance.stagesReportedLungCancer(sentence, impression)
            && out.stream().noneMatch(o -> o.kind().equals("lymphadenopathy"))) {
          out.add(f);
        }
        continue;
      }
      Pattern organWords = ORGAN_WORDS.get(BONES.contains(f.organ()) ? "bone" : f.organ());
      // a complex cyst (septations, solid component, multilocular) or a lesion the report calls
      // indeterminate ("too large to characterise as a cyst") is no benign one
      // "complex cystic mass ... with thick septations" is as complex as a complex cyst
      // only for what is cystic: "peripheral nodular enhancement" of a haemangioma is its benign
      // sign, not a complex cyst's
      boolean complexCyst =
          (f.kind().equals("cyst")
                  || (f.kind().equals("mass") || f.kind().equals("lesion"))
                      && CYST_WORDS.matcher(sentence).find())
              && COMPLEX_CYST.matcher(sentence).find();
      // a cyst the report grades Bosniak I / II ("thin septation, Bosniak II") is benign by that
      // grade
      boolean notBenign =
          complexCyst && !BOSNIAK_BENIGN.matcher(sentence).find()
              || INDETERMINATE.matcher(sentence).find()
              // round 26 (om4): a dermoid is a neoplasm (referred), no simple cyst
              || DERMOID.matcher(sentence).find()
              // round 28 (fn9): an endometrioma is followed (SRU adnexal consensus), no simple cyst
              || ENDOMETRIOMA.matcher(sentence).find();
      // an incidental pancreatic cyst is followed (ACR white paper): "cystic" is no benign word
      // there
      boolean pancreas = f.organ().equals("pancreas");
      String benignWords = pancreas ? CYST_WORDS.matcher(sentence).replaceAll("") : sentence;
      if (!notBenign && benignSaid(benignWords)) {
        continue; // "a simple cyst", "an angiomyolipoma", "lipid-rich adenoma": nothing to act on
      }
      // a haematoma in a solid organ (an adrenal haematoma after trauma) is an injury to report
      // (intracranial blood is the concept table's, not an incidental's)
      boolean haematoma = f.kind().equals("hemorrhage") && !f.organ().equals("brain");
      if (stable(f)) {
        continue; // a lesion followed as unchanged is known, not incidental
      }
      boolean lesionKind =
          haematoma
              || f.kind().equals("mass")
              || f.kind().equals("nodule")
              || f.kind().equals("lesion")
              || f.kind().equals("observation")
              || complexCyst
              || (pancreas && f.kind().equals("cyst"))
              || DERMOID.matcher(sentence).find()
              // round 28 (fn9): an endometrioma is followed (SRU adnexal consensus), no simple cyst
              || ENDOMETRIOMA.matcher(sentence).find();
      // a lesion the report calls aggressive ("lytic", "suspicious for metastases") counts at
      // any size
      boolean large =
          f.overall().map(m -> m.longMm() >= 10).orElse(f.kind().equals("mass") || haematoma)
              || AGGRESSIVE.matcher(sentence).find();
      if (organWords == null
          || !lesionKind
          || !large
          || organNamedForLesion(impression, organWords)
          || summed.contains(f.organ())
          || report.impressionFrames.stream()
              .anyMatch(
                  i ->
                      i.organ().equals(f.organ())
                          && !diffuseOnly(impression, i)
                          && !anotherFinding(report, f, i)
                          // "right epididymitis" names no left testicular lesion
                          && !(PAIRED.contains(f.organ()) && i.side().contradicts(f.side())))
          || interpretedOnItsSide(report, impression, f)
          || namedAtItsPlace(sentence, impression)
          || diagnosedWithoutOrgan(report, impression, f)
          || out.stream().anyMatch(o -> o.organ().equals(f.organ()))) {
        continue;
      }
      out.add(f);
    }
    return out;
  }

  private static final Pattern REACTIVE_NODE =
      Pattern.compile("\\b(?:reactive|reactional|inflammatory)\\b", Pattern.CASE_INSENSITIVE);

  /**
   * Nodes their sentence calls reactive ("mildly enlarged mediastinal nodes, unchanged, reactive")
   * are background, not an omitted finding (round 25, helper "fn3").
   */
  private static boolean nodeReactive(String sentence) {
    return REACTIVE_NODE.matcher(sentence).find();
  }

  /** Words that make a lesion worth work-up whatever its size. */
  private static final Pattern AGGRESSIVE =
      Pattern.compile(
          "\\b(?:lytic|osteolytic|blastic|osteoblastic|destructive|permeative|aggressive"
              // extension out of the bone (round 23): "vertebral body lesion with epidural
              // extension"
              + "|epidural (?:extension|component|tumou?r)|extra-?osseous|soft[- ]tissue (?:extension"
              + "|component)|cortical (?:breach|breakthrough|destruction)"
              + "|(?:suspicious|concerning|worrisome)\\s+(?:for\\s+)?(?:\\w+\\s+)?"
              + "(?:malignan\\w*|metasta\\w*|neoplas\\w*|tumou?r|myeloma|lymphoma))\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * A lesion's diagnosis an impression may give without naming the organ (not an abscess or a
   * lipoma, which an impression about something else names at their own site).
   */
  private static final Pattern LESION_DIAGNOSIS =
      Pattern.compile(
          "\\b(?:ha?emangioma\\w*|focal nodular hyperplasia|fnh|adenomas?|hepatocellular carcinoma"
              + "|hcc|rcc|renal cell carcinoma|cholangiocarcinoma|metasta\\w*|angiomyolipoma|oncocytoma|myelolipoma"
              + "|pha?eochromocytoma|cystadenoma|ipmn|endometrioma|dermoid"
              + "|teratoma|enchondroma|myeloma|hamartoma|bone island|enostosis)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * An impression sentence that gives a lesion's diagnosis and names no other organ ("Haemangioma."
   * for "2 cm segment 6 lesion with peripheral nodular enhancement") reports that lesion.
   */
  private static boolean diagnosedWithoutOrgan(
      Report report, TextAnalyzer.Section impression, LesionFrame f) {
    for (int i = 0; i < impression.sentences.size(); i++) {
      String t = impression.sentenceText(i);
      if (NOTHING_REPORTED.matcher(t).find() || !LESION_DIAGNOSIS.matcher(t).find()) {
        continue;
      }
      boolean otherOrgan = LUNG_LOBE.matcher(t).find();
      for (Map.Entry<String, Pattern> o : ORGAN_WORDS.entrySet()) {
        boolean own = o.getKey().equals(BONES.contains(f.organ()) ? "bone" : f.organ());
        otherOrgan |= !own && o.getValue().matcher(t).find();
      }
      Sentences.Span span = impression.sentences.get(i);
      otherOrgan |=
          report.impressionFrames.stream()
              .anyMatch(
                  o ->
                      o.start() >= span.start()
                          && o.start() < span.end()
                          && !o.organ().isEmpty()
                          && !o.organ().equals(f.organ()));
      if (!otherOrgan) {
        return true;
      }
    }
    return false;
  }

  /** Words an impression uses for a vascular finding it reports. */
  private static final Map<String, Pattern> VASCULAR_WORDS =
      Map.of(
          "aneurysm",
              Pattern.compile(
                  "\\b(?:aneurysm\\w*|aaa|ectasia|ectatic|t?evar|endograft|stent-?graft|endoleak)",
                  Pattern.CASE_INSENSITIVE),
          "embolism",
              Pattern.compile(
                  "\\b(?:embol\\w*|pe|filling defects?|thromb\\w*|clot)\\b",
                  Pattern.CASE_INSENSITIVE),
          "thrombus",
              Pattern.compile(
                  // LI-RADS names a tumour thrombus "tumour in vein" (LR-TIV)
                  "\\b(?:thromb\\w*|dvt|clot|embol\\w*|occlu\\w*|tumou?r in (?:the )?vein|lr-?tiv)",
                  Pattern.CASE_INSENSITIVE));

  /**
   * Round 26 (helper "om4"): a "filling defect" in a duct that carries no blood (bile duct, CBD,
   * pancreatic duct, ureter, collecting system, bladder) is a stone, sludge or tumour there, no
   * embolus, unless its sentence names a vessel.
   */
  private static boolean ductFillingDefect(String text, LesionFrame f, String sentence) {
    return FILLING_DEFECT.matcher(text.substring(f.start(), f.end())).find()
        && NON_VASCULAR_DUCT.matcher(sentence).find()
        && !VESSEL_WORD.matcher(sentence).find();
  }

  private static final Pattern FILLING_DEFECT =
      Pattern.compile("\\bfilling defects?\\b", Pattern.CASE_INSENSITIVE);

  private static final Pattern NON_VASCULAR_DUCT =
      Pattern.compile(
          "\\b(?:cbd|chd|bile ducts?|biliary|common (?:bile|hepatic) duct|duct|ducts|ductal"
              + "|choledoch\\w*|cystic duct|pancreatic duct|ureters?|ureteric|ureteral"
              + "|collecting system|renal pelvis|bladder|calyx|calyces|gallbladder)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern VESSEL_WORD =
      Pattern.compile(
          "\\b(?:arter\\w*|vein\\w*|venous|vena|pulmonary|portal|aorta|sinus|vessels?|smv|ivc"
              + "|svc)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * A lymph node the frames place at the breast (the axilla): it stages the breast cancer and is
   * sampled on its own, so only node words in the impression report it (round 30, om11).
   */
  static boolean axillaryNode(LesionFrame f) {
    return f.kind().equals("lymphadenopathy") && f.organ().equals("breast");
  }

  /** A node's abnormal morphology (BI-RADS / ultrasound): thick cortex, lost fatty hilum. */
  private static final Pattern ABNORMAL_NODE =
      Pattern.compile(
          "\\b(?:(?:eccentric(?:ally)?|focal(?:ly)?|diffuse(?:ly)?)?\\s*cortical thickening"
              + "|thick(?:ened)? cortex|(?:effaced|absent|lost|obliterated|loss of(?: the)?"
              + "|without(?: an?)?)\\s+(?:fatty\\s+)?hil(?:um|ar fat)|round(?:ed)? (?:hypoechoic )?node)\\b",
          Pattern.CASE_INSENSITIVE);

  /** An impression frame whose sentence is only about diffuse disease ("prostatic hyperplasia"). */
  private static boolean diffuseOnly(TextAnalyzer.Section impression, LesionFrame i) {
    String t = impression.text.substring(i.sentenceStart(), i.sentenceEnd());
    return DIFFUSE_DISEASE.matcher(t).find() && !LESION_WORDS.matcher(t).find();
  }

  /** A cyst an ACR / O-RADS / Bosniak work-up follows: complex, not simple. */
  private static final Pattern BOSNIAK_BENIGN =
      Pattern.compile("\\bbosniak (?:1|2|i|ii)(?![\\w-])", Pattern.CASE_INSENSITIVE);

  /** The report says the lesion is not characterised as benign. */
  private static final Pattern DERMOID =
      Pattern.compile("\\b(?:dermoid|teratoma)\\b", Pattern.CASE_INSENSITIVE);

  private static final Pattern ENDOMETRIOMA =
      Pattern.compile("\\bendometriomas?\\b", Pattern.CASE_INSENSITIVE);

  private static final Pattern LUNG_RADS_4X =
      Pattern.compile("\\b(?:lung-?rads|category)\\s*:?\\s*4x\\b", Pattern.CASE_INSENSITIVE);

  /**
   * Round 30b (om12): "a few / several / scattered small (mesenteric) lymph nodes" with no size
   * after them are nodes counted, not enlarged ones: a size earlier in the sentence is another
   * finding's (unpunctuated "... intussusception measuring 3.2 cm there are a few mesenteric lymph
   * nodes").
   */
  private static final Pattern FEW_NODES =
      Pattern.compile(
          "\\b(?:a\\s+few|few|several|scattered|some|small|tiny|multiple\\s+small|subcentimet\\w+)"
              + "\\s+(?:[\\w-]+\\s+){0,2}?(?:lymph\\s+)?nodes\\b(?![^.;]*\\d\\s*(?:mm|cm)\\b)",
          Pattern.CASE_INSENSITIVE);

  private static boolean fewUnsizedNodes(String sentence) {
    return FEW_NODES.matcher(sentence).find();
  }

  /** "Enlarged", "necrotic" ... said of the node, not "not enlarged by size criteria". */
  private static boolean saysEnlarged(String sentence) {
    Matcher m = ENLARGED.matcher(sentence);
    while (m.find()) {
      if (!NOT_BEFORE.matcher(sentence.substring(0, m.start())).find()) {
        return true;
      }
    }
    return false;
  }

  /**
   * An impression sentence on the lesion's side that names no other organ may be its interpretation
   * in other words ("Left ectopic pregnancy." for a left adnexal mass); one about another organ
   * ("Right lower lobe pneumonia.") is not.
   */
  /**
   * An impression frame of another kind that the findings report on their own ("Moderate right
   * hydrocele." beside a testicular mass): it reports that finding, not the lesion.
   */
  private static boolean anotherFinding(Report report, LesionFrame f, LesionFrame i) {
    return i.assertion().positive()
        && !i.kind().equals(f.kind())
        && !LESION_KINDS.contains(i.kind())
        && report.findingFrames.stream()
            .anyMatch(g -> g != f && g.assertion().positive() && g.kind().equals(i.kind()));
  }

  /** Kinds an impression may use for the lesion itself ("renal lesion" for a mass). */
  private static final Set<String> LESION_KINDS =
      Set.of("mass", "nodule", "lesion", "observation", "cyst", "adenoma");

  private static boolean interpretedOnItsSide(
      Report report, TextAnalyzer.Section impression, LesionFrame f) {
    if (f.side() != Side.LEFT && f.side() != Side.RIGHT) {
      return false;
    }
    Pattern side =
        Pattern.compile(
            f.side() == Side.LEFT ? "\\bleft\\b" : "\\bright\\b", Pattern.CASE_INSENSITIVE);
    for (int i = 0; i < impression.sentences.size(); i++) {
      Sentences.Span span = impression.sentences.get(i);
      if (!side.matcher(impression.sentenceText(i)).find()) {
        continue;
      }
      boolean otherOrgan =
          report.impressionFrames.stream()
              .anyMatch(
                  o ->
                      o.start() >= span.start()
                          && o.start() < span.end()
                          && !o.organ().isEmpty()
                          && !o.organ().equals(f.organ()));
      // a sentence that reports another finding of the findings ("Moderate right hydrocele." beside
      // a right testicular mass) is that finding's, not the lesion's interpretation
      boolean otherFinding =
          report.impressionFrames.stream()
              .anyMatch(
                  o ->
                      o.start() >= span.start()
                          && o.start() < span.end()
                          && anotherFinding(report, f, o));
      if (!otherOrgan && !otherFinding) {
        return true;
      }
    }
    return false;
  }
}
