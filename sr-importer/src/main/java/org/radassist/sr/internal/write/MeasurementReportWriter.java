package org.radassist.sr.internal.write;

import static org.radassist.sr.internal.write.DatasetWriter.cs;
import static org.radassist.sr.internal.write.DatasetWriter.date;
import static org.radassist.sr.internal.write.DatasetWriter.is;
import static org.radassist.sr.internal.write.DatasetWriter.lo;
import static org.radassist.sr.internal.write.DatasetWriter.pn;
import static org.radassist.sr.internal.write.DatasetWriter.sequence;
import static org.radassist.sr.internal.write.DatasetWriter.sh;
import static org.radassist.sr.internal.write.DatasetWriter.time;
import static org.radassist.sr.internal.write.DatasetWriter.ui;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TransferSyntax;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.radassist.model.AlgorithmIdentification;
import org.radassist.model.CodedConcept;
import org.radassist.model.Finding;
import org.radassist.model.ImageReference;
import org.radassist.model.Measurement;
import org.radassist.model.QualitativeEvaluation;
import org.radassist.model.Section;
import org.radassist.model.Sex;
import org.radassist.model.StudyContext;
import org.radassist.sr.SrDocument;
import org.radassist.sr.SrIod;
import org.radassist.sr.SrWriteException;
import org.radassist.sr.SrWriter;
import org.radassist.sr.internal.read.Tags;

/** TID 1500 encoding of findings and draft sections (see {@link SrWriter}). */
public final class MeasurementReportWriter {
  private static final String CONTAINS = "CONTAINS";
  private static final String HAS_OBS_CONTEXT = "HAS OBS CONTEXT";
  private static final String HAS_CONCEPT_MOD = "HAS CONCEPT MOD";
  private static final String SELECTED_FROM = "SELECTED FROM";
  private static final String DEFAULT_IMAGE_CLASS = "1.2.840.10008.5.1.4.1.1.7";
  private static final DateTimeFormatter DA = DateTimeFormatter.ofPattern("yyyyMMdd");
  private static final DateTimeFormatter TM = DateTimeFormatter.ofPattern("HHmmss");
  private static final DateTimeFormatter DT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

  static CodedConcept dcm(String code, String meaning) {
    return CodedConcept.of(code, "DCM", meaning);
  }

  private MeasurementReportWriter() {}

  public static String newUid() {
    UUID u = UUID.randomUUID();
    byte[] b =
        ByteBuffer.allocate(16)
            .putLong(u.getMostSignificantBits())
            .putLong(u.getLeastSignificantBits())
            .array();
    return "2.25." + new BigInteger(1, b);
  }

  public static SrWriter.Written draft(SrWriter.Request r) throws SrWriteException {
    if (r.study() == null) {
      throw new SrWriteException("a study is required (StudyContext with a Study Instance UID)");
    }
    SrItem root = content(r);
    String sopClass = root.needs3d() ? SrIod.COMPREHENSIVE_3D.uid() : SrIod.COMPREHENSIVE.uid();
    return document(root, sopClass, r, "PARTIAL", "UNVERIFIED", "PRELIMINARY");
  }

