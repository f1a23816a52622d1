package org.radassist.priors.internal.sr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.radassist.priors.internal.lookup.StudyDocuments;
import org.radassist.priors.testing.SharedData;

class RadAssistSrContentReaderTest {

  private final RadAssistSrContentReader reader = RadAssistSrContentReader.create();

  @Test
  void tid1500MeasurementGroupsBecomeFindings() throws Exception {
    byte[] bytes =
        Files.readAllBytes(SharedData.dicom("sr/highdicom_sr_document_with_multiple_groups.dcm"));

    SrContent content = reader.read(bytes, "highdicom");

    assertThat(content.findings()).isNotEmpty();
    assertThat(content.reportText()).isEmpty();
  }

  @Test
  void aBasicTextReportGivesItsTextUnderItsHeadings() throws Exception {
    byte[] bytes = Files.readAllBytes(SharedData.dicom("sr/offis_report05.dcm"));

    SrContent content = reader.read(bytes, "report05");

    assertThat(content.findings()).isEmpty();
    assertThat(content.reportText()).isNotBlank().contains(": ");
  }

  @Test
  void bytesThatAreNotDicomAreUnreadable() {
    byte[] junk = "this is not a DICOM file".getBytes(StandardCharsets.US_ASCII);

    assertThatThrownBy(() -> reader.read(junk, "junk"))
        .isInstanceOf(UnreadableDocumentException.class);
  }

  @Test
  void anUnreadableDocumentIsSkippedWithANoteAndTheOthersCount() throws Exception {
    byte[] good = Files.readAllBytes(SharedData.dicom("sr/highdicom_sr_document.dcm"));

    StudyDocuments docs =
        new StudyDocumentsBuilder(reader)
            .add("garbage".getBytes(StandardCharsets.US_ASCII), "broken.dcm")
            .add(good, "good.dcm")
            .build();

    assertThat(docs.findings()).isNotEmpty();
    assertThat(docs.notes()).singleElement().asString().startsWith("SR broken.dcm skipped: ");
  }
}
