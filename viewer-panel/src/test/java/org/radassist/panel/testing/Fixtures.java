package org.radassist.panel.testing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.radassist.drafting.DraftEvent;
import org.radassist.model.AlgorithmIdentification;
import org.radassist.model.CodeSuggestion;
import org.radassist.model.CodedConcept;
import org.radassist.model.CriticalCategory;
import org.radassist.model.Evidence;
import org.radassist.model.FieldStatus;
import org.radassist.model.Finding;
import org.radassist.model.FindingSource;
import org.radassist.model.Flag;
import org.radassist.model.FlagType;
import org.radassist.model.ImageReference;
import org.radassist.model.ImageRegion;
import org.radassist.model.Measurement;
import org.radassist.model.ModelInfo;
import org.radassist.model.ScoringSystem;
import org.radassist.model.SectionKind;
import org.radassist.model.Severity;
import org.radassist.model.Sex;
import org.radassist.model.StructuredField;
import org.radassist.model.StudyContext;
import org.radassist.model.Suggestion;
import org.radassist.model.SuggestionKind;
import org.radassist.panel.PriorComparison;
import org.radassist.panel.PriorComparison.MeasurementTrend;
import org.radassist.panel.PriorComparison.TrendPoint;
import org.radassist.panel.SrDocumentView;
import org.radassist.panel.SrDocumentView.SrNode;

/**
 * A realistic chest CT case for the panel tests: a draft stream like the drafting service sends one
 * (dictation of an 8 mm solid nodule and a new pneumothorax), and findings carrying the values of
 * the highdicom TID 1500 example SR in shared/data
 * (sr/highdicom_sr_document_with_multiple_groups.dcm: nodule 10 mm in lung, aorta 20 mm, vertebra
 * 200 mm3, their tracking identifiers, SCOORD regions and referenced CT image). That SR carries no
 * algorithm identification and no confidence: those two values are set here to exercise their
 * display (one finding below the low-confidence threshold).
 */
public final class Fixtures {
  private Fixtures() {}

  public static final String DICTATION =
      "Chest CT without contrast for nodule follow-up. 8 mm solid nodule right upper lobe, new since"
          + " last year. New moderate right pneumothorax. Aorta normal calibre.";

  public static final String FINDINGS_TEXT =
      "There is an 8 mm solid nodule in the right upper lobe (series 3, image 42), new compared with"
          + " the prior examination. There is a new moderate right pneumothorax without mediastinal"
          + " shift. The thoracic aorta is of normal calibre (20 mm). No pleural effusion.";

  public static final String IMPRESSION_TEXT =
      "1. New moderate right pneumothorax.\n2. New 8 mm solid right upper lobe nodule.";

  public static StudyContext study() {
    return new StudyContext(
        "1.2.826.0.1.3680043.10.511.3.1",
        "ACC-0042",
        "PID-7",
        null,
        "Test^Patient",
        LocalDate.of(1958, 3, 2),
        Sex.F,
        List.of("CT", "SR"),
        "CHEST",
        LocalDate.of(2026, 11, 20),
        "CT CHEST WO CONTRAST");
  }

  /** The whole stream, in order, with sections arriving as several deltas each. */
  public static List<DraftEvent> draftEvents() {
    List<DraftEvent> events = new ArrayList<>();
    events.add(
        new DraftEvent.Started(
            "draft-7f3a", new ModelInfo("radassist-rules", "0.1.0", "embedded")));
    section(events, SectionKind.CLINICAL_HISTORY, "Nodule follow-up. 67-year-old woman.");
    section(events, SectionKind.COMPARISON, "CT chest of 2025-11-18.");
    section(events, SectionKind.FINDINGS, FINDINGS_TEXT);
    section(events, SectionKind.IMPRESSION, IMPRESSION_TEXT);
    events.add(new DraftEvent.Suggestions(impressions(), differentials()));
    events.add(new DraftEvent.StructuredFields(fields()));
    events.add(new DraftEvent.Codes(codes()));
    events.add(new DraftEvent.Flags(flags()));
    events.add(new DraftEvent.Completed("draft-7f3a", 412, 388, 180, 1450, null));
    return events;
  }

