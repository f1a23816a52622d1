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
    return result("generic", List.of(), List.of(), "", null);
  }

  private ReportView result(
      String template,
      List<Finding> findings,
      List<ImageReference> keyImages,
      String description,
      DoseSummary dose) {
    return new ReportView(doc, template, findings, keyImages, description, dose, notes);
  }

  // ---- TID 1500 ----

  private List<Finding> tid1500() {
    List<Finding> out = new ArrayList<>();
    for (ContentItem item : doc.items()) {
      if (Codes.measurementGroup(item) && item.valueType() == ValueType.CONTAINER) {
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
        }
      } else if (c.relationship() == Relationship.CONTAINS
          || c.relationship() == Relationship.HAS_PROPERTIES) {
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
        String label = c.child("125203", "DCM").map(TemplateViews::text).orElse("");
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
