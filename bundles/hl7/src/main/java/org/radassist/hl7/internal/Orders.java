package org.radassist.hl7.internal;

import static org.radassist.hl7.internal.HapiHl7Messages.value;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.util.Terser;
import org.radassist.hl7.ScheduledOrder;

/** Reads an ORM^O01 (IHE SWF: Study Instance UID in ZDS-1) or OMI^O23 (IPC) into a record. */
final class Orders {
  private Orders() {}

  static ScheduledOrder read(Message message) {
    Terser t = new Terser(message);
    if ("OMI".equals(value(t, "/MSH-9-1"))) {
      return new ScheduledOrder(
          value(t, "/.ORC-1"),
          value(t, "/.ORC-2-1"),
          value(t, "/.IPC-1-1"),
          value(t, "/.IPC-3-1"),
          value(t, "/.IPC-5-1"),
          value(t, "/.OBR-4-1"),
          value(t, "/.OBR-4-2"),
          reason(t));
    }
    return new ScheduledOrder(
        value(t, "/.ORC-1"),
        value(t, "/.ORC-2-1"),
        value(t, "/.OBR-18"),
        zds1(message),
        value(t, "/.OBR-24"),
        value(t, "/.OBR-4-1"),
        value(t, "/.OBR-4-2"),
        reason(t));
  }

  /** OBR-31 (reason for study: its text, else its code), else OBR-13 (clinical information). */
  private static String reason(Terser t) {
    String text = value(t, "/.OBR-31-2");
    if (text.isBlank()) {
      text = value(t, "/.OBR-31-1");
    }
    if (text.isBlank()) {
      text = value(t, "/.OBR-13");
    }
    return text.strip();
  }

  /** ZDS-1.1 (Study Instance UID), read from the encoded message: Z-segments have no model. */
  private static String zds1(Message message) {
    try {
      for (String segment : message.encode().split("[\r\n]+")) {
        if (segment.startsWith("ZDS|")) {
          String[] fields = segment.split("\\|", -1);
          return fields.length > 1 ? fields[1].split("\\^", -1)[0] : "";
        }
      }
    } catch (HL7Exception e) {
      return "";
    }
    return "";
  }
}
