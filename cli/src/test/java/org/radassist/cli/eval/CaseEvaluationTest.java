package org.radassist.cli.eval;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CaseEvaluationTest {

  @Test
  void theTablesWordingMatchesTheEnginesSpelledOutForm() {
    assertTrue(
        CaseEvaluation.sameValue(
            "CT at 6-12 months, then CT at 18-24 months",
            "CT 6\u201312 mo, then CT 18\u201324 mo"));
    assertTrue(
        CaseEvaluation.sameValue(
            "consider CT at 3 months, PET/CT, or tissue sampling",
            "Consider CT at 3 mo, PET/CT, or tissue sampling."));
    assertTrue(
        CaseEvaluation.sameValue(
            "CT at 3-6 months; subsequent management based on the most suspicious nodule",
            "CT 3\u20136 mo; manage by most suspicious nodule"));
    assertTrue(
        CaseEvaluation.sameValue(
            "CT at 3-6 months to confirm persistence; if unchanged and solid component < 6 mm, annual CT"
                + " for 5 years",
            "CT 3\u20136 mo; if unchanged and solid component < 6 mm, annual CT for 5 years (solid \u2265 6"
                + " mm: highly suspicious)"));
    assertTrue(CaseEvaluation.sameValue("LR-5", "LR-5"));
    // a risk-split label whose two rows are alike is the one recommendation
    assertTrue(
        CaseEvaluation.sameValue(
            "consider CT at 3 months, PET/CT, or tissue sampling",
            "low risk: consider CT at 3 mo, PET/CT, or tissue sampling; high risk: consider CT at 3"
                + " mo, PET/CT, or tissue sampling"));
  }

  @Test
  void riskRowsThatDifferStayTwoValues() {
    assertFalse(
        CaseEvaluation.sameValue(
            "no routine follow-up",
            "low risk: no routine follow-up; high risk: optional CT at 12 months"));
  }

  @Test
  void aDifferentIntervalOrCategoryIsStillADifferentValue() {
    assertFalse(
        CaseEvaluation.sameValue(
            "CT at 6-12 months, then CT at 18-24 months", "CT 3\u20136 mo, then CT 18\u201324 mo"));
    assertFalse(
        CaseEvaluation.sameValue(
            "CT at 6-12 months, then CT at 18-24 months",
            "CT 6\u201312 mo, then consider CT 18\u201324 mo"));
    assertFalse(
        CaseEvaluation.sameValue(
            "CT at 3-6 months; if stable, consider CT at 2 and 4 years",
            "CT 3\u20136 mo; manage by most suspicious nodule"));
    assertFalse(CaseEvaluation.sameValue("4A", "4B"));
    assertFalse(CaseEvaluation.sameValue("TR4", "TR5"));
  }
}
