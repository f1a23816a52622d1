package org.radassist.drafting.service.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The template ids a request may name: the built-in default plus, for each IHE MRRT template (HTML)
 * in a folder, {@code mrrt:<dcterms.identifier>} and {@code mrrt:<file name without .html>}.
 */
public final class TemplateCatalog {
  private static final Pattern IDENTIFIER =
      Pattern.compile(
          "<meta\\s+(?:content=\"([^\"]*)\"\\s+name=\"dcterms\\.identifier\"|name=\"dcterms\\.identifier\"\\s+content=\"([^\"]*)\")",
          Pattern.CASE_INSENSITIVE);

  private TemplateCatalog() {}

  public static Set<String> load(Path folder) throws IOException {
    Set<String> ids = new TreeSet<>();
    ids.add(ServiceConfig.DEFAULT_TEMPLATE);
    if (folder == null) {
      return ids;
    }
    try (Stream<Path> files = Files.list(folder)) {
      for (Path f : (Iterable<Path>) files.sorted()::iterator) {
        String name = f.getFileName().toString();
        if (!name.endsWith(".html")) {
          continue;
        }
        String base = name.substring(0, name.length() - ".html".length());
        ids.add(base);
        ids.add("mrrt:" + base);
        Matcher m = IDENTIFIER.matcher(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
        if (m.find()) {
          String id = m.group(1) != null ? m.group(1) : m.group(2);
          ids.add(id);
          ids.add("mrrt:" + id);
        }
      }
    }
    return ids;
  }
}
