package org.radassist.workstation.internal.study;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Generates the default study: a chest CT phantom of one patient at two time points twelve months
 * apart, with a right upper lobe solid nodule growing from 6.0 to 8.2 mm. Everything is derived
 * from fixed names and seeds, so two runs write identical files.
 */
public final class DefaultStudyGenerator {
  /** Bump when the generated content changes: a folder with another version is regenerated. */
  public static final String VERSION = "phantom-chest-2";

  static final String MARKER = ".radassist-study";

  public static final TimePoint PRIOR =
      new TimePoint(
          "prior",
          LocalDate.of(2025, 3, 11),
          LocalTime.of(9, 12, 0),
          "RA2503110001",
          6.0,
          20250311L);
  public static final TimePoint CURRENT =
      new TimePoint(
          "current",
          LocalDate.of(2026, 3, 10),
          LocalTime.of(10, 41, 0),
          "RA2603100007",
          8.2,
          20260310L);

  /** Nodule centre: right upper lobe, anterior, slice 9 of 24 (patient LPS, mm). */
  static final double NODULE_X = -80.4;

  static final double NODULE_Y = -30.0;
  static final int NODULE_SLICE = 8;
  static final double NOISE_SIGMA_HU = 12;

  private final PhantomGeometry geometry;
  private final DerivedUids uids;
  private final SyntheticPatient patient;
  private final Optional<MeasurementReportWriter> reportWriter;

  public DefaultStudyGenerator(Optional<MeasurementReportWriter> reportWriter) {
    this(PhantomGeometry.DEFAULT, new DerivedUids(VERSION), SyntheticPatient.DEFAULT, reportWriter);
  }

  DefaultStudyGenerator(
      PhantomGeometry geometry,
      DerivedUids uids,
      SyntheticPatient patient,
      Optional<MeasurementReportWriter> reportWriter) {
    this.geometry = geometry;
    this.uids = uids;
    this.patient = patient;
    this.reportWriter = reportWriter;
  }

  /** True when {@code root} already holds this version of the default study. */
  public static boolean isGenerated(Path root) {
    try {
      Path marker = root.resolve(MARKER);
      return Files.isRegularFile(marker)
          && Files.readString(marker, StandardCharsets.UTF_8).strip().equals(VERSION);
    } catch (IOException e) {
      return false;
    }
  }

  public String trackingUid() {
    return uids.uid("nodule-1/tracking");
  }

  /** Writes both time points under {@code root} (prior/, current/), replacing what was there. */
  public DefaultStudy generate(Path root) throws IOException {
    Files.createDirectories(root);
    Files.deleteIfExists(root.resolve(MARKER));
    CtSeriesWriter writer = new CtSeriesWriter(uids, patient);
    CtSeries prior = writeTimePoint(writer, PRIOR, root);
    CtSeries current = writeTimePoint(writer, CURRENT, root);
    List<Path> reports = new ArrayList<>();
    if (reportWriter.isPresent()) {
      for (CtSeries series : List.of(prior, current)) {
        Path dir = root.resolve(series.timePoint().label()).resolve("SR");
        Files.createDirectories(dir);
        reports.add(reportWriter.get().write(series, patient, trackingUid(), dir));
      }
    }
    // written last: a half-written folder is never taken for a complete one
    Files.writeString(root.resolve(MARKER), VERSION + "\n", StandardCharsets.UTF_8);
    return new DefaultStudy(root, prior, current, trackingUid(), reports);
  }

  private CtSeries writeTimePoint(CtSeriesWriter writer, TimePoint tp, Path root)
      throws IOException {
    ChestPhantom phantom =
        new ChestPhantom(
            geometry,
            new ChestPhantom.Nodule(
                NODULE_X, NODULE_Y, geometry.z(NODULE_SLICE), tp.noduleDiameterMm()),
            NOISE_SIGMA_HU,
            tp.noiseSeed());
    return writer.write(phantom, tp, root.resolve(tp.label()).resolve("CT"));
  }
}
