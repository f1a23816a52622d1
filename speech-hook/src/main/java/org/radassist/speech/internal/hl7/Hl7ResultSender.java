package org.radassist.speech.internal.hl7;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.Connection;
import ca.uhn.hl7v2.llp.LLPException;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.v251.datatype.TX;
import ca.uhn.hl7v2.model.v251.message.ORU_R01;
import ca.uhn.hl7v2.model.v251.segment.MSH;
import ca.uhn.hl7v2.model.v251.segment.OBR;
import ca.uhn.hl7v2.model.v251.segment.OBX;
import ca.uhn.hl7v2.model.v251.segment.ORC;
import ca.uhn.hl7v2.util.Terser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import org.radassist.drafting.request.DraftRequestFactory;
import org.radassist.model.SectionKind;
import org.radassist.model.StudyContext;
import org.radassist.speech.AcceptedReport;
import org.radassist.speech.Outbox;
import org.radassist.speech.OutboxItem;

/**
 * Sends accepted content to the RIS as a preliminary HL7 v2.5.1 ORU^R01 over MLLP: one TX OBX per
 * section (LOINC section codes, OBX-11 P, OBR-25 P), answering the order by its placer order
 * number, with no PID segment (the RIS matches by order) and the text scrubbed by the {@link
 * DraftRequestFactory}. The message is written to the outbox before it is sent and removed when the
 * RIS answers AA/CA; {@link #replay} resends what is left after a restart with the same MSH-10, so
 * a RIS that deduplicates by control id sees one result.
 */
public final class Hl7ResultSender implements org.radassist.speech.ResultSender {
  public static final String KIND = "hl7-oru";
  private static final DateTimeFormatter HL7_TS = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

  private final HapiContext hapi;
  private final Outbox outbox;
  private final DraftRequestFactory phi;
  private final String host;
  private final int port;
  private final Clock clock;

  public Hl7ResultSender(
      HapiContext hapi,
      Outbox outbox,
      DraftRequestFactory phi,
      String host,
      int port,
      Clock clock) {
    this.hapi = hapi;
    this.outbox = outbox;
    this.phi = phi;
    this.host = host;
    this.port = port;
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
      er7 = hapi.getPipeParser().encode(build(report, study, controlId));
    } catch (HL7Exception e) {
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
    Connection connection = null;
    try {
      Message message =
          hapi.getPipeParser().parse(new String(item.payload(), StandardCharsets.UTF_8));
      connection = hapi.newClient(host, port, false);
      Message ack = connection.getInitiator().sendAndReceive(message);
      String code = new Terser(ack).get("/MSA-1");
      if ("AA".equals(code) || "CA".equals(code)) {
        outbox.acknowledge(item.id());
        return true;
      }
      return false; // AE / AR: kept, an operator sees it in the outbox
    } catch (HL7Exception | LLPException | IOException e) {
      return false; // RIS unreachable or no answer: kept for replay
    } finally {
      if (connection != null) {
        connection.close();
      }
    }
  }

  ORU_R01 build(AcceptedReport report, StudyContext study, String controlId)
      throws HL7Exception, IOException {
    ORU_R01 oru = new ORU_R01(hapi.getModelClassFactory());
    oru.setParser(hapi.getPipeParser());
    MSH msh = oru.getMSH();
    msh.getFieldSeparator().setValue("|");
    msh.getEncodingCharacters().setValue("^~\\&");
    msh.getSendingApplication().getNamespaceID().setValue("RADASSIST");
    msh.getSendingFacility().getNamespaceID().setValue("RADIOLOGY");
    msh.getReceivingApplication().getNamespaceID().setValue("RIS");
    msh.getDateTimeOfMessage()
        .getTime()
        .setValue(HL7_TS.format(clock.instant().atZone(ZoneOffset.UTC)));
    msh.getMessageType().getMessageCode().setValue("ORU");
    msh.getMessageType().getTriggerEvent().setValue("R01");
    msh.getMessageType().getMessageStructure().setValue("ORU_R01");
    msh.getMessageControlID().setValue(controlId);
    msh.getProcessingID().getProcessingID().setValue("P");
    msh.getVersionID().getVersionID().setValue("2.5.1");

    ORC orc = oru.getPATIENT_RESULT().getORDER_OBSERVATION().getORC();
    orc.getOrderControl().setValue("RE");
    orc.getPlacerOrderNumber().getEntityIdentifier().setValue(report.orderOrReportId());
    OBR obr = oru.getPATIENT_RESULT().getORDER_OBSERVATION().getOBR();
    obr.getSetIDOBR().setValue("1");
    obr.getPlacerOrderNumber().getEntityIdentifier().setValue(report.orderOrReportId());
    obr.getUniversalServiceIdentifier().getIdentifier().setValue("18748-4");
    obr.getUniversalServiceIdentifier().getText().setValue("Diagnostic imaging study");
    obr.getUniversalServiceIdentifier().getNameOfCodingSystem().setValue("LN");
    obr.getResultStatus().setValue("P");
    int i = 0;
    for (Map.Entry<SectionKind, String> s : report.sections().entrySet()) {
      OBX obx = oru.getPATIENT_RESULT().getORDER_OBSERVATION().getOBSERVATION(i).getOBX();
      obx.getSetIDOBX().setValue(Integer.toString(i + 1));
      obx.getValueType().setValue("TX");
      obx.getObservationIdentifier().getIdentifier().setValue(s.getKey().code().code());
      obx.getObservationIdentifier().getText().setValue(s.getKey().code().meaning());
      obx.getObservationIdentifier().getNameOfCodingSystem().setValue("LN");
      TX tx = new TX(oru);
      tx.setValue(phi.scrub(s.getValue(), study));
      obx.getObservationValue(0).setData(tx);
      obx.getObservationResultStatus().setValue("P");
      i++;
    }
    return oru;
  }
}