  /**
   * Any content tree as a complete SR instance in a new (or the given) series of the request's
   * study, with header, flags and evidence.
   */
  public static SrWriter.Written document(
      SrItem root,
      String sopClass,
      SrWriter.Request r,
      String completion,
      String verification,
      String preliminary)
      throws SrWriteException {
    String sop = newUid();
    String series = r.seriesInstanceUid() != null ? r.seriesInstanceUid() : newUid();
    LocalDateTime at = LocalDateTime.ofInstant(r.created(), ZoneOffset.UTC);
    try {
      AttributeList a = new AttributeList();
      cs(a, Tags.SPECIFIC_CHARACTER_SET, "ISO_IR 192");
      ui(a, Tags.SOP_CLASS_UID, sopClass);
      ui(a, Tags.SOP_INSTANCE_UID, sop);
      date(a, Tags.INSTANCE_CREATION_DATE, at.format(DA));
      time(a, Tags.INSTANCE_CREATION_TIME, at.format(TM));
      patientAndStudy(a, r.study());
      cs(a, Tags.MODALITY, "SR");
      ui(a, Tags.SERIES_INSTANCE_UID, series);
      is(a, Tags.SERIES_NUMBER, r.seriesNumber());
      lo(a, Tags.SERIES_DESCRIPTION, "RadAssist AI results");
      sequence(a, Tags.REFERENCED_PERFORMED_PROCEDURE_STEP_SEQUENCE);
      lo(a, Tags.MANUFACTURER, r.device().manufacturer());
      lo(a, Tags.MANUFACTURER_MODEL_NAME, r.device().modelName());
      lo(
          a,
          Tags.SOFTWARE_VERSIONS,
          r.device().algorithm() == null ? "" : r.device().algorithm().version());
      is(a, Tags.INSTANCE_NUMBER, 1);
      date(a, Tags.CONTENT_DATE, at.format(DA));
      time(a, Tags.CONTENT_TIME, at.format(TM));
      cs(a, Tags.COMPLETION_FLAG, completion);
      cs(a, Tags.VERIFICATION_FLAG, verification);
      if (preliminary != null) {
        cs(a, Tags.PRELIMINARY_FLAG, preliminary);
      }
      sequence(a, Tags.PERFORMED_PROCEDURE_CODE_SEQUENCE);
      evidence(a, r);
      DatasetWriter.content(a, root);
      TextSafety.check(a);
      return encode(a, r.study().studyInstanceUid(), series, sop);
    } catch (DicomException | IOException | RuntimeException e) {
      throw new SrWriteException("cannot encode the SR: " + e.getMessage(), e);
    }
  }

