/**
 * HL7 v2 for RadAssist, in one place: results out as ORU^R01 (ER7, v2.5.1) built from records, ACKs
 * and RIS orders (ORM^O01 / OMI^O23) read into records, an MLLP client that waits a bounded time
 * for the receiver's ACK and checks it answers the message sent, and an MLLP listener for orders.
 * HAPI HL7v2 does the work and is embedded privately in this bundle only; nothing of it is
 * exported. Start from {@link org.radassist.hl7.Hl7Messages#create()}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.radassist.hl7;
