package org.radassist.cli.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The mapping between MeSH headings of the IU reports and RadAssist's findings ({@code
 * mesh-map.json}): one row per heading group, with the MeSH terms it covers and the engine keys
 * that stand for it.
 */
public record MeshTable(List<Heading> headings) {
  public MeshTable {
    headings = List.copyOf(headings);
  }

  /**
   * One heading group; {@code mesh} entries are "Heading" or "Heading/subheading/...", with "*" as
   * the heading for any heading (lymph nodes enlarged wherever the indexers put them).
   */
  public record Heading(String name, List<String> mesh, Set<String> keys) {
    public Heading {
      mesh = List.copyOf(mesh);
      keys = Set.copyOf(keys);
    }

    /** True when a label ("Pleural Effusion/left/small" split on '/') is one of this group's. */
    public boolean covers(MeshLabel label) {
      for (String m : mesh) {
        String[] parts = m.split("/");
        if (!parts[0].equals("*") && !parts[0].equalsIgnoreCase(label.heading())) {
          continue;
        }
        boolean all = true;
        for (int i = 1; i < parts.length; i++) {
          all &= label.subheadings().contains(parts[i].toLowerCase(Locale.ROOT));
        }
        if (all) {
          return true;
        }
      }
      return false;
    }
  }

  /** One MeSH term of a report: heading, lower-cased subheadings, and its side if it has one. */
  public record MeshLabel(String heading, List<String> subheadings, String side) {
    /** The terms of a MeSH cell ("normal", "Opacity/lung/base/right;Cardiomegaly/mild"). */
    public static List<MeshLabel> parseCell(String cell) {
      List<MeshLabel> out = new ArrayList<>();
      for (String term : cell.split(";")) {
        String[] parts = term.trim().split("\\s*/\\s*");
        if (parts[0].isBlank()) {
          continue;
        }
        List<String> subs =
            Arrays.stream(parts).skip(1).map(s -> s.toLowerCase(Locale.ROOT)).toList();
        String side =
            subs.contains("bilateral")
                ? "bilateral"
                : subs.contains("left") ? "left" : subs.contains("right") ? "right" : "";
        out.add(new MeshLabel(parts[0], subs, side));
      }
      return out;
    }

    @Override
    public String toString() {
      return subheadings.isEmpty() ? heading : heading + "/" + String.join("/", subheadings);
    }
  }

  /** The table bundled with the evaluation. */
  public static MeshTable bundled() {
    try (InputStream in = MeshTable.class.getResourceAsStream("mesh-map.json")) {
      if (in == null) {
        throw new IllegalStateException("mesh-map.json is missing from the jar");
      }
      JsonNode root = new ObjectMapper().readTree(in);
      List<Heading> out = new ArrayList<>();
      for (JsonNode h : root.path("headings")) {
        List<String> mesh = new ArrayList<>();
        h.path("mesh").forEach(m -> mesh.add(m.asText()));
        Set<String> keys = new TreeSet<>();
        h.path("keys").forEach(k -> keys.add(k.asText()));
        out.add(new Heading(h.path("name").asText(), mesh, keys));
      }
      return new MeshTable(out);
    } catch (IOException e) {
      throw new UncheckedIOException("mesh-map.json: " + e.getMessage(), e);
    }
  }
}
