package org.radassist.sr.internal.render;

import java.math.BigDecimal;
import java.util.Locale;
import org.radassist.model.CodedConcept;

/**
 * Values in a radiologist's words rather than their encodings: UCUM units as people write them ("1"
 * is no unit, "{events}" is the word "events", "[hnsf'U]" is HU) and DICOM DA / TM / DT values as
 * dates and times ("20220223082918.000000" is "2022-02-23 08:29:18"; a time zone offset is kept).
 */
public final class Words {
  private Words() {}

  /** A UCUM unit for reading; "" when the unit says there is none ("1"). */
  public static String unit(CodedConcept unit) {
    if (unit == null) {
      return "";
    }
    String u = unit.code();
    if (!"UCUM".equals(unit.scheme()) && !"UCUM".equals(unit.scheme().toUpperCase(Locale.ROOT))) {
      return u.equals("?") ? unit.meaning() : u;
    }
    switch (u) {
      case "1":
        return "";
      case "[hnsf'U]":
        return "HU";
      case "deg":
        return "°";
      case "Cel":
        return "°C";
      case "[in_i]":
        return "in";
      default:
        break;
    }
    if (u.indexOf('{') < 0) {
      return u;
    }
    // curly-brace annotations are words: "{SUVbw}g/ml" -> "SUVbw g/ml", "{events}" -> "events"
    StringBuilder s = new StringBuilder();
    int i = 0;
    while (i < u.length()) {
      char c = u.charAt(i);
      int close = c == '{' ? u.indexOf('}', i) : -1;
      if (close > i) {
        appendWord(s, u.substring(i + 1, close));
        i = close + 1;
      } else {
        int next = u.indexOf('{', i);
        int end = next < 0 ? u.length() : next;
        String rest = u.substring(i, end);
        appendWord(s, rest.equals("1") || rest.equals(".") ? "" : rest);
        i = end == i ? i + 1 : end;
      }
    }
    return s.toString();
  }

  private static void appendWord(StringBuilder s, String w) {
    String t = w.strip();
    if (t.startsWith(".")) {
      t = t.substring(1);
    }
    if (t.isEmpty()) {
      return;
    }
    if (s.length() > 0) {
      s.append(' ');
    }
    s.append(t);
  }

  /** A value with its unit: "4.03 mm", "27" (unit 1), "4 events". */
  public static String quantity(BigDecimal value, CodedConcept unit) {
    String v = value.stripTrailingZeros().toPlainString().toLowerCase(Locale.ROOT);
    String u = unit(unit);
    if (u.isEmpty()) {
      return v;
    }
    return u.equals("%") || u.equals("°") || u.equals("°C") ? v + u : v + " " + u;
  }

  /** DA "YYYYMMDD" as "YYYY-MM-DD"; anything else unchanged. */
  public static String date(String raw) {
    String d = raw.strip();
    if (d.length() == 8 && digits(d)) {
      return d.substring(0, 4) + "-" + d.substring(4, 6) + "-" + d.substring(6, 8);
    }
    return raw;
  }

  /** TM "HHMMSS.FFFFFF" as "HH:MM:SS" (fraction kept when not zero); anything else unchanged. */
  public static String time(String raw) {
    String t = raw.strip();
    String main = t;
    String frac = "";
    int dot = t.indexOf('.');
    if (dot >= 0) {
      main = t.substring(0, dot);
      frac = t.substring(dot + 1);
      if (!digits(frac)) {
        return raw;
      }
    }
    if (!digits(main) || (main.length() != 2 && main.length() != 4 && main.length() != 6)) {
      return raw;
    }
    StringBuilder s = new StringBuilder(main.substring(0, 2));
    if (main.length() >= 4) {
      s.append(':').append(main, 2, 4);
    }
    if (main.length() == 6) {
      s.append(':').append(main, 4, 6);
    }
    String f = frac.replaceAll("0+$", "");
    if (!f.isEmpty() && main.length() == 6) {
      s.append('.').append(f);
    }
    return s.toString();
  }

  /** DT "YYYYMMDDHHMMSS.FFFFFF&ZZXX" as "YYYY-MM-DD HH:MM:SS +ZZ:XX"; anything else unchanged. */
  public static String dateTime(String raw) {
    String t = raw.strip();
    String zone = "";
    int z = Math.max(t.indexOf('+'), t.indexOf('-'));
    if (z > 0) {
      zone = t.substring(z);
      t = t.substring(0, z);
      if (zone.length() != 5 || !digits(zone.substring(1))) {
        return raw;
      }
      zone = " " + zone.substring(0, 3) + ":" + zone.substring(3);
    }
    String main = t;
    int dot = t.indexOf('.');
    if (dot >= 0) {
      main = t.substring(0, dot);
    }
    if (!digits(main) || main.length() < 4 || main.length() > 14 || main.length() % 2 != 0) {
      return raw;
    }
    if (main.length() < 8) {
      return main.substring(0, 4) + (main.length() == 6 ? "-" + main.substring(4) : "") + zone;
    }
    String date = date(main.substring(0, 8));
    if (main.length() == 8) {
      return date + zone;
    }
    String time = time(t.substring(8));
    return time.equals(t.substring(8)) ? raw : date + " " + time + zone;
  }

  private static boolean digits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
