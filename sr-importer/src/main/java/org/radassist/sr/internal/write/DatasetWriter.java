package org.radassist.sr.internal.write;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.CodeStringAttribute;
import com.pixelmed.dicom.DateAttribute;
import com.pixelmed.dicom.DateTimeAttribute;
import com.pixelmed.dicom.DecimalStringAttribute;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FloatSingleAttribute;
import com.pixelmed.dicom.IntegerStringAttribute;
import com.pixelmed.dicom.LongStringAttribute;
import com.pixelmed.dicom.PersonNameAttribute;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.ShortStringAttribute;
import com.pixelmed.dicom.SpecificCharacterSet;
import com.pixelmed.dicom.TimeAttribute;
import com.pixelmed.dicom.UniqueIdentifierAttribute;
import com.pixelmed.dicom.UnlimitedCharactersAttribute;
import com.pixelmed.dicom.UnlimitedTextAttribute;
import com.pixelmed.dicom.UnsignedLongAttribute;
import com.pixelmed.dicom.UnsignedShortAttribute;
import java.math.BigDecimal;
import java.math.MathContext;
import org.radassist.model.CodedConcept;
import org.radassist.sr.internal.read.Tags;

/** Encodes {@link SrItem} trees and header values as PixelMed attributes (UTF-8 text). */
public final class DatasetWriter {
  public static final SpecificCharacterSet UTF8 =
      new SpecificCharacterSet(new String[] {"ISO_IR 192"});

  private DatasetWriter() {}

  /** Puts the root item's content (value type, concept, template, content sequence) into list. */
  public static void content(AttributeList list, SrItem root) throws DicomException {
    item(list, root, true);
  }

  private static void item(AttributeList a, SrItem i, boolean root) throws DicomException {
    if (!root) {
      cs(a, Tags.RELATIONSHIP_TYPE, i.relationship);
    }
    if (i.reference != null) {
      UnsignedLongAttribute ref =
          new UnsignedLongAttribute(Tags.REFERENCED_CONTENT_ITEM_IDENTIFIER);
      for (long l : i.reference) {
        ref.addValue(l);
      }
      a.put(ref);
      return;
    }
    cs(a, Tags.VALUE_TYPE, i.valueType);
    if (i.concept != null) {
      codeSequence(a, Tags.CONCEPT_NAME_CODE_SEQUENCE, i.concept);
    }
    switch (i.valueType) {
      case "CONTAINER" -> {
        cs(a, Tags.CONTINUITY_OF_CONTENT, i.continuous ? "CONTINUOUS" : "SEPARATE");
        if (i.templateId != null) {
          AttributeList t = new AttributeList();
          cs(t, Tags.MAPPING_RESOURCE, "DCMR");
          cs(t, Tags.TEMPLATE_IDENTIFIER, i.templateId);
          sequence(a, Tags.CONTENT_TEMPLATE_SEQUENCE, t);
        }
      }
      case "TEXT" -> put(a, new UnlimitedTextAttribute(Tags.TEXT_VALUE, UTF8), i.text);
      case "UIDREF" -> put(a, new UniqueIdentifierAttribute(Tags.UID), i.text);
      case "PNAME" -> put(a, new PersonNameAttribute(Tags.PERSON_NAME, UTF8), i.text);
      case "DATETIME" -> put(a, new DateTimeAttribute(Tags.DATE_TIME), i.text);
      case "CODE" -> codeSequence(a, Tags.CONCEPT_CODE_SEQUENCE, i.code);
      case "NUM" -> {
        AttributeList mv = new AttributeList();
        put(mv, new DecimalStringAttribute(Tags.NUMERIC_VALUE), decimalString(i.number));
        codeSequence(mv, Tags.MEASUREMENT_UNITS_CODE_SEQUENCE, i.unit);
        sequence(a, Tags.MEASURED_VALUE_SEQUENCE, mv);
      }
      case "IMAGE", "COMPOSITE" -> {
        AttributeList r = new AttributeList();
        put(r, new UniqueIdentifierAttribute(Tags.REFERENCED_SOP_CLASS_UID), i.sopClassUid);
        put(r, new UniqueIdentifierAttribute(Tags.REFERENCED_SOP_INSTANCE_UID), i.sopInstanceUid);
        if (!i.frames.isEmpty()) {
          IntegerStringAttribute f = new IntegerStringAttribute(Tags.REFERENCED_FRAME_NUMBER);
          for (int n : i.frames) {
            f.addValue(n);
          }
          r.put(f);
        }
        if (!i.segments.isEmpty()) {
          UnsignedShortAttribute s = new UnsignedShortAttribute(Tags.REFERENCED_SEGMENT_NUMBER);
          for (int n : i.segments) {
            s.addValue(n);
          }
          r.put(s);
        }
        sequence(a, Tags.REFERENCED_SOP_SEQUENCE, r);
      }
      case "SCOORD", "SCOORD3D" -> {
        cs(a, Tags.GRAPHIC_TYPE, i.graphicType);
        FloatSingleAttribute g = new FloatSingleAttribute(Tags.GRAPHIC_DATA);
        for (double d : i.points) {
          g.addValue((float) d);
        }
        a.put(g);
        if (i.frameOfReferenceUid != null) {
          put(
              a,
              new UniqueIdentifierAttribute(Tags.REFERENCED_FRAME_OF_REFERENCE_UID),
              i.frameOfReferenceUid);
        }
      }
      default -> throw new DicomException("cannot write value type " + i.valueType);
    }
    if (!i.children.isEmpty()) {
      SequenceAttribute seq = new SequenceAttribute(Tags.CONTENT_SEQUENCE);
      for (SrItem c : i.children) {
        AttributeList child = new AttributeList();
        item(child, c, false);
        seq.addItem(child);
      }
      a.put(seq);
    }
  }

