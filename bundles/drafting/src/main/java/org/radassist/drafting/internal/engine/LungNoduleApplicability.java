package org.radassist.drafting.internal.engine;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which lung nodule system an exam's nodules are read by: Lung-RADS for a lung cancer screening
 * exam, Fleischner 2017 for an incidental nodule, neither otherwise.
 */
final class LungNoduleApplicability {

  private LungNoduleApplicability() {}

  /** Which lung nodule system applies to the exam. */
  enum Applicability {
    LUNG_RADS,
    FLEISCHNER,
    NONE
  }

  /**
   * Lung-RADS: lung cancer screening CT (screening context on a CT of the chest, the LDCT procedure
   * code, or a dictated Lung-RADS category), never on breast imaging. Fleischner 2017: nodules on a
   * CT (or an exam of unstated modality) outside screening; not below 35, not in known cancer or
   * immunosuppression (said in the fields when it matters).
   */
  static Applicability lungApplicability(Report report) {
    String ctx = report.contextText();
    String mod = report.modality();
    String body = report.bodyPart();
    // a chest CT that names the breast ("family history of breast cancer") is no breast imaging
    boolean chestCt = mod.equals("CT") && (body.contains("CHEST") || body.contains("LUNG"));
    boolean breast =
        mod.equals("MG")
            || body.equals("BREAST")
            || (!chestCt && (ctx.contains("mammogra") || ctx.contains("breast")));
    boolean notCt = !mod.isEmpty() && !mod.equals("CT");
    boolean ldct =
        report.request.study().procedure() != null
            && "71271".equals(report.request.study().procedure().code());
    boolean screening =
        ldct
            || ctx.contains("lung-rads")
            || (lungScreeningWord(ctx)
                && !otherScreeningIndication(report.request.indication())
                && !breast
                && (body.contains("CHEST")
                    || body.contains("LUNG")
                    || ctx.contains("lung")
                    || ctx.contains("ldct")
                    || ctx.contains("low-dose")
                    || ctx.contains("low dose")
                    || body.isEmpty()));
    if (screening && !notCt && !breast) {
      return Applicability.LUNG_RADS;
    }
    if (breast || (notCt && !mod.equals("PT"))) {
      return Applicability.NONE;
    }
    return Applicability.FLEISCHNER;
  }

  /**
   * "screening" said of something else is no lung cancer screening: a screening CTA for a family
   * history of dissection, AAA or coronary calcium screening, screening mammography.
   */
  private static final Pattern OTHER_SCREENING =
      Pattern.compile(
          "\\b(?:cta|angiogra\\w*|aort\\w*|aneurysm\\w*|aaa|dissection|coronary|calcium|cardiac|"
              // the aortopathy syndromes a CT aortogram screens for ("Marfan screening")
              + "marfan\\w*|loeys[- ]dietz|ehlers[- ]danlos|bicuspid|"
              + "colon\\w*|breast|mammogra\\w*|bone density|dexa|osteopor\\w*|prostate|psa)\\b");

  /** Words that make a "screening" near them one of lung cancer. */
  private static final Pattern LUNG_SCREENING =
      Pattern.compile("\\b(?:lung|ldct|low[- ]dose|lcs|pack[- ]years?|smok\\w*)\\b");

  /**
   * An indication that names another screening target and nothing of the lung ("Father had type A
   * aortic dissection at 50. Screening."): its bare "screening" is that screening, not LDCT.
   */
  static boolean otherScreeningIndication(String indication) {
    String text = indication == null ? "" : indication.toLowerCase(Locale.ROOT);
    return OTHER_SCREENING.matcher(text).find()
        && !LUNG_SCREENING.matcher(text).find()
        && !text.contains("lung-rads")
        && !text.contains("nodule");
  }

  /**
   * Whether "screening" is said of lung cancer screening, or of nothing else, somewhere in the
   * context: the three words before and after it within its sentence decide.
   */
  static boolean lungScreeningWord(String ctx) {
    int at = ctx.indexOf("screening");
    while (at >= 0) {
      int from = at;
      int to = at + "screening".length();
      for (int words = 0; words < 4 && from > 0 && ".;\n".indexOf(ctx.charAt(from - 1)) < 0; ) {
        from--;
        if (ctx.charAt(from) == ' ') {
          words++;
        }
      }
      for (int words = 0; words < 4 && to < ctx.length() && ".;\n".indexOf(ctx.charAt(to)) < 0; ) {
        if (ctx.charAt(to) == ' ') {
          words++;
        }
        to++;
      }
      String near = ctx.substring(from, to);
      if (LUNG_SCREENING.matcher(near).find() || !OTHER_SCREENING.matcher(near).find()) {
        return true;
      }
      at = ctx.indexOf("screening", at + 9);
    }
    return false;
  }
}
