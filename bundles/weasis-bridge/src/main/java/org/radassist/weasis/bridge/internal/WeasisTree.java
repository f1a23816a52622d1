package org.radassist.weasis.bridge.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Optional;
import org.radassist.weasis.bridge.internal.context.StudyTree;
import org.radassist.weasis.bridge.internal.context.TagLookup;
import org.weasis.core.api.media.data.MediaElement;
import org.weasis.core.api.media.data.MediaSeries;
import org.weasis.core.api.media.data.MediaSeriesGroup;
import org.weasis.dicom.codec.DicomSpecialElement;
import org.weasis.dicom.codec.TagD;
import org.weasis.dicom.explorer.DicomModel;

/**
 * Weasis' DICOM explorer tree, answered from DicomModel and read with TagD. A series' instances are
 * its images and its DICOM special elements (SR, KO, PR ...), which Weasis keeps apart.
 */
final class WeasisTree implements StudyTree<MediaSeriesGroup, MediaElement> {
  private final DicomModel model;

  WeasisTree(DicomModel model) {
    this.model = model;
  }

  @Override
  public Optional<MediaSeriesGroup> studyOf(MediaSeriesGroup series) {
    return Optional.ofNullable(model.getParent(series, DicomModel.study));
  }

  @Override
  public Optional<MediaSeriesGroup> patientOf(MediaSeriesGroup node) {
    return Optional.ofNullable(model.getParent(node, DicomModel.patient));
  }

  @Override
  public List<MediaSeriesGroup> children(MediaSeriesGroup node) {
    return copy(model.getChildren(node));
  }

  @Override
  public List<MediaElement> instances(MediaSeriesGroup series) {
    List<MediaElement> out = new ArrayList<>();
    if (series instanceof MediaSeries<?> s) {
      // the default order: Weasis' own synchronized list, copied under its lock
      for (Object media : copy(s.getSortedMedias(null))) {
        if (media instanceof MediaElement m) {
          out.add(m);
        }
      }
    }
    // SR, KO, PR ... are not among the medias: Weasis keeps them as the series' special elements
    out.addAll(copy(DicomModel.getSpecialElements(series, DicomSpecialElement.class)));
    return out;
  }

  @Override
  public TagLookup tags(MediaSeriesGroup node) {
    return tag -> TagD.getTagValue(node, tag);
  }

  @Override
  public TagLookup instanceTags(MediaElement instance) {
    return tag -> TagD.getTagValue(instance, tag);
  }

  @Override
  public Optional<URI> location(MediaElement instance) {
    return Optional.ofNullable(instance.getMediaURI());
  }

  /**
   * A snapshot of a Weasis collection. Weasis changes its tree on loader threads while RadAssist
   * reads it from others: copy under the collection's own lock (synchronized lists) and retry a
   * copy that raced with a change.
   */
  private static <T> List<T> copy(Collection<T> live) {
    if (live == null) {
      return List.of();
    }
    for (int attempt = 0; ; attempt++) {
      try {
        synchronized (live) {
          return new ArrayList<>(live);
        }
      } catch (ConcurrentModificationException e) {
        if (attempt == 2) {
          throw e;
        }
      }
    }
  }
}
