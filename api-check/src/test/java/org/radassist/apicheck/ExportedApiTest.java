package org.radassist.apicheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The build's check on exported packages (issue 16): an exported package is API that other modules
 * use, made of interfaces and records (plus enums, exceptions and annotations). Reads every
 * RadAssist bundle's manifest ({@code Export-Package}) and the packaged classes of every reactor
 * module, and names each class that breaks a rule. Nested types are judged with their top-level
 * type for use (a reference to {@code DraftEvent.Started} uses {@code DraftEvent}), one by one for
 * their kind. A type another module uses brings along the types its own API names (a caller of
 * {@code DraftRequest.tasks()} receives {@code DraftTask}s), so those count as used too.
 */
class ExportedApiTest {

  /**
   * Exported classes that may stay classes, with the reason. Public factories for hosts without
   * OSGi are the expected entries. An entry that the check no longer flags fails the build (take it
   * out).
   */
  static final Map<String, String> ALLOWED_CLASSES =
      Map.ofEntries(
          Map.entry(
              "org.radassist.drafting.EmbeddedDrafting",
              "public factory of the embedded engine for hosts without OSGi"),
          Map.entry(
              "org.radassist.audit.AuditTrails",
              "public factory of the file-backed audit trail for hosts without OSGi"),
          Map.entry(
              "org.radassist.priors.Priors",
              "public factories of the prior sources and comparison service for hosts without"
                  + " OSGi"),
          Map.entry(
              "org.radassist.panel.RadAssistPanels",
              "public factory (with its Builder) of the panel tool for hosts without OSGi"),
          Map.entry(
              "org.radassist.panel.SrDocumentReaders",
              "public factory of the panel's SR reader (the SR importer's) for hosts without OSGi"),
          Map.entry(
              "org.radassist.panel.PriorComparisons",
              "public factory of the panel's priors source for hosts without OSGi"),
          Map.entry(
              "org.radassist.governance.Governances",
              "public factory of governance for hosts without OSGi"),
          Map.entry(
              "org.radassist.speech.hook.SpeechHooks",
              "public factory of the speech hook for hosts without OSGi"));

  static List<Reactor.Module> modules;

  @BeforeAll
  static void readTheReactor() throws IOException {
    Path root = Path.of(System.getProperty("radassist.root", ".."));
    modules = Reactor.read(root);
    String report = apiReport();
    System.out.print(report);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/exported-api.txt"), report);
  }

  @Test
  void everyExportedTypeIsUsedByAnotherModule() {
    assertThat(unusedTypes())
        .as("exported types no other module references: move them to an internal package")
        .filteredOn(f -> !exempt(f.substring(0, f.indexOf(' '))))
        .isEmpty();
  }

  @Test
  void exportedClassesAreInterfacesRecordsEnumsExceptionsOrAnnotations() {
    List<String> findings = classes();
    List<String> flagged = findings.stream().map(f -> f.substring(0, f.indexOf(' '))).toList();

    assertThat(findings)
        .as(
            "exported classes that are not interface, record, enum, exception or annotation: make"
                + " them one, move them to an internal package or allow-list them with the reason")
        .filteredOn(f -> !exempt(f.substring(0, f.indexOf(' '))))
        .isEmpty();
    assertThat(staleClassEntries(flagged))
        .as("allow-list entries the kind check no longer flags: take them out")
        .isEmpty();
  }

  @Test
  void theCheckSeesTheWholeReactor() {
    // guards against a check that passes because it read nothing
    assertThat(modules)
        .extracting(Reactor.Module::dir)
        .contains("bundles/drafting", "bundles/model", "sr-importer", "viewer-panel", "cli");
    assertThat(exportedPackages()).containsKeys("org.radassist.drafting", "org.radassist.model");
    assertThat(usedElsewhere("bundles/model")).contains("org.radassist.model.DraftReport");
  }

  @Test
  void theCommandLineLivesOnlyInTheCliModule() {
    // issue 16: no runtime bundle carries command-line or evaluation code
    List<String> elsewhere = new ArrayList<>();
    for (Reactor.Module module : modules) {
      if (!module.dir().equals("cli")) {
        module.classes().stream()
            .map(ClassFile::packageName)
            .filter(p -> p.matches(".*\\.(cli|eval)(\\..*)?"))
            .distinct()
            .forEach(p -> elsewhere.add(p + " (" + module.dir() + ")"));
      }
    }
    assertThat(elsewhere).as("command-line packages outside the cli module").isEmpty();
    Reactor.Module drafting =
        modules.stream().filter(m -> m.dir().equals("bundles/drafting")).findFirst().orElseThrow();
    assertThat(drafting.imports())
        .as("the drafting bundle's Import-Package")
        .isNotEmpty()
        .noneMatch(p -> p.startsWith("org.radassist.sr") || p.startsWith("com.pixelmed"));
  }

  // --- the rules

  private static List<String> unusedTypes() {
    List<String> findings = new ArrayList<>();
    for (Reactor.Module module : modules) {
      Set<String> used = usedElsewhere(module.dir());
      for (ClassFile c : exportedClasses(module)) {
        boolean topLevel = c.binaryName().equals(c.topLevel());
        if (topLevel && c.isPublic() && !used.contains(c.topLevel())) {
          findings.add(c.topLevel() + " (" + module.dir() + "): no other module references it");
        }
      }
    }
    return findings;
  }

