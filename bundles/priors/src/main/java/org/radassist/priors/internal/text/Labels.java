package org.radassist.priors.internal.text;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.radassist.model.CodedConcept;
import org.radassist.model.Finding;
import org.radassist.model.StudyContext;
import org.radassist.priors.internal.lookup.RelevanceRanker;

/** How findings and studies are named in prose. */
public final class Labels {

  private static final Pattern LOBE =
      Pattern.compile("(upper|middle|lower) lobe of (right|left) lung", Pattern.CASE_INSENSITIVE);

  private Labels() {}

  /** "nodule in the right upper lobe", "mass in the liver", "finding". */
  public static String of(Finding finding) {
    String type = finding.type() == null ? "finding" : prose(finding.type());
    if (finding.site() == null) {
      return type;
    }
    String site = prose(finding.site());
    Matcher lobe = LOBE.matcher(site);
    if (lobe.matches()) {
      site =
          lobe.group(2).toLowerCase(Locale.ROOT)
              + " "
              + lobe.group(1).toLowerCase(Locale.ROOT)
              + " lobe";
    }
    if (finding.laterality() != null) {
      String side = prose(finding.laterality());
      if (!site.contains("right") && !site.contains("left") && !side.isBlank()) {
        site = side + " " + site;
      }
    }
    return type + " in the " + site;
  }

  /** "CT chest of 2025-11-20" (modality, body part or description, date). */
  public static String of(StudyContext study) {
    String modality =
        study.modalities().stream()
            .filter(m -> !m.equals("SR") && !m.equals("KO") && !m.equals("PR"))
            .findFirst()
            .orElse("");
    // "CT chest": the region from BodyPartExamined, else from the description (QIDO-RS returns
    // BodyPartExamined only at series level)
    String region =
        study.bodyPart() != null && !study.bodyPart().isBlank()
            ? study.bodyPart()
            : RelevanceRanker.region(study).orElse(null);
    String what;
    if (region != null) {
      what = (modality + " " + region.toLowerCase(Locale.ROOT).replace('_', ' ')).trim();
    } else if (study.studyDescription() != null && !study.studyDescription().isBlank()) {
      what = study.studyDescription().trim();
    } else {
      what = modality.isEmpty() ? "study" : modality;
    }
    return study.studyDate() == null ? what + " (date unknown)" : what + " of " + study.studyDate();
  }

  /** The code meaning in lower case, keeping acronyms ("HCC") as they are. */
  static String prose(CodedConcept concept) {
    String meaning = concept.meaning().isBlank() ? concept.code() : concept.meaning().trim();
    StringBuilder out = new StringBuilder();
    for (String word : meaning.split(" ")) {
      if (out.length() > 0) {
        out.append(' ');
      }
      boolean acronym = word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT));
      out.append(acronym ? word : word.toLowerCase(Locale.ROOT));
    }
    return out.toString();
  }
}
