package org.radassist.workstation.internal.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import javax.swing.SwingUtilities;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.radassist.audit.AuditTrail;
import org.radassist.drafting.DraftingService;
import org.radassist.host.PanelContribution;
import org.radassist.host.Role;
import org.radassist.host.UserIdentity;
import org.radassist.host.ViewerHost;
import org.radassist.workstation.internal.FrameworkProperties;

/**
 * The workstation host inside the framework. It starts once the launcher's exit handle is there
 * (the launcher registers it after every bundle has started), places every {@link
 * PanelContribution} in its dock as services come and go, and either shows the window or runs the
 * headless job, handing the exit code back to the launcher.
 */
@Component(immediate = true)
public final class WorkstationComponent {
  static final String HOST_NAME = "RadAssist Workstation 0.1";

  private final BundleContext context;
  private final IntConsumer exit;
  private final ExecutorService background =
      Executors.newFixedThreadPool(
          2,
          r -> {
            Thread t = new Thread(r, "radassist-workstation");
            t.setDaemon(true);
            return t;
          });
  private final List<PanelContribution> contributions = new ArrayList<>();
  private volatile Workbench bench;
  private volatile WorkstationWindow window;
  private volatile ServiceRegistration<ViewerHost> hostRegistration;
  private boolean placingPanels; // guarded by contributions

  @Reference(
      cardinality = ReferenceCardinality.OPTIONAL,
      policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  private volatile DraftingService drafting;

  @Reference(
      cardinality = ReferenceCardinality.OPTIONAL,
      policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  private volatile AuditTrail audit;

  @Activate
  public WorkstationComponent(
      BundleContext context,
      @Reference(target = "(" + FrameworkProperties.EXIT_HANDLE + "=true)") IntConsumer exit) {
    this.context = context;
    this.exit = exit;
    boolean headless = Boolean.parseBoolean(context.getProperty(FrameworkProperties.HEADLESS));
    Path study = Path.of(context.getProperty(FrameworkProperties.STUDY));
    SwingUtilities.invokeLater(
        () -> {
          bench = Workbench.create(HOST_NAME, user(), background);
          // the host is a ViewerHost service for every component that asks the viewer (priors,
          // the audit of panel decisions), as the Weasis bridge registers its own
          hostRegistration = context.registerService(ViewerHost.class, bench.host(), null);
          synchronized (contributions) {
            // the headless run places the panels itself, at a known point of its flow
            placingPanels = !headless;
            if (placingPanels) {
              contributions.forEach(bench.dock()::add);
            }
          }
          if (headless) {
            background.execute(() -> runHeadless(study));
          } else {
            window = new WorkstationWindow(bench, background, exit);
            window.show();
            window.open(study);
          }
        });
  }

  private static UserIdentity user() {
    String name = System.getProperty("user.name", "radiologist");
    return new UserIdentity(name, name, EnumSet.of(Role.RADIOLOGIST));
  }

  private void runHeadless(Path study) {
    int code;
    try {
      Path out = Path.of(context.getProperty(FrameworkProperties.OUT));
      String dictationFile = context.getProperty(FrameworkProperties.DICTATION);
      String dictation =
          dictationFile == null
              ? CannedDictation.CT_CHEST_NODULE
              : Files.readString(Path.of(dictationFile), StandardCharsets.UTF_8);
      HeadlessRun.Parts parts =
          new HeadlessRun.Parts(
              bench,
              this::panels,
              () -> Optional.ofNullable(drafting),
              () -> Optional.ofNullable(audit),
              srFindingsReader(),
              srDraftWriter(),
              Clock.systemUTC());
      code = new HeadlessRun(parts, System.out).run(study, out, dictation);
    } catch (IOException | RuntimeException e) {
      System.err.println("radassist workstation: " + e.getMessage());
      code = 1;
    } catch (Exception | Error e) {
      // whatever happens, the launcher must hear back: it waits for the exit code
      System.err.println("radassist workstation: the headless run failed: " + e);
      code = 1;
    }
    exit.accept(code);
  }

  /** The SR importer is an optional import: without it its classes cannot even be linked. */
  private static Optional<FindingsReader> srFindingsReader() {
    try {
      return SrSupport.findingsReader();
    } catch (NoClassDefFoundError e) {
      return Optional.empty();
    }
  }

  private static Optional<DraftSrWriter> srDraftWriter() {
    try {
      return SrSupport.draftSrWriter();
    } catch (NoClassDefFoundError e) {
      return Optional.empty();
    }
  }

  private List<PanelContribution> panels() {
    synchronized (contributions) {
      return List.copyOf(contributions);
    }
  }

  @Reference(
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      unbind = "removePanel")
  void addPanel(PanelContribution contribution) {
    synchronized (contributions) {
      contributions.add(contribution);
      if (placingPanels) {
        SwingUtilities.invokeLater(() -> bench.dock().add(contribution));
      }
    }
  }

  void removePanel(PanelContribution contribution) {
    synchronized (contributions) {
      contributions.remove(contribution);
    }
    Workbench b = bench;
    if (b != null) {
      SwingUtilities.invokeLater(() -> b.dock().remove(contribution));
    }
  }

  @Deactivate
  void deactivate() throws InterruptedException {
    ServiceRegistration<ViewerHost> registration = hostRegistration;
    if (registration != null) {
      try {
        registration.unregister();
      } catch (IllegalStateException alreadyGone) {
        // the framework is stopping and took it down first
      }
    }
    WorkstationWindow w = window;
    Workbench b = bench;
    SwingUtilities.invokeLater(
        () -> {
          if (b != null) {
            b.dock().disposeAll();
          }
          if (w != null) {
            w.frame().dispose();
          }
        });
    background.shutdownNow();
    background.awaitTermination(5, TimeUnit.SECONDS);
  }
}
