package org.radassist.drafting.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.radassist.drafting.DictationChunk;
import org.radassist.drafting.DraftRequest;
import org.radassist.drafting.testing.IdentifierDictation;
import org.radassist.drafting.wire.DraftWire;
import org.radassist.model.CodedConcept;
import org.radassist.model.Finding;
import org.radassist.model.FindingSource;
import org.radassist.model.Sex;
import org.radassist.model.StudyContext;

/** The one request factory, as any caller (a vendor's host among them) uses it. */
class DraftRequestFactoryTest {
  private static final StudyContext STUDY = IdentifierDictation.STUDY;

  @Test
  void aRequestCarriesTokensAgeAndScrubbedTextOnly() {
    DraftRequestFactory factory = DraftRequestFactory.newSession();
    StudyContext prior =
        new StudyContext(
            "1.2.826.0.1.3680043.8.498.55",
            "ACC1",
            "PID7788123",
            null,
            "Oakley^Annie",
            LocalDate.of(1958, 5, 2),
            Sex.F,
            List.of("CT"),
            "CHEST",
            LocalDate.of(2025, 11, 3),
            null);
    DraftRequest r =
        factory.request(
            STUDY,
            new RequestContent(
                "Screening for Annie Oakley (MRN PID7788123), 30 pack-years",
                List.of(new DictationChunk(3, true, IdentifierDictation.TEXT)),
                List.of(
                    new PriorStudy(prior, "Nodule 6 mm, discussed with Dr. Alan Grant", "Stable"),
                    new PriorStudy(STUDY, "the open study itself", "")),
                null,
                null,
                null,
                null));

    String json = DraftWire.create().writeRequest(r);
    IdentifierDictation.assertNoneLeaves(json);
    IdentifierDictation.assertFindingsSent(json);
    assertThat(r.study().token()).startsWith("st-");
    assertThat(r.session()).startsWith("se-");
    assertThat(r.patient().ageYears()).isEqualTo(68);
    assertThat(r.dictation().get(0).seq()).isEqualTo(3);
    assertThat(r.dictationText()).contains("DOB [age 68]").contains("compared with [day -382]");
    assertThat(r.priors()).hasSize(1);
    assertThat(r.priors().get(0).relativeDays()).isEqualTo(-382);
    assertThat(r.priors().get(0).findings()).isEqualTo("Nodule 6 mm, discussed with [NAME]");
    assertThat(r.indication()).isEqualTo("Screening for [NAME] [NAME] (MRN [ID]), 30 pack-years");
  }

  @Test
  void tokensAreKeyedPerSessionAndAResumedSessionRepeatsThem() {
    DraftRequestFactory a = DraftRequestFactory.newSession();
    DraftRequestFactory b = DraftRequestFactory.newSession();
    assertThat(a.token("st", STUDY.studyInstanceUid()))
        .isEqualTo(a.token("st", STUDY.studyInstanceUid()))
        .isNotEqualTo(b.token("st", STUDY.studyInstanceUid()));
    DraftRequestFactory resumed = DraftRequestFactory.resumed(a.sessionKey());
    assertThat(resumed.request(STUDY, RequestContent.dictation("lungs clear")))
        .isEqualTo(a.request(STUDY, RequestContent.dictation("lungs clear")));
    assertThatThrownBy(() -> DraftRequestFactory.resumed(new byte[3]))
        .hasMessage("a session key has 32 bytes, not 3");
  }

  @Test
  void ninetyAndOverIsOneBand() {
    StudyContext old =
        new StudyContext(
            "1.2.3.4",
            null,
            null,
            null,
            null,
            LocalDate.of(1920, 1, 1),
            Sex.M,
            List.of("CR"),
            null,
            LocalDate.of(2026, 1, 1),
            null);
    DraftRequest r = DraftRequestFactory.newSession().request(old, RequestContent.dictation(""));
    assertThat(r.patient().ageBand()).isEqualTo("90+");
  }

  @Test
  void anAiFindingHasTheContractsSourceSpellingAndNoUid() {
    Finding f =
        new Finding(
            "f1",
            new CodedConcept("RID50149", "RADLEX", "Pulmonary nodule"),
            null,
            null,
            "1.2.826.0.1.3680043.8.498.1000",
            null,
            null,
            null,
            null,
            0.9,
            null,
            new FindingSource("1.2.826.0.1.3680043.8.498.999", "TID 1500", "1.2"));
    var ai = DraftRequestFactory.newSession().aiResult(f, STUDY);
    assertThat(ai.source()).isEqualTo("sr:TID1500");
    assertThat(ai.finding()).isEqualTo("Pulmonary nodule");
    assertThat(ai.toString()).doesNotContain("1.2.826");
  }

  /**
   * The factory is the only way: no main source of any module constructs a DraftRequest, apart from
   * the factory's implementation and the wire codec that reads one on the service's side.
   */
  @Test
  void noOtherMainSourceBuildsARequest() throws IOException {
    Path root = Path.of("../..");
    List<String> builders = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String s = p.toString().replace('\\', '/');
        if (!s.contains("/src/main/") || s.contains("/target/")) {
          continue;
        }
        if (Files.readString(p).contains("new DraftRequest(")) {
          builders.add(s.substring(s.indexOf("/", 5) + 1));
        }
      }
    }
    assertThat(builders)
        .containsExactlyInAnyOrder(
            "bundles/drafting/src/main/java/org/radassist/drafting/internal/request/SessionRequestFactory.java",
            "bundles/drafting/src/main/java/org/radassist/drafting/internal/wire/JsonDraftWire.java");
  }
}
