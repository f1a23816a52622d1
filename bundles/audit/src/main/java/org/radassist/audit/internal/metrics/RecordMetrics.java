package org.radassist.audit.internal.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.radassist.audit.AuditDetails;
import org.radassist.audit.AuditRecord;
import org.radassist.audit.SectionDiff;
import org.radassist.audit.metrics.MetricsSummary;
import org.radassist.audit.metrics.ModalityMetrics;
import org.radassist.model.AuditEvent;

/** The implementation behind {@link org.radassist.audit.metrics.AuditMetrics}. */
public final class RecordMetrics {

  /** The metrics of the given records (in any order). */
  public static MetricsSummary compute(Collection<AuditRecord> records) {
    Map<String, Study> studies = new HashMap<>();
    List<AuditRecord> ordered = new ArrayList<>(records);
    ordered.sort(
        (a, b) -> {
          int byTime = a.event().timestamp().compareTo(b.event().timestamp());
          return byTime != 0 ? byTime : Long.compare(a.seq(), b.seq());
        });
    for (AuditRecord record : ordered) {
      AuditEvent event = record.event();
      String key = event.studyToken() != null ? event.studyToken() : "trace:" + event.traceId();
      Study study = studies.computeIfAbsent(key, k -> new Study());
      study.add(event);
    }
    Map<String, Tally> byModality = new TreeMap<>();
    Tally overall = new Tally();
    for (Study study : studies.values()) {
      String modality = study.modality == null ? "UNKNOWN" : study.modality;
      Tally tally = byModality.computeIfAbsent(modality, m -> new Tally());
      tally.add(study);
      overall.add(study);
    }
    List<ModalityMetrics> perModality = new ArrayList<>();
    byModality.forEach((modality, tally) -> perModality.add(tally.metrics(modality)));
    return new MetricsSummary(records.size(), perModality, overall.metrics(MetricsSummary.ALL));
  }

  private enum Outcome {
    ACCEPTED,
    EDITED,
    REJECTED
  }

  /** The last decision on one item, with the edit it carried (null when none). */
  private record ItemDecision(Outcome outcome, int[] edit) {}

  private static final class Study {
    String modality;
    Instant firstDraftRequest;
    Instant signed;
    int flagsOverridden;
    int anonymousItems;
    final Map<String, ItemDecision> items = new java.util.LinkedHashMap<>();

    void add(AuditEvent event) {
      String m = event.details().get(AuditDetails.MODALITY);
      if (modality == null && m != null && !m.isBlank()) {
        modality = m.strip().toUpperCase(java.util.Locale.ROOT);
      }
      switch (event.action()) {
        case DRAFT_REQUESTED -> {
          if (firstDraftRequest == null) {
            firstDraftRequest = event.timestamp();
          }
        }
        case REPORT_SIGNED -> {
          if (signed == null && firstDraftRequest != null) {
            signed = event.timestamp();
          }
        }
        case SECTION_ACCEPTED, SUGGESTION_ACCEPTED, FIELD_ACCEPTED, CODE_APPROVED ->
            decide(event, new ItemDecision(Outcome.ACCEPTED, null));
        case SECTION_REJECTED, SUGGESTION_REJECTED, FIELD_REJECTED, CODE_REJECTED ->
            decide(event, new ItemDecision(Outcome.REJECTED, null));
        case SECTION_EDITED -> decide(event, new ItemDecision(Outcome.EDITED, edit(event)));
        case FLAG_OVERRIDDEN -> flagsOverridden++;
        default -> {
          // other actions do not enter these metrics
        }
      }
    }

    /** The last decision per item counts; an undo makes the item pending again. */
    private void decide(AuditEvent event, ItemDecision decision) {
      String item = event.details().get(AuditDetails.ITEM);
      String key =
          item == null
              ? "#" + anonymousItems++
              : event.details().getOrDefault(AuditDetails.TARGET, "") + "/" + item;
      if ("undo".equalsIgnoreCase(event.details().get(AuditDetails.VERB))) {
        items.remove(key);
      } else {
        items.put(key, decision);
      }
    }

    private static int[] edit(AuditEvent event) {
      String diff = event.details().get(AuditDetails.DIFF);
      if (diff == null) {
        return null;
      }
      try {
        SectionDiff parsed = SectionDiff.parse(diff);
        return new int[] {parsed.wordEditDistance(), parsed.draftWords().size()};
      } catch (IllegalArgumentException e) {
        return null; // a malformed diff still counts as an edit; it just has no distance
      }
    }

    boolean requested() {
      return firstDraftRequest != null;
    }
  }

  private static final class Tally {
    int studies;
    int accepted;
    int edited;
    int rejected;
    int flagsOverridden;
    final List<Double> distances = new ArrayList<>();
    final List<Double> relative = new ArrayList<>();
    final List<Duration> timesToReport = new ArrayList<>();

    void add(Study study) {
      if (study.requested()) {
        studies++;
      }
      flagsOverridden += study.flagsOverridden;
      for (ItemDecision decision : study.items.values()) {
        switch (decision.outcome()) {
          case ACCEPTED -> accepted++;
          case EDITED -> edited++;
          case REJECTED -> rejected++;
        }
        int[] edit = decision.edit();
        if (edit != null) {
          distances.add((double) edit[0]);
          relative.add(edit[0] / (double) Math.max(1, edit[1]));
        }
      }
      if (study.requested() && study.signed != null) {
        timesToReport.add(Duration.between(study.firstDraftRequest, study.signed));
      }
    }

    ModalityMetrics metrics(String modality) {
      int decisions = accepted + edited + rejected;
      return new ModalityMetrics(
          modality,
          studies,
          accepted,
          edited,
          rejected,
          flagsOverridden,
          decisions == 0
              ? OptionalDouble.empty()
              : OptionalDouble.of((accepted + edited) / (double) decisions),
          decisions == 0
              ? OptionalDouble.empty()
              : OptionalDouble.of(accepted / (double) decisions),
          distances.stream().mapToDouble(Double::doubleValue).average(),
          median(distances),
          relative.stream().mapToDouble(Double::doubleValue).average(),
          timesToReport.size(),
          medianDuration(timesToReport),
          timesToReport.isEmpty()
              ? Optional.empty()
              : Optional.of(
                  timesToReport.stream()
                      .reduce(Duration.ZERO, Duration::plus)
                      .dividedBy(timesToReport.size())));
    }

    private static OptionalDouble median(List<Double> values) {
      if (values.isEmpty()) {
        return OptionalDouble.empty();
      }
      List<Double> sorted = new ArrayList<>(values);
      sorted.sort(null);
      int n = sorted.size();
      return OptionalDouble.of(
          n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2);
    }

    private static Optional<Duration> medianDuration(List<Duration> values) {
      if (values.isEmpty()) {
        return Optional.empty();
      }
      List<Duration> sorted = new ArrayList<>(values);
      sorted.sort(null);
      int n = sorted.size();
      return Optional.of(
          n % 2 == 1
              ? sorted.get(n / 2)
              : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2));
    }
  }
}
