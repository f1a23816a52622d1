package org.radassist.sr.internal.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeFactory;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.SpecificCharacterSet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * DICOM JSON (PS3.18 F.2) to a PixelMed {@link AttributeList}, so the same content walk reads
 * WADO-RS metadata. By-reference items arrive as items holding only Referenced Content Item
 * Identifier and need nothing special. Bulk data and inline binary values are skipped (an SR
 * content tree has none).
 */
public final class DicomJsonReader {
  private static final SpecificCharacterSet UTF8 =
      new SpecificCharacterSet(new String[] {"ISO_IR 192"});

  private final ObjectMapper mapper;
  private final int maxNesting;

  public DicomJsonReader(int maxNesting) {
    this.maxNesting = maxNesting;
    this.mapper = new ObjectMapper();
    mapper
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(maxNesting * 4 + 16).build());
    mapper.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  }

  /** The first instance of the JSON (an object, or an array as WADO-RS metadata answers). */
  public AttributeList read(InputStream in) throws IOException, DicomException {
    JsonNode root = mapper.readTree(in);
    if (root != null && root.isArray()) {
      if (root.isEmpty()) {
        throw new IOException("empty DICOM JSON array");
      }
      root = root.get(0);
    }
    if (root == null || !root.isObject()) {
      throw new IOException("not a DICOM JSON object");
    }
    return dataset(root, 0);
  }

  private AttributeList dataset(JsonNode obj, int depth) throws DicomException, IOException {
    if (depth > maxNesting) {
      throw new IOException("sequences nested more than " + maxNesting + " levels deep");
    }
    AttributeList list = new AttributeList();
    Iterator<Map.Entry<String, JsonNode>> it = obj.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      if (key.length() != 8) {
        throw new IOException("'" + key + "' is not a DICOM JSON tag");
      }
      AttributeTag tag;
      try {
        tag =
            new AttributeTag(
                Integer.parseInt(key.substring(0, 4), 16), Integer.parseInt(key.substring(4), 16));
      } catch (NumberFormatException ex) {
        throw new IOException("'" + key + "' is not a DICOM JSON tag");
      }
      JsonNode el = e.getValue();
      String vr = el.path("vr").asText("");
      if (vr.length() != 2) {
        throw new IOException(key + ": missing or bad vr");
      }
      JsonNode values = el.get("Value");
      if (vr.equals("SQ")) {
        SequenceAttribute seq = new SequenceAttribute(tag);
        if (values != null) {
          for (JsonNode item : values) {
            seq.addItem(item.isObject() ? dataset(item, depth + 1) : new AttributeList());
          }
        }
        list.put(seq);
        continue;
      }
      Attribute a =
          AttributeFactory.newAttribute(tag, vr.getBytes(StandardCharsets.US_ASCII), UTF8);
      if (values != null && !el.has("InlineBinary") && !el.has("BulkDataURI")) {
        for (JsonNode v : values) {
          addValue(a, vr, v);
        }
      }
      list.put(a);
    }
    return list;
  }

  private static void addValue(Attribute a, String vr, JsonNode v) throws DicomException {
    if (v == null || v.isNull()) {
      a.addValue("");
      return;
    }
    switch (vr) {
      case "PN" -> a.addValue(v.isObject() ? v.path("Alphabetic").asText("") : v.asText());
      case "FL", "FD" -> a.addValue(v.asDouble());
      case "UL", "US", "SL", "SS", "UV", "SV" -> a.addValue(v.asLong());
      case "DS", "IS" -> a.addValue(v.isNumber() ? v.numberValue().toString() : v.asText());
      default -> a.addValue(v.asText());
    }
  }
}
