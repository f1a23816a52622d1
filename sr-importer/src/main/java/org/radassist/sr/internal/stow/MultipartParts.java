package org.radassist.sr.internal.stow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/** Just enough multipart/related parsing for a WADO-RS answer: the body of the first part. */
final class MultipartParts {
  private MultipartParts() {}

  static byte[] first(byte[] body, String contentType) throws IOException {
    String boundary = null;
    for (String p : contentType.split(";")) {
      String t = p.trim();
      if (t.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
        boundary = t.substring(9).replace("\"", "");
      }
    }
    if (boundary == null) {
      throw new IOException("no multipart boundary in '" + contentType + "'");
    }
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    int start = indexOf(body, delimiter, 0);
    if (start < 0) {
      throw new IOException("multipart body without its boundary");
    }
    byte[] headerEnd = "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
    int headers = indexOf(body, headerEnd, start);
    if (headers < 0) {
      throw new IOException("multipart part without headers");
    }
    int contentStart = headers + headerEnd.length;
    byte[] next = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    int end = indexOf(body, next, contentStart);
    if (end < 0) {
      throw new IOException("multipart part without a closing boundary");
    }
    return Arrays.copyOfRange(body, contentStart, end);
  }

  private static int indexOf(byte[] data, byte[] pattern, int from) {
    outer:
    for (int i = from; i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
