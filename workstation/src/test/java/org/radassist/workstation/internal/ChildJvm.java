package org.radassist.workstation.internal;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged workstation (its jar and target/classpath.txt, as ./radassist does) in a child
 * JVM, so that the integration tests exercise exactly what a user starts.
 */
final class ChildJvm {
  record Result(int exitCode, String output) {}

  private ChildJvm() {}

  static Path target() {
    return Path.of(System.getProperty("workstation.target", "target")).toAbsolutePath();
  }

  /** The launcher's class path: the module jar, then its runtime class path. */
  static String launcherClassPath() throws IOException {
    Path jar = Path.of(System.getProperty("workstation.jar"));
    String cp =
        Files.readString(
                Path.of(System.getProperty("workstation.classpath.file")), StandardCharsets.UTF_8)
            .strip();
    return jar + File.pathSeparator + cp;
  }

  static Result run(
      List<String> prefix,
      String classPath,
      String main,
      List<String> args,
      Map<String, String> env,
      long timeoutSeconds)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(prefix);
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-cp");
    command.add(classPath);
    command.add(main);
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().putAll(env);
    Path log = Files.createTempFile(target(), "child-", ".log");
    pb.redirectOutput(log.toFile());
    Process p = pb.start();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      return new Result(-1, Files.readString(log) + "\n(timed out after " + timeoutSeconds + " s)");
    }
    return new Result(p.exitValue(), Files.readString(log));
  }
}
