package org.radassist.examples.swinghost;

import java.awt.BorderLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JPanel;
import javax.swing.JSplitPane;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;
import org.radassist.audit.AuditTrails;
import org.radassist.drafting.DraftingService;
import org.radassist.drafting.EmbeddedDrafting;
import org.radassist.governance.Governance;
import org.radassist.governance.GovernanceSettings;
import org.radassist.governance.Governances;
import org.radassist.governance.RolloutMode;
import org.radassist.host.Role;
import org.radassist.host.UserIdentity;
import org.radassist.panel.PriorComparisons;
import org.radassist.panel.RadAssistPanels;
import org.radassist.panel.RadAssistTool;
import org.radassist.panel.SrDocumentReaders;
import org.radassist.priors.PriorComparisonService;
import org.radassist.priors.Priors;
import org.radassist.speech.hook.HostedSpeechHook;
import org.radassist.speech.hook.SpeechHooks;

/**
 * A small Swing viewer hosting the whole of RadAssist on a plain class path, without OSGi, through
 * exported API only (docs/porting.md section 8 walks through it). It shows one study of a DICOM
 * folder: the image with the AI region on the left, the RadAssist tool on the right. Behind the
 * tool: the embedded drafting engine, the SR importer, the prior comparison over the viewer's
 * loaded studies, the speech hook (durable outbox, loopback intake), governance and the audit
 * trail, each made by its public factory.
 *
 * <pre>
 * java -cp 'lib/*' org.radassist.examples.swinghost.SwingHost --study DIR [--data DIR]
 *      [--user ID] [--roles RADIOLOGIST,...] [--no-governance] [--pacs DICOMWEB-URL]
 *      [--templates MRRT-DIR]
 * </pre>
 */
public final class SwingHost implements AutoCloseable {

  /**
   * What the host runs on.
   *
   * @param study a folder of DICOM files (the newest study is opened; the patient's other studies
   *     in it are the priors)
   * @param dataDir where RadAssist keeps its audit trail (and, with the speech hook, the outbox)
   * @param user the signed-in user with the roles the viewer grants
   * @param governed with governance (assistive rollout, its approval gate audits every refusal);
   *     without it the panel's own least-privilege role gate still lets only a RADIOLOGIST accept
   * @param pacs a DICOMweb base URL to look priors up in; null: the studies this viewer has loaded
   * @param templates a directory of IHE MRRT templates for the drafting engine; null: none
   */
  public record Options(
      Path study, Path dataDir, UserIdentity user, boolean governed, String pacs, Path templates) {
    /** With governance in assistive rollout, priors from the loaded studies, no MRRT templates. */
    public Options(Path study, Path dataDir, UserIdentity user) {
      this(study, dataDir, user, true);
    }

    public Options(Path study, Path dataDir, UserIdentity user, boolean governed) {
      this(study, dataDir, user, governed, null, null);
    }
  }

  private final UserIdentity user;
  private final DicomFolder folder;
  private final AuditTrails.FileTrail audit;
  private final HostedSpeechHook speech;
  private final Priors.DicomWebProvider pacs; // null: priors from the loaded studies
  private final ExecutorService decoder;
  private final ImageView view;
  private final SwingViewerHost host;
  private final RadAssistTool tool;
  private final JComponent content;

