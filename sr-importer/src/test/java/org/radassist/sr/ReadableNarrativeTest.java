package org.radassist.sr;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.CodeStringAttribute;
import com.pixelmed.dicom.DecimalStringAttribute;
import com.pixelmed.dicom.LongStringAttribute;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.SequenceItem;
import com.pixelmed.dicom.ShortStringAttribute;
import com.pixelmed.dicom.UnlimitedTextAttribute;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.radassist.model.Finding;
import org.radassist.model.QualitativeEvaluation;
import org.radassist.sr.internal.read.Tags;
import org.radassist.sr.internal.render.Words;

/**
 * What a radiologist reads of an SR (issue 17): everything that was read is shown, in words rather
 * than encodings, with the reason when the document is partial.
 */
public class ReadableNarrativeTest {
  private final StructuredReportReader reader = StructuredReportReader.create();

  private static Path sr(String name) {
    return SharedData.dicom("sr").resolve(name);
  }

  /** offis_report01 (Basic Text SR) with no root Value Type and no item Relationship Types. */
  public static byte[] brokenBasicText() throws Exception {
    return Fixtures.rewrite(
        sr("offis_report01.dcm"),
        list -> {
          list.remove(Tags.VALUE_TYPE);
          SequenceAttribute content = (SequenceAttribute) list.get(Tags.CONTENT_SEQUENCE);
          for (Iterator<SequenceItem> it = content.iterator(); it.hasNext(); ) {
            it.next().getAttributeList().remove(Tags.RELATIONSHIP_TYPE);
          }
        });
  }

  @Test
  void aBrokenStructureStillShowsEveryTextWithTheReasonInTheNotes() throws Exception {
    SrDocument d = reader.read(brokenBasicText(), "broken.dcm");
    ReportView v = ReportView.of(d);
    List<String> lines = Narrative.lines(v);

    assertThat(d.partial()).isTrue();
    assertThat(lines.get(0)).startsWith("Consultation Report").contains("PARTIAL");
    assertThat(String.join("\n", lines))
        .contains("Description: This 78-year-old gentleman")
        .contains("Diagnosis: Squamous cell carcinoma")
        .contains("Treatment: The plan of treatment");
    assertThat(v.notes())
        .anySatisfy(n -> assertThat(n).contains("no Value Type (0040,A040)"))
        .anySatisfy(
            n ->
                assertThat(n)
                    .contains("Relationship Type (0040,A010) is missing at 5 items")
                    .contains("read as contained content"));
  }

  @Test
  void aMammographyDoseReportSaysWhichBreastAndNamesEventsInWords() throws Exception {
    List<String> lines =
        Narrative.lines(ReportView.of(reader.read(sr("openrem_MG-RDSR-Hologic_2D.dcm"))));
    String text = String.join("\n", lines);

    assertThat(text)
        .contains("Accumulated Average Glandular Dose (Left breast) 1.3 mGy")
        .contains("Accumulated Average Glandular Dose (Right breast) 1.28 mGy")
        .contains("  Event 1 (2015-03-22 12:47:45, Left breast, cranio-caudal): Average Glandular")
        .doesNotContain("  1.9:");
  }

  @Test
  void anIrradiationEventLabelNamesTheEvent() throws Exception {
    byte[] labelled =
        Fixtures.rewrite(
            sr("openrem_MG-RDSR-Hologic_2D.dcm"),
            list -> {
              SequenceAttribute content = (SequenceAttribute) list.get(Tags.CONTENT_SEQUENCE);
              for (Iterator<SequenceItem> it = content.iterator(); it.hasNext(); ) {
                AttributeList item = it.next().getAttributeList();
                if (meaning(item).equals("Irradiation Event X-Ray Data")) {
                  ((SequenceAttribute) item.get(Tags.CONTENT_SEQUENCE))
                      .addItem(text("CONTAINS", "113605", "DCM", "Irradiation Event Label", "LCC"));
                }
              }
            });
    String text = String.join("\n", Narrative.lines(ReportView.of(reader.read(labelled, "mg"))));
    assertThat(text).contains("  LCC: Average Glandular Dose 1.3 mGy");
  }

