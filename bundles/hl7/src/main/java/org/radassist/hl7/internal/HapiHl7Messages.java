package org.radassist.hl7.internal;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.v251.datatype.CE;
import ca.uhn.hl7v2.model.v251.datatype.TX;
import ca.uhn.hl7v2.model.v251.message.ORU_R01;
import ca.uhn.hl7v2.model.v251.segment.MSH;
import ca.uhn.hl7v2.model.v251.segment.OBR;
import ca.uhn.hl7v2.model.v251.segment.OBX;
import ca.uhn.hl7v2.model.v251.segment.ORC;
import ca.uhn.hl7v2.util.Terser;
import java.io.IOException;
import java.net.InetAddress;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import org.radassist.hl7.Acknowledgement;
import org.radassist.hl7.CodedValue;
import org.radassist.hl7.Hl7FormatException;
import org.radassist.hl7.Hl7Messages;
import org.radassist.hl7.MllpClient;
import org.radassist.hl7.MllpEndpoint;
import org.radassist.hl7.ObservationResult;
import org.radassist.hl7.OrderListener;
import org.radassist.hl7.OrderReceiver;
import org.radassist.hl7.OruMessage;
import org.radassist.hl7.Provider;
import org.radassist.hl7.ResultOrder;
import org.radassist.hl7.ScheduledOrder;

/** {@link Hl7Messages} with HAPI 2.6 (v2.5.1 structures). */
public final class HapiHl7Messages implements Hl7Messages {
  private static final DateTimeFormatter HL7_TS = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

  /** Parsing and encoding only: this context never starts a thread or opens a socket. */
  private final HapiContext hapi = Hapi.context();

  @Override
  public String encode(OruMessage message) {
    Objects.requireNonNull(message, "message");
    try {
      return Hapi.<String, HL7Exception>call(() -> hapi.getPipeParser().encode(oru(message)));
    } catch (HL7Exception e) {
      throw new IllegalArgumentException(
          "ORU^R01 " + message.header().controlId() + " cannot be encoded: " + e.getMessage(), e);
    }
  }

  private ORU_R01 oru(OruMessage m) throws HL7Exception {
    ORU_R01 oru = new ORU_R01(hapi.getModelClassFactory());
    oru.setParser(hapi.getPipeParser());
    MSH msh = oru.getMSH();
    msh.getFieldSeparator().setValue("|");
    msh.getEncodingCharacters().setValue("^~\\&");
    msh.getSendingApplication().getNamespaceID().setValue(m.header().sendingApplication());
    if (!m.header().sendingFacility().isEmpty()) {
      msh.getSendingFacility().getNamespaceID().setValue(m.header().sendingFacility());
    }
    msh.getReceivingApplication().getNamespaceID().setValue(m.header().receivingApplication());
    msh.getDateTimeOfMessage()
        .getTime()
        .setValue(HL7_TS.format(m.header().time().atZone(ZoneOffset.UTC)));
    msh.getMessageType().getMessageCode().setValue("ORU");
    msh.getMessageType().getTriggerEvent().setValue("R01");
    msh.getMessageType().getMessageStructure().setValue("ORU_R01");
    msh.getMessageControlID().setValue(m.header().controlId());
    msh.getProcessingID().getProcessingID().setValue("P");
    msh.getVersionID().getVersionID().setValue("2.5.1");
    // the MLLP client sends UTF-8 whatever the platform's charset: say so
    msh.getCharacterSet(0).setValue("UNICODE UTF-8");

    if (!m.patientId().isEmpty()) {
      oru.getPATIENT_RESULT()
          .getPATIENT()
          .getPID()
          .getPatientIdentifierList(0)
          .getIDNumber()
          .setValue(m.patientId());
    }
    ResultOrder order = m.order();
    if (!order.orderControl().isEmpty()) {
      ORC orc = oru.getPATIENT_RESULT().getORDER_OBSERVATION().getORC();
      orc.getOrderControl().setValue(order.orderControl());
      orc.getPlacerOrderNumber().getEntityIdentifier().setValue(order.placerOrderNumber());
    }
    OBR obr = oru.getPATIENT_RESULT().getORDER_OBSERVATION().getOBR();
    obr.getSetIDOBR().setValue("1");
    if (!order.placerOrderNumber().isEmpty()) {
      obr.getPlacerOrderNumber().getEntityIdentifier().setValue(order.placerOrderNumber());
    }
    if (!order.fillerOrderNumber().isEmpty()) {
      obr.getFillerOrderNumber().getEntityIdentifier().setValue(order.fillerOrderNumber());
    }
    set(obr.getUniversalServiceIdentifier(), order.service());
    if (order.orderingProvider().isPresent()) {
      Provider p = order.orderingProvider().get();
      obr.getOrderingProvider(0).getIDNumber().setValue(p.id());
      if (!p.familyName().isEmpty()) {
        obr.getOrderingProvider(0).getFamilyName().getSurname().setValue(p.familyName());
      }
      if (!p.givenName().isEmpty()) {
        obr.getOrderingProvider(0).getGivenName().setValue(p.givenName());
      }
    }
    obr.getResultStatus().setValue(order.resultStatus());
    int i = 0;
    for (ObservationResult o : m.observations()) {
      OBX obx = oru.getPATIENT_RESULT().getORDER_OBSERVATION().getOBSERVATION(i).getOBX();
      obx.getSetIDOBX().setValue(Integer.toString(i + 1));
      obx.getValueType().setValue("TX");
      set(obx.getObservationIdentifier(), o.identifier());
      TX tx = new TX(oru);
      tx.setValue(o.text());
      obx.getObservationValue(0).setData(tx);
      if (!o.abnormalFlag().isEmpty()) {
        obx.getAbnormalFlags(0).setValue(o.abnormalFlag());
      }
      obx.getObservationResultStatus().setValue(o.status());
      i++;
    }
    return oru;
  }

