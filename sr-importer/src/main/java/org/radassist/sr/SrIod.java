package org.radassist.sr;

/** The SR storage SOP classes (PS3.4 B.5), with the retired Trial classes labelled as such. */
public enum SrIod {
  BASIC_TEXT("1.2.840.10008.5.1.4.1.1.88.11", "Basic Text SR", false),
  ENHANCED("1.2.840.10008.5.1.4.1.1.88.22", "Enhanced SR", false),
  COMPREHENSIVE("1.2.840.10008.5.1.4.1.1.88.33", "Comprehensive SR", false),
  COMPREHENSIVE_3D("1.2.840.10008.5.1.4.1.1.88.34", "Comprehensive 3D SR", false),
  EXTENSIBLE("1.2.840.10008.5.1.4.1.1.88.35", "Extensible SR", false),
  PROCEDURE_LOG("1.2.840.10008.5.1.4.1.1.88.40", "Procedure Log", false),
  MAMMOGRAPHY_CAD("1.2.840.10008.5.1.4.1.1.88.50", "Mammography CAD SR", false),
  KEY_OBJECT_SELECTION("1.2.840.10008.5.1.4.1.1.88.59", "Key Object Selection Document", false),
  CHEST_CAD("1.2.840.10008.5.1.4.1.1.88.65", "Chest CAD SR", false),
  XRAY_RADIATION_DOSE("1.2.840.10008.5.1.4.1.1.88.67", "X-Ray Radiation Dose SR", false),
  RADIOPHARMACEUTICAL_RADIATION_DOSE(
      "1.2.840.10008.5.1.4.1.1.88.68", "Radiopharmaceutical Radiation Dose SR", false),
  COLON_CAD("1.2.840.10008.5.1.4.1.1.88.69", "Colon CAD SR", false),
  IMPLANTATION_PLAN("1.2.840.10008.5.1.4.1.1.88.70", "Implantation Plan SR", false),
  ACQUISITION_CONTEXT("1.2.840.10008.5.1.4.1.1.88.71", "Acquisition Context SR", false),
  SIMPLIFIED_ADULT_ECHO("1.2.840.10008.5.1.4.1.1.88.72", "Simplified Adult Echo SR", false),
  PATIENT_RADIATION_DOSE("1.2.840.10008.5.1.4.1.1.88.73", "Patient Radiation Dose SR", false),
  PLANNED_IMAGING_AGENT_ADMINISTRATION(
      "1.2.840.10008.5.1.4.1.1.88.74", "Planned Imaging Agent Administration SR", false),
  PERFORMED_IMAGING_AGENT_ADMINISTRATION(
      "1.2.840.10008.5.1.4.1.1.88.75", "Performed Imaging Agent Administration SR", false),
  ENHANCED_X_RAY_RADIATION_DOSE(
      "1.2.840.10008.5.1.4.1.1.88.76", "Enhanced X-Ray Radiation Dose SR", false),
  TEXT_SR_TRIAL("1.2.840.10008.5.1.4.1.1.88.1", "Text SR Storage - Trial (retired)", true),
  AUDIO_SR_TRIAL("1.2.840.10008.5.1.4.1.1.88.2", "Audio SR Storage - Trial (retired)", true),
  DETAIL_SR_TRIAL("1.2.840.10008.5.1.4.1.1.88.3", "Detail SR Storage - Trial (retired)", true),
  COMPREHENSIVE_SR_TRIAL(
      "1.2.840.10008.5.1.4.1.1.88.4", "Comprehensive SR Storage - Trial (retired)", true),
  /** An SOP class that is not an SR (the reader still walks a Content Sequence if present). */
  OTHER("", "not an SR storage class", false);

  private final String uid;
  private final String label;
  private final boolean retiredTrial;

  SrIod(String uid, String label, boolean retiredTrial) {
    this.uid = uid;
    this.label = label;
    this.retiredTrial = retiredTrial;
  }

  public String uid() {
    return uid;
  }

  public String label() {
    return label;
  }

  /** The retired Trial classes are read best effort. */
  public boolean retiredTrial() {
    return retiredTrial;
  }

  public static SrIod fromUid(String sopClassUid) {
    if (sopClassUid != null) {
      String u = sopClassUid.trim();
      for (SrIod iod : values()) {
        if (iod != OTHER && iod.uid.equals(u)) {
          return iod;
        }
      }
    }
    return OTHER;
  }
}
