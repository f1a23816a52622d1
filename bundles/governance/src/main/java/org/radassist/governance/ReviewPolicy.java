package org.radassist.governance;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import org.radassist.model.DraftReport;
import org.radassist.model.Flag;
import org.radassist.model.StructuredField;

/**
 * Which AI items need a closer look: anything below its kind's confidence threshold, fields the
 * model and the rules disagree on, and critical results whose supporting confidence is below the
 * double-read threshold. In integrated mode it also names the fields confident enough to be filled
 * in (still pending until accepted).
 */
@ProviderType
public interface ReviewPolicy {

  /** The kinds of AI output that have a confidence threshold. */
  enum ItemKind {
    IMPRESSION,
    DIFFERENTIAL,
    STRUCTURED_FIELD,
    CODE
  }

  /** The confidence below which an item of this kind is flagged for review (0 = never). */
  double threshold(ItemKind kind);

  /**
   * The flags this policy adds to a draft: LOW_CONFIDENCE per item below threshold, DOUBLE_READ for
   * a critical result resting on low confidence.
   */
  List<Flag> reviewFlags(DraftReport draft);

  /**
   * Fields confident enough (and not disputed by the rules) to be filled in under {@code mode};
   * empty unless the mode {@link RolloutMode#autoPopulates() auto-populates}.
   */
  List<StructuredField> autoPopulatedFields(DraftReport draft, RolloutMode mode);
}
