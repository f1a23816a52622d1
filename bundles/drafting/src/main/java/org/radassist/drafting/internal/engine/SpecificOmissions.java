package org.radassist.drafting.internal.engine;

import static org.radassist.drafting.internal.engine.ChestOmissions.PERICARDIAL_REPORTED;
import static org.radassist.drafting.internal.engine.ChestOmissions.chestFindingCovered;
import static org.radassist.drafting.internal.engine.ChestOmissions.effusionAfterChestOperation;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.BONES;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.CENTIMETRES;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.NOTHING_REPORTED;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.NOT_BEFORE;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.ORGAN_WORDS;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.benignSaid;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.group;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.organNamedForLesion;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.stable;
import static org.radassist.drafting.internal.engine.ImpressionCoverage.TUMOUR;
import static org.radassist.drafting.internal.engine.OmissionCheck.MILD;
import static org.radassist.drafting.internal.engine.OmissionCheck.OLD_INJURY;
import static org.radassist.drafting.internal.engine.OmissionCheck.knownStable;
import static org.radassist.drafting.internal.engine.OmissionCheck.reportingSentences;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.radassist.drafting.internal.engine.frames.LesionFrame;
import org.radassist.drafting.internal.engine.frames.Side;
import org.radassist.drafting.internal.engine.frames.Site;
import org.radassist.model.Flag;
import org.radassist.model.FlagType;
import org.radassist.model.Severity;

/**
 * The FINDING_NOT_IN_IMPRESSION rules of {@link OmissionCheck} for particular findings left out of
 * the impression: a pericardial effusion, a lung nodule of another lobe, a gallbladder polyp, the
 * other breast, intracranial blood, a malignancy, its extension and unnamed dilatations.
 */
final class SpecificOmissions {
  /**
   * Round 29 (helper "fn10"): a pericardial effusion of more than a small one ("Moderate
   * pericardial effusion", "Large pericardial effusion, new since prior") is its own finding; an
   * impression that reports the pleural effusions beside it does not report it, only one naming the
   * pericardium or what the effusion is part of (tamponade, dissection) does.
   */
  static void pericardialEffusionOmitted(
      Report report,
      TextAnalyzer.Section findings,
      TextAnalyzer.Section impression,
      Map<String, TextAnalyzer.Mention> missing) {
    if (missing.containsKey("pericardial_effusion")
        || PERICARDIAL_REPORTED.matcher(reportingSentences(impression)).find()) {
      return;
    }
    for (TextAnalyzer.Mention m : findings.mentions) {
      if (m.concept().id().equals("pericardial_effusion")
          && m.certainty() == Certainty.PRESENT
          && !CriticalResults.pastEvent(findings.text, m.start())
          && !CriticalResults.ofEarlierExam(findings.text, m.end())
          && !knownStable(report, m)
          && !Expectation.expected(
              findings.sentenceText(m.sentence()), findings.text.substring(m.start(), m.end()))
          && !effusionAfterChestOperation(report, findings, m)
          && !ChestSignificance.notNeeded(report, findings, m, impression)
          && !chestFindingCovered(report, findings, m, impression)) {
        missing.put("pericardial_effusion", m);
        return;
      }
    }
  }

