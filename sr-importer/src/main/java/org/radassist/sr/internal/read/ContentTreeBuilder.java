package org.radassist.sr.internal.read;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.SequenceItem;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.radassist.model.CodedConcept;
import org.radassist.sr.ContentItem;
import org.radassist.sr.ContentValue;
import org.radassist.sr.Problem;
import org.radassist.sr.ReadLimits;
import org.radassist.sr.Relationship;
import org.radassist.sr.SrDocument;
import org.radassist.sr.SrIod;
import org.radassist.sr.ValueType;

/**
 * Builds an {@link SrDocument} from a PixelMed {@link AttributeList}: its own iterative walk of the
 * Content Sequence (PixelMed's StructuredReport recurses and trusts its input), with caps on depth
 * and item count and by-reference resolution with cycle detection.
 */
public final class ContentTreeBuilder {

  private final ReadLimits limits;

  public ContentTreeBuilder(ReadLimits limits) {
    this.limits = limits;
  }

  /** A node while the tree is walked; frozen into a {@link ContentItem} afterwards. */
  private static final class Node {
    final String position;
    final int depth;
    final AttributeList attrs;
    final List<Node> children = new ArrayList<>(0);
    Relationship relationship;
    ValueType valueType;
    CodedConcept concept;
    ContentValue value;
    String targetPosition;
    boolean resolved;
    boolean cyclic;
    ContentItem frozen;

    Node(String position, int depth, AttributeList attrs) {
      this.position = position;
      this.depth = depth;
      this.attrs = attrs;
    }
  }

  public SrDocument build(AttributeList list, String source, List<Problem> problems) {
    List<Problem> probs = new ArrayList<>(problems);
    String sopClass = str(list, Tags.SOP_CLASS_UID);
    String sopInstance = str(list, Tags.SOP_INSTANCE_UID);
    SrIod iod = SrIod.fromUid(sopClass);
    if (sopClass.isEmpty()) {
      probs.add(Problem.error("", "SOP Class UID (0008,0016) is missing"));
    } else if (iod == SrIod.OTHER) {
      probs.add(Problem.error("", "SOP Class " + sopClass + " is not an SR storage class"));
    } else if (iod.retiredTrial()) {
      probs.add(Problem.warning("", iod.label() + ": read best effort"));
    }
    if (sopInstance.isEmpty()) {
      probs.add(Problem.error("", "SOP Instance UID (0008,0018) is missing"));
    }
    if (str(list, Tags.STUDY_INSTANCE_UID).isEmpty()) {
      probs.add(Problem.error("", "Study Instance UID (0020,000D) is missing"));
    }
    if (str(list, Tags.SERIES_INSTANCE_UID).isEmpty()) {
      probs.add(Problem.error("", "Series Instance UID (0020,000E) is missing"));
    }

    List<Node> preorder = walk(list, probs);
    resolveReferences(preorder, probs);
    // children always follow their parent in pre-order: freeze back to front
    for (int i = preorder.size() - 1; i >= 0; i--) {
      Node n = preorder.get(i);
      List<ContentItem> kids = new ArrayList<>(n.children.size());
      for (Node c : n.children) {
        kids.add(c.frozen);
      }
      ContentValue v =
          n.valueType == ValueType.BY_REFERENCE
              ? new ContentValue.Reference(n.targetPosition, n.resolved, n.cyclic)
              : n.value;
      n.frozen =
          new ContentItem(
              n.position,
              n.relationship,
              n.valueType,
              n.concept,
              v,
              str(n.attrs, Tags.OBSERVATION_DATE_TIME),
              str(n.attrs, Tags.OBSERVATION_UID),
              kids);
    }
    ContentItem root = preorder.get(0).frozen;

    return new SrDocument(
        source,
        iod,
        sopClass,
        sopInstance,
        str(list, Tags.STUDY_INSTANCE_UID),
        str(list, Tags.SERIES_INSTANCE_UID),
        str(list, Tags.PATIENT_NAME),
        str(list, Tags.PATIENT_ID),
        str(list, Tags.MODALITY),
        str(list, Tags.MANUFACTURER),
        strs(list, Tags.SPECIFIC_CHARACTER_SET),
        str(list, Tags.CONTENT_DATE),
        str(list, Tags.CONTENT_TIME),
        str(list, Tags.COMPLETION_FLAG),
        str(list, Tags.VERIFICATION_FLAG),
        str(list, Tags.PRELIMINARY_FLAG),
        templateId(list),
        observers(list),
        evidence(list),
        root,
        preorder.size(),
        probs);
  }

