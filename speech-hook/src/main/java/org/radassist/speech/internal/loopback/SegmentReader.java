package org.radassist.speech.internal.loopback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Set;
import org.radassist.speech.DictationSegment;

/**
 * Reads one segment pushed by a speech engine: {@code {"study_instance_uid":"1.2...","seq":3,
 * "final":true,"text":"..."}}; anything else is a 400 or 413 problem naming the field.
 */
final class SegmentReader {
  private static final Set<String> FIELDS = Set.of("study_instance_uid", "seq", "final", "text");
  private final ObjectMapper json;
  private final int maxTextChars;

  SegmentReader(ObjectMapper json, int maxTextChars) {
    this.json = json;
    this.maxTextChars = maxTextChars;
  }

  DictationSegment read(String source, byte[] body) throws Problem.ProblemException {
    JsonNode n;
    try {
      n = json.readTree(body);
    } catch (JsonProcessingException e) {
      throw bad("the body is not JSON: " + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw bad("the body could not be read: " + e.getMessage());
    }
    if (n == null || !n.isObject()) {
      throw bad("the body must be a JSON object");
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!FIELDS.contains(f)) {
        throw bad("unknown field '" + f + "' (expected " + FIELDS + ")");
      }
    }
    JsonNode uid = n.get("study_instance_uid");
    if (uid == null
        || !uid.isTextual()
        || !uid.asText().matches("[0-9]+(\\.[0-9]+)*")
        || uid.asText().length() > 64) {
      throw bad("study_instance_uid must be a DICOM UID (digits and dots, at most 64)");
    }
    JsonNode seq = n.get("seq");
    if (seq == null || !seq.canConvertToLong() || !seq.isIntegralNumber() || seq.asLong() < 0) {
      throw bad("seq must be a non-negative integer");
    }
    JsonNode fin = n.get("final");
    if (fin == null || !fin.isBoolean()) {
      throw bad("final must be true or false");
    }
    JsonNode text = n.get("text");
    if (text == null || !text.isTextual()) {
      throw bad("text must be a string");
    }
    if (text.asText().length() > maxTextChars) {
      throw new Problem(
              "text-too-long",
              413,
              "Dictation text too long",
              "text has " + text.asText().length() + " characters, at most " + maxTextChars)
          .exception();
    }
    return new DictationSegment(
        source, uid.asText(), seq.asLong(), fin.booleanValue(), text.asText());
  }

  private static Problem.ProblemException bad(String detail) {
    return new Problem("invalid-segment", 400, "Invalid dictation segment", detail).exception();
  }
}