  /** The events up to and including the findings section (a draft caught mid-stream). */
  public static List<DraftEvent> draftEventsUntilFindings() {
    List<DraftEvent> all = draftEvents();
    List<DraftEvent> out = new ArrayList<>();
    for (DraftEvent e : all) {
      out.add(e);
      if (e instanceof DraftEvent.SectionDone d && d.section() == SectionKind.FINDINGS) {
        break;
      }
    }
    return out;
  }

  private static void section(List<DraftEvent> events, SectionKind kind, String text) {
    int third = Math.max(1, text.length() / 3);
    events.add(new DraftEvent.SectionDelta(kind, text.substring(0, third)));
    events.add(new DraftEvent.SectionDelta(kind, text.substring(third, 2 * third)));
    events.add(new DraftEvent.SectionDelta(kind, text.substring(2 * third)));
    events.add(new DraftEvent.SectionDone(kind, text, null));
  }

  public static List<Suggestion> impressions() {
    return List.of(
        new Suggestion(
            "imp-2",
            SuggestionKind.IMPRESSION,
            "New 8 mm solid right upper lobe nodule; Lung-RADS 4A, 3-month low-dose CT recommended.",
            0.74,
            "new solid nodule 8 mm",
            List.of(quote(SectionKind.FINDINGS, "8 mm solid nodule")),
            null),
        new Suggestion(
            "imp-1",
            SuggestionKind.IMPRESSION,
            "New moderate right pneumothorax.",
            0.93,
            "dictated as new, moderate",
            List.of(quote(SectionKind.FINDINGS, "new moderate right pneumothorax")),
            null));
  }

  public static List<Suggestion> differentials() {
    return List.of(
        new Suggestion(
            "dd-1",
            SuggestionKind.DIFFERENTIAL,
            "Primary lung adenocarcinoma",
            0.41,
            "new solid nodule in an adult",
            List.of(),
            null),
        new Suggestion(
            "dd-2",
            SuggestionKind.DIFFERENTIAL,
            "Granuloma",
            0.33,
            "common benign cause",
            List.of(),
            null),
        new Suggestion(
            "dd-3",
            SuggestionKind.DIFFERENTIAL,
            "Intrapulmonary lymph node",
            0.18,
            "size and location",
            List.of(),
            null));
  }

  public static List<StructuredField> fields() {
    return List.of(
        new StructuredField(
            ScoringSystem.LUNG_RADS,
            "2022",
            "category",
            "4A",
            List.of(quote(SectionKind.FINDINGS, "8 mm solid nodule")),
            0.71,
            FieldStatus.COMPLETE,
            List.of(),
            "model: new solid nodule 6 to <8 mm ... 8 mm",
            null),
        new StructuredField(
            ScoringSystem.LUNG_RADS,
            "2022",
            "category",
            "3",
            List.of(quote(SectionKind.FINDINGS, "8 mm solid nodule")),
            0.88,
            FieldStatus.COMPLETE,
            List.of(),
            "rules: new solid nodule 4 to <6 mm after rounding",
            null),
        new StructuredField(
            ScoringSystem.FLEISCHNER,
            "2017",
            "recommendation",
            "",
            List.of(),
            0.40,
            FieldStatus.INCOMPLETE,
            List.of("patient risk"),
            "needs low or high risk",
            null));
  }

  /** RadLex, ICD-10-CM and CPT suggestions, as the engine proposes them. */
  public static List<CodeSuggestion> codes() {
    return List.of(
        new CodeSuggestion(
            "ICD-10-CM",
            "J93.9",
            "Pneumothorax, unspecified",
            List.of(quote(SectionKind.FINDINGS, "new moderate right pneumothorax")),
            0.92,
            "pneumothorax stated in the findings",
            null),
        new CodeSuggestion(
            "ICD-10-CM",
            "R91.1",
            "Solitary pulmonary nodule",
            List.of(quote(SectionKind.FINDINGS, "8 mm solid nodule")),
            0.81,
            "single solid nodule measured",
            null),
        new CodeSuggestion(
            "RadLex",
            "RID50149",
            "pulmonary nodule",
            List.of(),
            0.55,
            "nodule named in the dictation",
            null),
        new CodeSuggestion(
            "CPT", "71250", "CT thorax without contrast", List.of(), 0.88, "procedure", null));
  }

