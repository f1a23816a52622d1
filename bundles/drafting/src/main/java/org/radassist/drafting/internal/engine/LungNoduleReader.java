package org.radassist.drafting.internal.engine;

import static org.radassist.drafting.internal.engine.ExtractorSupport.isPriorSize;
import static org.radassist.drafting.internal.engine.ExtractorSupport.priorIntervalMonths;
import static org.radassist.drafting.internal.engine.FleischnerNoduleScope.followUpComplete;
import static org.radassist.drafting.internal.engine.FleischnerNoduleScope.unplacedOutsideChest;
import static org.radassist.drafting.internal.engine.LungNoduleApplicability.lungApplicability;
import static org.radassist.drafting.internal.engine.LungNoduleMentions.aiNodule;
import static org.radassist.drafting.internal.engine.LungNoduleMentions.airwayMaterial;
import static org.radassist.drafting.internal.engine.LungNoduleMentions.cystNodule;
import static org.radassist.drafting.internal.engine.LungNoduleMentions.deniesMoreNodules;
import static org.radassist.drafting.internal.engine.LungNoduleMentions.eachNodule;
import static org.radassist.drafting.internal.engine.LungNoduleMentions.isLungCyst;
import static org.radassist.drafting.internal.engine.LungNoduleMentions.isLungNodule;
import static org.radassist.drafting.internal.engine.LungNoduleMentions.nounlessNodules;
import static org.radassist.drafting.internal.engine.LungNoduleMentions.ownSizes;
import static org.radassist.drafting.internal.engine.LungNoduleMentions.sameLesion;
import static org.radassist.drafting.internal.engine.LungNoduleMentions.sizeFromApposition;
import static org.radassist.drafting.internal.engine.LungNoduleMentions.textNodule;
import static org.radassist.drafting.internal.engine.LungNoduleMentions.withoutAppositions;
import static org.radassist.drafting.internal.engine.LungNoduleMentions.withoutListHeads;
import static org.radassist.drafting.internal.engine.LungNodulePriors.priorReportCategory;
import static org.radassist.drafting.internal.engine.LungRadsAssessor.lungRadsFields;
import static org.radassist.drafting.internal.engine.LungRadsIncompleteScreen.incompleteFields;
import static org.radassist.drafting.internal.engine.LungRadsIncompleteScreen.incompleteScreen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.radassist.drafting.AiResult;
import org.radassist.drafting.internal.engine.ExtractorSupport.Found;
import org.radassist.drafting.internal.engine.LungNoduleApplicability.Applicability;
import org.radassist.drafting.internal.engine.LungNoduleMentions.Nodule;
import org.radassist.drafting.internal.engine.StructuredExtractor.Result;
import org.radassist.drafting.internal.engine.frames.LesionFrame;
import org.radassist.drafting.internal.engine.frames.Measurement;
import org.radassist.drafting.internal.rules.Assessment;
import org.radassist.drafting.internal.rules.LungRads;
import org.radassist.drafting.internal.rules.Millimetres;
import org.radassist.model.Evidence;
import org.radassist.model.Flag;
import org.radassist.model.FlagType;
import org.radassist.model.Severity;

/**
 * Reads lung nodules (dictated and AI-measured) into Lung-RADS and Fleischner fields, and checks
 * the dictated category, management and sizes against them: collects the exam's nodules ({@link
 * LungNoduleMentions}), hands them to the system that applies ({@link LungNoduleApplicability}) and
 * checks dictated sizes against the AI's measurements.
 */
final class LungNoduleReader {

  // an instance: its vocabularies are built once per reader, not held in static state
  private final FleischnerAssessor fleischner = new FleischnerAssessor();

  /** A nodule said to be gone: "the previously seen 9 mm nodule has resolved". */
  private static final Pattern NODULE_RESOLVED =
      Pattern.compile(
          "\\bnodul\\w*\\b[^.;]{0,60}?\\b(?:(?:has|have|had)\\s+(?:since\\s+)?resolved"
              + "|(?:is|are)\\s+no longer (?:seen|visible|present)|(?:has|have)\\s+disappeared)\\b",
          Pattern.CASE_INSENSITIVE);

