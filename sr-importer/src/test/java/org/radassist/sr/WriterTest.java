package org.radassist.sr;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.model.AlgorithmIdentification;
import org.radassist.model.CodedConcept;
import org.radassist.model.DraftReport;
import org.radassist.model.DraftStatus;
import org.radassist.model.Finding;
import org.radassist.model.FindingSource;
import org.radassist.model.ImageReference;
import org.radassist.model.ImageRegion;
import org.radassist.model.Measurement;
import org.radassist.model.ModelInfo;
import org.radassist.model.QualitativeEvaluation;
import org.radassist.model.Section;
import org.radassist.model.SectionKind;
import org.radassist.model.Sex;
import org.radassist.model.StudyContext;

/** AI drafts written as TID 1500 pass dsrdump and read back into the same findings. */
class WriterTest {
  static final String CT_CLASS = "1.2.840.10008.5.1.4.1.1.2";
  static final String STUDY = "1.3.6.1.4.1.5962.1.2.1.20040119072730.12322";
  static final String SERIES = "1.3.6.1.4.1.5962.1.3.1.1.20040119072730.12322";
  static final String IMAGE = "1.3.6.1.4.1.5962.1.1.1.1.1.20040119072730.12322";

  @TempDir Path dir;
  private final StructuredReportReader reader = StructuredReportReader.create();

  static StudyContext study() {
    return new StudyContext(
        STUDY,
        "ACC-42",
        "PID-7",
        "HOSP",
        "Müller^Jürgen=王^小東",
        LocalDate.of(1960, 1, 31),
        Sex.M,
        List.of("CT"),
        "CHEST",
        LocalDate.of(2026, 11, 1),
        "CT chest");
  }

  static List<Finding> findings() {
    CodedConcept nodule = CodedConcept.of("27925004", "SCT", "Nodule");
    CodedConcept rul = CodedConcept.of("45653009", "SCT", "Upper lobe of right lung");
    CodedConcept right = CodedConcept.of("24028007", "SCT", "Right");
    CodedConcept diameter = CodedConcept.of("81827009", "SCT", "Diameter");
    CodedConcept mm = CodedConcept.of("mm", "UCUM", "millimeter");
    AlgorithmIdentification alg =
        new AlgorithmIdentification("LungNoduleNet", "1.2", List.of("threshold=0.5"));
    ImageReference circle =
        new ImageReference(
            STUDY,
            SERIES,
            CT_CLASS,
            IMAGE,
            List.of(),
            List.of(),
            new ImageRegion(
                ImageRegion.GraphicType.CIRCLE, List.of(45.5, 55.0, 45.5, 63.25), false, null));
    Finding a =
        new Finding(
            "2.25.1001",
            nodule,
            rul,
            right,
            "2.25.1001",
            "Nodule 1",
            List.of(
                new Measurement(
                    diameter,
                    new BigDecimal("8.2"),
                    mm,
                    List.of(CodedConcept.of("255605001", "SCT", "Minimum"))),
                new Measurement(
                    CodedConcept.of("118565006", "SCT", "Volume"),
                    new BigDecimal("288.6"),
                    CodedConcept.of("mm3", "UCUM", "cubic millimeter"),
                    List.of())),
            List.of(
                new QualitativeEvaluation(
                    CodedConcept.of("RID50", "RADLEX", "Composition"),
                    CodedConcept.of("RID5741", "RADLEX", "Solid"),
                    null),
                new QualitativeEvaluation(
                    CodedConcept.of("121106", "DCM", "Comment"), null, "Spiculated — ω test")),
            alg,
            0.93,
            List.of(circle),
            new FindingSource("draft", "", ""));
    ImageReference volume =
        new ImageReference(
            STUDY,
            SERIES,
            CT_CLASS,
            IMAGE,
            List.of(),
            List.of(),
            new ImageRegion(
                ImageRegion.GraphicType.POINT, List.of(123.5, -20.25, 7.0), true, "1.2.3.4.99"));
    Finding b =
        new Finding(
            "2.25.1002",
            CodedConcept.of("36222008", "SCT", "Pleural effusion"),
            CodedConcept.of("3120008", "SCT", "Pleural membrane structure"),
            null,
            "2.25.1002",
            "Effusion",
            List.of(),
            List.of(),
            alg,
            null,
            List.of(
                volume,
                new ImageReference(STUDY, SERIES, CT_CLASS, IMAGE, List.of(), List.of(), null)),
            new FindingSource("draft", "", ""));
    return List.of(a, b);
  }

