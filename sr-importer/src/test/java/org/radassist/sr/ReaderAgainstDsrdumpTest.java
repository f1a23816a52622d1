package org.radassist.sr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every shared SR file imports, with exactly the content items dcmtk's dsrdump finds. */
class ReaderAgainstDsrdumpTest {
  private final StructuredReportReader reader = StructuredReportReader.create();

  static Stream<Path> srFiles() {
    return SharedData.srFiles().stream();
  }

  @Test
  void theSharedSetHoldsTheThirtyFiveSrFiles() {
    assertThat(SharedData.srFiles()).hasSize(35);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("srFiles")
  void importsWithTheSameContentItemsAsDsrdump(Path file) throws Exception {
    SrDocument doc = reader.read(file);
    Dsrdump.Run oracle = Dsrdump.lenient(file);

    assertThat(oracle.items()).as("dsrdump reads %s", file).isNotEmpty();
    assertThat(doc.itemCount()).isEqualTo(oracle.items().size());
    List<String> ours = doc.items().stream().map(ContentItem::position).toList();
    List<String> theirs = oracle.items().stream().map(Dsrdump.Item::position).toList();
    assertThat(ours).containsExactlyElementsOf(theirs);
    // value types agree too (dsrdump prints "<rel TYPE:..." or "<rel POSITION>" for references)
    List<ContentItem> items = doc.items();
    for (int i = 0; i < items.size(); i++) {
      ContentItem item = items.get(i);
      String body = oracle.items().get(i).body();
      if (item.isByReference()) {
        assertThat(body).endsWith(((ContentValue.Reference) item.value()).targetPosition());
      } else {
        assertThat(body).as("item %s", item.position()).contains(item.valueType().name() + ":");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("srFiles")
  void headerIdentifiesTheDocument(Path file) throws Exception {
    SrDocument doc = reader.read(file);
    assertThat(doc.iod()).isNotEqualTo(SrIod.OTHER);
    assertThat(doc.sopInstanceUid()).isNotBlank();
    assertThat(doc.root().valueType()).isEqualTo(ValueType.CONTAINER);
  }
}