  private static final Pattern NODULE_OF_NO_CONCERN =
      Pattern.compile(
          "\\b(?:calcifi\\w*|fat|fat-containing|perifissural|benign|granuloma\\w*|hamartoma"
              + "|ground[- ]glass|non-?solid|stable|unchanged|intrapulmonary lymph node)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern SEVERAL_NODULES =
      Pattern.compile(
          "\\b(?:nodules|multiple|several|two|three|few|numerous|largest|larger|dominant|both)\\b",
          Pattern.CASE_INSENSITIVE);

  private static boolean lobe(Site site) {
    return site.name().endsWith(" lobe") || site.name().equals("lingula");
  }

  /**
   * Round 29 (helper "fn10"): an impression that reports lung nodules by their lobes reports those
   * lobes' nodules only; a solid nodule of 6 mm or more (Lung-RADS 3 and up, Fleischner follow-up)
   * at a lobe it does not name is left out (h19-om-16: "3 mm RUL nodule" beside a 9.5 mm LLL one).
   * Not for nodules of no concern (calcified, fat, perifissural, ground-glass, stable ...).
   */
  static void noduleOfAnotherLobeOmitted(
      Report report,
      TextAnalyzer.Section findings,
      TextAnalyzer.Section impression,
      List<Flag> flags) {
    List<LesionFrame> reported =
        report.impressionFrames.stream()
            .filter(
                i ->
                    i.assertion().positive()
                        && group(i.kind()).equals(group("nodule"))
                        && i.organ().equals("lung"))
            .toList();
    if (reported.isEmpty() || !reported.stream().allMatch(i -> lobe(i.site()))) {
      return;
    }
    // "Two solid nodules, the larger ...", "Multiple nodules, the largest ...": the impression
    // sums up several nodules by their largest, which reports them all
    if (SEVERAL_NODULES.matcher(impression.text).find()) {
      return;
    }
    // every nodule the impression reports is a findings nodule of its lobe and size (a lobe or a
    // size the findings do not have is a laterality or measurement question, not this one)
    for (LesionFrame i : reported) {
      boolean found =
          report.findingFrames.stream()
              .anyMatch(
                  f ->
                      f.site().equals(i.site())
                          && group(f.kind()).equals(group("nodule"))
                          && i.overall().isPresent()
                          && f.overall()
                              .map(m -> Math.abs(m.longMm() - i.overall().get().longMm()) < 0.05)
                              .orElse(false));
      if (!found) {
        return;
      }
    }
    String said = impression.text.toLowerCase(Locale.ROOT);
    for (LesionFrame f : report.findingFrames) {
      if (!f.kind().equals("nodule")
          || !f.organ().equals("lung")
          || !lobe(f.site())
          || !f.assertion().positive()
          || stable(f)
          || f.overall().map(m -> m.meanMm() < 6).orElse(true)
          || NODULE_OF_NO_CONCERN
              .matcher(findings.text.substring(f.sentenceStart(), f.sentenceEnd()))
              .find()
          || reported.stream().anyMatch(i -> i.site().equals(f.site()))) {
        continue;
      }
      String name = f.site().name();
      StringBuilder initials = new StringBuilder();
      for (String w : name.split(" ")) {
        initials.append(w.charAt(0));
      }
      if (said.contains(name) || Pattern.compile("\\b" + initials + "\\b").matcher(said).find()) {
        continue;
      }
      flags.add(
          Flag.of(
              FlagType.FINDING_NOT_IN_IMPRESSION,
              Severity.WARNING,
              "Pulmonary nodule of the " + name + " is in the findings but not in the impression",
              List.of(
                  findings.evidence(f.start(), f.end()),
                  findings.evidence(f.sentenceStart(), f.sentenceEnd()))));
      return;
    }
  }

  private static final Pattern GALLBLADDER =
      Pattern.compile("\\b(?:gall\\s?bladder|gb|cholecyst\\w*)\\b", Pattern.CASE_INSENSITIVE);

  private static final Pattern POLYP = Pattern.compile("\\bpolyp\\w*", Pattern.CASE_INSENSITIVE);

  /**
   * Round 29 (helper "fn10"): a gallbladder polyp of 10 mm or more is followed or referred (SRU
   * gallbladder polyp consensus 2022: from 10 mm follow-up, from 15 mm or with vascularity surgical
   * consultation), so an impression that names neither a polyp nor the gallbladder leaves it out;
   * smaller ones and denied ones ("no polyp") are not flagged.
   */
  static void gallbladderPolypOmitted(
      TextAnalyzer.Section findings, TextAnalyzer.Section impression, List<Flag> flags) {
    String reported = reportingSentences(impression);
    if (POLYP.matcher(reported).find() || GALLBLADDER.matcher(reported).find()) {
      return;
    }
    for (int i = 0; i < findings.sentences.size(); i++) {
      String t = findings.sentenceText(i);
      Matcher p = POLYP.matcher(t);
      if (!GALLBLADDER.matcher(t).find()
          || !p.find()
          || NOT_BEFORE.matcher(t.substring(0, p.start())).find()) {
        continue;
      }
      int sentence = i;
      boolean large =
          findings.sizes.stream().anyMatch(z -> z.sentence() == sentence && z.longMm() >= 10);
      if (large) {
        int start = findings.sentences.get(i).start();
        flags.add(
            Flag.of(
                FlagType.FINDING_NOT_IN_IMPRESSION,
                Severity.WARNING,
                "Gallbladder polyp is in the findings but not in the impression",
                List.of(
                    findings.evidence(start + p.start(), start + p.end()),
                    findings.sentenceEvidence(i))));
        return;
      }
    }
  }

  private static final Pattern RIGHT_WORD =
      Pattern.compile("\\b(?:right|rt)\\b", Pattern.CASE_INSENSITIVE);

  private static final Pattern LEFT_WORD =
      Pattern.compile("\\b(?:left|lt)\\b", Pattern.CASE_INSENSITIVE);

  private static final Pattern BOTH_WORD =
      Pattern.compile("\\b(?:bilateral\\w*|both|each)\\b", Pattern.CASE_INSENSITIVE);

  /** Calcification morphology the BI-RADS atlas calls suspicious, and other suspicious words. */
  private static final Pattern SUSPICIOUS_BREAST =
      Pattern.compile(
          "\\b(?:pleomorphic|fine[- ]linear|linear branching|amorphous|coarse heterogeneous"
              + "|segmental|irregular|spiculated|suspicious|indistinct|microlobulated"
              + "|architectural distortion|developing asymmetry)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * A breast impression that reports one breast only ("Right breast irregular mass, BI-RADS 4")
   * leaves out a suspicious finding the findings give in the other breast ("Left breast: new fine
   * pleomorphic calcifications"): the category sums up the side it is said for, not both.
   */
  static void otherBreastOmitted(
      Report report,
      TextAnalyzer.Section findings,
      TextAnalyzer.Section impression,
      List<Flag> flags) {
    String said = reportingSentences(impression);
    boolean right = RIGHT_WORD.matcher(said).find();
    boolean left = LEFT_WORD.matcher(said).find();
    if (right == left
        || BOTH_WORD.matcher(said).find()
        || !said.toLowerCase(Locale.ROOT).contains("breast")) {
      return;
    }
    Side other = right ? Side.LEFT : Side.RIGHT;
    Side reported = right ? Side.RIGHT : Side.LEFT;
    if (report.findingFrames.stream()
        .noneMatch(
            f -> f.organ().equals("breast") && f.side() == reported && f.assertion().positive())) {
      return; // findings on one side only, the impression on the other: a laterality error
    }
    for (LesionFrame f : report.findingFrames) {
      if (!f.organ().equals("breast")
          || f.side() != other
          || !f.assertion().positive()
          || f.sentenceStart() < 0
          || stable(f)) {
        continue;
      }
      String sentence = findings.text.substring(f.sentenceStart(), f.sentenceEnd());
      if (!SUSPICIOUS_BREAST.matcher(sentence).find() || benignSaid(sentence)) {
        continue;
      }
      flags.add(
          Flag.of(
              FlagType.FINDING_NOT_IN_IMPRESSION,
              Severity.WARNING,
              Sentences.capitalise(other.name().toLowerCase(Locale.ROOT) + " breast " + f.kind())
                  + " is in the findings but not in the impression",
              List.of(
                  findings.evidence(f.start(), f.end()),
                  findings.evidence(f.sentenceStart(), f.sentenceEnd()))));
      return;
    }
  }

  private static final Pattern DATED =
      Pattern.compile("\\b(?:history|(?:19|20)\\d{2})\\b", Pattern.CASE_INSENSITIVE);

  private static final Pattern ACUTE_OR_NEW =
      Pattern.compile("\\b(?:acute|new|hyperacute|fresh)\\b", Pattern.CASE_INSENSITIVE);

  private static final Pattern BLOOD_REPORTED =
      Pattern.compile(
          "\\b(?:ha?emorrhag\\w*|ha?ematomas?|bleeds?|bleeding|blood|ich|sah|sdh|edh|contusions?)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * Intracranial blood the concept table does not name, said by its site and a blood word in either
   * order ("acute haematoma in the left thalamus", "left cerebellar haematoma"), left out of an
   * impression that says no blood word: the critical list's intracranial haemorrhage, omitted.
   */
  static void intracranialBloodOmitted(
      TextAnalyzer.Section findings, TextAnalyzer.Section impression, List<Flag> flags) {
    if (BLOOD_REPORTED.matcher(reportingSentences(impression)).find()) {
      return;
    }
    for (int i = 0; i < findings.sentences.size(); i++) {
      String t = findings.sentenceText(i);
      for (Pattern p :
          List.of(
              CriticalSigns.signs("bleed-at-site"), CriticalSigns.signs("intracranial-bleed"))) {
        Matcher m = p.matcher(t);
        while (m.find()) {
          int base = findings.sentences.get(i).start();
          int from = ExtractorSupport.tokenAt(findings, i, base + m.start());
          if (NOT_BEFORE.matcher(t.substring(0, m.start())).find()
              || from >= 0 && findings.certainty(i, from, from + 1) != Certainty.PRESENT
              // "History of subdural hematoma evacuated 2019": dated and not called acute
              || DATED.matcher(t).find() && !ACUTE_OR_NEW.matcher(t).find()
              || CriticalResults.pastEvent(findings.text, base + m.start())
              || CriticalResults.knownFollowed(t, m.start(), m.end())
              || Expectation.expected(t, m.group())
              || OLD_INJURY.matcher(t.substring(0, m.start())).find()) {
            continue;
          }
          flags.add(
              Flag.of(
                  FlagType.FINDING_NOT_IN_IMPRESSION,
                  Severity.CRITICAL,
                  "Intracranial hemorrhage is in the findings but not in the impression",
                  List.of(
                      findings.evidence(base + m.start(), base + m.end()),
                      findings.sentenceEvidence(i))));
          return;
        }
      }
    }
  }

  /**
   * Malignancy the findings suspect ("liver lesions, compatible with metastases", "omental caking,
   * in keeping with peritoneal carcinomatosis") that the impression neither names as malignancy nor
   * reports at the organ of that sentence's lesions.
   */
  /** A known cancer: the reason of a follow-up where a new lesion means progression. */
  private static final Pattern KNOWN_CANCER =
      Pattern.compile(
          "\\b(?:cancer|carcinoma|malignan\\w*|tumou?r|lymphoma|myeloma|melanoma|sarcoma"
              + "|metasta\\w*|oncolog\\w*|staging|restaging|neoplas\\w*|chemo\\w*|immunotherapy"
              + "|parp)\\b",
          Pattern.CASE_INSENSITIVE);

  /** Screening is no known cancer; a scoring category, a lung nodule have their own systems. */
  private static final Pattern SCREENING =
      Pattern.compile("\\b(?:screen\\w*|lcs)\\b", Pattern.CASE_INSENSITIVE);

  private static final Pattern CATEGORY_SAID =
      Pattern.compile(
          "\\b(?:lung-?rads|bi-?rads|li-?rads|pi-?rads|ti-?rads|lr-?\\s?[1-5mt]|tr\\s?[1-5])",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern LUNG_WORDS =
      Pattern.compile(
          "\\b(?:lungs?|lobes?|pulmonary|lingula\\w*|[rl][uml]l|perifissural|subpleural)\\b",
          Pattern.CASE_INSENSITIVE);

  /** A lesion the findings call new ("New 15 mm omental soft tissue nodule"). */
  private static final Pattern NEW_LESION =
      Pattern.compile(
          "\\b(?:new|newly (?:seen|developed|appeared))\\b(?:\\s+[\\w.-]+){0,5}?\\s+"
              + "(?:nodules?|mass(?:es)?|lesions?|deposits?|foci|focus|metasta\\w*|implants?"
              + "|lymph nodes?|nodes?|collections?)\\b",
          Pattern.CASE_INSENSITIVE);

  /** What reports a new lesion: its newness, progression, its reading. */
  private static final Pattern PROGRESSION_SAID =
      Pattern.compile(
          "\\b(?:new\\w*|progress\\w*|recurren\\w*|relapse\\w*|metasta\\w*|deposits?|implants?"
              + "|worse\\w*|increas\\w*|enlarg\\w*|malignan\\w*|suspicio\\w*|concerning"
              + "|carcinomatosis|disease)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * Round 30 (om11): in the follow-up of a known cancer (indication or history) a lesion the
   * findings call new is progression until shown otherwise; an impression that says only "stable"
   * or reports other things leaves it out. Reported by any unnegated word of newness, progression
   * or malignancy ("no new lesion" is none), or a frame of the same kind group.
   */
  static void newLesionInCancerFollowUp(
      Report report,
      TextAnalyzer.Section findings,
      TextAnalyzer.Section impression,
      List<Flag> flags) {
    TextAnalyzer.Section history =
        report.sections.get(org.radassist.model.SectionKind.CLINICAL_HISTORY);
    String context =
        java.util.Objects.toString(report.request.indication(), "")
            + " "
            + (history == null ? "" : history.text);
    if (!KNOWN_CANCER.matcher(context).find()
        || SCREENING.matcher(context).find()
        || ConsistencyChecker.saidUnnegated(PROGRESSION_SAID, impression)
        || CATEGORY_SAID.matcher(impression.text).find()) {
      return;
    }
    for (int i = 0; i < findings.sentences.size(); i++) {
      String t = findings.sentenceText(i);
      Matcher n = NEW_LESION.matcher(t);
      if (n.find()
          && !NOT_BEFORE.matcher(t.substring(0, n.start())).find()
          && !LUNG_WORDS.matcher(t).find()
          && !benignSaid(t)) {
        int start = findings.sentences.get(i).start();
        flags.add(
            Flag.of(
                FlagType.FINDING_NOT_IN_IMPRESSION,
                Severity.WARNING,
                "A new lesion in a cancer follow-up is in the findings but not in the impression",
                List.of(
                    findings.evidence(start + n.start(), start + n.end()),
                    findings.sentenceEvidence(i))));
        return;
      }
    }
  }

  static void malignancyOmitted(
      Report report,
      TextAnalyzer.Section findings,
      TextAnalyzer.Section impression,
      List<Flag> flags) {
    if (distantDiseaseBesideCategory(findings, impression, flags)) {
      return;
    }
    if (!CriticalResults.malignancySaid(impression).isEmpty()) {
      return;
    }
    for (int[] at : CriticalResults.malignancySaid(findings)) {
      Sentences.Span span = findings.sentences.get(at[0]);
      boolean organReported = false;
      for (LesionFrame f : report.findingFrames) {
        Pattern words = ORGAN_WORDS.get(BONES.contains(f.organ()) ? "bone" : f.organ());
        if (f.start() >= span.start()
            && f.start() < span.end()
            && !f.organ().isEmpty()
            && (words != null && organNamedForLesion(impression, words)
                || report.impressionFrames.stream()
                    .anyMatch(i -> i.assertion().positive() && i.organ().equals(f.organ())))) {
          organReported = true;
        }
      }
      if (!organReported && !tumourReportedInOtherWords(findings.sentenceText(at[0]), impression)) {
        flags.add(
            Flag.of(
                FlagType.FINDING_NOT_IN_IMPRESSION,
                Severity.WARNING,
                "Suspected malignancy ("
                    + findings.text.substring(at[1], at[2])
                    + ") is in the findings but not in the impression",
                List.of(findings.evidence(at[1], at[2]), findings.sentenceEvidence(at[0]))));
        return;
      }
    }
  }

  /**
   * A tumour growing into a neighbouring organ (seminal vesicle, bladder, rectum, mesorectal
   * fascia): its stage, which the impression must carry. Extraprostatic extension is left to the
   * PI-RADS 5 it makes (h8-pi-pz5-ece, h13-pr-20).
   */
  private static final Pattern EXTENSION =
      Pattern.compile(
          "\\b(?:(?:extend\\w*|extension|invad\\w*|invasion|infiltrat\\w*|breach\\w*|grow\\w*)"
              + "\\s+(?:directly\\s+)?(?:into|of|through)\\s+(?:the\\s+)?(?:(?:right|left|both|bilateral)"
              + "\\s+)?(?:seminal vesicles?|bladder(?: base| neck| wall)?|rectal wall|rectum"
              + "|mesorectal fascia)"
              + "|seminal vesicle (?:invasion|involvement))\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern EXTENSION_DENIED_BEFORE =
      Pattern.compile(
          "\\b(?:no|without|not|nor|negative for)\\b[^.;]{0,40}$", Pattern.CASE_INSENSITIVE);

  private static final Pattern EXTENSION_DENIED_AFTER =
      Pattern.compile(
          "^\\s*(?:is\\s+|are\\s+)?(?:not (?:seen|identified|present|demonstrated)|absent|excluded)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern EXTENSION_REPORTED =
      Pattern.compile(
          "\\b(?:seminal|extra-?prostatic|epe|svi|neurovascular|extension|extending|invasion"
              + "|invading|infiltrat\\w*|breach\\w*|t3[ab]?|t4|stage)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * Findings that say a tumour extends into a neighbouring structure ("extending into the right
   * seminal vesicle") and an impression that says nothing of it: the stage-changing finding is
   * omitted (round 28, helper "fn9", h17-mx-10).
   */
  static void extensionOmitted(
      TextAnalyzer.Section findings, TextAnalyzer.Section impression, List<Flag> flags) {
    if (EXTENSION_REPORTED.matcher(impression.text).find()) {
      return;
    }
    for (int i = 0; i < findings.sentences.size(); i++) {
      String t = findings.sentenceText(i);
      Matcher e = EXTENSION.matcher(t);
      while (e.find()) {
        if (EXTENSION_DENIED_BEFORE.matcher(t.substring(0, e.start())).find()
            || EXTENSION_DENIED_AFTER.matcher(t.substring(e.end())).find()) {
          continue;
        }
        int start = findings.sentences.get(i).start() + e.start();
        int end = findings.sentences.get(i).start() + e.end();
        flags.add(
            Flag.of(
                FlagType.FINDING_NOT_IN_IMPRESSION,
                Severity.WARNING,
                "Tumour extension (" + e.group() + ") is in the findings but not in the impression",
                List.of(findings.evidence(start, end), findings.sentenceEvidence(i))));
        return;
      }
    }
  }

  /** A spinal level ("T9", "L 3", "C5"): a place only one vertebra has. */
  private static final Pattern SPINE_LEVEL =
      Pattern.compile("\\b[ctls] ?(?:1[0-2]|[1-9])\\b", Pattern.CASE_INSENSITIVE);

  private static final Pattern TUMOUR_DENIED_BEFORE =
      Pattern.compile(
          "\\b(?:no|without|negative for|free of)\\s+(?:[\\w-]+\\s+){0,3}$",
          Pattern.CASE_INSENSITIVE);

  /**
   * An impression sentence that names the malignancy in other words or by its status reports it
   * (round 28, helper "fn9"): a tumour word at the same spinal level ("T9 epidural tumour" for a
   * "T9 vertebral body metastasis"), or a tumour word that names every organ the findings sentence
   * names ("Stable bone metastases" for "sclerotic metastases in T7 and L3"), known or not. New
   * liver metastases are not reported by "stable bone metastases".
   */
  private static boolean tumourReportedInOtherWords(
      String sentence, TextAnalyzer.Section impression) {
    Set<String> levels = new HashSet<>();
    for (Matcher l = SPINE_LEVEL.matcher(sentence); l.find(); ) {
      levels.add(l.group().toLowerCase(Locale.ROOT).replace(" ", ""));
    }
    Set<String> organs = new HashSet<>();
    for (Map.Entry<String, Pattern> o : ORGAN_WORDS.entrySet()) {
      if (o.getValue().matcher(sentence).find()) {
        organs.add(o.getKey());
      }
    }
    for (int i = 0; i < impression.sentences.size(); i++) {
      String t = impression.sentenceText(i);
      if (NOTHING_REPORTED.matcher(t).find()) {
        continue;
      }
      boolean tumour = false;
      for (Matcher w = TUMOUR.matcher(t); w.find(); ) {
        tumour |= !TUMOUR_DENIED_BEFORE.matcher(t.substring(0, w.start())).find();
      }
      if (!tumour) {
        continue;
      }
      for (Matcher l = SPINE_LEVEL.matcher(t); l.find(); ) {
        if (levels.contains(l.group().toLowerCase(Locale.ROOT).replace(" ", ""))) {
          return true;
        }
      }
      if (!organs.isEmpty()
          && organs.stream().allMatch(o -> ORGAN_WORDS.get(o).matcher(t).find())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Dilated ducts and a dilated aorta, which the concept table does not name: a common bile duct or
   * biliary tree said dilated (the question of obstruction), an aorta said dilated / ectatic /
   * aneurysmal at 4 cm or more (ACR incidental thoracic aorta: 4.0 cm and above is followed).
   */
  private static final Pattern DUCT_DILATED =
      Pattern.compile(
          "\\b(?:(?:common )?bile ducts?|cbd|common duct|biliary (?:tree|ducts?)|(?:intra|extra)hepatic"
              + " (?:bile |biliary )?ducts|pancreatic duct)\\s+(?:is\\s+|are\\s+|was\\s+)?"
              + "(?:\\w+\\s+)?(?:dilated|dilatation|dilation|distended)\\b"
              + "|\\b(?:dilated|dilatation of(?: the)?|dilation of(?: the)?)\\s+(?:common bile duct|cbd"
              + "|bile ducts?|biliary|intrahepatic|extrahepatic|pancreatic duct)"
              + "|\\bbiliary (?:ductal )?(?:dilatation|dilation)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern DENIED_WITHIN =
      Pattern.compile("\\b(?:not|non|never|nowhere)\\b|n't\\b", Pattern.CASE_INSENSITIVE);

  private static final Pattern DUCT_REPORTED =
      Pattern.compile(
          "\\b(?:bil\\w*|ducts?|ductal|cbd|choledoch\\w*|obstruct\\w*|ampulla\\w*|jaundice"
              + "|pancreatic head|cholangio\\w*)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern AORTA_DILATED =
      Pattern.compile(
          "\\baort(?:a|ic root|ic arch)\\b[^.;]{0,30}?\\b(?:dilated|dilatation|dilation|ectatic"
              + "|aneurysmal|enlarged)\\b"
              + "|\\b(?:dilated|dilatation of the|ectatic|aneurysmal|enlarged)\\s+(?:\\w+\\s+)?aort",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern AORTA_REPORTED =
      Pattern.compile(
          "\\b(?:aort\\w*|aneurysm\\w*|ectasia|ectatic|aaa|dilat\\w*)", Pattern.CASE_INSENSITIVE);

  private static final Pattern EXPECTED_DUCT =
      Pattern.compile(
          "\\b(?:cholecystectomy|post-?operative|stent\\w*|sphincterotomy|ercp)\\b",
          Pattern.CASE_INSENSITIVE);

  static void unnamedDilatations(
      TextAnalyzer.Section findings, TextAnalyzer.Section impression, List<Flag> flags) {
    String said = reportingSentences(impression);
    boolean duct = false;
    boolean aorta = false;
    for (int i = 0; i < findings.sentences.size(); i++) {
      String t = findings.sentenceText(i);
      Matcher d = DUCT_DILATED.matcher(t);
      if (!duct
          && d.find()
          && !NOT_BEFORE.matcher(t.substring(0, d.start())).find()
          // "CBD is not dilated": the denial between the duct and its state
          && !DENIED_WITHIN.matcher(d.group()).find()
          && !MILD.matcher(t.substring(0, d.end()))
              .find() // "dilated to 11 mm with mild intrahepatic ..."
          && !EXPECTED_DUCT.matcher(t).find()
          && !DUCT_REPORTED.matcher(said).find()) {
        duct = true;
        flags.add(OmissionCheck.omitted("Dilated bile duct", findings, i, d));
      }
      Matcher a = AORTA_DILATED.matcher(t);
      if (!aorta
          && a.find()
          && !t.toLowerCase(Locale.ROOT).contains("aneurysm ")
          && !NOT_BEFORE.matcher(t.substring(0, a.start())).find()
          && largestMm(t) >= 40
          && !AORTA_REPORTED.matcher(said).find()) {
        aorta = true;
        flags.add(OmissionCheck.omitted("Dilated aorta", findings, i, a));
      }
      Matcher sized = AORTA_SIZED.matcher(t);
      if (!aorta
          && sized.find()
          && aneurysmalCalibre(sized)
          && !NOT_BEFORE.matcher(t.substring(0, sized.start())).find()
          && !AORTA_FOLLOWED.matcher(t).find()
          && !AORTA_REPORTED.matcher(said).find()) {
        aorta = true;
        flags.add(OmissionCheck.omitted("Dilated aorta", findings, i, sized));
      }
    }
  }

  /**
   * Round 30 (om11): an aorta given only its calibre ("Ascending aorta 5.5 cm.", "infrarenal aorta
   * measures 3.4 cm"): the segment's word and the first size after it in the clause.
   */
  private static final Pattern AORTA_SIZED =
      Pattern.compile(
          "\\b(ascending|descending|thoracic|abdominal|infrarenal|suprarenal|juxtarenal|aortic root"
              + "|aortic arch|arch|root|sinus(?:es)? of valsalva)?\\s*(?:of the\\s+)?"
              + "aort(?:a|ic root|ic arch|ic)\\b[^.;,\\d]{0,40}?(\\d+(?:\\.\\d+)?)\\s*(cm|mm)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern AORTA_FOLLOWED =
      Pattern.compile(
          "\\b(?:unchanged|stable|previously|prior|compared|known|repaired|graft|evar|tevar)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * An aneurysmal calibre: 3 cm or more for the abdominal aorta (the AAA definition), 4.5 cm or
   * more for the thoracic aorta (dilated beyond the ACR incidental-aorta follow-up size; 4.0-4.4 cm
   * is left to the reader's words), or either when the segment is not said and the exam's words do
   * not settle it (4.5 cm).
   */
  private static boolean aneurysmalCalibre(Matcher sized) {
    double mm =
        Double.parseDouble(sized.group(2)) * (sized.group(3).equalsIgnoreCase("cm") ? 10 : 1);
    String segment = sized.group(1) == null ? "" : sized.group(1).toLowerCase(Locale.ROOT);
    boolean abdominal =
        segment.equals("abdominal")
            || segment.equals("infrarenal")
            || segment.equals("suprarenal")
            || segment.equals("juxtarenal");
    return mm >= (abdominal ? 30 : 45) && mm < 150;
  }

  private static double largestMm(String sentence) {
    double max = 0;
    Matcher c = CENTIMETRES.matcher(sentence);
    while (c.find()) {
      double v = Double.parseDouble(c.group(1));
      max = Math.max(max, c.group(2).equalsIgnoreCase("cm") ? v * 10 : v);
    }
    return max;
  }

  /** Round 32 (om15): words of the disease a scored lesion's spread makes. */
  private static final Pattern SPREAD_WORD =
      Pattern.compile(
          "\\b(?:metasta\\w*|mets|deposits?|secondar(?:y|ies))\\b", Pattern.CASE_INSENSITIVE);

  /** An impression that reports the spread: metastasis, nodes, stage, the skeleton. */
  private static final Pattern SPREAD_REPORTED =
      Pattern.compile(
          "\\b(?:metasta\\w*|oligometasta\\w*|mets|deposits?|secondar(?:y|ies)|m1[abc]?|n[1-3]"
              + "|stag(?:e|ed|ing)|spread|disseminat\\w*|osseous|bony|skeletal|nodal|nodes?"
              + "|(?:lymph)?adenopathy)\\b",
          Pattern.CASE_INSENSITIVE);

  /** The words of the organ each scoring category sums up, where its own lesion lies. */
  private static final Map<String, Pattern> SCORED_ORGAN =
      Map.of(
          "prostate",
          Pattern.compile(
              "\\b(?:prostat\\w*|pz|tz|cz|peripheral zone|transition zone|central zone|seminal"
                  + "|capsul\\w*|extraprostatic|epe)\\b",
              Pattern.CASE_INSENSITIVE),
          "breast",
          Pattern.compile(
              "\\b(?:breasts?|o'?\\s?clock|axill\\w*|nipple|retroareolar|subareolar)\\b",
              Pattern.CASE_INSENSITIVE),
          "liver",
          Pattern.compile(
              "\\b(?:liver|hepat\\w*|segments?|lobe|portal|observations?)\\b",
              Pattern.CASE_INSENSITIVE),
          "lung",
          Pattern.compile(
              "\\b(?:lungs?|lobes?|pulmonary|lingula\\w*|hil(?:um|ar)|pleura\\w*|mediastin\\w*)\\b",
              Pattern.CASE_INSENSITIVE),
          "thyroid",
          Pattern.compile("\\b(?:thyroid|lobe|isthmus|neck)\\b", Pattern.CASE_INSENSITIVE));

  /**
   * Round 32 (om15): extra-organ disease beside a scored lesion. A scoring category sums up its
   * organ's lesion (PI-RADS the prostate, BI-RADS the breast and axilla ...), not a second site of
   * disease: a findings sentence that names no part of the scored organ and gives a lesion there as
   * a metastasis or deposit (certain or suspected, not denied, known or followed) is left out of an
   * impression that states only the category, unless an impression sentence speaks of spread
   * (metastasis, deposit, M1, nodes, stage, skeletal) or names the site ("PI-RADS 5 right mid PZ"
   * for "2 cm T1 hypointense lesion in the right iliac bone, suspicious for metastasis").
   */
  static boolean distantDiseaseBesideCategory(
      TextAnalyzer.Section findings, TextAnalyzer.Section impression, List<Flag> flags) {
    Set<String> scored = OmissionCheck.categorised(impression.text);
    if (scored.isEmpty() || ConsistencyChecker.saidUnnegated(SPREAD_REPORTED, impression)) {
      return false;
    }
    for (int[] at : CriticalResults.malignancySaid(findings)) {
      if (!SPREAD_WORD.matcher(findings.text.substring(at[1], at[2])).find()) {
        continue;
      }
      String sentence = findings.sentenceText(at[0]);
      if (scored.stream()
          .anyMatch(
              o -> SCORED_ORGAN.containsKey(o) && SCORED_ORGAN.get(o).matcher(sentence).find())) {
        continue;
      }
      boolean siteReported = false;
      for (Map.Entry<String, Pattern> o : ORGAN_WORDS.entrySet()) {
        if (!scored.contains(o.getKey()) && o.getValue().matcher(sentence).find()) {
          siteReported |= organNamedForLesion(impression, o.getValue());
        }
      }
      if (siteReported) {
        continue;
      }
      flags.add(
          Flag.of(
              FlagType.FINDING_NOT_IN_IMPRESSION,
              Severity.WARNING,
              "Suspected spread ("
                  + findings.text.substring(at[1], at[2])
                  + ") is in the findings but not in the impression",
              List.of(findings.evidence(at[1], at[2]), findings.sentenceEvidence(at[0]))));
      return true;
    }
    return false;
  }
}
