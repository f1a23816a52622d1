package org.radassist.sr.internal.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.radassist.model.CodedConcept;
import org.radassist.sr.ContentItem;
import org.radassist.sr.ContentValue;
import org.radassist.sr.Problem;
import org.radassist.sr.SrDocument;

/**
 * The content tree as JSON: one object per document with every content item in document order
 * (position, value_type, relationship, concept, value, units, references). Only loaded for --json.
 */
public final class JsonDump {
  private final JsonGenerator g;

  public JsonDump(Writer out) throws IOException {
    this.g = new JsonFactory().createGenerator(out).useDefaultPrettyPrinter();
  }

  public void startArray() throws IOException {
    g.writeStartArray();
  }

  public void endArray() throws IOException {
    g.writeEndArray();
    g.flush();
  }

  public void document(SrDocument d) throws IOException {
    g.writeStartObject();
    g.writeStringField("source", d.source());
    g.writeStringField("sop_class_uid", d.sopClassUid());
    g.writeStringField("sop_class", d.iod().label());
    g.writeStringField("sop_instance_uid", d.sopInstanceUid());
    g.writeStringField("study_instance_uid", d.studyInstanceUid());
    g.writeStringField("series_instance_uid", d.seriesInstanceUid());
    g.writeStringField("template", d.templateId());
    g.writeStringField("completion_flag", d.completionFlag());
    g.writeStringField("verification_flag", d.verificationFlag());
    g.writeStringField("preliminary_flag", d.preliminaryFlag());
    g.writeNumberField("item_count", d.itemCount());
    g.writeBooleanField("partial", d.partial());
    g.writeArrayFieldStart("problems");
    for (Problem p : d.problems()) {
      g.writeStartObject();
      g.writeStringField("level", p.level().name());
      g.writeStringField("position", p.position());
      g.writeStringField("message", p.message());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("items");
    for (ContentItem i : d.items()) {
      item(i);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private void item(ContentItem i) throws IOException {
    g.writeStartObject();
    g.writeStringField("position", i.position());
    g.writeStringField("value_type", i.valueType().name());
    g.writeStringField("relationship", i.relationship().dicom());
    if (i.concept() != null) {
      code("concept", i.concept());
    }
    ContentValue v = i.value();
    if (v instanceof ContentValue.Text t) {
      g.writeStringField("value", t.value());
    } else if (v instanceof ContentValue.Code c) {
      code("value", c.value());
    } else if (v instanceof ContentValue.Numeric n) {
      g.writeStringField("value", n.raw());
      if (n.number() != null) {
        g.writeNumberField("number", n.number());
      }
      if (n.floatingPoint() != null) {
        g.writeNumberField("floating_point_value", n.floatingPoint());
      }
      if (n.unit() != null) {
        code("units", n.unit());
      }
      if (n.qualifier() != null) {
        code("qualifier", n.qualifier());
      }
    } else if (v instanceof ContentValue.Container c) {
      g.writeStringField("value", c.display());
      if (!c.templateId().isEmpty()) {
        g.writeStringField("template", c.templateId());
      }
    } else if (v instanceof ContentValue.SpatialCoordinates s) {
      g.writeStringField("graphic_type", s.graphicType());
      numbers("points", s.points());
      if (s.threeD()) {
        g.writeStringField("frame_of_reference_uid", s.frameOfReferenceUid());
      }
    } else if (v instanceof ContentValue.TemporalCoordinates t) {
      g.writeStringField("temporal_range_type", t.rangeType());
      numbers("sample_positions", t.samplePositions());
      numbers("time_offsets", t.timeOffsets());
      g.writeArrayFieldStart("date_times");
      for (String s : t.dateTimes()) {
        g.writeString(s);
      }
      g.writeEndArray();
    } else if (v instanceof ContentValue.CompositeReference r) {
      g.writeObjectFieldStart("references");
      g.writeStringField("sop_class_uid", r.sopClassUid());
      g.writeStringField("sop_instance_uid", r.sopInstanceUid());
      numbers("frames", r.frames());
      numbers("segments", r.segments());
      if (!r.channels().isEmpty()) {
        numbers("channels", r.channels());
      }
      if (!r.presentationStateSopInstanceUid().isEmpty()) {
        g.writeStringField("presentation_state_sop_class_uid", r.presentationStateSopClassUid());
        g.writeStringField(
            "presentation_state_sop_instance_uid", r.presentationStateSopInstanceUid());
      }
      g.writeEndObject();
    } else if (v instanceof ContentValue.Reference r) {
      g.writeObjectFieldStart("references");
      g.writeStringField("content_item", r.targetPosition());
      g.writeBooleanField("resolved", r.resolved());
      g.writeBooleanField("cyclic", r.cyclic());
      g.writeEndObject();
    } else if (v instanceof ContentValue.Opaque o) {
      g.writeStringField("value", o.description());
    }
    if (!i.observationDateTime().isEmpty()) {
      g.writeStringField("observation_datetime", i.observationDateTime());
    }
    if (!i.observationUid().isEmpty()) {
      g.writeStringField("observation_uid", i.observationUid());
    }
    g.writeEndObject();
  }

  private void numbers(String name, List<? extends Number> values) throws IOException {
    g.writeArrayFieldStart(name);
    for (Number n : values) {
      if (n instanceof Double d) {
        g.writeNumber(d);
      } else {
        g.writeNumber(n.longValue());
      }
    }
    g.writeEndArray();
  }

  private void code(String name, CodedConcept c) throws IOException {
    g.writeFieldName(name);
    codeObject(c);
  }

  private void codeObject(CodedConcept c) throws IOException {
    g.writeStartObject();
    g.writeStringField("code", c.code());
    g.writeStringField("scheme", c.scheme());
    g.writeStringField("meaning", c.meaning());
    g.writeEndObject();
  }
}
