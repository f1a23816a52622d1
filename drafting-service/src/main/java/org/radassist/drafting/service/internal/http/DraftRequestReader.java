package org.radassist.drafting.service.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.radassist.drafting.DraftRequest;
import org.radassist.drafting.wire.DraftWire;
import org.radassist.drafting.wire.WireFormatException;

/**
 * Turns a POST body into a {@link DraftRequest} or a precise problem, checking in the order a
 * client can fix things: media type (415), size (413), UTF-8 (400), JSON syntax (400), contract
 * shape (422), dictation content (422/413), template (422). Nothing is stored before all checks
 * pass, so a refused request leaves no state behind.
 */
public final class DraftRequestReader {
  private final DraftWire wire;
  private final long maxBodyBytes;
  private final int maxDictationChars;
  private final Set<String> templates;

  public DraftRequestReader(
      DraftWire wire, long maxBodyBytes, int maxDictationChars, Set<String> templates) {
    this.wire = wire;
    this.maxBodyBytes = maxBodyBytes;
    this.maxDictationChars = maxDictationChars;
    this.templates = Set.copyOf(templates);
  }

  public long maxBodyBytes() {
    return maxBodyBytes;
  }

  /** Refuses anything but {@code application/json} (UTF-8, the only charset JSON allows). */
  public void checkContentType(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      throw unsupported("the request has no Content-Type; send application/json");
    }
    String[] parts = contentType.split(";");
    String media = parts[0].trim().toLowerCase(Locale.ROOT);
    if (!media.equals("application/json")) {
      throw unsupported("Content-Type " + media + " is not accepted; send application/json");
    }
    for (int i = 1; i < parts.length; i++) {
      String[] kv = parts[i].trim().split("=", 2);
      if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("charset")) {
        String cs = kv[1].trim().replace("\"", "");
        if (!cs.equalsIgnoreCase("utf-8") && !cs.equalsIgnoreCase("utf8")) {
          throw unsupported("charset " + cs + " is not accepted; JSON must be UTF-8");
        }
      }
    }
  }

  /** Refuses a declared body length over the limit before reading a byte. */
  public void checkDeclaredLength(long contentLength) {
    if (contentLength > maxBodyBytes) {
      throw tooLarge(contentLength);
    }
  }

  public ProblemException tooLarge(long bytes) {
    return Problem.of(
            "body-too-large",
            413,
            "Request body too large",
            "the request body has "
                + (bytes > maxBodyBytes ? "more than " + maxBodyBytes : bytes)
                + " bytes; the limit is "
                + maxBodyBytes)
        .with("limit_bytes", maxBodyBytes)
        .exception();
  }

  /** Reads a complete body (at most {@link #maxBodyBytes()} bytes, checked by the caller). */
  public DraftRequest read(byte[] body) {
    if (body.length == 0) {
      throw Problem.of("empty-body", 400, "Empty request body", "the request body is empty")
          .exception();
    }
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body));
    } catch (CharacterCodingException e) {
      throw Problem.of(
              "not-utf8", 400, "Body is not UTF-8", "the request body is not valid UTF-8 text")
          .exception();
    }
    JsonNode tree;
    try {
      tree =
          wire.mapper()
              .reader()
              .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
              .readTree(body);
    } catch (JsonProcessingException e) {
      throw Problem.of(
              "malformed-json",
              400,
              "Malformed JSON",
              "the request body is not valid JSON: " + e.getOriginalMessage())
          .with("line", e.getLocation() == null ? null : e.getLocation().getLineNr())
          .with("column", e.getLocation() == null ? null : e.getLocation().getColumnNr())
          .exception();
    } catch (IOException e) {
      throw Problem.of("malformed-json", 400, "Malformed JSON", "unreadable body").exception();
    }
    if (tree == null || tree.isMissingNode()) {
      throw Problem.of("malformed-json", 400, "Malformed JSON", "the body holds no JSON value")
          .exception();
    }
    DraftRequest request;
    try {
      request = wire.readRequest(tree);
    } catch (WireFormatException e) {
      throw Problem.of("invalid-request", 422, "Invalid draft request", e.getMessage())
          .with("field", e.field())
          .exception();
    }
    checkDictation(request.dictationText());
    if (!templates.contains(request.template().id())) {
      throw Problem.of(
              "unknown-template",
              422,
              "Unknown template",
              "template \"" + request.template().id() + "\" is not known to this service")
          .with("field", "template.id")
          .exception();
    }
    return request;
  }

  private void checkDictation(String text) {
    if (text.isBlank()) {
      throw Problem.of(
              "empty-dictation",
              422,
              "Empty dictation",
              "the dictation holds no text to draft from")
          .with("field", "dictation")
          .exception();
    }
    if (text.length() > maxDictationChars) {
      throw Problem.of(
              "dictation-too-long",
              413,
              "Dictation too long",
              "the dictation has "
                  + text.length()
                  + " characters; the limit is "
                  + maxDictationChars)
          .with("field", "dictation")
          .with("limit_chars", maxDictationChars)
          .exception();
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean control = Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t';
      // U+FFFD is what a decoder leaves of bytes that were not text: binary passed off as text
      if (control || c == '\uFFFD' || Character.getType(c) == Character.PRIVATE_USE) {
        throw Problem.of(
                "binary-dictation",
                422,
                "Dictation is not text",
                String.format(
                    Locale.ROOT,
                    "the dictation contains a non-text character U+%04X at offset %d",
                    (int) c,
                    i))
            .with("field", "dictation")
            .exception();
      }
    }
  }

  private static ProblemException unsupported(String detail) {
    return Problem.of("unsupported-media-type", 415, "Unsupported media type", detail)
        .withHeader("Accept-Post", "application/json")
        .exception();
  }
}
