package org.radassist.speech;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.radassist.drafting.AiResult;
import org.radassist.drafting.PatientInfo;
import org.radassist.drafting.PriorSummary;
import org.radassist.drafting.StudyInfo;
import org.radassist.model.Finding;
import org.radassist.model.QualitativeEvaluation;
import org.radassist.model.StudyContext;
import org.radassist.model.privacy.TextScrubber;

/**
 * The one place where identifying data is taken out of what leaves the workstation (HIPAA Safe
 * Harbor, 45 CFR 164.514(b)(2)): UIDs, accession numbers and MRNs become opaque tokens that are
 * stable within this session and unlinkable across sessions (HMAC-SHA256 under a per-session random
 * key that never leaves memory); dates, structured and in free text, become days relative to the
 * study; ages over 89 are collapsed to 90+; free text is scrubbed of names, dates, times, phone
 * numbers, e-mail addresses, UIDs and MRN-like numbers by the rules shared with the audit trail's
 * feedback export ({@link TextScrubber}, in the model bundle).
 */
public final class PhiMinimiser {
  private final byte[] sessionKey;

  /** A minimiser for one session, with a fresh random key. */
  public PhiMinimiser(SecureRandom random) {
    this.sessionKey = new byte[32];
    random.nextBytes(sessionKey);
  }

  private PhiMinimiser(byte[] sessionKey) {
    if (sessionKey.length != 32) {
      throw new IllegalArgumentException("a session key has 32 bytes, not " + sessionKey.length);
    }
    this.sessionKey = sessionKey.clone();
  }

  /**
   * The minimiser of a session that is resumed after a restart: the same key gives the same tokens,
   * so replayed dictation makes byte-identical requests (same idempotency key, same body). Only the
   * outbox on this workstation keeps the key, next to the dictation it protects.
   */
  static PhiMinimiser resumed(byte[] sessionKey) {
    return new PhiMinimiser(sessionKey);
  }

  /** The key, for the local outbox only (see {@link #resumed}); never part of a request. */
  byte[] sessionKey() {
    return sessionKey.clone();
  }

  /**
   * An opaque token for an identifier, e.g. {@code st-3f9a0c...}: same input, same token, this
   * session only.
   */
  public String token(String prefix, String identifier) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(sessionKey, "HmacSHA256"));
      byte[] h = mac.doFinal((prefix + ":" + identifier).getBytes(StandardCharsets.UTF_8));
      return prefix + "-" + HexFormat.of().formatHex(h, 0, 8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  public StudyInfo study(StudyContext study) {
    String modality = study.modalities().isEmpty() ? null : study.modalities().get(0);
    return new StudyInfo(
        token("st", study.studyInstanceUid()), modality, study.bodyPart(), null, null, null);
  }

  public PatientInfo patient(StudyContext study) {
    return new PatientInfo(study.patientAgeYears().orElse(null), study.patientSex());
  }

  /**
   * Days from the reference study to {@code date} (negative for earlier), or 0 when either is
   * unknown.
   */
  public static int relativeDays(LocalDate date, LocalDate reference) {
    if (date == null || reference == null) {
      return 0;
    }
    return (int) ChronoUnit.DAYS.between(reference, date);
  }

  public PriorSummary prior(
      StudyContext prior, StudyContext current, String findings, String impression) {
    String modality = prior.modalities().isEmpty() ? null : prior.modalities().get(0);
    return new PriorSummary(
        token("pr", prior.studyInstanceUid()),
        relativeDays(prior.studyDate(), current.studyDate()),
        modality,
        scrub(findings, current),
        scrub(impression, current));
  }

  /** An AI finding as the drafting service may see it: no UIDs, no references. */
  public AiResult aiResult(Finding finding) {
    String type = finding.type() == null ? "finding" : finding.type().meaning();
    StringBuilder location = new StringBuilder();
    if (finding.laterality() != null) {
      location.append(finding.laterality().meaning()).append(' ');
    }
    if (finding.site() != null) {
      location.append(finding.site().meaning());
    }
    String composition =
        finding.evaluations().stream()
            .filter(e -> e.name().meaning().toLowerCase(Locale.ROOT).contains("composition"))
            .map(QualitativeEvaluation::displayValue)
            .findFirst()
            .orElse(null);
    return new AiResult(
        finding.source() == null || finding.source().template().isEmpty()
            ? "sr"
            : "sr:TID" + finding.source().template(),
        finding.algorithm(),
        type.isBlank() ? "finding" : type,
        finding.largestLengthMillimetres().orElse(null),
        location.toString().trim().isEmpty() ? null : location.toString().trim(),
        composition,
        finding.confidence(),
        null);
  }

  /**
   * Scrubs free text with the shared rules ({@link TextScrubber}): the patient's own identifiers
   * and name parts first, then patterns for dates, times, phone numbers, e-mail addresses, UIDs,
   * titled names and MRN-like numbers. A date that can be read becomes days relative to the study's
   * date, e.g. {@code "[day -12]"} (a month without a day {@code "[month -3]"}; see {@link
   * TextScrubber#scrub(String, java.util.Collection, java.util.Collection, LocalDate)}); without a
   * study date, or for a date that cannot be read, {@code "[DATE]"}.
   */
  public String scrub(String text, StudyContext study) {
    return TextScrubber.scrub(
        text, identifiers(study), TextScrubber.nameParts(study.patientName()), study.studyDate());
  }

  private static List<String> identifiers(StudyContext s) {
    List<String> ids = new ArrayList<>();
    for (String v : new String[] {s.studyInstanceUid(), s.accessionNumber(), s.patientId()}) {
      Optional.ofNullable(v).map(String::trim).filter(x -> x.length() >= 3).ifPresent(ids::add);
    }
    return ids;
  }
}
