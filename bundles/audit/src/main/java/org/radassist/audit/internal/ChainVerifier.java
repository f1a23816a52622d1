package org.radassist.audit.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.radassist.audit.AuditRecord;
import org.radassist.audit.CanonicalJson;
import org.radassist.audit.ChainVerification;
import org.radassist.audit.ChainVerification.ChainBreak;
import org.radassist.audit.ChainVerification.TornRecord;

/**
 * Walks audit files line by line and checks, for every record: it is JSON, it is byte-for-byte its
 * own RFC 8785 canonical form, its hash is right, its seq follows the previous one and its
 * prev_hash is the previous record's hash. Stops at the first break. An unterminated last line that
 * is a prefix of a record is an interrupted write (torn), reported apart from tampering.
 */
public final class ChainVerifier {
  private final ObjectMapper reader = CanonicalJson.newReader();
  private final RecordCodec codec = new RecordCodec();

  /** Verifies the files as one chain, handing each verified record to {@code sink}. */
  public ChainVerification verify(List<Path> files, Consumer<AuditRecord> sink) throws IOException {
    State state = new State();
    for (int f = 0; f < files.size() && state.broken == null && state.torn == null; f++) {
      Path file = files.get(f);
      boolean lastFile = f == files.size() - 1;
      try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
        verifyFile(file, in, lastFile, state, sink);
      }
    }
    return new ChainVerification(
        files,
        state.records,
        state.firstSeq,
        state.lastSeq,
        state.lastHash,
        state.anchored,
        Optional.ofNullable(state.broken),
        Optional.ofNullable(state.torn));
  }

  private void verifyFile(
      Path file, InputStream in, boolean lastFile, State state, Consumer<AuditRecord> sink)
      throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
    long lineNo = 0;
    long offset = 0;
    int b;
    while (true) {
      line.reset();
      boolean terminated = false;
      while ((b = in.read()) >= 0) {
        if (b == '\n') {
          terminated = true;
          break;
        }
        line.write(b);
      }
      if (!terminated && line.size() == 0) {
        return; // clean end of file
      }
      lineNo++;
      byte[] bytes = line.toByteArray();
      if (!terminated) {
        if (isTornPrefix(bytes)) {
          if (lastFile) {
            state.torn = new TornRecord(file, lineNo, offset, bytes.length);
          } else {
            state.breakAt(file, lineNo, "incomplete record followed by further files");
          }
        } else {
          state.breakAt(file, lineNo, "last line is not a complete record (altered)");
        }
        return;
      }
      if (!checkRecord(file, lineNo, bytes, state, sink)) {
        return;
      }
      offset += bytes.length + 1L;
    }
  }

  private boolean checkRecord(
      Path file, long lineNo, byte[] bytes, State state, Consumer<AuditRecord> sink) {
    if (bytes.length == 0) {
      state.breakAt(file, lineNo, "empty line");
      return false;
    }
    JsonNode node;
    try {
      node = reader.readTree(bytes);
    } catch (IOException e) {
      state.breakAt(file, lineNo, "not JSON (" + shortMessage(e) + ")");
      return false;
    }
    if (node == null || !node.isObject()) {
      state.breakAt(file, lineNo, "not a JSON object");
      return false;
    }
    String canonical;
    try {
      canonical = CanonicalJson.canonicalize(node);
    } catch (IllegalArgumentException e) {
      state.breakAt(file, lineNo, "not I-JSON (" + e.getMessage() + ")");
      return false;
    }
    JsonNode seqNode = node.get(RecordCodec.SEQ);
    long seqHere =
        seqNode != null && seqNode.canConvertToLong() ? seqNode.longValue() : state.expectedSeq();
    if (!Arrays.equals(canonical.getBytes(java.nio.charset.StandardCharsets.UTF_8), bytes)) {
      state.breakAt(file, lineNo, seqHere, "record is not in canonical form (altered)");
      return false;
    }
    AuditRecord record;
    try {
      record = codec.decode(node);
    } catch (IllegalArgumentException e) {
      state.breakAt(file, lineNo, seqHere, "malformed record: " + e.getMessage());
      return false;
    }
    if (!codec.expectedHash(node).equals(record.hash())) {
      state.breakAt(file, lineNo, seqHere, "hash mismatch (record altered)");
      return false;
    }
    if (state.records == 0) {
      state.firstSeq = record.seq();
      if (record.seq() == 1 && !record.prevHash().equals(AuditRecord.GENESIS)) {
        state.breakAt(file, lineNo, 1, "seq 1 must carry the genesis prev_hash");
        return false;
      }
      state.anchored = record.seq() == 1;
    } else {
      if (record.seq() != state.lastSeq + 1) {
        state.breakAt(
            file,
            lineNo,
            record.seq(),
            "seq "
                + record.seq()
                + " where "
                + (state.lastSeq + 1)
                + " was expected"
                + " (records missing, duplicated or reordered)");
        return false;
      }
      if (!record.prevHash().equals(state.lastHash)) {
        state.breakAt(
            file,
            lineNo,
            record.seq(),
            "prev_hash does not match the hash of seq " + state.lastSeq);
        return false;
      }
    }
    state.records++;
    state.lastSeq = record.seq();
    state.lastHash = record.hash();
    sink.accept(record);
    return true;
  }

  /**
   * Whether unterminated bytes are what an interrupted append leaves: a strict prefix of one JSON
   * object (possibly cut inside a UTF-8 sequence, possibly followed by zero bytes a crash left), or
   * one whole object whose line feed was not written.
   */
  boolean isTornPrefix(byte[] bytes) {
    int end = bytes.length;
    while (end > 0 && bytes[end - 1] == 0) {
      end--;
    }
    end = dropIncompleteUtf8(bytes, end);
    if (end == 0) {
      return true;
    }
    if (bytes[0] != '{') {
      return false;
    }
    try (JsonParser parser = reader.getFactory().createParser(bytes, 0, end)) {
      int depth = 0;
      JsonToken token;
      do {
        token = parser.nextToken();
        if (token == null) {
          return true; // input ended inside the object
        }
        if (token.isStructStart()) {
          depth++;
        } else if (token.isStructEnd()) {
          depth--;
        }
      } while (depth > 0);
      // The object is whole: torn only if nothing follows it (only the line feed is missing).
      return parser.currentLocation().getByteOffset() == bytes.length;
    } catch (JsonEOFException e) {
      return true;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      return at != null && at.getByteOffset() >= end;
    } catch (IOException e) {
      return false;
    }
  }

  /** Drops a trailing UTF-8 sequence that was cut short. */
  private static int dropIncompleteUtf8(byte[] bytes, int end) {
    int i = end - 1;
    int continuation = 0;
    while (i >= 0 && (bytes[i] & 0xC0) == 0x80 && continuation < 3) {
      i--;
      continuation++;
    }
    if (i < 0) {
      return end;
    }
    int lead = bytes[i] & 0xFF;
    int needed = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0;
    return needed > continuation ? i : end;
  }

  private static String shortMessage(IOException e) {
    String message =
        e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
    if (message == null) {
      return e.getClass().getSimpleName();
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static final class State {
    long records;
    long firstSeq;
    long lastSeq;
    String lastHash = AuditRecord.GENESIS;
    boolean anchored;
    ChainBreak broken;
    TornRecord torn;

    long expectedSeq() {
      return lastSeq + 1;
    }

    void breakAt(Path file, long line, String reason) {
      breakAt(file, line, expectedSeq(), reason);
    }

    void breakAt(Path file, long line, long seq, String reason) {
      broken = new ChainBreak(file, line, seq, reason);
    }
  }
}