  @Test
  void unitsAreWordsNotUcumCodes() throws Exception {
    String circle =
        String.join(
            "\n", Narrative.lines(ReportView.of(reader.read(sr("dwv_tid1500-0_sr-circle.dcm")))));
    String pet =
        String.join(
            "\n", Narrative.lines(ReportView.of(reader.read(sr("dcmqi_sr-example_sr.dcm")))));
    String ct =
        String.join(
            "\n",
            Narrative.lines(
                ReportView.of(reader.read(sr("openrem_CT-RDSR-Siemens_Flash-TAP-SS.dcm")))));

    assertThat(circle).contains("Pixel by pixel Minimum 25,").doesNotContain(" 25 1");
    assertThat(pet).contains("SUVbw (Mean) 6.01529 SUVbw g/ml").doesNotContain("{");
    assertThat(ct).contains("Total Number of Irradiation Events 4 events").doesNotContain("{");
  }

  @Test
  void datesAndTimesReadAsAPersonWritesThem() {
    assertThat(Words.dateTime("20220223082918.000000")).isEqualTo("2022-02-23 08:29:18");
    assertThat(Words.dateTime("20220223082918.25+0100")).isEqualTo("2022-02-23 08:29:18.25 +01:00");
    assertThat(Words.dateTime("2022")).isEqualTo("2022");
    assertThat(Words.date("19860311")).isEqualTo("1986-03-11");
    assertThat(Words.time("114243.273000")).isEqualTo("11:42:43.273");
    assertThat(Words.dateTime("garbage")).isEqualTo("garbage");
  }

  @Test
  void aGenericReportPrintsItsDateTimeItemsFormatted() throws Exception {
    byte[] withDate =
        Fixtures.rewrite(
            sr("offis_report01.dcm"),
            list -> {
              AttributeList item = new AttributeList();
              put(item, new CodeStringAttribute(Tags.RELATIONSHIP_TYPE), "CONTAINS");
              put(item, new CodeStringAttribute(Tags.VALUE_TYPE), "DATETIME");
              concept(item, "111526", "DCM", "DateTime Started");
              put(
                  item,
                  new com.pixelmed.dicom.DateTimeAttribute(Tags.DATE_TIME),
                  "20220223082918.000000");
              ((SequenceAttribute) list.get(Tags.CONTENT_SEQUENCE)).addItem(item);
            });
    String text = String.join("\n", Narrative.lines(ReportView.of(reader.read(withDate, "dt"))));
    assertThat(text).contains("DateTime Started: 2022-02-23 08:29:18").doesNotContain("20220223");
  }

  @Test
  void measurementLevelAlgorithmInferenceAndPropertiesReachTheFindings() throws Exception {
    byte[] detailed =
        Fixtures.rewrite(
            sr("dcmqi_sr-example_sr.dcm"),
            list -> {
              AttributeList num = firstNum(list);
              SequenceAttribute kids = new SequenceAttribute(Tags.CONTENT_SEQUENCE);
              if (num.get(Tags.CONTENT_SEQUENCE) instanceof SequenceAttribute existing) {
                kids = existing;
              } else {
                num.put(kids);
              }
              kids.addItem(text("HAS CONCEPT MOD", "111001", "DCM", "Algorithm Name", "SUV-Calc"));
              kids.addItem(text("HAS CONCEPT MOD", "111003", "DCM", "Algorithm Version", "2.1"));
              AttributeList from = new AttributeList();
              put(from, new CodeStringAttribute(Tags.RELATIONSHIP_TYPE), "INFERRED FROM");
              put(from, new CodeStringAttribute(Tags.VALUE_TYPE), "NUM");
              concept(from, "126401", "DCM", "SUVbw");
              AttributeList mv = new AttributeList();
              put(mv, new DecimalStringAttribute(Tags.NUMERIC_VALUE), "5.5");
              codeSeq(mv, Tags.MEASUREMENT_UNITS_CODE_SEQUENCE, "{SUVbw}g/ml", "UCUM", "SUV");
              SequenceAttribute mvs = new SequenceAttribute(Tags.MEASURED_VALUE_SEQUENCE);
              mvs.addItem(mv);
              from.put(mvs);
              kids.addItem(from);
              kids.addItem(text("HAS PROPERTIES", "121404", "DCM", "Selection Status", "chosen"));
            });
    ReportView v = ReportView.of(reader.read(detailed, "tid1500"));
    Finding f = v.findings().get(0);
    List<String> evaluations =
        f.evaluations().stream().map(e -> e.name().meaning() + ": " + e.displayValue()).toList();

    assertThat(evaluations)
        .contains(
            "Algorithm Name: SUV-Calc (SUVbw (Mean))",
            "Algorithm Version: 2.1 (SUVbw (Mean))",
            "Inferred from: SUVbw 5.5 SUVbw g/ml (SUVbw (Mean))",
            "Selection Status: chosen (SUVbw (Mean))",
            "Time Point: 1");
    assertThat(f.evaluations()).extracting(QualitativeEvaluation::name).doesNotContainNull();
  }

