package org.radassist.drafting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radassist.model.FlagType;

/**
 * Issue 14, round 35 (helper "om22"): an impression that names a finding in other clinical words
 * (an abbreviation, the diagnosis that covers its signs, another name for the same lesion) reports
 * it, and a finding its own words make minor (a small non-obstructing renal stone or scarring
 * beside another reported diagnosis, a lesion named a non-ossifying fibroma) is not omitted; the
 * same finding is still omitted when the impression names something else at the same place, denies
 * it, or reports nothing at all.
 */
class CoverageVocabularyTest {
  private final RulesEngine engine = RulesEngine.withDefaults();

  @ParameterizedTest(name = "{2} / {3} -> omitted {4}")
  @CsvSource(
      delimiter = '|',
      value = {
        // named in other words
        "CT| CHEST| The ascending aorta is 4.9 cm. Heart size normal. Lungs clear.| 4.9 cm TAA;"
            + " cardiothoracic referral.| false",
        "MR| HEAD| Focus of restricted diffusion, 7 mm, in the left internal capsule with low ADC."
            + " Mild small vessel disease.| Acute left internal capsule lacune.| false",
        "MR| SHOULDER| The pectoralis major tendon is torn from its humeral insertion with 3 cm"
            + " retraction and haematoma.| Pectoralis major avulsion with 3 cm retraction.| false",
        "CT| HEAD| Occlusive filling defect in the right transverse sinus on CT venography. Brain"
            + " parenchyma normal.| Right transverse CVST.| false",
        "CT| LIVER| Liver: ill-defined infiltrative left lobe mass, 6 cm, with washout. Spleen: 14"
            + " cm.| LR-5 infiltrative left lobe HCC, 6 cm. Splenomegaly.| false",
        "CT| LIVER| Liver: ill-defined infiltrative left lobe mass, 6 cm, with washout. Spleen: 14"
            + " cm.| Splenomegaly.| true",
        "CT| CHEST| Moderate right and small left pleural effusions. Cardiomegaly.| Bilateral"
            + " pleural effusions, probably cardiac.| false",
        "CR| CHEST| Cardiomegaly. Left lower zone consolidation with a small left pleural"
            + " effusion.| Left lower zone pneumonia with small parapneumonic effusion.| true",
        // the same findings beside an impression about something else
        "US| ABDOMEN| Infrarenal aorta 3.6 cm AP diameter. Gallbladder contains stones.|"
            + " Cholelithiasis.| true",
        "MR| HEAD| Cortical restricted diffusion in the right frontal lobe with low ADC values. Old"
            + " left cerebellar infarct.| Chronic left cerebellar infarct.| true",
        "MR| ANKLE| The Achilles tendon is torn 4 cm above its insertion with a 2 cm gap. Mild"
            + " ankle effusion.| Achilles tendinosis.| true",
        "CT| HEAD| Occlusive filling defect in the right transverse sinus on CT venography. Right"
            + " mastoid air cells opacified.| Right mastoid effusion.| true",
        // a denial of thrombosis elsewhere reports no thrombosis
        "US| LEG| Right common femoral vein: non-compressible with echogenic thrombus. Right"
            + " popliteal vein: compressible.| No right popliteal DVT.| true",
        // minor by its own words beside another reported diagnosis
        "CT| ABDOMEN| Bowel: long segment of thickened terminal ileum with comb sign. Kidneys: 4 mm"
            + " non-obstructing left lower pole calculus.| Active terminal ileal Crohn's"
            + " disease.| false",
        "CT| CHEST| Lungs: biapical scarring. Pericardium: 2 cm pericardial effusion.| Moderate"
            + " pericardial effusion.| false",
        "CR| KNEE| No fracture. Eccentric lucent lesion with sclerotic scalloped margin in the"
            + " distal femoral metaphysis, a non-ossifying fibroma.| No fracture.| false",
        // ... but not when it is the one finding, nor extensive, nor aggressive
        "CT| ABDOMEN| Appendix normal. 3 mm nonobstructing right renal calculus.| Normal"
            + " appendix.| true",
        "CT| CHEST| Extensive bibasal fibrosis with traction bronchiectasis. Right lower lobe"
            + " consolidation.| Right lower lobe pneumonia.| true",
        "CR| ANKLE| No fracture. Ill-defined permeative lytic lesion with periosteal reaction in the"
            + " distal fibular metaphysis.| No fracture.| true",
      })
  void aFindingNamedInOtherWordsOrMinorIsNotOmitted(
      String modality, String body, String findings, String impression, boolean omitted) {
    assertThat(Fixtures.omitted(engine, modality, body, 60, findings, impression))
        .isEqualTo(omitted);
  }

  @ParameterizedTest(name = "{0} -> omitted {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // Fleischner 2017: a solid nodule under 6 mm in a low-risk patient needs no routine
        // follow-up; one of 6 mm or more asks for a CT
        "4 mm solid nodule in the right middle lobe.| false",
        "7 mm solid nodule in the right middle lobe.| true",
      })
  void aNoduleWithoutRoutineFollowUpMayBeLeftOut(String nodule, boolean omitted) {
    assertThat(
            Fixtures.flagTypes(
                    engine.draft(
                        Fixtures.report(
                                "Acute fractures of the right 6th and 7th ribs. "
                                    + nodule
                                    + " No pneumothorax.",
                                "Acute right 6th and 7th rib fractures without pneumothorax.")
                            .modality("CT", "CHEST")
                            .patient(52, null)
                            .indication("Fall onto the right side. Lifelong non-smoker.")
                            .build()))
                .contains(FlagType.FINDING_NOT_IN_IMPRESSION))
        .isEqualTo(omitted);
  }
}
