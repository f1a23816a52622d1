package org.radassist.workstation.internal.host;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.radassist.drafting.AiResult;
import org.radassist.drafting.DictationChunk;
import org.radassist.drafting.DraftRequest;
import org.radassist.drafting.PatientInfo;
import org.radassist.drafting.PriorSummary;
import org.radassist.drafting.StudyInfo;
import org.radassist.drafting.TemplateSpec;
import org.radassist.model.Finding;
import org.radassist.model.StudyContext;

/**
 * Builds the PHI-free draft request of the headless run: an opaque study token instead of UIDs, age
 * and sex only, priors as relative days, AI findings without any UID.
 */
public final class DraftRequests {
  private DraftRequests() {}

  /** A stable opaque token for a study: not reversible to its UID without the UID itself. */
  public static String token(String studyInstanceUid) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  ("radassist-study-token:" + studyInstanceUid).getBytes(StandardCharsets.UTF_8));
      return "st-" + HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  public static DraftRequest of(
      String session,
      StudyContext study,
      List<Finding> findings,
      List<StudyContext> priors,
      String dictation) {
    String modality =
        study.modalities().stream().filter(m -> !m.equals("SR")).findFirst().orElse("");
    StudyInfo info =
        new StudyInfo(
            token(study.studyInstanceUid()), modality, study.bodyPart(), null, null, null);
    PatientInfo patient = new PatientInfo(study.patientAgeYears().orElse(null), study.patientSex());
    List<PriorSummary> priorSummaries =
        priors.stream()
            .filter(p -> !p.studyInstanceUid().equals(study.studyInstanceUid()))
            .filter(p -> p.studyDate() != null && study.studyDate() != null)
            .map(
                p ->
                    new PriorSummary(
                        token(p.studyInstanceUid()),
                        // negative for an earlier study, as the contract's relative_days
                        (int) ChronoUnit.DAYS.between(study.studyDate(), p.studyDate()),
                        p.modalities().stream().filter(m -> !m.equals("SR")).findFirst().orElse(""),
                        "",
                        ""))
            .toList();
    return new DraftRequest(
        DraftRequest.SCHEMA_VERSION,
        session,
        info,
        patient,
        "",
        List.of(new DictationChunk(0, true, dictation)),
        priorSummaries,
        findings.stream().map(DraftRequests::aiResult).toList(),
        TemplateSpec.DEFAULT,
        null,
        Map.of());
  }

  static AiResult aiResult(Finding f) {
    String location = f.site() == null ? null : f.site().meaning();
    if (location != null && f.laterality() != null && !f.laterality().meaning().isBlank()) {
      location = f.laterality().meaning().toLowerCase(java.util.Locale.ROOT) + " " + location;
    }
    return new AiResult(
        f.source() == null || f.source().template().isBlank()
            ? "sr"
            : "sr:" + f.source().template(),
        f.algorithm(),
        f.type() == null ? "finding" : f.type().meaning(),
        f.largestLengthMillimetres().orElse(null),
        location,
        composition(f),
        f.confidence(),
        Map.of());
  }

  /** The AI's coded nodule composition (e.g. "Solid"), so the engine need not ask for it. */
  static String composition(Finding f) {
    return f.evaluations().stream()
        .filter(e -> e.name().meaning().toLowerCase(java.util.Locale.ROOT).contains("composition"))
        .map(e -> e.codedValue() != null ? e.codedValue().meaning() : e.textValue())
        .findFirst()
        .orElse(null);
  }
}
