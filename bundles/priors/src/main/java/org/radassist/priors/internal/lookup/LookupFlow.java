package org.radassist.priors.internal.lookup;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.radassist.model.StudyContext;
import org.radassist.priors.LookupStatus;
import org.radassist.priors.PriorLookup;
import org.radassist.priors.PriorQuery;
import org.radassist.priors.PriorStudy;

/**
 * The part every provider shares once it knows the current study and the patient's other studies:
 * rank and cut, then read the current study's and the kept priors' documents in parallel within a
 * deadline. A study whose documents cannot be read in time is kept without findings, with a note,
 * and the lookup is PARTIAL rather than failed.
 */
public final class LookupFlow {

  private final RelevanceRanker ranker;
  private final Executor executor;
  private final Duration deadline;

  public LookupFlow(RelevanceRanker ranker, Executor executor, Duration deadline) {
    this.ranker = ranker;
    this.executor = executor;
    this.deadline = deadline;
  }

  public PriorLookup run(
      StudyContext current,
      List<StudyContext> candidates,
      PriorQuery query,
      StudyReader reader,
      List<String> earlierNotes) {
    List<RelevanceRanker.Ranked> kept =
        ranker.rank(current, candidates, query.minRelevance(), query.maxPriors());
    int considered =
        (int)
            candidates.stream()
                .filter(c -> !c.studyInstanceUid().equals(current.studyInstanceUid()))
                .count();
    CompletableFuture<StudyDocuments> currentDocs = readAsync(reader, current);
    List<CompletableFuture<StudyDocuments>> priorDocs = new ArrayList<>();
    for (RelevanceRanker.Ranked r : kept) {
      priorDocs.add(readAsync(reader, r.study()));
    }
    long deadlineNanos = System.nanoTime() + deadline.toNanos();
    List<String> notes = new ArrayList<>(earlierNotes);
    boolean partial = !earlierNotes.isEmpty();

    StudyDocuments own = await(currentDocs, deadlineNanos, current, notes);
    partial |= own == null;
    own = own == null ? StudyDocuments.none() : own;
    notes.addAll(own.notes());
    List<PriorStudy> priors = new ArrayList<>();
    for (int i = 0; i < kept.size(); i++) {
      StudyDocuments docs = await(priorDocs.get(i), deadlineNanos, kept.get(i).study(), notes);
      partial |= docs == null;
      docs = docs == null ? StudyDocuments.none() : docs;
      partial |= !docs.notes().isEmpty();
      notes.addAll(docs.notes());
      priors.add(
          new PriorStudy(
              kept.get(i).study(),
              kept.get(i).relevance(),
              docs.findings(),
              docs.reportText(),
              docs.notes()));
    }
    partial |= !own.notes().isEmpty();
    LookupStatus status = partial ? LookupStatus.PARTIAL : LookupStatus.OK;
    String message =
        partial ? "some prior documents could not be read (" + notes.size() + " notes)" : "";
    if (considered > kept.size()) {
      notes.add(
          "kept the "
              + kept.size()
              + " most relevant of "
              + considered
              + " other studies (relevance >= "
              + query.minRelevance()
              + ", at most "
              + query.maxPriors()
              + ")");
    }
    return new PriorLookup(current, own.findings(), priors, considered, status, message, notes);
  }

  private CompletableFuture<StudyDocuments> readAsync(StudyReader reader, StudyContext study) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return reader.read(study);
          } catch (IOException e) {
            throw new CompletionException(e);
          }
        },
        executor);
  }

  private static StudyDocuments await(
      CompletableFuture<StudyDocuments> future,
      long deadlineNanos,
      StudyContext study,
      List<String> notes) {
    try {
      long left = Math.max(0, deadlineNanos - System.nanoTime());
      return future.get(left, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      notes.add("documents of study " + study.studyInstanceUid() + " not read: timed out");
      return null;
    } catch (ExecutionException e) {
      Throwable cause =
          e.getCause() instanceof CompletionException ce ? ce.getCause() : e.getCause();
      notes.add(
          "documents of study "
              + study.studyInstanceUid()
              + " not read: "
              + (cause == null ? "unknown error" : cause.getMessage()));
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      notes.add("documents of study " + study.studyInstanceUid() + " not read: interrupted");
      return null;
    }
  }
}
