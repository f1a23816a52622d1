package org.radassist.sr.internal.write;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.radassist.model.CodedConcept;

/**
 * A content item to be written: a small mutable builder the writers and test fixtures assemble
 * before {@link DatasetWriter} encodes it. Values are kept as given; encoding checks VR limits.
 */
public final class SrItem {
  final String relationship;
  final String valueType;
  final CodedConcept concept;
  String text;
  CodedConcept code;
  BigDecimal number;
  CodedConcept unit;
  boolean continuous;
  String templateId;
  String sopClassUid;
  String sopInstanceUid;
  List<Integer> frames = List.of();
  List<Integer> segments = List.of();
  String graphicType;
  List<Double> points = List.of();
  String frameOfReferenceUid;
  long[] reference;
  final List<SrItem> children = new ArrayList<>();

  private SrItem(String relationship, String valueType, CodedConcept concept) {
    this.relationship = relationship;
    this.valueType = valueType;
    this.concept = concept;
  }

  public SrItem add(SrItem child) {
    children.add(child);
    return this;
  }

  public static SrItem root(CodedConcept title, String templateId) {
    SrItem i = new SrItem(null, "CONTAINER", title);
    i.templateId = templateId;
    return i;
  }

  public static SrItem container(String rel, CodedConcept concept, boolean continuous) {
    SrItem i = new SrItem(rel, "CONTAINER", concept);
    i.continuous = continuous;
    return i;
  }

  public static SrItem text(String rel, CodedConcept concept, String value) {
    return stringItem(rel, "TEXT", concept, value);
  }

  public static SrItem uidref(String rel, CodedConcept concept, String value) {
    return stringItem(rel, "UIDREF", concept, value);
  }

  public static SrItem pname(String rel, CodedConcept concept, String value) {
    return stringItem(rel, "PNAME", concept, value);
  }

  public static SrItem datetime(String rel, CodedConcept concept, String value) {
    return stringItem(rel, "DATETIME", concept, value);
  }

  private static SrItem stringItem(String rel, String vt, CodedConcept concept, String value) {
    SrItem i = new SrItem(rel, vt, concept);
    i.text = value;
    return i;
  }

  public static SrItem code(String rel, CodedConcept concept, CodedConcept value) {
    SrItem i = new SrItem(rel, "CODE", concept);
    i.code = value;
    return i;
  }

  public static SrItem num(String rel, CodedConcept concept, BigDecimal value, CodedConcept unit) {
    SrItem i = new SrItem(rel, "NUM", concept);
    i.number = value;
    i.unit = unit;
    return i;
  }

  public static SrItem image(
      String rel,
      CodedConcept concept,
      String sopClassUid,
      String sopInstanceUid,
      List<Integer> frames,
      List<Integer> segments) {
    SrItem i = new SrItem(rel, "IMAGE", concept);
    i.sopClassUid = sopClassUid;
    i.sopInstanceUid = sopInstanceUid;
    i.frames = List.copyOf(frames);
    i.segments = List.copyOf(segments);
    return i;
  }

  public static SrItem scoord(
      String rel, CodedConcept concept, String graphicType, List<Double> points) {
    SrItem i = new SrItem(rel, "SCOORD", concept);
    i.graphicType = graphicType;
    i.points = List.copyOf(points);
    return i;
  }

  public static SrItem scoord3d(
      String rel,
      CodedConcept concept,
      String graphicType,
      List<Double> points,
      String frameOfReferenceUid) {
    SrItem i = new SrItem(rel, "SCOORD3D", concept);
    i.graphicType = graphicType;
    i.points = List.copyOf(points);
    i.frameOfReferenceUid = frameOfReferenceUid;
    return i;
  }

  /** A by-reference item pointing at {@code position} ("1.2.3"). */
  public static SrItem byReference(String rel, String position) {
    SrItem i = new SrItem(rel, null, null);
    String[] parts = position.split("\\.");
    i.reference = new long[parts.length];
    for (int k = 0; k < parts.length; k++) {
      i.reference[k] = Long.parseLong(parts[k]);
    }
    return i;
  }

  /** True when the tree needs Comprehensive 3D SR. */
  boolean needs3d() {
    if ("SCOORD3D".equals(valueType)) {
      return true;
    }
    for (SrItem c : children) {
      if (c.needs3d()) {
        return true;
      }
    }
    return false;
  }
}
