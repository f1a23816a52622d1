package org.radassist.panel.internal.osgi;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.swing.JComponent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.radassist.audit.AuditTrail;
import org.radassist.drafting.DraftingService;
import org.radassist.governance.Governance;
import org.radassist.host.PanelContribution;
import org.radassist.host.ViewerHost;
import org.radassist.panel.DecisionListener;
import org.radassist.panel.PriorComparisons;
import org.radassist.panel.RadAssistPanels;
import org.radassist.panel.SrDocumentReader;
import org.radassist.panel.SrDocumentReaders;
import org.radassist.panel.internal.PanelTool;
import org.radassist.priors.PriorComparisonService;
import org.radassist.speech.SpeechHook;

/**
 * Contributes the RadAssist tool to any host that places PanelContribution services (the Weasis
 * bridge, the workstation). SRs are read with RadAssist's SR importer unless an SrDocumentReader
 * service replaces it. The drafting service and decision listeners are optional and dynamic: when
 * one comes or goes the open tool uses it at the next study or request, and says so honestly while
 * it is missing. So are governance, the speech hook, the audit trail (every decision audited, the
 * Metrics tab) and the priors comparison: their API bundles are always installed with the panel and
 * imported normally, their services may be missing (without governance the panel's own
 * least-privilege role gate applies).
 */
@Component(service = PanelContribution.class, configurationPid = "org.radassist.viewer.panel")
@Designate(ocd = ToolConfiguration.class)
public final class RadAssistToolContribution implements PanelContribution {

  private final ToolConfiguration config;
  private final Map<JComponent, PanelTool> tools = new ConcurrentHashMap<>();
  private final List<DecisionListener> decisionListeners = new CopyOnWriteArrayList<>();

  /** RadAssist's own SR importer, used unless another SrDocumentReader service is registered. */
  private final SrDocumentReader defaultSrReader = SrDocumentReaders.srImporter();

  @Reference(
      cardinality = ReferenceCardinality.OPTIONAL,
      policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  private volatile DraftingService drafting;

  @Reference(
      cardinality = ReferenceCardinality.OPTIONAL,
      policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  private volatile SrDocumentReader srReader;

  @Reference(
      cardinality = ReferenceCardinality.OPTIONAL,
      policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  private volatile PriorComparisonService priors;

  @Reference(
      cardinality = ReferenceCardinality.OPTIONAL,
      policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  private volatile Governance governance;

  /*
   * The speech hook: its API bundle is always installed, the hook itself (bundle
   * org.radassist.speech.hook) may be absent or come and go.
   */
  @Reference(
      cardinality = ReferenceCardinality.OPTIONAL,
      policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  private volatile SpeechHook speechHook;

  @Reference(
      cardinality = ReferenceCardinality.OPTIONAL,
      policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  private volatile AuditTrail auditTrail;

  @Activate
  public RadAssistToolContribution(ToolConfiguration config) {
    this.config = config;
  }

  @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
  void addDecisionListener(DecisionListener listener) {
    decisionListeners.add(listener);
  }

  void removeDecisionListener(DecisionListener listener) {
    decisionListeners.remove(listener);
  }

  /** Tells every registered listener; one failing listener does not keep the others from it. */
  void deliver(org.radassist.panel.Decision decision) {
    for (DecisionListener l : decisionListeners) {
      try {
        l.decided(decision);
      } catch (RuntimeException e) {
        System.getLogger(RadAssistToolContribution.class.getName())
            .log(System.Logger.Level.ERROR, "decision listener failed: " + l, e);
      }
    }
  }

  @Override
  public String id() {
    return "radassist.tool";
  }

  @Override
  public String title() {
    return "RadAssist";
  }

  @Override
  public int position() {
    return config.position();
  }

  @Override
  public JComponent createComponent(ViewerHost host) {
    PanelTool tool =
        PanelTool.of(
            RadAssistPanels.builder(host)
                .drafting(() -> Optional.ofNullable(drafting))
                .srReader(() -> Optional.of(srReader != null ? srReader : defaultSrReader))
                .priors(() -> Optional.ofNullable(priors).map(PriorComparisons::of))
                .speechHook(() -> Optional.ofNullable(speechHook))
                .governance(() -> Optional.ofNullable(governance))
                .auditTrail(() -> Optional.ofNullable(auditTrail))
                .decisionListener(this::deliver)
                .lowConfidenceThreshold(config.lowConfidenceThreshold())
                .build());
    tools.put(tool.component(), tool);
    return tool.component();
  }

  @Override
  public void dispose(JComponent component) {
    PanelTool tool = tools.remove(component);
    if (tool != null) {
      tool.dispose();
    }
  }

  /** The tools open in the host now (for the shell commands, which drive them). */
  public List<PanelTool> openTools() {
    return List.copyOf(tools.values());
  }

  @Deactivate
  void deactivate() {
    tools.values().forEach(PanelTool::dispose);
    tools.clear();
  }
}
