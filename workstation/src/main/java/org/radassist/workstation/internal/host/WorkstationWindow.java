package org.radassist.workstation.internal.host;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.IntConsumer;
import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.JSplitPane;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;
import org.radassist.workstation.internal.load.FolderLoader;
import org.radassist.workstation.internal.load.LoadedFolder;

/**
 * The workstation window: the study viewer on the left, RadAssist's panels on the right, a File
 * menu to open another folder. Closing it ends the workstation.
 */
public final class WorkstationWindow {
  private final JFrame frame = new JFrame("RadAssist Workstation");
  private final Workbench bench;
  private final Executor background;

  /** Builds the window around a workbench; call on the event thread. */
  public WorkstationWindow(Workbench bench, Executor background, IntConsumer exit) {
    this.bench = bench;
    this.background = background;
    frame.setName("workstation");
    frame.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
    frame.addWindowListener(
        new WindowAdapter() {
          @Override
          public void windowClosed(WindowEvent e) {
            exit.accept(0);
          }
        });
    JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, bench.viewer(), bench.dock());
    split.setResizeWeight(0.6);
    frame.getContentPane().add(split, BorderLayout.CENTER);
    frame.setJMenuBar(menu());
    frame.setSize(new Dimension(1400, 860));
    frame.setLocationByPlatform(true);
  }

  private JMenuBar menu() {
    JMenuBar bar = new JMenuBar();
    JMenu file = new JMenu("File");
    JMenuItem open = new JMenuItem("Open folder\u2026");
    open.addActionListener(
        e -> {
          JFileChooser chooser = new JFileChooser();
          chooser.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
          if (chooser.showOpenDialog(frame) == JFileChooser.APPROVE_OPTION) {
            open(chooser.getSelectedFile().toPath());
          }
        });
    JMenuItem quit = new JMenuItem("Quit");
    quit.addActionListener(e -> frame.dispose());
    file.add(open);
    file.add(quit);
    bar.add(file);
    return bar;
  }

  public void show() {
    frame.setVisible(true);
  }

  public JFrame frame() {
    return frame;
  }

  /** Reads the folder off the event thread, then shows it. */
  public CompletableFuture<Void> open(Path folder) {
    bench.viewer().viewport().setMessage("Loading " + folder + " \u2026");
    return CompletableFuture.supplyAsync(() -> load(folder), background)
        .thenCompose(
            loaded -> {
              CompletableFuture<Void> shown = new CompletableFuture<>();
              SwingUtilities.invokeLater(
                  () -> bench.host().show(loaded).whenComplete((v, e) -> shown.complete(null)));
              return shown;
            })
        .exceptionally(
            e -> {
              SwingUtilities.invokeLater(
                  () -> bench.viewer().viewport().setMessage("Cannot open " + folder + ": " + e));
              return null;
            });
  }

  static LoadedFolder load(Path folder) {
    try {
      return new FolderLoader().load(folder);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
