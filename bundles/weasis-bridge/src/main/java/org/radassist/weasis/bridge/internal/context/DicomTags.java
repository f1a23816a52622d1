package org.radassist.weasis.bridge.internal.context;

/** The DICOM attributes the bridge reads off the viewer's tree, as (group,element) numbers. */
public final class DicomTags {
  public static final int PATIENT_NAME = 0x00100010;
  public static final int PATIENT_ID = 0x00100020;
  public static final int ISSUER_OF_PATIENT_ID = 0x00100021;
  public static final int PATIENT_BIRTH_DATE = 0x00100030;
  public static final int PATIENT_SEX = 0x00100040;
  public static final int STUDY_INSTANCE_UID = 0x0020000D;
  public static final int STUDY_DATE = 0x00080020;
  public static final int ACCESSION_NUMBER = 0x00080050;
  public static final int STUDY_DESCRIPTION = 0x00081030;
  public static final int BODY_PART_EXAMINED = 0x00180015;
  public static final int SERIES_INSTANCE_UID = 0x0020000E;
  public static final int MODALITY = 0x00080060;
  public static final int SERIES_DESCRIPTION = 0x0008103E;
  public static final int SERIES_NUMBER = 0x00200011;
  public static final int SOP_CLASS_UID = 0x00080016;
  public static final int SOP_INSTANCE_UID = 0x00080018;

  private DicomTags() {}
}
