package org.radassist.sr.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.radassist.sr.Narrative;
import org.radassist.sr.ReadLimits;
import org.radassist.sr.ReportView;
import org.radassist.sr.SharedData;
import org.radassist.sr.SrDocument;
import org.radassist.sr.SrReadException;
import org.radassist.sr.SrValidation;
import org.radassist.sr.StructuredReportReader;
import org.radassist.sr.TreeViewNode;
import org.radassist.sr.internal.read.DirectParseOracle;

/**
 * Fuzz target over the whole import path (Part 10 and DICOM JSON): reading may only fail with
 * {@link SrReadException}; whatever reads must also survive the template views, the narrative, the
 * tree view and validation. In the normal test run Jazzer replays the regression inputs under
 * src/test/resources/.../SrReaderFuzzTestInputs and the shared seed files are replayed below; the
 * long campaign is {@code sr-importer/fuzz} (see docs/sr.md).
 */
class SrReaderFuzzTest {
  private static final StructuredReportReader READER =
      StructuredReportReader.create(new ReadLimits(64, 200_000, 16L * 1024 * 1024));

  /**
   * libFuzzer-style entry point for the standalone Jazzer driver (the long campaign): the import
   * path, and the direct Part 10 parse must agree with PixelMed's wherever it takes the input.
   */
  public static void fuzzerTestOneInput(byte[] data) {
    importPath(data);
    String divergence = DirectParseOracle.divergence(data);
    if (divergence != null) {
      throw new AssertionError("direct parse differs from PixelMed: " + divergence);
    }
  }

  private static void importPath(byte[] data) {
    SrDocument d;
    try {
      d =
          data.length > 0 && data[0] == '{' || data.length > 0 && data[0] == '['
              ? READER.readJson(new ByteArrayInputStream(data), "fuzz.json")
              : READER.read(data, "fuzz.dcm");
    } catch (SrReadException expected) {
      return;
    }
    ReportView v = ReportView.of(d);
    Narrative.html(v);
    TreeViewNode.of(d);
    SrValidation.check(d);
  }

  @FuzzTest(maxDuration = "10s")
  void importNeverFailsUnexpectedly(byte[] data) {
    fuzzerTestOneInput(data);
  }

  static Stream<Path> seeds() {
    return Stream.of("sr", "nasty", "img").flatMap(d -> SharedData.files(d).stream());
  }

  /** Every seed, and cut-off and bit-flipped variants of it, goes through the target cleanly. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("seeds")
  void seedsAndTheirMutantsReplayCleanly(Path seed) throws Exception {
    byte[] bytes = Files.readAllBytes(seed);
    // the differential check over seeds and mutants is DirectPart10ParserTest's
    importPath(bytes);
    java.util.Random random = new java.util.Random(seed.getFileName().toString().hashCode());
    for (int i = 0; i < 8; i++) {
      importPath(Arrays.copyOf(bytes, random.nextInt(bytes.length)));
      byte[] flipped = bytes.clone();
      for (int k = 0; k < 4; k++) {
        int at = 128 + random.nextInt(Math.max(1, flipped.length - 128));
        if (at < flipped.length) {
          flipped[at] = (byte) random.nextInt(256);
        }
      }
      importPath(flipped);
    }
  }
}
