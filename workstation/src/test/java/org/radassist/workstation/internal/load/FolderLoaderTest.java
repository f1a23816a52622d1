package org.radassist.workstation.internal.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.model.Sex;
import org.radassist.workstation.internal.study.DefaultStudy;
import org.radassist.workstation.internal.study.DefaultStudyGenerator;

class FolderLoaderTest {
  @TempDir static Path temp;
  static DefaultStudy generated;
  static LoadedFolder folder;

  @BeforeAll
  static void load() throws Exception {
    generated = new DefaultStudyGenerator(Optional.empty()).generate(temp.resolve("study"));
    Files.writeString(temp.resolve("study").resolve("README.txt"), "not DICOM");
    folder = new FolderLoader().load(temp.resolve("study"));
  }

  @Test
  void readsBothTimePointsNewestFirstWithTheirContext() {
    assertThat(folder.studies()).hasSize(2);
    DicomStudy newest = folder.newest().orElseThrow();
    assertThat(newest.studyInstanceUid()).isEqualTo(generated.current().studyInstanceUid());
    assertThat(newest.context().studyDate()).isEqualTo(LocalDate.of(2026, 3, 10));
    assertThat(newest.context().patientId()).isEqualTo("RA-PHANTOM-0001");
    assertThat(newest.context().patientSex()).isEqualTo(Sex.M);
    assertThat(newest.context().modalities()).containsExactly("CT");
    assertThat(newest.context().patientAgeYears()).contains(64);
    assertThat(folder.studiesOfPatientOf(newest.studyInstanceUid())).hasSize(2);
  }

  @Test
  void ordersSlicesByInstanceNumberAndReportsFilesItCannotRead() {
    DicomSeries ct = folder.newest().orElseThrow().series().get(0);
    assertThat(ct.isImageSeries()).isTrue();
    assertThat(ct.instances()).hasSize(24);
    assertThat(ct.instances().get(0).instanceNumber()).isEqualTo(1);
    assertThat(ct.instances().get(23).instanceNumber()).isEqualTo(24);
    assertThat(folder.problems()).singleElement().asString().startsWith("README.txt: ");
  }

  @Test
  void locatesAnInstanceAnywhereInTheFolder() {
    String sop = generated.prior().noduleSopInstanceUid();
    LoadedFolder.Located at = folder.locate(sop).orElseThrow();
    assertThat(at.study().studyInstanceUid()).isEqualTo(generated.prior().studyInstanceUid());
    assertThat(at.index()).isEqualTo(generated.prior().noduleSlice());
    assertThat(folder.locate("1.2.3")).isEmpty();
  }

  @Test
  void decodesHounsfieldUnitsAndTheProducersWindow() throws IOException {
    DicomSeries ct = folder.newest().orElseThrow().series().get(0);
    DicomImage image =
        new ImageDecoder().decode(ct.instances().get(generated.current().noduleSlice()), 1);
    assertThat(image.rows()).isEqualTo(256);
    assertThat(image.rowSpacingMm()).isEqualTo(1.2);
    assertThat(image.value(0, 0)).isEqualTo(-1000f);
    int r = (int) Math.round(generated.current().noduleRow());
    int c = (int) Math.round(generated.current().noduleColumn());
    assertThat((double) image.value(r, c)).isCloseTo(30, within(60.0));
    assertThat(image.windowCenter()).isEqualTo(-600);
    assertThat(image.windowWidth()).isEqualTo(1500);
  }

  @Test
  void aMissingFolderIsAnErrorNamingIt() {
    assertThatThrownBy(() -> new FolderLoader().load(temp.resolve("nope")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("nope");
  }
}
