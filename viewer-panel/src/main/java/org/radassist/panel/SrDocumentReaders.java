package org.radassist.panel;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.radassist.host.LoadedInstance;
import org.radassist.model.AlgorithmIdentification;
import org.radassist.model.CodedConcept;
import org.radassist.model.Finding;
import org.radassist.model.ImageReference;
import org.radassist.model.ImageRegion;
import org.radassist.model.Measurement;
import org.radassist.model.StudyContext;
import org.radassist.panel.SrDocumentView.SrNode;
import org.radassist.sr.ContentItem;
import org.radassist.sr.Narrative;
import org.radassist.sr.ReportView;
import org.radassist.sr.SrDocument;
import org.radassist.sr.SrWriter;
import org.radassist.sr.StructuredReportReader;
import org.radassist.sr.TreeViewNode;

/**
 * {@link SrDocumentReader}s backed by RadAssist's SR importer (org.radassist.sr): any SR IOD, TID
 * 1500 / CAD findings, key objects, dose reports, a plain-text narrative and the content tree.
 */
public final class SrDocumentReaders {
  /** Deeper trees are cut here in the panel's tree (the importer has its own limits too). */
  static final int MAX_TREE_DEPTH = 64;

  private SrDocumentReaders() {}

  /**
   * Reads instances the host has as local files ({@code file:} URIs) or on a DICOMweb server (a
   * WADO-RS instance URI, {@code http(s)://.../studies/S/series/R/instances/I}: its metadata, the
   * DICOM JSON the SR importer reads) with the default limits.
   */
  public static SrDocumentReader srImporter() {
    return srImporter(StructuredReportReader.create());
  }

  public static SrDocumentReader srImporter(StructuredReportReader reader) {
    Objects.requireNonNull(reader, "reader");
    return new Importer(reader, new WadoRs());
  }

  /** The importer as the panel's reader; the tool can warm it up before the first study. */
  private record Importer(StructuredReportReader reader, WadoRs wado) implements SrDocumentReader {
    @Override
    public SrDocumentView read(LoadedInstance instance) throws Exception {
      return view(SrDocumentReaders.read(reader, wado, instance), instance);
    }
  }

  /**
   * Reads a one-finding TID 1500 SR written in memory, when the reader is the SR importer's (else
   * nothing): the first SR read in a JVM loads and first runs the importer and PixelMed (~80-100 ms
   * of CPU, against ~7 ms for the next file), which the first study opened would otherwise wait
   * for. The tool calls it on a worker once it is built (docs/panels.md, Latency).
   */
  static Optional<SrDocumentView> warmUp(SrDocumentReader reader) throws Exception {
    if (!(reader instanceof Importer importer)) {
      return Optional.empty();
    }
    StudyContext study =
        new StudyContext(
            "2.25.1", "", "warm-up", null, "", null, null, List.of("CT"), "", null, "");
    Finding finding =
        new Finding(
            "1",
            CodedConcept.of("27925004", "SCT", "Nodule"),
            CodedConcept.of("39607008", "SCT", "Lung"),
            null,
            null,
            "warm-up",
            List.of(
                new Measurement(
                    CodedConcept.of("81827009", "SCT", "Diameter"),
                    BigDecimal.ONE,
                    CodedConcept.of("mm", "UCUM", "mm"),
                    List.of())),
            List.of(),
            new AlgorithmIdentification("RadAssist", "warm-up", List.of()),
            0.5,
            List.of(
                new ImageReference(
                    null,
                    null,
                    "1.2.840.10008.5.1.4.1.1.2",
                    "2.25.2",
                    List.of(),
                    List.of(),
                    new ImageRegion(
                        ImageRegion.GraphicType.CIRCLE, List.of(1.0, 1.0, 1.0, 2.0), false, null))),
            null);
    byte[] sr = SrWriter.writeDraft(SrWriter.Request.of(study, List.of(finding))).bytes();
    LoadedInstance instance =
        new LoadedInstance(
            study.studyInstanceUid(),
            "2.25.3",
            "1.2.840.10008.5.1.4.1.1.88.33",
            "2.25.4",
            "SR",
            URI.create("file:/warm-up.dcm"));
    return Optional.of(view(importer.reader().read(sr, "warm-up"), instance));
  }