  private List<Node> walk(AttributeList rootAttrs, List<Problem> probs) {
    Node root = new Node("1", 1, rootAttrs);
    describe(root, true, probs);
    int created = 1;
    Deque<Node> stack = new ArrayDeque<>();
    stack.push(root);
    boolean depthReported = false;
    boolean countReported = false;
    while (!stack.isEmpty()) {
      Node parent = stack.pop();
      Attribute a = parent.attrs.get(Tags.CONTENT_SEQUENCE);
      if (a == null) {
        continue;
      }
      if (!(a instanceof SequenceAttribute seq)) {
        probs.add(
            Problem.error(parent.position, "Content Sequence (0040,A730) is not encoded as SQ"));
        continue;
      }
      int count = seq.getNumberOfItems();
      if (count == 0) {
        continue;
      }
      if (parent.depth >= limits.maxDepth()) {
        if (!depthReported) {
          probs.add(
              Problem.error(
                  parent.position,
                  "content nested deeper than "
                      + limits.maxDepth()
                      + " levels: deeper items were not read"));
          depthReported = true;
        }
        continue;
      }
      List<Node> kids = new ArrayList<>(count);
      // PixelMed keeps items in a LinkedList: getItem(i) in a loop would be quadratic
      java.util.Iterator<SequenceItem> items = seq.iterator();
      for (int i = 0; i < count && items.hasNext(); i++) {
        if (created >= limits.maxItems()) {
          if (!countReported) {
            probs.add(
                Problem.error(
                    parent.position,
                    "more than " + limits.maxItems() + " content items: the rest were not read"));
            countReported = true;
          }
          break;
        }
        AttributeList itemAttrs = items.next().getAttributeList();
        Node child =
            new Node(
                parent.position + "." + (i + 1),
                parent.depth + 1,
                itemAttrs == null ? new AttributeList() : itemAttrs);
        describe(child, false, probs);
        kids.add(child);
        created++;
      }
      parent.children.addAll(kids);
      // pre-order: the first child must be visited next, so push in reverse
      for (int i = kids.size() - 1; i >= 0; i--) {
        stack.push(kids.get(i));
      }
    }
    List<Node> preorder = new ArrayList<>(created);
    Deque<Node> order = new ArrayDeque<>();
    order.push(root);
    while (!order.isEmpty()) {
      Node n = order.pop();
      preorder.add(n);
      for (int i = n.children.size() - 1; i >= 0; i--) {
        order.push(n.children.get(i));
      }
    }
    return preorder;
  }

