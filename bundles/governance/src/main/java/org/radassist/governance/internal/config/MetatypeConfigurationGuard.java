package org.radassist.governance.internal.config;

import java.util.Dictionary;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.cm.ConfigurationPlugin;
import org.osgi.service.component.annotations.Component;
import org.radassist.governance.internal.GovernanceComponent;

/**
 * Refuses an invalid Config Admin configuration of any RadAssist component and keeps the previous
 * one in force. Config Admin stores whatever it is given, but Felix SCR reads every configuration
 * through {@code Configuration.getProcessedProperties}, which passes the configuration plugins:
 * here a configuration that breaks the Metatype of its PID (type, bounds, options) is logged with
 * each key and reason and replaced, for the component, by the last valid one. Nothing is written
 * back to Config Admin, so the admin's entry stays as typed until corrected, and no update races
 * another. Checks beyond the Metatype are each component's own (governance refuses its own).
 */
@Component(
    service = {ConfigurationPlugin.class, ConfigurationListener.class},
    property = {
      // the last plugin allowed to change a configuration: after interpolation and the like
      ConfigurationPlugin.CM_RANKING + ":Integer=1000"
    })
public final class MetatypeConfigurationGuard
    implements ConfigurationPlugin, ConfigurationListener {
  private static final System.Logger LOG =
      System.getLogger(MetatypeConfigurationGuard.class.getName());

  private final LastValidConfigurations lastValid = new LastValidConfigurations();
  private final Map<Long, BundleMetatypes> metatypes = new ConcurrentHashMap<>();
  private final Map<String, String> reported = new ConcurrentHashMap<>();

  @Override
  public void modifyConfiguration(
      ServiceReference<?> reference, Dictionary<String, Object> properties) {
    Bundle bundle = reference.getBundle();
    if (bundle == null
        || bundle.getSymbolicName() == null
        || !bundle.getSymbolicName().startsWith(FrameworkPropertyConfigurations.RADASSIST_BUNDLES)
        || !(properties.get(Constants.SERVICE_PID) instanceof String pid)) {
      return;
    }
    Map<String, MetatypeAttributes.Attribute> attributes = metatypesOf(bundle).get(pid);
    if (attributes == null || pid.equals(GovernanceComponent.PID)) {
      // governance refuses its own (with checks beyond the Metatype) and reports the refusal
      return;
    }
    Optional<String> refused = lastValid.admit(pid, properties, attributes);
    if (refused.isEmpty()) {
      reported.remove(pid);
    } else if (!refused.get().equals(reported.put(pid, refused.get()))) {
      // SCR reads a configuration once per component and event: say it once per change
      LOG.log(
          System.Logger.Level.ERROR,
          "RadAssist configuration " + pid + " refused: " + refused.get());
    }
  }

  @Override
  public void configurationEvent(ConfigurationEvent event) {
    if (event.getType() == ConfigurationEvent.CM_DELETED && event.getFactoryPid() == null) {
      lastValid.forget(event.getPid());
      reported.remove(event.getPid());
    }
  }

  private Map<String, Map<String, MetatypeAttributes.Attribute>> metatypesOf(Bundle bundle) {
    BundleMetatypes known = metatypes.get(bundle.getBundleId());
    if (known == null || known.lastModified() != bundle.getLastModified()) {
      known = new BundleMetatypes(bundle.getLastModified(), MetatypeAttributes.of(bundle));
      metatypes.put(bundle.getBundleId(), known);
    }
    return known.pids();
  }

  /** A bundle's Metatype, read once per installed revision. */
  private record BundleMetatypes(
      long lastModified, Map<String, Map<String, MetatypeAttributes.Attribute>> pids) {}
}
