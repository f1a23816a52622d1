package org.radassist.priors.internal.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.radassist.priors.testing.Lesions.LLL;
import static org.radassist.priors.testing.Lesions.MASS;
import static org.radassist.priors.testing.Lesions.RUL;
import static org.radassist.priors.testing.Lesions.lesion;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.radassist.model.Finding;
import org.radassist.priors.FindingMatch;
import org.radassist.priors.MatchBasis;

class FindingMatcherTest {

  private final FindingMatcher matcher = new FindingMatcher(20);

  @Test
  void trackingUidWinsOverEverythingElse() {
    Finding before =
        lesion("p1").site(RUL).uid("2.25.1").identifier("Nodule 1").at(0, 0, 0).build();
    Finding decoy = lesion("p2").site(RUL).identifier("Nodule 2").at(100, 0, 0).build();
    // same UID as p1 but labelled and placed like p2
    Finding now = lesion("c1").site(RUL).uid("2.25.1").identifier("Nodule 2").at(100, 0, 0).build();

    MatchResult result = matcher.match(List.of(before, decoy), List.of(now));

    assertThat(result.matches())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.prior()).isSameAs(before);
              assertThat(m.basis()).isEqualTo(MatchBasis.TRACKING_UID);
              assertThat(m.confidence()).isEqualTo(1.0);
            });
    assertThat(result.unmatchedPrior()).containsExactly(decoy);
  }

  @Test
  void trackingIdentifierIgnoresCaseAndSpacing() {
    Finding before = lesion("p1").site(RUL).identifier("Nodule  1").build();
    Finding now = lesion("c1").site(LLL).identifier(" nodule 1").build();

    FindingMatch match = matcher.match(List.of(before), List.of(now)).matches().get(0);

    assertThat(match.basis()).isEqualTo(MatchBasis.TRACKING_IDENTIFIER);
    assertThat(match.confidence()).isEqualTo(0.9);
  }

  @Test
  void trackingIdentifierOnADifferentFindingTypeIsLessCertain() {
    Finding before = lesion("p1").type(MASS).identifier("Lesion A").build();
    Finding now = lesion("c1").identifier("Lesion A").build();

    assertThat(matcher.match(List.of(before), List.of(now)).matches().get(0).confidence())
        .isEqualTo(0.7);
  }

  @Test
  void positionPairsTheClosestFindingsOfTheSameTypeAndSite() {
    Finding a = lesion("pa").site(RUL).axes("6", "5", "mm").at(10, 10, 10).build();
    Finding b = lesion("pb").site(RUL).axes("6", "5", "mm").at(40, 10, 10).build();
    Finding nearB = lesion("cb").site(RUL).axes("6", "5", "mm").at(42, 12, 9).build();
    Finding nearA = lesion("ca").site(RUL).axes("6", "5", "mm").at(11, 9, 10).build();

    MatchResult result = matcher.match(List.of(a, b), List.of(nearB, nearA));

    assertThat(result.matches())
        .extracting(m -> m.prior().id() + "->" + m.current().id())
        .containsExactlyInAnyOrder("pa->ca", "pb->cb");
    assertThat(result.matches())
        .allSatisfy(
            m -> {
              assertThat(m.basis()).isEqualTo(MatchBasis.TYPE_SITE_POSITION);
              assertThat(m.confidence()).isBetween(0.5, 0.85);
              assertThat(m.distanceMillimetres()).isLessThan(4);
            });
  }

  @Test
  void positionsFartherThanTheToleranceAreDifferentLesions() {
    Finding before = lesion("p").site(RUL).at(0, 0, 0).build();
    Finding now = lesion("c").site(RUL).at(0, 0, 20.5).build();

    MatchResult result = matcher.match(List.of(before), List.of(now));

    assertThat(result.matches()).isEmpty();
    assertThat(result.unmatchedPrior()).containsExactly(before);
    assertThat(result.unmatchedCurrent()).containsExactly(now);
  }

  @Test
  void differentSitesNeverMatchWithoutTracking() {
    Finding before = lesion("p").site(RUL).build();
    Finding now = lesion("c").site(LLL).build();

    assertThat(matcher.match(List.of(before), List.of(now)).matches()).isEmpty();
  }

  @Test
  void theOnlyCandidateWithoutPositionMatchesWithModerateConfidence() {
    Finding before = lesion("p").site(RUL).axes("6", "5", "mm").build();
    Finding now = lesion("c").site(RUL).axes("8", "7", "mm").at(1, 2, 3).build();

    FindingMatch match = matcher.match(List.of(before), List.of(now)).matches().get(0);

    assertThat(match.basis()).isEqualTo(MatchBasis.TYPE_SITE);
    assertThat(match.confidence()).isEqualTo(0.6);
  }

  @Test
  void severalCandidatesWithoutPositionPairByNearestSizeAndSaySo() {
    Finding small = lesion("ps").site(RUL).diameter("4", "mm").build();
    Finding big = lesion("pb").site(RUL).diameter("12", "mm").build();
    Finding nowBig = lesion("cb").site(RUL).diameter("13", "mm").build();
    Finding nowSmall = lesion("cs").site(RUL).diameter("4.5", "mm").build();

    MatchResult result = matcher.match(List.of(small, big), List.of(nowSmall, nowBig));

    assertThat(result.matches())
        .extracting(m -> m.prior().id() + "->" + m.current().id())
        .containsExactlyInAnyOrder("ps->cs", "pb->cb");
    assertThat(result.matches()).allSatisfy(m -> assertThat(m.confidence()).isEqualTo(0.4));
    assertThat(result.notes()).singleElement().asString().contains("ambiguous");
  }

  @Test
  void unmatchedOnBothSidesAreReported() {
    Finding gone = lesion("p").site(LLL).uid("2.25.9").build();
    Finding fresh = lesion("c").site(RUL).uid("2.25.10").build();

    MatchResult result = matcher.match(List.of(gone), List.of(fresh));

    assertThat(result.unmatchedPrior()).containsExactly(gone);
    assertThat(result.unmatchedCurrent()).containsExactly(fresh);
  }

  @Test
  void manyFindingsOnAGridAllMatchTheirNeighbour() {
    List<Finding> before = new java.util.ArrayList<>();
    List<Finding> after = new java.util.ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      double x = (i % 20) * 30.0;
      double y = ((i / 20) % 10) * 30.0;
      double z = (i / 200) * 30.0;
      before.add(lesion("p" + i).site(RUL).at(x, y, z).build());
      after.add(lesion("c" + i).site(RUL).at(x + 2, y - 1, z + 1).build());
    }
    java.util.Collections.reverse(after);

    MatchResult result = matcher.match(before, after);

    assertThat(result.matches()).hasSize(2000);
    assertThat(result.matches())
        .allSatisfy(
            m -> assertThat(m.prior().id().substring(1)).isEqualTo(m.current().id().substring(1)));
  }
}
