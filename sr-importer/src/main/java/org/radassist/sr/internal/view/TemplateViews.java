package org.radassist.sr.internal.view;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.radassist.model.AlgorithmIdentification;
import org.radassist.model.CodedConcept;
import org.radassist.model.Finding;
import org.radassist.model.FindingSource;
import org.radassist.model.ImageReference;
import org.radassist.model.ImageRegion;
import org.radassist.model.Measurement;
import org.radassist.model.QualitativeEvaluation;
import org.radassist.sr.ContentItem;
import org.radassist.sr.ContentValue;
import org.radassist.sr.DoseSummary;
import org.radassist.sr.Relationship;
import org.radassist.sr.ReportView;
import org.radassist.sr.SrDocument;
import org.radassist.sr.SrIod;
import org.radassist.sr.ValueType;

/** The template views: TID 1500, CAD TID 4000/4100, KOS TID 2010, dose TID 10001/10011. */
public final class TemplateViews {

  private final SrDocument doc;
  private final String sop;
  private final Map<String, SrDocument.EvidenceReference> evidence = new HashMap<>();
  private final List<String> notes = new ArrayList<>();
  private Map<String, ContentItem> positions;

  private TemplateViews(SrDocument doc) {
    this.doc = doc;
    this.sop = doc.sopInstanceUid().isEmpty() ? "unknown-sop-instance" : doc.sopInstanceUid();
    for (SrDocument.EvidenceReference e : doc.evidence()) {
      evidence.put(e.sopInstanceUid(), e);
    }
  }

  public static ReportView interpret(SrDocument doc) {
    return new TemplateViews(doc).view();
  }

  private ReportView view() {
    ContentItem root = doc.root();
    if (root.hasConcept("126000", "DCM") || doc.templateId().equals("1500")) {
      return result("TID 1500", tid1500(), List.of(), "", null);
    }
    if (doc.iod() == SrIod.MAMMOGRAPHY_CAD || root.hasConcept("111036", "DCM")) {
      return result("TID 4000", cad("TID 4000"), List.of(), "", null);
    }
    if (doc.iod() == SrIod.CHEST_CAD || root.hasConcept("111037", "DCM")) {
      return result("TID 4100", cad("TID 4100"), List.of(), "", null);
    }
    if (doc.iod() == SrIod.KEY_OBJECT_SELECTION || doc.templateId().equals("2010")) {
      List<ImageReference> refs = new ArrayList<>();
      String description = "";
      for (ContentItem c : root.children()) {
        if (c.value() instanceof ContentValue.CompositeReference r) {
          ImageReference ref = reference(r, null);
          if (ref != null) {
            refs.add(ref);
          }
        } else if (Codes.keyObjectDescription(c) && c.value() instanceof ContentValue.Text t) {
          description = t.value();
        }
      }
      return result("TID 2010", List.of(), refs, description, null);
    }
    if (root.hasConcept("113701", "DCM")) {
      boolean ct = root.child("113811", "DCM").isPresent();
      return result(ct ? "TID 10011" : "TID 10001", List.of(), List.of(), "", dose(ct));
    }
    // other templates (echo TID 5200, vendor reports) still use Measurement Groups
    List<Finding> groups = tid1500();
    int numbers = 0;
    int texts = 0;
    for (ContentItem i : doc.items()) {
      if (i.valueType() == ValueType.NUM) {
        numbers++;
      } else if (i.valueType() == ValueType.TEXT) {
        texts++;
      }
    }
    if (groups.isEmpty() && numbers + texts > 0) {
      notes.add(
          "no template view applies: "
              + numbers
              + " measurements and "
              + texts
              + " text items are in the narrative and the tree, not findings");
    }
    return result("generic", groups, List.of(), "", null);
  }

  private ReportView result(
      String template,
      List<Finding> findings,
      List<ImageReference> keyImages,
      String description,
      DoseSummary dose) {
    List<String> all = new ArrayList<>(structureNotes());
    all.addAll(notes);
    return new ReportView(doc, template, findings, keyImages, description, dose, all);
  }

