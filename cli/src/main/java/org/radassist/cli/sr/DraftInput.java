package org.radassist.cli.sr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.radassist.model.DraftReport;
import org.radassist.model.Finding;
import org.radassist.model.ModelJson;
import org.radassist.model.SectionKind;

/**
 * The input of {@code sr write}: a DraftReport in the model's JSON (the drafting service's final
 * object), what {@code radassist draft --json} prints (sections by name), or {@code {"draft": ...,
 * "findings": [Finding...]}} when AI findings go with it. One draft, whichever command wrote it.
 */
record DraftInput(DraftReport draft, List<Finding> findings) {
  static DraftInput read(Path file) throws IOException {
    ObjectMapper mapper = ModelJson.newMapper();
    JsonNode root = mapper.readTree(Files.readAllBytes(file));
    if (root == null || !root.isObject()) {
      throw new IOException("expected a JSON object");
    }
    if (root.has("draft")) {
      DraftReport draft = mapper.treeToValue(modelForm(root.get("draft")), DraftReport.class);
      List<Finding> findings = new ArrayList<>();
      if (root.has("findings")) {
        for (JsonNode f : root.get("findings")) {
          findings.add(mapper.treeToValue(f, Finding.class));
        }
      }
      return new DraftInput(draft, findings);
    }
    return new DraftInput(mapper.treeToValue(modelForm(root), DraftReport.class), List.of());
  }

  /**
   * {@code draft --json} prints the sections as an object by name, and no status or creation time:
   * the same draft in the model's form (sections in the order printed, the draft made now).
   */
  private static JsonNode modelForm(JsonNode draft) {
    if (!draft.path("sections").isObject()) {
      return draft;
    }
    ObjectNode o = ((ObjectNode) draft).deepCopy();
    ArrayNode sections = o.putArray("sections");
    draft
        .get("sections")
        .fields()
        .forEachRemaining(
            e ->
                sections
                    .addObject()
                    .put("kind", SectionKind.fromJson(e.getKey()).name())
                    .put("text", e.getValue().asText()));
    if (!o.has("created_at")) {
      o.put("created_at", Instant.now().toString());
    }
    return o;
  }
}
