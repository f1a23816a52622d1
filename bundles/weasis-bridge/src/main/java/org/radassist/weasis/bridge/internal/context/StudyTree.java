package org.radassist.weasis.bridge.internal.context;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * A viewer's loaded patient / study / series tree, seen through the few questions the bridge asks.
 * The Weasis implementation answers them from DicomModel and TagD; tests answer them from records.
 *
 * @param <N> a node of the tree (patient, study or series)
 * @param <M> a media element (one instance) of a series
 */
public interface StudyTree<N, M> {

  /** The study node a series belongs to. */
  Optional<N> studyOf(N series);

  /** The patient node a series or study belongs to. */
  Optional<N> patientOf(N node);

  /** The children of a node: a patient's studies, a study's series. */
  List<N> children(N node);

  /** The instances of a series. */
  List<M> instances(N series);

  TagLookup tags(N node);

  TagLookup instanceTags(M instance);

  /** Where the viewer reads an instance from, if it knows. */
  Optional<URI> location(M instance);
}
