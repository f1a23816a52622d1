package org.radassist.sr;

import java.util.List;

/**
 * Our checks of an SR document beyond what reading found: the IOD's value type and relationship
 * constraints (PS3.3 A.35), UID syntax, header flags. One {@link Problem} per defect. A document
 * with any ERROR must not be forwarded to a PACS.
 *
 * <p>Static functions only; the implementation is internal to the bundle.
 */
public interface SrValidation {
  /** The reader's problems followed by these checks' findings. */
  static List<Problem> check(SrDocument d) {
    return org.radassist.sr.internal.validate.SrValidator.check(d);
  }

  static boolean hasErrors(List<Problem> problems) {
    return org.radassist.sr.internal.validate.SrValidator.hasErrors(problems);
  }
}