  // ---- building content items ----

  /** The first SUVbw NUM (in the first Measurement Group). */
  private static AttributeList firstNum(AttributeList list) {
    java.util.ArrayDeque<AttributeList> work = new java.util.ArrayDeque<>();
    work.add(list);
    while (!work.isEmpty()) {
      AttributeList a = work.poll();
      String vt =
          com.pixelmed.dicom.Attribute.getSingleStringValueOrEmptyString(a, Tags.VALUE_TYPE);
      if (vt.equals("NUM") && meaning(a).equals("SUVbw")) {
        return a;
      }
      if (a.get(Tags.CONTENT_SEQUENCE) instanceof SequenceAttribute s) {
        for (Iterator<SequenceItem> it = s.iterator(); it.hasNext(); ) {
          work.add(it.next().getAttributeList());
        }
      }
    }
    throw new AssertionError("no NUM item");
  }

  private static String meaning(AttributeList item) {
    if (item.get(Tags.CONCEPT_NAME_CODE_SEQUENCE) instanceof SequenceAttribute s
        && s.getNumberOfItems() > 0) {
      return com.pixelmed.dicom.Attribute.getSingleStringValueOrEmptyString(
          s.getItem(0).getAttributeList(), Tags.CODE_MEANING);
    }
    return "";
  }

  static AttributeList text(String rel, String code, String scheme, String meaning, String value) {
    AttributeList item = new AttributeList();
    put(item, new CodeStringAttribute(Tags.RELATIONSHIP_TYPE), rel);
    put(item, new CodeStringAttribute(Tags.VALUE_TYPE), "TEXT");
    concept(item, code, scheme, meaning);
    put(item, new UnlimitedTextAttribute(Tags.TEXT_VALUE), value);
    return item;
  }

  private static void concept(AttributeList item, String code, String scheme, String meaning) {
    codeSeq(item, Tags.CONCEPT_NAME_CODE_SEQUENCE, code, scheme, meaning);
  }

  private static void codeSeq(
      AttributeList item,
      com.pixelmed.dicom.AttributeTag tag,
      String code,
      String scheme,
      String meaning) {
    AttributeList c = new AttributeList();
    put(c, new ShortStringAttribute(Tags.CODE_VALUE), code);
    put(c, new ShortStringAttribute(Tags.CODING_SCHEME_DESIGNATOR), scheme);
    put(c, new LongStringAttribute(Tags.CODE_MEANING), meaning);
    SequenceAttribute s = new SequenceAttribute(tag);
    s.addItem(c);
    item.put(s);
  }

  private static void put(AttributeList list, com.pixelmed.dicom.Attribute a, String value) {
    try {
      a.addValue(value);
    } catch (com.pixelmed.dicom.DicomException e) {
      throw new IllegalStateException(e);
    }
    list.put(a);
  }
}
