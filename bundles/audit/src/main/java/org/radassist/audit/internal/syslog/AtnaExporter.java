package org.radassist.audit.internal.syslog;

import java.io.IOException;
import java.util.List;
import org.radassist.audit.AuditRecord;
import org.radassist.audit.internal.checkpoint.Checkpoint;

/** Sends audit records to an ATNA audit record repository as RFC 5424 messages over TLS. */
public final class AtnaExporter {
  private final DicomAuditMessage messages;
  private final Rfc5424 syslog;

  /**
   * @param sourceId AuditSourceID in the messages
   * @param hostname HOSTNAME in the syslog header
   */
  public AtnaExporter(String sourceId, String hostname) {
    this.messages = new DicomAuditMessage(sourceId);
    this.syslog = new Rfc5424(hostname, "radassist", Long.toString(ProcessHandle.current().pid()));
  }

  /** The framed-ready SYSLOG-MSG for one record. */
  public byte[] message(AuditRecord record) {
    return syslog.message(record.event().timestamp(), messages.toXml(record));
  }

  /** MSGID of the syslog messages that carry signed checkpoints. */
  public static final String CHECKPOINT_MSGID = "radassist-checkpoint";

  /**
   * The SYSLOG-MSG for a signed checkpoint: its JSON line as MSG, so the repository holds an
   * external copy of every signed head (a witness {@code audit verify --expect-head} can use).
   */
  public byte[] message(Checkpoint checkpoint) {
    return syslog.message(checkpoint.time(), CHECKPOINT_MSGID, checkpoint.toJson());
  }

  /** Sends every record over an open connection; returns how many were sent. */
  public int send(List<AuditRecord> records, SyslogTlsSender sender) throws IOException {
    for (AuditRecord record : records) {
      sender.send(message(record));
    }
    sender.flush();
    return records.size();
  }
}
