package org.radassist.workstation.internal;

import java.awt.Frame;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.swing.JLabel;
import javax.swing.SwingUtilities;
import org.radassist.workstation.internal.host.PanelDriver;

/**
 * Runs in a JVM under Xvfb: starts the workstation with its window, then does what a radiologist
 * does (study open, findings listed, dictate, draft streams in, accept) through the components on
 * screen, takes a screenshot with Robot, and closes the window. Prints one "step:" line per step
 * and exits 0 only when every step passed.
 */
public final class XvfbDriver {
  private XvfbDriver() {}

  public static void main(String[] args) throws Exception {
    Path screenshot = Path.of(args[0]);
    Path auditDir = Path.of(args[1]);
    PrintStream log = System.out;
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () -> WorkstationCommand.run(new String[0], System.out, System.err));
    int code = 1;
    try {
      Frame frame = await("workstation window shown", XvfbDriver::workstationFrame, 120);
      await(
          "study open, first image shown",
          () -> label(frame, "viewer.status").filter(t -> t.contains("image 1 of 24")),
          60);
      PanelDriver panel = new PanelDriver(frame);
      await(
          "findings listed",
          () -> panel.tabTitle("Findings").filter(t -> t.equals("Findings (1)")),
          60);
      step(log, "select the Findings tab", panel.selectTab("Findings"));
      step(log, "click Show on image", panel.click("Show on image"));
      await(
          "finding shown on its image",
          () -> label(frame, "viewer.status").filter(t -> t.contains("image 9 of 24")),
          30);
      step(log, "select the Draft tab", panel.selectTab("Draft"));
      step(
          log,
          "dictate",
          panel.dictate(
              "CT chest without contrast. There is a solid nodule in the right upper lobe"
                  + " measuring 8.2 millimetres, previously 6.0 millimetres. No pleural effusion."
                  + " Impression: growing right upper lobe nodule."));
      step(log, "ask for the draft", panel.click("Draft report"));
      step(
          log,
          "draft streams in",
          PanelDriver.await(
              () -> panel.shows("Draft complete") && panel.countEnabled("Accept") > 0,
              60,
              TimeUnit.SECONDS));
      int accepted = 0;
      while (panel.click("Accept") && accepted < 20) {
        accepted++;
        Thread.sleep(50);
      }
      step(log, "accept " + accepted + " sections", accepted > 0);
      step(
          log,
          "audit record of the accept exists",
          PanelDriver.await(
              () -> auditContains(auditDir, "section_accepted"), 20, TimeUnit.SECONDS));
      Thread.sleep(300); // let the last repaint reach the screen
      Rectangle bounds = onEdt(frame::getBounds);
      BufferedImage shot = new Robot().createScreenCapture(bounds);
      Files.createDirectories(screenshot.toAbsolutePath().getParent());
      ImageIO.write(shot, "png", screenshot.toFile());
      step(log, "screenshot " + screenshot, Files.size(screenshot) > 0);
      SwingUtilities.invokeLater(frame::dispose);
      code = exit.get(60, TimeUnit.SECONDS);
      step(log, "workstation exited with " + code, code == 0);
    } catch (StepFailed e) {
      log.println("step: " + e.getMessage() + " FAILED");
    }
    System.exit(code);
  }

  private static Optional<Frame> workstationFrame() {
    return Arrays.stream(Frame.getFrames())
        .filter(f -> f.isShowing() && "RadAssist Workstation".equals(f.getTitle()))
        .findFirst();
  }

  private static Optional<String> label(Frame frame, String name) {
    try {
      return onEdt(() -> find(frame, name));
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  private static Optional<String> find(java.awt.Component c, String name) {
    if (c instanceof JLabel l && name.equals(l.getName())) {
      return Optional.ofNullable(l.getText());
    }
    if (c instanceof java.awt.Container container) {
      for (java.awt.Component child : container.getComponents()) {
        Optional<String> found = find(child, name);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  private static boolean auditContains(Path dir, String text) throws IOException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        if (Files.readString(f).contains(text)) {
          return true;
        }
      }
    }
    return false;
  }

  interface Probe<T> {
    Optional<T> get() throws Exception;
  }

  private static <T> T await(String what, Probe<T> probe, int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      Optional<T> value = probe.get();
      if (value.isPresent()) {
        System.out.println("step: " + what + " ok");
        return value.get();
      }
      Thread.sleep(100);
    }
    throw new StepFailed(what + " (within " + seconds + " s)");
  }

  private static void step(PrintStream log, String what, boolean ok) {
    if (!ok) {
      throw new StepFailed(what);
    }
    log.println("step: " + what + " ok");
  }

  private static <T> T onEdt(java.util.concurrent.Callable<T> work) throws Exception {
    CompletableFuture<T> f = new CompletableFuture<>();
    SwingUtilities.invokeLater(
        () -> {
          try {
            f.complete(work.call());
          } catch (Exception e) {
            f.completeExceptionally(e);
          }
        });
    return f.get(30, TimeUnit.SECONDS);
  }

  static final class StepFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StepFailed(String message) {
      super(message);
    }
  }

  static List<String> steps(String output) {
    return output.lines().filter(l -> l.startsWith("step: ")).toList();
  }
}
