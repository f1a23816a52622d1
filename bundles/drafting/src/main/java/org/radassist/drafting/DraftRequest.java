package org.radassist.drafting;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A request for a draft: tokens, relative days, age bands and scrubbed text only. Build it with
 * {@link org.radassist.drafting.request.DraftRequestFactory} (the one request factory, with the PHI
 * minimiser inside), never with this constructor: only the factory and the wire decoder on the
 * service's side call it.
 */
public record DraftRequest(
    String schemaVersion,
    String session,
    StudyInfo study,
    PatientInfo patient,
    String indication,
    List<DictationChunk> dictation,
    List<PriorSummary> priors,
    List<AiResult> aiResults,
    TemplateSpec template,
    Set<DraftTask> tasks,
    Map<String, String> style) {

  public static final String SCHEMA_VERSION = "1.0";

  public DraftRequest {
    schemaVersion = schemaVersion == null ? SCHEMA_VERSION : schemaVersion;
    if (session == null || session.isBlank()) {
      throw new IllegalArgumentException("session must not be blank");
    }
    if (study == null) {
      throw new IllegalArgumentException("study must not be null");
    }
    patient = patient == null ? new PatientInfo(null, null) : patient;
    indication = indication == null ? "" : indication;
    dictation = dictation == null ? List.of() : List.copyOf(dictation);
    priors = priors == null ? List.of() : List.copyOf(priors);
    aiResults = aiResults == null ? List.of() : List.copyOf(aiResults);
    template = template == null ? TemplateSpec.DEFAULT : template;
    tasks =
        tasks == null || tasks.isEmpty()
            ? Set.copyOf(EnumSet.allOf(DraftTask.class))
            : Set.copyOf(tasks);
    style = style == null ? Map.of() : Map.copyOf(style);
  }

  /**
   * The dictation as one text: final chunks in sequence order, and for each sequence number only
   * its latest chunk (a partial replaced by its final).
   */
  public String dictationText() {
    return dictation.stream()
        .collect(Collectors.toMap(DictationChunk::seq, c -> c, (a, b) -> b, java.util.TreeMap::new))
        .values()
        .stream()
        .map(DictationChunk::text)
        .filter(t -> !t.isBlank())
        .collect(Collectors.joining(" "));
  }

  public boolean wants(DraftTask task) {
    return tasks.contains(task);
  }
}
