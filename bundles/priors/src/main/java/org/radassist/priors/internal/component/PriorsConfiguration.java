package org.radassist.priors.internal.component;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Where priors come from and how long to wait for them (Config Admin PID org.radassist.priors). */
@ObjectClassDefinition(
    name = "RadAssist prior studies",
    description =
        "Where the prior comparison finds a patient's earlier studies: a DICOMweb PACS, else a"
            + " local folder of DICOM files (the embedded default), else the studies the viewer"
            + " has loaded.")
public @interface PriorsConfiguration {

  @AttributeDefinition(
      name = "DICOMweb base URL",
      description = "e.g. http://pacs.example.org/dicom-web; empty to not use a PACS")
  String dicomweb_url() default "";

  @AttributeDefinition(name = "Connect timeout (ms)", min = "1")
  long connect_timeout_ms() default 3000;

  @AttributeDefinition(
      name = "Read timeout (ms)",
      description = "silence on an open connection",
      min = "1")
  long read_timeout_ms() default 10000;

  @AttributeDefinition(
      name = "Lookup deadline (ms)",
      description = "the whole lookup; prior documents not read by then are left out with a note",
      min = "1")
  long deadline_ms() default 20000;

  @AttributeDefinition(name = "QIDO-RS page size", min = "1")
  int page_size() default 100;

  @AttributeDefinition(
      name = "Local folder",
      description = "a folder of DICOM files used as the PACS when no DICOMweb URL is set")
  String local_folder() default "";

  @AttributeDefinition(
      name = "Maximum priors",
      description = "most relevant priors kept",
      min = "0")
  int max_priors() default 10;

  @AttributeDefinition(
      name = "Minimum relevance",
      description = "0..1; 0.55 keeps priors of the same body region",
      min = "0",
      max = "1")
  double min_relevance() default 0.55;
}
