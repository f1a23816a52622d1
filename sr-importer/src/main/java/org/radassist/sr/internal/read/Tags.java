package org.radassist.sr.internal.read;

import com.pixelmed.dicom.AttributeTag;

/**
 * The attribute tags the SR reader and writer use (PS3.6), independent of PixelMed's dictionary.
 */
public final class Tags {
  private Tags() {}

  public static final AttributeTag SPECIFIC_CHARACTER_SET = t(0x0008, 0x0005);
  public static final AttributeTag INSTANCE_CREATION_DATE = t(0x0008, 0x0012);
  public static final AttributeTag INSTANCE_CREATION_TIME = t(0x0008, 0x0013);
  public static final AttributeTag SOP_CLASS_UID = t(0x0008, 0x0016);
  public static final AttributeTag SOP_INSTANCE_UID = t(0x0008, 0x0018);
  public static final AttributeTag STUDY_DATE = t(0x0008, 0x0020);
  public static final AttributeTag SERIES_DATE = t(0x0008, 0x0021);
  public static final AttributeTag CONTENT_DATE = t(0x0008, 0x0023);
  public static final AttributeTag STUDY_TIME = t(0x0008, 0x0030);
  public static final AttributeTag SERIES_TIME = t(0x0008, 0x0031);
  public static final AttributeTag CONTENT_TIME = t(0x0008, 0x0033);
  public static final AttributeTag ACCESSION_NUMBER = t(0x0008, 0x0050);
  public static final AttributeTag MODALITY = t(0x0008, 0x0060);
  public static final AttributeTag MANUFACTURER = t(0x0008, 0x0070);
  public static final AttributeTag REFERRING_PHYSICIAN_NAME = t(0x0008, 0x0090);
  public static final AttributeTag CODE_VALUE = t(0x0008, 0x0100);
  public static final AttributeTag CODING_SCHEME_DESIGNATOR = t(0x0008, 0x0102);
  public static final AttributeTag CODING_SCHEME_VERSION = t(0x0008, 0x0103);
  public static final AttributeTag CODE_MEANING = t(0x0008, 0x0104);
  public static final AttributeTag MAPPING_RESOURCE = t(0x0008, 0x0105);
  public static final AttributeTag LONG_CODE_VALUE = t(0x0008, 0x0119);
  public static final AttributeTag URN_CODE_VALUE = t(0x0008, 0x0120);
  public static final AttributeTag STUDY_DESCRIPTION = t(0x0008, 0x1030);
  public static final AttributeTag SERIES_DESCRIPTION = t(0x0008, 0x103E);
  public static final AttributeTag MANUFACTURER_MODEL_NAME = t(0x0008, 0x1090);
  public static final AttributeTag REFERENCED_PERFORMED_PROCEDURE_STEP_SEQUENCE = t(0x0008, 0x1111);
  public static final AttributeTag REFERENCED_SERIES_SEQUENCE = t(0x0008, 0x1115);
  public static final AttributeTag REFERENCED_SOP_CLASS_UID = t(0x0008, 0x1150);
  public static final AttributeTag REFERENCED_SOP_INSTANCE_UID = t(0x0008, 0x1155);
  public static final AttributeTag REFERENCED_FRAME_NUMBER = t(0x0008, 0x1160);
  public static final AttributeTag REFERENCED_SOP_SEQUENCE = t(0x0008, 0x1199);
  public static final AttributeTag PATIENT_NAME = t(0x0010, 0x0010);
  public static final AttributeTag PATIENT_ID = t(0x0010, 0x0020);
  public static final AttributeTag ISSUER_OF_PATIENT_ID = t(0x0010, 0x0021);
  public static final AttributeTag PATIENT_BIRTH_DATE = t(0x0010, 0x0030);
  public static final AttributeTag PATIENT_SEX = t(0x0010, 0x0040);
  public static final AttributeTag DEVICE_SERIAL_NUMBER = t(0x0018, 0x1000);
  public static final AttributeTag SOFTWARE_VERSIONS = t(0x0018, 0x1020);
  public static final AttributeTag STUDY_INSTANCE_UID = t(0x0020, 0x000D);
  public static final AttributeTag SERIES_INSTANCE_UID = t(0x0020, 0x000E);
  public static final AttributeTag STUDY_ID = t(0x0020, 0x0010);
  public static final AttributeTag SERIES_NUMBER = t(0x0020, 0x0011);
  public static final AttributeTag INSTANCE_NUMBER = t(0x0020, 0x0013);
  public static final AttributeTag REFERENCED_SEGMENT_NUMBER = t(0x0062, 0x000B);
  public static final AttributeTag GRAPHIC_DATA = t(0x0070, 0x0022);
  public static final AttributeTag GRAPHIC_TYPE = t(0x0070, 0x0023);
  public static final AttributeTag REFERENCED_FRAME_OF_REFERENCE_UID = t(0x3006, 0x0024);
  public static final AttributeTag VERIFYING_ORGANIZATION = t(0x0040, 0xA027);
  public static final AttributeTag VERIFICATION_DATE_TIME = t(0x0040, 0xA030);
  public static final AttributeTag OBSERVATION_DATE_TIME = t(0x0040, 0xA032);
  public static final AttributeTag RELATIONSHIP_TYPE = t(0x0040, 0xA010);
  public static final AttributeTag VALUE_TYPE = t(0x0040, 0xA040);
  public static final AttributeTag CONCEPT_NAME_CODE_SEQUENCE = t(0x0040, 0xA043);
  public static final AttributeTag CONTINUITY_OF_CONTENT = t(0x0040, 0xA050);
  public static final AttributeTag VERIFYING_OBSERVER_SEQUENCE = t(0x0040, 0xA073);
  public static final AttributeTag VERIFYING_OBSERVER_NAME = t(0x0040, 0xA075);
  public static final AttributeTag VERIFYING_OBSERVER_IDENTIFICATION_CODE_SEQUENCE =
      t(0x0040, 0xA088);
  public static final AttributeTag REFERENCED_WAVEFORM_CHANNELS = t(0x0040, 0xA0B0);
  public static final AttributeTag DATE_TIME = t(0x0040, 0xA120);
  public static final AttributeTag DATE = t(0x0040, 0xA121);
  public static final AttributeTag TIME = t(0x0040, 0xA122);
  public static final AttributeTag PERSON_NAME = t(0x0040, 0xA123);
  public static final AttributeTag UID = t(0x0040, 0xA124);
  public static final AttributeTag TEMPORAL_RANGE_TYPE = t(0x0040, 0xA130);
  public static final AttributeTag REFERENCED_SAMPLE_POSITIONS = t(0x0040, 0xA132);
  public static final AttributeTag REFERENCED_TIME_OFFSETS = t(0x0040, 0xA138);
  public static final AttributeTag REFERENCED_DATE_TIME = t(0x0040, 0xA13A);
  public static final AttributeTag TEXT_VALUE = t(0x0040, 0xA160);
  public static final AttributeTag FLOATING_POINT_VALUE = t(0x0040, 0xA161);
  public static final AttributeTag CONCEPT_CODE_SEQUENCE = t(0x0040, 0xA168);
  public static final AttributeTag OBSERVATION_UID = t(0x0040, 0xA171);
  public static final AttributeTag MEASURED_VALUE_SEQUENCE = t(0x0040, 0xA300);
  public static final AttributeTag NUMERIC_VALUE_QUALIFIER_CODE_SEQUENCE = t(0x0040, 0xA301);
  public static final AttributeTag NUMERIC_VALUE = t(0x0040, 0xA30A);
  public static final AttributeTag MEASUREMENT_UNITS_CODE_SEQUENCE = t(0x0040, 0x08EA);
  public static final AttributeTag PREDECESSOR_DOCUMENTS_SEQUENCE = t(0x0040, 0xA360);
  public static final AttributeTag REFERENCED_REQUEST_SEQUENCE = t(0x0040, 0xA370);
  public static final AttributeTag PERFORMED_PROCEDURE_CODE_SEQUENCE = t(0x0040, 0xA372);
  public static final AttributeTag CURRENT_REQUESTED_PROCEDURE_EVIDENCE_SEQUENCE =
      t(0x0040, 0xA375);
  public static final AttributeTag PERTINENT_OTHER_EVIDENCE_SEQUENCE = t(0x0040, 0xA385);
  public static final AttributeTag COMPLETION_FLAG = t(0x0040, 0xA491);
  public static final AttributeTag COMPLETION_FLAG_DESCRIPTION = t(0x0040, 0xA492);
  public static final AttributeTag VERIFICATION_FLAG = t(0x0040, 0xA493);
  public static final AttributeTag PRELIMINARY_FLAG = t(0x0040, 0xA496);
  public static final AttributeTag CONTENT_TEMPLATE_SEQUENCE = t(0x0040, 0xA504);
  public static final AttributeTag CONTENT_SEQUENCE = t(0x0040, 0xA730);
  public static final AttributeTag TEMPLATE_IDENTIFIER = t(0x0040, 0xDB00);
  public static final AttributeTag REFERENCED_CONTENT_ITEM_IDENTIFIER = t(0x0040, 0xDB73);

  private static AttributeTag t(int group, int element) {
    return new AttributeTag(group, element);
  }
}