  /** The findings say a nodule of the prior screen has resolved. */
  private static boolean anotherNoduleResolved(TextAnalyzer.Section f) {
    return f != null && NODULE_RESOLVED.matcher(f.text).find();
  }

  /**
   * "findings no rib fracture solid nodule left upper lobe measuring 2.0 x 1.0 cm": a nodule read
   * in a negation's scope that is measured in two axes is there (an absent nodule has no axes, a
   * denial's threshold has one: "no nodule larger than 4 mm"); unpunctuated speech carried the
   * negation of the finding before it over to it.
   */
  private static boolean measuredInBothAxes(LesionFrame fr) {
    return fr.assertion().negated()
        && !fr.assertion().possible()
        && !fr.assertion().hypothetical()
        && !fr.assertion().historical()
        && fr.sizes().stream()
            .anyMatch(m -> m.role() == Measurement.Role.OVERALL && m.axesMm().size() >= 2);
  }

  private static final Pattern ATTENUATION_BEFORE =
      Pattern.compile(
          "\\b(part[- ]solid|sub-?solid|ground[- ]glass|non-?solid|solid)\\s+(?:[a-z-]+\\s+)?$",
          Pattern.CASE_INSENSITIVE);

  /**
   * The attenuation said right before the noun of a nodule the negation scope wrongly took ("no rib
   * fracture solid nodule ..."): the frames bind a composition only when asserted.
   */
  private static LesionFrame withAttenuationBefore(TextAnalyzer.Section f, LesionFrame fr) {
    if (!fr.composition().isEmpty() || fr.start() < 0 || fr.start() > f.text.length()) {
      return fr;
    }
    Matcher m =
        ATTENUATION_BEFORE.matcher(
            f.text.substring(
                Math.max(Math.max(0, fr.sentenceStart()), fr.start() - 30), fr.start()));
    if (!m.find()) {
      return fr;
    }
    String word = m.group(1).toLowerCase(Locale.ROOT).replace(' ', '-');
    String composition =
        word.equals("solid")
            ? "solid"
            : word.startsWith("part") || word.startsWith("sub") ? "part-solid" : "ground-glass";
    return new LesionFrame(
        fr.kind(),
        fr.site(),
        fr.side(),
        fr.location(),
        fr.sizes(),
        composition,
        fr.features(),
        fr.assertion(),
        fr.change(),
        fr.source(),
        fr.start(),
        fr.end(),
        fr.sentenceStart(),
        fr.sentenceEnd());
  }