  private void describe(Node n, boolean isRoot, List<Problem> probs) {
    AttributeList a = n.attrs;
    String p = n.position;
    if (isRoot) {
      n.relationship = Relationship.ROOT;
    } else {
      String rel = str(a, Tags.RELATIONSHIP_TYPE);
      n.relationship = Relationship.fromDicom(rel);
      if (n.relationship == Relationship.UNKNOWN) {
        probs.add(
            Problem.error(
                p,
                rel.isEmpty()
                    ? "Relationship Type (0040,A010) is missing"
                    : "unknown Relationship Type '" + rel + "'"));
      }
    }
    Attribute ref = a.get(Tags.REFERENCED_CONTENT_ITEM_IDENTIFIER);
    String vt = str(a, Tags.VALUE_TYPE);
    if (ref != null && vt.isEmpty()) {
      n.valueType = ValueType.BY_REFERENCE;
      long[] ids = longs(ref);
      StringBuilder sb = new StringBuilder();
      for (long id : ids) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(id);
      }
      n.targetPosition = sb.toString();
      n.value = new ContentValue.Empty();
      return;
    }
    n.valueType = ValueType.fromDicom(vt);
    if (n.valueType == ValueType.UNKNOWN) {
      probs.add(
          Problem.error(
              p,
              vt.isEmpty()
                  ? (isRoot
                      ? "the root item has no Value Type (0040,A040)"
                      : "Value Type (0040,A040) is missing")
                  : "unknown Value Type '" + vt + "'"));
    }
    n.concept = code(a, Tags.CONCEPT_NAME_CODE_SEQUENCE);
    if (isRoot && n.concept == null) {
      probs.add(Problem.warning(p, "the root container has no Concept Name (document title)"));
    }
    n.value = value(n, probs);
  }

  private ContentValue value(Node n, List<Problem> probs) {
    AttributeList a = n.attrs;
    String p = n.position;
    switch (n.valueType) {
      case CONTAINER:
        {
          String continuity = str(a, Tags.CONTINUITY_OF_CONTENT);
          AttributeList tpl = firstItem(a, Tags.CONTENT_TEMPLATE_SEQUENCE);
          return new ContentValue.Container(
              "CONTINUOUS".equals(continuity),
              tpl == null ? "" : str(tpl, Tags.TEMPLATE_IDENTIFIER),
              tpl == null ? "" : str(tpl, Tags.MAPPING_RESOURCE));
        }
      case TEXT:
        return text(a, Tags.TEXT_VALUE, n, probs);
      case PNAME:
        return text(a, Tags.PERSON_NAME, n, probs);
      case DATE:
        return text(a, Tags.DATE, n, probs);
      case TIME:
        return text(a, Tags.TIME, n, probs);
      case DATETIME:
        return text(a, Tags.DATE_TIME, n, probs);
      case UIDREF:
        return text(a, Tags.UID, n, probs);
      case CODE:
        {
          CodedConcept c = code(a, Tags.CONCEPT_CODE_SEQUENCE);
          if (c == null) {
            probs.add(Problem.warning(p, "CODE item has no Concept Code Sequence value"));
            return new ContentValue.Empty();
          }
          return new ContentValue.Code(c);
        }
      case NUM:
        return numeric(n, probs);
      case SCOORD:
      case SCOORD3D:
        {
          boolean threeD = n.valueType == ValueType.SCOORD3D;
          List<Double> pts = doubles(a.get(Tags.GRAPHIC_DATA));
          int dims = threeD ? 3 : 2;
          if (pts.isEmpty() || pts.size() % dims != 0) {
            probs.add(
                Problem.warning(
                    p,
                    "Graphic Data holds "
                        + pts.size()
                        + " values, not whole "
                        + dims
                        + "D points"));
          }
          return new ContentValue.SpatialCoordinates(
              str(a, Tags.GRAPHIC_TYPE),
              pts,
              threeD,
              threeD ? str(a, Tags.REFERENCED_FRAME_OF_REFERENCE_UID) : "");
        }
      case TCOORD:
        {
          List<Long> samples = new ArrayList<>();
          for (long l : longs(a.get(Tags.REFERENCED_SAMPLE_POSITIONS))) {
            samples.add(l);
          }
          return new ContentValue.TemporalCoordinates(
              str(a, Tags.TEMPORAL_RANGE_TYPE),
              samples,
              doubles(a.get(Tags.REFERENCED_TIME_OFFSETS)),
              stringList(a.get(Tags.REFERENCED_DATE_TIME)));
        }
      case IMAGE:
      case COMPOSITE:
      case WAVEFORM:
        return composite(n, probs);
      case TABLE:
        return new ContentValue.Opaque("TABLE (" + a.size() + " attributes; shown as is)");
      default:
        return new ContentValue.Empty();
    }
  }

  private ContentValue text(AttributeList a, AttributeTag tag, Node n, List<Problem> probs) {
    Attribute attr = a.get(tag);
    if (attr == null) {
      probs.add(Problem.warning(n.position, n.valueType + " item has no value " + tagName(tag)));
      return new ContentValue.Text("");
    }
    // multi-valued strings are rejoined with the DICOM separator: TEXT (UT) never splits
    String[] v = values(attr);
    String joined = v.length == 0 ? "" : v.length == 1 ? v[0] : String.join("\\", v);
    return new ContentValue.Text(stripPadding(joined));
  }

  private ContentValue numeric(Node n, List<Problem> probs) {
    AttributeList a = n.attrs;
    AttributeList mv = firstItem(a, Tags.MEASURED_VALUE_SEQUENCE);
    CodedConcept qualifier = code(a, Tags.NUMERIC_VALUE_QUALIFIER_CODE_SEQUENCE);
    if (mv == null) {
      if (qualifier == null) {
        probs.add(Problem.warning(n.position, "NUM item has an empty Measured Value Sequence"));
      }
      return new ContentValue.Numeric("", null, null, null, qualifier);
    }
    String raw = str(mv, Tags.NUMERIC_VALUE);
    BigDecimal number = null;
    if (raw.isEmpty()) {
      probs.add(Problem.warning(n.position, "NUM item has an empty Numeric Value (0040,A30A)"));
    } else {
      try {
        number = new BigDecimal(raw.trim());
      } catch (NumberFormatException e) {
        probs.add(Problem.warning(n.position, "Numeric Value '" + raw + "' is not a number"));
      }
    }
    Double fp = null;
    Attribute fpa = mv.get(Tags.FLOATING_POINT_VALUE);
    if (fpa != null) {
      List<Double> d = doubles(fpa);
      fp = d.isEmpty() ? null : d.get(0);
    }
    CodedConcept unit = code(mv, Tags.MEASUREMENT_UNITS_CODE_SEQUENCE);
    if (unit == null) {
      probs.add(Problem.warning(n.position, "NUM item has no Measurement Units Code"));
    }
    return new ContentValue.Numeric(raw, number, unit, fp, qualifier);
  }

  private ContentValue composite(Node n, List<Problem> probs) {
    AttributeList r = firstItem(n.attrs, Tags.REFERENCED_SOP_SEQUENCE);
    if (r == null) {
      probs.add(Problem.warning(n.position, n.valueType + " item has no Referenced SOP Sequence"));
      return new ContentValue.CompositeReference("", "", List.of(), List.of(), List.of(), "", "");
    }
    String cls = str(r, Tags.REFERENCED_SOP_CLASS_UID);
    String inst = str(r, Tags.REFERENCED_SOP_INSTANCE_UID);
    if (cls.isEmpty() || inst.isEmpty()) {
      probs.add(
          Problem.warning(
              n.position, n.valueType + " reference lacks its SOP Class or Instance UID"));
    }
    AttributeList ps = firstItem(r, Tags.REFERENCED_SOP_SEQUENCE);
    return new ContentValue.CompositeReference(
        cls,
        inst,
        ints(r.get(Tags.REFERENCED_FRAME_NUMBER)),
        ints(r.get(Tags.REFERENCED_SEGMENT_NUMBER)),
        ints(r.get(Tags.REFERENCED_WAVEFORM_CHANNELS)),
        ps == null ? "" : str(ps, Tags.REFERENCED_SOP_CLASS_UID),
        ps == null ? "" : str(ps, Tags.REFERENCED_SOP_INSTANCE_UID));
  }

  /**
   * Marks each by-reference item resolved (its target exists) and cyclic (following it, through
   * children and further references, comes back to the item itself).
   */
  private static void resolveReferences(List<Node> preorder, List<Problem> probs) {
    List<Node> refs = new ArrayList<>();
    for (Node n : preorder) {
      if (n.valueType == ValueType.BY_REFERENCE) {
        refs.add(n);
      }
    }
    if (refs.isEmpty()) {
      return;
    }
    Map<String, Node> byPos = new HashMap<>(preorder.size() * 2);
    for (Node n : preorder) {
      byPos.put(n.position, n);
    }
    long budget = 20_000_000L; // visits; a pathological file cannot make this quadratic forever
    for (Node r : refs) {
      Node target = byPos.get(r.targetPosition);
      if (target == null) {
        probs.add(
            Problem.error(
                r.position,
                "by-reference item points at "
                    + (r.targetPosition.isEmpty() ? "nothing" : r.targetPosition)
                    + ", which does not exist"));
        continue;
      }
      r.resolved = true;
      Set<Node> seen = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
      Deque<Node> work = new ArrayDeque<>();
      work.push(target);
      while (!work.isEmpty() && budget-- > 0) {
        Node x = work.pop();
        if (x == r) {
          r.cyclic = true;
          break;
        }
        if (!seen.add(x)) {
          continue;
        }
        for (Node c : x.children) {
          work.push(c);
        }
        if (x.valueType == ValueType.BY_REFERENCE) {
          Node t = byPos.get(x.targetPosition);
          if (t != null) {
            work.push(t);
          }
        }
      }
      if (r.cyclic) {
        probs.add(
            Problem.warning(
                r.position,
                "by-reference to " + r.targetPosition + " forms a cycle (shown, not followed)"));
      }
    }
    if (budget <= 0) {
      probs.add(
          Problem.warning("", "by-reference cycle check stopped early (too many references)"));
    }
  }

  // ---- attribute helpers (never throw) ----

  static String str(AttributeList a, AttributeTag tag) {
    Attribute attr = a.get(tag);
    if (attr == null) {
      return "";
    }
    String s = attr.getSingleStringValueOrEmptyString();
    return s == null ? "" : s.trim();
  }

  static String strs(AttributeList a, AttributeTag tag) {
    Attribute attr = a.get(tag);
    return attr == null ? "" : String.join("\\", values(attr));
  }

  /** Drops the trailing space padding of even-length DICOM strings (line breaks are content). */
  private static String stripPadding(String s) {
    int end = s.length();
    while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\0')) {
      end--;
    }
    return s.substring(0, end);
  }

  private static String[] values(Attribute attr) {
    try {
      String[] v = attr.getStringValues();
      return v == null ? new String[0] : v;
    } catch (Exception e) {
      return new String[0];
    }
  }

  private static List<String> stringList(Attribute attr) {
    if (attr == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String s : values(attr)) {
      out.add(s.trim());
    }
    return out;
  }

  private static List<Double> doubles(Attribute attr) {
    if (attr == null) {
      return List.of();
    }
    try {
      double[] d = attr.getDoubleValues();
      List<Double> out = new ArrayList<>(d == null ? 0 : d.length);
      if (d != null) {
        for (double x : d) {
          out.add(x);
        }
      }
      return out;
    } catch (Exception e) {
      return List.of();
    }
  }

  private static long[] longs(Attribute attr) {
    if (attr == null) {
      return new long[0];
    }
    try {
      long[] l = attr.getLongValues();
      return l == null ? new long[0] : l;
    } catch (Exception e) {
      return new long[0];
    }
  }

  private static List<Integer> ints(Attribute attr) {
    List<Integer> out = new ArrayList<>();
    for (long l : longs(attr)) {
      out.add((int) l);
    }
    return out;
  }

  static AttributeList firstItem(AttributeList a, AttributeTag tag) {
    Attribute attr = a.get(tag);
    if (attr instanceof SequenceAttribute s && s.getNumberOfItems() > 0) {
      return s.getItem(0).getAttributeList();
    }
    return null;
  }

  /** A code sequence's first item as a concept; null when absent or without a code. */
  static CodedConcept code(AttributeList a, AttributeTag seqTag) {
    AttributeList item = firstItem(a, seqTag);
    if (item == null) {
      return null;
    }
    String value = str(item, Tags.CODE_VALUE);
    if (value.isEmpty()) {
      value = str(item, Tags.LONG_CODE_VALUE);
    }
    if (value.isEmpty()) {
      value = str(item, Tags.URN_CODE_VALUE);
    }
    String scheme = str(item, Tags.CODING_SCHEME_DESIGNATOR);
    String meaning = str(item, Tags.CODE_MEANING);
    if (value.isEmpty() && meaning.isEmpty()) {
      return null;
    }
    // keep what is there: the model needs text, so an absent part shows as "?"
    return CodedConcept.of(value.isEmpty() ? "?" : value, scheme.isEmpty() ? "?" : scheme, meaning);
  }

  private String templateId(AttributeList list) {
    AttributeList t = firstItem(list, Tags.CONTENT_TEMPLATE_SEQUENCE);
    return t == null ? "" : str(t, Tags.TEMPLATE_IDENTIFIER);
  }

  private static List<SrDocument.Observer> observers(AttributeList list) {
    Attribute attr = list.get(Tags.VERIFYING_OBSERVER_SEQUENCE);
    List<SrDocument.Observer> out = new ArrayList<>();
    if (attr instanceof SequenceAttribute s) {
      for (int i = 0; i < s.getNumberOfItems(); i++) {
        AttributeList o = s.getItem(i).getAttributeList();
        out.add(
            new SrDocument.Observer(
                str(o, Tags.VERIFYING_OBSERVER_NAME),
                str(o, Tags.VERIFYING_ORGANIZATION),
                str(o, Tags.VERIFICATION_DATE_TIME)));
      }
    }
    return out;
  }

  private static List<SrDocument.EvidenceReference> evidence(AttributeList list) {
    List<SrDocument.EvidenceReference> out = new ArrayList<>();
    for (AttributeTag tag :
        List.of(
            Tags.CURRENT_REQUESTED_PROCEDURE_EVIDENCE_SEQUENCE,
            Tags.PERTINENT_OTHER_EVIDENCE_SEQUENCE)) {
      if (!(list.get(tag) instanceof SequenceAttribute studies)) {
        continue;
      }
      for (int i = 0; i < studies.getNumberOfItems(); i++) {
        AttributeList st = studies.getItem(i).getAttributeList();
        String study = str(st, Tags.STUDY_INSTANCE_UID);
        if (!(st.get(Tags.REFERENCED_SERIES_SEQUENCE) instanceof SequenceAttribute series)) {
          continue;
        }
        for (int j = 0; j < series.getNumberOfItems(); j++) {
          AttributeList se = series.getItem(j).getAttributeList();
          String seriesUid = str(se, Tags.SERIES_INSTANCE_UID);
          if (!(se.get(Tags.REFERENCED_SOP_SEQUENCE) instanceof SequenceAttribute sops)) {
            continue;
          }
          for (int k = 0; k < sops.getNumberOfItems(); k++) {
            AttributeList sop = sops.getItem(k).getAttributeList();
            out.add(
                new SrDocument.EvidenceReference(
                    study,
                    seriesUid,
                    str(sop, Tags.REFERENCED_SOP_CLASS_UID),
                    str(sop, Tags.REFERENCED_SOP_INSTANCE_UID)));
          }
        }
      }
    }
    return out;
  }

  private static String tagName(AttributeTag t) {
    return String.format("(%04X,%04X)", t.getGroup(), t.getElement());
  }
}
