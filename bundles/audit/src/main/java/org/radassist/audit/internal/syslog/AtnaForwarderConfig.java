package org.radassist.audit.internal.syslog;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Where to forward the audit trail as IHE ATNA syslog (PID {@code org.radassist.audit.atna}). */
@ObjectClassDefinition(
    id = AtnaForwarderConfig.PID,
    name = "RadAssist ATNA audit forwarding",
    description = "Sends audit records to an audit record repository: RFC 5424 syslog over TLS")
public @interface AtnaForwarderConfig {
  String PID = "org.radassist.audit.atna";

  @AttributeDefinition(name = "Collector host")
  String host();

  @AttributeDefinition(name = "Collector port", min = "1", max = "65535")
  int port() default 6514;

  @AttributeDefinition(
      name = "Trust store",
      description = "PKCS#12 file holding the collector's CA; empty uses the JDK's trust store")
  String truststore() default "";

  @AttributeDefinition(name = "Trust store password", type = AttributeType.PASSWORD)
  String truststore_password() default "";

  @AttributeDefinition(
      name = "Key store",
      description = "PKCS#12 file with this node's certificate for mutual TLS; empty: none")
  String keystore() default "";

  @AttributeDefinition(name = "Key store password", type = AttributeType.PASSWORD)
  String keystore_password() default "";

  @AttributeDefinition(
      name = "Audit source id",
      description = "AuditSourceID and syslog HOSTNAME; empty uses the host name")
  String source_id() default "";

  @AttributeDefinition(name = "Period (seconds)", description = "How often to forward", min = "1")
  int period_seconds() default 30;
}
