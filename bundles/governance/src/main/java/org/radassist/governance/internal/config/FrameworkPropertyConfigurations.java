package org.radassist.governance.internal.config;

import java.io.IOException;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Map;
import java.util.Objects;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Makes every RadAssist setting settable as a framework property (Weasis' extension JSON, the
 * admin's one documented change): for each PID a RadAssist bundle declares in its Metatype, the
 * framework properties {@code radassist.<pid without org.radassist.>.<key>} become a Config Admin
 * configuration, typed as declared. A configuration an admin made in Config Admin is never touched
 * (it wins whole); one made here is updated when the properties change and deleted when they are
 * gone. A value that does not fit its declared type, bounds or options is refused with a message
 * naming the property, and the configuration in force stays.
 */
@Component(
    service = {},
    immediate = true)
public final class FrameworkPropertyConfigurations implements BundleListener {
  private static final System.Logger LOG =
      System.getLogger(FrameworkPropertyConfigurations.class.getName());
  static final String RADASSIST_BUNDLES = "org.radassist.";

  private final BundleContext context;
  private final ConfigurationAdmin admin;

  @Activate
  public FrameworkPropertyConfigurations(
      BundleContext context, @Reference ConfigurationAdmin admin) {
    this.context = context;
    this.admin = admin;
    context.addBundleListener(this);
    for (Bundle b : context.getBundles()) {
      if (b.getState() == Bundle.ACTIVE || b.getState() == Bundle.STARTING) {
        apply(b);
      }
    }
  }

  @Deactivate
  void deactivate() {
    context.removeBundleListener(this);
  }

  @Override
  public void bundleChanged(BundleEvent event) {
    if (event.getType() == BundleEvent.STARTED) {
      apply(event.getBundle());
    }
  }

  private void apply(Bundle bundle) {
    String bsn = bundle.getSymbolicName();
    if (bsn == null || !bsn.startsWith(RADASSIST_BUNDLES)) {
      return;
    }
    MetatypeAttributes.of(bundle).forEach(this::configure);
  }

  private void configure(String pid, Map<String, MetatypeAttributes.Attribute> attributes) {
    Dictionary<String, Object> wanted;
    try {
      wanted = FrameworkPropertyValues.of(pid, attributes, context::getProperty);
    } catch (IllegalArgumentException e) {
      LOG.log(
          System.Logger.Level.ERROR,
          "RadAssist configuration " + pid + " refused, the one in force stays: " + e.getMessage());
      return;
    }
    try {
      Configuration c = admin.getConfiguration(pid, "?");
      Dictionary<String, Object> existing = c.getProperties();
      boolean ours =
          existing != null
              && FrameworkPropertyValues.FROM_FRAMEWORK_PROPERTIES.equals(
                  existing.get(FrameworkPropertyValues.SOURCE));
      if (existing != null && !ours) {
        return; // the admin's own configuration wins whole
      }
      if (wanted.isEmpty()) {
        if (ours) {
          c.delete(); // the framework properties are gone: back to the defaults
        }
        return;
      }
      if (ours && same(existing, wanted)) {
        return;
      }
      c.update(wanted);
      LOG.log(
          System.Logger.Level.DEBUG,
          "RadAssist configuration "
              + pid
              + " set from framework properties "
              + Collections.list(wanted.keys()));
    } catch (IOException | RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "RadAssist configuration " + pid + ": " + e);
    }
  }

  /**
   * Same keys and values (arrays by content), ignoring what Config Admin adds (service.pid ...).
   */
  static boolean same(Dictionary<String, Object> existing, Dictionary<String, Object> wanted) {
    for (String key : Collections.list(wanted.keys())) {
      if (!Objects.deepEquals(existing.get(key), wanted.get(key))) {
        return false;
      }
    }
    for (String key : Collections.list(existing.keys())) {
      if (!key.startsWith("service.") && !key.startsWith("felix.") && wanted.get(key) == null) {
        return false;
      }
    }
    return true;
  }
}
