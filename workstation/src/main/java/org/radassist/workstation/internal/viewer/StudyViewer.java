package org.radassist.workstation.internal.viewer;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Dimension;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import javax.swing.BorderFactory;
import javax.swing.DefaultListCellRenderer;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JToolBar;
import javax.swing.ListSelectionModel;
import org.radassist.model.StudyContext;
import org.radassist.workstation.internal.load.DicomSeries;
import org.radassist.workstation.internal.load.DicomStudy;
import org.radassist.workstation.internal.load.LoadedFolder;
import org.radassist.workstation.internal.load.Windowing;

/**
 * The minimal study viewer: a series list (every loaded study of the folder, newest first), the
 * image viewport and a tool bar with window presets. Runs on the event thread only.
 */
public final class StudyViewer extends JPanel {
  private static final long serialVersionUID = 1L;
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

  private final ImageViewport viewport;
  private final DefaultListModel<Entry> entries = new DefaultListModel<>();
  private final JList<Entry> seriesList = new JList<>(entries);
  private final JLabel status = new JLabel(" ");
  private final transient List<BiConsumer<DicomStudy, DicomSeries>> selectionListeners =
      new ArrayList<>();
  private transient LoadedFolder folder;
  private boolean updating;

  /** One row of the series list. */
  record Entry(DicomStudy study, DicomSeries series) {}

  public StudyViewer(Executor decoder) {
    super(new BorderLayout());
    setName("viewer");
    viewport = new ImageViewport(decoder);
    seriesList.setName("viewer.series");
    seriesList.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
    seriesList.setCellRenderer(new EntryRenderer());
    seriesList.addListSelectionListener(
        e -> {
          Entry entry = seriesList.getSelectedValue();
          if (!e.getValueIsAdjusting() && entry != null && !updating) {
            select(entry, 0);
          }
        });
    JScrollPane listScroll = new JScrollPane(seriesList);
    listScroll.setPreferredSize(new Dimension(230, 200));
    listScroll.setBorder(BorderFactory.createTitledBorder("Series"));

    JToolBar tools = new JToolBar();
    tools.setFloatable(false);
    tools.add(preset("Lung", Windowing.LUNG));
    tools.add(preset("Mediastinum", Windowing.MEDIASTINUM));
    tools.add(preset("Bone", Windowing.BONE));
    tools.addSeparator();
    JButton previous = new JButton("\u25B2");
    previous.setToolTipText("Previous image (Up, wheel)");
    previous.addActionListener(e -> viewport.scroll(-1));
    JButton next = new JButton("\u25BC");
    next.setToolTipText("Next image (Down, wheel)");
    next.addActionListener(e -> viewport.scroll(1));
    tools.add(previous);
    tools.add(next);

    status.setName("viewer.status");
    status.setBorder(BorderFactory.createEmptyBorder(2, 6, 2, 6));
    viewport.addChangeListener(v -> status.setText(statusText(v)));

    JPanel center = new JPanel(new BorderLayout());
    center.add(tools, BorderLayout.NORTH);
    center.add(viewport, BorderLayout.CENTER);
    center.add(status, BorderLayout.SOUTH);
    add(listScroll, BorderLayout.WEST);
    add(center, BorderLayout.CENTER);
  }

  private JButton preset(String name, Windowing w) {
    JButton b = new JButton(name);
    b.setName("viewer.preset." + name.toLowerCase(Locale.ROOT));
    b.setToolTipText(
        String.format(Locale.ROOT, "%s window: W %.0f L %.0f", name, w.width(), w.center()));
    b.addActionListener(e -> viewport.setWindowing(w));
    return b;
  }

  public ImageViewport viewport() {
    return viewport;
  }

  /** Told (on the event thread) which study and series the radiologist selected. */
  public void addSelectionListener(BiConsumer<DicomStudy, DicomSeries> listener) {
    selectionListeners.add(listener);
  }

  /** Shows a loaded folder and opens the first image series of its newest study. */
  public CompletableFuture<Void> setFolder(LoadedFolder loaded) {
    folder = loaded;
    updating = true;
    try {
      entries.clear();
      for (DicomStudy study : loaded.studies()) {
        for (DicomSeries series : study.series()) {
          entries.addElement(new Entry(study, series));
        }
      }
    } finally {
      updating = false;
    }
    for (int i = 0; i < entries.size(); i++) {
      if (entries.get(i).series().isImageSeries()) {
        return select(entries.get(i), 0);
      }
    }
    viewport.setMessage(
        loaded.studies().isEmpty()
            ? "No DICOM images in " + loaded.root()
            : "The folder holds no image series");
    return CompletableFuture.completedFuture(null);
  }

  public LoadedFolder folder() {
    return folder;
  }

  /** Shows an image of a series, selecting it in the list. */
  public CompletableFuture<Void> show(DicomStudy study, DicomSeries series, int index) {
    updating = true;
    try {
      for (int i = 0; i < entries.size(); i++) {
        if (entries.get(i).series().equals(series)) {
          seriesList.setSelectedIndex(i);
        }
      }
    } finally {
      updating = false;
    }
    return select(new Entry(study, series), index);
  }

  private CompletableFuture<Void> select(Entry entry, int index) {
    for (BiConsumer<DicomStudy, DicomSeries> l : selectionListeners) {
      l.accept(entry.study(), entry.series());
    }
    if (!entry.series().isImageSeries()) {
      viewport.setMessage(
          entry.series().modality() + " document series: shown in the RadAssist panels");
      return CompletableFuture.completedFuture(null);
    }
    updating = true;
    try {
      seriesList.setSelectedValue(entry, true);
    } finally {
      updating = false;
    }
    viewport.setOverlayText(overlay(entry.study().context()));
    return viewport.show(entry.series(), index);
  }

  private static String overlay(StudyContext c) {
    String name = c.patientName() == null ? "" : c.patientName().replace('^', ' ');
    String id = c.patientId() == null ? "" : c.patientId();
    String date = c.studyDate() == null ? "" : DATE.format(c.studyDate());
    String desc = c.studyDescription() == null ? "" : c.studyDescription();
    return name + "\n" + id + "\n" + date + "  " + desc;
  }

  private static String statusText(ImageViewport v) {
    if (v.series() == null) {
      return " ";
    }
    return String.format(
        Locale.ROOT,
        "%s  image %d of %d  (wheel / arrows scroll, drag sets window)",
        v.series().modality(),
        v.index() + 1,
        v.series().instances().size());
  }

  private static final class EntryRenderer extends DefaultListCellRenderer {
    private static final long serialVersionUID = 1L;

    @Override
    public Component getListCellRendererComponent(
        JList<?> list, Object value, int index, boolean selected, boolean focus) {
      Entry e = (Entry) value;
      StudyContext c = e.study().context();
      String date = c.studyDate() == null ? "" : DATE.format(c.studyDate());
      String text =
          "<html><b>"
              + escape(e.series().modality())
              + (e.series().number() == null ? "" : " #" + e.series().number())
              + "</b> "
              + escape(e.series().description() == null ? "" : e.series().description())
              + "<br><font size=-2>"
              + date
              + " \u00B7 "
              + e.series().instances().size()
              + (e.series().isImageSeries() ? " images" : " documents")
              + "</font></html>";
      return super.getListCellRendererComponent(list, text, index, selected, focus);
    }

    private static String escape(String s) {
      return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
  }
}
