package org.radassist.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * ORU^R01 written from records and read back by HAPI as a receiver would; ACKs and orders read into
 * records; bad input refused with a message that names it.
 */
class Hl7MessagesTest {
  static final Instant T = Instant.parse("2026-11-20T09:30:15Z");
  private final Hl7Messages hl7 = Hl7Messages.create();
  private final HapiContext receiver = receiver();

  static HapiContext receiver() {
    HapiContext c = new DefaultHapiContext(new CanonicalModelClassFactory("2.5.1"));
    c.setValidationContext(ValidationContextFactory.noValidation());
    return c;
  }

  @AfterEach
  void close() throws Exception {
    receiver.close();
  }

  /** A final report answering a RIS order: no PID, ORC RE, one TX OBX per section. */
  static OruMessage report() {
    return new OruMessage(
        new MessageHeader("RADASSIST", "RADIOLOGY", "RIS", "C0001", T),
        "",
        new ResultOrder("RE", "PLC123", "", ResultOrder.IMAGING_STUDY, Optional.empty(), "P"),
        List.of(
            new ObservationResult(
                CodedValue.loinc("59776-5", "Procedure Findings"),
                "New 8.2 mm solid nodule right upper lobe.",
                "",
                "P"),
            new ObservationResult(
                CodedValue.loinc("19005-8", "Radiology Study observation (narrative)"),
                "Lung-RADS 4A.",
                "",
                "P")));
  }

  /** A critical result: PID, accession in OBR-3, ordering provider, OBX-8 AA. */
  static OruMessage critical() {
    return new OruMessage(
        new MessageHeader("RADASSIST", "", "ONCALL", "trace-7", T),
        "PID-123",
        new ResultOrder(
            "",
            "",
            "ACC-987",
            ResultOrder.IMAGING_STUDY,
            Optional.of(Provider.parse("D1234^Wilson^James")),
            "P"),
        List.of(
            new ObservationResult(
                CodedValue.loinc("73568-8", "Communication of critical results"),
                "ACR actionable finding category 1: Acute pulmonary embolism",
                "AA",
                "P")));
  }

  @Test
  void aReportIsAnOruR01V251ThatAReceiverReadsBackFieldByField() throws Exception {
    String er7 = hl7.encode(report());

    assertThat(er7)
        .startsWith(
            "MSH|^~\\&|RADASSIST|RADIOLOGY|RIS||20261120093015||ORU^R01^ORU_R01|C0001|P|2.5.1");
    assertThat(er7.split("\r"))
        .extracting(s -> s.substring(0, 3))
        .containsExactly("MSH", "ORC", "OBR", "OBX", "OBX");
    Terser oru = new Terser(receiver.getPipeParser().parse(er7));
    assertThat(oru.get("/MSH-18")).isEqualTo("UNICODE UTF-8");
    assertThat(oru.get("/.ORC-1")).isEqualTo("RE");
    assertThat(oru.get("/.ORC-2-1")).isEqualTo("PLC123");
    assertThat(oru.get("/.OBR-2-1")).isEqualTo("PLC123");
    assertThat(oru.get("/.OBR-4-1") + "^" + oru.get("/.OBR-4-3")).isEqualTo("18748-4^LN");
    assertThat(oru.get("/.OBR-25")).isEqualTo("P");
    assertThat(oru.get("/.OBSERVATION(0)/OBX-1")).isEqualTo("1");
    assertThat(oru.get("/.OBSERVATION(0)/OBX-2")).isEqualTo("TX");
    assertThat(oru.get("/.OBSERVATION(0)/OBX-3-1")).isEqualTo("59776-5");
    assertThat(oru.get("/.OBSERVATION(1)/OBX-1")).isEqualTo("2");
    assertThat(oru.get("/.OBSERVATION(1)/OBX-5")).isEqualTo("Lung-RADS 4A.");
    assertThat(oru.get("/.OBSERVATION(1)/OBX-8")).isNull();
    assertThat(oru.get("/.OBSERVATION(1)/OBX-11")).isEqualTo("P");
  }

  @Test
  void aCriticalResultNamesThePatientTheAccessionAndTheOrderingClinician() throws Exception {
    String er7 = hl7.encode(critical());

    Terser oru = new Terser(receiver.getPipeParser().parse(er7));
    assertThat(er7).doesNotContain("\rORC|");
    assertThat(oru.get("/.PID-3-1")).isEqualTo("PID-123");
    assertThat(oru.get("/.OBR-3-1")).isEqualTo("ACC-987");
    assertThat(oru.get("/.OBR-16-1")).isEqualTo("D1234");
    assertThat(oru.get("/.OBR-16-2")).isEqualTo("Wilson");
    assertThat(oru.get("/.OBR-16-3")).isEqualTo("James");
    assertThat(oru.get("/.OBSERVATION(0)/OBX-8")).isEqualTo("AA");
    assertThat(oru.get("/.OBSERVATION(0)/OBX-5")).contains("Acute pulmonary embolism");
    assertThat(hl7.controlId(er7)).isEqualTo("trace-7");
  }

