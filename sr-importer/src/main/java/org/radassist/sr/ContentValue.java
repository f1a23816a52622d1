package org.radassist.sr;

import java.math.BigDecimal;
import java.util.List;
import org.radassist.model.CodedConcept;

/** The value of a content item; which record depends on the value type. */
public sealed interface ContentValue
    permits ContentValue.Container,
        ContentValue.Text,
        ContentValue.Code,
        ContentValue.Numeric,
        ContentValue.SpatialCoordinates,
        ContentValue.TemporalCoordinates,
        ContentValue.CompositeReference,
        ContentValue.Reference,
        ContentValue.Opaque,
        ContentValue.Empty {

  /** A short single-line rendering (no escaping: callers escape for their medium). */
  String display();

  /**
   * The value as a person reads it: a code's meaning, a number with its unit in words ("4.03 mm",
   * "27" for unit 1), nothing for a container; otherwise {@link #display()}.
   */
  default String words() {
    return display();
  }

  /** CONTAINER: continuity of content and the template it claims, if any. */
  record Container(boolean continuous, String templateId, String mappingResource)
      implements ContentValue {
    public Container {
      templateId = templateId == null ? "" : templateId;
      mappingResource = mappingResource == null ? "" : mappingResource;
    }

    @Override
    public String display() {
      return continuous ? "CONTINUOUS" : "SEPARATE";
    }

    @Override
    public String words() {
      return "";
    }
  }

  /** TEXT, PNAME, DATE, TIME, DATETIME and UIDREF: the value as written. */
  record Text(String value) implements ContentValue {
    public Text {
      value = value == null ? "" : value;
    }

    @Override
    public String display() {
      return value;
    }
  }

  /** CODE. */
  record Code(CodedConcept value) implements ContentValue {
    @Override
    public String display() {
      return value.toString();
    }

    @Override
    public String words() {
      return value.meaning().isBlank() ? value.code() : value.meaning();
    }
  }

  /**
   * NUM: the decimal string as written ({@code number} is null when it is empty or not a number),
   * the UCUM (or other) unit, the floating point value if sent, and a qualifier (e.g. "NaN") when
   * there is no value.
   */
  record Numeric(
      String raw,
      BigDecimal number,
      CodedConcept unit,
      Double floatingPoint,
      CodedConcept qualifier)
      implements ContentValue {
    public Numeric {
      raw = raw == null ? "" : raw;
    }

    @Override
    public String display() {
      String v = raw.isEmpty() && qualifier != null ? qualifier.meaning() : raw;
      return unit == null ? v : v + " " + unit.code();
    }

    @Override
    public String words() {
      if (number == null) {
        return raw.isEmpty() && qualifier != null ? qualifier.meaning() : raw;
      }
      return org.radassist.sr.internal.render.Words.quantity(number, unit);
    }
  }

  /**
   * SCOORD ({@code threeD} false: column/row pairs in image pixels) and SCOORD3D (x/y/z triples in
   * the frame of reference {@code frameOfReferenceUid}).
   */
  record SpatialCoordinates(
      String graphicType, List<Double> points, boolean threeD, String frameOfReferenceUid)
      implements ContentValue {
    public SpatialCoordinates {
      graphicType = graphicType == null ? "" : graphicType;
      points = List.copyOf(points);
      frameOfReferenceUid = frameOfReferenceUid == null ? "" : frameOfReferenceUid;
    }

    @Override
    public String display() {
      return graphicType + " " + points.size() / (threeD ? 3 : 2) + " points";
    }
  }

  /** TCOORD: the range type and sample positions, time offsets or date-times. */
  record TemporalCoordinates(
      String rangeType,
      List<Long> samplePositions,
      List<Double> timeOffsets,
      List<String> dateTimes)
      implements ContentValue {
    public TemporalCoordinates {
      rangeType = rangeType == null ? "" : rangeType;
      samplePositions = List.copyOf(samplePositions);
      timeOffsets = List.copyOf(timeOffsets);
      dateTimes = List.copyOf(dateTimes);
    }

    @Override
    public String display() {
      return rangeType;
    }
  }

  /**
   * IMAGE, COMPOSITE and WAVEFORM: the referenced instance, with frame, segment and waveform
   * channel numbers and a presentation state, when given.
   */
  record CompositeReference(
      String sopClassUid,
      String sopInstanceUid,
      List<Integer> frames,
      List<Integer> segments,
      List<Integer> channels,
      String presentationStateSopClassUid,
      String presentationStateSopInstanceUid)
      implements ContentValue {
    public CompositeReference {
      sopClassUid = sopClassUid == null ? "" : sopClassUid;
      sopInstanceUid = sopInstanceUid == null ? "" : sopInstanceUid;
      frames = List.copyOf(frames);
      segments = List.copyOf(segments);
      channels = List.copyOf(channels);
      presentationStateSopClassUid =
          presentationStateSopClassUid == null ? "" : presentationStateSopClassUid;
      presentationStateSopInstanceUid =
          presentationStateSopInstanceUid == null ? "" : presentationStateSopInstanceUid;
    }

    @Override
    public String display() {
      return sopInstanceUid;
    }
  }

  /**
   * A by-reference item: the position of its target ("1.2.3"), whether the target exists and
   * whether following it leads back here (a cycle).
   */
  record Reference(String targetPosition, boolean resolved, boolean cyclic)
      implements ContentValue {
    @Override
    public String display() {
      return targetPosition + (resolved ? "" : " (dangling)") + (cyclic ? " (cycle)" : "");
    }
  }

  /** TABLE and unknown value types: kept as a short description of what was there. */
  record Opaque(String description) implements ContentValue {
    @Override
    public String display() {
      return description;
    }
  }

  /** No value (e.g. an empty NUM or a missing code). */
  record Empty() implements ContentValue {
    @Override
    public String display() {
      return "";
    }
  }
}