  public static List<Flag> flags() {
    return List.of(
        new Flag(
            FlagType.CRITICAL_RESULT,
            Severity.CRITICAL,
            "New moderate right pneumothorax",
            List.of(quote(SectionKind.FINDINGS, "new moderate right pneumothorax")),
            CriticalCategory.CATEGORY_1,
            List.of("who", "when", "how")),
        Flag.of(
            FlagType.RULES_MODEL_DISAGREEMENT,
            Severity.WARNING,
            "Lung-RADS category: model 4A, rules 3",
            List.of()),
        Flag.of(
            FlagType.MISSING_FOLLOWUP,
            Severity.INFO,
            "No follow-up interval stated for the nodule",
            List.of()));
  }

  private static Evidence quote(SectionKind section, String words) {
    int at = FINDINGS_TEXT.indexOf(words);
    return at < 0
        ? new Evidence(section, 0, words.length(), words)
        : Evidence.of(section, FINDINGS_TEXT, at, at + words.length());
  }

  // ---------------------------------------------------------------- findings (highdicom example SR
  // values)

  public static final String SR_UID =
      "1.2.826.0.1.3680043.10.511.3.88061033799943655762803486145080506";
  static final String CT_IMAGE = "1.3.6.1.4.1.5962.1.1.1.1.1.20040119072730.12322";
  static final String CT_CLASS = "1.2.840.10008.5.1.4.1.1.2";

  public static List<Finding> findings() {
    AlgorithmIdentification algo =
        new AlgorithmIdentification("highdicom example", "0.22.0", List.of());
    FindingSource source = new FindingSource(SR_UID, "TID1500", "1.2.2");
    ImageReference nodule =
        new ImageReference(
            null,
            null,
            CT_CLASS,
            CT_IMAGE,
            List.of(),
            List.of(),
            new ImageRegion(
                ImageRegion.GraphicType.CIRCLE, List.of(45.0, 55.0, 45.0, 65.0), false, null));
    ImageReference aorta =
        new ImageReference(
            null,
            null,
            CT_CLASS,
            CT_IMAGE,
            List.of(),
            List.of(),
            new ImageRegion(
                ImageRegion.GraphicType.POLYLINE, List.of(25.0, 45.0, 45.0, 45.0), false, null));
    return List.of(
        new Finding(
            "1",
            CodedConcept.of("27925004", "SCT", "Nodule"),
            CodedConcept.of("39607008", "SCT", "Lung"),
            null,
            "1.2.826.0.1.3680043.10.511.3.11998155355995483197548907108234588",
            "LungNodule0001",
            List.of(
                new Measurement(
                    CodedConcept.of("81827009", "SCT", "Diameter"),
                    new BigDecimal("10.0"),
                    CodedConcept.of("mm", "UCUM", "mm"),
                    List.of())),
            List.of(),
            algo,
            0.92,
            List.of(nodule),
            source),
        new Finding(
            "2",
            CodedConcept.of("15825003", "SCT", "Aorta"),
            null,
            null,
            null,
            "Aorta0001",
            List.of(
                new Measurement(
                    CodedConcept.of("81827009", "SCT", "Diameter"),
                    new BigDecimal("20.0"),
                    CodedConcept.of("mm", "UCUM", "mm"),
                    List.of())),
            List.of(),
            algo,
            0.97,
            List.of(aorta),
            source),
        new Finding(
            "3",
            CodedConcept.of("51282000", "SCT", "Vertebra"),
            null,
            null,
            null,
            "Vertebra0001",
            List.of(
                new Measurement(
                    CodedConcept.of("118565006", "SCT", "Volume"),
                    new BigDecimal("200.0"),
                    CodedConcept.of("mm3", "UCUM", "cubic millimeter"),
                    List.of())),
            List.of(),
            algo,
            0.31,
            List.of(ImageReference.of(CT_CLASS, CT_IMAGE)),
            source));
  }

