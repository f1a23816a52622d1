package org.radassist.sr.internal.validate;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.radassist.sr.ContentItem;
import org.radassist.sr.ContentValue;
import org.radassist.sr.Problem;
import org.radassist.sr.Relationship;
import org.radassist.sr.SrDocument;
import org.radassist.sr.SrIod;
import org.radassist.sr.ValueType;

/** The implementation behind {@link org.radassist.sr.SrValidation}. */
public final class SrValidator {
  private static final Pattern SINGLE_COMPONENT = Pattern.compile("0|[1-9][0-9]*");
  private static final Pattern UID = Pattern.compile("(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))+");

  private SrValidator() {}

  /** The reader's problems followed by these checks' findings. */
  public static List<Problem> check(SrDocument d) {
    List<Problem> out = new ArrayList<>(d.problems());
    if (d.iod() != SrIod.OTHER) {
      uid(out, "", "SOP Instance UID", d.sopInstanceUid());
      uid(out, "", "Study Instance UID", d.studyInstanceUid());
      uid(out, "", "Series Instance UID", d.seriesInstanceUid());
    }
    if (d.root().valueType() != ValueType.CONTAINER) {
      out.add(Problem.error("1", "the root content item must be a CONTAINER"));
    }
    if (!d.completionFlag().isEmpty()
        && !Set.of("PARTIAL", "COMPLETE").contains(d.completionFlag())) {
      out.add(
          Problem.error("", "Completion Flag '" + d.completionFlag() + "' is not a defined term"));
    }
    if (!d.verificationFlag().isEmpty()
        && !Set.of("UNVERIFIED", "VERIFIED").contains(d.verificationFlag())) {
      out.add(
          Problem.error(
              "", "Verification Flag '" + d.verificationFlag() + "' is not a defined term"));
    }
    if (d.verificationFlag().equals("VERIFIED") && d.verifyingObservers().isEmpty()) {
      out.add(Problem.error("", "VERIFIED document without a Verifying Observer"));
    }
    Set<ValueType> allowed = allowedValueTypes(d.iod());
    boolean byRefAllowed =
        switch (d.iod()) {
          case COMPREHENSIVE,
              COMPREHENSIVE_3D,
              EXTENSIBLE,
              COMPREHENSIVE_SR_TRIAL,
              MAMMOGRAPHY_CAD,
              CHEST_CAD,
              COLON_CAD,
              OTHER ->
              true;
          default -> false;
        };
    for (ContentItem i : d.items()) {
      if (i.isByReference()) {
        if (!byRefAllowed) {
          out.add(
              Problem.error(
                  i.position(), "by-reference items are not allowed in " + d.iod().label()));
        }
        continue;
      }
      if (allowed != null
          && i.valueType() != ValueType.UNKNOWN
          && !allowed.contains(i.valueType())) {
        out.add(
            Problem.error(
                i.position(), i.valueType() + " items are not allowed in " + d.iod().label()));
      }
      if (i.value() instanceof ContentValue.CompositeReference r) {
        uid(out, i.position(), "Referenced SOP Class UID", r.sopClassUid());
        uid(out, i.position(), "Referenced SOP Instance UID", r.sopInstanceUid());
      }
      if (i.valueType() == ValueType.UIDREF && i.value() instanceof ContentValue.Text t) {
        uid(out, i.position(), "UIDREF value", t.value());
      }
      if (i.valueType() == ValueType.CONTAINER
          && i.relationship() != Relationship.ROOT
          && i.concept() == null
          && d.iod() != SrIod.OTHER
          && i.relationship() == Relationship.CONTAINS
          && i.children().isEmpty()) {
        out.add(Problem.warning(i.position(), "empty CONTAINER without a concept name"));
      }
    }
    return out;
  }

  public static boolean hasErrors(List<Problem> problems) {
    return problems.stream().anyMatch(p -> p.level() == Problem.Level.ERROR);
  }

  private static void uid(List<Problem> out, String position, String what, String value) {
    if (value.isEmpty()) {
      return; // missing UIDs are reported by the reader where they are required
    }
    // only a UIDREF value: a reference to an instance or class must resolve, "0" cannot
    if (what.equals("UIDREF value")
        && value.length() <= 64
        && SINGLE_COMPONENT.matcher(value).matches()) {
      // well-formed UI syntax (dcmtk's strict check accepts it), just not under any root
      out.add(
          Problem.warning(
              position,
              what
                  + " '"
                  + value
                  + "' has a single component: not a UID under an organisation root, still"
                  + " readable"));
    } else if (value.length() > 64 || !UID.matcher(value).matches()) {
      out.add(Problem.error(position, what + " '" + value + "' is not a valid UID"));
    }
  }

  /** PS3.3 A.35: the value types each SR IOD may hold; null = no restriction we check. */
  private static Set<ValueType> allowedValueTypes(SrIod iod) {
    Set<ValueType> basic =
        EnumSet.of(
            ValueType.CONTAINER,
            ValueType.TEXT,
            ValueType.CODE,
            ValueType.DATETIME,
            ValueType.DATE,
            ValueType.TIME,
            ValueType.UIDREF,
            ValueType.PNAME,
            ValueType.COMPOSITE,
            ValueType.IMAGE,
            ValueType.WAVEFORM);
    return switch (iod) {
      case BASIC_TEXT -> basic;
      case ENHANCED, COMPREHENSIVE, MAMMOGRAPHY_CAD, CHEST_CAD, COLON_CAD -> {
        Set<ValueType> s = EnumSet.copyOf(basic);
        s.addAll(EnumSet.of(ValueType.NUM, ValueType.SCOORD, ValueType.TCOORD));
        yield s;
      }
      case KEY_OBJECT_SELECTION ->
          EnumSet.of(
              ValueType.CONTAINER,
              ValueType.TEXT,
              ValueType.CODE,
              ValueType.UIDREF,
              ValueType.PNAME,
              ValueType.IMAGE,
              ValueType.COMPOSITE,
              ValueType.WAVEFORM);
      default -> null;
    };
  }
}
