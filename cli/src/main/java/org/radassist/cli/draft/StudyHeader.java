package org.radassist.cli.draft;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.TagFromName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.radassist.model.Finding;
import org.radassist.model.Sex;
import org.radassist.sr.ReportView;
import org.radassist.sr.SrReadException;
import org.radassist.sr.StructuredReportReader;

/**
 * The PHI-free study context of a directory of DICOM files, read from the first image header (not
 * SR: AI findings from SR documents are not read here): modality, body part, patient sex and age in
 * years. Nothing identifying leaves this class.
 */
final class StudyHeader {
  record Result(
      String modality,
      String bodyPart,
      Sex sex,
      Integer ageYears,
      List<Finding> findings,
      String problem) {
    static Result problem(String p) {
      return new Result(null, null, null, null, List.of(), p);
    }
  }

  private StudyHeader() {}

  static Result read(Path dir) {
    if (!Files.isDirectory(dir)) {
      return Result.problem("not a directory");
    }
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir, 3)) {
      files = s.filter(Files::isRegularFile).sorted().limit(500).toList();
    } catch (IOException e) {
      return Result.problem("cannot list: " + e.getMessage());
    }
    List<Finding> ai = new ArrayList<>();
    Result image = null;
    for (Path f : files) {
      AttributeList list = new AttributeList();
      try {
        list.read(f.toString(), TagFromName.PixelData);
      } catch (IOException | DicomException | RuntimeException e) {
        continue; // not DICOM: try the next file
      }
      String modality = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.Modality);
      if (modality.equals("SR")) {
        ai.addAll(findings(f));
        continue;
      }
      if (image != null || modality.isEmpty() || modality.equals("PR") || modality.equals("KO")) {
        continue;
      }
      String body = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.BodyPartExamined);
      Sex sex =
          Sex.fromDicom(Attribute.getSingleStringValueOrEmptyString(list, TagFromName.PatientSex));
      String age = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.PatientAge);
      image =
          new Result(
              modality.toUpperCase(Locale.ROOT),
              body.isEmpty() ? null : body.toUpperCase(Locale.ROOT),
              sex == Sex.UNKNOWN ? null : sex,
              ageYears(age),
              List.of(),
              null);
    }
    if (image == null && ai.isEmpty()) {
      return Result.problem("no DICOM image or SR found");
    }
    if (image == null) {
      return new Result(null, null, null, null, List.copyOf(ai), null);
    }
    return new Result(
        image.modality(), image.bodyPart(), image.sex(), image.ageYears(), List.copyOf(ai), null);
  }

  /** AI findings of an SR (TID 1500 measurements and the like); the request factory maps them. */
  static List<Finding> findings(Path sr) {
    try {
      return ReportView.of(StructuredReportReader.create().read(sr)).findings();
    } catch (SrReadException | RuntimeException e) {
      return List.of(); // an SR the reader cannot use contributes no findings; the draft proceeds
    }
  }

  /** DICOM Age String "067Y" -> 67; months/weeks/days -> 0; anything else -> null. */
  static Integer ageYears(String as) {
    if (as == null || !as.matches("\\d{3}[DWMY]")) {
      return null;
    }
    int n = Integer.parseInt(as.substring(0, 3));
    return as.endsWith("Y") ? n : 0;
  }
}