  /**
   * Why the document is partial, one note per kind of reading error ("Relationship Type ... is
   * missing at 80 items (1.1, 1.2, ...)"), and how the view still used those items.
   */
  private List<String> structureNotes() {
    Map<String, List<String>> byMessage = new java.util.LinkedHashMap<>();
    for (org.radassist.sr.Problem p : doc.problems()) {
      if (p.level() == org.radassist.sr.Problem.Level.ERROR) {
        byMessage.computeIfAbsent(p.message(), k -> new ArrayList<>()).add(p.position());
      }
    }
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : byMessage.entrySet()) {
      List<String> at = e.getValue().stream().filter(x -> !x.isEmpty()).toList();
      String where =
          at.isEmpty()
              ? ""
              : at.size() == 1
                  ? " at " + at.get(0)
                  : " at "
                      + at.size()
                      + " items ("
                      + String.join(", ", at.subList(0, Math.min(5, at.size())))
                      + (at.size() > 5 ? ", ..." : "")
                      + ")";
      String how = "";
      if (e.getKey().startsWith("Relationship Type (0040,A010) is missing")) {
        how = ": read as contained content";
      } else if (e.getKey().contains("no Value Type (0040,A040)")
          || e.getKey().startsWith("Value Type (0040,A040) is missing")) {
        how = ": read as a container of its children";
      }
      out.add("partial: " + e.getKey() + where + how);
    }
    return out;
  }

  // ---- TID 1500 ----

  private List<Finding> tid1500() {
    List<Finding> out = new ArrayList<>();
    for (ContentItem item : doc.items()) {
      if (Codes.measurementGroup(item)
          && (item.valueType() == ValueType.CONTAINER
              || (item.valueType() == ValueType.UNKNOWN && !item.children().isEmpty()))) {
        out.add(group(item, "TID 1500"));
      }
    }
    return out;
  }

  private Finding group(ContentItem group, String template) {
    CodedConcept type = null;
    CodedConcept site = null;
    CodedConcept laterality = null;
    String trackingUid = null;
    String trackingId = null;
    Double confidence = null;
    List<Measurement> measurements = new ArrayList<>();
    List<QualitativeEvaluation> evaluations = new ArrayList<>();
    for (ContentItem c : group.children()) {
      if (Codes.trackingIdentifier(c)) {
        trackingId = text(c);
      } else if (Codes.trackingUid(c)) {
        trackingUid = text(c);
      } else if (Codes.finding(c) && c.value() instanceof ContentValue.Code v) {
        type = v.value();
        laterality = lateralityOf(c, laterality);
      } else if (Codes.findingSite(c) && c.value() instanceof ContentValue.Code v) {
        site = v.value();
        laterality = lateralityOf(c, laterality);
      } else if (Codes.laterality(c) && c.value() instanceof ContentValue.Code v) {
        laterality = v.value();
      } else if (Codes.certainty(c)) {
        confidence = probability(c);
      } else if (c.valueType() == ValueType.NUM) {
        Measurement m = measurement(c);
        if (m != null) {
          measurements.add(m);
          measurementDetails(c, m, evaluations);
        }
      } else if (c.relationship() == Relationship.CONTAINS
          || c.relationship() == Relationship.HAS_PROPERTIES
          || c.relationship() == Relationship.UNKNOWN
          || Codes.timePoint(c)) {
        QualitativeEvaluation e = evaluation(c);
        if (e != null) {
          evaluations.add(e);
        }
      }
    }
    String id =
        trackingUid != null && !trackingUid.isEmpty() ? trackingUid : sop + "#" + group.position();
    return new Finding(
        id,
        type,
        site,
        laterality,
        emptyToNull(trackingUid),
        emptyToNull(trackingId),
        measurements,
        evaluations,
        algorithm(group),
        confidence,
        references(group),
        new FindingSource(sop, template, group.position()));
  }

  /**
   * What TID 1500 (TID 300) says about one measurement besides its qualifiers: its own algorithm
   * (TID 4019), the values it was INFERRED FROM, HAS PROPERTIES items and the time point. The
   * model's Measurement has no place for them, so they become evaluations of the finding that name
   * the measurement; what still cannot be used is noted, never dropped silently.
   */
  private void measurementDetails(
      ContentItem num, Measurement m, List<QualitativeEvaluation> evaluations) {
    String label = measurementLabel(m);
    for (ContentItem q : num.children()) {
      if (q.relationship() == Relationship.HAS_CONCEPT_MOD
          && q.value() instanceof ContentValue.Code) {
        continue; // a qualifier of the measurement already
      }
      String value;
      CodedConcept name = q.concept();
      if (q.relationship() == Relationship.INFERRED_FROM) {
        ContentItem target = q;
        if (q.value() instanceof ContentValue.Reference ref && ref.resolved() && !ref.cyclic()) {
          target = positions().getOrDefault(ref.targetPosition(), q);
        }
        name = INFERRED_FROM;
        String what = target.conceptMeaning();
        String v = detailValue(target);
        value = (what.isEmpty() ? "" : what + (v.isEmpty() ? "" : " ")) + v;
      } else {
        value = detailValue(q);
      }
      if (name == null || value.isBlank()) {
        notes.add(
            q.position()
                + ": "
                + q.valueType()
                + " under "
                + label
                + " not used (no name or value)");
        continue;
      }
      evaluations.add(new QualitativeEvaluation(name, null, value + " (" + label + ")"));
    }
  }

  private static final CodedConcept INFERRED_FROM =
      CodedConcept.of("INFERRED FROM", "DCM-REL", "Inferred from");

  private static String measurementLabel(Measurement m) {
    if (m.qualifiers().isEmpty()) {
      return m.concept().meaning();
    }
    return m.concept().meaning()
        + " ("
        + String.join(", ", m.qualifiers().stream().map(CodedConcept::meaning).toList())
        + ")";
  }

  private static String detailValue(ContentItem i) {
    ContentValue v = i.value();
    if (v instanceof ContentValue.Code c) {
      return c.value().meaning();
    }
    if (v instanceof ContentValue.Numeric n && n.number() != null) {
      return org.radassist.sr.internal.render.Words.quantity(n.number(), n.unit());
    }
    if (v instanceof ContentValue.Text t) {
      return t.value();
    }
    if (v instanceof ContentValue.SpatialCoordinates sc) {
      return sc.display();
    }
    if (v instanceof ContentValue.CompositeReference r) {
      return r.sopInstanceUid();
    }
    return "";
  }

  // ---- CAD (TID 4000 / 4100) ----

  private List<Finding> cad(String template) {
    List<Finding> out = new ArrayList<>();
    // composite features contain (INFERRED FROM) the single-image findings they combine: report
    // the outermost finding only, with the regions of everything inside it
    Deque<ContentItem> stack = new ArrayDeque<>();
    stack.push(doc.root());
    while (!stack.isEmpty()) {
      ContentItem item = stack.pop();
      if (Codes.cadFinding(item) && item.value() instanceof ContentValue.Code) {
        out.add(cadFinding(item, template));
        continue;
      }
      for (int i = item.children().size() - 1; i >= 0; i--) {
        stack.push(item.children().get(i));
      }
    }
    return out;
  }

  private Finding cadFinding(ContentItem item, String template) {
    CodedConcept type = ((ContentValue.Code) item.value()).value();
    CodedConcept site = null;
    CodedConcept laterality = null;
    String trackingUid = null;
    String trackingId = null;
    Double confidence = null;
    List<Measurement> measurements = new ArrayList<>();
    List<QualitativeEvaluation> evaluations = new ArrayList<>();
    for (ContentItem c : item.children()) {
      if (Codes.certainty(c)) {
        confidence = probability(c);
      } else if (Codes.findingSite(c) && c.value() instanceof ContentValue.Code v) {
        site = v.value();
        laterality = lateralityOf(c, laterality);
      } else if (Codes.laterality(c) && c.value() instanceof ContentValue.Code v) {
        laterality = v.value();
      } else if (Codes.trackingUid(c)) {
        trackingUid = text(c);
      } else if (Codes.trackingIdentifier(c)) {
        trackingId = text(c);
      } else if (c.valueType() == ValueType.NUM) {
        Measurement m = measurement(c);
        if (m != null) {
          measurements.add(m);
        }
      } else if (!Codes.cadFinding(c)
          && !Codes.algorithmName(c)
          && !Codes.algorithmVersion(c)
          && !Codes.algorithmParameters(c)) {
        QualitativeEvaluation e = evaluation(c);
        if (e != null) {
          evaluations.add(e);
        }
      }
    }
    String id =
        trackingUid != null && !trackingUid.isEmpty() ? trackingUid : sop + "#" + item.position();
    return new Finding(
        id,
        type,
        site,
        laterality,
        emptyToNull(trackingUid),
        emptyToNull(trackingId),
        measurements,
        evaluations,
        algorithm(item),
        confidence,
        references(item),
        new FindingSource(sop, template, item.position()));
  }

  // ---- dose ----

  private DoseSummary dose(boolean ct) {
    List<Measurement> totals = new ArrayList<>();
    List<DoseSummary.Event> events = new ArrayList<>();
    for (ContentItem c : doc.root().children()) {
      if (c.hasConcept("113811", "DCM") || c.hasConcept("113702", "DCM")) {
        for (ContentItem n : subtree(c)) {
          Measurement m = n.valueType() == ValueType.NUM ? measurement(n) : null;
          if (m != null) {
            totals.add(m);
          }
        }
      } else if (c.hasConcept("113819", "DCM") || c.hasConcept("113706", "DCM")) {
        String label = eventLabel(c, events.size() + 1);
        List<Measurement> values = new ArrayList<>();
        for (ContentItem n : subtree(c)) {
          if (n.valueType() == ValueType.NUM && keyDoseValue(n)) {
            Measurement m = measurement(n);
            if (m != null) {
              values.add(m);
            }
          }
        }
        events.add(new DoseSummary.Event(c.position(), label, values));
      }
    }
    return new DoseSummary(ct ? "CT" : "projection X-ray", totals, events);
  }

  /**
   * An irradiation event as a reader names it: its Irradiation Event Label (113605), else the
   * acquisition protocol (125203), else "Event N" with the breast or anatomy, laterality, view and
   * start time the event records.
   */
  private static String eventLabel(ContentItem event, int number) {
    for (String code : List.of("113605", "125203")) {
      String t = event.child(code, "DCM").map(TemplateViews::text).orElse("").strip();
      if (!t.isEmpty()) {
        return t;
      }
    }
    List<String> parts = new ArrayList<>();
    for (ContentItem c : event.children()) {
      boolean anatomy =
          c.hasConcept("T-D0005", "SRT")
              || c.hasConcept("T-D000A", "SRT")
              || c.hasConcept("91723000", "SCT")
              || c.hasConcept("123014", "DCM") && lateralityOf(c, null) != null;
      if ((anatomy || c.hasConcept("111031", "DCM")) && c.value() instanceof ContentValue.Code v) {
        CodedConcept lat = lateralityOf(c, null);
        parts.add(
            lat != null && anatomy
                ? lat.meaning() + " " + v.value().meaning().toLowerCase(java.util.Locale.ROOT)
                : v.value().meaning());
      } else if (c.hasConcept("111526", "DCM") && c.value() instanceof ContentValue.Text t) {
        parts.add(org.radassist.sr.internal.render.Words.dateTime(t.value()));
      }
    }
    return "Event " + number + (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")");
  }

  private static boolean keyDoseValue(ContentItem n) {
    return n.hasConcept("113830", "DCM") // Mean CTDIvol
        || n.hasConcept("113838", "DCM") // DLP
        || n.hasConcept("122130", "DCM") // Dose Area Product
        || n.hasConcept("111631", "DCM") // Average Glandular Dose
        || n.hasConcept("113738", "DCM"); // Dose (RP)
  }

  // ---- shared pieces ----

  private Measurement measurement(ContentItem c) {
    if (!(c.value() instanceof ContentValue.Numeric n) || c.concept() == null) {
      return null;
    }
    BigDecimal value = n.number();
    if (value == null && n.floatingPoint() != null && Double.isFinite(n.floatingPoint())) {
      value = BigDecimal.valueOf(n.floatingPoint());
    }
    if (value == null || n.unit() == null) {
      notes.add(
          c.position()
              + ": "
              + c.conceptMeaning()
              + " has no usable value"
              + (n.qualifier() != null ? " (" + n.qualifier().meaning() + ")" : ""));
      return null;
    }
    List<CodedConcept> qualifiers = new ArrayList<>();
    for (ContentItem q : c.children()) {
      if (q.relationship() == Relationship.HAS_CONCEPT_MOD
          && q.value() instanceof ContentValue.Code code) {
        qualifiers.add(code.value());
      }
    }
    return new Measurement(c.concept(), value, n.unit(), qualifiers);
  }

  private static QualitativeEvaluation evaluation(ContentItem c) {
    if (c.concept() == null) {
      return null;
    }
    if (c.value() instanceof ContentValue.Code code) {
      return new QualitativeEvaluation(c.concept(), code.value(), null);
    }
    if (c.valueType() == ValueType.TEXT
        && c.value() instanceof ContentValue.Text t
        && !t.value().isBlank()) {
      return new QualitativeEvaluation(c.concept(), null, t.value());
    }
    return null;
  }

  private static CodedConcept lateralityOf(ContentItem c, CodedConcept current) {
    for (ContentItem m : c.children()) {
      if (Codes.laterality(m) && m.value() instanceof ContentValue.Code v) {
        return v.value();
      }
    }
    return current;
  }

  /** Certainty as a probability: percent values are scaled, values above 1 otherwise dropped. */
  private static Double probability(ContentItem c) {
    if (!(c.value() instanceof ContentValue.Numeric n) || n.number() == null) {
      return null;
    }
    double v = n.number().doubleValue();
    if (n.unit() != null && n.unit().code().equals("%")) {
      v = v / 100.0;
    }
    return v >= 0 && v <= 1 ? v : null;
  }

  /** TID 4019 in the item's subtree, else the first one in the document. */
  private AlgorithmIdentification algorithm(ContentItem scope) {
    AlgorithmIdentification a = algorithmIn(subtree(scope));
    return a != null ? a : algorithmIn(doc.items());
  }

  private static AlgorithmIdentification algorithmIn(List<ContentItem> items) {
    for (ContentItem parent : items) {
      for (ContentItem i : parent.children()) {
        if (Codes.algorithmName(i) && !text(i).isBlank()) {
          // TID 4019 nests version and parameters under the name; some writers make them siblings
          String version = "";
          List<String> params = new ArrayList<>();
          List<ContentItem> around = new ArrayList<>(i.children());
          around.addAll(parent.children());
          for (ContentItem s : around) {
            if (Codes.algorithmVersion(s) && version.isEmpty()) {
              version = text(s);
            } else if (Codes.algorithmParameters(s)) {
              params.add(text(s));
            }
          }
          return new AlgorithmIdentification(text(i), version, params);
        }
      }
    }
    return null;
  }

  private List<ImageReference> references(ContentItem scope) {
    Set<ImageReference> out = new LinkedHashSet<>();
    List<ContentItem> items = subtree(scope);
    String fallbackSop = null;
    for (ContentItem i : items) {
      if (i.value() instanceof ContentValue.CompositeReference r && !r.sopInstanceUid().isEmpty()) {
        fallbackSop = fallbackSop == null ? r.sopInstanceUid() : fallbackSop;
      }
    }
    Set<ContentItem> usedAsSource = Collections.newSetFromMap(new IdentityHashMap<>());
    for (ContentItem i : items) {
      if (i.value() instanceof ContentValue.SpatialCoordinates s) {
        ImageRegion region = region(s, i.position());
        ContentItem source = null;
        for (ContentItem c : i.children()) {
          if (c.relationship() != Relationship.SELECTED_FROM) {
            continue;
          }
          if (c.value() instanceof ContentValue.CompositeReference) {
            source = c;
          } else if (c.value() instanceof ContentValue.Reference ref
              && ref.resolved()
              && !ref.cyclic()) {
            // CAD reports select regions from the Image Library by reference
            ContentItem target = positions().get(ref.targetPosition());
            if (target != null && target.value() instanceof ContentValue.CompositeReference) {
              source = target;
            }
          }
        }
        if (source != null) {
          usedAsSource.add(source);
          ImageReference ref = reference((ContentValue.CompositeReference) source.value(), region);
          if (ref != null) {
            out.add(ref);
          }
        } else if (s.threeD() && region != null) {
          // 3D regions have no SELECTED FROM: pair with a "Source Image for Segmentation"
          ContentItem src = null;
          for (ContentItem c : items) {
            if (c.hasConcept("121233", "DCM")
                && c.value() instanceof ContentValue.CompositeReference
                && !usedAsSource.contains(c)) {
              src = c;
              break;
            }
          }
          if (src != null) {
            usedAsSource.add(src);
            ImageReference ref = reference((ContentValue.CompositeReference) src.value(), region);
            if (ref != null) {
              out.add(ref);
            }
          } else if (fallbackSop != null) {
            out.add(withEvidence(fallbackSop, "", List.of(), List.of(), region));
          }
        }
      }
    }
    for (ContentItem i : items) {
      if (i.value() instanceof ContentValue.CompositeReference r && !usedAsSource.contains(i)) {
        ImageReference ref = reference(r, null);
        if (ref != null) {
          out.add(ref);
        }
      }
    }
    return new ArrayList<>(out);
  }

  private ImageRegion region(ContentValue.SpatialCoordinates s, String position) {
    ImageRegion.GraphicType type;
    try {
      type = ImageRegion.GraphicType.valueOf(s.graphicType());
    } catch (IllegalArgumentException e) {
      notes.add(position + ": graphic type '" + s.graphicType() + "' is not supported");
      return null;
    }
    int dims = s.threeD() ? 3 : 2;
    if (s.points().isEmpty() || s.points().size() % dims != 0) {
      notes.add(position + ": coordinates are not whole " + dims + "D points");
      return null;
    }
    return new ImageRegion(
        type, s.points(), s.threeD(), s.threeD() ? s.frameOfReferenceUid() : null);
  }

  private ImageReference reference(ContentValue.CompositeReference r, ImageRegion region) {
    if (r.sopInstanceUid().isEmpty()) {
      return null;
    }
    List<Integer> frames = r.frames().stream().filter(f -> f >= 1).toList();
    return withEvidence(r.sopInstanceUid(), r.sopClassUid(), frames, r.segments(), region);
  }

  private ImageReference withEvidence(
      String sopInstance,
      String sopClass,
      List<Integer> frames,
      List<Integer> segments,
      ImageRegion region) {
    SrDocument.EvidenceReference e = evidence.get(sopInstance);
    String cls = sopClass.isEmpty() && e != null ? e.sopClassUid() : sopClass;
    return new ImageReference(
        e == null ? null : e.studyInstanceUid(),
        e == null ? null : e.seriesInstanceUid(),
        cls.isEmpty() ? null : cls,
        sopInstance,
        frames,
        segments,
        region);
  }

  /** The item and everything under it (by-reference items are not followed); iterative. */
  private static List<ContentItem> subtree(ContentItem top) {
    List<ContentItem> out = new ArrayList<>();
    Deque<ContentItem> stack = new ArrayDeque<>();
    stack.push(top);
    while (!stack.isEmpty()) {
      ContentItem i = stack.pop();
      out.add(i);
      for (int k = i.children().size() - 1; k >= 0; k--) {
        stack.push(i.children().get(k));
      }
    }
    return out;
  }

  private Map<String, ContentItem> positions() {
    if (positions == null) {
      positions = doc.byPosition();
    }
    return positions;
  }

  static String text(ContentItem i) {
    return i.value() instanceof ContentValue.Text t ? t.value() : "";
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
