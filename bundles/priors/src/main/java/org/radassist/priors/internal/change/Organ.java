package org.radassist.priors.internal.change;

import java.util.Locale;
import java.util.Set;
import org.radassist.model.CodedConcept;
import org.radassist.model.Finding;

/** The organ a finding is in, as far as the growth rules care: Lung-RADS or LI-RADS or neither. */
public enum Organ {
  LUNG,
  LIVER,
  OTHER;

  // SNOMED CT codes of the lung and its lobes (site values used by TID 1500 producers)
  private static final Set<String> LUNG_CODES =
      Set.of(
          "39607008",
          "3341006",
          "44029006",
          "42400003",
          "72481006",
          "266005",
          "44714003",
          "41224006",
          "45653009",
          "90572001",
          "T-28000");
  private static final Set<String> LIVER_CODES = Set.of("10200004", "T-62000");

  public static Organ of(Finding finding) {
    Organ bySite = of(finding.site());
    return bySite != OTHER ? bySite : of(finding.type());
  }

  static Organ of(CodedConcept concept) {
    if (concept == null) {
      return OTHER;
    }
    if (LIVER_CODES.contains(concept.code())) {
      return LIVER;
    }
    if (LUNG_CODES.contains(concept.code())) {
      return LUNG;
    }
    String meaning = concept.meaning().toLowerCase(Locale.ROOT);
    // liver first: "lobe of liver" must not count as a lung lobe
    if (meaning.contains("liver") || meaning.contains("hepat")) {
      return LIVER;
    }
    if (meaning.contains("lung") || meaning.contains("pulmonary") || meaning.contains("lobe")) {
      return LUNG;
    }
    return OTHER;
  }
}
