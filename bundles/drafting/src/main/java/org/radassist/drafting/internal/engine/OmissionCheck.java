package org.radassist.drafting.internal.engine;

import static org.radassist.drafting.internal.engine.ChestOmissions.chestFindingCovered;
import static org.radassist.drafting.internal.engine.ChestOmissions.effusionAfterChestOperation;
import static org.radassist.drafting.internal.engine.ChestOmissions.effusionUnderAnotherHeading;
import static org.radassist.drafting.internal.engine.ChestOmissions.outsideTheLung;
import static org.radassist.drafting.internal.engine.ChestOmissions.parapneumonic;
import static org.radassist.drafting.internal.engine.ChestOmissions.underItsDrain;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.ATTACHED;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.COMPLEX_CYST;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.CYST_WORDS;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.DENIED_JUST_BEFORE;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.INDETERMINATE;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.NOTHING_REPORTED;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.NOT_BEFORE;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.ORGAN_WORDS;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.benignSaid;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.covered;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.namedAtItsPlace;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.otherSideOnly;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.reportingSentenceSays;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.saidUnnegated;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.sentenceAround;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.stable;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.treatmentMaterial;
import static org.radassist.drafting.internal.engine.IncidentalFindings.unreportedIncidentals;
import static org.radassist.drafting.internal.engine.SpecificOmissions.extensionOmitted;
import static org.radassist.drafting.internal.engine.SpecificOmissions.gallbladderPolypOmitted;
import static org.radassist.drafting.internal.engine.SpecificOmissions.intracranialBloodOmitted;
import static org.radassist.drafting.internal.engine.SpecificOmissions.malignancyOmitted;
import static org.radassist.drafting.internal.engine.SpecificOmissions.noduleOfAnotherLobeOmitted;
import static org.radassist.drafting.internal.engine.SpecificOmissions.otherBreastOmitted;
import static org.radassist.drafting.internal.engine.SpecificOmissions.pericardialEffusionOmitted;
import static org.radassist.drafting.internal.engine.SpecificOmissions.unnamedDilatations;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.radassist.drafting.internal.engine.frames.LesionFrame;
import org.radassist.drafting.internal.engine.frames.Side;
import org.radassist.model.Flag;
import org.radassist.model.FlagType;
import org.radassist.model.Severity;

/**
 * The FINDING_NOT_IN_IMPRESSION check of {@link ConsistencyChecker}: a significant positive finding
 * the dictated impression leaves out, with the rules that make a finding significant or excuse it
 * (background, trace, treated, old, named in other words, summed up by a syndrome or a category);
 * incidental lesion frames are {@link IncidentalFindings}'.
 */
final class OmissionCheck {
  /** The frame whose words overlap [start, end), or null. */
  static LesionFrame frameAt(List<LesionFrame> frames, int start, int end) {
    for (LesionFrame f : frames) {
      if (f.start() < end && start < f.end()) {
        return f;
      }
    }
    return null;
  }

  private static final Pattern CATEGORY =
      Pattern.compile(
          "\\b(bi-rads|birads|lung-rads|ti-rads|tirads|tr[1-5]|li-rads|lr-?[1-5]|lr-m|pi-rads"
              // LI-RADS's other categories (tumour in vein, treatment response) and the spoken "L
              // R 5" sum up the liver's observations too
              + "|lr-?(?:tiv|tr|nc)\\b|l\\s+r[-\\s]?(?:[1-5]|m|tiv)\\b"
              // round 28 (fn9): the spoken "tr three" / "lr tiv" (normalised "tr 3", "lr tiv")
              + "|tr\\s(?=[1-5]\\b)|lr\\s(?=(?:[1-5]|m|tiv|tr|nc)\\b)"
              // a breast report's bare "Category V" (Roman or Arabic) is its BI-RADS category
              + "|category\\s*:?\\s*(?:[0-6]|iv|vi|v|i{1,3})\\b)",
          Pattern.CASE_INSENSITIVE);

  /** Organs whose lesions a scoring category in the impression sums up. */
  static Set<String> categorised(String impression) {
    Set<String> organs = new HashSet<>();
    Matcher m = CATEGORY.matcher(impression);
    while (m.find()) {
      String c = m.group(1).toLowerCase(Locale.ROOT);
      organs.add(
          c.startsWith("bi") || c.startsWith("category")
              ? "breast"
              : c.startsWith("lung")
                  ? "lung"
                  : c.startsWith("ti") || c.startsWith("tr")
                      ? "thyroid"
                      : c.startsWith("li") || c.startsWith("lr") || c.startsWith("l ")
                          ? "liver"
                          : "prostate");
    }
    return organs;
  }

