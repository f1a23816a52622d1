package org.radassist.priors.internal.compare;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.radassist.model.Finding;
import org.radassist.model.StudyContext;
import org.radassist.priors.ChangeKind;
import org.radassist.priors.ChangeRecord;
import org.radassist.priors.ComparisonSummary;
import org.radassist.priors.FindingMatch;
import org.radassist.priors.LookupStatus;
import org.radassist.priors.PriorStudy;
import org.radassist.priors.SizeMetric;
import org.radassist.priors.SumOfDiameters;
import org.radassist.priors.TrendPoint;
import org.radassist.priors.TrendSeries;
import org.radassist.priors.internal.change.ChangeCalculator;
import org.radassist.priors.internal.change.FindingSize;
import org.radassist.priors.internal.change.Organ;
import org.radassist.priors.internal.change.SizeChange;
import org.radassist.priors.internal.match.FindingMatcher;
import org.radassist.priors.internal.match.MatchResult;
import org.radassist.priors.internal.text.ComparisonWriter;
import org.radassist.priors.internal.text.Labels;

/**
 * Follows each lesion through the patient's measured studies, oldest to newest, and compares the
 * current study with the most recent prior each lesion was seen in. Lesions are chained study by
 * study (each study is matched against the last sighting of every lesion so far), so a lesion keeps
 * its identity over the whole history and its trend can be drawn.
 */
public final class ComparisonEngine {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final FindingMatcher matcher;
  private final ChangeCalculator calculator;
  private final ComparisonWriter writer;

  public ComparisonEngine(
      FindingMatcher matcher, ChangeCalculator calculator, ComparisonWriter writer) {
    this.matcher = matcher;
    this.calculator = calculator;
    this.writer = writer;
  }

  public static ComparisonEngine defaults() {
    return new ComparisonEngine(
        FindingMatcher.defaults(), ChangeCalculator.defaults(), new ComparisonWriter());
  }

  /** One sighting of a lesion. */
  private record Sighting(Finding finding, StudyContext study, FindingMatch match) {
    LocalDate date() {
      return study.studyDate();
    }
  }

  private static final class Track {
    final List<Sighting> sightings = new ArrayList<>();

    Sighting last() {
      return sightings.get(sightings.size() - 1);
    }
  }

  public ComparisonSummary compare(
      StudyContext current, List<Finding> currentFindings, List<PriorStudy> priors) {
    return compare(current, currentFindings, priors, LookupStatus.OK, "", List.of());
  }

  public ComparisonSummary compare(
      StudyContext current,
      List<Finding> currentFindings,
      List<PriorStudy> priors,
      LookupStatus status,
      String statusMessage,
      List<String> lookupNotes) {
    List<String> notes = new ArrayList<>(lookupNotes);
    List<PriorStudy> earlier = new ArrayList<>();
    for (PriorStudy prior : priors) {
      if (prior.studyInstanceUid().equals(current.studyInstanceUid())) {
        continue;
      }
      if (isAfter(prior.study().studyDate(), current.studyDate())) {
        notes.add("study " + Labels.of(prior.study()) + " is later than the current one: ignored");
        continue;
      }
      earlier.add(prior);
    }
    // newest first for the paragraph; undated last
    earlier.sort(
        Comparator.comparing(
                (PriorStudy p) -> p.study().studyDate(),
                Comparator.nullsFirst(Comparator.<LocalDate>naturalOrder()))
            .reversed());
    List<StudyContext> compared = earlier.stream().map(PriorStudy::study).toList();

    List<PriorStudy> measured =
        new ArrayList<>(earlier.stream().filter(p -> !p.findings().isEmpty()).toList());
    measured.sort(
        Comparator.comparing(
            (PriorStudy p) -> p.study().studyDate(),
            Comparator.nullsFirst(Comparator.<LocalDate>naturalOrder())));

    // chain every measured study, oldest first, then the current one
    List<Track> tracks = new ArrayList<>();
    for (PriorStudy prior : measured) {
      notes.addAll(extend(tracks, prior.study(), prior.findings()).notes());
    }
    MatchResult currentStep = null;
    if (!currentFindings.isEmpty()) {
      currentStep = extend(tracks, current, currentFindings);
      notes.addAll(currentStep.notes());
    }

    LocalDate lastMeasuredDate =
        measured.isEmpty() ? null : measured.get(measured.size() - 1).study().studyDate();
    List<ChangeRecord> changes = new ArrayList<>();
    if (!currentFindings.isEmpty() && !measured.isEmpty()) {
      for (Track track : tracks) {
        ChangeRecord change = changeOf(track, current, lastMeasuredDate);
        if (change != null) {
          changes.add(change);
        }
      }
    }
    changes.sort(Comparator.comparing(ChangeRecord::kind).thenComparing(ComparisonEngine::bySize));

    List<TrendSeries> trends = tracks.stream().map(ComparisonEngine::trendOf).toList();
    SumOfDiameters sum =
        measured.isEmpty()
            ? null
            : sumOfDiameters(tracks, current, measured.get(measured.size() - 1).study());
    String paragraph =
        writer.paragraph(
            compared,
            status == LookupStatus.UNAVAILABLE,
            statusMessage,
            !measured.isEmpty(),
            !currentFindings.isEmpty(),
            changes,
            sum);
    List<FindingMatch> matches = currentStep == null ? List.of() : currentStep.matches();
    return new ComparisonSummary(
        current, paragraph, compared, changes, matches, trends, sum, status, statusMessage, notes);
  }

