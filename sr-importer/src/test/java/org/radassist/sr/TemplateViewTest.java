package org.radassist.sr;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.radassist.model.Finding;
import org.radassist.model.ImageRegion;
import org.radassist.model.Measurement;

/** Template views over the shared files turn SR trees into the model's findings. */
class TemplateViewTest {
  private final StructuredReportReader reader = StructuredReportReader.create();

  private ReportView view(String file) throws SrReadException {
    return ReportView.of(reader.read(SharedData.dicom("sr").resolve(file)));
  }

  @Test
  void highdicomMeasurementGroupsBecomeFindingsKeyedByTrackingUid() throws Exception {
    ReportView v = view("highdicom_sr_document_with_multiple_groups.dcm");

    assertThat(v.template()).isEqualTo("TID 1500");
    assertThat(v.findings())
        .extracting(Finding::trackingIdentifier)
        .containsExactly("Image0001", "LungNodule0001", "Aorta0001", "Vertebra0001");
    Finding nodule = v.findings().get(1);
    assertThat(nodule.id())
        .isEqualTo("1.2.826.0.1.3680043.10.511.3.11998155355995483197548907108234588")
        .isEqualTo(nodule.trackingUid());
    assertThat(nodule.type().code()).isEqualTo("27925004");
    assertThat(nodule.site().meaning()).isEqualTo("Lung");
    assertThat(nodule.largestLengthMillimetres()).hasValue(10.0);
    assertThat(nodule.measurements().get(0).unit().code()).isEqualTo("mm");
    assertThat(nodule.evaluations())
        .anySatisfy(e -> assertThat(e.displayValue()).isEqualTo("Not significant"));
    assertThat(nodule.references()).hasSize(1);
    assertThat(nodule.references().get(0).region().graphicType())
        .isEqualTo(ImageRegion.GraphicType.CIRCLE);
    assertThat(nodule.references().get(0).sopInstanceUid())
        .isEqualTo("1.3.6.1.4.1.5962.1.1.1.1.1.20040119072730.12322");
    assertThat(nodule.source().position()).isEqualTo("1.7.2");
    Finding vertebra = v.findings().get(3);
    assertThat(vertebra.measurements().get(0).volumeInCubicMillimetres()).hasValue(200.0);
    assertThat(vertebra.references())
        .anySatisfy(r -> assertThat(r.region().patientSpace()).isTrue());
  }

  @Test
  void dcmqiVolumetricGroupsCarryUnitsQualifiersAndSegmentReferences() throws Exception {
    ReportView v = view("dcmqi_sr-example_sr.dcm");

    assertThat(v.findings()).isNotEmpty();
    Finding f = v.findings().get(0);
    assertThat(f.trackingIdentifier()).isEqualTo("primary tumor");
    assertThat(f.measurements())
        .anySatisfy(
            m -> {
              assertThat(m.concept().meaning()).isEqualTo("Volume");
              assertThat(m.unit().code()).isEqualTo("ml");
              assertThat(m.value()).isEqualByComparingTo(new BigDecimal("33.5824"));
            });
    assertThat(f.measurements()).anySatisfy(m -> assertThat(m.qualifiers()).isNotEmpty());
    assertThat(f.references()).anySatisfy(r -> assertThat(r.segments()).isNotEmpty());
  }

  @Test
  void keyObjectSelectionListsItsImagesWithSeriesFromTheEvidence() throws Exception {
    ReportView v = view("clearcanvas_real0X.ko.dcm");

    assertThat(v.template()).isEqualTo("TID 2010");
    assertThat(v.keyImages()).hasSize(6);
    assertThat(v.keyImages()).allSatisfy(r -> assertThat(r.seriesInstanceUid()).isNotBlank());
  }

  @Test
  void ctDoseReportSummarisesDlpAndCtdiVol() throws Exception {
    ReportView v = view("openrem_CT-RDSR-GEPixelMed.dcm");

    assertThat(v.template()).isEqualTo("TID 10011");
    assertThat(v.dose().totals())
        .anySatisfy(
            m -> {
              assertThat(m.concept().code()).isEqualTo("113813");
              assertThat(m.value()).isEqualByComparingTo("586.34");
              assertThat(m.unit().code()).isEqualTo("mGy.cm");
            });
    assertThat(v.dose().events()).hasSize(2);
    assertThat(v.dose().events().get(0).values())
        .extracting(m -> m.concept().code())
        .contains("113830", "113838");
    assertThat(Narrative.lines(v)).anySatisfy(l -> assertThat(l).contains("586.34 mGy.cm"));
  }

  @Test
  void narrativeReadsLikeASentencePerFinding() throws Exception {
    ReportView v = view("highdicom_sr_document_with_multiple_groups.dcm");

    assertThat(Narrative.lines(v))
        .contains(
            "10 mm Nodule [LungNodule0001], Lung, Finding category: Morphologically"
                + " Abnormal Structure, Level of Significance: Not significant");
  }

  static Stream<Path> srFiles() {
    return SharedData.srFiles().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("srFiles")
  void everyFileHasAViewANarrativeAndATree(Path file) throws Exception {
    SrDocument d = reader.read(file);
    ReportView v = ReportView.of(d);

    assertThat(Narrative.lines(v)).isNotEmpty();
    assertThat(Narrative.html(v)).startsWith("<div").doesNotContain("<script");
    TreeViewNode tree = TreeViewNode.of(d);
    assertThat(tree.position()).isEqualTo("1");
    assertThat(count(tree)).isEqualTo(d.itemCount());
    if (v.template().equals("TID 1500")) {
      assertThat(v.findings()).isNotEmpty();
      assertThat(v.findings().stream().flatMap(f -> f.measurements().stream()))
          .allSatisfy(TemplateViewTest::hasValueAndUnit);
    }
  }

  private static void hasValueAndUnit(Measurement m) {
    assertThat(m.value()).isNotNull();
    assertThat(m.unit().code()).isNotBlank();
  }

  private static int count(TreeViewNode n) {
    int c = 1;
    for (TreeViewNode k : n.children()) {
      c += count(k);
    }
    return c;
  }
}