  static void findingNotInImpression(
      Report report,
      TextAnalyzer.Section findings,
      TextAnalyzer.Section impression,
      List<Flag> flags) {
    Set<String> summed = categorised(impression.text);
    Set<String> inImpression = new HashSet<>();
    for (TextAnalyzer.Mention m : impression.mentions) {
      if (!ChestSignificance.coronaryArtery(impression, m)) {
        inImpression.add(m.concept().id());
      }
    }
    Map<String, TextAnalyzer.Mention> missing = new LinkedHashMap<>();
    for (TextAnalyzer.Mention m : findings.mentions) {
      // a fracture of a bone the impression's fractures do not name is not covered by them
      boolean otherBone = fractureOfAnotherBone(findings, m, impression);
      if (m.certainty() == Certainty.PRESENT
          && m.concept().significant()
          && (otherBone
              || !inImpression.contains(m.concept().id())
                  && !inImpression.contains(relatedOf(m.concept().id()))
                  && !coveredAsLesion(report, m, summed))
          && !partOfReported(report, findings, m, inImpression, summed)
          && !oldInjury(findings, m)
          && !CriticalResults.pastEvent(findings.text, m.start())
          && !CriticalResults.ofEarlierExam(findings.text, m.end())
          && !namedAtItsPlace(findings.sentenceText(m.sentence()), impression)
          && !treatmentMaterial(findings, m)
          && !interpretationReported(findings, m, impression.text)
          && !minorBackground(findings, m)
          && !tumourAtItsSite(frameAt(report.findingFrames, m.start(), m.end()), impression)
          && !Expectation.expected(
              findings.sentenceText(m.sentence()), findings.text.substring(m.start(), m.end()))
          && !Expectation.expectedAfterStatedProcedure(
              report.contextText(),
              findings.sentenceText(m.sentence()),
              findings.text.substring(m.start(), m.end()))
          && !readAsHedgedAlternatives(findings, m)
          && !massEffect(findings, m)
          && !chestFindingCovered(report, findings, m, impression)
          && !outsideTheLung(report, findings, m)
          && !procedureTarget(findings, m)
          && !syndromeReported(findings, m, impression.text)
          && !contrastFilling(findings, m)
          && !underItsDrain(findings, m)
          && !attachedAtReportedPlace(findings, m, impression)
          && !jointFluid(report, m)
          && !scarOfALesion(findings, m)
          && !knownStable(report, m)
          && !parapneumonic(findings, m, impression)
          && !portalHypertensionSign(report, m)
          && !effusionUnderAnotherHeading(findings, m, impression, flags)
          && !namedInItsOwnWords(findings, m, impression)
          && !alreadyTreated(findings, m)
          && !benignByItsWords(findings, m)
          && !organLesionUnplaced(report, m, impression)
          && !ChestSignificance.notNeeded(report, findings, m, impression)
          && !impliedByDiagnosis(findings, m, impression)
          && !syncopeCollapse(findings, m)
          && !gasOfAReportedCollection(findings, m, impression)
          && !reasonOfAnEarlierExam(findings, m)
          && !landmarkOfReportedDisease(findings, m, impression)
          && !effusionAfterChestOperation(report, findings, m)
          && !haloOfALesion(findings, m, impression)
          && !smallThyroidNoduleOnCrossSection(report, findings, m)) {
        missing.putIfAbsent(m.concept().id(), m);
      }
    }
    pericardialEffusionOmitted(report, findings, impression, missing);
    gallbladderPolypOmitted(findings, impression, flags);
    if (!missing.containsKey("lung_nodule") && !missing.containsKey("lung_mass")) {
      noduleOfAnotherLobeOmitted(report, findings, impression, flags);
    }
    // a mass the frames place in an organ the concept table does not name ("3 cm left adrenal
    // mass") is significant wherever it is; an impression that reports something may be its
    // interpretation ("left ectopic pregnancy" for an adnexal mass), one that reports nothing is
    // not
    boolean impressionReports = false;
    for (int i = 0; i < impression.sentences.size(); i++) {
      impressionReports |= !NOTHING_REPORTED.matcher(impression.sentenceText(i)).find();
    }
    // actionable incidentals (organ lesions, abnormal nodes, vascular findings) are omitted from
    // an impression that reports something else as much as from one that reports nothing
    List<LesionFrame> organMasses =
        new ArrayList<>(unreportedIncidentals(report, impression, missing.values(), summed));
    for (LesionFrame f : impressionReports ? List.<LesionFrame>of() : report.findingFrames) {
      boolean named =
          missing.values().stream().anyMatch(m -> m.start() >= f.start() && m.start() < f.end());
      // a "lesion" of 1 cm or more (ACR incidental-findings papers leave smaller ones alone)
      boolean lesion =
          f.kind().equals("lesion") && f.overall().map(m -> m.longMm() >= 10).orElse(true);
      // a urinary stone is a finding the impression reports (colic is its question)
      boolean urinaryStone =
          f.kind().equals("calculus")
              && (f.organ().equals("kidney") || f.organ().equals("bladder"));
      if ((f.kind().equals("mass") || lesion || urinaryStone)
          && f.assertion().positive()
          && !f.organ().isEmpty()
          && !f.organ().equals("lung")
          && !named
          && !covered(report, f, summed)
          && !benignLesion(report.findings(), f)
          && !stable(f)
          && organMasses.stream().noneMatch(o -> o.organ().equals(f.organ()))) {
        organMasses.add(f);
      }
    }
    organMasses.addAll(thyroidNoduleOnTheOtherSide(report, organMasses));
    organMasses.removeIf(f -> smallThyroidFrameOnCrossSection(report, f));
    unnamedDilatations(findings, impression, flags);
    if (!missing.containsKey("intracranial_hemorrhage")
        && !inImpression.contains("intracranial_hemorrhage")) {
      intracranialBloodOmitted(findings, impression, flags);
    }
    if (organMasses.isEmpty() && missing.isEmpty()) {
      otherBreastOmitted(report, findings, impression, flags);
    }
    if (organMasses.isEmpty() && missing.isEmpty()) {
      malignancyOmitted(report, findings, impression, flags);
    }
    if (organMasses.isEmpty() && missing.isEmpty()) {
      extensionOmitted(findings, impression, flags);
    }
    if (organMasses.isEmpty()
        && missing.isEmpty()
        && flags.stream().noneMatch(f -> f.type() == FlagType.FINDING_NOT_IN_IMPRESSION)) {
      SpecificOmissions.newLesionInCancerFollowUp(report, findings, impression, flags);
    }
    if (organMasses.isEmpty()
        && missing.isEmpty()
        && flags.stream().noneMatch(f -> f.type() == FlagType.FINDING_NOT_IN_IMPRESSION)) {
      RegionalOmissions.regionalFindingOmitted(report, findings, impression, flags);
    }
    for (LesionFrame f : organMasses) {
      String what = f.site().name() + " " + f.kind();
      flags.add(
          Flag.of(
              FlagType.FINDING_NOT_IN_IMPRESSION,
              Severity.WARNING,
              Sentences.capitalise(what) + " is in the findings but not in the impression",
              List.of(
                  findings.evidence(f.start(), f.end()),
                  findings.evidence(f.sentenceStart(), f.sentenceEnd()))));
    }
    for (TextAnalyzer.Mention m : missing.values()) {
      flags.add(
          Flag.of(
              FlagType.FINDING_NOT_IN_IMPRESSION,
              m.concept().rank() >= 80 ? Severity.CRITICAL : Severity.WARNING,
              m.concept().display() + " is in the findings but not in the impression",
              List.of(
                  findings.evidence(m.start(), m.end()), findings.sentenceEvidence(m.sentence()))));
    }
  }

