package org.radassist.priors.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.radassist.model.CodedConcept;
import org.radassist.model.Finding;
import org.radassist.priors.internal.match.FindingMatcher;
import org.radassist.priors.internal.match.MatchResult;
import org.radassist.priors.testing.Lesions;

/**
 * Matching cost as the number of findings grows. A third of the findings carry a Tracking UID, a
 * third only a Tracking Identifier, a third only type, site and position (spread over a 400 mm
 * cube, moved by up to 3 mm between studies). Run with {@code mvn -Pbench ...} (docs/priors.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class MatchingBenchmark {

  private static final CodedConcept[] SITES = {
    Lesions.RUL, Lesions.RML, Lesions.LUL, Lesions.LLL, Lesions.LIVER
  };

  @Param({"10", "100", "1000", "10000", "100000"})
  public int findings;

  private final FindingMatcher matcher = new FindingMatcher(5);
  private List<Finding> prior;
  private List<Finding> current;

  @Setup
  public void makeFindings() {
    Random random = new Random(42);
    prior = new ArrayList<>(findings);
    current = new ArrayList<>(findings);
    for (int i = 0; i < findings; i++) {
      double x = random.nextDouble() * 400;
      double y = random.nextDouble() * 400;
      double z = random.nextDouble() * 400;
      CodedConcept site = SITES[i % SITES.length];
      Lesions before = Lesions.lesion("p" + i).site(site).axes("6.0", "5.0", "mm").at(x, y, z);
      Lesions after =
          Lesions.lesion("c" + i)
              .site(site)
              .axes("6.5", "5.5", "mm")
              .at(x + random.nextDouble() * 2 - 1, y + random.nextDouble() * 2 - 1, z + 1);
      switch (i % 3) {
        case 0 -> {
          before.uid("2.25." + i);
          after.uid("2.25." + i);
        }
        case 1 -> {
          before.identifier("Lesion " + i);
          after.identifier("lesion " + i);
        }
        default -> {}
      }
      prior.add(before.build());
      current.add(after.build());
    }
    Collections.shuffle(current, random);
  }

  @Benchmark
  public MatchResult match() {
    return matcher.match(prior, current);
  }
}
