package org.radassist.audit.internal.syslog;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * RFC 5424 syslog messages as IHE ATNA (ITI-20) sends them: facility 10 (security/authorization),
 * severity 5 (notice), MSGID {@code IHE+RFC-3881}, no structured data, and the audit XML as a UTF-8
 * MSG marked with a BOM. RFC 5425 frames each message as {@code MSG-LEN SP SYSLOG-MSG}.
 */
public final class Rfc5424 {
  /** PRI = facility 10 x 8 + severity 5. */
  static final int PRI = 10 * 8 + 5;

  static final String MSGID = "IHE+RFC-3881";
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final String hostname;
  private final String appName;
  private final String procId;

  public Rfc5424(String hostname, String appName, String procId) {
    this.hostname = header(hostname, 255);
    this.appName = header(appName, 48);
    this.procId = header(procId, 128);
  }

  /** One SYSLOG-MSG with the ATNA MSGID. */
  public byte[] message(Instant timestamp, String utf8Message) {
    return message(timestamp, MSGID, utf8Message);
  }

  /** One SYSLOG-MSG with the given MSGID. */
  public byte[] message(Instant timestamp, String msgId, String utf8Message) {
    String head =
        "<"
            + PRI
            + ">1 "
            + DicomAuditMessage.dateTime(timestamp)
            + " "
            + hostname
            + " "
            + appName
            + " "
            + procId
            + " "
            + header(msgId, 32)
            + " - ";
    ByteArrayOutputStream out = new ByteArrayOutputStream(head.length() + utf8Message.length() + 8);
    out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(BOM);
    out.writeBytes(utf8Message.getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /** RFC 5425 octet-counting frame: decimal length, one space, the message. */
  public static byte[] frame(byte[] message) {
    byte[] prefix = (message.length + " ").getBytes(StandardCharsets.US_ASCII);
    byte[] framed = new byte[prefix.length + message.length];
    System.arraycopy(prefix, 0, framed, 0, prefix.length);
    System.arraycopy(message, 0, framed, prefix.length, message.length);
    return framed;
  }

  /** A header field: printable US-ASCII without spaces, at most {@code max} characters. */
  private static String header(String value, int max) {
    if (value == null || value.isEmpty()) {
      return "-";
    }
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length() && out.length() < max; i++) {
      char c = value.charAt(i);
      out.append(c > 32 && c < 127 ? c : '_');
    }
    return out.toString();
  }
}
