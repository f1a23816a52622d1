package org.radassist.drafting.internal.engine.frames;

import java.util.Map;
import java.util.regex.Pattern;
import org.radassist.drafting.internal.engine.frames.FrameExtractor.Draft;
import org.radassist.drafting.internal.engine.frames.FrameExtractor.ExamContext;

/**
 * The organ the exam context gives a finding whose sentence names none: an effusion on a joint exam
 * is the joint's, ultrasound words mean the thyroid only where no other region is examined (not on
 * a chest, abdominal, pelvic, breast or soft-tissue exam), LI-RADS, PI-RADS, BI-RADS and Lung-RADS
 * features place a finding in their organ, and the body part is the last resort. The extractor asks
 * it when it finishes a frame.
 */
final class ExamPlacement {
  static boolean jointExam(ExamContext exam) {
    return java.util.stream.Stream.of(
            "KNEE", "SHOULDER", "HIP", "ANKLE", "ELBOW", "WRIST", "JOINT", "EXTREMITY")
        .anyMatch(exam.bodyPart()::contains);
  }

  static boolean abdominal(ExamContext exam) {
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

  static boolean thyroidExam(Draft d, ExamContext exam) {
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

  static Site fromFeatures(Draft d, ExamContext exam) {
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
}
