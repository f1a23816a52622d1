package org.radassist.panel.internal.shell;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
    name = "RadAssist shell commands",
    description =
        "The radassist:* Gogo commands (status, findings, dictate, accept, approve,"
            + " open-finding) that drive the open RadAssist tool.")
public @interface ShellConfiguration {
  @AttributeDefinition(
      name = "Timeout (seconds)",
      description = "How long dictate, approve and open-finding wait for the tool's answer.")
  int timeout_seconds() default 60;
}
