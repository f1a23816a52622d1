package org.radassist.governance.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * Governance settings (PID {@code org.radassist.governance}); the defaults here are the only ones
 * (they equal {@link org.radassist.governance.GovernanceSettings#defaults()}, which a test checks).
 * Each key may also be given as a framework property {@code radassist.governance.<key>} (e.g. in
 * Weasis' extension JSON, lists separated by '|'), which the framework-property bridge turns into
 * this configuration; an admin's own Config Admin configuration wins whole.
 */
@ObjectClassDefinition(
    name = "RadAssist governance",
    description = "Rollout modes, review thresholds, roles and the critical-result loop")
public @interface GovernanceConfig {

  @AttributeDefinition(
      name = "Default rollout mode",
      options = {
        @Option(label = "Shadow: drafts logged, nothing shown", value = "shadow"),
        @Option(label = "Assistive: shown, nothing filled in", value = "assistive"),
        @Option(
            label = "Integrated: confident fields filled in, still non-final",
            value = "integrated")
      })
  String rollout_defaultMode() default "shadow";

  @AttributeDefinition(
      name = "Rollout rules",
      description = "modality/bodyPart/userGroup=mode, '*' for any; the most specific rule wins",
      required = false)
  String[] rollout_rules() default {};

  @AttributeDefinition(
      name = "User groups",
      description = "userId=group, used by rollout rules",
      required = false)
  String[] user_groups() default {};

  @AttributeDefinition(
      name = "Review thresholds",
      description = "kind=probability for impression, differential, structured_field, code")
  String[] review_thresholds() default {
    "impression=0.6", "differential=0.5", "structured_field=0.7", "code=0.8"
  };

  @AttributeDefinition(name = "Auto-populate at or above (integrated mode)", min = "0", max = "1")
  double review_autoPopulateAbove() default 0.9;

  @AttributeDefinition(name = "Double read for critical results below", min = "0", max = "1")
  double review_doubleReadBelow() default 0.75;

  @AttributeDefinition(
      name = "Roles",
      description =
          "userId=ROLE[,ROLE...] added to what the host grants (RADIOLOGIST, RESIDENT, TECHNOLOGIST, ADMINISTRATOR, VIEWER)",
      required = false)
  String[] roles() default {};

  @AttributeDefinition(
      name = "Critical-result channel",
      options = {
        @Option(label = "None", value = "none"),
        @Option(label = "HL7 v2 ORU^R01 over MLLP", value = "hl7"),
        @Option(label = "FHIR Communication", value = "fhir")
      })
  String critical_channel() default "none";

  @AttributeDefinition(
      name = "Critical results: RIS/EHR endpoint (host:port for HL7, base URL for FHIR)",
      required = false)
  String critical_endpoint() default "";

  @AttributeDefinition(
      name = "Critical results: escalation endpoint (same channel kind)",
      required = false)
  String critical_escalationEndpoint() default "";

  @AttributeDefinition(name = "Critical results: acknowledgement timeout (ms)", min = "100")
  long critical_ackTimeoutMillis() default 10000;

  @AttributeDefinition(name = "Critical results: retry interval (s)", min = "1")
  long critical_retrySeconds() default 60;

  @AttributeDefinition(name = "ACR category 1 time frame (minutes)", min = "1")
  long critical_category1Minutes() default 60;

  @AttributeDefinition(name = "ACR category 2 time frame (minutes)", min = "1")
  long critical_category2Minutes() default 360;

  @AttributeDefinition(name = "ACR category 3 time frame (minutes)", min = "1")
  long critical_category3Minutes() default 4320;
}
