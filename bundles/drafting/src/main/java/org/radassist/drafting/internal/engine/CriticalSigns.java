package org.radassist.drafting.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.radassist.model.ModelJson;

/**
 * The defining signs of the listed critical terms (critical-signs.json, round 36): one row per term
 * of critical.json with the other words and signs a reader uses for it ("pleural air", "air gap at
 * the apex" for a pneumothorax; "twisted vascular pedicle" for torsion), so a term said by its
 * signs counts at the category the list gives it. Configuration, not code: a new wording is a row,
 * and every row passes the same quiet contexts in {@link CriticalResults}.
 */
final class CriticalSigns {
  private static final int FLAGS = Pattern.CASE_INSENSITIVE;
  private static final String RESOURCE = "critical-signs.json";

  /**
   * A listed term's signs: {@code signs} matched per sentence, {@code study} (or null) the body
   * part / modality text it needs, {@code unless} (or null) the look-alikes in its sentence; {@code
   * negationIsSign}: a denial inside the match is part of the sign ("no flow in the testis");
   * {@code studyIsBodyPart}: {@code study} is matched against the body part alone; {@code
   * reportSays} (or null) what the whole findings and impression must say; {@code narrowQuiet}: the
   * quiet contexts of the round 32-35 signs (no denial-inside, earlier-exam or expected-elsewhere
   * check); {@code abscessCheck}: the abscess look-alikes quiet the sentence.
   */
  record Sign(
      String id,
      String term,
      Pattern signs,
      Pattern study,
      Pattern unless,
      boolean negationIsSign,
      boolean studyIsBodyPart,
      Pattern reportSays,
      boolean narrowQuiet,
      boolean abscessCheck) {}

  private static final List<Sign> SIGNS = load();

  private CriticalSigns() {}

  static List<Sign> all() {
    return SIGNS;
  }

  /** The signs of the row with this {@code id} ("intracranial-bleed"); the table must have it. */
  static Pattern signs(String id) {
    return SIGNS.stream()
        .filter(sign -> id.equals(sign.id()))
        .findFirst()
        .orElseThrow(
            () -> new IllegalStateException(RESOURCE + " has no row with id \"" + id + "\""))
        .signs();
  }

  private static List<Sign> load() {
    try (InputStream in = CriticalSigns.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("bundled table " + RESOURCE + " is missing");
      }
      JsonNode root = ModelJson.newMapper().readTree(in);
      List<Sign> out = new ArrayList<>();
      for (JsonNode row : root.path("signs")) {
        String term = row.path("term").asText("");
        List<String> alternatives = new ArrayList<>();
        row.path("signs").forEach(p -> alternatives.add("(?:" + p.asText() + ")"));
        if (term.isBlank() || alternatives.isEmpty()) {
          throw new IllegalStateException(
              RESOURCE + ": every row needs a term and at least one sign, got " + row);
        }
        String studyIn = row.path("study_in").asText("study");
        String quiet = row.path("quiet").asText("");
        if (!studyIn.equals("study") && !studyIn.equals("body_part")
            || !quiet.isEmpty() && !quiet.equals("narrow")) {
          throw new IllegalStateException(
              RESOURCE
                  + ": the row of \""
                  + term
                  + "\" needs study_in \"study\" or \"body_part\" and quiet \"narrow\" or none, got "
                  + row);
        }
        out.add(
            new Sign(
                row.hasNonNull("id") ? row.path("id").asText() : null,
                term,
                compile(term, String.join("|", alternatives)),
                row.hasNonNull("study") ? compile(term, row.path("study").asText()) : null,
                row.hasNonNull("unless") ? compile(term, row.path("unless").asText()) : null,
                row.path("negation_is_sign").asBoolean(false),
                studyIn.equals("body_part"),
                row.hasNonNull("report_says")
                    ? compile(term, row.path("report_says").asText())
                    : null,
                quiet.equals("narrow"),
                row.path("abscess_check").asBoolean(term.equals("abscess"))));
      }
      return List.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundled table " + RESOURCE, e);
    }
  }

  private static Pattern compile(String term, String regex) {
    try {
      return Pattern.compile(regex, FLAGS);
    } catch (PatternSyntaxException e) {
      throw new IllegalStateException(
          RESOURCE + ": the row of \"" + term + "\" has a bad pattern: " + e.getDescription(), e);
    }
  }
}
