package org.radassist.drafting.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.radassist.drafting.DictationChunk;
import org.radassist.drafting.DraftRequest;
import org.radassist.drafting.PatientInfo;
import org.radassist.drafting.StudyInfo;
import org.radassist.drafting.internal.engine.DraftOutcome;
import org.radassist.drafting.internal.engine.RulesEngine;
import org.radassist.model.Sex;

/**
 * Engine latency for a 300-word dictation (goal: p99 < 20 ms). Sample-time mode reports the
 * percentiles. Run it with the command in docs/drafting.md ("Benchmark"); it is not part of the
 * unit test run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineBenchmark {
  /** A CT chest screening dictation of 300 words, with speech artefacts and shorthand. */
  public static final String DICTATION_300_WORDS =
      "clinical history colon annual lung cancer screening comma 30 pack years comma former smoker period"
          + " comparison colon low dose CT chest from last year period"
          + " technique colon low dose CT of the chest without contrast period"
          + " findings colon lungs colon new eight point two mm solid nodule in the rul series three image"
          + " forty five period a 4 mm perifissural nodule along the right major fissure is unchanged period"
          + " a six by five mm ground glass nodule in the lll is stable period there is mild centrilobular"
          + " emphysema in the upper lobes period no consolidation comma effusion comma or ptx period"
          + " bibasilar dependent atelectasis period the central airways are patent period"
          + " mediastinum colon heart size is normal period no pericardial effusion period coronary artery"
          + " calcifications are present period the thoracic aorta is normal in caliber period no"
          + " mediastinal or hilar lymphadenopathy period the thyroid gland is unremarkable period"
          + " upper abdomen colon limited images of the upper abdomen show a small hiatal hernia period"
          + " the liver comma spleen comma and adrenal glands are unremarkable period no acute fx period"
          + " degenerative changes of the thoracic spine period there is no evidence of pulmonary embolism"
          + " on this noncontrast study which is not designed to evaluate for it period"
          + " the previously noted right lower lobe opacity has resolved period no new nodules period"
          + " small calcified granuloma in the left upper lobe period no suspicious osseous lesion period"
          + " the visualized soft tissues of the chest wall are normal period no axillary lymphadenopathy"
          + " period the esophagus is normal in caliber period there is no pleural thickening period"
          + " no pneumothorax comma no pleural effusion comma and no focal airspace disease period"
          + " impression colon one period new eight point two mm solid right upper lobe nodule period"
          + " lung rads 4b period recommend diagnostic chest CT and PET CT period two period mild"
          + " emphysema period three period small hiatal hernia period"
          + " findings were discussed with doctor smith at 10:15 by telephone period";

  private RulesEngine engine;
  private DraftRequest request;

  @Setup
  public void setUp() {
    engine = RulesEngine.withDefaults();
    request =
        new DraftRequest(
            null,
            "bench",
            new StudyInfo("st-bench", "CT", "CHEST", null, "none", null),
            new PatientInfo(67, Sex.F),
            "annual lung cancer screening",
            List.of(new DictationChunk(1, true, DICTATION_300_WORDS)),
            null,
            null,
            null,
            null,
            null);
  }

  @Benchmark
  public DraftOutcome draft300Words() {
    return engine.draft(request);
  }
}