  void lungNodules(Report report, Result r) {
    TextAnalyzer.Section f = report.findings();
    List<Nodule> nodules = new ArrayList<>();
    List<LesionFrame> textFrames = new ArrayList<>();
    boolean negatedNodules = false;
    Evidence negatedEvidence = null;
    if (f != null) {
      for (LesionFrame fr : report.findingFrames) {
        if (isLungCyst(fr)) {
          Nodule cyst = fr.assertion().positive() ? cystNodule(report, f, fr) : null;
          if (cyst != null) {
            nodules.add(cyst); // atypical cysts only: thin-walled unilocular ones stay out
          }
          continue;
        }
        if (!isLungNodule(fr)) {
          continue;
        }
        if ((!fr.assertion().positive() && !measuredInBothAxes(fr)) || deniesMoreNodules(f, fr)) {
          negatedNodules |= fr.assertion().negated() || fr.assertion().positive();
          negatedEvidence = f.evidence(fr.sentenceStart(), fr.sentenceEnd());
          continue;
        }
        LesionFrame read = fr.assertion().positive() ? fr : withAttenuationBefore(f, fr);
        textFrames.addAll(
            eachNodule(sizeFromApposition(f, ownSizes(f, read), report.findingFrames)));
      }
    }
    if (f != null) {
      textFrames = withoutAppositions(f, withoutListHeads(f, textFrames));
    }
    // an AI result of the same lesion completes the dictated frame; others are nodules of their own
    List<LesionFrame> aiOnly = new ArrayList<>();
    List<LesionFrame> completions =
        new ArrayList<>(java.util.Collections.nCopies(textFrames.size(), null));
    for (LesionFrame ai : report.aiFrames) {
      if (!isLungNodule(ai)) {
        continue;
      }
      int match = sameLesion(textFrames, ai);
      if (match >= 0 && completions.get(match) == null) {
        completions.set(match, ai);
      } else {
        aiOnly.add(ai);
      }
    }
    for (int i = 0; i < textFrames.size(); i++) {
      nodules.add(textNodule(report, f, textFrames.get(i), completions.get(i)));
    }
    for (LesionFrame ai : aiOnly) {
      nodules.add(aiNodule(ai));
    }
    if (nodules.isEmpty() && !negatedNodules) {
      nodules.addAll(nounlessNodules(report, f)); // "- RUL solid 5 mm.": no noun, still a nodule
    }
    if (nodules.size() == 1
        && nodules.get(0).status() == LungRads.Status.STABLE
        && nodules.get(0).priorCategory() == null
        && !anotherNoduleResolved(f)) {
      // one nodule, unchanged: the stepped category starts from the prior screen's category (not
      // when another nodule the prior screen saw has resolved: that one may have carried it)
      String prior = priorReportCategory(report);
      Double since = priorIntervalMonths(report);
      String steppedNote = "";
      if ("4A".equals(prior) && since != null && Math.round(since) >= 9) {
        // unchanged past the 3-month LDCT (4A -> 3) and the 6-month one after it (3 -> 2):
        // the stepped management has already brought it to category 2
        prior = "3";
        steppedNote =
            "; category 4A unchanged for " + Math.round(since) + " months: past the 3-month step";
      }
      if (prior != null) {
        Nodule n = nodules.get(0);
        nodules.set(
            0,
            new Nodule(
                n.type(),
                n.meanMm(),
                n.solidMm(),
                n.status(),
                n.benign(),
                n.juxtapleural(),
                n.suspicious(),
                prior,
                n.evidence(),
                n.missing(),
                n.source(),
                n.reasonNote()
                    + "; prior screen Lung-RADS "
                    + (steppedNote.isEmpty() ? prior : "4A")
                    + " (prior report)"
                    + steppedNote,
                n.frame(),
                n.fixed() == null ? null : restep(n.fixed(), prior)));
      }
    }
    String nodes = thoracicLymphadenopathy(report, f);
    if (nodes != null) {
      // lymphadenopathy is an additional feature increasing suspicion: 3 or 4 -> 4X
      nodules.replaceAll(
          n ->
              new Nodule(
                  n.type(),
                  n.meanMm(),
                  n.solidMm(),
                  n.status(),
                  n.benign(),
                  n.juxtapleural(),
                  true,
                  n.priorCategory(),
                  n.evidence(),
                  n.missing(),
                  n.source(),
                  n.reasonNote() + "; " + nodes,
                  n.frame(),
                  n.fixed()));
    }
    Applicability where = lungApplicability(report);
    if (where == Applicability.LUNG_RADS) {
      Found incomplete = incompleteScreen(report);
      if (incomplete != null) {
        incompleteFields(report, r, incomplete);
      } else {
        if (nodules.isEmpty()) {
          airwayMaterial(report, f).ifPresent(nodules::add);
        }
        lungRadsFields(report, r, nodules, negatedNodules, negatedEvidence);
      }
    } else if (where == Applicability.FLEISCHNER) {
      // Fleischner 2017 is for parenchymal nodules: not airway nodules, not cysts
      nodules.removeIf(
          n -> n.fixed() != null || n.frame() != null && !n.frame().feature("airway").isEmpty());
      // Fleischner is for nodules (< 3 cm), not masses
      // (a "mass" measured under 3 cm is a nodule by the Fleischner glossary's size)
      nodules.removeIf(
          n ->
              n.frame() != null
                  && !n.frame().kind().equals("nodule")
                  && !(n.frame().kind().equals("mass") && n.meanMm() != null && n.meanMm() < 30));
      nodules.removeIf(n -> n.meanMm() != null && n.meanMm() >= 30);
      // nor for nodules with a benign pattern of calcification or fat (MacMahon et al. 2017)
      nodules.removeIf(Nodule::benign);
      // an unplaced nodule of an exam of another region is not in the lung
      nodules.removeIf(n -> unplacedOutsideChest(report, n));
      // nor for nodules whose follow-up is complete: unchanged 2 years (solid) or 5 (subsolid)
      int before = nodules.size();
      nodules.removeIf(n -> followUpComplete(report, n, before));
      if (!nodules.isEmpty()) {
        fleischner.fleischnerFields(report, r, nodules);
      }
    }
    aiMeasurementCheck(report, r, f);
  }

