package org.radassist.priors;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.radassist.host.ViewerHost;
import org.radassist.priors.internal.compare.ComparisonEngine;
import org.radassist.priors.internal.dicomweb.DicomWebPriorProvider;
import org.radassist.priors.internal.dicomweb.DicomWebSettings;
import org.radassist.priors.internal.folder.FolderPriorProvider;
import org.radassist.priors.internal.host.HostPriorProvider;
import org.radassist.priors.internal.service.DefaultPriorComparisonService;
import org.radassist.priors.internal.sr.RadAssistSrContentReader;

/**
 * Prior sources and the comparison service for hosts without OSGi: the same providers the priors
 * bundle configures through PID {@code org.radassist.priors} (docs/priors.md) — a DICOMweb PACS, a
 * local folder of DICOM files, or the studies the viewer has loaded — and the comparison on top of
 * one of them.
 *
 * <pre>{@code
 * PriorStudyProvider source = Priors.fromHost(host);             // or fromFolder / fromDicomWeb
 * PriorComparisonService priors = Priors.comparison(source);     // PriorQuery.defaults()
 * ComparisonSummary summary = priors.summarize(studyInstanceUid); // off the Swing event thread
 * }</pre>
 *
 * <p>Every provider reads prior SRs with RadAssist's SR importer. Look-ups do file or network I/O:
 * never call them on the Swing event thread.
 *
 * @since 1.1
 */
public final class Priors {
  private Priors() {}

  /** A DICOMweb provider holds HTTP threads and connections: close it when the host stops. */
  public interface DicomWebProvider extends PriorStudyProvider, AutoCloseable {
    @Override
    void close();
  }

  /** The studies the viewer has loaded ({@link ViewerHost#loadedStudiesOfPatient}). */
  public static PriorStudyProvider fromHost(ViewerHost host) {
    return new HostPriorProvider(
        Objects.requireNonNull(host, "host"), RadAssistSrContentReader.create());
  }

  /**
   * A folder of DICOM files used as the PACS (searched recursively for the patient's other
   * studies). A folder that does not exist answers each look-up with a status naming it.
   */
  public static PriorStudyProvider fromFolder(Path folder) {
    return new FolderPriorProvider(
        Objects.requireNonNull(folder, "folder"), RadAssistSrContentReader.create());
  }

  /**
   * A DICOMweb PACS (QIDO-RS for the patient's studies, WADO-RS for their SRs) with the bundle's
   * defaults: connect 3 s, read 10 s, the whole look-up 20 s, pages of 100.
   *
   * @param baseUrl e.g. {@code https://pacs.example.org/dicom-web}
   */
  public static DicomWebProvider fromDicomWeb(String baseUrl) {
    DicomWebSettings d = DicomWebSettings.of(baseUrl);
    return fromDicomWeb(baseUrl, d.connectTimeout(), d.readTimeout(), d.deadline(), d.pageSize());
  }

  /**
   * A DICOMweb PACS with explicit limits.
   *
   * @param readTimeout silence allowed on an open connection
   * @param deadline the whole look-up; prior documents not read by then are left out with a note
   * @param pageSize QIDO-RS page size
   * @throws IllegalArgumentException for a blank URL, a non-positive duration or page size
   */
  public static DicomWebProvider fromDicomWeb(
      String baseUrl,
      Duration connectTimeout,
      Duration readTimeout,
      Duration deadline,
      int pageSize) {
    positive("connectTimeout", connectTimeout);
    positive("readTimeout", readTimeout);
    positive("deadline", deadline);
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize must be at least 1, was " + pageSize);
    }
    DicomWebPriorProvider provider =
        new DicomWebPriorProvider(
            new DicomWebSettings(
                baseUrl == null ? null : baseUrl.trim(),
                connectTimeout,
                readTimeout,
                deadline,
                pageSize,
                1000,
                6),
            RadAssistSrContentReader.create());
    return new DicomWebProvider() {
      @Override
      public String name() {
        return provider.name();
      }

      @Override
      public PriorLookup lookup(String studyInstanceUid, PriorQuery query) {
        return provider.lookup(studyInstanceUid, query);
      }

      @Override
      public void close() {
        provider.close();
      }
    };
  }

  /** The comparison over {@code source} keeping up to 10 priors of the same body region. */
  public static PriorComparisonService comparison(PriorStudyProvider source) {
    return comparison(source, PriorQuery.defaults());
  }

  /** The comparison over {@code source} with the given relevance limits. */
  public static PriorComparisonService comparison(PriorStudyProvider source, PriorQuery query) {
    return new DefaultPriorComparisonService(
        Objects.requireNonNull(source, "source"),
        ComparisonEngine.defaults(),
        Objects.requireNonNull(query, "query"));
  }

  private static void positive(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }
}