  private static void set(CE ce, CodedValue v) throws HL7Exception {
    ce.getIdentifier().setValue(v.code());
    if (!v.text().isEmpty()) {
      ce.getText().setValue(v.text());
    }
    if (!v.codingSystem().isEmpty()) {
      ce.getNameOfCodingSystem().setValue(v.codingSystem());
    }
  }

  @Override
  public String controlId(String er7) throws Hl7FormatException {
    String id = mshField(er7, 10);
    if (id.isBlank()) {
      throw new Hl7FormatException("the message has no control id (MSH-10): " + start(er7));
    }
    return id;
  }

  /** MSH-n, component 1, read from the ER7 text (no parse: it may be any message type). */
  static String mshField(String er7, int n) throws Hl7FormatException {
    if (er7 == null || !er7.startsWith("MSH") || er7.length() < 8) {
      throw new Hl7FormatException("not an HL7 v2 message (no MSH segment first): " + start(er7));
    }
    String separator = er7.substring(3, 4);
    String msh = er7.split("[\r\n]", 2)[0];
    String[] fields = msh.split(java.util.regex.Pattern.quote(separator), -1);
    // fields[0] is "MSH", MSH-1 is the separator itself: MSH-n is fields[n - 1]
    if (fields.length < n) {
      return "";
    }
    char component = er7.charAt(4);
    String field = fields[n - 1];
    int end = field.indexOf(component);
    return end < 0 ? field : field.substring(0, end);
  }

  private static String start(String er7) {
    if (er7 == null) {
      return "(null)";
    }
    String first = er7.split("[\r\n]", 2)[0];
    return "'" + (first.length() > 60 ? first.substring(0, 60) + "..." : first) + "'";
  }

  @Override
  public Acknowledgement parseAcknowledgement(String er7) throws Hl7FormatException {
    Message message = parse(er7, "ACK");
    Terser t = new Terser(message);
    String code = value(t, "/MSA-1");
    if (code.isBlank()) {
      throw new Hl7FormatException("the answer is no ACK (no MSA-1): " + start(er7));
    }
    String text = value(t, "/MSA-3");
    if (text.isBlank()) {
      text = value(t, "/ERR-8");
    }
    if (text.isBlank()) {
      text = value(t, "/ERR-3-9"); // HAPI's AE: the error's own text, after its code
    }
    if (text.isBlank()) {
      text = value(t, "/ERR-3-2");
    }
    return new Acknowledgement(code, value(t, "/MSA-2"), text);
  }

  @Override
  public ScheduledOrder parseOrder(String er7) throws Hl7FormatException {
    String type = mshField(er7, 9);
    if (!"ORM".equals(type) && !"OMI".equals(type)) {
      throw new Hl7FormatException(
          "not an order (ORM^O01 / OMI^O23): MSH-9 is '" + type + "' in " + start(er7));
    }
    return Orders.read(parse(er7, type));
  }

  private Message parse(String er7, String what) throws Hl7FormatException {
    mshField(er7, 9); // a clear error for what is no HL7 v2 at all
    try {
      return Hapi.call(() -> hapi.getPipeParser().parse(er7));
    } catch (HL7Exception | RuntimeException e) {
      throw new Hl7FormatException(
          "the " + what + " " + start(er7) + " cannot be read: " + e.getMessage(), e);
    }
  }

  static String value(Terser t, String path) {
    try {
      String v = t.get(path);
      return v == null ? "" : v;
    } catch (HL7Exception | RuntimeException e) {
      return "";
    }
  }

  @Override
  public MllpClient client(MllpEndpoint endpoint) {
    return new MllpSocketClient(this, Objects.requireNonNull(endpoint, "endpoint"));
  }

  @Override
  public OrderListener listen(InetAddress bindAddress, int port, OrderReceiver receiver)
      throws IOException {
    return HapiOrderListener.start(bindAddress, port, receiver);
  }
}
