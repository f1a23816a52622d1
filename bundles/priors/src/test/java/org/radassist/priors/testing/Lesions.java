package org.radassist.priors.testing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.radassist.model.CodedConcept;
import org.radassist.model.Finding;
import org.radassist.model.ImageReference;
import org.radassist.model.ImageRegion;
import org.radassist.model.Measurement;
import org.radassist.model.Sex;
import org.radassist.model.StudyContext;

/** Builds findings and studies for tests, in the shape the SR reader produces them. */
public final class Lesions {
  public static final CodedConcept NODULE = CodedConcept.of("27925004", "SCT", "Nodule");
  public static final CodedConcept MASS = CodedConcept.of("4147007", "SCT", "Mass");
  public static final CodedConcept RUL =
      CodedConcept.of("42400003", "SCT", "Upper lobe of right lung");
  public static final CodedConcept LLL =
      CodedConcept.of("41224006", "SCT", "Lower lobe of left lung");
  public static final CodedConcept RML =
      CodedConcept.of("72481006", "SCT", "Middle lobe of right lung");
  public static final CodedConcept LUL =
      CodedConcept.of("44714003", "SCT", "Upper lobe of left lung");
  public static final CodedConcept LIVER = CodedConcept.of("10200004", "SCT", "Liver");
  public static final CodedConcept LONG_AXIS = CodedConcept.of("103339001", "SCT", "Long Axis");
  public static final CodedConcept SHORT_AXIS = CodedConcept.of("103340004", "SCT", "Short Axis");
  public static final CodedConcept THIRD_AXIS =
      CodedConcept.of("G-A193", "SRT", "Perpendicular Axis");
  public static final CodedConcept DIAMETER = CodedConcept.of("81827009", "SCT", "Diameter");
  public static final CodedConcept VOLUME = CodedConcept.of("118565006", "SCT", "Volume");

  private final String id;
  private CodedConcept type = NODULE;
  private CodedConcept site;
  private String trackingUid;
  private String trackingIdentifier;
  private final List<Measurement> measurements = new ArrayList<>();
  private ImageRegion region;

  private Lesions(String id) {
    this.id = id;
  }

  public static Lesions lesion(String id) {
    return new Lesions(id);
  }

  public Lesions type(CodedConcept value) {
    type = value;
    return this;
  }

  public Lesions site(CodedConcept value) {
    site = value;
    return this;
  }

  public Lesions uid(String value) {
    trackingUid = value;
    return this;
  }

  public Lesions identifier(String value) {
    trackingIdentifier = value;
    return this;
  }

  /** Long and short axis in the given UCUM unit ("mm", "cm"). */
  public Lesions axes(String longAxis, String shortAxis, String unit) {
    measurements.add(Measurement.of(LONG_AXIS, longAxis, unit));
    measurements.add(Measurement.of(SHORT_AXIS, shortAxis, unit));
    return this;
  }

  public Lesions thirdAxis(String value, String unit) {
    measurements.add(Measurement.of(THIRD_AXIS, value, unit));
    return this;
  }

  public Lesions diameter(String value, String unit) {
    measurements.add(Measurement.of(DIAMETER, value, unit));
    return this;
  }

  public Lesions volume(String value, String unit) {
    measurements.add(Measurement.of(VOLUME, value, unit));
    return this;
  }

  public Lesions at(double x, double y, double z) {
    region = new ImageRegion(ImageRegion.GraphicType.POINT, List.of(x, y, z), true, "1.2.3.4");
    return this;
  }

  public Finding build() {
    List<ImageReference> refs =
        region == null
            ? List.of()
            : List.of(
                ImageReference.of("1.2.840.10008.5.1.4.1.1.2", "1.2.3." + id).withRegion(region));
    return new Finding(
        id,
        type,
        site,
        null,
        trackingUid,
        trackingIdentifier,
        measurements,
        List.of(),
        null,
        null,
        refs,
        null);
  }

  public static StudyContext study(String uid, String date) {
    return new StudyContext(
        uid,
        "ACC" + uid,
        "PAT1",
        "HOSP",
        "DOE^JANE",
        LocalDate.of(1960, 1, 1),
        Sex.F,
        List.of("CT"),
        "CHEST",
        LocalDate.parse(date),
        "CT CHEST");
  }

  public static BigDecimal mm(String value) {
    return new BigDecimal(value);
  }
}
