package org.radassist.panel.internal.osgi;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
    name = "RadAssist viewer tool",
    description =
        "The RadAssist side tool in the viewer: findings, draft review, flags, priors, SR")
public @interface ToolConfiguration {

  @AttributeDefinition(
      name = "Low-confidence threshold",
      description = "AI findings with a confidence below this (0..1) are marked low-confidence",
      min = "0",
      max = "1")
  double lowConfidenceThreshold() default 0.5;

  @AttributeDefinition(
      name = "Position",
      description = "Where the host places the tool among other contributions (lower comes first)")
  int position() default 50;
}
