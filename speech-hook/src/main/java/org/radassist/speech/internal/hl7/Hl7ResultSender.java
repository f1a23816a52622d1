package org.radassist.speech.internal.hl7;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.radassist.drafting.request.DraftRequestFactory;
import org.radassist.hl7.CodedValue;
import org.radassist.hl7.Hl7FormatException;
import org.radassist.hl7.Hl7Messages;
import org.radassist.hl7.MessageHeader;
import org.radassist.hl7.MllpClient;
import org.radassist.hl7.MllpEndpoint;
import org.radassist.hl7.ObservationResult;
import org.radassist.hl7.OruMessage;
import org.radassist.hl7.ResultOrder;
import org.radassist.model.SectionKind;
import org.radassist.model.StudyContext;
import org.radassist.speech.AcceptedReport;
import org.radassist.speech.Outbox;
import org.radassist.speech.OutboxItem;

/**
 * Sends accepted content to the RIS as a preliminary HL7 v2.5.1 ORU^R01 over MLLP (the HL7 bundle):
 * one TX OBX per section (LOINC section codes, OBX-11 P, OBR-25 P), answering the order by its
 * placer order number, with no PID segment (the RIS matches by order) and the text scrubbed by the
 * {@link DraftRequestFactory}. The message is written to the outbox before it is sent and removed
 * when the RIS answers AA/CA; {@link #replay} resends what is left after a restart with the same
 * MSH-10, so a RIS that deduplicates by control id sees one result.
 */
public final class Hl7ResultSender implements org.radassist.speech.ResultSender {
  public static final String KIND = "hl7-oru";
  private static final Logger LOG = Logger.getLogger(Hl7ResultSender.class.getName());

  private final Hl7Messages hl7;
  private final MllpClient ris;
  private final Outbox outbox;
  private final DraftRequestFactory phi;
  private final Clock clock;

  public Hl7ResultSender(
      Hl7Messages hl7, Outbox outbox, DraftRequestFactory phi, String host, int port, Clock clock) {
    this.hl7 = hl7;
    this.ris = hl7.client(new MllpEndpoint(host, port));
    this.outbox = outbox;
    this.phi = phi;
    this.clock = clock;
  }

  /**
   * Stores the result durably, then sends it; true when the RIS acknowledged it, false when it
   * stays in the outbox for {@link #replay}. Sending and replaying never overlap (a replay running
   * meanwhile would send the new result a second time).
   *
   * @throws IOException when it could not be stored (nothing was sent)
   */
  @Override
  public synchronized boolean send(AcceptedReport report, StudyContext study) throws IOException {
    String controlId = UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    String er7;
    try {
      er7 = hl7.encode(build(report, study, controlId));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "the result cannot be encoded as HL7: " + e.getMessage(), e);
    }
    OutboxItem item = outbox.put(KIND, controlId, er7.getBytes(StandardCharsets.UTF_8));
    return deliver(item);
  }

  /** Resends every result still in the outbox; returns how many the RIS acknowledged. */
  public synchronized int replay() throws IOException {
    int acknowledged = 0;
    for (OutboxItem item : outbox.pending()) {
      if (KIND.equals(item.kind()) && deliver(item)) {
        acknowledged++;
      }
    }
    return acknowledged;
  }

  private boolean deliver(OutboxItem item) throws IOException {
    try {
      if (ris.send(new String(item.payload(), StandardCharsets.UTF_8)).accepted()) {
        outbox.acknowledge(item.id());
        return true;
      }
      return false; // AE / AR: kept, an operator sees it in the outbox
    } catch (Hl7FormatException e) {
      // something answers there, but not with an ACK for this result (a wrong port, another
      // service): replaying will not help until an admin looks, so say so
      LOG.log(
          Level.WARNING,
          "RadAssist HL7 result {0} kept in the outbox: {1}",
          new Object[] {item.idempotencyKey(), e.getMessage()});
      return false;
    } catch (IOException e) {
      return false; // RIS unreachable or no answer in time: kept for replay
    }
  }

  OruMessage build(AcceptedReport report, StudyContext study, String controlId) {
    List<ObservationResult> sections = new ArrayList<>();
    for (Map.Entry<SectionKind, String> s : report.sections().entrySet()) {
      sections.add(
          new ObservationResult(
              CodedValue.loinc(s.getKey().code().code(), s.getKey().code().meaning()),
              phi.scrub(s.getValue(), study),
              "",
              "P"));
    }
    return new OruMessage(
        new MessageHeader("RADASSIST", "RADIOLOGY", "RIS", controlId, clock.instant()),
        "",
        new ResultOrder(
            "RE", report.orderOrReportId(), "", ResultOrder.IMAGING_STUDY, Optional.empty(), "P"),
        sections);
  }
}