  private MatchResult extend(List<Track> tracks, StudyContext study, List<Finding> findings) {
    List<Finding> lastSightings = new ArrayList<>(tracks.size());
    Map<Finding, Track> trackOf = new IdentityHashMap<>();
    for (Track track : tracks) {
      lastSightings.add(track.last().finding());
      trackOf.put(track.last().finding(), track);
    }
    MatchResult result = matcher.match(lastSightings, findings);
    for (FindingMatch m : result.matches()) {
      trackOf.get(m.prior()).sightings.add(new Sighting(m.current(), study, m));
    }
    for (Finding unmatched : result.unmatchedCurrent()) {
      Track track = new Track();
      track.sightings.add(new Sighting(unmatched, study, null));
      tracks.add(track);
    }
    return result;
  }

  private ChangeRecord changeOf(Track track, StudyContext current, LocalDate lastMeasuredDate) {
    Sighting last = track.last();
    boolean seenNow = last.study() == current;
    if (seenNow && track.sightings.size() == 1) {
      Finding finding = last.finding();
      FindingSize size = FindingSize.of(finding);
      SizeMetric metric = size.preferredMetric();
      BigDecimal now = size.in(metric).orElse(null);
      String label = Labels.of(finding);
      String sentence =
          writer.sentence(
              ChangeKind.NEW,
              label,
              metric,
              null,
              now,
              null,
              null,
              lastMeasuredDate,
              current.studyDate(),
              null,
              false,
              false,
              null);
      return new ChangeRecord(
          ChangeKind.NEW,
          label,
          finding.trackingUid(),
          finding.trackingIdentifier(),
          finding,
          null,
          null,
          lastMeasuredDate,
          current.studyDate(),
          null,
          metric,
          null,
          now,
          null,
          null,
          null,
          size.volume(),
          null,
          false,
          false,
          null,
          null,
          sentence);
    }
    if (!seenNow) {
      Finding finding = last.finding();
      FindingSize size = FindingSize.of(finding);
      SizeMetric metric = size.preferredMetric();
      BigDecimal then = size.in(metric).orElse(null);
      String label = Labels.of(finding);
      String sentence =
          writer.sentence(
              ChangeKind.RESOLVED,
              label,
              metric,
              then,
              null,
              null,
              null,
              last.date(),
              current.studyDate(),
              null,
              false,
              false,
              null);
      return new ChangeRecord(
          ChangeKind.RESOLVED,
          label,
          finding.trackingUid(),
          finding.trackingIdentifier(),
          null,
          finding,
          last.study().studyInstanceUid(),
          last.date(),
          current.studyDate(),
          days(last.date(), current.studyDate()),
          metric,
          then,
          null,
          null,
          null,
          size.volume(),
          null,
          null,
          false,
          false,
          null,
          null,
          sentence);
    }
    Sighting before = track.sightings.get(track.sightings.size() - 2);
    Finding finding = last.finding();
    FindingSize nowSize = FindingSize.of(finding);
    FindingSize thenSize = FindingSize.of(before.finding());
    SizeChange change =
        calculator.compute(
            thenSize, before.date(), nowSize, current.studyDate(), Organ.of(finding));
    LocalDate stableSince = null;
    if (change.kind() == ChangeKind.STABLE) {
      stableSince = before.date();
      for (int k = track.sightings.size() - 2; k >= 0; k--) {
        Sighting s = track.sightings.get(k);
        BigDecimal size = FindingSize.of(s.finding()).in(change.metric()).orElse(null);
        if (size == null || !calculator.isStable(change.metric(), size, change.currentSize())) {
          break;
        }
        stableSince = s.date();
      }
    }
    String label = Labels.of(finding);
    String sentence =
        writer.sentence(
            change.kind(),
            label,
            change.metric(),
            change.priorSize(),
            change.currentSize(),
            change.absoluteChange(),
            change.relativeChangePercent(),
            before.date(),
            current.studyDate(),
            change.volumeDoublingTimeDays(),
            change.lungRadsGrowth(),
            change.liRadsThresholdGrowth(),
            stableSince);
    return new ChangeRecord(
        change.kind(),
        label,
        firstNonNull(finding.trackingUid(), before.finding().trackingUid()),
        firstNonNull(finding.trackingIdentifier(), before.finding().trackingIdentifier()),
        finding,
        before.finding(),
        before.study().studyInstanceUid(),
        before.date(),
        current.studyDate(),
        change.intervalDays(),
        change.metric(),
        change.priorSize(),
        change.currentSize(),
        change.absoluteChange(),
        change.relativeChangePercent(),
        change.priorVolume(),
        change.currentVolume(),
        change.volumeDoublingTimeDays(),
        change.lungRadsGrowth(),
        change.liRadsThresholdGrowth(),
        stableSince,
        last.match(),
        sentence);
  }

