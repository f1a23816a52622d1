package org.radassist.sr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** DICOM JSON input (WADO-RS metadata): by-reference items carry only the identifier. */
class DicomJsonTest {
  private final StructuredReportReader reader = StructuredReportReader.create();

  private SrDocument read(String json) throws SrReadException {
    return reader.readJson(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "metadata.json");
  }

  private static String code(String value, String scheme, String meaning) {
    return "{\"00080100\":{\"vr\":\"SH\",\"Value\":[\""
        + value
        + "\"]},"
        + "\"00080102\":{\"vr\":\"SH\",\"Value\":[\""
        + scheme
        + "\"]},"
        + "\"00080104\":{\"vr\":\"LO\",\"Value\":[\""
        + meaning
        + "\"]}}";
  }

  @Test
  void readsTheTreeAndResolvesByReferenceItems() throws Exception {
    String json =
        "[{\"00080016\":{\"vr\":\"UI\",\"Value\":[\"1.2.840.10008.5.1.4.1.1.88.33\"]},"
            + "\"00080018\":{\"vr\":\"UI\",\"Value\":[\"1.2.3.4\"]},"
            + "\"0020000D\":{\"vr\":\"UI\",\"Value\":[\"1.2.3\"]},"
            + "\"0020000E\":{\"vr\":\"UI\",\"Value\":[\"1.2.3.5\"]},"
            + "\"00100010\":{\"vr\":\"PN\",\"Value\":[{\"Alphabetic\":\"Doe^Jane\"}]},"
            + "\"0040A040\":{\"vr\":\"CS\",\"Value\":[\"CONTAINER\"]},"
            + "\"0040A050\":{\"vr\":\"CS\",\"Value\":[\"SEPARATE\"]},"
            + "\"0040A043\":{\"vr\":\"SQ\",\"Value\":["
            + code("18748-4", "LN", "Report")
            + "]},"
            + "\"0040A730\":{\"vr\":\"SQ\",\"Value\":["
            + "{\"0040A010\":{\"vr\":\"CS\",\"Value\":[\"CONTAINS\"]},"
            + "\"0040A040\":{\"vr\":\"CS\",\"Value\":[\"NUM\"]},"
            + "\"0040A043\":{\"vr\":\"SQ\",\"Value\":["
            + code("81827009", "SCT", "Diameter")
            + "]},"
            + "\"0040A300\":{\"vr\":\"SQ\",\"Value\":[{\"0040A30A\":{\"vr\":\"DS\",\"Value\":[8.2]},"
            + "\"004008EA\":{\"vr\":\"SQ\",\"Value\":["
            + code("mm", "UCUM", "mm")
            + "]}}]},"
            + "\"0040A730\":{\"vr\":\"SQ\",\"Value\":[{\"0040A010\":{\"vr\":\"CS\",\"Value\":[\"INFERRED FROM\"]},"
            + "\"0040DB73\":{\"vr\":\"UL\",\"Value\":[1,2]}}]}},"
            + "{\"0040A010\":{\"vr\":\"CS\",\"Value\":[\"CONTAINS\"]},"
            + "\"0040A040\":{\"vr\":\"CS\",\"Value\":[\"TEXT\"]},"
            + "\"0040A160\":{\"vr\":\"UT\",\"Value\":[\"seen on CT\"]}}]}}]";

    SrDocument d = read(json);

    assertThat(d.partial()).isFalse();
    assertThat(d.patientName()).isEqualTo("Doe^Jane");
    assertThat(d.itemCount()).isEqualTo(4);
    ContentItem num = d.byPosition().get("1.1");
    assertThat(((ContentValue.Numeric) num.value()).number()).isEqualByComparingTo("8.2");
    ContentItem ref = d.byPosition().get("1.1.1");
    assertThat(ref.value()).isEqualTo(new ContentValue.Reference("1.2", true, false));
    assertThat(d.resolve(ref).orElseThrow().value().display()).isEqualTo("seen on CT");
  }

  @Test
  void malformedJsonIsOneClearError() {
    assertThatThrownBy(() -> read("{\"0040A040\": 5}"))
        .isInstanceOf(SrReadException.class)
        .hasMessageStartingWith("metadata.json: not readable as DICOM JSON");
    assertThatThrownBy(() -> read("[".repeat(100_000)))
        .isInstanceOf(SrReadException.class)
        .hasMessageStartingWith("metadata.json: ");
  }
}
