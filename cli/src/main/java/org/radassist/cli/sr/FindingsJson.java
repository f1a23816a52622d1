package org.radassist.cli.sr;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.radassist.model.ModelJson;
import org.radassist.sr.ReportView;

/** {@code sr findings --json}: the template view per file, findings in the model's JSON form. */
final class FindingsJson {
  private FindingsJson() {}

  static Map<String, Object> of(ReportView v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("source", v.document().source());
    m.put("sop_instance_uid", v.document().sopInstanceUid());
    m.put("title", v.document().title());
    m.put("template", v.template());
    m.put("partial", v.document().partial());
    m.put("findings", v.findings());
    m.put("key_images", v.keyImages());
    if (!v.keyObjectDescription().isEmpty()) {
      m.put("key_object_description", v.keyObjectDescription());
    }
    if (v.dose() != null) {
      m.put("dose", v.dose());
    }
    m.put("notes", v.notes());
    if (v.template().equals("generic")) {
      // no template view: the report's text, as the narrative gives it, so none is hidden
      List<String> lines = org.radassist.sr.Narrative.lines(v);
      m.put("text", lines.subList(1, lines.size()));
    }
    return m;
  }

  static void write(List<Object> docs, PrintStream out) throws IOException {
    ObjectMapper mapper = ModelJson.newMapper().enable(SerializationFeature.INDENT_OUTPUT);
    out.println(mapper.writeValueAsString(docs));
  }
}
