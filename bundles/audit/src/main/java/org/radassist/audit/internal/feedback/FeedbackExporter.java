package org.radassist.audit.internal.feedback;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.radassist.audit.AuditDetails;
import org.radassist.audit.AuditRecord;
import org.radassist.audit.SectionDiff;
import org.radassist.model.AuditAction;
import org.radassist.model.AuditEvent;
import org.radassist.model.privacy.TextScrubber;

/**
 * Draft-to-final feedback for prompt tuning, one JSON object per user decision on AI output. PHI
 * minimised: no user, no timestamps, no trace id, no study token (studies become {@code c1}, {@code
 * c2}, ... numbered afresh in every export, so an export cannot be joined back to the trail), no
 * hashes; only allow-listed detail keys; free text passed through the shared scrubbing rules
 * ({@link org.radassist.model.privacy.TextScrubber}).
 */
public final class FeedbackExporter {
  static final Set<AuditAction> DECISIONS =
      Set.of(
          AuditAction.SECTION_ACCEPTED,
          AuditAction.SECTION_EDITED,
          AuditAction.SECTION_REJECTED,
          AuditAction.SUGGESTION_ACCEPTED,
          AuditAction.SUGGESTION_REJECTED,
          AuditAction.FIELD_ACCEPTED,
          AuditAction.FIELD_REJECTED,
          AuditAction.CODE_APPROVED,
          AuditAction.CODE_REJECTED,
          AuditAction.FLAG_OVERRIDDEN);

  /** Detail keys copied as they are: coded values, no free text. */
  private static final List<String> CODED_KEYS =
      List.of(
          AuditDetails.MODALITY,
          AuditDetails.BODY_PART,
          AuditDetails.SECTION,
          AuditDetails.TARGET,
          AuditDetails.VERB,
          AuditDetails.SUGGESTION_KIND,
          AuditDetails.FLAG_TYPE,
          AuditDetails.CODE_SYSTEM,
          AuditDetails.CODE,
          AuditDetails.MODE);

  private final ObjectMapper mapper = JsonMapper.builder().build();

  /** Writes one line per decision; returns how many lines were written. */
  public int export(List<AuditRecord> records, OutputStream out) throws IOException {
    Map<String, String> cases = new HashMap<>();
    int written = 0;
    for (AuditRecord record : records) {
      AuditEvent event = record.event();
      if (!DECISIONS.contains(event.action())) {
        continue;
      }
      String key = event.studyToken() != null ? event.studyToken() : event.traceId();
      String caseId = cases.computeIfAbsent(key, k -> "c" + (cases.size() + 1));
      out.write(mapper.writeValueAsBytes(toLine(caseId, event)));
      out.write('\n');
      written++;
    }
    out.flush();
    return written;
  }

  ObjectNode toLine(String caseId, AuditEvent event) {
    ObjectNode line = mapper.createObjectNode();
    line.put("case", caseId);
    line.put("decision", event.action().jsonName());
    if (event.modelName() != null) {
      ObjectNode model = line.putObject("model");
      model.put("name", event.modelName());
      if (event.modelVersion() != null) {
        model.put("version", event.modelVersion());
      }
    }
    for (String key : CODED_KEYS) {
      String value = event.details().get(key);
      if (value != null) {
        line.put(key, TextScrubber.scrub(value));
      }
    }
    String diff = event.details().get(AuditDetails.DIFF);
    if (diff != null) {
      try {
        SectionDiff parsed = SectionDiff.parse(diff);
        line.put("draft", TextScrubber.scrub(String.join(" ", parsed.draftWords())));
        line.put("final", TextScrubber.scrub(String.join(" ", parsed.finalWords())));
        line.put("word_edit_distance", parsed.wordEditDistance());
      } catch (IllegalArgumentException e) {
        line.put("diff_error", e.getMessage());
      }
    }
    String reason = event.details().get(AuditDetails.REASON);
    if (reason != null) {
      line.put(AuditDetails.REASON, TextScrubber.scrub(reason));
    }
    return line;
  }
}
