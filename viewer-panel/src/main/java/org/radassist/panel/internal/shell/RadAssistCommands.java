package org.radassist.panel.internal.shell;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.metatype.annotations.Designate;
import org.radassist.audit.AuditTrail;
import org.radassist.host.PanelContribution;
import org.radassist.panel.internal.osgi.RadAssistToolContribution;

/**
 * The radassist:* commands of the Felix Gogo shell (Weasis starts its own features the same way,
 * e.g. dicom:get): a plain service with the osgi.command properties, so no Gogo type is needed.
 * status, findings, dictate TEXT, accept SECTION, approve, tab NAME and sr are here; open-finding N
 * is {@link OpenFindingCommand} (a hyphen is not a Java method name).
 */
@Component(
    service = RadAssistCommands.class,
    configurationPid = "org.radassist.shell",
    property = {
      "osgi.command.scope=radassist",
      "osgi.command.function=status",
      "osgi.command.function=findings",
      "osgi.command.function=dictate",
      "osgi.command.function=accept",
      "osgi.command.function=approve",
      "osgi.command.function=tab",
      "osgi.command.function=sr"
    })
@Designate(ocd = ShellConfiguration.class)
public final class RadAssistCommands {
  static final String TOOL_TARGET =
      "(component.name=org.radassist.panel.internal.osgi.RadAssistToolContribution)";

  private final BundleContext context;
  private final PanelShell shell;

  @Reference(
      cardinality = ReferenceCardinality.OPTIONAL,
      policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  private volatile ServiceComponentRuntime scr;

  @Reference(
      cardinality = ReferenceCardinality.OPTIONAL,
      policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  private volatile AuditTrail audit;

  @Activate
  public RadAssistCommands(
      BundleContext context,
      @Reference(target = TOOL_TARGET) PanelContribution tool,
      ShellConfiguration config) {
    this.context = context;
    RadAssistToolContribution contribution = (RadAssistToolContribution) tool;
    this.shell =
        new PanelShell(
            contribution::openTools, Duration.ofSeconds(Math.max(1, config.timeout_seconds())));
  }

  /** RadAssist's bundles, components, configuration, the tool's state and the audit head. */
  public String status() {
    List<String> lines = new ArrayList<>();
    List<Bundle> ours = new ArrayList<>();
    for (Bundle b : context.getBundles()) {
      String name = b.getSymbolicName();
      if (name != null && name.startsWith("org.radassist.")) {
        ours.add(b);
        lines.add("bundle " + name + " " + b.getVersion() + " " + state(b.getState()));
      }
    }
    lines.add(components(ours));
    lines.addAll(ConfigLines.of(context));
    lines.add(shell.toolStatus());
    lines.add(auditHead());
    return String.join("\n", lines);
  }

  public String findings() {
    return shell.findings();
  }

  public String dictate(String... words) {
    return shell.dictate(words == null ? "" : String.join(" ", words));
  }

  public String accept(String section) {
    return shell.accept(section);
  }

  public String approve() {
    return shell.approve();
  }

  public String tab(String name) {
    return shell.tab(name);
  }

  public String sr() {
    return shell.sr();
  }

  private String components(List<Bundle> bundles) {
    ServiceComponentRuntime runtime = scr;
    if (runtime == null) {
      return "components: (no Service Component Runtime)";
    }
    int active = 0;
    int satisfied = 0;
    List<String> waiting = new ArrayList<>();
    List<String> unsatisfied = new ArrayList<>();
    for (ComponentDescriptionDTO d :
        runtime.getComponentDescriptionDTOs(bundles.toArray(Bundle[]::new))) {
      var configs = runtime.getComponentConfigurationDTOs(d);
      if (configs.isEmpty()) {
        waiting.add(d.name);
      }
      for (ComponentConfigurationDTO c : configs) {
        switch (c.state) {
          case ComponentConfigurationDTO.ACTIVE -> active++;
          case ComponentConfigurationDTO.SATISFIED -> satisfied++;
          default -> unsatisfied.add(d.name);
        }
      }
    }
    return "components: "
        + active
        + " active, "
        + satisfied
        + " satisfied, "
        + unsatisfied.size()
        + " unsatisfied"
        + (unsatisfied.isEmpty() ? "" : " " + unsatisfied)
        + ", "
        + waiting.size()
        + " off until configured"
        + (waiting.isEmpty() ? "" : " " + waiting);
  }

  private String auditHead() {
    AuditTrail trail = audit;
    if (trail == null) {
      return "audit head: (no audit trail)";
    }
    try {
      return trail
          .head()
          .map(
              r ->
                  "audit head: #"
                      + r.seq()
                      + " "
                      + r.event().action()
                      + " by "
                      + r.event().user()
                      + " "
                      + r.hash().substring(0, 12))
          .orElse("audit head: (empty trail)");
    } catch (RuntimeException e) {
      return "audit head: unreadable: " + e;
    }
  }

  private static String state(int state) {
    return switch (state) {
      case Bundle.ACTIVE -> "ACTIVE";
      case Bundle.RESOLVED -> "RESOLVED";
      case Bundle.INSTALLED -> "INSTALLED";
      case Bundle.STARTING -> "STARTING";
      case Bundle.STOPPING -> "STOPPING";
      default -> "UNINSTALLED";
    };
  }
}
