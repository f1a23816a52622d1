package org.radassist.sr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TransferSyntax;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.radassist.sr.internal.read.Tags;

/** Malformed input gives a clear error or a clearly marked partial result, quickly. */
class BadInputTest {
  private static final Duration QUICK = Duration.ofSeconds(10);
  private final StructuredReportReader reader = StructuredReportReader.create();

  static Stream<Path> nastyFiles() {
    return SharedData.files("nasty").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nastyFiles")
  void everyNastyFileIsRejectedOrMarkedWithinSeconds(Path file) {
    assertTimeoutPreemptively(
        QUICK,
        () -> {
          try {
            SrDocument d = reader.read(file);
            // readable: either clean (the huge RDSRs) or a marked partial result with reasons
            assertThat(d.partial() ? d.problems() : List.of(Problem.warning("", "ok")))
                .isNotEmpty();
            ReportView v = ReportView.of(d);
            assertThat(Narrative.lines(v)).isNotEmpty();
          } catch (SrReadException e) {
            assertThat(e.getMessage()).startsWith(file.toString() + ": ").doesNotContain("\tat ");
          }
        });
  }

  @Test
  void theHundredThousandDeepFileIsRefusedWithoutParsing() {
    Path file = SharedData.dicom("nasty").resolve("orthanc_Deeply-Nested-Sequence.dcm");
    assertTimeoutPreemptively(
        QUICK,
        () ->
            assertThatThrownBy(() -> reader.read(file))
                .isInstanceOf(SrReadException.class)
                .hasMessageContaining("nested more than"));
  }

  @Test
  void aHundredThousandDeepContentTreeIsRefusedAndAShallowerOneIsCapped() throws Exception {
    byte[] deep = Fixtures.deeplyNestedSr(100_000);
    assertTimeoutPreemptively(
        QUICK,
        () ->
            assertThatThrownBy(() -> reader.read(deep, "deep.dcm"))
                .isInstanceOf(SrReadException.class)
                .hasMessageContaining("deep.dcm: sequences nested more than"));

    SrDocument capped = reader.read(Fixtures.deeplyNestedSr(70), "seventy.dcm");
    assertThat(capped.partial()).isTrue();
    assertThat(capped.problems())
        .anySatisfy(p -> assertThat(p.message()).contains("nested deeper than 64 levels"));
    assertThat(capped.itemCount()).isEqualTo(64);

    SrDocument fine = reader.read(Fixtures.deeplyNestedSr(40), "forty.dcm");
    assertThat(fine.partial()).isFalse();
    assertThat(fine.itemCount()).isEqualTo(41);
  }

  @ParameterizedTest
  @ValueSource(ints = {10, 50, 90, 99})
  void truncatedFilesAreDetectedAndMarkedPartial(int percent) throws Exception {
    byte[] whole = Files.readAllBytes(SharedData.dicom("sr").resolve("dcmqi_sr-example_sr.dcm"));
    byte[] cut = Arrays.copyOf(whole, whole.length * percent / 100);
    assertTimeoutPreemptively(
        QUICK,
        () -> {
          try {
            SrDocument d = reader.read(cut, "cut.dcm");
            assertThat(d.partial()).isTrue();
            assertThat(d.problems())
                .anySatisfy(p -> assertThat(p.message()).containsAnyOf("truncated", "ends inside"));
          } catch (SrReadException e) {
            assertThat(e.getMessage()).startsWith("cut.dcm: ");
          }
        });
  }

  @Test
  void rootWithoutValueTypeIsReported() throws Exception {
    byte[] b =
        Fixtures.rewrite(
            SharedData.dicom("sr").resolve("highdicom_sr_document.dcm"),
            l -> l.remove(Tags.VALUE_TYPE));
    SrDocument d = reader.read(b, "novt.dcm");
    assertThat(d.partial()).isTrue();
    assertThat(d.problems())
        .anySatisfy(p -> assertThat(p.message()).contains("root item has no Value Type"));
  }

  @Test
  void missingSopInstanceUidIsReported() throws Exception {
    byte[] b =
        Fixtures.rewrite(
            SharedData.dicom("sr").resolve("offis_report01.dcm"),
            l -> l.remove(Tags.SOP_INSTANCE_UID),
            TransferSyntax.ExplicitVRLittleEndian,
            false);
    SrDocument d = reader.read(b, "nouid.dcm");
    assertThat(d.partial()).isTrue();
    assertThat(d.problems()).anySatisfy(p -> assertThat(p.message()).contains("SOP Instance UID"));
  }

  @Test
  void cyclicReferencesAreShownAndMarkedNotFollowed() throws Exception {
    SrDocument d = reader.read(SharedData.dicom("sr").resolve("offis_reportlp.dcm"));
    ContentItem ref = d.byPosition().get("1.1.1");
    assertThat(ref.value()).isEqualTo(new ContentValue.Reference("1.2", true, true));
    assertThat(d.resolve(ref)).hasValueSatisfying(t -> assertThat(t.position()).isEqualTo("1.2"));
  }

  @Test
  void danglingReferencesAreErrors() throws Exception {
    byte[] b =
        Fixtures.rewrite(
            SharedData.dicom("sr").resolve("offis_reportlp.dcm"),
            l -> {
              try {
                AttributeList item = nested(l, 0, 0); // item 1.1.1
                Attribute a = item.get(Tags.REFERENCED_CONTENT_ITEM_IDENTIFIER);
                a.removeValues();
                a.addValue(1L);
                a.addValue(9L);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    SrDocument d = reader.read(b, "dangling.dcm");
    assertThat(d.byPosition().get("1.1.1").value())
        .isEqualTo(new ContentValue.Reference("1.9", false, false));
    assertThat(d.problems())
        .anySatisfy(
            p -> assertThat(p.toString()).contains("1.1.1: by-reference item points at 1.9"));
  }

  @Test
  void emptyNumericValuesAreWarningsAndTheViewSaysWhy() throws Exception {
    SrDocument d =
        reader.read(SharedData.dicom("nasty").resolve("openrem_RF-RDSR-Philips_Azurion.dcm"));
    assertThat(d.problems())
        .anySatisfy(p -> assertThat(p.message()).contains("empty Numeric Value"));
    assertThat(d.partial()).isFalse();
  }

  @Test
  void wrongVrAndNonDicomInputGiveOneClearReason() {
    Path wrongVr = SharedData.dicom("nasty").resolve("dcm4che_Tag-0040-A170-VR-CS.dcm");
    assertThatThrownBy(() -> reader.read(wrongVr))
        .isInstanceOf(SrReadException.class)
        .hasMessageStartingWith(wrongVr + ": ");
    byte[] noise = new byte[4096];
    new java.util.Random(7).nextBytes(noise);
    assertThatThrownBy(() -> reader.read(noise, "noise.bin"))
        .isInstanceOf(SrReadException.class)
        .hasMessageStartingWith("noise.bin: ");
  }

  static Stream<String> transferSyntaxes() {
    return Stream.of(
        TransferSyntax.ImplicitVRLittleEndian,
        TransferSyntax.ExplicitVRBigEndian,
        TransferSyntax.DeflatedExplicitVRLittleEndian,
        TransferSyntax.ExplicitVRLittleEndian);
  }

  @ParameterizedTest
  @MethodSource("transferSyntaxes")
  void everyTransferSyntaxReadsIntoTheSameTree(String ts) throws Exception {
    for (String name :
        List.of("offis_test-SR.dcm", "highdicom_sr_document_with_multiple_groups.dcm")) {
      Path file = SharedData.dicom("sr").resolve(name);
      SrDocument original = reader.read(file);
      SrDocument withMeta = reader.read(Fixtures.rewrite(file, l -> {}, ts, true), name);
      assertThat(withMeta.root()).isEqualTo(original.root());
      if (!ts.equals(TransferSyntax.DeflatedExplicitVRLittleEndian)
          && !ts.equals(TransferSyntax.ExplicitVRBigEndian)) {
        SrDocument bare = reader.read(Fixtures.rewrite(file, l -> {}, ts, false), name);
        assertThat(bare.root()).isEqualTo(original.root());
      }
    }
  }

  private static AttributeList nested(AttributeList root, int... path) {
    AttributeList cur = root;
    for (int index : path) {
      SequenceAttribute s = (SequenceAttribute) cur.get(Tags.CONTENT_SEQUENCE);
      cur = s.getItem(index).getAttributeList();
    }
    return cur;
  }
}