  private static TrendSeries trendOf(Track track) {
    Finding latest = track.last().finding();
    SizeMetric metric = FindingSize.of(latest).preferredMetric();
    List<TrendPoint> points = new ArrayList<>();
    String uid = null;
    String identifier = null;
    for (Sighting s : track.sightings) {
      FindingSize size = FindingSize.of(s.finding());
      BigDecimal value = size.in(metric).orElse(null);
      points.add(
          new TrendPoint(
              s.date(),
              s.study().studyInstanceUid(),
              metric == SizeMetric.VOLUME ? null : value,
              size.volume()));
      uid = firstNonNull(s.finding().trackingUid(), uid);
      identifier = firstNonNull(s.finding().trackingIdentifier(), identifier);
    }
    return new TrendSeries(Labels.of(latest), uid, identifier, metric, points);
  }

  private static SumOfDiameters sumOfDiameters(
      List<Track> tracks, StudyContext current, StudyContext lastMeasured) {
    BigDecimal now = BigDecimal.ZERO;
    BigDecimal then = BigDecimal.ZERO;
    int lesions = 0;
    for (Track track : tracks) {
      Map<StudyContext, Finding> byStudy = new HashMap<>();
      for (Sighting s : track.sightings) {
        byStudy.put(s.study(), s.finding());
      }
      Finding a = byStudy.get(current);
      Finding b = byStudy.get(lastMeasured);
      if (a == null || b == null) {
        continue;
      }
      BigDecimal la = FindingSize.of(a).longest();
      BigDecimal lb = FindingSize.of(b).longest();
      if (la != null && lb != null) {
        now = now.add(la);
        then = then.add(lb);
        lesions++;
      }
    }
    if (lesions < 2) {
      return null;
    }
    BigDecimal relative =
        then.signum() == 0
            ? null
            : now.subtract(then).multiply(HUNDRED).divide(then, 1, RoundingMode.HALF_UP);
    return new SumOfDiameters(lesions, now, then, lastMeasured.studyDate(), relative);
  }

  private static int bySize(ChangeRecord a, ChangeRecord b) {
    return size(b).compareTo(size(a));
  }

  private static BigDecimal size(ChangeRecord r) {
    BigDecimal s =
        r.currentSizeMillimetres() != null ? r.currentSizeMillimetres() : r.priorSizeMillimetres();
    return s == null ? BigDecimal.ZERO : s;
  }

  private static boolean isAfter(LocalDate a, LocalDate b) {
    return a != null && b != null && a.isAfter(b);
  }

  private static Long days(LocalDate a, LocalDate b) {
    return a == null || b == null ? null : java.time.temporal.ChronoUnit.DAYS.between(a, b);
  }

  private static <T> T firstNonNull(T a, T b) {
    return a != null ? a : b;
  }
}
