package org.radassist.panel.internal.shell;

import java.time.Duration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.radassist.host.PanelContribution;
import org.radassist.panel.internal.osgi.RadAssistToolContribution;

/**
 * radassist:open-finding N. Gogo finds a command's method by name, and "open-finding" is no Java
 * method name: Gogo then calls {@code _main} with the command name first. It shares the PID (and
 * its Metatype, designated by {@link RadAssistCommands}) of the other commands.
 */
@Component(
    service = OpenFindingCommand.class,
    configurationPid = "org.radassist.shell",
    property = {"osgi.command.scope=radassist", "osgi.command.function=open-finding"})
public final class OpenFindingCommand {
  private final PanelShell shell;

  @Activate
  public OpenFindingCommand(
      @Reference(target = RadAssistCommands.TOOL_TARGET) PanelContribution tool,
      ShellConfiguration config) {
    RadAssistToolContribution contribution = (RadAssistToolContribution) tool;
    this.shell =
        new PanelShell(
            contribution::openTools, Duration.ofSeconds(Math.max(1, config.timeout_seconds())));
  }

  /** Gogo's entry for a hyphenated command: {@code args[0]} is the command's name. */
  public String _main(String... args) {
    if (args == null || args.length != 2) {
      return "usage: radassist:open-finding N (N from radassist:findings)";
    }
    return shell.openFinding(args[1]);
  }
}
