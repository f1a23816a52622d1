package org.radassist.sr.internal.component;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Config Admin settings of the SR reader service: the caps against hostile files. */
@ObjectClassDefinition(
    name = "RadAssist SR reader",
    description = "Limits applied when reading DICOM Structured Reports")
public @interface ReaderConfig {
  @AttributeDefinition(name = "Maximum nesting depth", min = "1")
  int maxDepth() default 64;

  @AttributeDefinition(name = "Maximum content items", min = "1")
  int maxItems() default 500_000;

  @AttributeDefinition(name = "Maximum file size (bytes)", min = "1")
  long maxBytes() default 268_435_456L;
}
