package org.radassist.drafting.request;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.radassist.drafting.DictationChunk;
import org.radassist.drafting.DraftTask;
import org.radassist.drafting.TemplateSpec;
import org.radassist.model.CodedConcept;
import org.radassist.model.Finding;

/**
 * What a draft is asked for, as the viewer has it (raw text, full findings): {@link
 * DraftRequestFactory#request} minimises all of it. Nulls mean "none" / the defaults.
 *
 * @param indication the clinical indication as written
 * @param dictation the dictation as spoken, in order (text scrubbed by the factory)
 * @param priors prior studies of the patient (the current study among them is skipped)
 * @param findings AI findings of the study (sent without UIDs or references)
 * @param template the template to fill, null for the default
 * @param tasks what to do, empty or null for everything
 * @param style style hints (e.g. {@code impression_format}); values are scrubbed too
 * @param procedure the study's procedure code (e.g. CPT 71271, low-dose CT for lung cancer
 *     screening), which tells the drafting engine the exam context; null when unknown
 */
public record RequestContent(
    String indication,
    List<DictationChunk> dictation,
    List<PriorStudy> priors,
    List<Finding> findings,
    TemplateSpec template,
    Set<DraftTask> tasks,
    Map<String, String> style,
    CodedConcept procedure) {

  /** Without a procedure code. */
  public RequestContent(
      String indication,
      List<DictationChunk> dictation,
      List<PriorStudy> priors,
      List<Finding> findings,
      TemplateSpec template,
      Set<DraftTask> tasks,
      Map<String, String> style) {
    this(indication, dictation, priors, findings, template, tasks, style, null);
  }

  public RequestContent {
    indication = indication == null ? "" : indication;
    dictation = dictation == null ? List.of() : List.copyOf(dictation);
    priors = priors == null ? List.of() : List.copyOf(priors);
    findings = findings == null ? List.of() : List.copyOf(findings);
    tasks = tasks == null ? Set.of() : Set.copyOf(tasks);
    style = style == null ? Map.of() : Map.copyOf(style);
  }

  /** One final chunk of dictation and nothing else. */
  public static RequestContent dictation(String text) {
    return new RequestContent(
        null,
        List.of(new DictationChunk(0, true, text == null ? "" : text)),
        null,
        null,
        null,
        null,
        null);
  }

  public RequestContent withIndication(String value) {
    return new RequestContent(
        value, dictation, priors, findings, template, tasks, style, procedure);
  }

  public RequestContent withFindings(List<Finding> value) {
    return new RequestContent(
        indication, dictation, priors, value, template, tasks, style, procedure);
  }

  public RequestContent withProcedure(CodedConcept value) {
    return new RequestContent(
        indication, dictation, priors, findings, template, tasks, style, value);
  }

  public RequestContent withPriors(List<PriorStudy> value) {
    return new RequestContent(
        indication, dictation, value, findings, template, tasks, style, procedure);
  }

  public RequestContent withTemplate(TemplateSpec value) {
    return new RequestContent(
        indication, dictation, priors, findings, value, tasks, style, procedure);
  }
}
