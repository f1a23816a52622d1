package org.radassist.priors.internal.dicomweb;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.radassist.model.StudyContext;
import org.radassist.priors.LookupStatus;
import org.radassist.priors.PriorLookup;
import org.radassist.priors.PriorQuery;
import org.radassist.priors.PriorStudyProvider;
import org.radassist.priors.internal.lookup.LookupFlow;
import org.radassist.priors.internal.lookup.RelevanceRanker;
import org.radassist.priors.internal.lookup.StudyDocuments;
import org.radassist.priors.internal.sr.SrContentReader;
import org.radassist.priors.internal.sr.StudyDocumentsBuilder;

/**
 * Priors from a DICOMweb PACS: QIDO-RS for the study and the patient's other studies (by PatientID
 * and, when known, IssuerOfPatientID; earlier dates only; paged with limit/offset), relevance
 * ranking and cut, then WADO-RS retrieval of each kept study's SR series, read by the SR reader. An
 * unreachable or slow PACS gives status UNAVAILABLE with a message, never an exception.
 */
public final class DicomWebPriorProvider implements PriorStudyProvider, AutoCloseable {

  private static final List<String> STUDY_FIELDS =
      List.of("00081030", "00080061", "00100021", "00180015", "00100030", "00100040");

  private final DicomWebSettings settings;
  private final DicomWebClient client;
  private final OkHttpClient http;
  private final ExecutorService executor;
  private final LookupFlow flow;
  private final SrContentReader srReader;

  public DicomWebPriorProvider(DicomWebSettings settings, SrContentReader srReader) {
    HttpUrl base = HttpUrl.parse(settings.baseUrl());
    if (base == null) {
      throw new IllegalArgumentException("not an http(s) URL: " + settings.baseUrl());
    }
    this.settings = settings;
    this.srReader = srReader;
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(4 * settings.parallelism());
    dispatcher.setMaxRequestsPerHost(2 * settings.parallelism());
    this.http =
        new OkHttpClient.Builder()
            .dispatcher(dispatcher)
            .connectionPool(
                new ConnectionPool(
                    settings.parallelism(), 1, java.util.concurrent.TimeUnit.MINUTES))
            .connectTimeout(settings.connectTimeout())
            .readTimeout(settings.readTimeout())
            .callTimeout(settings.deadline())
            .build();
    this.client = new DicomWebClient(http, base);
    this.executor =
        Executors.newFixedThreadPool(
            settings.parallelism(),
            r -> {
              Thread t = new Thread(r, "radassist-priors-dicomweb");
              t.setDaemon(true);
              return t;
            });
    this.flow = new LookupFlow(new RelevanceRanker(), executor, settings.deadline());
  }

  @Override
  public String name() {
    return "DICOMweb " + client.base();
  }

  @Override
  public PriorLookup lookup(String studyInstanceUid, PriorQuery query) {
    StudyContext current;
    List<StudyContext> candidates;
    List<String> notes = new ArrayList<>();
    try {
      List<Map.Entry<String, String>> params = new ArrayList<>();
      params.add(Map.entry("StudyInstanceUID", studyInstanceUid));
      STUDY_FIELDS.forEach(f -> params.add(Map.entry("includefield", f)));
      List<JsonNode> found = client.search("studies", params);
      if (found.isEmpty()) {
        return PriorLookup.failed(
            LookupStatus.NOT_FOUND, "study " + studyInstanceUid + " is not on " + client.base());
      }
      current = DicomJson.study(found.get(0));
      candidates = patientStudies(current, notes);
    } catch (DicomWebException e) {
      return PriorLookup.failed(
          e.unreachable() ? LookupStatus.UNAVAILABLE : LookupStatus.PARTIAL, e.getMessage());
    }
    Map<String, List<String>> srSeries = patientSrSeries(current);
    return flow.run(current, candidates, query, study -> readDocuments(study, srSeries), notes);
  }

