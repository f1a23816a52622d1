package org.radassist.priors.internal.dicomweb;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.radassist.model.Sex;
import org.radassist.model.StudyContext;

/** Reads attributes out of DICOM JSON (PS3.18 F.2) objects as QIDO-RS returns them. */
final class DicomJson {
  static final String STUDY_INSTANCE_UID = "0020000D";
  static final String SERIES_INSTANCE_UID = "0020000E";
  static final String STUDY_DATE = "00080020";
  static final String ACCESSION_NUMBER = "00080050";
  static final String MODALITIES_IN_STUDY = "00080061";
  static final String STUDY_DESCRIPTION = "00081030";
  static final String PATIENT_NAME = "00100010";
  static final String PATIENT_ID = "00100020";
  static final String ISSUER_OF_PATIENT_ID = "00100021";
  static final String PATIENT_BIRTH_DATE = "00100030";
  static final String PATIENT_SEX = "00100040";
  static final String BODY_PART_EXAMINED = "00180015";

  private DicomJson() {}

  static String string(JsonNode object, String tag) {
    JsonNode values = object.path(tag).path("Value");
    if (!values.isArray() || values.isEmpty()) {
      return null;
    }
    JsonNode first = values.get(0);
    if (first.isObject()) {
      return first.path("Alphabetic").asText(null);
    }
    String text = first.asText();
    return text.isBlank() ? null : text.trim();
  }

  static List<String> strings(JsonNode object, String tag) {
    List<String> out = new ArrayList<>();
    for (JsonNode value : object.path(tag).path("Value")) {
      if (!value.asText().isBlank()) {
        out.add(value.asText().trim());
      }
    }
    return out;
  }

  static LocalDate date(JsonNode object, String tag) {
    String text = string(object, tag);
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(
          text.replace(".", "").substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE);
    } catch (DateTimeParseException | IndexOutOfBoundsException e) {
      return null; // a malformed date ranks the study lower, it does not drop it
    }
  }

  static StudyContext study(JsonNode object) {
    String sex = string(object, PATIENT_SEX);
    return new StudyContext(
        string(object, STUDY_INSTANCE_UID),
        string(object, ACCESSION_NUMBER),
        string(object, PATIENT_ID),
        string(object, ISSUER_OF_PATIENT_ID),
        string(object, PATIENT_NAME),
        date(object, PATIENT_BIRTH_DATE),
        "F".equals(sex) ? Sex.F : "M".equals(sex) ? Sex.M : Sex.UNKNOWN,
        strings(object, MODALITIES_IN_STUDY),
        string(object, BODY_PART_EXAMINED),
        date(object, STUDY_DATE),
        string(object, STUDY_DESCRIPTION));
  }
}
