package org.radassist.drafting.internal.engine;

import static org.radassist.drafting.internal.engine.ChestOmissions.chestFindingCovered;
import static org.radassist.drafting.internal.engine.ChestOmissions.effusionAfterChestOperation;
import static org.radassist.drafting.internal.engine.ChestOmissions.effusionUnderAnotherHeading;
import static org.radassist.drafting.internal.engine.ChestOmissions.outsideTheLung;
import static org.radassist.drafting.internal.engine.ChestOmissions.parapneumonic;
import static org.radassist.drafting.internal.engine.ChestOmissions.underItsDrain;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.COMPLEX_CYST;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.CYST_WORDS;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.INDETERMINATE;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.NOTHING_REPORTED;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.benignSaid;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.covered;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.namedAtItsPlace;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.stable;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.treatmentMaterial;
import static org.radassist.drafting.internal.engine.ImpressionCoverage.LUNG_WORDS;
import static org.radassist.drafting.internal.engine.ImpressionCoverage.attachedAtReportedPlace;
import static org.radassist.drafting.internal.engine.ImpressionCoverage.coveredAsLesion;
import static org.radassist.drafting.internal.engine.ImpressionCoverage.fractureOfAnotherBone;
import static org.radassist.drafting.internal.engine.ImpressionCoverage.gasOfAReportedCollection;
import static org.radassist.drafting.internal.engine.ImpressionCoverage.haloOfALesion;
import static org.radassist.drafting.internal.engine.ImpressionCoverage.impliedByDiagnosis;
import static org.radassist.drafting.internal.engine.ImpressionCoverage.interpretationReported;
import static org.radassist.drafting.internal.engine.ImpressionCoverage.landmarkOfReportedDisease;
import static org.radassist.drafting.internal.engine.ImpressionCoverage.namedInItsOwnWords;
import static org.radassist.drafting.internal.engine.ImpressionCoverage.organLesionUnplaced;
import static org.radassist.drafting.internal.engine.ImpressionCoverage.partOfReported;
import static org.radassist.drafting.internal.engine.ImpressionCoverage.portalHypertensionSign;
import static org.radassist.drafting.internal.engine.ImpressionCoverage.readAsHedgedAlternatives;
import static org.radassist.drafting.internal.engine.ImpressionCoverage.relatedOf;
import static org.radassist.drafting.internal.engine.ImpressionCoverage.syndromeReported;
import static org.radassist.drafting.internal.engine.ImpressionCoverage.tumourAtItsSite;
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
 * incidental lesion frames are {@link IncidentalFindings}'. It coordinates the rules and keeps the
 * significance ones; what an impression covers is {@link ImpressionCoverage}'s, the chest rules
 * {@link ChestOmissions}', the scored-lesion omission {@link ScoredLesionOmission}'s.
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

  /**
   * The flag for a finding the impression leaves out: the words {@code at} matched in findings
   * sentence {@code sentence}, and that sentence, as its evidence.
   */
  static Flag omitted(String what, TextAnalyzer.Section findings, int sentence, Matcher at) {
    int start = findings.sentences.get(sentence).start();
    return Flag.of(
        FlagType.FINDING_NOT_IN_IMPRESSION,
        Severity.WARNING,
        what + " is in the findings but not in the impression",
        List.of(
            findings.evidence(start + at.start(), start + at.end()),
            findings.sentenceEvidence(sentence)));
  }

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
      // round 32 (om15): a negated mention ("without pneumothorax") covers nothing
      if (!ChestSignificance.coronaryArtery(impression, m) && m.certainty() != Certainty.NEGATED) {
        inImpression.add(m.concept().id());
      }
    }
    Map<String, TextAnalyzer.Mention> missing = new LinkedHashMap<>();
    for (TextAnalyzer.Mention m : findings.mentions) {
      // a fracture of a bone the impression's fractures do not name is not covered by them
      boolean otherBone = fractureOfAnotherBone(findings, m, impression);
      // round 32 (om15): reported only on the other side, where the findings have it too
      otherBone |= ImpressionCoverage.otherSideReportedOnly(findings, m, impression);
      // round 36 (om25): reported only at another level, segment or organ another item has
      otherBone |= ImpressionCoverage.anotherPlaceReportedOnly(findings, m, impression);
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
          && !ChestOmissions.regionsOwnOedemaOrOpacity(report, findings, m)
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
    organMasses.removeIf(
        f ->
            f.sentenceStart() >= 0
                && leaveAloneNamed(findings.text.substring(f.sentenceStart(), f.sentenceEnd())));
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
    // round 32 (om14): a significant abnormality of a general class no table names
    if (organMasses.isEmpty()
        && missing.isEmpty()
        && flags.stream().noneMatch(f -> f.type() == FlagType.FINDING_NOT_IN_IMPRESSION)) {
      UnreportedAbnormality.unreportedAbnormality(report, findings, impression, flags);
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
    if (leaveAloneNamed(findings.sentenceText(m.sentence()))) {
      return true; // round 33 (om17): "..., in keeping with an involuted fibroadenoma"
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

  /**
   * A lesion (not a mass) its sentence calls benign ("consistent with a haemangioma", "simple
   * cyst") and nothing undoes: no finding left out of an impression that reports nothing.
   */
  /**
   * Round 33 (om17): a leave-alone diagnosis the lesion's own sentence gives it ("typical of a
   * non-ossifying fibroma", "in keeping with an involuted fibroadenoma"): an entity no one works up
   * or follows, so the impression may leave it out. Only after a diagnostic link, not denied.
   */
  private static final Pattern LEAVE_ALONE_NAMED =
      Pattern.compile(
          "\\b(?:typical(?:ly)?|in keeping|consistent|characteristic|compatible|diagnostic"
              + "|representing|likely|probably|presumed)\\s+(?:of|with|for)?\\s*(?:an?\\s+|the\\s+)?"
              + "(?:non-?ossifying\\s+fibroma|fibrous\\s+cortical\\s+defect|fibroxanthoma"
              + "|(?:involut\\w+|calcified|popcorn[- ]calcified|degenerat\\w+)\\s+fibroadenoma"
              + "|bone\\s+island|enostosis|calcified\\s+granuloma)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern LINK_DENIED =
      Pattern.compile(
          "\\b(?:not|no|non|atypical|unlikely|less)\\s+(?:[\\w-]+\\s+){0,1}$",
          Pattern.CASE_INSENSITIVE);

  static boolean leaveAloneNamed(String sentence) {
    Matcher m = LEAVE_ALONE_NAMED.matcher(sentence);
    while (m.find()) {
      if (!LINK_DENIED.matcher(sentence.substring(0, m.start())).find()) {
        return true;
      }
    }
    return false;
  }

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
   * "Collapse with back pain, hypotensive": the patient collapsed, no lung did; "collapse" names
   * atelectasis only beside a word of the lung (round 27, helper "fn8").
   */
  private static boolean syncopeCollapse(TextAnalyzer.Section findings, TextAnalyzer.Mention m) {
    return m.concept().id().equals("atelectasis")
        && findings.text.substring(m.start(), m.end()).equalsIgnoreCase("collapse")
        && !LUNG_WORDS.matcher(findings.sentenceText(m.sentence())).find();
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
}