  /**
   * Every SR series of the patient in one series-level QIDO-RS search (study UID -> series UIDs),
   * instead of one search per study; empty when the server does not answer it, and the studies are
   * then searched one by one.
   */
  private Map<String, List<String>> patientSrSeries(StudyContext current) {
    if (current.patientId() == null) {
      return Map.of();
    }
    Map<String, List<String>> out = new java.util.HashMap<>();
    try {
      for (int offset = 0; offset < 10 * settings.maxCandidates(); offset += settings.pageSize()) {
        List<JsonNode> page =
            client.search(
                "series",
                List.of(
                    Map.entry("PatientID", current.patientId()),
                    Map.entry("Modality", "SR"),
                    Map.entry("includefield", DicomJson.STUDY_INSTANCE_UID),
                    Map.entry("limit", Integer.toString(settings.pageSize())),
                    Map.entry("offset", Integer.toString(offset))));
        for (JsonNode series : page) {
          String study = DicomJson.string(series, DicomJson.STUDY_INSTANCE_UID);
          String uid = DicomJson.string(series, DicomJson.SERIES_INSTANCE_UID);
          if (study != null && uid != null) {
            out.computeIfAbsent(study, k -> new ArrayList<>()).add(uid);
          }
        }
        if (page.size() < settings.pageSize()) {
          return out;
        }
      }
      return Map.of(); // too many to trust as complete: search per study
    } catch (DicomWebException e) {
      return Map.of();
    }
  }

  /** The patient's other studies up to the current date, paged. */
  List<StudyContext> patientStudies(StudyContext current, List<String> notes)
      throws DicomWebException {
    if (current.patientId() == null) {
      notes.add("the current study has no PatientID: no priors can be searched");
      return List.of();
    }
    List<Map.Entry<String, String>> filter = new ArrayList<>();
    filter.add(Map.entry("PatientID", current.patientId()));
    if (current.issuerOfPatientId() != null) {
      filter.add(Map.entry("IssuerOfPatientID", current.issuerOfPatientId()));
    }
    if (current.studyDate() != null) {
      filter.add(
          Map.entry(
              "StudyDate", "-" + current.studyDate().format(DateTimeFormatter.BASIC_ISO_DATE)));
    }
    STUDY_FIELDS.forEach(f -> filter.add(Map.entry("includefield", f)));
    filter.add(Map.entry("limit", Integer.toString(settings.pageSize())));
    List<StudyContext> out = new ArrayList<>();
    for (int offset = 0; offset < settings.maxCandidates(); offset += settings.pageSize()) {
      List<Map.Entry<String, String>> params = new ArrayList<>(filter);
      params.add(Map.entry("offset", Integer.toString(offset)));
      List<JsonNode> page = client.search("studies", params);
      for (JsonNode study : page) {
        StudyContext candidate = DicomJson.study(study);
        // servers that ignore the issuer filter must not mix up two patients with the same ID
        if (candidate.studyInstanceUid() != null && samePatient(current, candidate)) {
          out.add(candidate);
        }
      }
      if (page.size() < settings.pageSize()) {
        return out;
      }
    }
    notes.add("stopped after " + settings.maxCandidates() + " studies of the patient");
    return out;
  }

  private static boolean samePatient(StudyContext a, StudyContext b) {
    return a.patientId().equals(b.patientId())
        && (a.issuerOfPatientId() == null
            || b.issuerOfPatientId() == null
            || a.issuerOfPatientId().equals(b.issuerOfPatientId()));
  }

  private StudyDocuments readDocuments(StudyContext study, Map<String, List<String>> srSeries)
      throws DicomWebException {
    String studyPath = "studies/" + study.studyInstanceUid();
    List<String> seriesUids = srSeries.get(study.studyInstanceUid());
    if (seriesUids == null) {
      seriesUids = new ArrayList<>();
      for (JsonNode s :
          client.search(studyPath + "/series", List.of(Map.entry("Modality", "SR")))) {
        String uid = DicomJson.string(s, DicomJson.SERIES_INSTANCE_UID);
        if (uid != null) {
          seriesUids.add(uid);
        }
      }
    }
    // all series of the study at once; parsed here as they arrive
    List<java.util.concurrent.CompletableFuture<List<DicomWebClient.Part10>>> retrievals =
        new ArrayList<>();
    for (String uid : seriesUids) {
      retrievals.add(client.retrieveAsync(studyPath + "/series/" + uid));
    }
    StudyDocumentsBuilder documents = new StudyDocumentsBuilder(srReader);
    for (int i = 0; i < retrievals.size(); i++) {
      try {
        for (DicomWebClient.Part10 part : retrievals.get(i).get()) {
          documents.add(part.bytes(), part.source());
        }
      } catch (java.util.concurrent.ExecutionException e) {
        documents.note(
            "SR series " + seriesUids.get(i) + " not read: " + e.getCause().getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        retrievals.forEach(r -> r.cancel(true));
        throw new DicomWebException("interrupted while reading " + studyPath, false, e);
      }
    }
    return documents.build();
  }

  @Override
  public void close() {
    executor.shutdownNow();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
