package org.radassist.panel;

import java.util.Objects;
import org.radassist.panel.internal.osgi.PriorsComparisonSource;
import org.radassist.priors.PriorComparisonService;

/**
 * The priors bundle's comparison as the panel's {@link PriorComparisonSource}, for hosts without
 * OSGi (inside OSGi the panel bundle registers the same adapter as a component):
 *
 * <pre>{@code
 * RadAssistPanels.builder(host)
 *     .priors(PriorComparisons.of(Priors.comparison(Priors.fromHost(host))))
 * }</pre>
 *
 * <p>The Priors tab then shows the Comparison paragraph, a size trend per matched finding, or the
 * look-up's status ("PACS unreachable: ...") when there is no comparison. The priors bundle's
 * classes are loaded only when this is called, so a host without them never needs them.
 *
 * @since 1.4
 */
public final class PriorComparisons {
  private PriorComparisons() {}

  /** Compares each study the panel opens through {@code service} (on the panel's worker). */
  public static PriorComparisonSource of(PriorComparisonService service) {
    Objects.requireNonNull(service, "service");
    return study -> PriorsComparisonSource.toPanel(service.summarize(study.studyInstanceUid()));
  }
}
