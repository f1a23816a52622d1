package org.radassist.drafting.service.internal.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.radassist.model.SectionKind;

/** Sections come out of a streaming answer the moment their string value is complete. */
class SectionStreamerTest {
  private final SectionStreamer streamer = new SectionStreamer(new ObjectMapper().getFactory());

  private List<SectionStreamer.Section> feedAll(String... pieces) {
    List<SectionStreamer.Section> out = new ArrayList<>();
    for (String p : pieces) {
      out.addAll(streamer.feed(p));
    }
    return out;
  }

  @Test
  void aSectionIsReleasedWithThePieceThatClosesItsString() {
    assertThat(streamer.feed("{\"sections\":{\"findings\":\"New 8.2 mm ")).isEmpty();
    assertThat(streamer.feed("nodule.\",\"impre"))
        .containsExactly(new SectionStreamer.Section(SectionKind.FINDINGS, "New 8.2 mm nodule."));
    assertThat(streamer.feed("ssion\":\"Nodule \\\"4A\\\".\"}"))
        .containsExactly(new SectionStreamer.Section(SectionKind.IMPRESSION, "Nodule \"4A\"."));
  }

  @Test
  void stringsOutsideTheSectionsObjectAreNotSections() {
    List<SectionStreamer.Section> out =
        feedAll(
            "{\"impressions\":[{\"text\":\"x\",\"findings\":\"not a section\"}],",
            "\"findings\":\"top level, not a section\",",
            "\"sections\":{\"comparison\":\"None.\",\"nonsense\":\"unknown key\"}}");
    assertThat(out).containsExactly(new SectionStreamer.Section(SectionKind.COMPARISON, "None."));
  }

  @Test
  void aMarkdownFenceBeforeTheObjectIsSkipped() {
    assertThat(feedAll("```json\n", "{\"sections\":{\"findings\":\"Clear.\"}}\n```"))
        .containsExactly(new SectionStreamer.Section(SectionKind.FINDINGS, "Clear."));
  }

  @Test
  void aRepeatedSectionIsReleasedOnlyOnce() {
    assertThat(feedAll("{\"sections\":{\"findings\":\"A.\",\"findings\":\"B.\"}}"))
        .containsExactly(new SectionStreamer.Section(SectionKind.FINDINGS, "A."));
  }

  @Test
  void afterMalformedJsonNothingMoreIsReleased() {
    assertThat(feedAll("{\"sections\":{\"findings\" \"A.\"", ",\"impression\":\"B.\"}}")).isEmpty();
  }

  @Test
  void multiByteTextSplitAcrossPiecesSurvives() {
    assertThat(feedAll("{\"sections\":{\"findings\":\"Gr\u00f6", "\u00dfe 8 mm \u2014 ok.\"}}"))
        .containsExactly(
            new SectionStreamer.Section(SectionKind.FINDINGS, "Gr\u00f6\u00dfe 8 mm \u2014 ok."));
  }
}
