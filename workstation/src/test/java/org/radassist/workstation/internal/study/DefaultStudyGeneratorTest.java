package org.radassist.workstation.internal.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultStudyGeneratorTest {
  @TempDir static Path temp;
  static DefaultStudy study;

  @BeforeAll
  static void generate() throws Exception {
    study = new DefaultStudyGenerator(Optional.empty()).generate(temp.resolve("a"));
  }

  @Test
  void writesTwentyFourCtSlicesPerTimePointThatPixelMedReadsBack() throws Exception {
    for (CtSeries series : List.of(study.prior(), study.current())) {
      assertThat(series.files()).hasSize(24).allMatch(Files::isRegularFile);
      AttributeList list = read(series.files().get(0));
      assertThat(get(list, TagFromName.SOPClassUID)).isEqualTo(SOPClass.CTImageStorage);
      assertThat(get(list, TagFromName.Modality)).isEqualTo("CT");
      assertThat(get(list, TagFromName.Rows)).isEqualTo("256");
      assertThat(get(list, TagFromName.Columns)).isEqualTo("256");
      assertThat(get(list, TagFromName.BitsAllocated)).isEqualTo("16");
      assertThat(list.get(TagFromName.PixelSpacing).getDoubleValues()).containsExactly(1.2, 1.2);
      assertThat(get(list, TagFromName.SliceThickness)).isEqualTo("2.5");
      assertThat(get(list, TagFromName.PatientID)).isEqualTo("RA-PHANTOM-0001");
      assertThat(get(list, TagFromName.StudyInstanceUID)).isEqualTo(series.studyInstanceUid());
      assertThat(series.studyInstanceUid()).startsWith("2.25.").hasSizeLessThanOrEqualTo(64);
    }
  }

  @Test
  void thePriorIsTwelveMonthsEarlierAndAnotherStudyOfTheSamePatient() throws Exception {
    AttributeList prior = read(study.prior().files().get(0));
    AttributeList current = read(study.current().files().get(0));
    assertThat(get(prior, TagFromName.StudyDate)).isEqualTo("20250311");
    assertThat(get(current, TagFromName.StudyDate)).isEqualTo("20260310");
    assertThat(get(prior, TagFromName.PatientID)).isEqualTo(get(current, TagFromName.PatientID));
    assertThat(study.prior().studyInstanceUid()).isNotEqualTo(study.current().studyInstanceUid());
    assertThat(get(prior, TagFromName.FrameOfReferenceUID))
        .isEqualTo(get(current, TagFromName.FrameOfReferenceUID));
  }

  @Test
  void theNoduleCentreIsSolidTissueInsideAeratedLung() throws Exception {
    CtSeries current = study.current();
    short[] hu = huOf(current.files().get(current.noduleSlice()));
    int c = (int) Math.round(current.noduleColumn());
    int r = (int) Math.round(current.noduleRow());
    assertThat((double) mean(hu, r, c, 1)).isCloseTo(ChestPhantom.NODULE_HU, within(25.0));
    // 15 mm lateral of the nodule is lung
    assertThat((double) mean(hu, r, c - 12, 1)).isCloseTo(ChestPhantom.LUNG_HU, within(25.0));
    // the image corner is air
    assertThat(hu[0]).isEqualTo((short) -1000);
    // the nodule is in the patient's right lung: image left half (columns run to patient left)
    assertThat(current.noduleColumn()).isLessThan(128);
  }

  @Test
  void theNoduleGrewFromSixToEightPointTwoMillimetres() throws Exception {
    double priorVolume = noduleVolumeMm3(study.prior());
    double currentVolume = noduleVolumeMm3(study.current());
    assertThat(priorVolume).isCloseTo(Math.PI / 6 * Math.pow(6.0, 3), within(40.0));
    assertThat(currentVolume).isCloseTo(Math.PI / 6 * Math.pow(8.2, 3), within(60.0));
  }

  @Test
  void generatingAgainWritesTheSameBytes() throws Exception {
    DefaultStudy again = new DefaultStudyGenerator(Optional.empty()).generate(temp.resolve("b"));
    assertThat(again.current().sopInstanceUids()).isEqualTo(study.current().sopInstanceUids());
    assertThat(again.trackingUid()).isEqualTo(study.trackingUid());
    try (Stream<Path> files = Files.walk(study.root())) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Path twin = again.root().resolve(study.root().relativize(f));
        assertThat(Files.readAllBytes(twin)).as(f.toString()).isEqualTo(Files.readAllBytes(f));
      }
    }
    assertThat(DefaultStudyGenerator.isGenerated(again.root())).isTrue();
    assertThat(DefaultStudyGenerator.isGenerated(temp.resolve("nowhere"))).isFalse();
  }

  /**
   * Partial-volume weighted voxel count of the nodule in a box of lung around it, in mm^3. Not
   * clipped: the noise is zero-mean and cancels.
   */
  private static double noduleVolumeMm3(CtSeries series) throws Exception {
    PhantomGeometry g = PhantomGeometry.DEFAULT;
    int c0 = (int) Math.round(series.noduleColumn());
    int r0 = (int) Math.round(series.noduleRow());
    double sum = 0;
    for (int k = series.noduleSlice() - 4; k <= series.noduleSlice() + 4; k++) {
      short[] hu = huOf(series.files().get(k));
      for (int r = r0 - 8; r <= r0 + 8; r++) {
        for (int c = c0 - 8; c <= c0 + 8; c++) {
          double fraction =
              (hu[r * 256 + c] - ChestPhantom.LUNG_HU)
                  / (double) (ChestPhantom.NODULE_HU - ChestPhantom.LUNG_HU);
          sum += fraction;
        }
      }
    }
    return sum * g.pixelSpacingMm() * g.pixelSpacingMm() * g.sliceSpacingMm();
  }

  private static short[] huOf(Path file) throws Exception {
    AttributeList list = read(file);
    short[] stored = list.getPixelData().getShortValues();
    double intercept = list.get(TagFromName.RescaleIntercept).getSingleDoubleValueOrDefault(0);
    short[] hu = Arrays.copyOf(stored, stored.length);
    for (int i = 0; i < hu.length; i++) {
      hu[i] = (short) ((stored[i] & 0xffff) + intercept);
    }
    return hu;
  }

  private static int mean(short[] hu, int r, int c, int half) {
    int sum = 0;
    int n = 0;
    for (int y = r - half; y <= r + half; y++) {
      for (int x = c - half; x <= c + half; x++) {
        sum += hu[y * 256 + x];
        n++;
      }
    }
    return Math.round(sum / (float) n);
  }

  private static AttributeList read(Path file) throws Exception {
    AttributeList list = new AttributeList();
    list.read(file.toFile());
    return list;
  }

  private static String get(AttributeList list, com.pixelmed.dicom.AttributeTag tag) {
    return com.pixelmed.dicom.Attribute.getSingleStringValueOrEmptyString(list, tag);
  }
}
