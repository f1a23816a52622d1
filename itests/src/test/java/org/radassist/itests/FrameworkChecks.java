package org.radassist.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/** Assertions about a running framework shared by the framework-shape itests. */
final class FrameworkChecks {
  private FrameworkChecks() {}

  static boolean isRadAssist(Bundle b) {
    String bsn = b.getSymbolicName();
    return bsn != null && (bsn.startsWith("org.radassist.") || bsn.equals("com.pixelmed"));
  }

  static List<Bundle> radAssistBundles(BundleContext context) {
    List<Bundle> bundles = new ArrayList<>();
    for (Bundle b : context.getBundles()) {
      if (isRadAssist(b)) {
        bundles.add(b);
      }
    }
    return bundles;
  }

  static void assertAllActive(BundleContext context, int expected) {
    List<Bundle> bundles = radAssistBundles(context);
    String states =
        bundles.stream()
            .map(b -> b.getSymbolicName() + " " + b.getVersion() + " " + state(b))
            .collect(Collectors.joining("\n  "));
    assertEquals("RadAssist bundles installed:\n  " + states, expected, bundles.size());
    for (Bundle b : bundles) {
      assertEquals(b.getSymbolicName() + " state\n  " + states, "ACTIVE", state(b));
    }
  }

  static String state(Bundle b) {
    switch (b.getState()) {
      case Bundle.ACTIVE:
        return "ACTIVE";
      case Bundle.RESOLVED:
        return "RESOLVED";
      case Bundle.INSTALLED:
        return "INSTALLED (unresolved)";
      case Bundle.STARTING:
        return "STARTING";
      default:
        return "state " + b.getState();
    }
  }

  /**
   * Every component of every RadAssist bundle is enabled and satisfied; returns them. A component
   * whose configuration policy is REQUIRE (e.g. the ATNA syslog forwarder, off until an admin
   * configures a collector) is satisfied by having no configuration.
   */
  static List<ComponentDescriptionDTO> assertAllComponentsSatisfied(
      BundleContext context, ServiceComponentRuntime scr) throws InterruptedException {
    Bundle[] bundles = radAssistBundles(context).toArray(new Bundle[0]);
    long deadline = System.currentTimeMillis() + 10_000;
    List<String> problems;
    Collection<ComponentDescriptionDTO> descriptions;
    do {
      descriptions = scr.getComponentDescriptionDTOs(bundles);
      problems = new ArrayList<>();
      for (ComponentDescriptionDTO d : descriptions) {
        if (!scr.isComponentEnabled(d)) {
          problems.add(d.name + ": disabled");
          continue;
        }
        Collection<ComponentConfigurationDTO> configs = scr.getComponentConfigurationDTOs(d);
        if (configs.isEmpty() && !"require".equals(d.configurationPolicy)) {
          problems.add(d.name + ": no configuration (policy " + d.configurationPolicy + ")");
        }
        for (ComponentConfigurationDTO c : configs) {
          if (c.state != ComponentConfigurationDTO.SATISFIED
              && c.state != ComponentConfigurationDTO.ACTIVE) {
            StringBuilder why = new StringBuilder(d.name + ": state " + c.state);
            for (UnsatisfiedReferenceDTO u : c.unsatisfiedReferences) {
              why.append("; unsatisfied reference ")
                  .append(u.name)
                  .append(" (target ")
                  .append(u.target)
                  .append(")");
            }
            if (c.failure != null) {
              why.append("; failure ").append(c.failure);
            }
            problems.add(why.toString());
          }
        }
      }
      if (problems.isEmpty()) {
        break;
      }
      Thread.sleep(100);
    } while (System.currentTimeMillis() < deadline);
    if (!problems.isEmpty()) {
      fail("components not satisfied:\n  " + String.join("\n  ", problems));
    }
    assertFalse("RadAssist registers no DS component at all", descriptions.isEmpty());
    return new ArrayList<>(descriptions);
  }

  /**
   * A Config Admin update of each configurable RadAssist component reaches it: a marker property
   * put into the component's configuration shows up in its SCR configuration properties, and goes
   * away again when the configuration is deleted.
   */
  static int assertConfigurationReachesComponents(
      ConfigurationAdmin configAdmin,
      ServiceComponentRuntime scr,
      List<ComponentDescriptionDTO> components)
      throws Exception {
    int reached = 0;
    for (ComponentDescriptionDTO d : components) {
      if ("ignore".equals(d.configurationPolicy) || d.factory != null) {
        continue;
      }
      String pid = d.configurationPid[0];
      Configuration configuration = configAdmin.getConfiguration(pid, "?");
      Dictionary<String, Object> existing = configuration.getProperties();
      String marker = UUID.randomUUID().toString();
      Dictionary<String, Object> props = new Hashtable<>();
      if (existing != null) {
        for (String key : java.util.Collections.list(existing.keys())) {
          props.put(key, existing.get(key));
        }
      }
      props.put("radassist.itest.marker", marker);
      configuration.update(props);
      assertTrue(d.name + " never saw its new configuration", awaitMarker(scr, d, marker, true));
      if (existing == null) {
        configuration.delete();
        assertTrue(d.name + " kept a deleted configuration", awaitMarker(scr, d, marker, false));
      }
      reached++;
    }
    return reached;
  }

  private static boolean awaitMarker(
      ServiceComponentRuntime scr, ComponentDescriptionDTO d, String marker, boolean present)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < deadline) {
      boolean seen = false;
      Collection<ComponentConfigurationDTO> configs = scr.getComponentConfigurationDTOs(d);
      // a REQUIRE-policy component simply goes away with its configuration
      boolean ok = !present && configs.isEmpty() && "require".equals(d.configurationPolicy);
      for (ComponentConfigurationDTO c : configs) {
        seen |= marker.equals(c.properties.get("radassist.itest.marker"));
        // FAILED_ACTIVATION counts too: the marker-only configuration reached a component that
        // needs more keys (e.g. the ATNA forwarder's host) and refused it, as it should; whether
        // the poll sees it SATISFIED first or already failed is a race
        ok |=
            c.state == ComponentConfigurationDTO.ACTIVE
                || c.state == ComponentConfigurationDTO.SATISFIED
                || c.state == ComponentConfigurationDTO.FAILED_ACTIVATION;
      }
      if (seen == present && ok) {
        return true;
      }
      Thread.sleep(50);
    }
    return false;
  }
}
