package org.radassist.sr.internal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.radassist.model.DraftReport;
import org.radassist.model.Finding;
import org.radassist.model.ModelJson;

/**
 * The input of {@code sr write}: a DraftReport in the model's JSON, or {@code {"draft":
 * DraftReport, "findings": [Finding...]}} when AI findings go with it.
 */
record DraftInput(DraftReport draft, List<Finding> findings) {
  static DraftInput read(Path file) throws IOException {
    ObjectMapper mapper = ModelJson.newMapper();
    JsonNode root = mapper.readTree(Files.readAllBytes(file));
    if (root == null || !root.isObject()) {
      throw new IOException("expected a JSON object");
    }
    if (root.has("draft")) {
      DraftReport draft = mapper.treeToValue(root.get("draft"), DraftReport.class);
      List<Finding> findings = new ArrayList<>();
      if (root.has("findings")) {
        for (JsonNode f : root.get("findings")) {
          findings.add(mapper.treeToValue(f, Finding.class));
        }
      }
      return new DraftInput(draft, findings);
    }
    return new DraftInput(mapper.treeToValue(root, DraftReport.class), List.of());
  }
}