  private static SrDocument read(StructuredReportReader reader, WadoRs wado, LoadedInstance i)
      throws Exception {
    URI uri = i.location();
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    return switch (scheme) {
      case "file" -> reader.read(Path.of(uri));
      case "http", "https" ->
          reader.readJson(
              new java.io.ByteArrayInputStream(wado.metadata(uri, reader.limits().maxBytes())),
              uri.toString());
      default ->
          throw new IllegalArgumentException(
              "reading SRs from " + scheme + " locations is not supported by this reader");
    };
  }

  /**
   * WADO-RS metadata of one instance over the JDK's HTTP client (made on first use: no thread for
   * hosts that never hand out WADO-RS URIs), each call bounded in time and size.
   */
  private static final class WadoRs {
    private static final Duration CALL = Duration.ofSeconds(30);
    private HttpClient http;

    private synchronized HttpClient http() {
      if (http == null) {
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
      }
      return http;
    }

    byte[] metadata(URI instance, long maxBytes) throws IOException, InterruptedException {
      String base = instance.toString().replaceAll("/+$", "");
      URI metadata = URI.create(base + "/metadata");
      HttpResponse<java.io.InputStream> r =
          http()
              .send(
                  HttpRequest.newBuilder(metadata)
                      .timeout(CALL)
                      .header("Accept", "application/dicom+json")
                      .GET()
                      .build(),
                  HttpResponse.BodyHandlers.ofInputStream());
      try (java.io.InputStream body = r.body()) {
        if (r.statusCode() != 200) {
          throw new IOException(metadata + ": the DICOMweb server answered HTTP " + r.statusCode());
        }
        byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
          throw new IOException(metadata + ": more than the " + maxBytes + " byte limit");
        }
        return bytes;
      }
    }
  }

  /** The panel's view of a read document. */
  public static SrDocumentView view(SrDocument doc, LoadedInstance instance) {
    ReportView report = ReportView.of(doc);
    List<String> lines = new ArrayList<>(Narrative.lines(report));
    for (String note : report.notes()) {
      lines.add("Note: " + note);
    }
    String uid =
        doc.sopInstanceUid() == null || doc.sopInstanceUid().isBlank()
            ? instance.sopInstanceUid()
            : doc.sopInstanceUid();
    return new SrDocumentView(
        uid,
        doc.title(),
        report.template(),
        node(TreeViewNode.of(doc), doc.root(), 0),
        String.join("\n", lines),
        report.findings());
  }

  /**
   * The panel's node of a content item: its relationship, value type, concept meaning and value as
   * a person reads them, and the item as dsrdump prints it (codes included) for "show codes". The
   * view tree has the content tree's shape, so both are walked together.
   */
  private static SrNode node(TreeViewNode n, ContentItem item, int depth) {
    List<SrNode> children = new ArrayList<>();
    if (depth < MAX_TREE_DEPTH) {
      int count = Math.min(n.children().size(), item.children().size());
      for (int i = 0; i < count; i++) {
        children.add(node(n.children().get(i), item.children().get(i), depth + 1));
      }
    } else if (!n.children().isEmpty()) {
      String cut = "\u2026 " + n.children().size() + " more levels not shown";
      children.add(new SrNode("", "", cut, "", List.of(), cut));
    }
    String value = item.value() == null ? "" : item.value().words();
    if (n.reference()) {
      value = value.isEmpty() ? "(reference)" : value + " (reference)";
    }
    String detail = n.reference() ? n.label() + " (reference)" : n.label();
    return new SrNode(
        item.relationship() == null ? "" : item.relationship().label(),
        item.valueType() == null ? "" : item.valueType().name(),
        item.conceptMeaning(),
        value,
        children,
        detail);
  }
}
