package org.radassist.audit.internal.syslog;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.radassist.audit.AuditRecord;
import org.radassist.audit.internal.ActionCodes;
import org.radassist.model.AuditEvent;

/**
 * An audit record as a DICOM PS3.15 Annex A.5 audit message (the XML payload IHE ATNA carries in
 * syslog): EventID 110100 "Application Activity" with the RadAssist action as EventTypeCode, the
 * user and the AI model as active participants, the study token as participant object with the
 * chain position in ParticipantObjectDetail (base64 values, as the schema types them).
 */
public final class DicomAuditMessage {
  private final XMLOutputFactory factory = XMLOutputFactory.newFactory();
  private final String sourceId;

  /**
   * @param sourceId AuditSourceID, e.g. the workstation's host name
   */
  public DicomAuditMessage(String sourceId) {
    this.sourceId = sourceId;
  }

  /** The XML document for one record. */
  public String toXml(AuditRecord record) {
    AuditEvent event = record.event();
    StringWriter text = new StringWriter(2048);
    try {
      XMLStreamWriter xml = factory.createXMLStreamWriter(text);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeStartElement("AuditMessage");

      xml.writeStartElement("EventIdentification");
      xml.writeAttribute("EventActionCode", ActionCodes.crude(event.action()));
      xml.writeAttribute("EventDateTime", dateTime(event.timestamp()));
      xml.writeAttribute("EventOutcomeIndicator", ActionCodes.failed(event.action()) ? "4" : "0");
      code(xml, "EventID", "110100", "DCM", "Application Activity");
      code(
          xml,
          "EventTypeCode",
          event.action().jsonName(),
          ActionCodes.ACTION_SYSTEM,
          ActionCodes.display(event.action()));
      xml.writeEndElement();

      xml.writeStartElement("ActiveParticipant");
      xml.writeAttribute("UserID", event.user());
      xml.writeAttribute("UserIsRequestor", "true");
      xml.writeEndElement();
      if (event.modelName() != null) {
        xml.writeStartElement("ActiveParticipant");
        xml.writeAttribute(
            "UserID",
            event.modelName() + (event.modelVersion() == null ? "" : " " + event.modelVersion()));
        xml.writeAttribute("UserIsRequestor", "false");
        code(xml, "RoleIDCode", "110150", "DCM", "Application");
        xml.writeEndElement();
      }

      xml.writeStartElement("AuditSourceIdentification");
      xml.writeAttribute("AuditSourceID", sourceId);
      xml.writeStartElement("AuditSourceTypeCode");
      xml.writeAttribute("csd-code", "1");
      xml.writeAttribute("originalText", "End-user display device");
      xml.writeEndElement();
      xml.writeEndElement();

      xml.writeStartElement("ParticipantObjectIdentification");
      xml.writeAttribute(
          "ParticipantObjectID", event.studyToken() == null ? event.traceId() : event.studyToken());
      xml.writeAttribute("ParticipantObjectTypeCode", "2");
      xml.writeAttribute("ParticipantObjectTypeCodeRole", "3");
      code(
          xml,
          "ParticipantObjectIDTypeCode",
          event.studyToken() == null ? "trace-id" : "study-token",
          "urn:radassist",
          event.studyToken() == null ? "Trace id" : "Study token");
      Map<String, String> details = new TreeMap<>();
      details.put("trace_id", event.traceId());
      details.put("seq", Long.toString(record.seq()));
      details.put("hash", record.hash());
      details.put("prev_hash", record.prevHash());
      if (event.requestSha256() != null) {
        details.put("request_sha256", event.requestSha256());
      }
      if (event.responseSha256() != null) {
        details.put("response_sha256", event.responseSha256());
      }
      event.details().forEach((k, v) -> details.put("details." + k, v));
      for (Map.Entry<String, String> detail : details.entrySet()) {
        xml.writeStartElement("ParticipantObjectDetail");
        xml.writeAttribute("type", detail.getKey());
        xml.writeAttribute(
            "value",
            Base64.getEncoder().encodeToString(detail.getValue().getBytes(StandardCharsets.UTF_8)));
        xml.writeEndElement();
      }
      xml.writeEndElement();

      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("writing XML to a string cannot fail", e);
    }
    return text.toString();
  }

  private static void code(
      XMLStreamWriter xml, String element, String code, String system, String text)
      throws XMLStreamException {
    xml.writeStartElement(element);
    xml.writeAttribute("csd-code", code);
    xml.writeAttribute("codeSystemName", system);
    xml.writeAttribute("originalText", text);
    xml.writeEndElement();
  }

  static String dateTime(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS).toString();
  }
}
