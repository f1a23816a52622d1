package org.radassist.panel.internal.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.radassist.model.Flag;
import org.radassist.panel.model.CriticalCommunication;

/**
 * The banner's editable {@link CriticalCommunication}: the documentation a critical result needs:
 * who was told, when and how (ACR practice parameter on communication). The banner stays until all
 * three are filled and recorded for every critical flag on screen; a new critical flag raises it
 * again.
 */
public final class MutableCriticalCommunication implements CriticalCommunication {
  private String who = "";
  private String when = "";
  private String how = "";
  private final Set<String> communicated = new LinkedHashSet<>();

  @Override
  public String who() {
    return who;
  }

  @Override
  public String when() {
    return when;
  }

  @Override
  public String how() {
    return how;
  }

  public void setWho(String value) {
    who = value == null ? "" : value;
  }

  public void setWhen(String value) {
    when = value == null ? "" : value;
  }

  public void setHow(String value) {
    how = value == null ? "" : value;
  }

  /** The names of the fields still blank, in the order shown ("who", "when", "how"). */
  @Override
  public List<String> missingFields() {
    List<String> missing = new ArrayList<>();
    if (who.isBlank()) {
      missing.add("who");
    }
    if (when.isBlank()) {
      missing.add("when");
    }
    if (how.isBlank()) {
      missing.add("how");
    }
    return List.copyOf(missing);
  }

  /** True when every one of these critical flags has a recorded communication. */
  @Override
  public boolean covers(List<Flag> criticalFlags) {
    return criticalFlags.stream().allMatch(f -> communicated.contains(f.message()));
  }

  /** The sentence documented in the report's Communication section. */
  @Override
  public String sentence(List<Flag> criticalFlags) {
    String what =
        criticalFlags.stream()
            .map(Flag::message)
            .reduce((a, b) -> a + "; " + b)
            .orElse("Critical result");
    return what.strip()
        + " \u2014 communicated to "
        + who.strip()
        + " at "
        + when.strip()
        + " by "
        + how.strip()
        + ".";
  }

  void markCommunicated(List<Flag> criticalFlags) {
    criticalFlags.forEach(f -> communicated.add(f.message()));
  }

  void reset() {
    who = "";
    when = "";
    how = "";
    communicated.clear();
  }
}
