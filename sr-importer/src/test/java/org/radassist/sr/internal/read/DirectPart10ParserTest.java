package org.radassist.sr.internal.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.radassist.sr.SharedData;

/**
 * The direct parse must give exactly PixelMed's attribute list and document for every file it takes
 * (it exists only to skip PixelMed's trace-string overhead), and must take the plain files.
 */
class DirectPart10ParserTest {

  static Stream<Path> files() {
    return Stream.of("sr", "nasty", "img").flatMap(d -> SharedData.files(d).stream());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void agreesWithPixelMedOnEverySharedFileAndItsMutants(Path file) throws Exception {
    byte[] bytes = Files.readAllBytes(file);
    assertThat(DirectParseOracle.divergence(bytes)).as(file.toString()).isNull();
    Random random = new Random(file.getFileName().toString().hashCode());
    for (int i = 0; i < 12; i++) {
      byte[] cut = Arrays.copyOf(bytes, random.nextInt(bytes.length));
      assertThat(DirectParseOracle.divergence(cut)).as(file + " cut").isNull();
      byte[] flipped = bytes.clone();
      for (int k = 0; k < 3; k++) {
        int at = 132 + random.nextInt(Math.max(1, flipped.length - 132));
        if (at < flipped.length) {
          flipped[at] = (byte) random.nextInt(256);
        }
      }
      assertThat(DirectParseOracle.divergence(flipped)).as(file + " flipped").isNull();
    }
  }

  @Test
  void takesThePlainExplicitLittleEndianFilesIncludingTheLargeDoseReport() throws Exception {
    long taken =
        SharedData.srFiles().stream()
            .filter(
                p -> {
                  try {
                    return DirectParseOracle.covers(Files.readAllBytes(p));
                  } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                  }
                })
            .count();
    assertThat(taken).isGreaterThanOrEqualTo(25);
    assertThat(
            DirectParseOracle.covers(
                Files.readAllBytes(
                    SharedData.dicom("nasty").resolve("openrem_RF-RDSR-Philips_Azurion.dcm"))))
        .isTrue();
  }

  @Test
  void declinesOtherEncodingsSoPixelMedReadsThem() throws Exception {
    // deflated, implicit VR, Latin-2: outside the covered subset
    for (String name :
        new String[] {
          "dcm4che_report_dfl.dcm", "alizams_TESTXX04_SR.dcm", "orthanc_MarekLatin2.dcm"
        }) {
      assertThat(DirectParseOracle.covers(Files.readAllBytes(SharedData.dicom("sr").resolve(name))))
          .as(name)
          .isFalse();
    }
  }
}
