package org.radassist.drafting.service.internal.llm;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.radassist.model.SectionKind;

/**
 * Finds the report sections in a model's answer while it streams: a non-blocking Jackson parser is
 * fed each piece as it arrives, and a section is returned as soon as its whole string value ({@code
 * $.sections.findings}) has been read, long before the rest of the answer is known. It checks only
 * what a section needs (a string at that place, a known key, no repeat); the whole answer is still
 * validated by {@link ModelOutputSchema} at the end. Anything before the first {@code {} (a
 * Markdown fence) is skipped; after malformed JSON it stops finding sections and the end's
 * validation decides. Not thread-safe: feed it from the stream's reader.
 */
final class SectionStreamer {
  /** A section whose value is complete. */
  record Section(SectionKind kind, String text) {}

  private final JsonParser parser;
  private final ByteArrayFeeder feeder;
  private final List<SectionKind> seen = new ArrayList<>();
  private boolean started;
  private boolean broken;

  SectionStreamer(JsonFactory factory) {
    try {
      this.parser = factory.createNonBlockingByteArrayParser();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    this.feeder = (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
  }

  /** Feeds one piece of the answer; returns the sections it completed (usually none). */
  List<Section> feed(String piece) {
    if (broken || piece.isEmpty()) {
      return List.of();
    }
    String p = piece;
    if (!started) {
      int brace = p.indexOf('{');
      if (brace < 0) {
        return List.of(); // still before the object (whitespace, a fence)
      }
      started = true;
      p = p.substring(brace);
    }
    List<Section> out = new ArrayList<>();
    try {
      byte[] bytes = p.getBytes(StandardCharsets.UTF_8);
      feeder.feedInput(bytes, 0, bytes.length);
      JsonToken t;
      while ((t = parser.nextToken()) != null && t != JsonToken.NOT_AVAILABLE) {
        if (t == JsonToken.VALUE_STRING) {
          Section s = sectionAt(parser.getParsingContext(), parser.getText());
          if (s != null) {
            out.add(s);
          }
        }
        if (parser.getParsingContext().inRoot() && t == JsonToken.END_OBJECT) {
          broken = true; // the answer's object is closed; anything after it is not ours
          break;
        }
      }
    } catch (IOException | RuntimeException e) {
      broken = true;
    }
    return out;
  }

  /** A string directly inside {@code $.sections} with a key the schema knows, seen once. */
  private Section sectionAt(JsonStreamContext ctx, String text) {
    JsonStreamContext parent = ctx.getParent();
    if (!ctx.inObject()
        || parent == null
        || !parent.inObject()
        || !"sections".equals(parent.getCurrentName())
        || parent.getParent() == null
        || !parent.getParent().inRoot()) {
      return null;
    }
    String key = ctx.getCurrentName();
    if (key == null || !ModelOutputSchema.SECTION_KEYS.contains(key)) {
      return null;
    }
    SectionKind kind = SectionKind.fromJson(key);
    if (seen.contains(kind)) {
      return null; // a repeat: the end's validation refuses the answer
    }
    seen.add(kind);
    return new Section(kind, text);
  }
}