  public static SrWriter.Written verify(byte[] draft, SrWriter.Verifier verifier, Instant signedAt)
      throws SrWriteException {
    if (verifier == null || verifier.name() == null || verifier.name().isBlank()) {
      throw new SrWriteException("a verifying observer name is required");
    }
    try {
      AttributeList a = new AttributeList();
      try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(draft))) {
        a.read(in);
      }
      a.removeGroupLengthAttributes();
      a.removeMetaInformationHeaderAttributes();
      String previous = a.get(Tags.SOP_INSTANCE_UID).getSingleStringValueOrEmptyString();
      String study = a.get(Tags.STUDY_INSTANCE_UID).getSingleStringValueOrEmptyString();
      String series = a.get(Tags.SERIES_INSTANCE_UID).getSingleStringValueOrEmptyString();
      String sopClass = a.get(Tags.SOP_CLASS_UID).getSingleStringValueOrEmptyString();
      String sop = newUid();
      LocalDateTime at = LocalDateTime.ofInstant(signedAt, ZoneOffset.UTC);
      ui(a, Tags.SOP_INSTANCE_UID, sop);
      is(a, Tags.INSTANCE_NUMBER, 2);
      date(a, Tags.INSTANCE_CREATION_DATE, at.format(DA));
      time(a, Tags.INSTANCE_CREATION_TIME, at.format(TM));
      date(a, Tags.CONTENT_DATE, at.format(DA));
      time(a, Tags.CONTENT_TIME, at.format(TM));
      cs(a, Tags.COMPLETION_FLAG, "COMPLETE");
      cs(a, Tags.VERIFICATION_FLAG, "VERIFIED");
      cs(a, Tags.PRELIMINARY_FLAG, "FINAL");
      AttributeList observer = new AttributeList();
      pn(observer, Tags.VERIFYING_OBSERVER_NAME, verifier.name());
      lo(
          observer,
          Tags.VERIFYING_ORGANIZATION,
          verifier.organization() == null ? "" : verifier.organization());
      DatasetWriter.put(
          observer,
          new com.pixelmed.dicom.DateTimeAttribute(Tags.VERIFICATION_DATE_TIME),
          at.format(DT));
      sequence(observer, Tags.VERIFYING_OBSERVER_IDENTIFICATION_CODE_SEQUENCE);
      sequence(a, Tags.VERIFYING_OBSERVER_SEQUENCE, observer);
      sequence(
          a, Tags.PREDECESSOR_DOCUMENTS_SEQUENCE, hierarchy(study, series, sopClass, previous));
      TextSafety.check(a);
      return encode(a, study, series, sop);
    } catch (DicomException | IOException | RuntimeException e) {
      throw new SrWriteException("cannot make the verified SR: " + e.getMessage(), e);
    }
  }

  private static SrWriter.Written encode(AttributeList a, String study, String series, String sop)
      throws DicomException, IOException {
    FileMetaInformation.addFileMetaInformation(
        a, TransferSyntax.ExplicitVRLittleEndian, "RADASSIST");
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    a.write(out, TransferSyntax.ExplicitVRLittleEndian, true, true);
    return new SrWriter.Written(out.toByteArray(), study, series, sop);
  }

  private static void patientAndStudy(AttributeList a, StudyContext s) throws DicomException {
    pn(a, Tags.PATIENT_NAME, nz(s.patientName()));
    lo(a, Tags.PATIENT_ID, nz(s.patientId()));
    if (s.issuerOfPatientId() != null) {
      lo(a, Tags.ISSUER_OF_PATIENT_ID, s.issuerOfPatientId());
    }
    date(
        a,
        Tags.PATIENT_BIRTH_DATE,
        s.patientBirthDate() == null ? "" : s.patientBirthDate().format(DA));
    cs(a, Tags.PATIENT_SEX, s.patientSex() == Sex.UNKNOWN ? "" : s.patientSex().name());
    ui(a, Tags.STUDY_INSTANCE_UID, s.studyInstanceUid());
    date(a, Tags.STUDY_DATE, s.studyDate() == null ? "" : s.studyDate().format(DA));
    time(a, Tags.STUDY_TIME, "");
    pn(a, Tags.REFERRING_PHYSICIAN_NAME, "");
    sh(a, Tags.STUDY_ID, "");
    sh(a, Tags.ACCESSION_NUMBER, nz(s.accessionNumber()));
    if (s.studyDescription() != null) {
      lo(a, Tags.STUDY_DESCRIPTION, s.studyDescription());
    }
  }

  /** Current Requested Procedure Evidence: the request's instances and every finding reference. */
  private static void evidence(AttributeList a, SrWriter.Request r) throws DicomException {
    Map<String, SrDocument.EvidenceReference> all = new LinkedHashMap<>();
    for (SrDocument.EvidenceReference e : r.evidence()) {
      all.put(e.sopInstanceUid(), e);
    }
    for (Finding f : r.findings()) {
      for (ImageReference ref : f.references()) {
        if (ref.seriesInstanceUid() != null && !all.containsKey(ref.sopInstanceUid())) {
          all.put(
              ref.sopInstanceUid(),
              new SrDocument.EvidenceReference(
                  ref.studyInstanceUid() != null
                      ? ref.studyInstanceUid()
                      : r.study().studyInstanceUid(),
                  ref.seriesInstanceUid(),
                  ref.sopClassUid() != null ? ref.sopClassUid() : DEFAULT_IMAGE_CLASS,
                  ref.sopInstanceUid()));
        }
      }
    }
    if (all.isEmpty()) {
      return;
    }
    // group by study, then series
    Map<String, Map<String, List<SrDocument.EvidenceReference>>> tree = new LinkedHashMap<>();
    for (SrDocument.EvidenceReference e : all.values()) {
      tree.computeIfAbsent(e.studyInstanceUid(), k -> new LinkedHashMap<>())
          .computeIfAbsent(e.seriesInstanceUid(), k -> new ArrayList<>())
          .add(e);
    }
    SequenceAttribute studies =
        new SequenceAttribute(Tags.CURRENT_REQUESTED_PROCEDURE_EVIDENCE_SEQUENCE);
    for (Map.Entry<String, Map<String, List<SrDocument.EvidenceReference>>> st : tree.entrySet()) {
      AttributeList studyItem = new AttributeList();
      ui(studyItem, Tags.STUDY_INSTANCE_UID, st.getKey());
      SequenceAttribute seriesSeq = new SequenceAttribute(Tags.REFERENCED_SERIES_SEQUENCE);
      for (Map.Entry<String, List<SrDocument.EvidenceReference>> se : st.getValue().entrySet()) {
        AttributeList seriesItem = new AttributeList();
        ui(seriesItem, Tags.SERIES_INSTANCE_UID, se.getKey());
        SequenceAttribute sops = new SequenceAttribute(Tags.REFERENCED_SOP_SEQUENCE);
        for (SrDocument.EvidenceReference e : se.getValue()) {
          AttributeList sopItem = new AttributeList();
          ui(sopItem, Tags.REFERENCED_SOP_CLASS_UID, e.sopClassUid());
          ui(sopItem, Tags.REFERENCED_SOP_INSTANCE_UID, e.sopInstanceUid());
          sops.addItem(sopItem);
        }
        seriesItem.put(sops);
        seriesSeq.addItem(seriesItem);
      }
      studyItem.put(seriesSeq);
      studies.addItem(studyItem);
    }
    a.put(studies);
  }

  private static AttributeList hierarchy(String study, String series, String sopClass, String sop)
      throws DicomException {
    AttributeList sopItem = new AttributeList();
    ui(sopItem, Tags.REFERENCED_SOP_CLASS_UID, sopClass);
    ui(sopItem, Tags.REFERENCED_SOP_INSTANCE_UID, sop);
    AttributeList seriesItem = new AttributeList();
    ui(seriesItem, Tags.SERIES_INSTANCE_UID, series);
    sequence(seriesItem, Tags.REFERENCED_SOP_SEQUENCE, sopItem);
    AttributeList studyItem = new AttributeList();
    ui(studyItem, Tags.STUDY_INSTANCE_UID, study);
    sequence(studyItem, Tags.REFERENCED_SERIES_SEQUENCE, seriesItem);
    return studyItem;
  }

  // ---- content (TID 1500) ----

  static SrItem content(SrWriter.Request r) {
    SrItem root = SrItem.root(dcm("126000", "Imaging Measurement Report"), "1500");
    root.add(
        SrItem.code(
            HAS_CONCEPT_MOD,
            dcm("121049", "Language of Content Item and Descendants"),
            CodedConcept.of("en-US", "RFC5646", "English (United States)")));
    SrWriter.Device d = r.device();
    root.add(SrItem.code(HAS_OBS_CONTEXT, dcm("121005", "Observer Type"), dcm("121007", "Device")));
    root.add(
        SrItem.uidref(
            HAS_OBS_CONTEXT,
            dcm("121012", "Device Observer UID"),
            d.observerUid() != null ? d.observerUid() : newUid()));
    addText(root, HAS_OBS_CONTEXT, dcm("121013", "Device Observer Name"), d.name());
    addText(root, HAS_OBS_CONTEXT, dcm("121014", "Device Observer Manufacturer"), d.manufacturer());
    addText(root, HAS_OBS_CONTEXT, dcm("121015", "Device Observer Model Name"), d.modelName());
    root.add(
        SrItem.code(
            HAS_CONCEPT_MOD,
            dcm("121058", "Procedure reported"),
            CodedConcept.of("363679005", "SCT", "Imaging procedure")));
    SrItem library = SrItem.container(CONTAINS, dcm("111028", "Image Library"), false);
    root.add(library);
    List<ImageReference> libraryImages = new ArrayList<>();
    for (SrDocument.EvidenceReference e : r.evidence()) {
      libraryImages.add(
          new ImageReference(
              e.studyInstanceUid(),
              e.seriesInstanceUid(),
              e.sopClassUid(),
              e.sopInstanceUid(),
              List.of(),
              List.of(),
              null));
    }
    if (!libraryImages.isEmpty()) {
      SrItem group = SrItem.container(CONTAINS, dcm("126200", "Image Library Group"), false);
      for (ImageReference ref : libraryImages) {
        group.add(image(CONTAINS, null, ref));
      }
      library.add(group);
    }
    SrItem measurements = SrItem.container(CONTAINS, dcm("126010", "Imaging Measurements"), false);
    root.add(measurements);
    for (Finding f : r.findings()) {
      measurements.add(group(f, d.algorithm()));
    }
    if (r.draft() != null && !r.draft().sections().isEmpty()) {
      SrItem eval =
          SrItem.container(
              CONTAINS, CodedConcept.of("C0034375", "UMLS", "Qualitative Evaluations"), false);
      for (Section s : r.draft().sections()) {
        if (!s.text().isBlank()) {
          eval.add(SrItem.text(CONTAINS, s.kind().code(), s.text()));
        }
      }
      if (!eval.children.isEmpty()) {
        root.add(eval);
      }
    }
    return root;
  }

  private static SrItem group(Finding f, AlgorithmIdentification defaultAlgorithm) {
    SrItem g = SrItem.container(CONTAINS, dcm("125007", "Measurement Group"), false);
    g.add(
        SrItem.text(
            HAS_OBS_CONTEXT,
            dcm("112039", "Tracking Identifier"),
            f.trackingIdentifier() != null ? f.trackingIdentifier() : f.id()));
    g.add(
        SrItem.uidref(
            HAS_OBS_CONTEXT,
            dcm("112040", "Tracking Unique Identifier"),
            f.trackingUid() != null ? f.trackingUid() : newUid()));
    if (f.type() != null) {
      g.add(SrItem.code(CONTAINS, dcm("121071", "Finding"), f.type()));
    }
    CodedConcept lateralityName = CodedConcept.of("272741003", "SCT", "Laterality");
    if (f.site() != null) {
      SrItem site =
          SrItem.code(
              HAS_CONCEPT_MOD, CodedConcept.of("363698007", "SCT", "Finding Site"), f.site());
      if (f.laterality() != null) {
        site.add(SrItem.code(HAS_CONCEPT_MOD, lateralityName, f.laterality()));
      }
      g.add(site);
    } else if (f.laterality() != null) {
      g.add(SrItem.code(HAS_CONCEPT_MOD, lateralityName, f.laterality()));
    }
    AlgorithmIdentification alg = f.algorithm() != null ? f.algorithm() : defaultAlgorithm;
    if (alg != null) {
      // TID 4019: name, version and parameters are siblings
      g.add(SrItem.text(HAS_CONCEPT_MOD, dcm("111001", "Algorithm Name"), alg.name()));
      if (!alg.version().isEmpty()) {
        g.add(SrItem.text(HAS_CONCEPT_MOD, dcm("111003", "Algorithm Version"), alg.version()));
      }
      for (String p : alg.parameters()) {
        g.add(SrItem.text(HAS_CONCEPT_MOD, dcm("111002", "Algorithm Parameters"), p));
      }
    }
    for (Measurement m : f.measurements()) {
      SrItem num = SrItem.num(CONTAINS, m.concept(), m.value(), m.unit());
      for (CodedConcept q : m.qualifiers()) {
        num.add(SrItem.code(HAS_CONCEPT_MOD, dcm("121401", "Derivation"), q));
      }
      g.add(num);
    }
    if (f.confidence() != null) {
      g.add(
          SrItem.num(
              CONTAINS,
              dcm("111012", "Certainty of Finding"),
              BigDecimal.valueOf(f.confidence()),
              CodedConcept.of("1", "UCUM", "no units")));
    }
    for (QualitativeEvaluation e : f.evaluations()) {
      g.add(
          e.codedValue() != null
              ? SrItem.code(CONTAINS, e.name(), e.codedValue())
              : SrItem.text(CONTAINS, e.name(), e.textValue()));
    }
    List<ImageReference> plain = new ArrayList<>();
    for (ImageReference ref : f.references()) {
      if (ref.region() == null) {
        plain.add(ref);
      } else if (ref.region().patientSpace()) {
        g.add(
            SrItem.scoord3d(
                CONTAINS,
                dcm("111030", "Image Region"),
                ref.region().graphicType().name(),
                ref.region().points(),
                ref.region().frameOfReferenceUid()));
        g.add(image(CONTAINS, dcm("121233", "Source Image for Segmentation"), ref));
      } else {
        SrItem sc =
            SrItem.scoord(
                CONTAINS,
                dcm("111030", "Image Region"),
                ref.region().graphicType().name(),
                ref.region().points());
        sc.add(image(SELECTED_FROM, null, ref));
        g.add(sc);
      }
    }
    for (ImageReference ref : plain) {
      g.add(image(CONTAINS, CodedConcept.of("260753009", "SCT", "Source"), ref));
    }
    return g;
  }

  private static SrItem image(String rel, CodedConcept concept, ImageReference ref) {
    return SrItem.image(
        rel,
        concept,
        ref.sopClassUid() != null ? ref.sopClassUid() : DEFAULT_IMAGE_CLASS,
        ref.sopInstanceUid(),
        ref.frames(),
        ref.segments());
  }

  private static void addText(SrItem parent, String rel, CodedConcept concept, String value) {
    if (value != null && !value.isBlank()) {
      parent.add(SrItem.text(rel, concept, value));
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
