package org.radassist.governance.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.radassist.governance.CriticalResultNotice;
import org.radassist.hl7.CodedValue;
import org.radassist.hl7.Hl7Messages;
import org.radassist.hl7.MessageHeader;
import org.radassist.hl7.MllpClient;
import org.radassist.hl7.MllpEndpoint;
import org.radassist.hl7.ObservationResult;
import org.radassist.hl7.OruMessage;
import org.radassist.hl7.Provider;
import org.radassist.hl7.ResultOrder;
import org.radassist.model.CriticalCategory;

/**
 * Sends a critical result as an HL7 v2.5.1 ORU^R01 over MLLP (the HL7 bundle) with the OBX abnormal
 * flag "AA" (critically abnormal; ACR categories 1-2) or "A" (abnormal; a category 3 actionable
 * finding, which is no critical result) and waits for the receiver's ACK.
 */
public final class MllpHl7Channel implements CriticalResultChannel {
  static final CodedValue CRITICAL_COMMUNICATION =
      CodedValue.loinc("73568-8", "Communication of critical unexpected and urgent results");

  private final String receivingApplication;
  private final Hl7Messages hl7;
  private final MllpClient client;
  private final Clock clock;

  public MllpHl7Channel(String host, int port, long ackTimeoutMillis, String receivingApplication) {
    this.receivingApplication = receivingApplication;
    this.hl7 = Hl7Messages.create();
    this.client =
        hl7.client(
            new MllpEndpoint(
                host,
                port,
                MllpEndpoint.DEFAULT_CONNECT_TIMEOUT,
                Duration.ofMillis(ackTimeoutMillis)));
    this.clock = Clock.systemUTC();
  }

  @Override
  public String description() {
    return "HL7 ORU^R01 over MLLP to " + receivingApplication + " (" + client.endpoint() + ")";
  }

  @Override
  public Acknowledgement send(CriticalResultNotice notice) throws IOException {
    String er7;
    try {
      er7 = hl7.encode(oru(notice));
    } catch (IllegalArgumentException e) {
      throw new IOException(description() + ": " + e.getMessage(), e);
    }
    try {
      org.radassist.hl7.Acknowledgement ack = client.send(er7);
      return new Acknowledgement(ack.accepted(), ack.code(), ack.text());
    } catch (IOException e) {
      throw new IOException(description() + ": " + e.getMessage(), e);
    }
  }

  /** The ORU^R01 of one notice: patient, accession, ordering clinician, OBX-8 AA (or A, cat 3). */
  OruMessage oru(CriticalResultNotice notice) {
    return new OruMessage(
        new MessageHeader("RADASSIST", "", receivingApplication, notice.traceId(), clock.instant()),
        notice.patientId(),
        new ResultOrder(
            "",
            "",
            notice.accessionNumber(),
            ResultOrder.IMAGING_STUDY,
            Optional.of(Provider.parse(notice.orderingClinician())),
            "P"),
        List.of(
            new ObservationResult(
                CRITICAL_COMMUNICATION,
                "ACR actionable finding category "
                    + notice.category().number()
                    + ": "
                    + notice.finding(),
                notice.category() == CriticalCategory.CATEGORY_3 ? "A" : "AA",
                "P")));
  }
}