  @Test
  void textWithHl7DelimitersIsEscapedAndComesBackAsWritten() throws Exception {
    String text = "Size 8|9 mm ^ stable & unchanged ~ see \\prior\\";
    OruMessage m = report();
    OruMessage withDelimiters =
        new OruMessage(
            m.header(),
            "",
            m.order(),
            List.of(new ObservationResult(CodedValue.loinc("59776-5", ""), text, "", "P")));

    String er7 = hl7.encode(withDelimiters);

    assertThat(er7.split("\r")).hasSize(4);
    assertThat(new Terser(receiver.getPipeParser().parse(er7)).get("/.OBSERVATION(0)/OBX-5"))
        .isEqualTo(text);
  }

  @Test
  void anAckIsReadWithItsCodeTheControlIdItAnswersAndItsText() throws Exception {
    String aa = "MSH|^~\\&|RIS|H|RADASSIST|R|20261120||ACK^R01|A1|P|2.5.1\rMSA|AA|C0001\r";
    String ae =
        "MSH|^~\\&|RIS|H|RADASSIST|R|20261120||ACK|A2|P|2.3.1\rMSA|AE|C0002|unknown order\r";

    assertThat(hl7.parseAcknowledgement(aa)).isEqualTo(new Acknowledgement("AA", "C0001", ""));
    assertThat(hl7.parseAcknowledgement(aa).accepted()).isTrue();
    Acknowledgement error = hl7.parseAcknowledgement(ae);
    assertThat(error.accepted()).isFalse();
    assertThat(error.text()).isEqualTo("unknown order");
    assertThat(error.controlId()).isEqualTo("C0002");
  }

  @Test
  void ordersAreReadFromOrmAndOmiMessages() throws Exception {
    ScheduledOrder orm =
        hl7.parseOrder(
            "MSH|^~\\&|RIS|HOSP|RADASSIST|RAD|20261120093000||ORM^O01|M1|P|2.3.1\r"
                + "PID|1||MRN4455667^^^HOSP^MR||OAKLEY^ANNIE\r"
                + "ORC|NW|PLC123|ACC20261129||SC\r"
                + "OBR|1|PLC123|ACC20261129|71271^CT CHEST LOW DOSE^CPT|||||||||Cough|||||ACC20261129|RP1|SPS1||||CT\r"
                + "ZDS|1.2.826.0.1.3680043.8.498.12345^^Application^DICOM\r");
    ScheduledOrder omi =
        hl7.parseOrder(
            "MSH|^~\\&|RIS|HOSP|RADASSIST|RAD|20261120093000||OMI^O23^OMI_O23|M2|P|2.5.1\r"
                + "ORC|CA|PLC124|ACC20261130||SC\r"
                + "TQ1|1\r"
                + "OBR|1|PLC124|ACC20261130|71250^CT CHEST^CPT\r"
                + "IPC|ACC20261130|RP2|1.2.826.0.1.3680043.8.498.67890|SPS2|CT\r");

    assertThat(orm)
        .isEqualTo(
            new ScheduledOrder(
                "NW",
                "PLC123",
                "ACC20261129",
                "1.2.826.0.1.3680043.8.498.12345",
                "CT",
                "71271",
                "CT CHEST LOW DOSE",
                "Cough"));
    assertThat(orm.cancelled()).isFalse();
    assertThat(omi.studyInstanceUid()).isEqualTo("1.2.826.0.1.3680043.8.498.67890");
    assertThat(omi.accessionNumber()).isEqualTo("ACC20261130");
    assertThat(omi.modality()).isEqualTo("CT");
    assertThat(omi.cancelled()).isTrue();
  }

  @Test
  void whatIsNotTheMessageExpectedIsRefusedNamingItAndWhy() {
    assertThatThrownBy(() -> hl7.parseAcknowledgement("HTTP/1.1 200 OK\r\n"))
        .isInstanceOf(Hl7FormatException.class)
        .hasMessageContaining("not an HL7 v2 message")
        .hasMessageContaining("HTTP/1.1 200 OK");
    assertThatThrownBy(() -> hl7.parseOrder(hl7.encode(report())))
        .isInstanceOf(Hl7FormatException.class)
        .hasMessageContaining("not an order")
        .hasMessageContaining("MSH-9 is 'ORU'");
    assertThatThrownBy(
            () -> hl7.parseAcknowledgement("MSH|^~\\&|RIS|H|R|R|2026||ACK|A1|P|2.5.1\rERR|x\r"))
        .isInstanceOf(Hl7FormatException.class)
        .hasMessageContaining("no MSA-1");
    assertThatThrownBy(() -> hl7.controlId("MSH|^~\\&|RIS|H|R|R|2026||ACK||P|2.5.1\r"))
        .isInstanceOf(Hl7FormatException.class)
        .hasMessageContaining("MSH-10");
    assertThatThrownBy(() -> new MessageHeader("RADASSIST", "", "RIS", "x".repeat(200), T))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MSH-10");
    assertThatThrownBy(() -> new OruMessage(report().header(), "", report().order(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one observation");
    assertThatThrownBy(() -> new MllpEndpoint("ris", 70000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("70000");
  }
}
