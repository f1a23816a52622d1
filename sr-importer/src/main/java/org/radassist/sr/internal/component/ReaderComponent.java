package org.radassist.sr.internal.component;

import java.io.InputStream;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.radassist.sr.ReadLimits;
import org.radassist.sr.SrDocument;
import org.radassist.sr.SrReadException;
import org.radassist.sr.StructuredReportReader;
import org.radassist.sr.internal.read.PixelMedSrReader;

/** The SR reader as an OSGi service, configured through Config Admin (pid below). */
@Component(service = StructuredReportReader.class, configurationPid = "org.radassist.sr.reader")
@Designate(ocd = ReaderConfig.class)
public final class ReaderComponent implements StructuredReportReader {
  private final PixelMedSrReader delegate;

  @Activate
  public ReaderComponent(ReaderConfig config) {
    this.delegate =
        new PixelMedSrReader(
            new ReadLimits(config.maxDepth(), config.maxItems(), config.maxBytes()));
  }

  @Override
  public SrDocument read(byte[] part10, String source) throws SrReadException {
    return delegate.read(part10, source);
  }

  @Override
  public SrDocument readJson(InputStream dicomJson, String source) throws SrReadException {
    return delegate.readJson(dicomJson, source);
  }

  @Override
  public ReadLimits limits() {
    return delegate.limits();
  }
}