  private static final Pattern ENLARGED_NODE =
      Pattern.compile(
          "adenopathy|enlarg|suspicious|bulky|pathologic|necrotic|matted",
          Pattern.CASE_INSENSITIVE);

  /**
   * Enlarged or suspicious thoracic lymph nodes asserted in the findings ("new enlarged hilar lymph
   * nodes", "mediastinal adenopathy", a node of 10 mm or more short axis), said how: null if none.
   */
  private static String thoracicLymphadenopathy(Report report, TextAnalyzer.Section f) {
    if (f == null) {
      return null;
    }
    for (LesionFrame fr : report.findingFrames) {
      if (!fr.kind().equals("lymphadenopathy")
          || !fr.assertion().positive()
          || !(fr.organ().isEmpty()
              || fr.organ().equals("lung")
              || fr.organ().equals("mediastinum"))) {
        continue;
      }
      String sentence = f.text.substring(fr.sentenceStart(), fr.sentenceEnd());
      boolean large = fr.overall().map(m -> m.shortMm() >= 10).orElse(false);
      Matcher en = ENLARGED_NODE.matcher(sentence);
      boolean enlarged = false;
      while (en.find() && !enlarged) {
        String before = sentence.substring(Math.max(0, en.start() - 8), en.start());
        enlarged = !before.matches("(?is).*\\b(?:not|non-?|no)\\s*$"); // "not enlarged"
      }
      if (enlarged || large) {
        return "with lymphadenopathy (" + f.text.substring(fr.start(), fr.end()) + ")";
      }
    }
    return null;
  }

  /** A stable cyst's or airway nodule's category, stepped from the prior screen's category. */
  private static Assessment restep(Assessment fixed, String priorCategory) {
    return fixed.reason().contains("unchanged against the prior screen")
        ? LungRads.stepped(priorCategory)
        : fixed;
  }

  /** A dictated size that disagrees with the AI's measurement of a nodule. */
  private void aiMeasurementCheck(Report report, Result r, TextAnalyzer.Section f) {
    if (f == null) {
      return;
    }
    List<TextAnalyzer.Size> dictated = new ArrayList<>();
    for (TextAnalyzer.Mention m : f.mentions) {
      if (m.concept().id().equals("lung_nodule") && m.positive()) {
        for (TextAnalyzer.Size z : f.sizes) {
          if (z.sentence() == m.sentence() && !isPriorSize(f.text, z) && !dictated.contains(z)) {
            dictated.add(z);
          }
        }
      }
    }
    if (dictated.isEmpty()) {
      return;
    }
    for (AiResult ai : report.request.aiResults()) {
      if (ai.sizeMm() == null || !ai.finding().toLowerCase(Locale.ROOT).contains("nodule")) {
        continue;
      }
      double aiMm = ai.sizeMm();
      boolean matched = false;
      TextAnalyzer.Size nearest = dictated.get(0);
      for (TextAnalyzer.Size z : dictated) {
        double mean = Millimetres.meanDiameter(z.longMm(), z.shortMm());
        double tolerance = Math.max(1.5, aiMm * 0.15);
        if (Math.abs(mean - aiMm) <= tolerance || Math.abs(z.longMm() - aiMm) <= tolerance) {
          matched = true;
        }
        if (Math.abs(mean - aiMm)
            < Math.abs(Millimetres.meanDiameter(nearest.longMm(), nearest.shortMm()) - aiMm)) {
          nearest = z;
        }
      }
      if (!matched) {
        r.flags.add(
            Flag.of(
                FlagType.MEASUREMENT_MISMATCH,
                Severity.WARNING,
                "AI measured the "
                    + ai.finding()
                    + (ai.location() == null ? "" : " (" + ai.location() + ")")
                    + " at "
                    + aiMm
                    + " mm; the dictation gives "
                    + f.text.substring(nearest.start(), nearest.end()),
                List.of(
                    f.evidence(nearest.start(), nearest.end()),
                    Report.aiEvidence("AI " + ai.finding() + " " + aiMm + " mm"))));
      }
    }
  }
}
