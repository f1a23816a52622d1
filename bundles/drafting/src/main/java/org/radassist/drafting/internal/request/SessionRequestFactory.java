package org.radassist.drafting.internal.request;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.radassist.drafting.AiResult;
import org.radassist.drafting.DictationChunk;
import org.radassist.drafting.DraftRequest;
import org.radassist.drafting.PatientInfo;
import org.radassist.drafting.PriorSummary;
import org.radassist.drafting.StudyInfo;
import org.radassist.drafting.request.DraftRequestFactory;
import org.radassist.drafting.request.PriorStudy;
import org.radassist.drafting.request.RequestContent;
import org.radassist.model.CodedConcept;
import org.radassist.model.Finding;
import org.radassist.model.QualitativeEvaluation;
import org.radassist.model.StudyContext;
import org.radassist.model.privacy.TextScrubber;

/**
 * The implementation of {@link DraftRequestFactory}: the one PHI minimiser (see the interface for
 * what it does to each field). Thread-safe: immutable after construction.
 */
public final class SessionRequestFactory implements DraftRequestFactory {
  public static final int KEY_BYTES = 32;
  private final byte[] sessionKey;

  public SessionRequestFactory(byte[] sessionKey) {
    if (sessionKey == null || sessionKey.length != KEY_BYTES) {
      throw new IllegalArgumentException(
          "a session key has "
              + KEY_BYTES
              + " bytes, not "
              + (sessionKey == null ? "none" : sessionKey.length));
    }
    this.sessionKey = sessionKey.clone();
  }

  /**
   * The key, for the local outbox only (see {@link DraftRequestFactory#resumed}); never part of a
   * request.
   */
  @Override
  public byte[] sessionKey() {
    return sessionKey.clone();
  }

  /**
   * The minimised request for {@code study}: session token, study token, modality, body part, age
   * band and sex, and the content scrubbed. Dictation chunks keep their sequence numbers and
   * finality.
   */
  @Override
  public DraftRequest request(StudyContext study, RequestContent content) {
    if (study == null) {
      throw new IllegalArgumentException("study must not be null");
    }
    RequestContent c = content == null ? RequestContent.dictation("") : content;
    List<DictationChunk> dictation = new ArrayList<>();
    for (DictationChunk chunk : c.dictation()) {
      dictation.add(new DictationChunk(chunk.seq(), chunk.isFinal(), scrub(chunk.text(), study)));
    }
    List<PriorSummary> priors = new ArrayList<>();
    for (PriorStudy p : c.priors()) {
      if (p.study().studyInstanceUid().equals(study.studyInstanceUid())) {
        continue; // the open study itself is no prior
      }
      priors.add(prior(p, study));
    }
    Map<String, String> style = new LinkedHashMap<>();
    c.style().forEach((k, v) -> style.put(k, scrub(v, study)));
    return new DraftRequest(
        DraftRequest.SCHEMA_VERSION,
        token("se", study.studyInstanceUid()),
        study(study, c.procedure()),
        patient(study),
        scrub(c.indication(), study),
        dictation,
        priors,
        c.findings().stream().map(f -> aiResult(f, study)).toList(),
        c.template(),
        c.tasks(),
        style);
  }

  /**
   * An opaque token for an identifier, e.g. {@code st-3f9a0c...}: same input, same token, this
   * session only. Also the way to derive idempotency keys that must not reveal what they cover.
   */
  @Override
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

  /**
   * Free text as it may leave: the study's UID, accession number, patient ID and name parts first,
   * then every pattern of {@link TextScrubber} with dates relative to the study date.
   */
  @Override
  public String scrub(String text, StudyContext study) {
    return TextScrubber.scrub(
        text, identifiers(study), TextScrubber.nameParts(study.patientName()), study.studyDate());
  }

