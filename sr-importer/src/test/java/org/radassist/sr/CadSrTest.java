package org.radassist.sr;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.model.CodedConcept;
import org.radassist.model.Finding;
import org.radassist.model.ImageRegion;
import org.radassist.sr.internal.write.MeasurementReportWriter;
import org.radassist.sr.internal.write.SrItem;

/**
 * No public Mammography or Chest CAD SR exists: these are built here from PS3.16 TID 4000 and TID
 * 4100, checked with dsrdump, and read through the CAD view.
 */
class CadSrTest {
  private static final String MG_CLASS = "1.2.840.10008.5.1.4.1.1.1.2";
  private static final String CR_CLASS = "1.2.840.10008.5.1.4.1.1.1";
  @TempDir Path dir;
  private final StructuredReportReader reader = StructuredReportReader.create();

  private static CodedConcept dcm(String code, String meaning) {
    return CodedConcept.of(code, "DCM", meaning);
  }

  /** TID 4019 under a Summary of Detections container. */
  private static SrItem detections(String algorithm, String version) {
    SrItem summary =
        SrItem.code("CONTAINS", dcm("111064", "Summary of Detections"), dcm("111222", "Succeeded"));
    SrItem performed =
        SrItem.container("INFERRED FROM", dcm("111063", "Successful Detections"), false);
    SrItem detection =
        SrItem.code(
            "CONTAINS",
            dcm("111063", "Successful Detections"),
            dcm("111233", "Individual Impression / Recommendation Analysis"));
    detection.add(SrItem.text("HAS CONCEPT MOD", dcm("111001", "Algorithm Name"), algorithm));
    detection.add(SrItem.text("HAS CONCEPT MOD", dcm("111003", "Algorithm Version"), version));
    performed.add(detection);
    summary.add(performed);
    return summary;
  }

  private static SrItem finding(
      String relationship,
      CodedConcept type,
      String certaintyPercent,
      String diameterMm,
      CodedConcept site,
      SrItem center) {
    SrItem f = SrItem.code(relationship, dcm("111059", "Single Image Finding"), type);
    f.add(
        SrItem.code(
            "HAS CONCEPT MOD",
            dcm("111056", "Rendering Intent"),
            dcm("111150", "Presentation Required: Rendering device is expected to present")));
    f.add(
        SrItem.num(
            "HAS PROPERTIES",
            dcm("111012", "Certainty of Finding"),
            new BigDecimal(certaintyPercent),
            CodedConcept.of("%", "UCUM", "Percent")));
    f.add(
        SrItem.num(
            "HAS PROPERTIES",
            CodedConcept.of("81827009", "SCT", "Diameter"),
            new BigDecimal(diameterMm),
            CodedConcept.of("mm", "UCUM", "millimeter")));
    if (site != null) {
      f.add(
          SrItem.code("HAS PROPERTIES", CodedConcept.of("363698007", "SCT", "Finding Site"), site));
    }
    f.add(center);
    return f;
  }

  private SrDocument writeAndRead(SrItem root, String sopClass, String name) throws Exception {
    SrWriter.Request r =
        new SrWriter.Request(
            WriterTest.study(),
            SrWriter.Device.radAssist("0.1.0"),
            List.of(),
            null,
            List.of(),
            null,
            9902,
            Instant.parse("2026-11-29T10:00:00Z"));
    SrWriter.Written w =
        MeasurementReportWriter.document(root, sopClass, r, "COMPLETE", "UNVERIFIED", null);
    Oracle.passes(w.bytes(), dir, name);
    SrDocument d = reader.read(w.bytes(), name);
    assertThat(SrValidation.check(d)).isEmpty();
    return d;
  }