  private static final Pattern SIZE =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(mm|cm|millimet\\w*|centimet\\w*)\\b");

  /** What the ACR incidental thyroid nodule paper sends to ultrasound at any size. */
  private static final Pattern THYROID_WORRY =
      Pattern.compile(
          "\\b(?:invasi\\w*|invading|extrathyroidal|extension|abnormal (?:lymph )?nodes?"
              + "|lymphadenopathy|adenopathy|pet[- ]?(?:avid|positive)|fdg|avid|suspicious|enlarging"
              + "|growing|new)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * Round 30 (om11): a thyroid nodule seen on CT or MR below the size the ACR incidental thyroid
   * nodule white paper (2015) works up (1.5 cm from age 35, 1 cm below 35 or age unknown), with no
   * suspicious feature (invasion, abnormal nodes, PET uptake), needs no further evaluation and is
   * no omission. On ultrasound the nodule is the exam's question (TI-RADS).
   */
  private static boolean smallThyroidNoduleOnCrossSection(
      Report report, TextAnalyzer.Section findings, TextAnalyzer.Mention m) {
    String modality = report.modality();
    if (!m.concept().id().equals("thyroid_nodule")
        || !(modality.equals("CT") || modality.equals("MR") || modality.equals("PT"))) {
      return false;
    }
    String sentence = findings.sentenceText(m.sentence());
    if (THYROID_WORRY.matcher(sentence).find()) {
      return false;
    }
    double largest = -1;
    Matcher size = SIZE.matcher(sentence.toLowerCase(Locale.ROOT));
    while (size.find()) {
      double v = Double.parseDouble(size.group(1)) * (size.group(2).startsWith("c") ? 10 : 1);
      largest = Math.max(largest, v);
    }
    Integer age = report.request.patient().ageYears();
    double limit = age != null && age >= 35 ? 15 : 10;
    return largest > 0 && largest < limit;
  }

  /** {@link #smallThyroidNoduleOnCrossSection} for a thyroid lesion frame. */
  private static boolean smallThyroidFrameOnCrossSection(Report report, LesionFrame f) {
    String modality = report.modality();
    if (!f.organ().equals("thyroid")
        || !(modality.equals("CT") || modality.equals("MR") || modality.equals("PT"))
        || f.sentenceStart() < 0) {
      return false;
    }
    String sentence = report.findings().text.substring(f.sentenceStart(), f.sentenceEnd());
    if (THYROID_WORRY.matcher(sentence).find() || f.overall().isEmpty()) {
      return false;
    }
    Integer age = report.request.patient().ageYears();
    return f.overall().get().longMm() < (age != null && age >= 35 ? 15 : 10);
  }

  /**
   * Round 30 (om11): the finding's frame is reported by the impression's category, frames or
   * diagnosis of its organ. Not a lymph node of the breast (the axilla): BI-RADS 5, "breast mass"
   * or "malignancy" answer the breast lesion; an abnormal axillary node changes staging and is
   * sampled on its own, so it is reported only when the impression speaks of nodes.
   */
  private static boolean coveredAsLesion(
      Report report, TextAnalyzer.Mention m, Set<String> summed) {
    LesionFrame f = frameAt(report.findingFrames, m.start(), m.end());
    if (m.concept().id().equals("lymphadenopathy") && f != null && f.organ().equals("breast")) {
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
              + "|neighbou?ring|accompanying|associated)\\s+(?:[a-z0-9-]+\\s+){0,3}$",
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
  private static boolean haloOfALesion(
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
  private static boolean gasOfAReportedCollection(
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

  /** An earlier exam and what it was done for ("a CT 2 months ago which was done for"). */
  private static final Pattern EXAM_DONE_FOR_BEFORE =
      Pattern.compile(
          "\\b(?:ct|scan|study|exam\\w*|radiographs?|x-?rays?|films?|mri|ultrasound|imaging)\\b"
              + "[^.;]{0,50}?\\b(?:done|performed|obtained|acquired|taken|requested)\\s+"
              + "(?:[\\w-]+\\s+){0,3}?(?:for|because of|to exclude|to rule out)\\s+"
              + "(?:suspected\\s+|possible\\s+|presumed\\s+|a\\s+)?$",
          Pattern.CASE_INSENSITIVE);

  /**
   * A finding named as the reason an earlier exam was done ("persisting from a CT 2 months ago
   * which was done for pneumonia") is the history of that exam, not a finding of this one (round
   * 28, helper "fn9").
   */
  private static boolean reasonOfAnEarlierExam(
      TextAnalyzer.Section findings, TextAnalyzer.Mention m) {
    int from = findings.sentences.get(m.sentence()).start();
    String before = findings.text.substring(Math.max(from, m.start() - 120), m.start());
    return EXAM_DONE_FOR_BEFORE.matcher(before).find();
  }

  /**
   * A diagnosis the findings say was already managed ("perforated appendicitis managed
   * conservatively", "cholecystitis treated with antibiotics", "abscess, drained 3 weeks ago"): its
   * history, not a finding of this exam (round 24, helper "fno2").
   */
  private static final Pattern TREATED_AFTER =
      Pattern.compile(
          "^[\\s,]*(?:(?:which|that)\\s+)?(?:was\\s+|were\\s+|has been\\s+|had been\\s+)?"
              + "(?:previously\\s+|successfully\\s+)?(?:managed|treated|drained|resected|operated)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * Nodules their own words call benign ("TZ: BPH nodules, none suspicious", "hyperplastic
   * nodules", "colloid nodules"): background a radiologist need not carry to the impression (round
   * 24, helper "fno2").
   */
  private static final Pattern BENIGN_BEFORE =
      Pattern.compile(
          "\\b(?:bph|benign prostatic hyperplasia|hyperplastic|adenomatous|stromal|colloid"
              + "|benign(?:[- ]appearing)?)\\s+(?:[\\w-]+\\s+){0,3}$",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern NONE_SUSPICIOUS_AFTER =
      Pattern.compile(
          "^\\s*[,;:(-]?\\s*(?:none|neither|not|non)[- ]?\\s*(?:of (?:which|them|these)\\s+)?"
              + "(?:is\\s+|are\\s+|appear\\w*\\s+)?suspicious\\b",
          Pattern.CASE_INSENSITIVE);

  private static boolean benignByItsWords(TextAnalyzer.Section findings, TextAnalyzer.Mention m) {
    String id = m.concept().id();
    // round 30 (om11): any organ lesion its own words call benign ("benign-appearing calcified
    // breast nodule"), up to three words before it
    if (!id.equals("lung_nodule")
        && !id.equals("prostate_lesion")
        && !id.equals("thyroid_nodule")
        && !id.equals("breast_mass")
        && !id.equals("liver_observation")
        && !id.equals("renal_mass")) {
      return false;
    }
    String before = findings.text.substring(Math.max(0, m.start() - 40), m.start());
    String after = findings.text.substring(m.end(), Math.min(findings.text.length(), m.end() + 40));
    return BENIGN_BEFORE.matcher(before).find() || NONE_SUSPICIOUS_AFTER.matcher(after).find();
  }

  private static boolean alreadyTreated(TextAnalyzer.Section findings, TextAnalyzer.Mention m) {
    String after = findings.text.substring(m.end(), Math.min(findings.text.length(), m.end() + 40));
    return TREATED_AFTER.matcher(after).find()
        // round 30b (om12): a fracture its sentence gives fixation for is treated
        || m.concept().id().equals("fracture")
            && RegionalOmissions.fixedFracture(findings.sentenceText(m.sentence()));
  }

  /** Bones by the words that name them, for fractures the impression names at another bone. */
  private static final Map<String, Pattern> BONE_NAMES =
      Map.ofEntries(
          Map.entry("sternum", bone("stern(?:um|al)|manubri\\w*")),
          Map.entry("rib", bone("ribs?|costal")),
          Map.entry("scapula", bone("scapula\\w*|glenoid|acromi\\w*|coracoid")),
          Map.entry("clavicle", bone("clavic\\w*")),
          Map.entry(
              "spine",
              bone(
                  "vertebra\\w*|spin(?:e|al)|[ctl]\\d{1,2}|sacr\\w*|coccy\\w*|odontoid|pars"
                      + "|spinous|transverse process\\w*|endplate")),
          Map.entry(
              "pelvis", bone("pelvi\\w*|iliac|ilium|acetabul\\w*|pubic|rami|ramus|ischi\\w*")),
          Map.entry("femur", bone("femo\\w*|femur|hip|trochant\\w*|subcapital|nof")),
          Map.entry("humerus", bone("humer\\w*|shoulder")),
          Map.entry("forearm", bone("radius|radial|ulna\\w*|colles|forearm|wrist|scaphoid")),
          Map.entry("hand", bone("metacarp\\w*|phalan\\w*|fingers?|hand|thumb")),
          Map.entry(
              "tibia",
              bone("tibi\\w*|medial malleol\\w*|plafond|pilon|knee|ankle|(?:bi|tri)malleolar")),
          Map.entry(
              "fibula", bone("fibul\\w*|lateral malleol\\w*|weber|ankle|(?:bi|tri)malleolar")),
          Map.entry("patella", bone("patell\\w*")),
          Map.entry(
              "foot", bone("calcane\\w*|talus|talar|metatars\\w*|navicular|cuboid|foot|toes?")),
          Map.entry("skull", bone("skull|calvari\\w*|occipital|parietal|facial")),
          // the face's bones are separate fractures (round 22); "facial", "ZMC", "Le Fort"
          // name them all
          Map.entry("orbit", bone("orbit\\w*")),
          Map.entry("zygoma", bone("zygom\\w*|malar")),
          Map.entry("maxilla", bone("maxill(?!ary\\s+(?:sinus|antrum|haemosinus|hemosinus))\\w*")),
          Map.entry("mandible", bone("mandib\\w*")),
          Map.entry("nasal", bone("nasal")));

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
      Pattern.compile("\\bfractur\\w*", Pattern.CASE_INSENSITIVE);

  private static Set<String> bonesIn(String text) {
    Set<String> out = new HashSet<>();
    BONE_NAMES.forEach(
        (k, p) -> {
          if (p.matcher(text).find()) {
            out.add(k);
          }
        });
    return out;
  }

  /**
   * A fracture whose sentence names a bone that no impression sentence about fractures names
   * ("displaced fracture of the sternal body" beside "right 5th rib fracture"): the impression's
   * fracture is another one. A generic impression ("multiple fractures") covers every bone.
   */
  private static boolean fractureOfAnotherBone(
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
  private static boolean landmarkOfReportedDisease(
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

  /** TI-RADS features that give points (solid, hypoechoic, punctate foci, taller-than-wide ...). */
  private static final Pattern THYROID_SUSPICIOUS =
      Pattern.compile(
          "\\b(?:solid|hypoechoic|very hypoechoic|punctate|microcalcif\\w*|taller[- ]than[- ]wide"
              + "|irregular|lobulated|extrathyroidal|tr[45]|ti-?rads\\s*[45])\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern THYROID_BENIGN =
      Pattern.compile(
          "\\b(?:spongiform|colloid|purely cystic|simple cyst|comet[- ]tail|tr[12]|ti-?rads\\s*[12])\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * Round 23 (helper "fnic"): a thyroid nodule of 1 cm or more with suspicious features (solid,
   * hypoechoic, punctate foci ...) in the lobe the impression does not speak of, when the
   * impression reports the thyroid's nodules only in the other lobe ("Benign spongiform right lobe
   * nodule." beside a 1.3 cm solid hypoechoic left lobe nodule with punctate foci): TI-RADS scores
   * each nodule, and the most suspicious one is left out.
   */
  private static List<LesionFrame> thyroidNoduleOnTheOtherSide(
      Report report, List<LesionFrame> already) {
    Set<Side> reported = new HashSet<>();
    for (LesionFrame i : report.impressionFrames) {
      if (i.assertion().positive() && i.organ().equals("thyroid")) {
        reported.add(i.side());
      }
    }
    if (reported.size() != 1
        || !(reported.contains(Side.LEFT) || reported.contains(Side.RIGHT))
        || already.stream().anyMatch(o -> o.organ().equals("thyroid"))) {
      return List.of();
    }
    Side said = reported.iterator().next();
    // the impression's own nodule must be in the findings on its side: an impression naming the
    // other side than the findings is a laterality mismatch, not an omission
    boolean ownThere =
        report.findingFrames.stream()
            .anyMatch(
                f -> f.assertion().positive() && f.organ().equals("thyroid") && f.side() == said);
    if (!ownThere) {
      return List.of();
    }
    String findings = report.findings().text;
    for (LesionFrame f : report.findingFrames) {
      if (!f.assertion().positive()
          || !f.organ().equals("thyroid")
          || !f.side().contradicts(said)
          || f.sentenceStart() < 0
          || stable(f)) {
        continue;
      }
      String sentence = findings.substring(f.sentenceStart(), f.sentenceEnd());
      boolean large = f.overall().map(z -> z.longMm() >= 10).orElse(false);
      if (large
          && THYROID_SUSPICIOUS.matcher(sentence).find()
          && !THYROID_BENIGN.matcher(sentence).find()) {
        return List.of(f);
      }
    }
    return List.of();
  }

  /**
   * A known finding the report follows as unchanged ("stable 6 mm nodule, unchanged since 2019"):
   * nothing new to act on, unless it is an emergency whatever its course (ranked >= 80).
   */
  static boolean knownStable(Report report, TextAnalyzer.Mention m) {
    LesionFrame f = frameAt(report.findingFrames, m.start(), m.end());
    return m.concept().rank() < 80 && f != null && stable(f);
  }

  /** "Mass effect" is a sign of pressure, not a mass. */
  private static final Pattern EFFECT_AFTER =
      Pattern.compile("^\\s+(?:effect|affect)\\b", Pattern.CASE_INSENSITIVE);

  private static boolean massEffect(TextAnalyzer.Section findings, TextAnalyzer.Mention m) {
    String rest = findings.text.substring(m.end(), Math.min(findings.text.length(), m.end() + 10));
    return m.concept().id().equals("lung_mass") && EFFECT_AFTER.matcher(rest).find();
  }

  /**
   * The object of the procedure the report is about: "core biopsy of the left upper lobe nodule".
   */
  private static final Pattern PROCEDURE_OF =
      Pattern.compile(
          "\\b(?:biops(?:y|ies)|aspiration|ablation|drainage|localisation|localization"
              + "|marker placement)\\s+(?:of|from)\\s+(?:the\\s+|a\\s+)?(?:[\\w-]+\\s+){0,4}$",
          Pattern.CASE_INSENSITIVE);

  private static boolean procedureTarget(TextAnalyzer.Section findings, TextAnalyzer.Mention m) {
    int sentenceStart = findings.sentences.get(m.sentence()).start();
    return PROCEDURE_OF.matcher(findings.text.substring(sentenceStart, m.start())).find();
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
  private static boolean portalHypertensionSign(Report report, TextAnalyzer.Mention m) {
    return m.concept().id().equals("splenomegaly")
        && CIRRHOSIS.matcher(NO_CIRRHOSIS.matcher(report.contextText()).replaceAll(" ")).find();
  }

  private static boolean syndromeReported(
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
  private static boolean namedInItsOwnWords(
      TextAnalyzer.Section findings, TextAnalyzer.Mention m, TextAnalyzer.Section impression) {
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

  /** Below this impression rank a concept is background unless the text calls it more than mild. */
  private static final int BACKGROUND_RANK = 50;

  static final Pattern MORE_THAN_MILD =
      Pattern.compile(
          "\\b(?:moderate|moderately|severe|severely|marked|markedly|extensive|large|massive|gross"
              + "|significant|lobar|complete|whole|total|new|increas\\w*|worse\\w*|progress\\w*)\\b",
          Pattern.CASE_INSENSITIVE);

  static final Pattern MILD =
      Pattern.compile(
          "\\b(?:mild|mildly|minimal|minor|small|slight|trace|subtle|tiny|early|subsegmental"
              + "|linear|plate-?like|discoid|bibasal|bibasilar|dependent|scattered|chronic|stable"
              + "|unchanged|old)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * Background findings a radiologist does not expect in an impression about something else: mild
   * emphysema, bibasal atelectasis, a small hiatus hernia (concepts ranked at or below {@link
   * #BACKGROUND_RANK} in findings.json, said mild, small, subsegmental, chronic, stable ...),
   * unless the clause also calls them more than mild, new or worse ("increasing bibasal
   * atelectasis"). Unqualified ("Spleen enlarged at 16 cm", "centrilobular emphysema") they still
   * count.
   */
  private static boolean minorBackground(TextAnalyzer.Section findings, TextAnalyzer.Mention m) {
    if (m.concept().rank() > BACKGROUND_RANK) {
      return false;
    }
    String sentence = findings.sentenceText(m.sentence());
    int at = m.start() - findings.sentences.get(m.sentence()).start();
    int clauseStart = Math.max(sentence.lastIndexOf(',', at), sentence.lastIndexOf(';', at)) + 1;
    int clauseEnd = sentence.indexOf(',', at);
    // the term itself may carry the qualifier ("subsegmental atelectasis")
    String before =
        sentence.substring(clauseStart, Math.min(sentence.length(), at + m.end() - m.start()));
    String clause = sentence.substring(clauseStart, clauseEnd < 0 ? sentence.length() : clauseEnd);
    // a chronic lung disease graded up to moderate ("Moderate emphysema.") is the smoker's
    // background beside a nodule; severe, extensive, new or worse it is not
    // round 29 (fn10): a telegraphic grade after the term ("Emphysema mod.", "emphysema, mild")
    String gradeAfter = sentence.substring(Math.min(sentence.length(), at + m.end() - m.start()));
    Matcher ga = GRADE_AFTER.matcher(gradeAfter);
    if (ga.find()) {
      before = before + " " + ga.group(1).replaceAll("(?i)^mod$", "moderate");
    }
    boolean gradedChronic =
        CHRONIC_GRADED.contains(m.concept().id()) && MODERATE.matcher(before).find();
    String qualifiers = gradedChronic ? MODERATE.matcher(clause).replaceAll("") : clause;
    return (MILD.matcher(before).find() || gradedChronic)
        && !MORE_THAN_MILD.matcher(qualifiers).find();
  }

  private static final Set<String> CHRONIC_GRADED = Set.of("emphysema");

  private static final Pattern GRADE_AFTER =
      Pattern.compile(
          "^\\s*,?\\s*(mild|minimal|mod|moderate|severe|marked|extensive)\\b\\.?\\s*$",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern MODERATE =
      Pattern.compile("\\bmoderate(?:ly)?\\b", Pattern.CASE_INSENSITIVE);

  static final Pattern OLD_INJURY =
      Pattern.compile(
          "\\b(?:old|healed|remote|chronic|united|ununited|long-?standing|well-?corticated)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern ACUTE_INJURY =
      Pattern.compile(
          "\\b(?:acute|new|recent|fresh|displaced|unstable)\\b", Pattern.CASE_INSENSITIVE);

  /**
   * An old, healed fracture ("Old healed right 6th rib fracture") is seen today but asks nothing of
   * anyone; unless its clause also calls it acute, new or displaced.
   */
  private static boolean oldInjury(TextAnalyzer.Section findings, TextAnalyzer.Mention m) {
    // an old infarct ("old right cerebellar infarct") is as old as a healed fracture
    if (!m.concept().id().contains("fracture") && !m.concept().id().equals("infarct")) {
      return false;
    }
    String sentence = findings.sentenceText(m.sentence());
    int at = m.start() - findings.sentences.get(m.sentence()).start();
    int clauseStart = Math.max(sentence.lastIndexOf(',', at), sentence.lastIndexOf(';', at)) + 1;
    String before = sentence.substring(clauseStart, at);
    return OLD_INJURY.matcher(before).find() && !ACUTE_INJURY.matcher(before).find();
  }

  private static final Pattern LESION_SCAR =
      Pattern.compile(
          // up to two signal words between ("central T2 bright scar" of an FNH, round 24)
          "\\b(?:central|stellate|fibrous|radiating)\\s+(?:[\\w-]+\\s+){0,2}$",
          Pattern.CASE_INSENSITIVE);

  /**
   * A scar named by the operation that made it ("along the lumpectomy scar", "mastectomy scar",
   * "surgical / post-operative scar", "the thoracotomy incision scar"): the expected change of a
   * stated procedure, a place rather than a finding (round 24, helper "fno2").
   */
  private static final Pattern SCAR_PLACE_AFTER =
      Pattern.compile(
          "^\\s*(?:[\\w-]+\\s+){0,2}?(?:along|at|in|around|of|within)\\s+the\\s+(?:[\\w-]+\\s+){0,3}?"
              + "(scar|site|incision|bed)\\b",
          Pattern.CASE_INSENSITIVE);

  /** "adjacent to the scar", "near the surgical scar", "deep to the scar": the scar as a place. */
  private static final Pattern SCAR_AS_PLACE =
      Pattern.compile(
          "\\b(?:adjacent\\s+to|near|next\\s+to|beside|at|along|around|deep\\s+to|beneath|under"
              + "|underlying|overlying|(?:anterior|posterior|superior|inferior|medial|lateral)\\s+to)"
              + "\\s+the\\s+(?:[\\w-]+\\s+){0,2}$",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern OPERATION_SCAR =
      Pattern.compile(
          "\\b(?:\\w+ectomy|\\w+otomy|\\w+plasty|surgical|post-?\\s?surgical|operative"
              + "|post-?\\s?operative|incision(?:al)?|excision(?:al)?|biopsy|port[- ]site|wound"
              + "|resection)\\s+(?:site\\s+|incision\\s+|bed\\s+)?$",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern LESION_WORD =
      Pattern.compile(
          "\\b(?:lesion|mass|nodule|observation|tumou?r)s?\\b", Pattern.CASE_INSENSITIVE);

  /**
   * A "central" or "stellate" scar in a sentence that describes a lesion is a feature of that
   * lesion (focal nodular hyperplasia, fibrolamellar carcinoma), reported with the lesion, not a
   * finding of its own.
   */
  private static boolean scarOfALesion(TextAnalyzer.Section findings, TextAnalyzer.Mention m) {
    if (!m.concept().id().equals("fibrosis")) {
      return false;
    }
    String before = findings.text.substring(Math.max(0, m.start() - 30), m.start());
    if (OPERATION_SCAR.matcher(before).find()) {
      return true;
    }
    // round 30b (om12): "calcifications adjacent to the scar": the scar a place another finding is
    // given by, not a finding of its own (h25-bi-26)
    if (SCAR_AS_PLACE.matcher(before).find()) {
      return true;
    }
    // "fibrotic change along the midline laparotomy scar": the scarring of the operation's scar
    String after = findings.text.substring(m.end(), Math.min(findings.text.length(), m.end() + 60));
    Matcher at = SCAR_PLACE_AFTER.matcher(after);
    if (at.find()
        && OPERATION_SCAR.matcher(after.substring(0, at.end() - at.group(1).length())).find()) {
      return true;
    }
    return LESION_SCAR.matcher(before).find()
        && LESION_WORD.matcher(findings.sentenceText(m.sentence())).find();
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
  private static boolean tumourAtItsSite(LesionFrame f, TextAnalyzer.Section impression) {
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

  /**
   * A lesion (not a mass) its sentence calls benign ("consistent with a haemangioma", "simple
   * cyst") and nothing undoes: no finding left out of an impression that reports nothing.
   */
  private static boolean benignLesion(TextAnalyzer.Section findings, LesionFrame f) {
    if (f.kind().equals("mass") || f.sentenceStart() < 0) {
      return false;
    }
    String sentence = findings.text.substring(f.sentenceStart(), f.sentenceEnd());
    boolean complexCyst =
        CYST_WORDS.matcher(sentence).find() && COMPLEX_CYST.matcher(sentence).find();
    return !complexCyst
        && !INDETERMINATE.matcher(sentence).find()
        && !f.organ().equals("pancreas")
        && benignSaid(sentence);
  }

  /** Contrast filling a vessel ("suboptimal contrast opacification"), not a lung opacity. */
  private static final Pattern CONTRAST_BEFORE =
      Pattern.compile(
          "\\b(?:contrast|vascular|arterial|venous|luminal)\\s+$", Pattern.CASE_INSENSITIVE);

  private static final Pattern VESSEL_AFTER =
      Pattern.compile(
          "^\\s+of\\s+the\\s+(?:[\\w-]+\\s+){0,4}(?:arter\\w*|veins?|vessels?|aorta|vasculature)\\b",
          Pattern.CASE_INSENSITIVE);

  private static boolean contrastFilling(TextAnalyzer.Section findings, TextAnalyzer.Mention m) {
    if (!m.concept().id().equals("opacity")) {
      return false;
    }
    String before = findings.text.substring(Math.max(0, m.start() - 20), m.start());
    String after = findings.text.substring(m.end(), Math.min(findings.text.length(), m.end() + 60));
    return CONTRAST_BEFORE.matcher(before).find()
        || VESSEL_AFTER.matcher(after).find()
        || (findings.text.substring(m.start(), m.end()).equalsIgnoreCase("opacification")
            && STUDY_QUALITY_BEFORE.matcher(before).find());
  }

  /**
   * A CT angiogram's technique line rates the contrast ("Satisfactory opacification.", "adequate
   * opacification"): a quality word before "opacification" is no lung opacity.
   */
  private static final Pattern STUDY_QUALITY_BEFORE =
      Pattern.compile(
          "\\b(?:satisfactory|adequate|good|excellent|optimal|suboptimal|diagnostic|reasonable"
              + "|dense|poor|limited)\\s+$",
          Pattern.CASE_INSENSITIVE);

  /** "with an overlying / associated / adjacent ..." attaches a finding to the sentence's head. */
  private static final Pattern ATTACHED_HERE =
      Pattern.compile(
          "\\b(?:with|and)\\s+(?:an?\\s+|the\\s+)?(?:overlying|underlying|adjacent|associated"
              + "|surrounding)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern SIDED_SITE =
      Pattern.compile("\\b(right|left)\\s+([a-z]{4,})\\b", Pattern.CASE_INSENSITIVE);

  /**
   * A finding attached to the sentence's head ("collection ... in the right temporal region with an
   * overlying skull fracture") when the impression reports something at the head's sided site
   * ("Acute right temporal epidural haematoma."): the impression's finding there covers it.
   */
  private static boolean attachedAtReportedPlace(
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

  /** The impression sentences that report something, joined. */
  static String reportingSentences(TextAnalyzer.Section impression) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < impression.sentences.size(); i++) {
      String t = impression.sentenceText(i);
      if (!NOTHING_REPORTED.matcher(t).find()) {
        b.append(t).append(' ');
      }
    }
    return b.toString();
  }

  /**
   * Round 26 (helper "om4"): an organ's lesion (a liver observation, a renal mass) the impression
   * reports as a "nodule" or "mass" its frames could not place ("Cirrhotic liver with 12 mm right
   * lobe nodule"): covered when that impression sentence names the organ, or the exam is of that
   * organ.
   */
  private static boolean organLesionUnplaced(
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
  private static boolean readAsHedgedAlternatives(
      TextAnalyzer.Section findings, TextAnalyzer.Mention m) {
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
  private static boolean partOfReported(
      Report report,
      TextAnalyzer.Section findings,
      TextAnalyzer.Mention m,
      Set<String> inImpression,
      Set<String> summed) {
    for (TextAnalyzer.Mention head : findings.mentions) {
      if (head.sentence() == m.sentence()
          && head.end() <= m.start()
          && head.certainty() == Certainty.PRESENT
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
  private static boolean interpretationReported(
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

  private static final Pattern LUNG_WORDS =
      Pattern.compile(
          "\\b(?:lungs?|lobes?|lobar|segment\\w*|lingul\\w*|basal|bibasal|bibasilar|basilar|apical"
              + "|apex|bases?|airspace|pulmonary|subpleural|interstitial|hilar|perihilar|zones?|volume loss)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * "Collapse with back pain, hypotensive": the patient collapsed, no lung did; "collapse" names
   * atelectasis only beside a word of the lung (round 27, helper "fn8").
   */
  private static boolean syncopeCollapse(TextAnalyzer.Section findings, TextAnalyzer.Mention m) {
    return m.concept().id().equals("atelectasis")
        && findings.text.substring(m.start(), m.end()).equalsIgnoreCase("collapse")
        && !LUNG_WORDS.matcher(findings.sentenceText(m.sentence())).find();
  }

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

  private static boolean impliedByDiagnosis(
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
   * Fluid the frames place outside the chest: an "effusion" in a joint or bursa ("small subacromial
   * bursal effusion"), or "oedema" in a sentence about a brain finding ("mass in the left frontal
   * lobe with vasogenic oedema").
   */
  private static final Pattern BRAIN_OEDEMA =
      Pattern.compile(
          "\\b(?:vasogenic|cytotoxic|cerebral|perilesional|peritumou?ral|white matter)\\s+$",
          Pattern.CASE_INSENSITIVE);

  private static boolean jointFluid(Report report, TextAnalyzer.Mention m) {
    if (m.concept().id().equals("edema")) {
      String t = report.findings().text;
      String before = t.substring(Math.max(0, m.start() - 25), m.start());
      if (BRAIN_OEDEMA.matcher(before).find()) {
        return true; // "vasogenic oedema" is the brain's, wherever the frames place the lesion
      }
    }
    LesionFrame f = frameAt(report.findingFrames, m.start(), m.end());
    if (f == null) {
      return false;
    }
    if (m.concept().id().equals("edema")) {
      return report.findingFrames.stream()
          .anyMatch(o -> o.sentenceStart() == f.sentenceStart() && o.organ().equals("brain"));
    }
    return m.concept().id().equals("pleural_effusion") && f.organ().equals("joint");
  }

  /**
   * Concepts an impression may name in other words (an impression "pneumonia" covers
   * consolidation).
   */
  private static String relatedOf(String id) {
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
}
