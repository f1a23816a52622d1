package org.radassist.drafting.internal.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.radassist.drafting.TemplateSpec;
import org.radassist.model.SectionKind;

/**
 * IHE MRRT report templates (HTML5) from a directory: each template's id ({@code
 * dcterms.identifier}, also reachable as "mrrt:" + id or by file name) and its top-level sections
 * mapped to report sections by name ("Clinical information" -> clinical history). Sections without
 * a report counterpart (e.g. "Left ventricular measurements") are sub-structure of the findings.
 */
public final class MrrtTemplates {
  private static final Pattern META =
      Pattern.compile(
          "<meta\\s+(?:content=\"([^\"]*)\"\\s+name=\"dcterms\\.identifier\"|name=\"dcterms\\.identifier\"\\s+content=\"([^\"]*)\")",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern SECTION_TAG =
      Pattern.compile(
          "<(/?)section(?:\\s+[^>]*?data-section-name=\"([^\"]*)\")?[^>]*>",
          Pattern.CASE_INSENSITIVE);

  private final Map<String, TemplateSpec> byId = new LinkedHashMap<>();

  /** No templates: only the built-in default. */
  public MrrtTemplates() {}

  /** Reads every *.html template of a directory. */
  public static MrrtTemplates load(Path directory) {
    MrrtTemplates t = new MrrtTemplates();
    if (directory == null) {
      return t;
    }
    if (!Files.isDirectory(directory)) {
      throw new IllegalArgumentException(directory + ": template directory not found");
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.html")) {
      for (Path f : files) {
        t.add(f);
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(
          directory + ": cannot list templates: " + e.getMessage(), e);
    }
    return t;
  }

  /** Reads one template file. */
  public void add(Path file) {
    String html;
    try {
      html = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot read template: " + e.getMessage(), e);
    }
    Matcher m = META.matcher(html);
    String name = file.getFileName().toString().replaceFirst("\\.html$", "");
    String id = m.find() ? (m.group(1) != null ? m.group(1) : m.group(2)) : name;
    TemplateSpec spec = new TemplateSpec("mrrt:" + id, sections(html));
    byId.put(id, spec);
    byId.put("mrrt:" + id, spec);
    byId.put(name, spec);
    byId.put("mrrt:" + name, spec);
  }

  /** Top-level sections of the template body, mapped; the default sections if none map. */
  static List<SectionKind> sections(String html) {
    List<SectionKind> out = new ArrayList<>();
    Matcher m = SECTION_TAG.matcher(html);
    int depth = 0;
    while (m.find()) {
      if (m.group(1).equals("/")) {
        depth = Math.max(0, depth - 1);
        continue;
      }
      depth++;
      if (depth == 1 && m.group(2) != null) {
        SectionKind k = kindOf(m.group(2));
        if (k != null && !out.contains(k)) {
          out.add(k);
        }
      }
    }
    return out.isEmpty() ? TemplateSpec.DEFAULT.sections() : out;
  }

  static SectionKind kindOf(String name) {
    String n = name.toLowerCase(Locale.ROOT).trim();
    if (n.contains("history") || n.contains("clinical") || n.contains("indication")) {
      return SectionKind.CLINICAL_HISTORY;
    } else if (n.startsWith("comparison")) {
      return SectionKind.COMPARISON;
    } else if (n.equals("procedure") || n.startsWith("technique")) {
      return SectionKind.PROCEDURE;
    } else if (n.startsWith("finding") || n.equals("observations")) {
      return SectionKind.FINDINGS;
    } else if (n.startsWith("impression") || n.startsWith("conclusion")) {
      return SectionKind.IMPRESSION;
    } else if (n.startsWith("recommendation")) {
      return SectionKind.RECOMMENDATION;
    } else if (n.startsWith("communication")) {
      return SectionKind.COMMUNICATION;
    }
    return null;
  }

  /**
   * The template of a request: the built-in default, a known MRRT template (its sections replace
   * the request's when the request names none beyond the default), or null when unknown.
   */
  public TemplateSpec resolve(TemplateSpec requested) {
    if (requested.id().equals(TemplateSpec.DEFAULT.id())) {
      return requested;
    }
    return byId.get(requested.id());
  }

  public int size() {
    return (int) byId.values().stream().distinct().count();
  }
}