  @Test
  void mammographyCadFindingsCarryCertaintySizeSiteAndRegion() throws Exception {
    SrItem root = SrItem.root(dcm("111036", "Mammography CAD Report"), "4000");
    SrItem library = SrItem.container("CONTAINS", dcm("111028", "Image Library"), false);
    library.add(SrItem.image("CONTAINS", null, MG_CLASS, "1.2.3.4.100.1", List.of(), List.of()));
    root.add(library);
    SrItem summary =
        SrItem.code(
            "CONTAINS",
            dcm("111017", "CAD Processing and Findings Summary"),
            dcm("111242", "All algorithms succeeded; with findings"));
    SrItem impression =
        SrItem.container(
            "INFERRED FROM", dcm("111034", "Individual Impression/Recommendation"), false);
    SrItem center =
        SrItem.scoord("HAS PROPERTIES", dcm("111010", "Center"), "POINT", List.of(1024.0, 768.5));
    center.add(
        SrItem.image("SELECTED FROM", null, MG_CLASS, "1.2.3.4.100.1", List.of(), List.of()));
    impression.add(
        finding(
            "CONTAINS",
            CodedConcept.of("4147007", "SCT", "Mass"),
            "93",
            "12",
            CodedConcept.of("80248007", "SCT", "Left breast"),
            center));
    summary.add(impression);
    root.add(summary);
    root.add(detections("MammoCAD", "1.2"));

    SrDocument d = writeAndRead(root, SrIod.MAMMOGRAPHY_CAD.uid(), "mg-cad.dcm");
    ReportView v = ReportView.of(d);

    assertThat(v.template()).isEqualTo("TID 4000");
    assertThat(v.findings()).hasSize(1);
    Finding f = v.findings().get(0);
    assertThat(f.type().meaning()).isEqualTo("Mass");
    assertThat(f.confidence()).isEqualTo(0.93);
    assertThat(f.largestLengthMillimetres()).hasValue(12.0);
    assertThat(f.site().meaning()).isEqualTo("Left breast");
    assertThat(f.algorithm().toString()).isEqualTo("MammoCAD 1.2");
    assertThat(f.evaluations()).anySatisfy(e -> assertThat(e.name().code()).isEqualTo("111056"));
    assertThat(f.references().get(0).region().graphicType())
        .isEqualTo(ImageRegion.GraphicType.POINT);
    assertThat(Narrative.finding(f))
        .startsWith("12 mm Mass, Left breast")
        .endsWith("— algorithm MammoCAD 1.2, confidence 0.93");
  }

  @Test
  void chestCadSelectsRegionsFromTheImageLibraryByReference() throws Exception {
    SrItem root = SrItem.root(dcm("111037", "Chest CAD Report"), "4100");
    SrItem library = SrItem.container("CONTAINS", dcm("111028", "Image Library"), false);
    library.add(SrItem.image("CONTAINS", null, CR_CLASS, "1.2.3.4.200.1", List.of(), List.of()));
    root.add(library); // position 1.1, its image 1.1.1
    SrItem summary =
        SrItem.code(
            "CONTAINS",
            dcm("111017", "CAD Processing and Findings Summary"),
            dcm("111242", "All algorithms succeeded; with findings"));
    SrItem outline =
        SrItem.scoord(
            "HAS PROPERTIES",
            dcm("111041", "Outline"),
            "POLYLINE",
            List.of(10.0, 10.0, 20.0, 10.0, 20.0, 20.0, 10.0, 10.0));
    outline.add(SrItem.byReference("SELECTED FROM", "1.1.1"));
    summary.add(
        finding(
            "INFERRED FROM",
            CodedConcept.of("27925004", "SCT", "Nodule"),
            "71",
            "8.5",
            CodedConcept.of("39607008", "SCT", "Lung"),
            outline));
    root.add(summary);
    root.add(detections("ChestCAD", "3.0"));

    SrDocument d = writeAndRead(root, SrIod.CHEST_CAD.uid(), "chest-cad.dcm");
    ReportView v = ReportView.of(d);

    assertThat(v.template()).isEqualTo("TID 4100");
    Finding f = v.findings().get(0);
    assertThat(f.type().meaning()).isEqualTo("Nodule");
    assertThat(f.confidence()).isEqualTo(0.71);
    assertThat(f.references()).hasSize(1);
    assertThat(f.references().get(0).sopInstanceUid()).isEqualTo("1.2.3.4.200.1");
    assertThat(f.references().get(0).region().points()).hasSize(8);
    assertThat(Narrative.finding(f))
        .isEqualTo(
            "8.5 mm Nodule, Lung, Rendering Intent: Presentation Required: Rendering device is"
                + " expected to present — algorithm ChestCAD 3.0, confidence 0.71");
  }
}