  /**
   * Starts the host: files and tables are read on the calling thread (never the EDT), the
   * components are built on the EDT, and the newest study is opened.
   *
   * @throws IOException when the study folder or the audit trail cannot be used (the message names
   *     the path and the reason)
   */
  public static SwingHost start(Options options) throws Exception {
    if (SwingUtilities.isEventDispatchThread()) {
      throw new IllegalStateException("start the host off the Swing event thread: it reads files");
    }
    DicomFolder folder = DicomFolder.load(options.study());
    if (folder.newest().isEmpty()) {
      throw new IOException(options.study() + ": no DICOM study in this folder");
    }
    // a signed checkpoint every minute (the OSGi component's default): shorter anchors records
    // sooner
    AuditTrails.FileTrail audit =
        AuditTrails.builder(options.dataDir().resolve("audit"))
            .checkpointInterval(Duration.ofMinutes(1))
            .open();
    DraftingService drafting;
    HostedSpeechHook speech = null;
    Priors.DicomWebProvider pacs = null;
    Governance governance;
    try {
      // the embedded rules engine (RemoteDraftingService instead for a drafting server)
      drafting =
          options.templates() == null
              ? EmbeddedDrafting.create()
              : EmbeddedDrafting.builder().templatesDirectory(options.templates()).build();
      // dictation is made durable in the outbox before it is sent; speech engines on this machine
      // push dictation to the loopback intake (127.0.0.1, bearer token in the token file)
      speech =
          SpeechHooks.builder(drafting)
              .outbox(options.dataDir().resolve("outbox"))
              .loopbackIntake(0, options.dataDir().resolve("loopback.token"))
              .build();
      pacs = options.pacs() == null ? null : Priors.fromDicomWeb(options.pacs());
      governance =
          options.governed()
              ? Governances.create(
                  GovernanceSettings.defaults().withDefaultMode(RolloutMode.ASSISTIVE), audit)
              : null;
    } catch (IOException | RuntimeException e) {
      if (speech != null) {
        speech.close();
      }
      if (pacs != null) {
        pacs.close();
      }
      audit.close();
      throw e;
    }
    ExecutorService decoder =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "sample-host-decoder");
              t.setDaemon(true);
              return t;
            });
    HostedSpeechHook hook = speech;
    Priors.DicomWebProvider dicomWeb = pacs;
    CompletableFuture<SwingHost> built = new CompletableFuture<>();
    SwingUtilities.invokeLater(
        () -> {
          try {
            SwingHost h =
                new SwingHost(
                    options.user(), folder, audit, drafting, hook, dicomWeb, governance, decoder);
            h.host.show(folder);
            built.complete(h);
          } catch (RuntimeException | Error e) {
            built.completeExceptionally(e);
          }
        });
    try {
      return built.get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      hook.close();
      if (dicomWeb != null) {
        dicomWeb.close();
      }
      audit.close();
      decoder.shutdownNow();
      throw e;
    }
  }

  private SwingHost(
      UserIdentity user,
      DicomFolder folder,
      AuditTrails.FileTrail audit,
      DraftingService drafting,
      HostedSpeechHook speech,
      Priors.DicomWebProvider pacs,
      Governance governance,
      ExecutorService decoder) {
    this.user = user;
    this.folder = folder;
    this.audit = audit;
    this.speech = speech;
    this.pacs = pacs;
    this.decoder = decoder;
    this.view = new ImageView();
    this.host = new SwingViewerHost("RadAssist sample Swing host", user, view, decoder);
    // priors from the PACS when one is configured, else from the studies this viewer has loaded
    // (Priors.fromFolder(dir) for a folder used as the PACS)
    PriorComparisonService priors = Priors.comparison(pacs != null ? pacs : Priors.fromHost(host));
    this.tool =
        RadAssistPanels.builder(host)
            .drafting(drafting)
            .srReader(SrDocumentReaders.srImporter())
            .priors(PriorComparisons.of(priors))
            .speechHook(() -> Optional.of(speech))
            .governance(() -> Optional.ofNullable(governance))
            .auditTrail(() -> Optional.of(audit))
            .build();
    JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, view, tool.component());
    split.setResizeWeight(0.55);
    JPanel panel = new JPanel(new BorderLayout());
    panel.add(split, BorderLayout.CENTER);
    this.content = panel;
  }

  /** The viewer and the tool side by side, to place in a frame (EDT). */
  public JComponent content() {
    return content;
  }

  public RadAssistTool tool() {
    return tool;
  }

  public SwingViewerHost host() {
    return host;
  }

  /** The speech hook: its loopback intake and outbox. */
  public HostedSpeechHook speech() {
    return speech;
  }

  public AuditTrails.FileTrail audit() {
    return audit;
  }

  public DicomFolder folder() {
    return folder;
  }

  ImageView view() {
    return view;
  }

  /**
   * Stops the host. Call it OFF the event thread: {@link RadAssistTool#dispose()} then waits up to
   * two seconds for the decisions still queued to reach the audit trail, and only then is the trail
   * closed (signing its shutdown checkpoint). On the EDT, dispose() returns at once (the queued
   * decisions still go out on their own non-daemon thread), which is right for removing the panel
   * while the viewer runs, but the trail must then stay open.
   */
  @Override
  public void close() throws IOException {
    if (SwingUtilities.isEventDispatchThread()) {
      throw new IllegalStateException("close the host off the Swing event thread (see javadoc)");
    }
    try {
      SwingUtilities.invokeAndWait(host::close);
    } catch (Exception e) {
      // the viewer is going away anyway; the tool still stops below
    }
    tool.dispose();
    speech.close(); // what was not drafted yet stays in the outbox for the next start
    if (pacs != null) {
      pacs.close();
    }
    decoder.shutdownNow();
    audit.close();
  }

  public static void main(String[] args) throws Exception {
    Path study = null;
    Path data = Path.of(System.getProperty("user.home"), ".radassist-sample");
    String userId = System.getProperty("user.name", "radiologist");
    Set<Role> roles = EnumSet.of(Role.RADIOLOGIST);
    boolean governed = true;
    String pacs = null;
    Path templates = null;
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      if (args[i].equals("--no-governance")) {
        governed = false;
        continue;
      }
      switch (args[i]) {
        case "--study" -> study = Path.of(require(args[i], value));
        case "--data" -> data = Path.of(require(args[i], value));
        case "--user" -> userId = require(args[i], value);
        case "--roles" -> roles = roles(require(args[i], value));
        case "--pacs" -> pacs = require(args[i], value);
        case "--templates" -> templates = Path.of(require(args[i], value));
        default ->
            throw new IllegalArgumentException(
                "unknown option "
                    + args[i]
                    + " (use --study DIR [--data DIR] [--user ID] [--roles R,...]"
                    + " [--no-governance] [--pacs URL] [--templates DIR])");
      }
      i++;
    }
    if (study == null) {
      throw new IllegalArgumentException("--study DIR is required (a folder of DICOM files)");
    }
    SwingHost h =
        start(
            new Options(
                study, data, new UserIdentity(userId, userId, roles), governed, pacs, templates));
    SwingUtilities.invokeLater(
        () -> {
          JFrame frame = new JFrame("RadAssist sample host");
          frame.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
          frame.add(h.content());
          frame.setSize(1400, 900);
          frame.addWindowListener(
              new java.awt.event.WindowAdapter() {
                @Override
                public void windowClosed(java.awt.event.WindowEvent e) {
                  // off the EDT: see close()
                  new Thread(
                          () -> {
                            try {
                              h.close();
                            } catch (IOException ex) {
                              System.err.println(
                                  "audit trail not closed cleanly: " + ex.getMessage());
                            }
                          },
                          "sample-host-close")
                      .start();
                }
              });
          frame.setVisible(true);
        });
  }

  private static String require(String option, String value) {
    if (value == null) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return value;
  }

  /** Role names as the administrator writes them; an unknown one is an error naming it. */
  static Set<Role> roles(String list) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String name : list.split(",")) {
      String n = name.trim();
      if (n.isEmpty()) {
        continue;
      }
      try {
        roles.add(Role.valueOf(n));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "--roles: unknown role " + n + " (one of " + EnumSet.allOf(Role.class) + ")");
      }
    }
    return roles;
  }
}
