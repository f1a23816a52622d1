package org.radassist.drafting.service.internal.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small finding reader for the faithfulness guard: per sentence, the finding words of a fixed
 * lexicon, the sentence's side, its sizes (prior sizes after "previously", "prior", "from" left
 * out) and whether a negation cue comes before the finding. Text is expected in written form (the
 * rules engine has turned "eight point two" into "8.2" and "rul" into "right upper lobe").
 */
final class LexiconFrames implements FindingFrames {
  /** Finding words to kind keys; longer phrases first where they overlap. */
  private static final Map<String, String> KINDS =
      Map.ofEntries(
          Map.entry("nodules?", "nodule"),
          Map.entry("mass(?:es)?", "mass"),
          Map.entry("lesions?", "lesion"),
          Map.entry("cysts?", "cyst"),
          Map.entry("(?:pleural )?effusions?", "effusion"),
          Map.entry("pneumothora(?:x|ces)", "pneumothorax"),
          Map.entry("(?:pulmonary )?(?:embol(?:us|i|ism|isms)|filling defects?)", "embolism"),
          Map.entry("consolidations?", "consolidation"),
          Map.entry("pneumonia", "pneumonia"),
          Map.entry("atelectasis", "atelectasis"),
          Map.entry("fractures?", "fracture"),
          Map.entry("calcifications?", "calcification"),
          Map.entry("(?:lymphadenopathy|enlarged (?:lymph )?nodes?)", "lymphadenopathy"),
          Map.entry("(?:calcul(?:us|i)|stones?)", "calculus"),
          Map.entry("(?:hemorrhage|haemorrhage|hematoma|haematoma)", "hemorrhage"),
          Map.entry("edema|oedema", "edema"),
          Map.entry("cardiomegaly", "cardiomegaly"),
          Map.entry("(?:opacity|opacities)", "opacity"),
          Map.entry("(?:right heart strain|rv strain)", "right heart strain"),
          Map.entry("(?:infarct|infarction)", "infarct"));

  private static final Pattern KIND;

  static {
    StringBuilder b = new StringBuilder("\\b(");
    for (String k : KINDS.keySet()) {
      b.append(b.length() > 4 ? "|" : "").append("(?:").append(k).append(")");
    }
    KIND = Pattern.compile(b.append(")\\b").toString(), Pattern.CASE_INSENSITIVE);
  }

  private static final Pattern SIZE =
      Pattern.compile(
          "(\\d+(?:\\.\\d+)?)((?:\\s*(?:x|by|×)\\s*\\d+(?:\\.\\d+)?)*)\\s*(mm|cm|millimet(?:er|re)s?|centimet(?:er|re)s?)\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern PRIOR =
      Pattern.compile(
          "(previously|prior|from|was|were|compared with)\\s*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern NEGATION =
      Pattern.compile(
          "\\b(no|not|without|negative for|free of|absence of|resolved|resolution of|ruled out)\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern SIDE =
      Pattern.compile("\\b(right|left|bilateral|both)\\b", Pattern.CASE_INSENSITIVE);

  /** Up to a full stop, semicolon or line end; a dot inside a number ("1.2") does not end it. */
  private static final Pattern SENTENCE =
      Pattern.compile("(?:[^.;\\n]|\\.(?=\\d))+(?:[.;]|$)", Pattern.MULTILINE);

  @Override
  public List<Frame> read(String text) {
    List<Frame> out = new ArrayList<>();
    Matcher sentence = SENTENCE.matcher(text);
    while (sentence.find()) {
      int s0 = sentence.start();
      int s1 = sentence.end();
      String s = text.substring(s0, s1);
      Matcher k = KIND.matcher(s);
      java.util.Set<String> kinds = new java.util.HashSet<>();
      while (k.find()) {
        String kind = kindOf(k.group(1));
        if (!kinds.add(kind)) {
          continue; // "filling defects ... consistent with embolism": one finding
        }
        String before = s.substring(0, k.start());
        boolean negated = NEGATION.matcher(before).find();
        out.add(
            new Frame(
                kind,
                "",
                side(s),
                negated ? List.of() : sizes(s),
                !negated,
                s0 + k.start(),
                s0 + k.end(),
                s0 + leading(s),
                s1));
      }
    }
    return out;
  }

  private static int leading(String s) {
    int i = 0;
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static String kindOf(String words) {
    String w = words.toLowerCase(Locale.ROOT);
    for (Map.Entry<String, String> e : KINDS.entrySet()) {
      if (w.matches(e.getKey())) {
        return e.getValue();
      }
    }
    return w;
  }

  private static String side(String sentence) {
    Matcher m = SIDE.matcher(sentence);
    String side = "";
    while (m.find()) {
      String v = m.group(1).toLowerCase(Locale.ROOT);
      v = v.equals("both") ? "bilateral" : v;
      if (!side.isEmpty() && !side.equals(v)) {
        return "bilateral";
      }
      side = v;
    }
    return side;
  }

  private static List<Double> sizes(String sentence) {
    List<Double> out = new ArrayList<>();
    Matcher m = SIZE.matcher(sentence);
    while (m.find()) {
      if (PRIOR.matcher(sentence.substring(0, m.start())).find()) {
        continue;
      }
      double factor = m.group(3).toLowerCase(Locale.ROOT).startsWith("c") ? 10 : 1;
      out.add(Double.parseDouble(m.group(1)) * factor);
      for (String axis : m.group(2).split("(?i)\\s*(?:x|by|×)\\s*")) {
        if (!axis.isBlank()) {
          out.add(Double.parseDouble(axis.trim()) * factor);
        }
      }
    }
    return out;
  }
}
