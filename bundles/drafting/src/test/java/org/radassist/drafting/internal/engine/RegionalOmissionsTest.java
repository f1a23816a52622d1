package org.radassist.drafting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 14, round 30b (helper "om12"): significant findings outside the chest, by body region (MSK,
 * neuro, vascular, abdomen, gynaecology / urology), named or shown by their signs, are omitted from
 * an impression that neither names them nor groups them; denied, old, attached or misplaced-by-side
 * ones are not.
 */
class RegionalOmissionsTest {
  private final RulesEngine engine = RulesEngine.withDefaults();

  @ParameterizedTest(name = "{3} / {4} -> omitted {5}")
  @CsvSource(
      delimiter = '|',
      value = {
        // MSK: a fracture by its bone or its sign; a full-thickness or ligament tear
        "CR| WRIST| 30| Undisplaced fracture through the waist of the scaphoid.| No distal radial"
            + " fracture.| true",
        "CR| WRIST| 30| Undisplaced fracture through the waist of the scaphoid.| Scaphoid waist"
            + " fracture.| false",
        "CR| WRIST| 30| Subtle lucent line across the waist of the scaphoid.| Normal wrist.| true",
        "CR| WRIST| 30| Old healed fracture of the fifth metacarpal.| Normal hand.| false",
        "CR| WRIST| 50| Volar plate and screws fixing the distal radius fracture.| Satisfactory"
            + " position.| false",
        "CR| HIP| 80| New periprosthetic fracture of the femur around the stem.| Hip"
            + " arthroplasty.| true",
        "CT| PELVIS| 70| Comminuted fracture of the right acetabulum.| Right pelvic fractures.|"
            + " false",
        "MR| SHOULDER| 60| Full-thickness tear of the supraspinatus tendon with retraction.| AC"
            + " joint osteoarthritis.| true",
        "MR| SHOULDER| 60| Partial-thickness tear of the supraspinatus tendon.| Cuff"
            + " tendinopathy.| false",
        "MR| KNEE| 25| Bucket handle tear of the medial meniscus.| Small joint effusion.| true",
        "MR| KNEE| 25| Menisci intact. No ACL tear.| Small joint effusion.| false",
        // neuro
        "CT| HEAD| 80| Ventricles enlarged with transependymal oedema.| No intracranial"
            + " injury.| true",
        "CT| HEAD| 80| Ventricles enlarged with transependymal oedema.| Obstructive"
            + " hydrocephalus.| false",
        "CT| HEAD| 50| Subarachnoid blood in the basal cisterns. Early hydrocephalus.| Acute"
            + " subarachnoid haemorrhage.| false",
        // vascular: the degree, the extent
        "US| NECK| 70| Right ICA: 70-99% stenosis. Left ICA <50% stenosis.| Left ICA less than"
            + " 50% stenosis.| true",
        "US| NECK| 70| Right ICA: 70-99% stenosis. Left ICA <50% stenosis.| Severe right ICA"
            + " stenosis.| false",
        "US| LOWER_EXTREMITY| 70| Thrombus in the left femoral vein extending to the calf"
            + " veins.| Left calf vein thrombosis.| true",
        "US| LOWER_EXTREMITY| 70| Thrombus in the left femoral vein extending to the calf"
            + " veins.| Left femoral and calf DVT.| false",
        // abdomen
        "US| ABDOMEN| 48| Gallbladder distended with an impacted stone, wall 6 mm, pericholecystic"
            + " fluid and positive Murphy sign.| Hepatic steatosis.| true",
        "US| ABDOMEN| 60| Gallbladder wall thickening with pericholecystic fluid, third spacing.|"
            + " Cirrhosis.| false",
        "CT| ABDOMEN| 33| Grade III splenic laceration with haemoperitoneum.| Left 10th rib"
            + " fracture.| true",
        "US| ABDOMEN| 2| Ileocolic intussusception measuring 3 cm.| Mesenteric"
            + " lymphadenopathy.| true",
        "US| PELVIS| 72| 1.8 cm polypoid mass along the left bladder wall.| Mild"
            + " prostatomegaly.| true",
        "US| PELVIS| 45| Fibroid uterus with mass effect on the bladder.| Fibroid uterus.| false",
        // gynaecology: the postmenopausal threshold
        "US| PELVIS| 66| Endometrium thickened at 14 mm.| Normal bladder.| true",
        "US| PELVIS| 30| Endometrium 14 mm, secretory.| Normal pelvis.| false",
      })
  void significantFindingsOutsideTheChest(
      String modality, String body, int age, String findings, String impression, boolean omitted) {
    assertThat(Fixtures.omitted(engine, modality, body, age, findings, impression))
        .isEqualTo(omitted);
  }

  /**
   * Round 31 (helper "om13"): concepts a radiologist acts on, read from their signs and
   * descriptions, beside their quiet twins (denied, normal, benign, diffuse, vascular, operated,
   * reported in other words).
   */
  @ParameterizedTest(name = "{3} / {4} -> omitted {5}")
  @CsvSource(
      delimiter = '|',
      value = {
        "US| ABDOMEN| 70| The common duct measures 14 mm.| Fatty liver.| true",
        "US| ABDOMEN| 70| The common duct measures 14 mm.| Dilated common duct; MRCP advised.| false",
        "US| ABDOMEN| 40| Common bile duct 5 mm. No biliary dilatation.| Normal study.| false",
        "CT| NECK| 40| Stone in the Wharton duct with ductal dilatation.| Sialolithiasis.| false",
        "CT| ABDOMEN| 75| Shouldered annular narrowing of the transverse colon.| Gallstones.|"
            + " true",
        "CT| ABDOMEN| 30| Diffuse wall thickening of the terminal ileum.| Terminal ileitis.| false",
        "CR| CHEST| 70| Enlarged lobulated left hilum.| No pneumonia.| true",
        "CR| CHEST| 70| Prominent hila from enlarged pulmonary arteries, hila enlarged.| No"
            + " pneumonia.| false",
        "MR| HEAD| 60| Dural-based enhancing mass along the falx, 3 cm.| Small vessel change.|"
            + " true",
        "MR| HEAD| 60| Craniotomy for resection of a convexity meningioma, no residual.| Stable"
            + " appearances.| false",
        "CT| PELVIS| 70| Permeative lytic lesion of the left iliac bone.| Sigmoid"
            + " diverticulosis.| true",
        "CT| PELVIS| 70| Benign non-ossifying fibroma, a lytic lesion of the tibia.| Normal.|"
            + " false",
        "CT| HEAD| 80| Loss of grey-white matter differentiation in the left frontal lobe.| No"
            + " bleed.| true",
        "CT| HEAD| 80| Loss of grey-white matter differentiation in the left frontal lobe.| Acute"
            + " left MCA territory infarct.| false",
        "MR| PROSTATE| 65| PZ lesion with marked diffusion restriction abutting the capsule.|"
            + " PI-RADS 4 lesion.| false",
        "US| ABDOMEN| 60| Moderate right hydronephrosis.| Dilatation of the right pelvicalyceal"
            + " system.| false",
      })
  void conceptsByTheirSigns(
      String modality, String body, int age, String findings, String impression, boolean omitted) {
    assertThat(Fixtures.omitted(engine, modality, body, age, findings, impression))
        .isEqualTo(omitted);
  }
}
