package org.radassist.drafting.internal.engine.frames;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One finding of a report as a typed frame: what it is, where, how large, what it looks like,
 * whether the text asserts it, and how it changed. Built by {@link FrameExtractor} from a findings
 * or impression sentence, or from an AI result.
 *
 * @param kind lesion kind key ("nodule", "mass", "effusion", "calculus", ... see {@link
 *     FrameExtractor#KINDS})
 * @param site where, normalised ({@link Site#UNKNOWN} when the text does not say)
 * @param side laterality
 * @param location finer location as dictated and normalised: lobe/segment ("right middle lobe",
 *     "segment 7"), clock face ("10 o'clock"), zone ("peripheral zone"), pole; "" when none
 * @param sizes every size of the lesion (overall, solid component, prior)
 * @param composition the lesion's composition in the system's words ("solid", "part-solid",
 *     "ground-glass", "spongiform", "cystic", ...); "" when not stated
 * @param features per-system lexicon features, key to value, e.g. "echogenicity" -> "hypoechoic",
 *     "shape" -> "taller-than-wide", "margin" -> "smooth", "echogenic_foci" -> "none" (or the kinds
 *     a nodule has, joined by "+": "macrocalcification+punctate"), "perifissural" -> "present",
 *     "aphe" -> "absent", "zone" -> "peripheral", "t2w" -> "4"
 * @param assertion ConText modifiers of the finding
 * @param change change vs the prior study
 * @param source "dictation" or "AI: algorithm"
 * @param start offset of the kind words in the text given to the extractor (-1 for AI results)
 * @param end end offset of the kind words (-1 for AI results)
 * @param sentenceStart offset of the frame's sentence (-1 for AI results)
 * @param sentenceEnd end offset of the frame's sentence (-1 for AI results)
 */
public record LesionFrame(
    String kind,
    Site site,
    Side side,
    String location,
    List<Measurement> sizes,
    String composition,
    Map<String, String> features,
    Assertion assertion,
    Change change,
    String source,
    int start,
    int end,
    int sentenceStart,
    int sentenceEnd) {
  public LesionFrame {
    sizes = List.copyOf(sizes);
    features = Map.copyOf(features);
  }

  /** The overall size (the first one not of a solid component or prior). */
  public Optional<Measurement> overall() {
    return sizes.stream().filter(m -> m.role() == Measurement.Role.OVERALL).findFirst();
  }

  /** The volume in mm³, when dictated ("volume 180 mm3"). */
  public Optional<Double> volumeMm3() {
    return sizes.stream()
        .filter(m -> m.role() == Measurement.Role.VOLUME)
        .map(m -> m.axesMm().get(0))
        .findFirst();
  }

  /** The solid component's size, when dictated. */
  /** The solid component's size on the prior study, when dictated apart from the lesion's. */
  public Optional<Measurement> priorSolidComponent() {
    return sizes.stream()
        .filter(m -> m.role() == Measurement.Role.PRIOR_SOLID_COMPONENT)
        .findFirst();
  }

  public Optional<Measurement> solidComponent() {
    return sizes.stream().filter(m -> m.role() == Measurement.Role.SOLID_COMPONENT).findFirst();
  }

  /** The organ key of the site ("" when unknown). */
  public String organ() {
    return site.organ();
  }

  /** A feature's value or "". */
  public String feature(String key) {
    return features.getOrDefault(key, "");
  }

  /** True when this frame came from the dictation text (not an AI result). */
  public boolean fromText() {
    return start >= 0;
  }
}