  static DraftReport draft() {
    return new DraftReport(
        "d-1",
        "st-1",
        new ModelInfo("radassist-rules", "0.1.0", "local"),
        List.of(
            Section.drafted(SectionKind.FINDINGS, "8.2 mm solid nodule RUL.\nSmall effusion."),
            Section.drafted(SectionKind.IMPRESSION, "Lung-RADS 4A.")),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        DraftStatus.COMPLETE,
        Instant.parse("2026-11-29T10:00:00Z"));
  }

  static SrWriter.Request request(List<Finding> findings) {
    return new SrWriter.Request(
        study(),
        SrWriter.Device.radAssist("0.1.0"),
        findings,
        draft(),
        List.of(),
        null,
        9901,
        Instant.parse("2026-11-29T10:15:00Z"));
  }

  /** What reading gives back for a written finding: the same, with its SR source. */
  static Finding asRead(Finding f, SrDocument d, String position) {
    return new Finding(
        f.id(),
        f.type(),
        f.site(),
        f.laterality(),
        f.trackingUid(),
        f.trackingIdentifier(),
        f.measurements(),
        f.evaluations(),
        f.algorithm(),
        f.confidence(),
        f.references(),
        new FindingSource(d.sopInstanceUid(), "TID 1500", position));
  }

  @Test
  void draftPassesDsrdumpAndReadsBackIntoEqualFindings() throws Exception {
    SrWriter.Written w = SrWriter.writeDraft(request(findings()));
    Oracle.passes(w.bytes(), dir, "draft.dcm");

    SrDocument d = reader.read(w.bytes(), "draft.dcm");
    assertThat(d.partial()).isFalse();
    assertThat(SrValidation.check(d)).isEmpty();
    assertThat(d.iod()).isEqualTo(SrIod.COMPREHENSIVE_3D); // the volumetric region needs 3D
    assertThat(d.completionFlag()).isEqualTo("PARTIAL");
    assertThat(d.verificationFlag()).isEqualTo("UNVERIFIED");
    assertThat(d.preliminaryFlag()).isEqualTo("PRELIMINARY");
    assertThat(d.specificCharacterSet()).isEqualTo("ISO_IR 192");
    assertThat(d.patientName()).isEqualTo("Müller^Jürgen=王^小東");
    assertThat(d.studyInstanceUid()).isEqualTo(STUDY);
    assertThat(d.seriesInstanceUid()).isEqualTo(w.seriesInstanceUid()).isNotEqualTo(SERIES);
    assertThat(d.evidence())
        .containsExactly(new SrDocument.EvidenceReference(STUDY, SERIES, CT_CLASS, IMAGE));
    assertThat(d.observationContext("1.5"))
        .anySatisfy(c -> assertThat(c.value().display()).isEqualTo("(121007, DCM, \"Device\")"));

    ReportView v = ReportView.of(d);
    assertThat(v.findings())
        .containsExactly(
            asRead(findings().get(0), d, "1.9.1"), asRead(findings().get(1), d, "1.9.2"));
    assertThat(d.items())
        .anySatisfy(i -> assertThat(i.value().display()).isEqualTo("Lung-RADS 4A."));
  }