  /**
   * The one mapping from an AI finding to what the drafting service may see: no UIDs, no
   * references; source {@code "sr:TID1500"} (the contract's spelling: "TID" and the number, no
   * space), {@code "sr"} when the template is unknown; labels scrubbed.
   */
  @Override
  public AiResult aiResult(Finding finding, StudyContext study) {
    String type =
        finding.type() == null ? "" : nonBlank(finding.type().meaning(), finding.type().code());
    StringBuilder location = new StringBuilder();
    if (finding.laterality() != null && !finding.laterality().meaning().isBlank()) {
      location.append(finding.laterality().meaning()).append(' ');
    }
    if (finding.site() != null) {
      location.append(nonBlank(finding.site().meaning(), finding.site().code()));
    }
    String composition =
        finding.evaluations().stream()
            .filter(e -> e.name().meaning().toLowerCase(Locale.ROOT).contains("composition"))
            .map(QualitativeEvaluation::displayValue)
            .findFirst()
            .orElse(null);
    String where = location.toString().trim();
    return new AiResult(
        source(finding),
        finding.algorithm(),
        type.isBlank() ? "finding" : scrub(type, study),
        finding.largestLengthMillimetres().orElse(null),
        where.isEmpty() ? null : scrub(where, study),
        composition == null ? null : scrub(composition, study),
        finding.confidence(),
        null);
  }

  /** {@code "sr:TID1500"} for a finding read with template "TID 1500" (or "1500"). */
  static String source(Finding finding) {
    String template = finding.source() == null ? "" : finding.source().template();
    String compact = template.replaceAll("\\s+", "");
    if (compact.isEmpty()) {
      return "sr";
    }
    return "sr:" + (compact.chars().allMatch(Character::isDigit) ? "TID" + compact : compact);
  }

  StudyInfo study(StudyContext study) {
    return study(study, null);
  }

  /** The study as a token, its modality, body part and procedure code (a code, never an id). */
  StudyInfo study(StudyContext study, CodedConcept procedure) {
    String modality =
        study.modalities().stream()
            .filter(m -> !m.equals("SR") && !m.equals("PR") && !m.equals("KO"))
            .findFirst()
            .orElse(null);
    CodedConcept code =
        procedure == null
            ? null
            : CodedConcept.of(
                procedure.code(), procedure.scheme(), scrub(procedure.meaning(), study));
    return new StudyInfo(
        token("st", study.studyInstanceUid()), modality, study.bodyPart(), code, null, null);
  }

  /** Age in whole years (90+ collapsed by {@link PatientInfo}) and sex; nothing else. */
  static PatientInfo patient(StudyContext study) {
    return new PatientInfo(study.patientAgeYears().orElse(null), study.patientSex());
  }

  private PriorSummary prior(PriorStudy p, StudyContext current) {
    StudyContext prior = p.study();
    String modality =
        prior.modalities().stream().filter(m -> !m.equals("SR")).findFirst().orElse(null);
    return new PriorSummary(
        token("pr", prior.studyInstanceUid()),
        relativeDays(prior.studyDate(), current.studyDate()),
        modality,
        shorten(scrub(p.findings(), current)),
        shorten(scrub(p.impression(), current)));
  }

  /** Days from the reference study to {@code date} (negative for earlier), 0 when unknown. */
  public static int relativeDays(LocalDate date, LocalDate reference) {
    if (date == null || reference == null) {
      return 0;
    }
    return (int) ChronoUnit.DAYS.between(reference, date);
  }

  /** At most {@link PriorStudy#TEXT_CHARS} characters, cut at a word, with "…". */
  static String shorten(String text) {
    if (text.length() <= PriorStudy.TEXT_CHARS) {
      return text;
    }
    int cut = text.lastIndexOf(' ', PriorStudy.TEXT_CHARS - 1);
    return text.substring(0, cut > 0 ? cut : PriorStudy.TEXT_CHARS - 1).stripTrailing() + "…";
  }

  private static List<String> identifiers(StudyContext s) {
    List<String> ids = new ArrayList<>();
    for (String v : new String[] {s.studyInstanceUid(), s.accessionNumber(), s.patientId()}) {
      Optional.ofNullable(v).map(String::trim).filter(x -> x.length() >= 3).ifPresent(ids::add);
    }
    return ids;
  }

  private static String nonBlank(String a, String b) {
    return a == null || a.isBlank() ? (b == null ? "" : b) : a;
  }
}