  public static SrDocumentView srDocument() {
    SrNode root =
        new SrNode(
            "",
            "CONTAINER",
            "Imaging Measurement Report",
            "",
            List.of(
                new SrNode(
                    "has concept mod",
                    "CODE",
                    "Procedure reported",
                    "CT unspecified body region",
                    List.of()),
                new SrNode(
                    "contains",
                    "CONTAINER",
                    "Imaging Measurements",
                    "",
                    List.of(
                        new SrNode(
                            "contains",
                            "CONTAINER",
                            "Measurement Group",
                            "",
                            List.of(
                                new SrNode(
                                    "has obs context",
                                    "TEXT",
                                    "Tracking Identifier",
                                    "LungNodule0001",
                                    List.of()),
                                new SrNode("contains", "CODE", "Finding", "Nodule", List.of()),
                                new SrNode(
                                    "has concept mod", "CODE", "Finding Site", "Lung", List.of()),
                                new SrNode("contains", "NUM", "Diameter", "10.0 mm", List.of()),
                                new SrNode(
                                    "contains",
                                    "SCOORD",
                                    "Image Region",
                                    "CIRCLE 45/55 ...",
                                    List.of()))),
                        new SrNode(
                            "contains",
                            "CONTAINER",
                            "Measurement Group",
                            "",
                            List.of(
                                new SrNode(
                                    "has obs context",
                                    "TEXT",
                                    "Tracking Identifier",
                                    "Aorta0001",
                                    List.of()),
                                new SrNode("contains", "CODE", "Finding", "Aorta", List.of()),
                                new SrNode(
                                    "contains", "NUM", "Diameter", "20.0 mm", List.of())))))));
    String narrative =
        "Imaging Measurement Report\n\nLungNodule0001: Nodule, Lung. Diameter 10.0 mm.\n"
            + "Aorta0001: Aorta. Diameter 20.0 mm.\nVertebra0001: Vertebra. Volume 200.0 mm3.";
    return new SrDocumentView(
        SR_UID, "Imaging Measurement Report", "TID1500", root, narrative, findings());
  }

  /**
   * An "SR" that is not DICOM at all, as a broken download leaves it (a proxy's error page saved
   * under the instance's name); written into the test's temporary directory.
   */
  public static java.nio.file.Path brokenDownload(java.nio.file.Path dir)
      throws java.io.IOException {
    java.nio.file.Path file = dir.resolve("broken-download.dcm");
    java.nio.file.Files.writeString(file, "<html><body><h1>502 Bad Gateway</h1></body></html>\n");
    return file;
  }

  public static PriorComparison priors() {
    return new PriorComparison(
        "Compared with CT chest of 2025-11-18 and 2024-11-12: the right upper lobe nodule (LungNodule0001)"
            + " measured 6 mm, then 7 mm, and now 10 mm: +43% in 12 months, growing. The aorta is stable at 20 mm."
            + " No nodule has resolved.",
        List.of(
            new MeasurementTrend(
                "LungNodule0001 diameter",
                "mm",
                List.of(
                    new TrendPoint(LocalDate.of(2024, 11, 12), 6),
                    new TrendPoint(LocalDate.of(2025, 11, 18), 7),
                    new TrendPoint(LocalDate.of(2026, 11, 20), 10))),
            new MeasurementTrend(
                "Aorta0001 diameter",
                "mm",
                List.of(
                    new TrendPoint(LocalDate.of(2024, 11, 12), 20),
                    new TrendPoint(LocalDate.of(2025, 11, 18), 20),
                    new TrendPoint(LocalDate.of(2026, 11, 20), 20)))));
  }
}
