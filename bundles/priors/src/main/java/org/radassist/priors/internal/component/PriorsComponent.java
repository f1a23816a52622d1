package org.radassist.priors.internal.component;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.radassist.host.ViewerHost;
import org.radassist.model.Finding;
import org.radassist.model.StudyContext;
import org.radassist.priors.ComparisonSummary;
import org.radassist.priors.LookupStatus;
import org.radassist.priors.PriorComparisonService;
import org.radassist.priors.PriorLookup;
import org.radassist.priors.PriorQuery;
import org.radassist.priors.PriorStudy;
import org.radassist.priors.PriorStudyProvider;
import org.radassist.priors.internal.compare.ComparisonEngine;
import org.radassist.priors.internal.dicomweb.DicomWebPriorProvider;
import org.radassist.priors.internal.dicomweb.DicomWebSettings;
import org.radassist.priors.internal.folder.FolderPriorProvider;
import org.radassist.priors.internal.host.HostPriorProvider;
import org.radassist.priors.internal.service.DefaultPriorComparisonService;
import org.radassist.priors.internal.sr.RadAssistSrContentReader;
import org.radassist.priors.internal.sr.SrContentReader;

/**
 * The prior source as an OSGi service, configured through Config Admin: DICOMweb when a URL is set,
 * else the local folder, else the viewer's loaded studies. Also offers the comparison service on
 * top of it. A new configuration re-creates the component (constructor injection, no setters).
 */
@Component(
    service = {PriorStudyProvider.class, PriorComparisonService.class},
    configurationPid = "org.radassist.priors",
    configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = PriorsConfiguration.class)
public final class PriorsComponent implements PriorStudyProvider, PriorComparisonService {

  private final PriorStudyProvider delegate;
  private final PriorComparisonService comparison;

  @Activate
  public PriorsComponent(
      PriorsConfiguration config,
      @Reference(
              cardinality = ReferenceCardinality.OPTIONAL,
              policyOption = ReferencePolicyOption.GREEDY)
          ViewerHost host) {
    this.delegate = providerFor(config, host, RadAssistSrContentReader.create());
    this.comparison =
        new DefaultPriorComparisonService(
            delegate,
            ComparisonEngine.defaults(),
            new PriorQuery(config.max_priors(), config.min_relevance()));
  }

  static PriorStudyProvider providerFor(
      PriorsConfiguration config, ViewerHost host, SrContentReader srReader) {
    if (!config.dicomweb_url().isBlank()) {
      return new DicomWebPriorProvider(
          new DicomWebSettings(
              config.dicomweb_url().trim(),
              Duration.ofMillis(config.connect_timeout_ms()),
              Duration.ofMillis(config.read_timeout_ms()),
              Duration.ofMillis(config.deadline_ms()),
              config.page_size(),
              1000,
              6),
          srReader);
    }
    if (!config.local_folder().isBlank()) {
      return new FolderPriorProvider(Path.of(config.local_folder().trim()), srReader);
    }
    if (host != null) {
      return new HostPriorProvider(host, srReader);
    }
    return new Unconfigured();
  }

  @Deactivate
  void deactivate() throws Exception {
    if (delegate instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public PriorLookup lookup(String studyInstanceUid, PriorQuery query) {
    return delegate.lookup(studyInstanceUid, query);
  }

  @Override
  public ComparisonSummary summarize(String studyInstanceUid) {
    return comparison.summarize(studyInstanceUid);
  }

  @Override
  public ComparisonSummary compare(
      StudyContext current, List<Finding> currentFindings, List<PriorStudy> priors) {
    return comparison.compare(current, currentFindings, priors);
  }

  /** No source configured and no viewer: says so instead of failing. */
  static final class Unconfigured implements PriorStudyProvider {
    @Override
    public String name() {
      return "no prior source";
    }

    @Override
    public PriorLookup lookup(String studyInstanceUid, PriorQuery query) {
      return PriorLookup.failed(
          LookupStatus.UNAVAILABLE,
          "no prior source configured (set a DICOMweb URL or a local folder)");
    }
  }
}