  private static List<String> classes() {
    Map<String, ClassFile> all = new HashMap<>();
    modules.forEach(m -> m.classes().forEach(c -> all.put(c.name(), c)));
    List<String> findings = new ArrayList<>();
    for (Reactor.Module module : modules) {
      for (ClassFile c : exportedClasses(module)) {
        if (c.isPublic() && kind(c, all).equals("class")) {
          findings.add(c.binaryName() + " (" + module.dir() + "): a class in an exported package");
        }
      }
    }
    return findings;
  }

  /**
   * Top-level types referenced from the classes of every module but {@code owner}, and then the
   * types named by the API (super types, public and protected signatures) of those, to a fixpoint.
   */
  private static Set<String> usedElsewhere(String owner) {
    Set<String> used = new HashSet<>();
    for (Reactor.Module other : modules) {
      if (!other.dir().equals(owner)) {
        for (ClassFile c : other.classes()) {
          c.referred().forEach(ref -> used.add(topLevel(ref)));
        }
      }
    }
    Map<String, List<ClassFile>> byTopLevel = new HashMap<>();
    modules.forEach(
        m ->
            m.classes().stream()
                .filter(ClassFile::isPublic)
                .forEach(
                    c -> byTopLevel.computeIfAbsent(c.topLevel(), k -> new ArrayList<>()).add(c)));
    List<String> work = new ArrayList<>(used);
    while (!work.isEmpty()) {
      String type = work.remove(work.size() - 1);
      for (ClassFile c : byTopLevel.getOrDefault(type, List.of())) {
        for (String ref : c.apiReferred()) {
          if (used.add(topLevel(ref))) {
            work.add(topLevel(ref));
          }
        }
      }
    }
    return used;
  }

  private static String topLevel(String internalName) {
    String binary = internalName.replace('/', '.');
    int dollar = binary.indexOf('$', binary.lastIndexOf('.') + 1);
    return dollar < 0 ? binary : binary.substring(0, dollar);
  }

  private static List<ClassFile> exportedClasses(Reactor.Module module) {
    Set<String> exported = radAssistExports(module).keySet();
    return module.classes().stream().filter(c -> exported.contains(c.packageName())).toList();
  }

  private static Map<String, String> radAssistExports(Reactor.Module module) {
    Map<String, String> exports = new TreeMap<>();
    module
        .exports()
        .forEach(
            (pkg, version) -> {
              if (pkg.startsWith("org.radassist.")) {
                exports.put(pkg, version);
              }
            });
    return exports;
  }

  private static Map<String, String> exportedPackages() {
    Map<String, String> all = new TreeMap<>();
    modules.forEach(m -> all.putAll(radAssistExports(m)));
    return all;
  }

  static String kind(ClassFile c, Map<String, ClassFile> all) {
    if (c.isAnnotation()) {
      return "annotation";
    }
    if (c.isInterface()) {
      return "interface";
    }
    if (c.isEnum()) {
      return "enum";
    }
    if (c.isRecord()) {
      return "record";
    }
    return isThrowable(c.superName(), all) ? "exception" : "class";
  }

  private static boolean isThrowable(String superName, Map<String, ClassFile> all) {
    for (String s = superName; s != null; ) {
      ClassFile ours = all.get(s);
      if (ours != null) {
        s = ours.superName();
        continue;
      }
      try {
        return Throwable.class.isAssignableFrom(Class.forName(s.replace('/', '.')));
      } catch (ClassNotFoundException e) {
        return false; // a library class outside the JDK: not one of ours to judge
      }
    }
    return false;
  }

  private static boolean exempt(String type) {
    String topLevel = type.contains("$") ? type.substring(0, type.indexOf('$')) : type;
    // a factory's nested builder is part of the factory
    return ALLOWED_CLASSES.containsKey(type) || ALLOWED_CLASSES.containsKey(topLevel);
  }

  /** Allow-list entries of the kind check that are no longer flagged. */
  private static Set<String> staleClassEntries(List<String> flagged) {
    Set<String> stale = new TreeSet<>(ALLOWED_CLASSES.keySet());
    stale.removeAll(flagged);
    return stale;
  }

  // --- the report: types per exported package

  private static String apiReport() {
    Map<String, ClassFile> all = new HashMap<>();
    modules.forEach(m -> m.classes().forEach(c -> all.put(c.name(), c)));
    StringBuilder out = new StringBuilder("Exported API (public types per exported package)\n");
    int total = 0;
    for (Reactor.Module module : modules) {
      for (Map.Entry<String, String> export : radAssistExports(module).entrySet()) {
        Map<String, Integer> kinds = new TreeMap<>();
        List<String> names = new ArrayList<>();
        for (ClassFile c : exportedClasses(module)) {
          if (c.isPublic() && c.packageName().equals(export.getKey())) {
            kinds.merge(kind(c, all), 1, Integer::sum);
            names.add(
                c.binaryName().substring(export.getKey().length() + 1) + "(" + kind(c, all) + ")");
          }
        }
        int count = names.size();
        total += count;
        names.sort(null);
        out.append(
            String.format(
                "%-40s %-8s %-22s %3d types %s%n    %s%n",
                export.getKey(),
                export.getValue(),
                module.dir(),
                count,
                kinds,
                String.join(", ", names)));
      }
    }
    return out.append("total: ").append(total).append(" public types exported\n").toString();
  }
}
