package org.radassist.drafting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radassist.drafting.AiResult;
import org.radassist.drafting.DraftingException;
import org.radassist.drafting.PriorSummary;
import org.radassist.drafting.TemplateSpec;
import org.radassist.model.CodeSuggestion;
import org.radassist.model.CriticalCategory;
import org.radassist.model.Evidence;
import org.radassist.model.FieldStatus;
import org.radassist.model.Flag;
import org.radassist.model.FlagType;
import org.radassist.model.ScoringSystem;
import org.radassist.model.SectionKind;
import org.radassist.model.Severity;
import org.radassist.model.Sex;
import org.radassist.model.StructuredField;
import org.radassist.model.Suggestion;

class RulesEngineTest {
  private final RulesEngine engine = RulesEngine.withDefaults();

  private DraftOutcome draft(String dictation) {
    return engine.draft(Fixtures.request(dictation).build());
  }

  // ---------------------------------------------------------------- a. sections

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "history colon cough findings colon lungs are clear impression colon normal| Cough.| Lungs are clear.| Normal.",
        "Findings: Lungs are clear. Impression: Normal.| | Lungs are clear.| Normal.",
        "the colon is unremarkable| | The colon is unremarkable.| ",
        "indication colon fever period comparison colon none period findings colon no effusion| Fever.| No effusion.| ",
      })
  void spokenAndTypedHeadersSplitTheDictation(
      String dictation, String history, String findings, String impression) {
    DraftOutcome o = draft(dictation);
    assertThat(o.sections().get(SectionKind.CLINICAL_HISTORY))
        .isEqualTo(history == null ? "" : history);
    assertThat(o.sections().get(SectionKind.FINDINGS)).isEqualTo(findings);
    if (impression != null) {
      assertThat(o.sections().get(SectionKind.IMPRESSION)).isEqualTo(impression);
    }
    assertThat(o.sections().keySet())
        .startsWith(
            SectionKind.CLINICAL_HISTORY,
            SectionKind.COMPARISON,
            SectionKind.FINDINGS,
            SectionKind.IMPRESSION);
  }

  @Test
  void comparisonAndHistoryComeFromTheRequestWhenNotDictated() {
    DraftOutcome o =
        engine.draft(
            Fixtures.request("lungs are clear")
                .indication("chest pain")
                .priors(new PriorSummary("pr-1", -374, "CT", "", ""))
                .build());
    assertThat(o.sections().get(SectionKind.CLINICAL_HISTORY)).isEqualTo("Chest pain.");
    assertThat(o.sections().get(SectionKind.COMPARISON))
        .isEqualTo("CT 12 months earlier (374 days).");
  }

  @Test
  void mrrtTemplatesAreReadByPathAndGiveTheSectionOrder() {
    MrrtTemplates templates = MrrtTemplates.load(Fixtures.templates());
    assertThat(templates.size()).isEqualTo(2);
    RulesEngine withTemplates =
        new RulesEngine(EngineTables.defaults(), templates, RulesEngine.Settings.DEFAULTS);
    DraftOutcome cardiac =
        withTemplates.draft(
            Fixtures.request("findings colon normal biventricular function")
                .template(new TemplateSpec("mrrt:http://www.radreport.org/template/0000049", null))
                .build());
    assertThat(cardiac.sections().keySet())
        .containsExactly(
            SectionKind.PROCEDURE,
            SectionKind.CLINICAL_HISTORY,
            SectionKind.COMPARISON,
            SectionKind.FINDINGS,
            SectionKind.IMPRESSION);
    DraftOutcome connectathon =
        withTemplates.draft(
            Fixtures.request("lungs are clear")
                .template(new TemplateSpec("1.3.6.1.4.1.21367.13.199.1015", null))
                .build());
    assertThat(connectathon.sections()).containsKey(SectionKind.FINDINGS);
    assertThatThrownBy(
            () ->
                withTemplates.draft(
                    Fixtures.request("lungs are clear")
                        .template(new TemplateSpec("mrrt:nope", null))
                        .build()))
        .isInstanceOf(DraftingException.class)
        .hasMessageContaining("unknown template \"mrrt:nope\"")
        .extracting(e -> ((DraftingException) e).code())
        .isEqualTo("unknown_template");
  }

  // ---------------------------------------------------------------- b. lexicon and speech

  @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
  @CsvSource(
      delimiter = '|',
      value = {
        "no acute fx| No acute fracture or dislocation is identified.",
        "eight point two mm nodule in the rul| 8.2 mm nodule in the right upper lobe.",
        "series three image forty five| Series 3 image 45.",
        "three point five by two point one centimeters mass| 3.5 x 2.1 cm mass.",
        "one hundred twenty mm| 120 mm.",
        "no ptx comma effusion comma or consolidation period heart normal| No pneumothorax, effusion, or consolidation. Heart normal.",
        "s/p cabg with sternotomy wires| Status post cabg with sternotomy wires.",
        "point five cm focus in the lll| 0.5 cm focus in the left lower lobe.",
      })
  void shorthandAndSpeechArtefactsAreExpanded(String dictation, String findings) {
    assertThat(draft(dictation).sections().get(SectionKind.FINDINGS)).isEqualTo(findings);
  }

  @Test
  void theLexiconIsConfigurableByPath(@TempDir Path dir) throws Exception {
    Path lexicon = dir.resolve("lexicon.json");
    Files.writeString(
        lexicon, "{\"phrases\":{\"nml\":\"normal\"},\"spoken_punctuation\":{\"stop\":\".\"}}");
    EngineTables tables =
        EngineTables.load(new EngineTables.Paths(lexicon, null, null, null, null));
    RulesEngine custom =
        new RulesEngine(tables, new MrrtTemplates(), RulesEngine.Settings.DEFAULTS);
    assertThat(
            custom
                .draft(Fixtures.request("heart nml stop no acute fx").build())
                .sections()
                .get(SectionKind.FINDINGS))
        .isEqualTo("Heart normal. No acute fx.");
    assertThatThrownBy(
            () ->
                EngineTables.load(
                    new EngineTables.Paths(dir.resolve("missing.json"), null, null, null, null)))
        .hasMessageContaining("missing.json: table file not found");
  }

  // ---------------------------------------------------------------- c. negation, impressions

  @ParameterizedTest(name = "{0}: {1} is {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "No pneumothorax, effusion, or nodules.| pneumothorax| NEGATED",
        "No pneumothorax, effusion, or nodules.| pleural_effusion| NEGATED",
        "No pneumothorax, effusion, or nodules.| lung_nodule| NEGATED",
        "There is no focal consolidation, pleural effusion or pneumothorax.| consolidation| NEGATED",
        "There are no XXXX of a pleural effusion.| pleural_effusion| NEGATED",
        "Pneumothorax is not seen.| pneumothorax| NEGATED",
        "No pneumothorax but there is a small left effusion.| pleural_effusion| PRESENT",
        "No pneumothorax but there is a small left effusion.| pneumothorax| NEGATED",
        "Small right pleural effusion.| pleural_effusion| PRESENT",
        "Possible small right pleural effusion.| pleural_effusion| UNCERTAIN",
        "Pneumonia cannot be excluded.| pneumonia| UNCERTAIN",
        "Opacities could represent atelectasis.| atelectasis| UNCERTAIN",
        "No definite consolidation.| consolidation| NEGATED",
        "No interval change in the left lower lobe nodule.| lung_nodule| PRESENT",
        "Lungs are hyperinflated without focal consolidation.| hyperinflation| PRESENT",
        "Lungs are hyperinflated without focal consolidation.| consolidation| NEGATED",
        "Borderline cardiomegaly.| cardiomegaly| PRESENT",
        "The previously seen pneumothorax has resolved.| pneumothorax| NEGATED",
      })
  void negationAndUncertaintyAreSentenceLevel(String sentence, String concept, Certainty expected) {
    TextAnalyzer analyzer = new TextAnalyzer(EngineTables.defaults());
    TextAnalyzer.Section s = analyzer.analyze(SectionKind.FINDINGS, sentence);
    assertThat(s.mentions)
        .filteredOn(m -> m.concept().id().equals(concept))
        .isNotEmpty()
        .allSatisfy(m -> assertThat(m.certainty()).isEqualTo(expected));
  }

  @Test
  void impressionsRankPositiveFindingsWithEvidenceIntoTheFindings() {
    DraftOutcome o =
        draft(
            "findings colon the heart is normal in size period no pneumothorax comma effusion comma or"
                + " nodules period possible right lower lobe pneumonia period large left pneumothorax period");
    String findings = o.sections().get(SectionKind.FINDINGS);
    List<Suggestion> imp = o.impressions();
    assertThat(imp)
        .extracting(Suggestion::text)
        .containsExactly("Large left pneumothorax.", "Possible right lower lobe pneumonia.");
    Evidence e = imp.get(0).evidence().get(0);
    assertThat(findings.substring(e.start(), e.end())).isEqualTo("pneumothorax");
    assertThat(e.quote()).isEqualTo("pneumothorax");
    assertThat(imp.get(1).confidence()).isLessThan(imp.get(0).confidence());
    assertThat(o.sections().get(SectionKind.IMPRESSION))
        .isEqualTo("Large left pneumothorax. Possible right lower lobe pneumonia.");
  }

  @Test
  void aNormalStudyGetsANormalImpressionAndANumberedStyleIsHonoured() {
    DraftOutcome normal = draft("No pneumothorax, effusion, or nodules. The lungs are clear.");
    assertThat(normal.sections().get(SectionKind.IMPRESSION))
        .isEqualTo("No acute cardiopulmonary abnormality.");
    DraftOutcome numbered =
        engine.draft(
            Fixtures.request("small left effusion period mild cardiomegaly")
                .style(Map.of("impression_format", "numbered"))
                .build());
    assertThat(numbered.sections().get(SectionKind.IMPRESSION))
        .isEqualTo("1. Small left effusion.\n2. Mild cardiomegaly.");
  }

  // ---------------------------------------------------------------- d. differentials

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Right lower lobe consolidation.| Pneumonia",
        "Small solid nodule in the left upper lobe.| Granuloma (healed infection)",
        "Large left pleural effusion.| Congestive heart failure",
        "No consolidation.| ",
      })
  void differentialsComeFromTheTable(String dictation, String first) {
    List<Suggestion> d = draft(dictation).differentials();
    if (first == null) {
      assertThat(d).isEmpty();
    } else {
      assertThat(d.get(0).text()).isEqualTo(first);
      assertThat(d).allSatisfy(s -> assertThat(s.reason()).startsWith("for "));
    }
  }

  // ---------------------------------------------------------------- e. structured fields

  @ParameterizedTest(name = "{0} -> {1} {2} = {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "screening. 5.9 mm solid nodule in the right upper lobe.| Lung-RADS| category| 2",
        "screening. 6.0 mm solid nodule in the right upper lobe.| Lung-RADS| category| 3",
        "screening. 7.9 mm solid nodule in the right upper lobe.| Lung-RADS| category| 3",
        "screening. 8.0 mm solid nodule in the right upper lobe.| Lung-RADS| category| 4A",
        "screening. 14.9 mm solid nodule in the right upper lobe.| Lung-RADS| category| 4A",
        "screening. 15.0 mm solid nodule in the right upper lobe.| Lung-RADS| category| 4B",
        "screening. 1.5 cm solid nodule in the right upper lobe.| Lung-RADS| category| 4B",
        "screening. New 8.2 mm solid nodule right upper lobe.| Lung-RADS| category| 4B",
        "screening. 8 x 6 mm solid nodule right upper lobe.| Lung-RADS| mean_diameter_mm| 7.0",
        "screening. 7.6 mm solid nodule, previously 6.0 mm.| Lung-RADS| category| 4A",
        "screening. 7.5 mm solid nodule, previously 6.0 mm.| Lung-RADS| category| 2",
        "screening. 12 mm part-solid nodule with 5 mm solid component.| Lung-RADS| category| 3",
        "screening. No pulmonary nodules.| Lung-RADS| category| 1",
        "screening. Spiculated 7 mm solid nodule.| Lung-RADS| category| 4X",
        "screening. 7 mm calcified nodule.| Lung-RADS| category| 1",
        "Bilateral mammogram. Extremely dense breasts. BI-RADS 2.| BI-RADS| composition| d",
        "Mass in the breast. BI-RADS 4. Biopsy recommended.| BI-RADS| assessment| 4",
        "Liver observation 15 mm with arterial phase hyperenhancement and washout.| LI-RADS| category| LR-5",
        "Liver observation 15 mm with arterial phase hyperenhancement and capsule.| LI-RADS| category| LR-4",
        "Liver observation 25 mm with arterial phase hyperenhancement.| LI-RADS| category| LR-4",
        "Liver observation 9 mm with arterial phase hyperenhancement and washout.| LI-RADS| category| LR-4",
        "Prostate: peripheral zone lesion, DWI score 3, DCE positive.| PI-RADS| category| 4",
        "Prostate: transition zone lesion, T2W score 2, DWI score 4.| PI-RADS| category| 3",
        "Prostate: transition zone lesion, T2W score 3, DWI score 5.| PI-RADS| category| 4",
        "Thyroid nodule 1.6 cm, solid, hypoechoic, wider-than-tall, smooth margins, no echogenic foci.| TI-RADS| category| TR4",
        "Thyroid nodule 1.6 cm, solid, hypoechoic, wider-than-tall, smooth margins, no echogenic foci.| TI-RADS| recommendation| FNA (FNA if >= 1.5 cm, follow-up if >= 1.0 cm)",
        "Thyroid nodule 1.2 cm, spongiform.| TI-RADS| category| TR1",
      })
  void structuredFieldsFromDictatedText(
      String dictation, String system, String field, String value) {
    StructuredField f = field(draft(dictation), system, field);
    assertThat(f.status()).isEqualTo(FieldStatus.COMPLETE);
    assertThat(f.value()).isEqualTo(value);
    assertThat(f.reason()).isNotBlank();
    assertThat(f.confidence()).isBetween(0.0, 1.0);
  }

  @ParameterizedTest(name = "{0} -> {1} incomplete, missing {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "screening. Solid nodule in the right upper lobe.| Lung-RADS| category| nodule size",
        "screening. 9 mm nodule in the right upper lobe.| Lung-RADS| category| nodule type (solid, part-solid or ground-glass)",
        "screening. 9 mm part-solid nodule in the right upper lobe.| Lung-RADS| category| solid component size",
        "Thyroid nodule 1.6 cm, solid, smooth margins.| TI-RADS| category| echogenicity",
        "Prostate: peripheral zone lesion, DWI score 3.| PI-RADS| category| DCE (positive or negative)",
        "Liver observation with washout.| LI-RADS| category| observation size",
        "Bilateral screening mammogram. BI-RADS 1.| BI-RADS| composition| breast composition (a-d)",
      })
  void incompleteFieldsNameTheMissingAttribute(
      String dictation, String system, String field, String missing) {
    StructuredField f = field(draft(dictation), system, field);
    assertThat(f.status()).isEqualTo(FieldStatus.INCOMPLETE);
    assertThat(f.missing()).contains(missing);
  }

  @Test
  void fleischnerForIncidentalCtNodulesNeedsAgeAndRisk() {
    DraftOutcome o =
        engine.draft(
            Fixtures.request("7 mm solid nodule in the right lower lobe.")
                .ct()
                .patient(60, Sex.M)
                .indication("cough, former smoker")
                .build());
    assertThat(field(o, "Fleischner", "recommendation").value())
        .isEqualTo("CT at 6-12 months, then CT at 18-24 months");
    DraftOutcome noAge =
        engine.draft(Fixtures.request("7 mm solid nodule in the right lower lobe.").ct().build());
    assertThat(field(noAge, "Fleischner", "recommendation").missing())
        .containsExactly("patient age");
  }

  @Test
  void aiMeasurementsFeedTheFieldsAndDisagreementsAreFlagged() {
    AiResult ai = new AiResult("sr:TID1500", null, "lung nodule", 9.4, "RUL", "solid", 0.9, null);
    DraftOutcome fromAi = engine.draft(Fixtures.request("screening chest CT.").ct().ai(ai).build());
    StructuredField category = field(fromAi, "Lung-RADS", "category");
    assertThat(category.value()).isEqualTo("4A");
    assertThat(category.evidence().get(0).quote()).contains("9.4 mm");
    DraftOutcome disagree =
        engine.draft(
            Fixtures.request("screening. 6 mm solid nodule in the right upper lobe.")
                .ct()
                .ai(ai)
                .build());
    assertThat(disagree.flags()).extracting(Flag::type).contains(FlagType.MEASUREMENT_MISMATCH);
  }

  // ---------------------------------------------------------------- f. consistency flags

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "findings colon large left pleural effusion period impression colon no acute disease| FINDING_NOT_IN_IMPRESSION| ",
        "findings colon left lower lobe consolidation period impression colon right lower lobe consolidation| LATERALITY_MISMATCH| ",
        "findings colon the prostate is enlarged| SEX_MISMATCH| F",
        "findings colon the uterus is normal| SEX_MISMATCH| M",
        "findings colon 8.2 mm solid nodule period impression colon 9 mm nodule| MEASUREMENT_MISMATCH| ",
        "findings colon mass period impression colon mass period BI-RADS 4 period routine screening mammogram in 1 year| CATEGORY_MANAGEMENT_MISMATCH| ",
        "findings colon screening period 9 mm solid nodule period impression colon solid nodule lung-rads 3| CATEGORY_MANAGEMENT_MISMATCH| ",
        "findings colon liver observation 15 mm with arterial phase hyperenhancement and washout period impression colon LR-4 observation| CATEGORY_MANAGEMENT_MISMATCH| ",
      })
  void consistencyFlags(String dictation, FlagType type, String sex) {
    DraftOutcome o =
        engine.draft(
            Fixtures.request(dictation).patient(60, sex == null ? null : Sex.valueOf(sex)).build());
    assertThat(o.flags()).extracting(Flag::type).contains(type);
    assertThat(o.flags()).allSatisfy(f -> assertThat(f.message()).isNotBlank());
  }

  @ParameterizedTest(name = "no flag: {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "findings colon large left pleural effusion period impression colon large left pleural effusion| F",
        "findings colon no pneumothorax comma effusion comma or nodules period impression colon no acute disease| F",
        "findings colon the prostate is enlarged| M",
      })
  void consistentReportsRaiseNoConsistencyFlag(String dictation, String sex) {
    DraftOutcome o =
        engine.draft(Fixtures.request(dictation).patient(60, Sex.valueOf(sex)).build());
    assertThat(o.flags())
        .extracting(Flag::type)
        .doesNotContain(
            FlagType.FINDING_NOT_IN_IMPRESSION,
            FlagType.SEX_MISMATCH,
            FlagType.LATERALITY_MISMATCH);
  }

  @Test
  void aOneSidedStudySpeakingOfTheOtherSideIsFlagged() {
    DraftOutcome o =
        engine.draft(
            Fixtures.request("fracture of the left distal radius")
                .modality("CR", "WRIST")
                .laterality("R")
                .build());
    assertThat(o.flags()).extracting(Flag::type).contains(FlagType.LATERALITY_MISMATCH);
  }

  // ---------------------------------------------------------------- g. critical results

  @ParameterizedTest(name = "{0} -> category {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Large right tension pneumothorax.| 1| who, when, how",
        "Free intraperitoneal air under the diaphragm.| 1| who, when, how",
        "Small apical pneumothorax.| 2| who, when, how",
        "Possible small apical pneumothorax.| 2| who, when, how",
        "Solid renal mass in the left kidney.| 3| who, when, how",
        "screening. 9 mm solid nodule.| 3| who, when, how",
        "No pneumothorax, effusion, or free air.| | ",
        "There is no evidence of pulmonary embolism.| | ",
        "Large tension pneumothorax. Findings were discussed with Dr. Smith at 10:15 by telephone.| 1| ",
      })
  void criticalResultsAreNegationAwareAndNameTheMissingCommunication(
      String dictation, Integer category, String missing) {
    List<Flag> critical =
        draft(dictation).flags().stream().filter(f -> f.type().needsCommunication()).toList();
    if (category == null) {
      assertThat(critical).isEmpty();
      return;
    }
    assertThat(critical)
        .extracting(Flag::criticalCategory)
        .contains(CriticalCategory.values()[category - 1]);
    Flag f =
        critical.stream()
            .filter(x -> x.criticalCategory().number() == category)
            .findFirst()
            .orElseThrow();
    // categories 1-2 are critical results (banner, sign-off block); 3 an actionable finding
    assertThat(f.type())
        .isEqualTo(category == 3 ? FlagType.ACTIONABLE_FINDING : FlagType.CRITICAL_RESULT);
    assertThat(f.severity()).isEqualTo(category == 3 ? Severity.WARNING : Severity.CRITICAL);
    assertThat(f.requiredCommunication()).containsExactly("who", "when", "how");
    assertThat(f.message())
        .endsWith(missing == null ? "; documented." : "; missing: " + missing + ".");
    assertThat(f.evidence()).isNotEmpty();
  }

  // ---------------------------------------------------------------- h. codes

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Small right pneumothorax.| RID5352| http://www.radlex.org",
        "Small right pneumothorax.| J93.9| http://hl7.org/fhir/sid/icd-10-cm",
        "Left pleural effusion.| J90| http://hl7.org/fhir/sid/icd-10-cm",
        "Solid nodule in the right upper lobe.| R91.1| http://hl7.org/fhir/sid/icd-10-cm",
      })
  void findingCodesComeFromTheTables(String dictation, String code, String system) {
    assertThat(draft(dictation).codes())
        .anySatisfy(
            c -> {
              assertThat(c.code()).isEqualTo(code);
              assertThat(c.system()).isEqualTo(system);
              assertThat(c.state()).isEqualTo(org.radassist.model.ReviewState.PENDING);
            });
  }

  @ParameterizedTest(name = "{0} {1} \"{2}\" -> CPT {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "CR| CHEST| PA and lateral views. Lungs are clear.| 71046",
        "CR| CHEST| Portable chest. Lungs are clear.| 71045",
        "CT| CHEST| Annual lung cancer screening. No nodules.| 71271",
        "CT| CHEST| Lungs are clear.| 71250",
      })
  void procedureCodesFollowModalityBodyPartAndViews(
      String modality, String body, String text, String cpt) {
    DraftOutcome o = engine.draft(Fixtures.request(text).modality(modality, body).build());
    assertThat(o.codes()).extracting(CodeSuggestion::code).contains(cpt);
  }

  @Test
  void uncertainFindingsGetNoDiagnosisCode() {
    assertThat(draft("Possible right lower lobe pneumonia.").codes())
        .extracting(CodeSuggestion::code)
        .doesNotContain("J18.9");
  }

  // ---------------------------------------------------------------- i. confidence and reason

  @Test
  void everySuggestionCarriesConfidenceAndReason() {
    DraftOutcome o =
        engine.draft(
            Fixtures.request(
                    "findings colon new 8.2 mm solid nodule rul period large left effusion period"
                        + " impression colon lung-rads 3")
                .ct()
                .indication("screening")
                .patient(67, Sex.F)
                .build());
    Stream.concat(o.impressions().stream(), o.differentials().stream())
        .forEach(s -> assertThat(s.reason()).isNotBlank());
    assertThat(o.structuredFields()).allSatisfy(f -> assertThat(f.reason()).isNotBlank());
    assertThat(o.codes()).allSatisfy(c -> assertThat(c.reason()).isNotBlank());
    assertThat(o.impressions()).isNotEmpty();
    assertThat(o.structuredFields()).isNotEmpty();
    assertThat(o.codes()).isNotEmpty();
  }

  // ---------------------------------------------------------------- bad input

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "'   '| dictation is empty",
        "'abc\u0000def'| U+0000 at offset 3",
        "'bad \uFFFD byte'| U+FFFD"
      })
  void badDictationIsRefusedClearly(String dictation, String message) {
    assertThatThrownBy(() -> draft(dictation))
        .isInstanceOf(DraftingException.class)
        .hasMessageContaining(message);
  }

  @Test
  void hugeDictationIsRefused() {
    RulesEngine small =
        new RulesEngine(
            EngineTables.defaults(), new MrrtTemplates(), new RulesEngine.Settings(100, 5));
    assertThatThrownBy(() -> small.draft(Fixtures.request("word ".repeat(30)).build()))
        .hasMessageContaining("dictation is too large: 150 characters, the limit is 100");
  }

  private static StructuredField field(DraftOutcome o, String system, String field) {
    ScoringSystem s = ScoringSystem.fromLabel(system);
    return o.structuredFields().stream()
        .filter(f -> f.system() == s && f.field().equals(field))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no " + system + " " + field + " in " + o.structuredFields()));
  }
}