  /** DS holds at most 16 characters: keep the value when it fits, else round to fit. */
  public static String decimalString(BigDecimal v) {
    String s = v.toString();
    if (s.length() <= 16) {
      return s;
    }
    for (int digits = 15; digits > 1; digits--) {
      String r = v.round(new MathContext(digits)).toString();
      if (r.length() <= 16) {
        return r;
      }
    }
    return v.round(new MathContext(1)).toString();
  }

  public static void codeSequence(AttributeList a, AttributeTag tag, CodedConcept c)
      throws DicomException {
    AttributeList item = new AttributeList();
    if (c.code().length() > 16) {
      put(item, new UnlimitedCharactersAttribute(Tags.LONG_CODE_VALUE, UTF8), c.code());
    } else {
      put(item, new ShortStringAttribute(Tags.CODE_VALUE, UTF8), c.code());
    }
    put(item, new ShortStringAttribute(Tags.CODING_SCHEME_DESIGNATOR, UTF8), c.scheme());
    put(item, new LongStringAttribute(Tags.CODE_MEANING, UTF8), c.meaning());
    sequence(a, tag, item);
  }

  public static void sequence(AttributeList a, AttributeTag tag, AttributeList... items) {
    SequenceAttribute s = new SequenceAttribute(tag);
    for (AttributeList i : items) {
      s.addItem(i);
    }
    a.put(s);
  }

  public static void cs(AttributeList a, AttributeTag tag, String v) throws DicomException {
    put(a, new CodeStringAttribute(tag), v);
  }

  public static void put(AttributeList a, Attribute attr, String v) throws DicomException {
    if (v != null && !v.isEmpty()) {
      attr.addValue(v);
    }
    a.put(attr);
  }

  public static void ui(AttributeList a, AttributeTag tag, String v) throws DicomException {
    put(a, new UniqueIdentifierAttribute(tag), v);
  }

  public static void date(AttributeList a, AttributeTag tag, String v) throws DicomException {
    put(a, new DateAttribute(tag), v);
  }

  public static void time(AttributeList a, AttributeTag tag, String v) throws DicomException {
    put(a, new TimeAttribute(tag), v);
  }

  public static void lo(AttributeList a, AttributeTag tag, String v) throws DicomException {
    put(a, new LongStringAttribute(tag, UTF8), v);
  }

  public static void sh(AttributeList a, AttributeTag tag, String v) throws DicomException {
    put(a, new ShortStringAttribute(tag, UTF8), v);
  }

  public static void pn(AttributeList a, AttributeTag tag, String v) throws DicomException {
    put(a, new PersonNameAttribute(tag, UTF8), v);
  }

  public static void is(AttributeList a, AttributeTag tag, int v) throws DicomException {
    put(a, new IntegerStringAttribute(tag), Integer.toString(v));
  }
}