  @Test
  void findingsOnlyWithoutRegionsIsAComprehensiveSr() throws Exception {
    Finding plain = findings().get(0);
    Finding noRegion =
        new Finding(
            plain.id(),
            plain.type(),
            plain.site(),
            plain.laterality(),
            plain.trackingUid(),
            plain.trackingIdentifier(),
            plain.measurements(),
            plain.evaluations(),
            plain.algorithm(),
            plain.confidence(),
            List.of(ImageReference.of(CT_CLASS, IMAGE)),
            plain.source());
    SrWriter.Written w = SrWriter.writeDraft(SrWriter.Request.of(study(), List.of(noRegion)));
    Oracle.passes(w.bytes(), dir, "plain.dcm");

    SrDocument d = reader.read(w.bytes(), "plain.dcm");
    assertThat(d.iod()).isEqualTo(SrIod.COMPREHENSIVE);
    assertThat(ReportView.of(d).findings()).containsExactly(asRead(noRegion, d, "1.9.1"));
  }

  @Test
  void verifiedVersionNamesTheObserverAndKeepsTheContent() throws Exception {
    SrWriter.Written draft = SrWriter.writeDraft(request(findings()));
    SrWriter.Written signed =
        SrWriter.verify(
            draft.bytes(),
            new SrWriter.Verifier("Rad^Rita", "General Hospital"),
            Instant.parse("2026-11-29T11:00:00Z"));
    Oracle.passes(signed.bytes(), dir, "signed.dcm");

    SrDocument d = reader.read(signed.bytes(), "signed.dcm");
    SrDocument before = reader.read(draft.bytes(), "draft.dcm");
    assertThat(d.verificationFlag()).isEqualTo("VERIFIED");
    assertThat(d.completionFlag()).isEqualTo("COMPLETE");
    assertThat(d.preliminaryFlag()).isEqualTo("FINAL");
    assertThat(d.verifyingObservers())
        .containsExactly(new SrDocument.Observer("Rad^Rita", "General Hospital", "20261129110000"));
    assertThat(d.sopInstanceUid()).isNotEqualTo(before.sopInstanceUid());
    assertThat(d.seriesInstanceUid()).isEqualTo(before.seriesInstanceUid());
    assertThat(d.root()).isEqualTo(before.root());
    assertThat(SrValidation.check(d)).isEmpty();
  }

  @Test
  void hostileTextFromTheXssFileRendersInert() throws Exception {
    com.pixelmed.dicom.AttributeList xss =
        Fixtures.load(SharedData.dicom("nasty").resolve("orthanc_XSSInjection.dcm"));
    String patient =
        xss.get(org.radassist.sr.internal.read.Tags.PATIENT_NAME)
            .getSingleStringValueOrEmptyString();
    String studyDesc =
        xss.get(org.radassist.sr.internal.read.Tags.STUDY_DESCRIPTION)
            .getSingleStringValueOrEmptyString();
    assertThat(patient).contains("<script>");
    Finding f = findings().get(0);
    Finding hostile =
        new Finding(
            f.id(),
            CodedConcept.of("X1", "99XSS", studyDesc),
            f.site(),
            null,
            f.trackingUid(),
            patient,
            f.measurements(),
            List.of(
                new QualitativeEvaluation(
                    CodedConcept.of("121106", "DCM", "Comment"), null, studyDesc)),
            new AlgorithmIdentification(studyDesc, "<b>1</b>", List.of()),
            null,
            List.of(),
            f.source());
    StudyContext s = study();
    StudyContext hostileStudy =
        new StudyContext(
            s.studyInstanceUid(),
            null,
            null,
            null,
            patient,
            null,
            Sex.UNKNOWN,
            List.of(),
            null,
            null,
            studyDesc);
    SrWriter.Written w = SrWriter.writeDraft(SrWriter.Request.of(hostileStudy, List.of(hostile)));
    SrDocument d = reader.read(w.bytes(), "xss.dcm");
    ReportView v = ReportView.of(d);

    String html = Narrative.html(v);
    assertThat(Narrative.lines(v)).anySatisfy(l -> assertThat(l).contains("<script>"));
    assertThat(html).doesNotContain("<script").doesNotContain("<b>").contains("&lt;script&gt;");
    assertTreeInert(TreeViewNode.of(d));
  }

  private static void assertTreeInert(TreeViewNode n) {
    assertThat(n.htmlLabel()).doesNotContain("<script").doesNotContain("<b>");
    n.children().forEach(WriterTest::assertTreeInert);
  }
}
