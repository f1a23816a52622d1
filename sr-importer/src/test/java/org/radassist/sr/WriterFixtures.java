package org.radassist.sr;

import java.util.List;
import org.radassist.model.DraftReport;
import org.radassist.model.Finding;
import org.radassist.model.StudyContext;

/** The writer tests' study, findings and draft, for tests in other packages. */
public final class WriterFixtures {
  public static final String STUDY = WriterTest.STUDY;

  private WriterFixtures() {}

  public static StudyContext study() {
    return WriterTest.study();
  }

  public static List<Finding> findings() {
    return WriterTest.findings();
  }

  public static DraftReport draft() {
    return WriterTest.draft();
  }
}
