package org.radassist.cli.draft;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a text input of the command line strictly: UTF-8, no NUL bytes, bounded size. */
public final class CliInput {
  static final int MAX_BYTES = 1 << 20;

  private CliInput() {}

  /** A problem with an input, reported as one line naming the input. */
  public static final class BadInput extends Exception {
    private static final long serialVersionUID = 1L;

    BadInput(String message) {
      super(message);
    }
  }

  public static String readText(String name, InputStream stdin) throws BadInput {
    return readText(name, stdin, MAX_BYTES);
  }

  /** As {@link #readText(String, InputStream)} with another size limit (e.g. a report CSV). */
  public static String readText(String name, InputStream stdin, int maxBytes) throws BadInput {
    byte[] bytes;
    try {
      if (name.equals("-")) {
        bytes = stdin.readNBytes(maxBytes + 1);
      } else {
        Path p = Path.of(name);
        if (!Files.isRegularFile(p)) {
          throw new BadInput(name + ": no such file");
        }
        if (Files.size(p) > maxBytes) {
          throw new BadInput(
              name + ": too large (" + Files.size(p) + " bytes, limit " + maxBytes + ")");
        }
        bytes = Files.readAllBytes(p);
      }
    } catch (IOException e) {
      throw new BadInput(name + ": cannot read: " + e.getMessage());
    }
    String label = name.equals("-") ? "standard input" : name;
    if (bytes.length > maxBytes) {
      throw new BadInput(label + ": too large (limit " + maxBytes + " bytes)");
    }
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        throw new BadInput(
            label + ": binary data (NUL byte at offset " + i + "), expected UTF-8 text");
      }
    }
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      if (text.isBlank()) {
        throw new BadInput(label + ": dictation is empty");
      }
      return text;
    } catch (CharacterCodingException e) {
      throw new BadInput(label + ": not valid UTF-8 text");
    }
  }
}
