package org.radassist.priors.testing;

import static org.radassist.priors.testing.Lesions.LLL;
import static org.radassist.priors.testing.Lesions.LUL;
import static org.radassist.priors.testing.Lesions.RML;
import static org.radassist.priors.testing.Lesions.RUL;

import java.time.LocalDate;
import java.util.List;
import org.radassist.priors.testing.SyntheticHistory.Nodule;
import org.radassist.priors.testing.SyntheticHistory.StudySpec;

/**
 * The history the folder test and the Orthanc itest share: three low-dose chest CTs a year apart
 * (the last is the current study) and a brain MR in between that is no comparison for a chest CT.
 * Nodule A grows (Lung-RADS growth, last SR in cm), nodule B is stable for two years (matched by
 * Tracking Identifier only), nodule C resolves, nodule D is new.
 */
public final class ScreeningHistory {
  public static final String A = "2.25.1001";
  public static final String C = "2.25.1003";
  public static final String D = "2.25.1004";

  public static final String EXPECTED_PARAGRAPH =
      "Comparison: CT chest of 2025-11-20 and CT chest of 2024-11-18."
          + " The nodule in the right upper lobe has increased in mean diameter from 6.0 mm"
          + " on 2025-11-20 to 8.2 mm (+2.2 mm, +37% in 12 months). This meets the Lung-RADS"
          + " growth criterion (> 1.5 mm within 12 months)."
          + " New 4.0 mm nodule in the right middle lobe, not seen on 2025-11-20."
          + " The nodule in the left lower lobe is stable at 5.0 mm (5.1 mm on 2025-11-20),"
          + " unchanged since 2024-11-18 (2 years)."
          + " The 3.1 mm nodule in the left upper lobe seen on 2025-11-20 is no longer seen."
          + " Sum of diameters of the 2 lesions measured on both studies: 13.2 mm,"
          + " previously 11.1 mm on 2025-11-20 (+19%).";

  private ScreeningHistory() {}

  /** Oldest first; the last one is the current study. */
  public static List<StudySpec> studies() {
    return List.of(
        new StudySpec(
            "pydicom_CT_small.dcm",
            LocalDate.parse("2024-11-18"),
            "CT",
            "CHEST",
            "CT CHEST LOW DOSE SCREENING",
            List.of(
                new Nodule(A, "Nodule 1", RUL, "5.0", "5.0", "mm", 60, -20, -80),
                new Nodule(null, "Nodule 2", LLL, "5.0", "4.8", "mm", -70, 30, -160)),
            null,
            false),
        new StudySpec(
            "pydicom_MR_small.dcm",
            LocalDate.parse("2025-05-06"),
            "MR",
            "HEAD",
            "MR BRAIN WITHOUT CONTRAST",
            List.of(),
            "No acute intracranial abnormality.\nNormal MR brain.",
            false),
        new StudySpec(
            "dcmqi_ct-3slice_01.dcm",
            LocalDate.parse("2025-11-20"),
            "CT",
            "CHEST",
            "CT CHEST LOW DOSE SCREENING",
            List.of(
                new Nodule(A, "Nodule 1", RUL, "6.0", "6.0", "mm", 61, -21, -79),
                new Nodule(null, "Nodule 2", LLL, "5.1", "5.0", "mm", -140, 60, -100),
                new Nodule(C, "Nodule 3", LUL, "3.2", "3.0", "mm", -50, -10, -60)),
            "Solid nodule right upper lobe 6.0 mm, slightly larger.\nLung-RADS 3. 6-month LDCT.",
            true),
        new StudySpec(
            "dcmqi_ct-3slice_02.dcm",
            LocalDate.parse("2026-11-19"),
            "CT",
            "CHEST",
            "CT CHEST LOW DOSE SCREENING",
            List.of(
                new Nodule(A, "Nodule 1", RUL, "0.82", "0.82", "cm", 62, -19, -81),
                new Nodule(null, "nodule 2", LLL, "5.0", "5.0", "mm", -10, 90, -40),
                new Nodule(D, "Nodule 4", RML, "4.0", "4.0", "mm", 40, 10, -120)),
            null,
            false));
  }
}
