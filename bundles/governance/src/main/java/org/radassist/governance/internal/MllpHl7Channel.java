package org.radassist.governance.internal;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.Connection;
import ca.uhn.hl7v2.app.Initiator;
import ca.uhn.hl7v2.llp.LLPException;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.v251.datatype.TX;
import ca.uhn.hl7v2.model.v251.message.ORU_R01;
import ca.uhn.hl7v2.model.v251.segment.OBR;
import ca.uhn.hl7v2.model.v251.segment.OBX;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.util.idgenerator.InMemoryIDGenerator;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.radassist.governance.CriticalResultNotice;

/**
 * Sends a critical result as an HL7 v2.5.1 ORU^R01 over MLLP (HAPI) with the OBX abnormal flag "AA"
 * (critically abnormal) and waits for the receiver's ACK.
 */
public final class MllpHl7Channel implements CriticalResultChannel, AutoCloseable {
  private final String host;
  private final int port;
  private final long ackTimeoutMillis;
  private final String receivingApplication;
  private final HapiContext context = new DefaultHapiContext();

  public MllpHl7Channel(String host, int port, long ackTimeoutMillis, String receivingApplication) {
    this.host = host;
    this.port = port;
    this.ackTimeoutMillis = ackTimeoutMillis;
    this.receivingApplication = receivingApplication;
    context.setValidationContext(ValidationContextFactory.noValidation());
    // HAPI's default id generator writes an "id_file" into the host's working directory
    context.getParserConfiguration().setIdGenerator(new InMemoryIDGenerator());
  }

  @Override
  public String description() {
    return "HL7 ORU^R01 over MLLP to " + receivingApplication + " (" + host + ":" + port + ")";
  }

  @Override
  public Acknowledgement send(CriticalResultNotice notice) throws IOException {
    Connection connection = null;
    try {
      Message message = oru(notice);
      connection = context.newClient(host, port, false);
      Initiator initiator = connection.getInitiator();
      initiator.setTimeout(ackTimeoutMillis, TimeUnit.MILLISECONDS);
      Message response = initiator.sendAndReceive(message);
      Terser terser = new Terser(response);
      String code = terser.get("/MSA-1");
      String text = terser.get("/MSA-3");
      return new Acknowledgement(
          "AA".equals(code) || "CA".equals(code), code, text == null ? "" : text);
    } catch (HL7Exception | LLPException e) {
      throw new IOException(description() + ": " + e.getMessage(), e);
    } finally {
      if (connection != null) {
        // a timed-out connection may still receive the late ACK: never reuse it
        connection.close();
      }
    }
  }

  /** The ORU^R01 message of one critical result. */
  ORU_R01 oru(CriticalResultNotice notice) throws HL7Exception, IOException {
    ORU_R01 oru = context.newMessage(ORU_R01.class);
    oru.initQuickstart("ORU", "R01", "P");
    oru.getMSH().getSendingApplication().getNamespaceID().setValue("RADASSIST");
    oru.getMSH().getReceivingApplication().getNamespaceID().setValue(receivingApplication);
    oru.getMSH().getMessageControlID().setValue(notice.traceId());
    oru.getPATIENT_RESULT()
        .getPATIENT()
        .getPID()
        .getPatientIdentifierList(0)
        .getIDNumber()
        .setValue(notice.patientId());
    OBR obr = oru.getPATIENT_RESULT().getORDER_OBSERVATION().getOBR();
    obr.getSetIDOBR().setValue("1");
    obr.getFillerOrderNumber().getEntityIdentifier().setValue(notice.accessionNumber());
    obr.getUniversalServiceIdentifier().getIdentifier().setValue("18748-4");
    obr.getUniversalServiceIdentifier().getText().setValue("Diagnostic imaging study");
    obr.getUniversalServiceIdentifier().getNameOfCodingSystem().setValue("LN");
    String[] clinician = notice.orderingClinician().split("\\^", -1);
    obr.getOrderingProvider(0).getIDNumber().setValue(clinician[0]);
    if (clinician.length > 1) {
      obr.getOrderingProvider(0).getFamilyName().getSurname().setValue(clinician[1]);
    }
    if (clinician.length > 2) {
      obr.getOrderingProvider(0).getGivenName().setValue(clinician[2]);
    }
    obr.getResultStatus().setValue("P");
    OBX obx = oru.getPATIENT_RESULT().getORDER_OBSERVATION().getOBSERVATION(0).getOBX();
    obx.getSetIDOBX().setValue("1");
    obx.getValueType().setValue("TX");
    obx.getObservationIdentifier().getIdentifier().setValue("73568-8");
    obx.getObservationIdentifier()
        .getText()
        .setValue("Communication of critical unexpected and urgent results");
    obx.getObservationIdentifier().getNameOfCodingSystem().setValue("LN");
    TX value = new TX(oru);
    value.setValue(
        "ACR actionable finding category " + notice.category().number() + ": " + notice.finding());
    obx.getObservationValue(0).setData(value);
    obx.getAbnormalFlags(0).setValue("AA");
    obx.getObservationResultStatus().setValue("P");
    return oru;
  }

  @Override
  public void close() throws IOException {
    context.close();
  }
}
