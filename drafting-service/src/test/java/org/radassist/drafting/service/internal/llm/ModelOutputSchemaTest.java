package org.radassist.drafting.service.internal.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.radassist.model.FlagType;
import org.radassist.model.ModelJson;
import org.radassist.model.ScoringSystem;
import org.radassist.model.SectionKind;

class ModelOutputSchemaTest {
  private final ModelOutputSchema schema = new ModelOutputSchema(ModelJson.newMapper());

  static final String VALID =
      """
      {"sections":{"clinical_history":"h","comparison":"c","findings":"f","impression":"i"},
       "impressions":[{"text":"Lung-RADS 4A nodule","confidence":0.8}],
       "differentials":[],
       "structured_fields":[{"system":"Lung-RADS","field":"category","value":"4A","confidence":0.7}],
       "codes":[{"system":"ICD-10-CM","code":"R91.1","display":"Solitary pulmonary nodule"}],
       "flags":[{"type":"MISSING_FOLLOWUP","severity":"WARNING","message":"no interval"}]}
      """;

  @Test
  void theSchemaSentToTheServerIsStrict() {
    JsonNode s = schema.schema();
    assertThat(s.get("additionalProperties").asBoolean()).isFalse();
    assertThat(s.get("required")).hasSize(6);
    assertThat(s.at("/properties/structured_fields/items/properties/system/enum").toString())
        .contains("Lung-RADS", "TI-RADS");
    assertThat(s.at("/properties/sections/required")).hasSize(4);
  }

  @Test
  void aValidAnswerIsRead() throws Exception {
    ModelOutput out = schema.read(VALID);
    assertThat(out.sections()).containsEntry(SectionKind.FINDINGS, "f");
    assertThat(out.structuredFields())
        .containsExactly(new ModelOutput.Field(ScoringSystem.LUNG_RADS, "category", "4A", 0.7));
    assertThat(out.flags())
        .extracting(ModelOutput.ModelFlag::type)
        .containsExactly(FlagType.MISSING_FOLLOWUP);
  }

  @Test
  void aMarkdownFenceAroundTheJsonIsTolerated() throws Exception {
    assertThat(schema.read("```json\n" + VALID + "\n```").impressions()).hasSize(1);
  }

  @Test
  void answersOutsideTheSchemaAreRefusedNamingThePath() {
    assertThatThrownBy(() -> schema.read("not json")).hasMessageContaining("not JSON");
    assertThatThrownBy(() -> schema.read(VALID.replace("\"differentials\":[],", "")))
        .hasMessageContaining("$.differentials: is required");
    assertThatThrownBy(() -> schema.read(VALID.replace("0.7", "1.7")))
        .hasMessageContaining("$.structured_fields[0].confidence");
    assertThatThrownBy(() -> schema.read(VALID.replace("\"Lung-RADS\"", "\"Made-RADS\"")))
        .hasMessageContaining("$.structured_fields[0].system");
    assertThatThrownBy(() -> schema.read(VALID.replace("MISSING_FOLLOWUP", "BOGUS")))
        .hasMessageContaining("$.flags[0].type");
    assertThatThrownBy(() -> schema.read(VALID.replace("\"codes\"", "\"extra\":1,\"codes\"")))
        .hasMessageContaining("$.extra: is not allowed");
  }
}
